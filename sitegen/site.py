"""list[Article] -> Site: newest first (undated ones last, in source order), unique slugs, one Term per name
in every taxonomy, people in surname order."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from types import MappingProxyType

from sitegen.errors import SitegenError
from sitegen.model import TAXONOMIES, Article, Site, Term
from sitegen.slug import slugify, unique_slugs


def build_site(articles: list[Article], registry: str = "content/entities.yaml") -> Site:
    """The immutable site model (with slugs made unique); `registry` is the entity registry's path as the
    warnings name it."""
    articles = unique_slugs_of(articles)
    dated = sorted((a for a in articles if a.date is not None), key=lambda a: a.sort_key, reverse=True)
    ordered = tuple(dated + sorted((a for a in articles if a.date is None), key=source_order))
    by_slug = {article.slug: article for article in articles}
    terms = {taxonomy.key: _terms_of(taxonomy.key, ordered) for taxonomy in TAXONOMIES}
    index = {(key, term.name): term for key, of_key in terms.items() for term in of_key}
    warnings = tuple(w for key, of_key in terms.items() for w in slug_collisions(key, of_key, registry))
    return Site(articles=ordered, by_slug=MappingProxyType(by_slug), terms=MappingProxyType(terms),
                term_index=MappingProxyType(index), warnings=warnings)


def unique_slugs_of(articles: list[Article]) -> list[Article]:
    """The articles with one slug each: of those sharing one, a slug written in the front matter keeps it (two
    written alike are an error naming both files), else the first file's; the others get their date or -2."""
    groups: dict[str, list[Article]] = {}
    for article in sorted(articles, key=lambda a: a.path):
        groups.setdefault(article.slug, []).append(article)
    taken, unique = set(groups), []
    for slug, group in groups.items():
        written = [article for article in group if article.slug != slugify(article.title)]
        if len(written) > 1:
            raise SitegenError(f"hat denselben slug {slug!r} wie {written[0].path}", path=written[1].path,
                               fix="gib einem der beiden einen anderen 'slug:' im Front Matter")
        keeper = (written or group)[0]
        unique.append(keeper)
        for article in group:
            if article is not keeper:
                unique.append(replace(article, slug=_free_slug(article, taken)))
    return unique


def _free_slug(article: Article, taken: set[str]) -> str:
    """`article`'s slug with its date appended (then -2, -3, ...), not yet `taken`; taken from now on."""
    stem = f"{article.slug}-{article.date.isoformat()[:10]}" if article.date else article.slug
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    taken.add(candidate)
    return candidate


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
