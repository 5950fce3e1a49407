"""Build data/firstnames_census.txt: given names of the 1990 US census (the `names` package's lists, MIT, the
census data public domain) that the hand-made list lacks, without those that are also a German word, a place,
an organisation, a listed person or one of the 2,000 commonest US surnames ('Cameron', 'Scott', 'Kirk').

Build time only: `pip install names==0.3.0`. Run: python -m tools.entities.build_firstnames
"""
from __future__ import annotations

from pathlib import Path

from sitegen.entities import lexicon
from sitegen.entities.lexicon import DATA

OUT = DATA / "firstnames_census.txt"
SURNAMES = 2000  # the commonest US surnames, which news name alone: 'Cameron', 'Carter', 'Scott'
# words that open other names in news: places ('Monte Bondone', 'Santa Maria', 'Sid'), works ('Mona Lisa',
# 'Monty Python', 'Bee Gees'), an English adjective ('Royal Bank'), an event, a goddess taken for the IS
NOT_GIVEN = frozenset("Monte Santa Sid Mona Monty Royal Gala Isis Bee".split())


def census_names(folder: Path) -> list[str]:
    """The census's given names, men's then women's, most frequent first, capitalised."""
    out: dict[str, None] = {}
    for name in ("dist.male.first", "dist.female.first"):
        for line in (folder / name).read_text(encoding="ascii").splitlines():
            out[line.split()[0].capitalize()] = None
    return list(out)


def word_or_name(name: str, surnames: set[str]) -> bool:
    """A word the dictionary knows (as written or in lower case) as no name, a noun of the training texts, a
    place, an organisation, a listed person or a common surname."""
    tag, known = lexicon.pos(name)
    low_tag, low_known = lexicon.pos(name.lower())
    other = name in lexicon.places() or name in lexicon.countries() or name in lexicon.regions() \
        or name in lexicon.orgs() or name in lexicon.companies() or name in lexicon.people()
    return known and tag != "NE" or low_known and low_tag != "NE" or name in lexicon.common_nouns() \
        or other or name in surnames or name in NOT_GIVEN or len(name) < 3


def main() -> int:
    import names  # noqa: PLC0415 - build time only

    folder = Path(names.__file__).parent
    surnames = {line.split()[0].capitalize()
                for line in (folder / "dist.all.last").read_text(encoding="ascii").splitlines()[:SURNAMES]}
    hand = lexicon._words("firstnames.txt")
    found = [n for n in census_names(folder) if n not in hand and not word_or_name(n, surnames)]
    head = ("# Given names of the 1990 US census (via the names package, MIT; census data public domain) that"
            " firstnames.txt lacks, without German words, places, organisations, listed people and the 2,000"
            " commonest US surnames; built by tools/entities/build_firstnames.py\n")
    OUT.write_text(head + " ".join(found) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(found)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
