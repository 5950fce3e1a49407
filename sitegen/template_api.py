"""The names templates see besides their context: URL helpers and German formatting filters."""
from __future__ import annotations

from sitegen import i18n, urls
from sitegen.feeds import atom_date
from sitegen.markup import link_entities
from sitegen.seo import news_article
from sitegen.snippets import sentence_with


def template_filters() -> dict:
    """Filters: german_date, german_month, iso_date, number, atom_date, entity_links (html, links, base)."""
    return {"german_date": i18n.german_date, "iso_date": i18n.iso_date, "number": i18n.number,
            "atom_date": atom_date, "german_month": lambda ym: i18n.german_month(*ym),
            "entity_links": link_entities}


def template_globals() -> dict:
    """Path helpers (always wrap them in url() or absolute_url()) and the German interface words."""
    names = ("article_path", "term_path", "taxonomy_path", "page_path", "archive_path", "year_path",
             "month_path", "undated_path", "letter_path", "feed_path", "search_path")
    return {**{name: getattr(urls, name) for name in names}, "text": i18n.TEXT, "month_names": i18n.MONTHS,
            "count_label": i18n.count_label, "snippet": sentence_with,
            "news_article": news_article}
