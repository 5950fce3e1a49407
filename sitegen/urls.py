"""Every URL of the site comes from here: page paths, and links that know the base path."""
from __future__ import annotations

from sitegen.model import TAXONOMIES, Taxonomy

TAXONOMY_BY_KEY: dict[str, Taxonomy] = {t.key: t for t in TAXONOMIES}


def article_path(slug: str) -> str:
    """Page path of an article."""
    return f"artikel/{slug}/"


def taxonomy_path(key: str) -> str:
    """Page path of a taxonomy's index (Personen, Orte, ...)."""
    return f"{TAXONOMY_BY_KEY[key].path}/"


def term_path(key: str, slug: str) -> str:
    """Page path of one entity or tag."""
    return f"{TAXONOMY_BY_KEY[key].path}/{slug}/"


def output_file(page: str) -> str:
    """The file a page path is written to: 'a/b/' -> 'a/b/index.html'; files stay as they are."""
    return f"{page}index.html" if page == "" or page.endswith("/") else page


def page_path(path: str, number: int) -> str:
    """Page `number` of a paginated listing: page 1 is the listing itself, then '.../seite/2/'."""
    return path if number <= 1 else f"{path}seite/{number}/"


def archive_path() -> str:
    """Page path of the date archive's overview."""
    return "archiv/"


def year_path(year: int) -> str:
    """Page path of one year's archive."""
    return f"archiv/{year:04d}/"


def month_path(year: int, month: int) -> str:
    """Page path of one month's archive."""
    return f"archiv/{year:04d}/{month:02d}/"


def undated_path() -> str:
    """Page path of the articles whose date is unknown."""
    return "archiv/ohne-datum/"


def letter_path(key: str, letter: str) -> str:
    """Page path of the terms of a taxonomy under one letter ('a'..'z', or '0-9' for the rest)."""
    return f"{TAXONOMY_BY_KEY[key].path}/buchstabe/{letter}/"


def feed_path(page: str = "") -> str:
    """The Atom feed beside a page: 'feed.xml' for the archive, 'personen/x/feed.xml' for a term."""
    return f"{page}feed.xml"


def search_path() -> str:
    """Page path of the search page."""
    return "suche/"


def search_names_path() -> str:
    """The names index the search page loads (see search_names.py)."""
    return "suche/namen.json"
