"""Views of the archive for its pages: ways into it (A-Z, most mentioned, recent, date archive, timelines,
related articles, co-mentions) and small picklable views (term links, list items, pages of a listing)."""
from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import chain, groupby, takewhile
from operator import attrgetter
from typing import Mapping, Sequence

from sitegen.i18n import german_month, number
from sitegen.model import Article, Site, Term, person_sort_name, sort_name
from sitegen.urls import letter_path, page_path, term_path

ENTITY_KEYS = ("people", "places", "organisations")
LETTERS = {**{c: c.upper() for c in "abcdefghijklmnopqrstuvwxyz"}, "0-9": "#"}  # letter: what the bar shows
TOP_TERMS = 100
RECENT_DAYS = 92
RECENT_TOP = 8
HEIGHT = 40  # of the timeline chart
MIN_MENTIONS = 3  # dated mentions a timeline needs
MIN_MONTHS = 12  # a timeline spans at least this many months
WINDOW = 12  # articles either side, by date, in each entity an article shares, looked at for related ones
RELATED = 3
SCAN = 200  # newest articles of a term read for its co-mentions and for a person's role and party
CO_MENTIONS = 10
MIN_SHARED = 2  # named together once is a coincidence of one article, not 'often'
SHARE_OF = 25  # ... nor, for a term of many articles, named together in fewer than 1 in 25 of them
PAGE_SIZE = 50
PAGE_MIN = 2  # a name in fewer articles gets no page: its entry on the letter page names its one article


def initial(name: str, key: str = "") -> str:
    """The letter a name files under: 'Ökonomie' 'o', '1. FC Köln' '0-9', Angela Merkel (a person) 'm'."""
    first = (person_sort_name(name) if key == "people" else sort_name(name))[0][:1]
    return first if "a" <= first <= "z" else "0-9"


def letters(terms: tuple[Term, ...]) -> dict[str, list[Term]]:
    """Every letter of the bar ('a'..'z', '0-9' for the rest), empty ones too, with its terms in order."""
    groups: dict[str, list[Term]] = {letter: [] for letter in LETTERS}
    for term in terms:
        groups[initial(term.name, term.taxonomy)].append(term)
    return groups


def most_mentioned(terms: tuple[Term, ...]) -> list[Term]:
    """The TOP_TERMS terms with the most articles, ties by name."""
    return heapq.nsmallest(TOP_TERMS, terms, key=lambda t: (-len(t.articles), sort_name(t.name)))


def recent_top(site: Site) -> list[tuple[str, list[tuple[Term, int]]]]:
    """Per entity taxonomy, the RECENT_TOP most-mentioned terms of the RECENT_DAYS before the newest date."""
    if not site.articles or site.articles[0].date is None:
        return []
    since = site.articles[0].date.toordinal() - RECENT_DAYS  # days, for a date or a datetime alike
    recent = list(takewhile(lambda a: a.date is not None and a.date.toordinal() > since, site.articles))
    out = []
    for key in ENTITY_KEYS:
        counts = Counter(name for a in recent for name in a.terms(key))
        best = heapq.nsmallest(RECENT_TOP, counts.items(), key=lambda item: (-item[1], sort_name(item[0])))
        if best:
            out.append((key, [(site.term(key, name), n) for name, n in best]))
    return out


@dataclass(frozen=True)
class Month:
    """One month that has articles: its year, number and articles newest first."""

    year: int
    month: int
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Year:
    """One year that has articles: its months (January first) and article count."""

    year: int
    months: tuple[Month, ...]

    @property
    def count(self) -> int:
        """Articles in the year."""
        return sum(len(m.articles) for m in self.months)

    def month(self, number: int) -> Month | None:
        """The month `number` if it has articles."""
        return next((m for m in self.months if m.month == number), None)


@dataclass(frozen=True)
class Archive:
    """Years newest first, every month in time order, and the undated articles."""

    years: tuple[Year, ...]
    months: tuple[Month, ...]
    undated: tuple[Article, ...]

    @classmethod
    def of(cls, site: Site) -> "Archive":
        """Group the site's articles (already newest first) by month."""
        groups: dict[tuple[int, int], list[Article]] = {}
        for article in site.articles:
            if article.date is not None:
                groups.setdefault((article.date.year, article.date.month), []).append(article)
        months = tuple(Month(y, m, tuple(groups[(y, m)])) for y, m in sorted(groups))
        years = [Year(year, tuple(of_year)) for year, of_year in groupby(months, key=attrgetter("year"))]
        return cls(tuple(reversed(years)), months, tuple(a for a in site.articles if a.date is None))


@dataclass(frozen=True)
class Timeline:
    """Bars as strokes in a viewBox of `months` x HEIGHT (a unit a month), and the words that say them."""

    months: int
    path: str
    first_year: int
    last_year: int
    label: str
    height: int = HEIGHT


