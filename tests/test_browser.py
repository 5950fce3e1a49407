"""The built archive in headless Chromium (Debian's, driven by Playwright's Python client), served under the
project path /archiv/ as on GitHub Pages: browse, page, search, filter; screenshots for a human to look at."""
from __future__ import annotations

import functools
import os
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pages_archive import build_archive

SHOTS_VARIABLE = "SITEGEN_SCREENSHOTS"  # a folder to keep the screenshots in; else they go below tmp_path
SIZES = {"phone": (358, 800), "desktop": (1280, 900)}


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file handler that does not log every request."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """The archive built for /archiv/ and served from a folder that holds it as archiv/."""
    root = tmp_path_factory.mktemp("browse")
    site = build_archive(root, base_url="/archiv/")
    served = root / "served"
    served.mkdir()
    (served / "archiv").symlink_to(site, target_is_directory=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(served)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/archiv/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser):
    """A fresh desktop-sized page that fails the test on any script error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert errors == []


def test_home_to_entity_to_the_search_for_all_its_articles(page, base):
    page.goto(base)
    assert page.locator("h1").inner_text() == "Neueste Artikel"
    page.locator(".recent .chips a").first.click()
    page.wait_for_url(re.compile(r"/archiv/(personen|orte|organisationen)/[^/]+/$"))
    assert page.locator(".timeline svg").count() == 1
    page.goto(base + "personen/angela-merkel/")
    assert page.locator(".article-list li").count() == 50
    page.get_by_role("link", name="70 ältere Artikel in der Suche", exact=True).click()
    page.wait_for_url(base + "suche/?Person=Angela%20Merkel")
    page.locator(".search-results li").first.wait_for(timeout=15000)
    assert page.locator(".search-message").inner_text() == "120 Treffer für „Angela Merkel“"


def test_search_for_a_name_and_open_a_result(page, base):
    page.goto(base)
    page.fill("#kopf-suche", "Merkel")
    page.press("#kopf-suche", "Enter")
    page.wait_for_url(re.compile(r"/archiv/suche/\?q=Merkel"))
    first = page.locator(".search-results h2 a").first
    first.wait_for(timeout=15000)
    assert first.get_attribute("href").startswith("/archiv/artikel/")
    first.click()
    page.wait_for_url(re.compile(r"/archiv/artikel/bericht-\d{3}-"))
    assert "Merkel" in page.locator("article").inner_text()


def test_search_filtered_by_year(page, base):
    page.goto(base + "suche/?q=Bericht")
    page.locator(".search-results h2 a").first.wait_for(timeout=15000)
    page.locator('.search-filters input[type="checkbox"][value="2020"]').check()
    page.wait_for_function("""() => {
        const links = [...document.querySelectorAll('.search-results h2 a')];
        return links.length > 0
            && links.every(a => /bericht-(09[1-9]|1[0-2]\\d)-/.test(a.getAttribute('href')));
    }""", timeout=15000)
    message = page.locator(".search-message").inner_text()
    assert re.search(r"\b\d+ von \d+ Treffern", message)


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("name,path", [("article", "artikel/bericht-001-emmanuel-macron-in-paris/"),
                                       ("entity", "personen/angela-merkel/")])
def test_screenshots(browser, base, name, path, size, tmp_path):
    shots = Path(os.environ.get(SHOTS_VARIABLE) or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    width, height = SIZES[size]
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        tab = context.new_page()
        tab.goto(base + path)
        suffix = "" if scheme == "light" else "-dark"
        tab.screenshot(path=str(shots / f"{name}-{size}{suffix}.png"), full_page=scheme == "light")
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        context.close()
        assert overflow <= 0, f"{name} scrolls sideways at {width} px"
