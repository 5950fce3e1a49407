"""Atom feeds: the whole archive and one per term, the newest FEED_SIZE entries with teasers, not bodies."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

from sitegen.i18n import build_time
from sitegen.model import Article, Site
from sitegen.snippets import teaser

FEED_SIZE = 20  # the whole archive's feed
TERM_FEED_SIZE = 10  # each entity's and tag's (thousands of feeds: a tenth of the archive's bytes at 20)
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Entry:
    """One feed entry: the article and its teaser."""

    article: Article
    summary: str


def entries(site: Site, slugs: tuple[str, ...], summary: Callable[[Article], str] | None = None,
            size: int = FEED_SIZE) -> list[Entry]:
    """The feed entries of the first `size` dated articles of `slugs` (newest first), with `summary`'s
    teasers; an undated article is left out, as an entry's <updated> would have to be invented."""
    summary = summary or (lambda a: a.summary or teaser(a.body))
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
    """A feed's <updated>: its newest entry's date, else `fallback`."""
    dated = [as_datetime(e.article.date) for e in items if e.article.date is not None]
    return max(dated) if dated else fallback


def as_datetime(value: dt.date) -> dt.datetime:
    """A date as an aware datetime (midnight UTC for a bare date or a naive time)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)


def atom_date(value: dt.date | None, fallback: dt.datetime = EPOCH) -> str:
    """RFC 3339 timestamp for Atom: '2021-12-31T00:00:00+00:00'."""
    return (as_datetime(value) if value is not None else fallback).isoformat()
