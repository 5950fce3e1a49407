"""The index the search page loads to lead with an entity's or tag's page: normalised names -> page. A query
is normalised the same way in static/search.js (keep the two in step)."""
from __future__ import annotations

import re

from sitegen.entity_info import EntityIndex
from sitegen.model import TAXONOMIES, Site, Term, surname_first
from sitegen.urls import term_path
from sitegen.views import has_page

ENDINGS = ("en", "er", "es", "e", "n", "s")  # tried in this order, one per word
STEM_LEAST = 4  # an ending is dropped only when this many letters remain
LIMIT = 5000  # terms in the index, most-mentioned first (the file stays small on big archives)
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def normalise(text: str) -> str:
    """Lower case, ß as ss, one German plural or case ending dropped per word: 'Angela  Merkels' -> 'angela
    merkel', 'Flüchtlinge' -> 'flüchtling'."""
    words = _WORD.findall(text.lower().replace("ß", "ss"))
    return " ".join(_stem(word) for word in words)


def _stem(word: str) -> str:
    """The word without one ending, if enough of it remains."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= STEM_LEAST:
            return word[:-len(ending)]
    return word


def names_index(site: Site, entities: EntityIndex) -> dict[str, list]:
    """{normalised name: [singular, name, page path, articles]} of the most-mentioned terms with a page: name,
    aliases, a person's surname that no other indexed person has; the term with more articles wins a key."""
    terms = sorted((t for key in site.terms for t in site.terms[key] if has_page(t)),
                   key=lambda t: (-len(t.articles), t.taxonomy, t.name))[:LIMIT]
    singular = {t.key: t.singular for t in TAXONOMIES}
    index: dict[str, list] = {}
    surnames: dict[str, list[Term]] = {}
    for term in terms:
        entry = [singular[term.taxonomy], term.name, term_path(term.taxonomy, term.slug), len(term.articles)]
        for name in (term.name, *entities.info(term.taxonomy, term.name).aliases):
            index.setdefault(normalise(name), entry)
        if term.taxonomy == "people" and " " in term.name:
            surnames.setdefault(normalise(surname_first(term.name).split(",")[0]), []).append(term)
    for key, people in surnames.items():
        if len(people) == 1 and key:
            index.setdefault(key, index[normalise(people[0].name)])
    index.pop("", None)
    return index
