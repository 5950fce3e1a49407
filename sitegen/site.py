"""list[Article] -> Site: newest first, unique slugs, one Term per name in every taxonomy."""
from __future__ import annotations

from types import MappingProxyType

from sitegen.errors import SitegenError
from sitegen.model import TAXONOMIES, Article, Site, Term
from sitegen.slug import unique_slugs


def build_site(articles: list[Article]) -> Site:
    """The immutable site model; two articles with one slug are an error naming both files."""
    ordered = tuple(sorted(articles, key=lambda a: a.sort_key, reverse=True))
    by_slug: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: a.path):
        other = by_slug.setdefault(article.slug, article)
        if other is not article:
            raise SitegenError(f"has the same slug {article.slug!r} as {other.path}", path=article.path,
                               fix="give one of them another 'slug:' in its front matter")
    terms: dict[str, tuple[Term, ...]] = {}
    index: dict[tuple[str, str], Term] = {}
    for taxonomy in TAXONOMIES:
        terms[taxonomy.key] = _terms_of(taxonomy.key, ordered)
        index.update(((taxonomy.key, t.name), t) for t in terms[taxonomy.key])
    return Site(articles=ordered, by_slug=MappingProxyType(by_slug),
                terms=MappingProxyType(terms), term_index=MappingProxyType(index))


def _terms_of(key: str, ordered: tuple[Article, ...]) -> tuple[Term, ...]:
    """The terms of one taxonomy, sorted by name, each with its articles newest first."""
    members: dict[str, list[str]] = {}
    for article in ordered:
        for name in article.terms(key):
            members.setdefault(name, []).append(article.slug)
    slugs = unique_slugs(list(members))
    return tuple(Term(taxonomy=key, name=name, slug=slugs[name], articles=tuple(members[name]))
                 for name in sorted(members, key=sort_name))


def sort_name(name: str) -> tuple[str, str]:
    """German alphabetical order: umlauts with their base letter, case ignored."""
    folded = name.casefold().translate(str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"}))
    return folded, name
