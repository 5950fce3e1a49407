"""Small picklable views for template contexts (a page's context holds what it shows, not the whole Site):
links to terms, articles in lists, and pagination with stable URLs ('.../seite/2/')."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sitegen.browse import initial
from sitegen.model import Article, Term
from sitegen.urls import letter_path, page_path, term_path

PAGE_SIZE = 50
PAGE_MIN = 2  # a name in fewer articles gets no page: its entry on the letter page names its one article


def has_page(term: Term) -> bool:
    """Whether `term` gets a page of its own: every section, and every name of PAGE_MIN articles or more."""
    return term.taxonomy == "sections" or len(term.articles) >= PAGE_MIN


@dataclass(frozen=True, slots=True)
class TermRef:
    """A link to a term: taxonomy key, name, slug, how many articles it has (or shares), where links to it
    lead (its page, or its entry on the letter page), and `only`, the slug of its one article when it has
    no page."""

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
        """The id of the entry on the letter page that links to a term without a page ('n-' keeps it apart
        from the page's own ids)."""
        return self.path.partition("#")[2]


@dataclass(frozen=True, slots=True)
class Item:
    """An article in a list, with the sentence that names the list's term (or a teaser), where the name
    is in it (`mark`: start and end, (0, 0) for none), and its date as shown ('' when unknown)."""

    article: Article
    snippet: str = ""
    date: str = ""
    mark: tuple[int, int] = (0, 0)


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
