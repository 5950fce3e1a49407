"""list[Article] -> Site: newest first (undated ones last, in source order), unique slugs, one Term per name
in every taxonomy, people in surname order."""
from __future__ import annotations

import re
import unicodedata
from types import MappingProxyType

from sitegen.errors import SitegenError
from sitegen.model import TAXONOMIES, Article, Site, Term
from sitegen.slug import slugify, unique_slugs


def build_site(articles: list[Article], registry: str = "content/entities.yaml") -> Site:
    """The immutable site model; two articles with one slug are an error naming both files. `registry` is the
    entity registry's path as the warnings name it."""
    dated = sorted((a for a in articles if a.date is not None), key=lambda a: a.sort_key, reverse=True)
    ordered = tuple(dated + sorted((a for a in articles if a.date is None), key=source_order))
    by_slug: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: a.path):
        other = by_slug.setdefault(article.slug, article)
        if other is not article:
            raise SitegenError(f"hat denselben slug {article.slug!r} wie {other.path}", path=article.path,
                               fix="gib einem der beiden einen anderen 'slug:' im Front Matter")
    terms = {taxonomy.key: _terms_of(taxonomy.key, ordered) for taxonomy in TAXONOMIES}
    index = {(key, term.name): term for key, of_key in terms.items() for term in of_key}
    warnings = tuple(w for key, of_key in terms.items() for w in slug_collisions(key, of_key, registry))
    return Site(articles=ordered, by_slug=MappingProxyType(by_slug), terms=MappingProxyType(terms),
                term_index=MappingProxyType(index), warnings=warnings)


def _terms_of(key: str, ordered: tuple[Article, ...]) -> tuple[Term, ...]:
    """The terms of one taxonomy, sorted by name, each with its articles newest first."""
    members: dict[str, list[str]] = {}
    for article in ordered:
        for name in article.terms(key):
            members.setdefault(name, []).append(article.slug)
    slugs = unique_slugs(list(members))
    order = person_sort_name if key == "people" else sort_name
    return tuple(Term(taxonomy=key, name=name, slug=slugs[name], articles=tuple(members[name]))
                 for name in sorted(members, key=order))


def slug_collisions(key: str, terms: tuple[Term, ...], registry: str) -> list[str]:
    """Warnings for names that only differ in case, umlauts or punctuation ('Müller', 'Mueller', 'müller')."""
    groups: dict[str, list[str]] = {}
    for term in terms:
        groups.setdefault(slugify(term.name), []).append(term.name)
    return [f"{key}: {' / '.join(names)} bekämen dieselbe Seite; jeder Name erhält eine eigene, nummerierte "
            f"(führe sie in {registry} zusammen oder korrigiere die Artikel)"
            for names in groups.values() if len(names) > 1]


_ROW = re.compile(r"#row=(\d+)$")
_DIGITS = re.compile(r"(\d+)")


def source_order(article: Article) -> tuple:
    """Where an article came from, in reading order: its source file, its row in a dump (numerically), then
    its own file name (with numbers compared as numbers: bericht-9 before bericht-10)."""
    source, row = article.source, 0
    match = _ROW.search(source)
    if match:
        source, row = source[:match.start()], int(match.group(1))
    return (_natural(source.split("#", 1)[0]), row, _natural(article.path), article.slug)


def _natural(text: str) -> tuple:
    """A key that compares the digit runs of `text` as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in _DIGITS.split(text))


def sort_name(name: str) -> tuple[str, str]:
    """German alphabetical order (DIN 5007-1): accented letters with their base letter, ß as ss, any case."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)), name


# Name particles that are not filed on, when written in lower case (as German Wikipedia's SORTIERUNG and the
# libraries' rules do): 'Ursula von der Leyen' files as 'Leyen, Ursula von der', 'Baschar al-Assad' as
# 'Assad, Baschar al-'. Written capitalised they are part of the surname: 'Van der Bellen, Alexander'.
PARTICLES = frozenset({"von", "vom", "zu", "zur", "van", "de", "der", "den", "del", "della", "di", "da",
                       "dos", "du", "la", "le", "ten", "ter", "al", "el", "bin", "ibn"})
_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
                       "xii", "xiii", "xiv", "xv", "xvi"})  # 'Felipe VI' files under F, as a name alone


def surname_first(name: str) -> str:
    """'Leyen, Ursula von der' for 'Ursula von der Leyen'; 'Van der Bellen, Alexander'; 'Assad, Baschar
    al-'."""
    words = name.split()
    while len(words) > 1 and words[-1].casefold() in _SUFFIXES:
        words.pop()
    if len(words) < 2:
        return name
    start = len(words) - 1
    while start > 0 and words[start - 1].casefold() in PARTICLES:
        start -= 1  # 'Van der Bellen': the particles before the last word belong to the surname ...
    if words[start][:1].islower():
        while start < len(words) - 1 and words[start].casefold() in PARTICLES:
            start += 1  # ... unless they are written in lower case: they then follow the given names
    if start == 0:
        return name  # 'De Baere': a surname alone
    surname, first = words[start:], words[:start]
    head, dash, rest = surname[-1].partition("-")
    if dash and rest and head in PARTICLES:  # 'al-Assad' -> 'Assad, ... al-'
        surname, first = [*surname[:-1], rest], [*first, head + dash]
    return f"{' '.join(surname)}, {' '.join(first)}"


def person_sort_name(name: str) -> tuple[str, str]:
    """A person's place in an A-Z list: by surname, then given names."""
    return sort_name(surname_first(name))[0], name
