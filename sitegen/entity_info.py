"""What an entity's page says of it: the editors' registry's facts (description, aliases, Wikidata, GND;
empty without a registry), the lead read from the archive ('Bundeskanzlerin Angela Merkel (CDU)'), and the
names index by which the search page leads to it (a query is normalised the same way in static/search.js)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.model import TAXONOMIES, Article, Site, Term, surname_first
from sitegen.urls import term_path
from sitegen.views import SCAN, Item, has_page

TAXONOMY_OF_TYPE = {"person": "people", "place": "places", "organisation": "organisations", "tag": "tags"}
MIN_ARTICLES = 2  # a role written once is an article's wording, not the archive's
# Endings of the words that name a role or office when written just before a name (case ignored).
ROLE_ENDINGS = tuple("""minister ministerin kanzler kanzlerin präsident präsidentin chef chefin sprecher
sprecherin vorsitzende vorsitzender führer führerin trainer trainerin meister meisterin kandidat kandidatin
abgeordnete abgeordneter politiker politikerin könig königin papst gouverneur gouverneurin direktor direktorin
botschafter botschafterin sekretär sekretärin kommissar kommissarin premier obmann obfrau hauptmann
hauptfrau leiter leiterin manager managerin anwalt anwältin richter richterin stürmer spieler spielerin
autor autorin sänger sängerin regisseur regisseurin schauspieler schauspielerin künstler künstlerin chefs
senator senatorin bischof bischöfin kardinal ökonom ökonomin gründer gründerin experte expertin diktator
rebellenführer kapitän kapitänin tormann torhüter torhüterin""".split())
_PARTY = re.compile(r"[A-ZÄÖÜ][\wÄÖÜäöüß/.&' -]{0,14}")
_WORD_BEFORE = re.compile(r"(?<![\w-])([\w-]+)\s+$")
_AFTER_NAME = re.compile(r"(?![\w-])(?:\s*\(([^()\n]{1,16})\))?")  # a whole name, and '(CDU)' after it
_NOT_PARTY = frozenset({"Archiv", "Archivbild", "Foto", "Bild", "Video", "Grafik", "Links", "Mitte", "Rechts",
                        "Reuters", "APA", "AFP", "dpa"})
ENDINGS = ("en", "er", "es", "e", "n", "s")  # tried in this order, one per word
STEM_LEAST = 4  # an ending is dropped only when this many letters remain
NAMES_LIMIT = 5000  # terms in the names index, most-mentioned first (the file stays small on big archives)
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


@dataclass(frozen=True)
class EntityInfo:
    """The registry's facts about one term."""

    description: str = ""
    aliases: tuple[str, ...] = ()
    wikidata: str = ""
    gnd: str = ""

    @property
    def wikidata_url(self) -> str:
        """The Wikidata item's URL, or ''."""
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if self.wikidata else ""

    @property
    def gnd_url(self) -> str:
        """The GND record's URL at the German National Library, or ''."""
        return f"https://d-nb.info/gnd/{self.gnd}" if self.gnd else ""


UNKNOWN = EntityInfo()  # what the registry does not know (one instance: info() is asked for every name)


@dataclass(frozen=True)
class EntityIndex:
    """Registry facts by (taxonomy key, name)."""

    registry: object = None

    @classmethod
    def load(cls, path: Path) -> "EntityIndex":
        """Read the registry file through sitegen.entities.load_registry, if both exist."""
        from sitegen.entities import load_registry

        return cls(load_registry(path)) if Path(path).is_file() else cls()

    def info(self, taxonomy: str, name: str) -> EntityInfo:
        """The facts about `name` in `taxonomy`; empty when the registry does not know it under that type."""
        entry = self.registry.lookup(name) if self.registry is not None else None
        if entry is None or TAXONOMY_OF_TYPE.get(entry.type) != taxonomy:
            return UNKNOWN
        return EntityInfo(entry.description, tuple(entry.aliases), entry.wikidata.strip(), entry.gnd.strip())


@dataclass(frozen=True)
class Lead:
    """Role and party with their number of articles (of `read` read), the first and last article; `sources`
    holds the articles read, as a page's digest covers what its context holds."""

    role: str = ""
    role_count: int = 0
    party: str = ""
    party_count: int = 0
    read: int = 0
    first: Item | None = None
    last: Item | None = None
    sources: tuple[Article, ...] = field(default=(), repr=False)


