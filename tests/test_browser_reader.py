"""The archive a reader browses, on real articles (the 1,028 of 10kGNAD when the shared data is there, and a
committed fixture of invented, dated ones), in headless Chromium under the project path /archiv/: sections,
entity pages with their lead, in-text entity links, people A-Z by surname, search; screenshots at phone
(358 px) and desktop width, for a human to look at: in $SITEGEN_SCREENSHOTS/reader/, else under tmp_path."""
from __future__ import annotations

import functools
import os
import re
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from reader_archive import build_reader_archive, real_articles
from test_browser import SHOTS_VARIABLE, QuietHandler

SIZES = {"phone": (358, 800), "desktop": (1280, 900)}
PAGES = {"home": "", "section": "ressorts/inland/", "entity": "personen/angela-merkel/",
         "article": "artikel/kanzlerin-wirbt-in-wien-fuer-eine-gemeinsame-asylpolitik/",
         "people-l": "personen/buchstabe/l/", "archive": "archiv/", "undated": "archiv/ohne-datum/",
         "search": "suche/?q=Fl%C3%BCchtlinge"}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """The reader's archive built for /archiv/ and served from a folder that holds it as archiv/."""
    root = tmp_path_factory.mktemp("reader")
    site = build_reader_archive(root)
    served = root / "served"
    served.mkdir()
    (served / "archiv").symlink_to(site, target_is_directory=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/archiv/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser):
    """A desktop-sized page that fails the test on a script error or a missing file (a favicon, say)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda exc: problems.append(str(exc)))
    tab.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    yield tab
    context.close()
    assert problems == []


def test_section_page_from_the_navigation(page, base):
    page.goto(base)
    page.get_by_role("link", name="Ressorts", exact=True).click()
    page.get_by_role("link", name="Inland", exact=True).click()
    page.wait_for_url(base + "ressorts/inland/")
    assert page.locator("h1").inner_text() == "Inland"
    assert page.locator(".meta").first.inner_text().startswith("Ressort · ")
    assert page.locator(".article-list .section").count() == 0  # the page's own section is not repeated
    feed = page.locator('link[type="application/atom+xml"]').get_attribute("href")
    assert feed == "/archiv/ressorts/inland/feed.xml"
    assert page.request.get(base + "ressorts/inland/feed.xml").ok
    if real_articles():  # over a hundred Inland articles: the newest 50, and the search for all
        page.get_by_role("link", name=re.compile("ältere Artikel in der Suche")).click()
        page.wait_for_url(base + "suche/?Ressort=Inland")
        page.locator(".search-results li").first.wait_for(timeout=15000)
        page.go_back()
    page.locator(".article-list li a").first.click()
    page.wait_for_url(re.compile(r"/archiv/artikel/"))
    assert page.locator(".meta a.section").inner_text() == "Inland"  # and the article names its section


def test_entity_page_leads_with_what_the_archive_says(page, base):
    page.goto(base + "personen/angela-merkel/")
    lead = page.locator(".lead").inner_text()
    assert re.search(r"(Bundes)?[Kk]anzlerin\s+Angela Merkel \(CDU\)", lead), lead
    assert re.search(r"so „(Bundes)?[Kk]anzlerin“ in \d+, „CDU“ in \d+ von \d+ Artikeln", lead), lead
    paged = page.locator("p.more").count() > 0  # a list of all its articles shows the first and last itself
    assert ("Zuerst genannt" in lead) == ("Zuletzt genannt" in lead) == paged
    marks = page.locator(".article-list p mark").all_inner_texts()
    assert marks and all("Merkel" in mark for mark in marks)
    passage = page.locator(".article-list p").first.inner_text()
    assert passage[-1] in ".!?“\"…" and len(passage.split()) > 6  # a whole sentence


def test_in_text_entity_link_leads_to_the_entity_page(page, base):
    page.goto(base + PAGES["article"])
    body = page.locator(".body")
    assert body.locator("h2 a").count() == 0  # never inside a heading ...
    assert body.locator('a[href^="https://"] a').count() == 0  # ... nor inside a link
    assert body.locator("a:not([rel])", has_text="Alexander Van der Bellen").count() == 1
    assert body.locator("a:not([rel])", has_text="Angela Merkel").count() == 1
    assert "Bundeskanzlerin Angela Merkel (CDU) hat am Dienstag in Wien" in body.inner_text()  # unchanged
    body.locator("a:not([rel])", has_text="Angela Merkel").click()
    page.wait_for_url(base + "personen/angela-merkel/")
    assert page.locator("h1").inner_text() == "Angela Merkel"


def test_people_are_listed_by_surname(page, base):
    page.goto(base + "personen/")
    assert "nach Nachnamen" in page.locator(".meta").first.inner_text()
    page.locator(".letters").get_by_role("link", name="L", exact=True).click()
    page.wait_for_url(base + "personen/buchstabe/l/")
    names = page.locator(".term-index a").all_inner_texts()
    assert "Ursula von der Leyen" in names  # shown as the name reads, filed under L
    page.goto(base + "personen/buchstabe/v/")
    assert "Alexander Van der Bellen" in page.locator(".term-index a").all_inner_texts()
    page.goto(base + "personen/buchstabe/m/")
    assert "Angela Merkel" in page.locator(".term-index a").all_inner_texts()
    page.goto(base + "personen/buchstabe/a/")
    names = page.locator(".term-index a").all_inner_texts()
    assert "Angela Merkel" not in names and "Baschar al-Assad" in names


def test_search_leads_with_the_topic_and_shows_date_and_section(page, base):
    page.goto(base + "suche/?q=Fl%C3%BCchtlinge")
    lead = page.locator(".search-lead a")
    lead.wait_for(timeout=15000)
    assert lead.inner_text() == "Flüchtling" and lead.get_attribute("href") == "/archiv/themen/fluechtling/"
    page.locator(".search-results li").first.wait_for(timeout=15000)
    first = page.locator(".search-results li").first
    title = first.locator("h2").inner_text().removesuffix(" …")
    assert not first.locator(".excerpt").inner_text().startswith(title)  # from the body, not the title
    if real_articles():  # filters show only where results differ: beside the undated real ones, the dated
        page.locator('.search-filters input[value="2016"]').check()
    page.wait_for_function("""() => {
        const facts = [...document.querySelectorAll('.search-results li small')].map(s => s.textContent);
        return facts.length > 0 && facts.every(f => / 2016 · (Inland|International|Panorama)$/.test(f));
    }""", timeout=15000)
    shown = page.locator(".search-results small").first.inner_text()
    assert re.fullmatch(r"\d{1,2}\. (Januar|Februar|März) 2016 · \w+", shown)
    page.fill("#suchfeld", "Merkel")
    page.press("#suchfeld", "Enter")
    page.locator(".search-lead a", has_text="Angela Merkel").click()
    page.wait_for_url(base + "personen/angela-merkel/")


def test_a_term_page_leads_to_the_search_for_all_its_articles(page, base):
    page.goto(base + "personen/angela-merkel/")
    count = re.search(r"([\d.]+) Artikel", page.locator(".meta").first.inner_text()).group(1)
    page.goto(base + "suche/?Person=Angela%20Merkel")  # a filter alone: every article naming her
    page.locator(".search-results li").first.wait_for(timeout=15000)
    assert page.locator(".search-message").inner_text() == f"{count} Treffer für „Angela Merkel“"


def test_search_filters_only_where_results_differ_and_folded_on_phones(browser, base):
    context = browser.new_context(viewport={"width": 358, "height": 800}, locale="de-DE")
    tab = context.new_page()
    tab.goto(base + "suche/?q=Wien")
    tab.locator(".search-results li").first.wait_for(timeout=15000)
    filters = tab.locator(".search-filters")
    assert filters.get_attribute("open") is None  # folded: the first result is above the fold
    assert tab.locator(".search-results li").first.bounding_box()["y"] < 800
    assert "Ressort" in filters.locator("legend").all_text_contents()
    for group in filters.locator("fieldset").all():
        assert group.locator("input").count() > 1
    context.close()


def test_undated_articles_are_listed_apart_in_source_order(page, base):
    page.goto(base)
    link = page.locator(".meta a", has_text="ohne Datum")
    assert re.fullmatch(r"[\d.]+ Artikel ohne Datum", link.inner_text())
    link.click()
    page.wait_for_url(base + "archiv/ohne-datum/")
    assert "in der Reihenfolge der Quelle" in page.locator(".meta").first.inner_text()
    assert "Datum unbekannt" not in page.locator("main").inner_text()


@pytest.mark.parametrize("size", sorted(SIZES))
def test_screenshots(browser, base, size, tmp_path):
    shots = Path(os.environ.get(SHOTS_VARIABLE) or tmp_path) / "reader"
    shots.mkdir(parents=True, exist_ok=True)
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE")
    for name, path in PAGES.items():
        tab = context.new_page()
        tab.goto(base + path)
        if name == "search":
            tab.locator(".search-results li").first.wait_for(timeout=15000)
        tab.screenshot(path=str(shots / f"{name}-{size}.png"), full_page=name != "search")
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} scrolls sideways at {width} px"
        if name == "archive":
            hidden = tab.evaluate("""() => [...document.querySelectorAll('.archive-table td')]
                .filter(td => td.getBoundingClientRect().right > window.innerWidth).length""")
            assert hidden == 0, "months of the year table lie outside the screen"
        tab.close()
    context.close()
