"""The site's pages as data: (page path, template, context) for every page, planned from the Site model;
each page's context holds only what that page shows, as small picklable values (no global Site)."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace
from functools import partial
from itertools import islice
from typing import Callable, Iterator

from sitegen.config import Config
from sitegen.contexts import (ArchiveContext, ArticleContext, FeedContext, HomeContext, LetterContext,
                              MonthContext, NamesContext, SearchContext, SitemapContext, SitemapIndexContext,
                              TaxonomyContext, TermContext, YearContext, as_datetime, same_as, site_updated)
from sitegen.entity_info import EntityIndex, entity_lead, names_index
from sitegen.errors import SitegenError
from sitegen.model import TAXONOMIES, Article, Site, Taxonomy, Term
from sitegen.snippets import beyond_title, name_forms, passage, reading_minutes, teaser
from sitegen.urls import (TAXONOMY_BY_KEY, archive_path, article_path, feed_path, letter_path, month_path,
                          output_file, search_names_path, search_path, taxonomy_path, undated_path,
                          year_path)
from sitegen.views import (ENTITY_KEYS, LETTERS, Archive, Item, Pager, Relations, TermRef, has_page, letters,
                           most_mentioned, paginate, recent_top, timeline)

HOME_SIZE = 50
FEED_SIZE = 20  # the whole archive's feed
TERM_FEED_SIZE = 10  # each entity's and tag's (thousands of feeds: a tenth of the archive's bytes at 20)
TERM_LIST_SIZE = 50  # the newest articles a term's page lists; the search, filtered by the term, finds all
SITEMAP_SIZE = 50_000  # URLs in one sitemap file, the protocol's limit


@dataclass(frozen=True)
class Page:
    """One output page: its path ('a/b/' or 'feed.xml'), template, context, and the markdown the renderer
    turns into `body_html`; a costly context is a function, gathered by the worker that renders the page."""

    path: str
    template: str
    context: dict | Callable[[], dict]
    markdown: str | None = None

    def resolved(self) -> "Page":
        """The page with its context gathered."""
        return self if isinstance(self.context, dict) else replace(self, context=self.context())


@dataclass(frozen=True)
class Derived:
    """What several pages share, computed once per build; `feeds`: the terms with a feed (each taxonomy's
    most mentioned, as its overview lists them)."""

    site: Site
    config: Config
    relations: Relations
    archive: Archive
    entities: EntityIndex
    updated: dt.datetime
    refs: dict
    feeds: frozenset
    bundles: tuple[str, ...]

    @classmethod
    def of(cls, site: Site, config: Config, bundles: tuple[str, ...] = ()) -> "Derived":
        """Index the site and read the registry; `bundles` are the paths of the search bundles."""
        refs = {(t.taxonomy, t.name): TermRef.of(t) for terms in site.terms.values() for t in terms}
        feeds = frozenset((t.taxonomy, t.name) for terms in site.terms.values() for t in most_mentioned(terms)
                          if has_page(t))
        return cls(site, config, Relations.of(site), Archive.of(site), EntityIndex.load(config.registry_file),
                   site_updated(site), refs, feeds, bundles)


def plan(d: Derived) -> list[Page]:
    """Every page of the site, in a fixed order; two pages claiming one file is an error. (The dev server
    keeps `d` to re-plan one edited article fast.)"""
    pages = [home_page(d)]
    pages += [Page(article_path(a.slug), "article.html", partial(article_context, d, a), a.body)
              for a in d.site.articles]
    for taxonomy in TAXONOMIES:
        pages += taxonomy_pages(d.site, taxonomy)
        for term in filter(has_page, d.site.terms[taxonomy.key]):
            pages += term_pages(d, taxonomy, term)
    pages += archive_pages(d.archive)
    names, newest = search_names_path(), tuple(a.slug for a in d.site.articles[:FEED_SIZE])
    pages += [Page(search_path(), "search.html", SearchContext(bundles=list(d.bundles), names=names)),
              Page(names, "names.json", lambda: NamesContext(names=names_index(d.site, d.entities))),
              Page(feed_path(), "feed.xml", partial(feed_context, d, "", d.config.title, newest, False))]
    dates = {article_path(a.slug): a.date.isoformat()[:10] for a in d.site.articles if a.date is not None}
    html = [page.path for page in pages if page.path == "" or page.path.endswith("/")]
    pages += sitemap_pages([(path, dates.get(path, "")) for path in html])
    pages += [Page("robots.txt", "robots.txt", {}), Page("404.html", "404.html", {})]
    seen: set[str] = set()
    for page in pages:
        if output_file(page.path) in seen:
            raise SitegenError(f"zwei Seiten wollen dieselbe Datei {output_file(page.path)!r}",
                               path=page.template, fix="eine der Entitäten oder einen der Artikel "
                               "umbenennen, deren Namen diesen Pfad ergeben")
        seen.add(output_file(page.path))
    return pages


def home_page(d: Derived) -> Page:
    """The newest HOME_SIZE articles with the most-mentioned entities of recent months; the date archive
    lists them all (the undated ones apart, unless no article has a date: then in source order)."""
    recent = [(TAXONOMY_BY_KEY[key], [TermRef.of(t, n) for t, n in top]) for key, top in recent_top(d.site)]
    undated = len(d.archive.undated)
    listed = d.site.articles[:len(d.site.articles) - undated] or d.site.articles
    items = tuple(Item(a, beyond_title(a.title, lead_text(a))) for a in listed[:HOME_SIZE])
    return Page("", "home.html", HomeContext(
        items=items, recent=recent, article_count=len(d.site.articles), undated=undated,
        in_source_order=undated == len(d.site.articles)))


def lead_text(article: Article) -> str:
    """The article's summary, or the opening of its text."""
    return article.summary or teaser(article.body)


