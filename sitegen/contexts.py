"""The template API: the filters and globals every template sees (with the dates of feeds and the NewsArticle
JSON-LD), and one TypedDict per template of what its context holds; `page` (its own path) is added to each."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Optional, TypedDict

from sitegen import i18n, urls
from sitegen.entity_info import EntityIndex, EntityInfo, Lead
from sitegen.markup import link_entities
from sitegen.model import Article, Site, Taxonomy
from sitegen.views import Item, Pager, TermRef, Year

TermGroups = list[tuple[Taxonomy, list[TermRef]]]
SCHEMA_TYPES = {"people": "Person", "places": "Place", "organisations": "Organization"}


def site_updated(site: Site) -> dt.datetime:
    """When the archive last changed: SOURCE_DATE_EPOCH if set, else its newest date (never the clock)."""
    newest = next((a.date for a in site.articles if a.date is not None), dt.date(1970, 1, 1))
    return i18n.build_time() or as_datetime(newest)


def as_datetime(value: dt.date) -> dt.datetime:
    """A date as an aware datetime (midnight UTC for a bare date or a naive time)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)


def same_as(article: Article, entities: EntityIndex) -> dict[str, list[str]]:
    """The Wikidata/GND URLs of the article's people, places and organisations that the registry knows."""
    infos = ((name, entities.info(key, name)) for key in SCHEMA_TYPES for name in article.terms(key))
    return {name: [u for u in (i.wikidata_url, i.gnd_url) if u] for name, i in infos if i.wikidata or i.gnd}


def news_article(article: Article, image_url: str, same: Mapping[str, list[str]]) -> dict:
    """NewsArticle (the page's canonical link and language say the rest): entities named in the headline are
    `about`, the others `mentions` when `same` (see same_as) identifies them: a bare name says no more."""
    about, mentions = [], []
    for key, schema_type in SCHEMA_TYPES.items():
        for name in article.terms(key):
            thing = {"@type": schema_type, "name": name}
            if name in same:
                thing["sameAs"] = same[name] if len(same[name]) > 1 else same[name][0]
            if name in article.title or name in same:
                (about if name in article.title else mentions).append(thing)
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title[:110],
            "datePublished": article.date.isoformat() if article.date is not None else "",
            "description": article.summary, "image": [image_url] if image_url else [], "about": about,
            "mentions": mentions}
    return {key: value for key, value in data.items() if value}  # tojson sorts the keys


FILTERS = {"german_date": i18n.german_date, "german_month": lambda ym: i18n.german_month(*ym),
           "iso_date": i18n.iso_date, "number": i18n.number, "entity_links": link_entities,
           "atom_date": lambda value: as_datetime(value).isoformat()}  # RFC 3339 for Atom feeds
GLOBALS = {**{name: path for name, path in vars(urls).items() if name.endswith("_path")},  # always in url()
           "text": i18n.TEXT, "month_names": i18n.MONTHS,
           "count_label": i18n.count_label, "news_article": news_article}


class HomeContext(TypedDict):
    """home.html: the newest dated articles (the first, in source order, when none has a date), the
    most-mentioned entities of recent months, how many articles there are and how many have no date."""
    items: tuple[Item, ...]
    recent: TermGroups
    article_count: int
    undated: int
    in_source_order: bool


class ArticleContext(TypedDict):
    """article.html: the article, its terms by taxonomy, related articles; the renderer adds `body_html`,
    the sanitised HTML of its body."""
    article: Article
    term_groups: TermGroups
    section: Optional[TermRef]
    related: Any
    image_url: str
    same_as: Any
    minutes: int
    description: str
    entity_links: tuple[tuple[str, str], ...]


class TaxonomyContext(TypedDict):
    """taxonomy.html: the letter bar as (letter, label, count), the most-mentioned terms, how many in all."""
    taxonomy: Taxonomy
    letters: list[tuple[str, str, int]]
    top: list[TermRef]
    total: int


class LetterContext(TypedDict):
    """letter.html: the terms under one letter, in filing order; a term without a page has its entry here,
    linking to its one article."""
    taxonomy: Taxonomy
    letters: list[tuple[str, str, int]]
    letter: str
    label: str
    terms: list[TermRef]


class TermContext(TypedDict):
    """term.html: one section, entity or tag; `info`, `lead` (entities), `timeline`, `together` and the
    sentences naming it on page 1 only; `feed` is '' for a term without a feed."""
    taxonomy: Taxonomy
    term: TermRef
    pager: Pager
    feed: str
    info: Optional[EntityInfo]
    items: tuple[Item, ...]
    lead: Optional[Lead]
    timeline: Any
    together: list[TermRef]


class FeedContext(TypedDict):
    """feed.xml: an Atom feed beside the page `home`; each entry's `snippet` is its teaser ('' for none)."""
    title: str
    home: str
    entries: list[Item]
    updated: dt.datetime


class ArchiveContext(TypedDict):
    """archive.html: the years, and how many articles have no date."""
    years: tuple[Year, ...]
    undated: int


class YearContext(TypedDict):
    """year.html: one year and its neighbours' numbers."""
    year: Year
    earlier: Optional[int]
    later: Optional[int]


class MonthContext(TypedDict):
    """month.html: one month (year, month) or, with `month` None, the undated articles; paginated."""
    month: Optional[tuple[int, int]]
    pager: Pager
    earlier: Optional[tuple[int, int]]
    later: Optional[tuple[int, int]]


class SearchContext(TypedDict):
    """search.html: the paths of the search bundles, merged by the search page, and of its names index."""
    bundles: list[str]
    names: str


class NamesContext(TypedDict):
    """names.json: normalised name -> [taxonomy's singular, name, page path, articles] (entity_info.py)."""
    names: dict[str, list]


class SitemapContext(TypedDict):
    """sitemap.xml: (page path, lastmod) of every HTML page in this part."""
    entries: list[tuple[str, str]]


class SitemapIndexContext(TypedDict):
    """sitemap-index.xml: the names of the sitemap parts."""
    sitemaps: list[str]
