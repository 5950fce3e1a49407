"""Small picklable views for template contexts: a page's context holds what it shows, not the whole Site."""
from __future__ import annotations

from dataclasses import dataclass

from sitegen.model import Article, Term


@dataclass(frozen=True, slots=True)
class TermRef:
    """A link to a term: taxonomy key, name, slug, and how many articles it has (or shares)."""

    taxonomy: str
    name: str
    slug: str
    count: int

    @classmethod
    def of(cls, term: Term, count: int | None = None) -> "TermRef":
        """The view of `term`; `count` defaults to its number of articles."""
        return cls(term.taxonomy, term.name, term.slug, len(term.articles) if count is None else count)


@dataclass(frozen=True, slots=True)
class Item:
    """An article in a list, with the sentence that names the list's term (or a teaser), where the name
    is in it (`mark`: start and end, (0, 0) for none), and its date as shown ('' when unknown); lists are most
    of what entity pages are: these are worked out once, in Python, not per template call."""

    article: Article
    snippet: str = ""
    date: str = ""
    mark: tuple[int, int] = (0, 0)