def article_context(d: Derived, article: Article) -> ArticleContext:
    """What article.html sees: the article, its terms by taxonomy, related articles."""
    groups = [(t, [d.refs[(t.key, name)] for name in article.terms(t.key)]) for t in TAXONOMIES if t.listed]
    return ArticleContext(article=article, image_url=article.image.src if article.image else "",
                          term_groups=[(t, terms) for t, terms in groups if terms],
                          section=d.refs.get(("sections", article.section)),
                          related=d.relations.related(article), same_as=same_as(article, d.entities),
                          entity_links=entity_links(d, article), minutes=reading_minutes(article.body),
                          description=lead_text(article))


def entity_links(d: Derived, article: Article) -> tuple[tuple[str, str], ...]:
    """(name as written, page path) for the article's people, places and organisations: their names, registry
    aliases, and a person's surname unless another person of the article shares it (markup.link_entities)."""
    shared = {s for s, n in Counter(name.rsplit(" ", 1)[-1] for name in article.people).items() if n > 1}
    links = []
    for key in ENTITY_KEYS:
        for name in article.terms(key):
            ref = d.refs[(key, name)]
            if not ref.only:  # a name of this article alone links nowhere new
                forms = name_forms(key, name, d.entities.info(key, name).aliases)
                links += [(form, ref.path) for form in forms if len(form) > 1 and form not in shared]
    return tuple(links)


def taxonomy_pages(site: Site, taxonomy: Taxonomy) -> Iterator[Page]:
    """The taxonomy's overview (letter bar, most-mentioned terms) and one page per letter, A to Z."""
    terms = site.terms[taxonomy.key]
    groups = letters(terms)
    bar = [(letter, LETTERS[letter], len(group)) for letter, group in groups.items()]
    top = [TermRef.of(t) for t in most_mentioned(terms)]
    yield Page(taxonomy_path(taxonomy.key), "taxonomy.html",
               TaxonomyContext(taxonomy=taxonomy, letters=bar, top=top, total=len(terms)))
    for letter, group in groups.items() if taxonomy.listed else ():  # sections are few: shown all at once
        if group:
            yield Page(letter_path(taxonomy.key, letter), "letter.html", LetterContext(
                taxonomy=taxonomy, letters=bar, letter=letter, label=LETTERS[letter],
                terms=[TermRef.of(t) for t in group]))


def term_pages(d: Derived, taxonomy: Taxonomy, term: Term) -> Iterator[Page]:
    """A term's newest articles, paginated (contexts gathered by the workers), and its feed if it has one."""
    ref = d.refs[(taxonomy.key, term.name)]
    for pager in paginate(ref.path, term.articles[:TERM_LIST_SIZE]):
        yield Page(pager.path, "term.html", partial(term_context, d, taxonomy, term, pager))
    if (term.taxonomy, term.name) in d.feeds:
        yield Page(feed_path(ref.path), "feed.xml",
                   partial(feed_context, d, ref.path, f"{term.name} – {d.config.title}", term.articles, True))


