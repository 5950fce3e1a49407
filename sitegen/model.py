"""The archive as frozen dataclasses (Article, Image, Taxonomy, Term, Site), and build_site: the Site of
a list of articles (newest first, undated last in source order; a Term per name; people by surname)."""
from __future__ import annotations

import copyreg
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Mapping

from sitegen.slug import free_slug, unique_slugs


def read_only(mapping: dict) -> Mapping:
    """A read-only view of a dict (Article.extra) that pickles as its contents, unlike a bare one."""
    return MappingProxyType(mapping)


copyreg.pickle(MappingProxyType, lambda proxy: (read_only, (dict(proxy),)))


@dataclass(frozen=True)
class Image:
    """The lead photo: caption and credit (the file itself is optional)."""

    caption: str = ""
    credit: str = ""
    src: str = ""


@dataclass(frozen=True)
class Taxonomy:
    """One kind of term (people, places, ...): its key, German names and URL folder; `listed` when the front
    matter holds its names as a list under `key`, browsed A-Z (else one SECTION_FIELDS field, all at once)."""

    key: str
    title: str
    singular: str
    path: str
    listed: bool = True


TAXONOMIES: tuple[Taxonomy, ...] = (
    Taxonomy("sections", "Ressorts", "Ressort", "ressorts", listed=False),
    Taxonomy("people", "Personen", "Person", "personen"),
    Taxonomy("places", "Orte", "Ort", "orte"),
    Taxonomy("organisations", "Organisationen", "Organisation", "organisationen"),
    Taxonomy("tags", "Themen", "Thema", "themen"),
)
TAXONOMY_KEYS = tuple(t.key for t in TAXONOMIES if t.listed)  # list fields of the front matter
SECTION_FIELDS = ("section", "category")  # one field under two names; the first wins


@dataclass(frozen=True)
class Article:
    """One article as its front matter and body describe it."""

    title: str
    slug: str
    body: str
    date: dt.date | dt.datetime | None = None
    source: str = ""
    language: str = "de"
    summary: str = ""
    image: Image | None = None
    tags: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    extra: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    path: str = ""
    digest: str = field(default="", compare=False)

    def terms(self, key: str) -> tuple[str, ...]:
        """The article's names in taxonomy `key`."""
        if key == "sections":
            return (self.section,) if self.section else ()
        return getattr(self, key)

    @property
    def section(self) -> str:
        """The article's section (Ressort), from `section:` or `category:`; '' when it has none."""
        for name in SECTION_FIELDS:
            value = self.extra.get(name)
            if isinstance(value, (str, int, float)) and str(value).strip():
                return " ".join(str(value).split())
        return ""

    @property
    def sort_key(self) -> tuple:
        """Oldest first when sorted ascending (aware times as UTC); unknown dates first; slug breaks ties."""
        date = self.date
        if isinstance(date, dt.datetime) and date.tzinfo is not None:
            date = date.astimezone(dt.timezone.utc).replace(tzinfo=None)
        if date is not None and not isinstance(date, dt.datetime):
            date = dt.datetime(date.year, date.month, date.day)
        return (date is not None, date.isoformat() if date else "", self.slug)


def outline(article: Article) -> dict[str, object]:
    """What pages other than the article's own show of it: every field but the body (and the file's hash)."""
    return {name: value for name, value in vars(article).items() if name not in ("body", "digest")}


@dataclass(frozen=True)
class Term:
    """One entity or tag: its name, slug and the slugs of its articles, newest first."""

    taxonomy: str
    name: str
    slug: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Site:
    """Everything a render needs: articles newest first, and the terms of every taxonomy."""

    articles: tuple[Article, ...]
    by_slug: Mapping[str, Article]
    terms: Mapping[str, tuple[Term, ...]]
    term_index: Mapping[tuple[str, str], Term]
    warnings: tuple[str, ...] = ()

    def term(self, taxonomy: str, name: str) -> Term:
        """The term `name` of `taxonomy`."""
        return self.term_index[(taxonomy, name)]


def build_site(articles: list[Article], registry: str = "content/entities.yaml") -> Site:
    """The immutable site model (with slugs made unique); `registry` is the entity registry's path as the
    warnings name it."""
    articles = unique_slugs_of(articles)
    dated = sorted((a for a in articles if a.date is not None), key=lambda a: a.sort_key, reverse=True)
    ordered = tuple(dated + sorted((a for a in articles if a.date is None), key=source_order))
    by_slug = {article.slug: article for article in articles}
    terms, warnings = {}, []
    for key in (taxonomy.key for taxonomy in TAXONOMIES):
        terms[key], shared = _terms_of(key, ordered)
        warnings += [f"{key}: {' / '.join(names)} bekämen dieselbe Seite; jeder Name erhält eine eigene, "
                     f"nummerierte (führe sie in {registry} zusammen oder korrigiere die Artikel)"
                     for names in shared]
    index = {(key, term.name): term for key, of_key in terms.items() for term in of_key}
    return Site(articles=ordered, by_slug=MappingProxyType(by_slug), terms=MappingProxyType(terms),
                term_index=MappingProxyType(index), warnings=tuple(warnings))


