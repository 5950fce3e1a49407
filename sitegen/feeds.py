"""Machine-readable descriptions: Atom feeds (the newest entries with teasers, not bodies), schema.org
NewsArticle JSON-LD and sitemap chunks."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import islice

from sitegen.entity_info import EntityIndex
from sitegen.i18n import build_time
from sitegen.model import Article, Site

FEED_SIZE = 20  # the whole archive's feed
TERM_FEED_SIZE = 10  # each entity's and tag's (thousands of feeds: a tenth of the archive's bytes at 20)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
SCHEMA_TYPES = {"people": "Person", "places": "Place", "organisations": "Organization"}
SITEMAP_LIMIT = 50_000


@dataclass(frozen=True)
class Entry:
    """One feed entry: the article and its teaser."""

    article: Article
    summary: str


def entries(site: Site, slugs: tuple[str, ...], summary: Callable[[Article], str], size: int) -> list[Entry]:
    """The feed entries of the first `size` dated articles of `slugs` (newest first), with `summary`'s
    teasers; an undated article is left out, as an entry's <updated> would have to be invented."""
    dated = (a for a in (site.by_slug[s] for s in slugs) if a.date is not None)
    return [Entry(a, summary(a)) for a in islice(dated, size)]


def site_updated(site: Site) -> dt.datetime:
    """When the archive last changed: SOURCE_DATE_EPOCH if set, else the newest article's date (never
    the clock; 1970 only for an archive without a single dated article)."""
    fixed = build_time()
    if fixed is not None:
        return fixed
    dated = next((a.date for a in site.articles if a.date is not None), None)
    return as_datetime(dated) if dated is not None else EPOCH


def feed_updated(items: list[Entry], fallback: dt.datetime) -> dt.datetime:
    """A feed's <updated>: its newest entry's date (every entry has one), else `fallback`."""
    return max((as_datetime(e.article.date) for e in items), default=fallback)


def as_datetime(value: dt.date) -> dt.datetime:
    """A date as an aware datetime (midnight UTC for a bare date or a naive time)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)


def atom_date(value: dt.date) -> str:
    """RFC 3339 timestamp for Atom: '2021-12-31T00:00:00+00:00'."""
    return as_datetime(value).isoformat()


def same_as(article: Article, entities: EntityIndex) -> dict[str, list[str]]:
    """The Wikidata/GND URLs of the article's people, places and organisations that the registry knows."""
    out = {}
    for key in SCHEMA_TYPES:
        for name in article.terms(key):
            info = entities.info(key, name)
            urls = [u for u in (info.wikidata_url, info.gnd_url) if u]
            if urls:
                out[name] = urls
    return out


def news_article(article: Article, url: str, site_name: str, site_url: str, image_url: str,
                 same: Mapping[str, list[str]]) -> dict:
    """The NewsArticle object (built while rendering): entities named in the headline are `about`, the others
    `mentions` when the registry identifies them (a bare name says no more than the text), each with `sameAs`
    from `same` (see same_as)."""
    data: dict = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title[:110],
                  "url": url, "inLanguage": article.language or "de",
                  "publisher": {"@type": "Organization", "name": site_name, "url": site_url}}
    if article.date is not None:
        data["datePublished"] = article.date.isoformat()
    if article.summary:
        data["description"] = article.summary
    if image_url:
        data["image"] = [image_url]
    about, mentions = [], []
    for key, schema_type in SCHEMA_TYPES.items():
        for name in article.terms(key):
            thing = {"@type": schema_type, "name": name}
            if name in same:
                thing["sameAs"] = same[name] if len(same[name]) > 1 else same[name][0]
            if name in article.title or name in same:
                (about if name in article.title else mentions).append(thing)
    if about:
        data["about"] = about
    if mentions:
        data["mentions"] = mentions
    return data


def lastmod(value: dt.date | None) -> str:
    """The sitemap's <lastmod> of a date: 'YYYY-MM-DD', or '' when unknown."""
    return "" if value is None else value.isoformat()[:10]


def chunks(entries: list, size: int = SITEMAP_LIMIT) -> list[list]:
    """Sitemap entries in files of at most `size` URLs (the protocol's limit is 50,000)."""
    return [entries[i:i + size] for i in range(0, len(entries), size)] or [[]]