def timeline(site: Site, term: Term) -> Timeline | None:
    """The chart of `term`'s dated mentions, or None when it has fewer than MIN_MENTIONS."""
    counts = Counter((d.year, d.month) for d in (site.by_slug[s].date for s in term.articles)
                     if d is not None)
    if sum(counts.values()) < MIN_MENTIONS:
        return None
    first, last = min(counts), max(counts)
    span = _index(last) - _index(first) + 1
    if span < MIN_MONTHS:
        start = _index(last) - MIN_MONTHS + 1
        first, span = (start // 12, start % 12 + 1), MIN_MONTHS
    peak = max(counts.values())
    bars = "".join(f"M{_index(month) - _index(first)} {HEIGHT}V{HEIGHT - max(1, round(n / peak * HEIGHT))}"
                   for month, n in sorted(counts.items()))
    top = min(m for m in counts if counts[m] == peak)
    label = (f"Erwähnungen pro Monat, {german_month(*first)} bis {german_month(*last)}; "
             f"höchstens {number(peak)} ({german_month(*top)})")
    return Timeline(span, bars, first[0], last[0], label)


def _index(month: tuple[int, int]) -> int:
    """Months since year 0."""
    return month[0] * 12 + month[1] - 1


@dataclass(frozen=True)
class Relations:
    """Relations between articles and terms of one Site; `rank` is an article's place, newest first."""

    site: Site
    rank: Mapping[str, int]
    named: Mapping[str, tuple[int, ...]]  # an article's entities by number (an int counts fast), by its slug
    entities: tuple[tuple[Term, tuple[int, ...]], ...]  # by number: each entity, its articles' ranks

    @classmethod
    def of(cls, site: Site) -> "Relations":
        """Index the site once."""
        ids: dict[tuple[str, str], int] = {}
        named = {a.slug: tuple(ids.setdefault((key, name), len(ids)) for key in ENTITY_KEYS
                               for name in a.terms(key)) for a in site.articles}
        rank = {a.slug: i for i, a in enumerate(site.articles)}
        entities = (site.term(key, name) for key, name in ids)
        return cls(site, rank, named, tuple((e, tuple(map(rank.__getitem__, e.articles))) for e in entities))

    def related(self, article: Article) -> list[Article]:
        """The RELATED articles sharing the most entities with `article`; a tie goes to the one found first
        (the nearest in time in the article's first shared entity)."""
        me, near = self.rank[article.slug], []  # counted at once: Counter.update costs more than its count
        for entity in self.named[article.slug]:
            ranks = self.entities[entity][1]
            if len(ranks) > 1:
                pos = bisect_left(ranks, me)
                near += ranks[max(0, pos - WINDOW):pos][::-1]
                near += ranks[pos + 1:pos + 1 + WINDOW]
        return [self.site.articles[rank] for rank, _ in Counter(near).most_common(RELATED)]

    def co_mentions(self, term: Term) -> list[tuple[Term, int]]:
        """The entities most specific to `term`'s newest SCAN articles (pointwise mutual information), with
        how many they share; only those named together often, so that names found everywhere lead no page."""
        scanned = term.articles[:SCAN]
        counts = Counter(chain.from_iterable(map(self.named.__getitem__, scanned)))
        least = max(MIN_SHARED, len(scanned) // SHARE_OF)
        total, ranked = len(self.site.articles), []
        for entity, n in counts.items():
            if n >= least and (other := self.entities[entity][0]) != term:
                score = math.log(n * total / (len(scanned) * len(other.articles)))
                ranked.append((-score, -n, other.name, ENTITY_KEYS.index(other.taxonomy)))
        best = heapq.nsmallest(CO_MENTIONS, ranked)
        return [(self.site.term(ENTITY_KEYS[kind], name), -n) for _, n, name, kind in best]


def has_page(term: Term) -> bool:
    """Whether `term` gets a page of its own: every section, and every name of PAGE_MIN articles or more."""
    return term.taxonomy == "sections" or len(term.articles) >= PAGE_MIN


@dataclass(frozen=True, slots=True)
class TermRef:
    """A link to a term: taxonomy key, name, slug, how many articles it has (or shares), where it leads (its
    page, or its entry on the letter page), and `only`, the slug of its one article when it has no page."""

    taxonomy: str
    name: str
    slug: str
    count: int
    path: str
    only: str = ""

    @classmethod
    def of(cls, term: Term, count: int | None = None) -> "TermRef":
        """The view of `term`; `count` defaults to its number of articles."""
        count = len(term.articles) if count is None else count
        if has_page(term):
            return cls(term.taxonomy, term.name, term.slug, count, term_path(term.taxonomy, term.slug))
        letter = letter_path(term.taxonomy, initial(term.name, term.taxonomy))
        return cls(term.taxonomy, term.name, term.slug, count, f"{letter}#n-{term.slug}", term.articles[0])

    @property
    def anchor(self) -> str:
        """The id of a page-less term's entry on the letter page ('n-' keeps it apart from the page's ids)."""
        return self.path.partition("#")[2]


@dataclass(frozen=True, slots=True)
class Item:
    """An article in a list, with the sentence that names the list's term (or a teaser) and where the name
    is in it (`mark`: start and end, (0, 0) for none)."""

    article: Article
    snippet: str = ""
    mark: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class Pager:
    """One page of a listing: its items, number and path; the listing's path, page count and item count; the
    paths of the pages before and after it (None at the ends)."""

    items: tuple
    number: int
    count: int
    base: str
    total: int
    path: str
    prev_path: str | None
    next_path: str | None

    def links(self, around: int = 2) -> list[tuple[int | None, str]]:
        """Page numbers to show (first, last, and those near this one; None is a gap) with their paths."""
        shown = sorted({1, self.count, *range(max(1, self.number - around),
                                               min(self.count, self.number + around) + 1)})
        out: list[tuple[int | None, str]] = []
        for i, n in enumerate(shown):
            if i and n - shown[i - 1] > 1:
                out.append((None, ""))
            out.append((n, page_path(self.base, n)))
        return out


def paginate(base: str, items: Sequence, size: int = PAGE_SIZE) -> list[Pager]:
    """The pages of `items` under `base`; an empty list still has one (empty) page."""
    count = max(1, -(-len(items) // size))
    paths = [None, *(page_path(base, n) for n in range(1, count + 1)), None]  # page n's is paths[n]
    return [Pager(tuple(items[(n - 1) * size:n * size]), n, count, base, len(items), paths[n], paths[n - 1],
                  paths[n + 1]) for n in range(1, count + 1)]
