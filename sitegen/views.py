"""Small picklable views for template contexts: a page's context holds what it shows, not the whole Site."""
from __future__ import annotations

from dataclasses import dataclass

from sitegen.browse import initial
from sitegen.model import Article, Term
from sitegen.urls import letter_path, term_path

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
