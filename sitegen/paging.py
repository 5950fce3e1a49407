"""Pagination: a long list split into numbered pages with stable URLs ('.../seite/2/')."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sitegen.urls import page_path

PAGE_SIZE = 50


@dataclass(frozen=True, slots=True)
class Pager:
    """One page of a listing: its items, its number, and the paths of the listing's pages."""

    items: tuple
    number: int
    count: int
    base: str
    total: int

    @property
    def path(self) -> str:
        """This page's path."""
        return page_path(self.base, self.number)

    @property
    def prev_path(self) -> str | None:
        """The previous page's path, or None on page 1."""
        return page_path(self.base, self.number - 1) if self.number > 1 else None

    @property
    def next_path(self) -> str | None:
        """The next page's path, or None on the last page."""
        return page_path(self.base, self.number + 1) if self.number < self.count else None

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
    return [Pager(tuple(items[i * size:(i + 1) * size]), i + 1, count, base, len(items))
            for i in range(count)]
