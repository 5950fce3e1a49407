"""list[Article] -> Site: newest first, unique slugs, one Term per name in every taxonomy."""
from __future__ import annotations

from types import MappingProxyType

from sitegen.errors import SitegenError
from sitegen.model import TAXONOMIES, Article, Site, Term
from sitegen.slug import slugify, unique_slugs


def build_site(articles: list[Article], registry: str = "content/entities.yaml") -> Site:
    """The immutable site model; two articles with one slug are an error naming both files. `registry` is the
    entity registry's path as the warnings name it."""
    ordered = tuple(sorted(articles, key=lambda a: a.sort_key, reverse=True))
    by_slug: dict[str, Article] = {}
    for article in sorted(articles, key=lambda a: a.path):
        other = by_slug.setdefault(article.slug, article)
        if other is not article:
            raise SitegenError(f"hat denselben slug {article.slug!r} wie {other.path}", path=article.path,
                               fix="gib einem der beiden einen anderen 'slug:' im Front Matter")
    terms: dict[str, tuple[Term, ...]] = {}
    index: dict[tuple[str, str], Term] = {}
    warnings: list[str] = []
    for taxonomy in TAXONOMIES:
        terms[taxonomy.key] = _terms_of(taxonomy.key, ordered)
        index.update(((taxonomy.key, t.name), t) for t in terms[taxonomy.key])
        warnings.extend(slug_collisions(taxonomy.key, terms[taxonomy.key], registry))
    return Site(articles=ordered, by_slug=MappingProxyType(by_slug), terms=MappingProxyType(terms),
                term_index=MappingProxyType(index), warnings=tuple(warnings))


def _terms_of(key: str, ordered: tuple[Article, ...]) -> tuple[Term, ...]:
    """The terms of one taxonomy, sorted by name, each with its articles newest first."""
    members: dict[str, list[str]] = {}
    for article in ordered:
        for name in article.terms(key):
            members.setdefault(name, []).append(article.slug)
    slugs = unique_slugs(list(members))
    return tuple(Term(taxonomy=key, name=name, slug=slugs[name], articles=tuple(members[name]))
                 for name in sorted(members, key=sort_name))


def slug_collisions(key: str, terms: tuple[Term, ...], registry: str) -> list[str]:
    """Warnings for names that only differ in case, umlauts or punctuation ('Müller', 'Mueller', 'müller')."""
    groups: dict[str, list[str]] = {}
    for term in terms:
        groups.setdefault(slugify(term.name), []).append(term.name)
    return [f"{key}: {' / '.join(names)} bekämen dieselbe Seite; jeder Name erhält eine eigene, nummerierte "
            f"(führe sie in {registry} zusammen oder korrigiere die Artikel)"
            for names in groups.values() if len(names) > 1]


def sort_name(name: str) -> tuple[str, str]:
    """German alphabetical order: umlauts with their base letter, case ignored."""
    folded = name.casefold().translate(str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"}))
    return folded, name
