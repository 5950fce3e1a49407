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
