"""Every URL of the site comes from here: the page paths ('a/b/' is written to a/b/index.html), each a format
of its parts; templates wrap them in url() or absolute_url(), which know the base path."""
from __future__ import annotations

from urllib.parse import quote

from sitegen.model import TAXONOMIES, Taxonomy

TAXONOMY_BY_KEY: dict[str, Taxonomy] = {t.key: t for t in TAXONOMIES}
article_path = "artikel/{}/".format  # (slug)
archive_path = "archiv/".format  # the date archive's overview
year_path = "archiv/{:04d}/".format  # (year)
month_path = "archiv/{:04d}/{:02d}/".format  # (year, month)
undated_path = "archiv/ohne-datum/".format  # the articles whose date is unknown
search_path = "suche/".format
search_names_path = "suche/namen.json".format  # the names index the search page loads (entity_info.py)


def search_value(name: str) -> str:
    """A name as a search filter's value: Pagefind cannot filter by one holding '"' or a backslash."""
    return name.replace('"', "″").replace("\\", "/")


def filtered_search_path(filter_name: str, name: str) -> str:
    """The search page filtered to one term: 'suche/?Person=Angela%20Merkel'."""
    return f"{search_path()}?{quote(filter_name)}={quote(search_value(name), safe='')}"


def taxonomy_path(key: str) -> str:
    """Page path of a taxonomy's index (Personen, Orte, ...)."""
    return f"{TAXONOMY_BY_KEY[key].path}/"


def term_path(key: str, slug: str) -> str:
    """Page path of one entity or tag."""
    return f"{TAXONOMY_BY_KEY[key].path}/{slug}/"


def letter_path(key: str, letter: str) -> str:
    """Page path of the terms of a taxonomy under one letter ('a'..'z', or '0-9' for the rest)."""
    return f"{TAXONOMY_BY_KEY[key].path}/buchstabe/{letter}/"


def page_path(path: str, number: int) -> str:
    """Page `number` of a paginated listing: page 1 is the listing itself, then '.../seite/2/'."""
    return path if number <= 1 else f"{path}seite/{number}/"


def feed_path(page: str = "") -> str:
    """The Atom feed beside a page: 'feed.xml' for the archive, 'personen/x/feed.xml' for a term."""
    return f"{page}feed.xml"


def output_file(page: str) -> str:
    """The file a page path is written to: 'a/b/' -> 'a/b/index.html'; files stay as they are."""
    return f"{page}index.html" if page == "" or page.endswith("/") else page
