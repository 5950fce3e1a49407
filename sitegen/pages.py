"""The site's pages as data: (page path, template, context) for every page, planned from the Site model."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from sitegen.config import Config
from sitegen.model import TAXONOMIES, Article, Site, Taxonomy, Term
from sitegen.urls import article_path, taxonomy_path, term_path

HOME_SIZE = 50


@dataclass(frozen=True)
class Page:
    """One output page: its path ('a/b/' or 'feed.xml'), its template, what the template sees, and the
    markdown the renderer turns into `body_html` for it (pure and cached, so it stays out of the plan)."""

    path: str
    template: str
    context: dict
    markdown: str | None = None


def plan(site: Site, config: Config) -> Iterator[Page]:
    """Every page of the site, in a fixed order."""
    yield Page("", "home.html", {"articles": site.articles[:HOME_SIZE]})
    for article in site.articles:
        yield Page(article_path(article.slug), "article.html", article_context(site, article), article.body)
    for taxonomy in TAXONOMIES:
        terms = site.terms[taxonomy.key]
        yield Page(taxonomy_path(taxonomy.key), "taxonomy.html", {"taxonomy": taxonomy, "terms": terms})
        for term in terms:
            yield Page(term_path(taxonomy.key, term.slug), "term.html", term_context(site, taxonomy, term))
    yield Page("404.html", "404.html", {})


def article_context(site: Site, article: Article) -> dict:
    """What article.html sees: the article and its terms grouped by taxonomy."""
    groups = [(t, [site.term(t.key, name) for name in article.terms(t.key)]) for t in TAXONOMIES]
    return {"article": article, "term_groups": [(t, terms) for t, terms in groups if terms]}


def term_context(site: Site, taxonomy: Taxonomy, term: Term) -> dict:
    """What term.html sees: the term and its articles, newest first."""
    return {"taxonomy": taxonomy, "term": term, "articles": [site.by_slug[s] for s in term.articles]}
