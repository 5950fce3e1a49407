"""Ways into a taxonomy: A-Z letter groups, most-mentioned terms, and what the recent months were about."""
from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from dataclasses import dataclass

from sitegen.model import Site, Term
from sitegen.relations import ENTITY_KEYS
from sitegen.site import person_sort_name, sort_name

LETTERS = tuple("abcdefghijklmnopqrstuvwxyz") + ("0-9",)
TOP_TERMS = 100
RECENT_DAYS = 92
RECENT_TOP = 8


@dataclass(frozen=True)
class Letter:
    """The terms of one taxonomy under one initial: 'a'..'z', or '0-9' for digits and everything else."""

    letter: str
    terms: tuple[Term, ...]

    @property
    def label(self) -> str:
        """What the letter bar shows: 'A', or '#'."""
        return self.letter.upper() if len(self.letter) == 1 else "#"


def initial(name: str, key: str = "") -> str:
    """The letter a name files under ('Ökonomie' under 'o', '1. FC Köln' under '0-9', 'Angela Merkel' as a
    person under 'm')."""
    first = (person_sort_name(name) if key == "people" else sort_name(name))[0][:1]
    return first if "a" <= first <= "z" else "0-9"


def letters(terms: tuple[Term, ...]) -> tuple[Letter, ...]:
    """Every letter of the bar, empty ones included, with its terms in filing order."""
    groups: dict[str, list[Term]] = {letter: [] for letter in LETTERS}
    for term in terms:
        groups[initial(term.name, term.taxonomy)].append(term)
    return tuple(Letter(letter, tuple(groups[letter])) for letter in LETTERS)


def most_mentioned(terms: tuple[Term, ...], limit: int = TOP_TERMS) -> list[Term]:
    """The `limit` terms with the most articles, ties by name."""
    return heapq.nsmallest(limit, terms, key=lambda t: (-len(t.articles), sort_name(t.name)))


def recent_top(site: Site, days: int = RECENT_DAYS,
               limit: int = RECENT_TOP) -> list[tuple[str, list[tuple[Term, int]]]]:
    """Per entity taxonomy, the most-mentioned terms of the `days` before the newest dated article."""
    if not site.articles or site.articles[0].date is None:
        return []
    since = _day(site.articles[0].date) - dt.timedelta(days=days)
    recent = []
    for article in site.articles:
        if article.date is None or _day(article.date) <= since:
            break
        recent.append(article)
    out = []
    for key in ENTITY_KEYS:
        counts = Counter(name for a in recent for name in a.terms(key))
        best = heapq.nsmallest(limit, counts.items(), key=lambda item: (-item[1], sort_name(item[0])))
        if best:
            out.append((key, [(site.term(key, name), n) for name, n in best]))
    return out


def _day(value: dt.date) -> dt.date:
    """The calendar day of a date or datetime."""
    return value.date() if isinstance(value, dt.datetime) else value
