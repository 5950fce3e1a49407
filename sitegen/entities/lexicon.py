"""Word lists the features consult: places, countries, given names, role cues; HanTa's tag per word type."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .hanta import tagger as _hanta

DATA = Path(__file__).parent / "data"


def _words(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def _lines(name: str) -> frozenset[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """Noun lemmas of the GermEval training documents (data/noun_df.tsv): 'Zug', 'Franken'."""
    return frozenset(line.split("\t")[0] for line in _lines("noun_df.tsv"))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Single tokens of GeoNames place names (one-word names only, to keep membership exact)."""
    return frozenset(n for n in _lines("places.txt") if " " not in n) | _words("places_extra.txt")


@lru_cache(maxsize=1)
def multiword_places() -> frozenset[str]:
    """GeoNames place names of two or more words ('Buenos Aires', 'Sankt Pölten')."""
    return frozenset(n for n in _lines("places.txt") if " " in n)


@lru_cache(maxsize=1)
def local_places() -> frozenset[str]:
    """Towns of 500 people or more in Austria, Germany, Switzerland and Liechtenstein that places.txt lacks
    ('Eisenstadt', 'Bad Radkersburg'): they confirm a place, the tagger's features never read them."""
    return _lines("places_local.txt")


@lru_cache(maxsize=1)
def wordlike_towns() -> frozenset[str]:
    """Towns of places_local.txt's kind whose name is also a word or a person's ('Spielfeld', 'Ahorn'): places
    only where a place's noun says so."""
    return _lines("places_wordlike.txt")


@lru_cache(maxsize=1)
def local_towns() -> frozenset[str]:
    """The one-word towns of places_local.txt the dictionary does not know ('Traiskirchen'; not 'Neuland',
    'Industriegebiet'): a feature of the tagger, sorted out at build time (data/places_local_unknown.txt)."""
    return _lines("places_local_unknown.txt")


def town(name: str) -> bool:
    """A place of places.txt (its one-word names) or of places_local.txt."""
    return name in places() or name in local_places()


@lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """The hand-made list of regions, states and landscapes (places_extra.txt)."""
    return _words("places_extra.txt")


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """German country and region names from Babel's CLDR data, plus a few common short forms."""
    from babel import Locale  # noqa: PLC0415 - lazy: Babel import costs a little

    names = {n for n in Locale("de").territories.values() if " " not in n}
    return frozenset(names | {"USA", "US", "UK", "GB", "EU", "Europa", "Afrika", "Asien", "Amerika",
                              "Nahost"})


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    return _words("firstnames.txt")


@lru_cache(maxsize=1)
def census_first_names() -> frozenset[str]:
    """Given names of the US census that are no German word (firstnames_census.txt): a tagger's feature."""
    return _words("firstnames_census.txt")


@lru_cache(maxsize=1)
def phrases() -> dict[tuple[str, ...], tuple[str, str]]:
    """Shipped multi-word names: token tuple -> (canonical, class); match them by normalize.key."""
    out = {}
    for line in _lines("phrases.txt"):
        name, cls = line.split("\t")
        if " " in name:
            out[tuple(name.split())] = (name, cls)
    return out


ALIAS_TYPES = {"person": "PER", "place": "LOC", "organisation": "ORG"}


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """Shipped alias list: folded name or alias -> (canonical name, class), from data/aliases.tsv."""
    out = {}
    for line in _lines("aliases.tsv"):
        name, typ, forms = line.split("\t")
        for form in [name, *forms.split("|")]:
            out[form.casefold()] = (name, ALIAS_TYPES[typ])
    return out


@lru_cache(maxsize=1)
def listed_organisations() -> frozenset[str]:
    """One-word names of the alias list's organisations and of well-known companies as written, but those
    that are also adjectives, words or names of another kind ('Grüne', 'Krone', 'Blizzard')."""
    out = set()
    for line in _lines("aliases.tsv"):
        name, kind, forms = line.split("\t")
        out |= {form for form in (name, *forms.split("|")) if kind == "organisation" and " " not in form
                and len(form) >= 3 and form not in common_nouns() and not pos(form)[0].startswith("ADJ")
                and not pos(form.lower())[0].startswith("ADJ")}
    other = places() | people() | first_names() | countries() | regions()
    return frozenset(out | {form for form in companies() if len(form) >= 4 and not pos(form.lower())[1]
                            and pos(form) != ("NN", True) and form not in other})


