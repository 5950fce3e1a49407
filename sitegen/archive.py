"""The date archive (articles by year and month, those whose date is unknown listed apart) and a term's
mentions by month as the data of a small inline SVG bar chart (no JavaScript)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sitegen.i18n import german_month, number
from sitegen.model import Article, Site, Term

HEIGHT = 40
MIN_MENTIONS = 3
MIN_MONTHS = 12


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
        undated: list[Article] = []
        for article in site.articles:
            if article.date is None:
                undated.append(article)
            else:
                groups.setdefault((article.date.year, article.date.month), []).append(article)
        months = tuple(Month(y, m, tuple(groups[(y, m)])) for y, m in sorted(groups))
        by_year: dict[int, list[Month]] = {}
        for month in months:
            by_year.setdefault(month.year, []).append(month)
        years = tuple(Year(y, tuple(by_year[y])) for y in sorted(by_year, reverse=True))
        return cls(years, months, tuple(undated))


@dataclass(frozen=True)
class Timeline:
    """Bars as strokes in a viewBox of `months` x HEIGHT (one unit per month, centred on whole numbers),
    and the words that describe them."""

    months: int
    path: str
    first_year: int
    last_year: int
    label: str
    height: int = HEIGHT


def timeline(site: Site, term: Term) -> Timeline | None:
    """The chart of `term`'s dated mentions, or None when it has fewer than MIN_MENTIONS (the list says it
    all)."""
    counts = Counter((d.year, d.month) for d in (site.by_slug[s].date for s in term.articles)
                     if d is not None)
    if sum(counts.values()) < MIN_MENTIONS:
        return None
    first, last = min(counts), max(counts)
    span = _index(last) - _index(first) + 1
    if span < MIN_MONTHS:
        first = _month(_index(last) - MIN_MONTHS + 1)
        span = MIN_MONTHS
    peak = max(counts.values())
    bars = []
    for month in sorted(counts):
        height = max(1, round(counts[month] / peak * HEIGHT))
        bars.append(f"M{_index(month) - _index(first)} {HEIGHT}V{HEIGHT - height}")
    top = min((m for m in counts if counts[m] == peak))
    label = (f"Erwähnungen pro Monat, {german_month(*first)} bis {german_month(*last)}; "
             f"höchstens {number(peak)} ({german_month(*top)})")
    return Timeline(span, "".join(bars), first[0], last[0], label)


def _index(month: tuple[int, int]) -> int:
    """Months since year 0."""
    return month[0] * 12 + month[1] - 1


def _month(index: int) -> tuple[int, int]:
    """The (year, month) of a month index."""
    return index // 12, index % 12 + 1
