"""Every URL of the site comes from here: page paths, and links that know the base path."""
from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Urls:
    """Links for templates: `url(path)` under the base path, `absolute(path)` with the host."""

    base_url: str
    base_path: str

    def url(self, page: str) -> str:
        """A root-relative link to a page path, under the base path."""
        return self.base_path + page.lstrip("/")

    def absolute(self, page: str) -> str:
        """A full URL (for feeds and canonical links) when the base URL has a host, else root-relative."""
        if "://" in self.base_url:
            return self.base_url + page.lstrip("/")
        return self.url(page)