def term_context(d: Derived, taxonomy: Taxonomy, term: Term, pager: Pager) -> TermContext:
    """What term.html sees: the term and the page's articles; page 1 adds the registry's facts, the sentence
    naming the term in each article, the lead, the timeline and the co-mentioned entities."""
    ref, first = d.refs[(taxonomy.key, term.name)], pager.number == 1
    info = d.entities.info(taxonomy.key, term.name)
    forms = name_forms(taxonomy.key, term.name, info.aliases) if taxonomy.listed else ()  # a section: teasers
    articles = [d.site.by_slug[slug] for slug in pager.items]
    items = tuple(term_item(a, forms) if first else Item(a) for a in articles)
    return TermContext(taxonomy=taxonomy, term=ref, pager=pager, info=info if first else None, items=items,
                       feed=feed_path(ref.path) if (term.taxonomy, term.name) in d.feeds else "",
                       lead=entity_lead(d.site, term) if first and taxonomy.key in ENTITY_KEYS else None,
                       timeline=timeline(d.site, term) if first else None,
                       together=[TermRef.of(t, n) for t, n in d.relations.co_mentions(term)] if first else [])


def term_item(article: Article, forms: tuple[str, ...]) -> Item:
    """An article on a term's page: the whole sentence naming the term, the name marked; else its teaser."""
    text, start, end = passage(article.body, forms)
    shown = text or beyond_title(article.title, lead_text(article))
    return Item(article, shown, (start, end))


def feed_context(d: Derived, base: str, title: str, slugs: tuple[str, ...], term: bool) -> FeedContext:
    """What feed.xml sees: the newest dated articles of `slugs` (an undated one's <updated> would be invented)
    with teasers, a term's fewer without, and the newest one's date (else the site's)."""
    dated = (a for a in map(d.site.by_slug.__getitem__, slugs) if a.date is not None)
    size = TERM_FEED_SIZE if term else FEED_SIZE
    items = [Item(a, "" if term else lead_text(a)) for a in islice(dated, size)]
    updated = max((as_datetime(item.article.date) for item in items), default=d.updated)
    return FeedContext(title=title, home=base, entries=items, updated=updated)


def archive_pages(archive: Archive) -> Iterator[Page]:
    """The archive overview, a page per year and per month (paginated), and the undated articles."""
    yield Page(archive_path(), "archive.html",
               ArchiveContext(years=archive.years, undated=len(archive.undated)))
    years = [y.year for y in archive.years]  # newest first
    for year, later, earlier in zip(archive.years, [None, *years[:-1]], [*years[1:], None]):
        yield Page(year_path(year.year), "year.html", YearContext(year=year, earlier=earlier, later=later))
    months = [(m.year, m.month) for m in archive.months]  # oldest first
    for month, earlier, later in zip(archive.months, [None, *months[:-1]], [*months[1:], None]):
        for pager in paginate(month_path(month.year, month.month), month.articles):
            yield Page(pager.path, "month.html", MonthContext(
                month=(month.year, month.month), pager=pager, earlier=earlier, later=later))
    for pager in paginate(undated_path(), archive.undated) if archive.undated else ():
        yield Page(pager.path, "month.html", MonthContext(month=None, pager=pager, earlier=None, later=None))


def sitemap_pages(listed: list[tuple[str, str]]) -> list[Page]:
    """sitemap.xml, or a sitemap index over sitemap-1.xml, ... when there are more than SITEMAP_SIZE pages."""
    parts = [listed[i:i + SITEMAP_SIZE] for i in range(0, len(listed), SITEMAP_SIZE)] or [[]]
    if len(parts) == 1:
        return [Page("sitemap.xml", "sitemap.xml", SitemapContext(entries=parts[0]))]
    names = [f"sitemap-{i}.xml" for i in range(1, len(parts) + 1)]
    return [*(Page(name, "sitemap.xml", SitemapContext(entries=part)) for name, part in zip(names, parts)),
            Page("sitemap.xml", "sitemap-index.xml", SitemapIndexContext(sitemaps=names))]
