"""Machine-readable descriptions of pages: schema.org NewsArticle JSON-LD and sitemap chunks."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sitegen.entity_info import EntityIndex
from sitegen.model import Article

SCHEMA_TYPES = {"people": "Person", "places": "Place", "organisations": "Organization"}
SITEMAP_LIMIT = 50_000


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
