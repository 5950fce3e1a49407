"""Machine-readable descriptions: the dates of Atom feeds and schema.org NewsArticle JSON-LD."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sitegen.entity_info import EntityIndex
from sitegen.i18n import build_time
from sitegen.model import Article, Site

SCHEMA_TYPES = {"people": "Person", "places": "Place", "organisations": "Organization"}


def site_updated(site: Site) -> dt.datetime:
    """When the archive last changed: SOURCE_DATE_EPOCH if set, else the newest article's date (never
    the clock; 1970 only for an archive without a single dated article)."""
    newest = next((a.date for a in site.articles if a.date is not None), dt.date(1970, 1, 1))
    return build_time() or as_datetime(newest)


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
    about, mentions = [], []
    for key, schema_type in SCHEMA_TYPES.items():
        for name in article.terms(key):
            thing = {"@type": schema_type, "name": name}
            if name in same:
                thing["sameAs"] = same[name] if len(same[name]) > 1 else same[name][0]
            if name in article.title or name in same:
                (about if name in article.title else mentions).append(thing)
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title[:110],
            "url": url, "inLanguage": article.language or "de",
            "publisher": {"@type": "Organization", "name": site_name, "url": site_url},
            "datePublished": article.date.isoformat() if article.date is not None else "",
            "description": article.summary, "image": [image_url] if image_url else [], "about": about,
            "mentions": mentions}
    return {key: value for key, value in data.items() if value}  # tojson sorts the keys