def unique_slugs_of(articles: list[Article]) -> list[Article]:
    """The articles with one slug each: of those sharing one (a title used twice), the oldest keeps it and
    the others get their date appended, or -2, -3 (undated)."""
    groups: dict[str, list[Article]] = {}
    for article in sorted(articles, key=lambda a: (a.date is None, a.sort_key, a.path)):
        groups.setdefault(article.slug, []).append(article)
    if len(groups) == len(articles):
        return articles
    taken, unique = set(groups), []
    for slug, (keeper, *others) in groups.items():
        unique.append(keeper)
        for article in others:
            stem = f"{slug}-{article.date.isoformat()[:10]}" if article.date else slug
            unique.append(replace(article, slug=free_slug(stem, taken)))
    return unique


def _terms_of(key: str, ordered: tuple[Article, ...]) -> tuple[tuple[Term, ...], list[list[str]]]:
    """The terms of one taxonomy, sorted by name, each with its articles newest first; and the names that only
    differ in case, umlauts or punctuation ('Müller', 'Mueller', 'müller'), which get numbered slugs."""
    members: dict[str, list[str]] = {}
    for article in ordered:
        for name in article.terms(key):
            members.setdefault(name, []).append(article.slug)
    names = sorted(members, key=person_sort_name if key == "people" else sort_name)
    slugs, shared = unique_slugs(names)
    rank = {name: i for i, name in enumerate(names)}  # the warnings name them in this order too
    shared = sorted((sorted(group, key=rank.__getitem__) for group in shared), key=lambda g: rank[g[0]])
    return tuple(Term(taxonomy=key, name=name, slug=slugs[name], articles=tuple(members[name]))
                 for name in names), shared


_ROW = re.compile(r"#row=(\d+)$")
_DIGITS = re.compile(r"(\d+)")


def source_order(article: Article) -> tuple:
    """Where an article came from, in reading order: its source file, its row in a dump (numerically), then
    its own file name (with numbers compared as numbers: bericht-9 before bericht-10)."""
    source, row = article.source, 0
    match = _ROW.search(source)
    if match:
        source, row = source[:match.start()], int(match.group(1))
    return (_natural(source.split("#", 1)[0]), row, _natural(article.path), article.slug)


def _natural(text: str) -> tuple:
    """A key that compares the digit runs of `text` as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in _DIGITS.split(text))


def sort_name(name: str) -> tuple[str, str]:
    """German alphabetical order (DIN 5007-1): accented letters with their base letter, ß as ss, any case."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)), name


# Name particles that are not filed on, when written in lower case (as German Wikipedia's SORTIERUNG and the
# libraries' rules do): 'Ursula von der Leyen' files as 'Leyen, Ursula von der', 'Baschar al-Assad' as
# 'Assad, Baschar al-'. Written capitalised they are part of the surname: 'Van der Bellen, Alexander'.
PARTICLES = frozenset({"von", "vom", "zu", "zur", "van", "de", "der", "den", "del", "della", "di", "da",
                       "dos", "du", "la", "le", "ten", "ter", "al", "el", "bin", "ibn"})
_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
                       "xii", "xiii", "xiv", "xv", "xvi"})  # 'Felipe VI' files under F, as a name alone


def surname_first(name: str) -> str:
    """'Leyen, Ursula von der' for 'Ursula von der Leyen'; 'Van der Bellen, Alexander'; 'Assad, Baschar
    al-'."""
    words = name.split()
    while len(words) > 1 and words[-1].casefold() in _SUFFIXES:
        words.pop()
    if len(words) < 2:
        return name
    start = len(words) - 1
    while start > 0 and words[start - 1].casefold() in PARTICLES:
        start -= 1  # 'Van der Bellen': the particles before the last word belong to the surname ...
    if words[start][:1].islower():
        while start < len(words) - 1 and words[start].casefold() in PARTICLES:
            start += 1  # ... unless they are written in lower case: they then follow the given names
    if start == 0:
        return name  # 'De Baere': a surname alone
    surname, first = words[start:], words[:start]
    head, dash, rest = surname[-1].partition("-")
    if dash and rest and head in PARTICLES:  # 'al-Assad' -> 'Assad, ... al-'
        surname, first = [*surname[:-1], rest], [*first, head + dash]
    return f"{' '.join(surname)}, {' '.join(first)}"


def person_sort_name(name: str) -> tuple[str, str]:
    """A person's place in an A-Z list: by surname, then given names."""
    return sort_name(surname_first(name))[0], name