def alias_forms(name: str) -> list[str]:
    """Every form the shipped alias list gives for its canonical name (the name first)."""
    return [name] + [f for f, (n, _) in aliases().items() if n == name and f != name.casefold()]


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Result codes, products and works that the tagger takes for names (data/notnames.txt)."""
    return _lines("notnames.txt")


@lru_cache(maxsize=1)
def work_cues() -> frozenset[str]:
    """Nouns that introduce a work or product before its name (data/workcues.txt)."""
    return _words("workcues.txt")


@lru_cache(maxsize=1)
def event_words() -> dict[str, tuple[str, ...]]:
    """Kind ('words', 'heads', 'cues') -> words of events, prizes and agreements (data/eventwords.txt)."""
    out: dict[str, list[str]] = {}
    for line in _lines("eventwords.txt"):
        kind, _, words = line.partition(":")
        out.setdefault(kind.strip(), []).extend(words.split())
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def product_words() -> frozenset[str]:
    """Words that make a multi-word name a product or work (data/productwords.txt)."""
    return _words("productwords.txt")


@lru_cache(maxsize=1)
def orgs() -> frozenset[str]:
    return _words("orgs.txt")


@lru_cache(maxsize=1)
def place_endings() -> tuple[str, ...]:
    """Endings of German place names (data/placeendings.txt): 'Gerasdorf', 'Mauerbach'."""
    return tuple(sorted(_words("placeendings.txt")))


@lru_cache(maxsize=1)
def org_names() -> frozenset[str]:
    """Tokens of orgs.txt that name an organisation on their own (not 'Internet' of Rocket Internet)."""
    return orgs() - _words("orgpieces.txt")


@lru_cache(maxsize=1)
def folded_org_names() -> frozenset[str]:
    """org_names() in lower case ('unicredit' for 'UniCredit')."""
    return frozenset(name.casefold() for name in org_names())


ORG_SUFFIXES = ("partei", "bank", "konzern", "verband", "verein", "ministerium", "gericht", "kommission",
                "agentur", "stiftung", "kammer", "gewerkschaft", "zeitung", "verlag", "institut", "amt")


@lru_cache(maxsize=1)
def companies() -> frozenset[str]:
    """Well-known companies, brands and clubs whose name alone is an organisation (data/companies.txt)."""
    return _words("companies.txt")


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    return _words("orgwords.txt")


@lru_cache(maxsize=1)
def people() -> frozenset[str]:
    return _words("people.txt")


@lru_cache(maxsize=1)
def cues() -> frozenset[str]:
    return _words("cues.txt")


@lru_cache(maxsize=1)
def clusters() -> dict[str, tuple[str, ...]]:
    """Word -> its distributional cluster ids built by build_clusters, coarse to fine."""
    out = {}
    for line in (DATA / "clusters.tsv").read_text(encoding="utf-8").splitlines():
        word, *ids = line.split("\t")
        out[word] = tuple(ids)
    return out


_KNOWN: dict[str, dict[str, str]] = {}


def set_known(table: dict[str, str] | None) -> None:
    """Swap the name table (training uses one built from the other folds); None restores the shipped one."""
    _KNOWN.clear()
    if table is not None:
        _KNOWN["table"] = table


def known() -> dict[str, str]:
    """Token -> classes it had inside annotated names ("LOC", "ORG|PER", ...), from data/known.tsv."""
    if "table" not in _KNOWN:
        lines = (DATA / "known.tsv").read_text(encoding="utf-8").splitlines()
        _KNOWN["table"] = dict(line.split("\t") for line in lines if not line.startswith("#"))
    return _KNOWN["table"]


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """HanTa's lemma for the word out of context."""
    try:
        return str(_hanta().analyze(word)[0])
    except Exception:  # noqa: BLE001 - HanTa fails on odd characters
        return word


@lru_cache(maxsize=200_000)
def pos(word: str) -> tuple[str, bool]:
    """HanTa's best tag for the word out of context, and whether its lexicon knows it."""
    if not any(c.isalpha() for c in word):
        return "PUNCT" if not any(c.isdigit() for c in word) else "CARD", True
    try:
        cands = _hanta().tag_word(word)
    except Exception:  # noqa: BLE001 - HanTa fails on odd characters
        return "UNK", False
    if not cands:
        return "UNK", False
    tag, score = cands[0]
    return str(tag), float(score) > -20
