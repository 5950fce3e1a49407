"""A site built for https://example.org/archiv/ works when served under /archiv/ only.

The output folder is served under /archiv/ by a local http.server (127.0.0.1, a free port, one thread);
a crawl from /archiv/ follows every internal link: no 404, no link outside the prefix. check_output
must agree: no errors.
"""
from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections import deque
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import REPO, config_for
from sitegen.build import build
from sitegen.check import check_output

BASE_URL = "https://example.org/archiv/"
PREFIX = "/archiv/"
MAX_URLS = 50_000


class PrefixHandler(SimpleHTTPRequestHandler):
    """Serves the site folder under PREFIX only; every other path is a 404, as on GitHub Pages."""

    def translate_path(self, path: str) -> str:
        """The file for a URL path below PREFIX; a path that cannot exist otherwise."""
        clean = urlsplit(path).path
        if not (clean + "/").startswith(PREFIX):
            return str(Path(self.directory) / "\0outside-the-prefix")
        return super().translate_path("/" + clean[len(PREFIX):])

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture
def serve():
    """A function that serves a folder under PREFIX; yields its origin, stops the server afterwards."""
    servers: list[ThreadingHTTPServer] = []

    def start(site: Path) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(PrefixHandler, directory=str(site)))
        servers.append(server)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


class LinkParser(HTMLParser):
    """Every href and src of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Collect link attributes."""
        self.links.extend(v.strip() for k, v in attrs if k in ("href", "src") and v)


def fetch(url: str) -> tuple[int, str, bytes]:
    """Status, content type and body of a GET (redirects followed)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def internal_links(page_url: str, body: bytes, origin: str) -> Iterator[str]:
    """The page's links on this server (links to the public base URL mapped onto it), fragments dropped."""
    parser = LinkParser()
    parser.feed(body.decode("utf-8", errors="replace"))
    public = urlsplit(BASE_URL)
    for link in parser.links:
        parts = urlsplit(urljoin(page_url, link))
        if (parts.scheme, parts.netloc) == (public.scheme, public.netloc):
            parts = urlsplit(origin + parts.path + (f"?{parts.query}" if parts.query else ""))
        if f"{parts.scheme}://{parts.netloc}" == origin:
            yield parts._replace(fragment="").geturl()


def crawl(origin: str) -> tuple[set[str], list[str]]:
    """Every URL reached from PREFIX, and the problems: 404s and links that leave the prefix."""
    start = origin + PREFIX
    seen, queue, problems = {start}, deque([(start, "(start)")]), []
    while queue and len(seen) < MAX_URLS:
        url, referrer = queue.popleft()
        if not (unquote(urlsplit(url).path) + "/").startswith(PREFIX):
            problems.append(f"{referrer}: link to {url} leaves {PREFIX}")
            continue
        status, kind, body = fetch(url)
        if status != 200:
            problems.append(f"{referrer}: {url} answers {status}")
        elif kind == "text/html":
            for link in internal_links(url, body, origin):
                if link not in seen:
                    seen.add(link)
                    queue.append((link, url))
    return seen, problems


def build_under_prefix(root: Path, out: Path, **overrides: object) -> Path:
    """Build the archive at `root` for BASE_URL into `out`; the output folder."""
    build(config_for(root, out=str(out), base_url=BASE_URL, **overrides), log=lambda line: None)
    return out


def assert_works_under_prefix(site: Path, origin: str) -> set[str]:
    """Crawl and check `site`; the URLs reached."""
    seen, problems = crawl(origin)
    assert problems == []
    assert check_output(site, PREFIX).errors == ()
    return seen


def test_repository_archive_works_under_prefix(tmp_path: Path, serve) -> None:
    site = build_under_prefix(REPO, tmp_path / "_site")
    seen = assert_works_under_prefix(site, serve(site))
    pages = {p for p in site.rglob("index.html") if p.parent.name != "static"}
    assert len(seen) >= len(pages)


def test_small_archive_works_under_prefix(small_archive: Path, serve) -> None:
    site = build_under_prefix(small_archive, small_archive / "_site")
    seen = assert_works_under_prefix(site, serve(site))
    assert any("/archiv/artikel/mueller-ueber-strasse-eine-analyse/" in url for url in seen)
    assert any("/archiv/personen/wladimir-putin/" in url for url in seen)
    assert any("/archiv/personen/buchstabe/m/" in url for url in seen)  # Thomas Müller's entry: one article


def test_crawl_reports_a_link_that_leaves_the_prefix(tmp_path: Path, serve) -> None:
    site = tmp_path / "_site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text('<a href="/archiv/a/">a</a><a href="/a/">raus</a>', encoding="utf-8")
    (site / "a" / "index.html").write_text('<a href="../fehlt/">weg</a>', encoding="utf-8")
    _, problems = crawl(serve(site))
    assert len(problems) == 2
    assert "leaves /archiv/" in problems[0] and "answers 404" in problems[1]
