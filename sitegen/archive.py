"""The date archive: articles by year and month, and those whose date is unknown, listed apart."""
from __future__ import annotations

from dataclasses import dataclass

from sitegen.model import Article, Site


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
