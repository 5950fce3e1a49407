"""Duplicate detection: the same article from a second source (same URL, or same text up to white space)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sitegen.model import Article

_ESCAPE = re.compile(r"\\([\\`*_\[\]#>.)+-])")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|wt_\w+|ref)$", re.IGNORECASE)


def text_key(body: str) -> str:
    """A hash of the body's words: white space and markdown escapes do not count."""
    words = " ".join(_ESCAPE.sub(r"\1", body).split())
    return hashlib.sha1(words.encode("utf-8")).hexdigest()


def url_key(url: object) -> str:
    """A URL without fragment, tracking parameters, 'www.' or a trailing slash; '' for none."""
    text = str(url or "").strip()
    if not text:
        return ""
    parts = urlsplit(text)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit(("", host, parts.path.rstrip("/"), query, ""))


@dataclass
class Seen:
    """The articles known so far, by URL and by text, each naming where it came from."""

    by_url: dict[str, str] = field(default_factory=dict)
    by_text: dict[str, str] = field(default_factory=dict)

    def add(self, article: Article, where: str) -> None:
        """Remember an article that is in the archive."""
        url = url_key(article.extra.get("url"))
        if url:
            self.by_url.setdefault(url, where)
        self.by_text.setdefault(text_key(article.body), where)

    def duplicate_of(self, article: Article) -> str | None:
        """'where (same URL)' or 'where (same text)' when the article is already known, else None."""
        url = url_key(article.extra.get("url"))
        if url and url in self.by_url:
            return f"{self.by_url[url]} (gleiche URL)"
        known = self.by_text.get(text_key(article.body))
        return f"{known} (gleicher Text)" if known else None
