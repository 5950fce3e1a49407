"""Frozen dataclasses of the archive: Article, Image, Taxonomy, Term, Site. No I/O."""
from __future__ import annotations

import copyreg
import datetime as dt
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping


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


def outline(article: Article) -> tuple:
    """What pages other than the article's own show of it: every field but the body (and the file's hash)."""
    return tuple(value for name, value in vars(article).items() if name not in ("body", "digest"))


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
