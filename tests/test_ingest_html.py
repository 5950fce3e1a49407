"""The HTML reader: saved news pages become articles; boilerplate stays out; English pages skip entities."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest

from sitegen.content import load_article
from sitegen.ingest import ingest
from sitegen.ingest.html import read_html_source

FIXTURES = Path(__file__).parent / "fixtures" / "html"
BOILERPLATE = ("Cookies", "cookies", "akzeptieren", "Impressum", "Datenschutz", "Newsletter",
               "Jetzt abonnieren", "Mehr zum Thema", "Startseite", "Kommentare", "Leser123", "Most read",
               "Subscribe", "All rights", "Teilen auf Facebook", "Zustimmen", "Privatsphäre")


def read(name: str):
    [article] = read_html_source(FIXTURES / name, f"html/{name}", None)
    return article


def test_news_page_gives_headline_date_author_lead_section_and_url():
    article = read("de_gipfel_genf.html")
    assert article.title == "Gipfel in Genf: Biden und Putin vereinbaren Gespräche über Rüstungskontrolle"
    assert article.date == dt.datetime(2021, 6, 16, 18, 45, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert article.summary.startswith("Nach drei Stunden Verhandlung")
    assert article.language == "de" and article.source == "html/de_gipfel_genf.html"
    assert dict(article.extra) == {
        "author": "Anna Schneider", "section": "Ausland",
        "url": "https://www.morgenpost-online.example/politik/ausland/gipfel-genf-biden-putin-a-4711.html",
        "image_url": "https://img.morgenpost-online.example/2021/06/genf-gipfel-800.jpg"}


def test_figure_caption_and_credit_become_the_lead_image():
    image = read("de_gipfel_genf.html").image
    assert image.caption == "Joe Biden und Wladimir Putin in der Villa La Grange in Genf"
    assert image.credit == "REUTERS/Kevin Lamarque"  # 'Foto:' is the template's, not the data's


def test_body_keeps_paragraphs_subheads_quotes_and_lists_as_markdown():
    body = read("de_gipfel_genf.html").body
    assert body.startswith("Der amerikanische Präsident Joe Biden")
    assert "\n\n## Botschafter kehren zurück\n\n" in body
    assert "\n\n> Es gab keine Feindseligkeit." in body
    assert "\n- die Verlängerung des Abrüstungsvertrags New Start\n- Angriffe" in body
    html = markdown.markdown(body)
    assert "<h2>" in html and "<blockquote>" in html and html.count("<li>") == 3
    assert "„konstruktiven“" in body


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.html")))
def test_navigation_footer_cookie_banner_and_teasers_stay_out_of_the_body(name):
    article = read(name)
    assert not [word for word in BOILERPLATE if word in article.body]
    assert not article.body.startswith("#")  # the headline is the title, not repeated in the body


def test_page_without_json_ld_uses_open_graph_and_a_caption_credit():
    article = read("de_hochwasser_og.html")
    assert article.title == "Hochwasser an der Donau: Pegel in Krems steigt weiter"
    assert article.date == dt.datetime(2024, 9, 16, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert article.extra["author"] == "Markus Huber" and article.extra["section"] == "Chronik"
    assert article.image.caption == ("Feuerwehrleute bauen am Montagmorgen in Krems eine mobile"
                                     " Schutzwand auf.")
    assert article.image.credit == "APA/Helmut Fohringer"
    assert article.extra["image_url"] == "https://donaukurier-regional.example/bilder/2024/09/krems-hochwasser-640.jpg"
    assert ("### Was Anrainer jetzt tun sollten" in article.body
            and "\n1. Keller und Garagen räumen\n2." in article.body)


def test_english_page_takes_its_image_from_json_ld():
    article = read("en_harbour_strike.html")
    assert article.language == "en" and article.extra["author"] == "James Whitfield"
    assert article.extra["section"] == "Business" and article.date == dt.date(2023, 3, 14)
    assert article.image.caption == "Idle cranes at the Port of Felixstowe on Tuesday"
    assert article.image.credit == "PA Images"
    assert "> Nobody wants a long dispute" in article.body and "## Retailers warn of delays" in article.body


def counting_extractor(calls: list[str]):
    def extract(text: str) -> SimpleNamespace:
        calls.append(text)
        return SimpleNamespace(people=["Joseph Biden"] if "Biden" in text else [], places=[],
                               organisations=[], tags=[])
    return extract


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES, tmp_path / "pages")
    return tmp_path / "pages"


def run(pages: Path, calls: list[str], lines: list[str] | None = None):
    return ingest([pages], pages.parent / "content", root=pages.parent, extractor=counting_extractor(calls),
                  log=(lines if lines is not None else []).append)


def test_english_article_is_ingested_with_its_language_and_entities_are_said_to_be_skipped(pages):
    calls: list[str] = []
    summary = run(pages, calls)
    assert len(summary.created) == 3 and len(calls) == 2  # the extractor never sees the English page
    english = load_article(pages.parent / "content"
                           / "dock-workers-strike-closes-felixstowe-for-second-day.md")
    assert english.language == "en" and english.people == ()
    assert summary.not_german == ["pages/en_harbour_strike.html"]
    assert any("en_harbour_strike.html" in n and "Entitäten übersprungen" in n for n in summary.notes)
    assert "Entitäten übersprungen für 1 nicht deutsche Artikel" in summary.line()
    german = load_article(pages.parent / "content" / "gipfel-in-genf-biden-und-putin-vereinbaren-gespraeche-"
                                                     "ueber-ruestungskontrolle.md")
    assert german.people == ("Joseph Biden",) and german.extra["author"] == "Anna Schneider"


def test_reingesting_pages_leaves_every_file_byte_identical(pages):
    run(pages, [])
    before = {p: p.read_bytes() for p in (pages.parent / "content").glob("*.md")}
    summary = run(pages, [])
    assert len(summary.unchanged) == 3 and not summary.created and not summary.updated
    assert {p: p.read_bytes() for p in (pages.parent / "content").glob("*.md")} == before


def test_the_same_page_saved_twice_is_reported_not_doubled(pages):
    shutil.copy(pages / "de_gipfel_genf.html", pages / "kopie_gipfel.html")
    lines: list[str] = []
    summary = run(pages, [], lines)
    assert len(summary.created) == 3 and summary.skipped == ["pages/kopie_gipfel.html"]
    assert summary.kinds["Duplikat"] == 1 and "(1 Duplikat)" in summary.line()
    assert "ist derselbe Artikel wie pages/de_gipfel_genf.html" in lines[0] and "(gleiche URL)" in lines[0]


def test_a_page_without_article_text_is_skipped_with_its_reason(pages):
    (pages / "leer.html").write_text("<html><body><nav><a href='/'>Start</a></nav></body></html>",
                                     encoding="utf-8")
    (pages / "bild.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    lines: list[str] = []
    summary = run(pages, [], lines)
    assert sorted(summary.skipped) == ["pages/bild.html", "pages/leer.html"] and len(summary.created) == 3
    assert "pages/leer.html: hat keinen Artikeltext" in summary.reasons["pages/leer.html"]
    assert "ist eine Binärdatei" in summary.reasons["pages/bild.html"]
    assert not list((pages.parent / "content").glob(".*.tmp"))


def test_a_sidecar_beside_a_page_wins_over_the_page(pages):
    (pages / "de_hochwasser_og.yaml").write_text("title: Donau-Hochwasser in Krems\ndate: 2024-09-15\n",
                                                 encoding="utf-8")
    run(pages, [])
    article = load_article(pages.parent / "content" / "donau-hochwasser-in-krems.md")
    assert article.date == dt.date(2024, 9, 15) and article.extra["author"] == "Markus Huber"
