"""What each template sees besides the globals (theme.make_environment): one TypedDict per template.

The planner (pages.py) makes every context through these, so this module is the template API's reference; the
README's "Theming" section points here. `page` (the page's own path) is added to every context."""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional, TypedDict

from sitegen.archive import Year
from sitegen.entity_info import EntityInfo
from sitegen.feeds import Entry
from sitegen.model import Article, Taxonomy
from sitegen.paging import Pager
from sitegen.views import Item, TermRef

TermGroups = list[tuple[Taxonomy, list[TermRef]]]


class HomeContext(TypedDict):
    """home.html: the newest articles, paginated; on page 1 the most-mentioned entities of recent months."""
    pager: Pager
    items: tuple[Item, ...]
    feed: str
    recent: TermGroups
    article_count: int


class ArticleContext(TypedDict):
    """article.html: the article, its terms by taxonomy, related and neighbouring articles; the renderer
    adds `body_html`, the sanitised HTML of its body."""
    article: Article
    term_groups: TermGroups
    related: Any
    older: Optional[Article]
    newer: Optional[Article]
    image_url: str
    same_as: Any
    minutes: int
    description: str


class TaxonomyContext(TypedDict):
    """taxonomy.html: the letter bar as (letter, label, count), the most-mentioned terms, how many there
    are."""
    taxonomy: Taxonomy
    letters: list[tuple[str, str, int]]
    top: list[TermRef]
    total: int


class LetterContext(TypedDict):
    """letter.html: the terms under one letter, by name or by count."""
    taxonomy: Taxonomy
    letters: list[tuple[str, str, int]]
    letter: str
    label: str
    by_count: bool
    terms: list[TermRef]


class TermContext(TypedDict):
    """term.html: one entity or tag; `info`, `timeline` and `together` on page 1 only."""
    taxonomy: Taxonomy
    term: TermRef
    pager: Pager
    forms: Any
    feed: str
    info: Optional[EntityInfo]
    items: tuple[Item, ...]
    timeline: Any
    together: list[TermRef]


class FeedContext(TypedDict):
    """feed.xml: an Atom feed beside the page `home`."""
    title: str
    home: str
    entries: list[Entry]
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
    """search.html: the paths of the search bundles, merged by the search page."""
    bundles: list[str]


class SitemapContext(TypedDict):
    """sitemap.xml: (page path, lastmod) of every HTML page in this part."""
    entries: list[tuple[str, str]]


class SitemapIndexContext(TypedDict):
    """sitemap-index.xml: the names of the sitemap parts."""
    sitemaps: list[str]