def entity_lead(site: Site, term: Term) -> Lead:
    """The lead of `term`'s page; role and party only for people."""
    first, last = _ends(site, term)
    if term.taxonomy != "people" or " " not in term.name:
        return Lead(first=first, last=last)
    roles, parties = Counter(), Counter()
    sources = tuple(site.by_slug[slug] for slug in term.articles[:SCAN])
    for source in sources:
        found = _mentions(source.body, term.name)
        words = (_WORD_BEFORE.search(source.body, max(0, start - 40), start) for start, _ in found)
        roles.update({word.group(1) for word in words if word and _is_role(word.group(1))})
        parties.update({party.strip() for _, party in found if party and _is_party(party)})
    return Lead(*_most_common(roles), *_most_common(parties), len(sources), first, last, sources)


def _mentions(body: str, name: str) -> list[tuple[int, str | None]]:
    """Where `name` stands whole in `body`, with the words in parentheses after it (no pattern per name)."""
    found, start = [], body.find(name)
    while start >= 0:
        after = _AFTER_NAME.match(body, start + len(name))
        found += [(start, after.group(1))] if after else []
        start = body.find(name, after.end() if after else start + 1)
    return found


def _is_role(word: str) -> bool:
    """Whether a capitalised word names an office or role ('Innenministerin', 'ÖVP-Chef', 'US-Präsident')."""
    return word[:1].isupper() and word.casefold().endswith(ROLE_ENDINGS) and len(word) > 3


def _is_party(text: str) -> bool:
    """Whether the words in parentheses after a name look like a party ('CDU', 'Grüne'), not age or note."""
    text = text.strip()
    return bool(_PARTY.fullmatch(text)) and text not in _NOT_PARTY and not any(c.isdigit() for c in text)


def _most_common(counts: Counter) -> tuple[str, int]:
    """The most frequent value said in at least MIN_ARTICLES articles (ties: alphabetical), or ('', 0)."""
    best = min(counts.items(), key=lambda item: (-item[1], item[0]), default=("", 0))
    return best if best[1] >= MIN_ARTICLES else ("", 0)


def _ends(site: Site, term: Term) -> tuple[Item | None, Item | None]:
    """The oldest and newest dated article naming the term (articles are newest first, undated last)."""
    articles = [site.by_slug[slug] for slug in term.articles]
    ends = [a for a in articles if a.date is not None][::-1] or articles  # oldest first, else source order
    return (Item(ends[0]), Item(ends[-1])) if ends else (None, None)


def normalise(text: str) -> str:
    """Lower case, ß as ss, one German plural or case ending dropped per word: 'Angela  Merkels' -> 'angela
    merkel', 'Flüchtlinge' -> 'flüchtling'."""
    words = _WORD.findall(text.lower().replace("ß", "ss"))
    return " ".join(_stem(word) for word in words)


def _stem(word: str) -> str:
    """The word without one ending, if enough of it remains."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= STEM_LEAST:
            return word[:-len(ending)]
    return word


def names_index(site: Site, entities: EntityIndex) -> dict[str, list]:
    """{normalised name: [singular, name, page path, articles]} of the most-mentioned terms with a page: name,
    aliases, a person's surname that no other indexed person has; the term with more articles wins a key."""
    terms = sorted((t for key in site.terms for t in site.terms[key] if has_page(t)),
                   key=lambda t: (-len(t.articles), t.taxonomy, t.name))[:NAMES_LIMIT]
    singular = {t.key: t.singular for t in TAXONOMIES}
    index: dict[str, list] = {}
    surnames: dict[str, list[Term]] = {}
    for term in terms:
        entry = [singular[term.taxonomy], term.name, term_path(term.taxonomy, term.slug), len(term.articles)]
        for name in (term.name, *entities.info(term.taxonomy, term.name).aliases):
            index.setdefault(normalise(name), entry)
        if term.taxonomy == "people" and " " in term.name:
            surnames.setdefault(normalise(surname_first(term.name).split(",")[0]), []).append(term)
    for key, people in surnames.items():
        if len(people) == 1 and key:
            index.setdefault(key, index[normalise(people[0].name)])
    index.pop("", None)
    return index
