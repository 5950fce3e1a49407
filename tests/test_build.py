"""`sitegen build`: every page exists, German, escaped, links resolve; a failed build keeps the old site."""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import REPO, config_for, write_article
from sitegen.build import build
from sitegen.cli import main
from sitegen.errors import SitegenError


class Links(HTMLParser):
    """Collect href/src values and ids of one page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def broken_links(site: Path, base_path: str = "/") -> list[str]:
    """Internal links of every page that do not lead to a file in the site."""
    broken = []
    for page in site.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            if link.startswith("#"):
                if link[1:] not in parser.ids:
                    broken.append(f"{page.relative_to(site)} -> {link}")
                continue
            if re.match(r"^[a-z]+:", link) and not link.startswith("http://localhost"):
                continue
            path = link.split("#")[0]
            assert path.startswith(base_path), f"{page}: {link} escapes {base_path}"
            target = site / path[len(base_path):]
            if path.endswith("/") or not path[len(base_path):]:
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
    return broken


def test_small_archive_builds_every_page(small_archive):
    build(config_for(small_archive), log=lambda line: None)
    site = small_archive / "_site"
    expected = ["index.html", "404.html", "static/style.css", ".nojekyll",
                "artikel/gipfel-in-genf/index.html", "artikel/mueller-ueber-strasse-eine-analyse/index.html",
                "artikel/ohne-datum/index.html", "personen/index.html", "personen/wladimir-putin/index.html",
                "personen/buchstabe/m/index.html", "orte/index.html", "orte/genf/index.html",
                "orte/buchstabe/w/index.html", "organisationen/buchstabe/n/index.html", "themen/index.html",
                "themen/diplomatie/index.html"]
    assert [name for name in expected if not (site / name).is_file()] == []
    assert broken_links(site) == []


def test_article_page_has_headline_german_date_figure_body_and_term_links(small_archive):
    build(config_for(small_archive), log=lambda line: None)
    html = (small_archive / "_site/artikel/gipfel-in-genf/index.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in html and "<h1>Gipfel in Genf</h1>" in html
    assert '<time datetime="2021-12-30">30. Dezember 2021</time>' in html
    assert "<figcaption" not in html and "REUTERS/Kevin Lamarque" not in html  # no photo, no caption block
    assert '<strong><a href="/orte/genf/">Genf</a></strong>' in html and "»Zitat«" in html
    for link in ("/personen/buchstabe/b/#n-joseph-biden", "/personen/wladimir-putin/", "/orte/genf/",
                 "/organisationen/buchstabe/n/#n-nato", "/themen/diplomatie/"):  # names of one article: none
        assert f'href="{link}"' in html
    assert 'name="viewport"' in html


def test_term_page_lists_articles_newest_first_and_index_counts(small_archive):
    build(config_for(small_archive), log=lambda line: None)
    site = small_archive / "_site"
    putin = (site / "personen/wladimir-putin/index.html").read_text(encoding="utf-8")
    listed = putin.split('id="artikel"')[1]
    assert listed.index("Müller über Straße") < listed.index("Gipfel in Genf")
    people = (site / "personen/index.html").read_text(encoding="utf-8")
    assert re.search(r"Wladimir Putin</a> <span class=\"count\">2 Artikel", people)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.index("Müller über Straße") < home.index("Gipfel in Genf")
    assert "Datum unbekannt" not in home and ">Ohne Datum<" not in home  # listed apart, linked with its count
    assert '<a href="/archiv/ohne-datum/">1 Artikel ohne Datum</a>' in home


def test_user_text_never_becomes_markup(small_archive):
    write_article(small_archive, "x.md",
                  'title: "<script>alert(1)</script>"\npeople: ["<img src=x onerror=alert(1)>"]',
                  "<script>alert(2)</script><a href=\"javascript:alert(3)\">x</a>")
    build(config_for(small_archive), log=lambda line: None)
    pages = "".join(p.read_text(encoding="utf-8") for p in (small_archive / "_site").rglob("*.html"))
    assert "<script>" not in pages and "javascript:" not in pages and "<img src=x" not in pages
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages


def test_failed_build_keeps_the_previous_site(small_archive):
    config = config_for(small_archive)
    build(config, log=lambda line: None)
    before = {p: p.read_bytes() for p in (small_archive / "_site").rglob("*") if p.is_file()}
    write_article(small_archive, "kaputt.md", "title: T\ndate: 2021-02-31")
    with pytest.raises(SitegenError, match=r"kaputt.md:3: 'date' ist kein echtes Datum"):
        build(config, log=lambda line: None)
    after = {p: p.read_bytes() for p in (small_archive / "_site").rglob("*") if p.is_file()}
    assert after == before
    assert not list(small_archive.glob("._site.new-*"))


def test_titles_alike_get_a_page_each_and_a_search_entry_each(small_archive):
    """Of articles sharing a slug the oldest keeps it; the others get their date (or -2, undated), in the
    pages, the links to them and the search index."""
    write_article(small_archive, "d.md", "title: Gipfel in Genf\ndate: 2022-03-01", body="Zweiter Gipfel.")
    write_article(small_archive, "e.md", "title: Gipfel in Genf", body="Dritter Gipfel.")
    write_article(small_archive, "f.md", "title: Anders\nslug: gipfel-in-genf\ndate: 2022-03-01",
                  body="Geschrieben.")
    build(config_for(small_archive), log=lambda line: None)
    page = {slug: (small_archive / "_site/artikel" / slug / "index.html").read_text(encoding="utf-8")
            for slug in ("gipfel-in-genf", "gipfel-in-genf-2022-03-01", "gipfel-in-genf-2",
                         "gipfel-in-genf-2022-03-01-2")}
    assert "trafen sich in" in page["gipfel-in-genf"]  # a.md, the oldest
    assert "Zweiter Gipfel." in page["gipfel-in-genf-2022-03-01"]
    assert "Dritter Gipfel." in page["gipfel-in-genf-2"]
    assert "Geschrieben." in page["gipfel-in-genf-2022-03-01-2"]
    entries = (small_archive / "_site/pagefind").rglob("pagefind-entry.json")
    assert sum(json.loads(e.read_text())["languages"]["de"]["page_count"] for e in entries) == 6


def test_refuses_to_replace_a_folder_it_did_not_write(small_archive):
    (small_archive / "_site").mkdir()
    (small_archive / "_site" / "notizen.txt").write_text("wichtig", encoding="utf-8")
    with pytest.raises(SitegenError, match="nicht von sitegen geschrieben"):
        build(config_for(small_archive), log=lambda line: None)
    assert (small_archive / "_site" / "notizen.txt").read_text(encoding="utf-8") == "wichtig"


def test_base_url_prefix_reaches_every_link(small_archive):
    build(config_for(small_archive, base_url="https://example.org/archiv/"), log=lambda line: None)
    site = small_archive / "_site"
    assert broken_links(site, "/archiv/") == []
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/archiv/">' in html


def test_the_repository_archive_builds_with_the_command(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    assert main(["build", "--out", str(tmp_path / "site")]) == 0
    assert " gerendert, " in capsys.readouterr().out
    site = tmp_path / "site"
    articles = list((site / "artikel").glob("*/index.html"))
    assert len(articles) == len(list((REPO / "content" / "articles").glob("*.md"))) >= 1
    assert broken_links(site) == []


def test_template_error_names_the_template_and_line(small_archive, capsys, monkeypatch):
    broken = "{% extends 'base.html' %}\n{% block main %}\n{{ oops(\n"
    (small_archive / "templates" / "term.html").write_text(broken, encoding="utf-8")
    monkeypatch.chdir(small_archive)
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sitegen: Fehler: ") and err.count("\n") == 1
    assert "term.html:3: Template-Fehler" in err


def test_an_error_in_the_shared_macros_names_their_file_and_line(small_archive, capsys, monkeypatch):
    macros = small_archive / "templates" / "_macros.html"
    macros.write_text("{% macro chips(refs) %}\n{{ refs(\n{% endmacro %}\n", encoding="utf-8")
    monkeypatch.chdir(small_archive)
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sitegen: Fehler: ") and err.count("\n") == 1
    assert "_macros.html:3: Template-Fehler" in err
    macros.write_text("{{ nowhere.x }}{% macro chips(refs) %}{% endmacro %}\n", encoding="utf-8")
    assert main(["build"]) == 1
    assert "_macros.html: Template-Fehler: 'nowhere' is undefined" in capsys.readouterr().err


def test_a_template_not_in_utf8_is_named_with_its_line(small_archive, capsys, monkeypatch):
    from sitegen.config import load_config
    from sitegen.preview import Preview

    (small_archive / "templates" / "base.html").write_bytes(b"<html>\n<p>Gr\xfc\xdfe</p>\n</html>\n")
    monkeypatch.chdir(small_archive)
    assert main(["build"]) == 1
    assert capsys.readouterr().err == ("sitegen: Fehler: templates/base.html:2: ist nicht UTF-8 (Byte 12) "
                                       "(speichere die Datei als UTF-8, z. B. mit iconv -f WINDOWS-1252 -t "
                                       "UTF-8)\n")
    page = Preview(load_config(small_archive)).page("index.html").decode("utf-8")
    assert "templates/base.html, Zeile 2" in page and "ist nicht UTF-8" in page


def test_an_editors_lock_file_among_the_templates_is_no_error(small_archive, monkeypatch):
    # Emacs marks a template with unsaved changes by a link to nowhere named .#NAME
    (small_archive / "templates" / ".#base.html").symlink_to("user@host.1234:1700000000")
    monkeypatch.chdir(small_archive)
    assert main(["build"]) == 0


def test_strict_build_refuses_warnings_and_keeps_the_last_site(small_archive, monkeypatch, capsys):
    monkeypatch.chdir(small_archive)
    assert main(["build"]) == 0
    assert main(["build", "--strict"]) == 0  # names of one article (Wien, NATO ...) are no problem: no page
    before = (small_archive / "_site" / "index.html").read_bytes()
    write_article(small_archive, "c.md", "title: Zwei Schreibungen\ndate: 2021-03-01\n"
                  "people: [Anna Müller, Anna Mueller]")
    assert main(["build", "--strict"]) == 1  # two names would share one page
    captured = capsys.readouterr()
    assert "--strict:" in captured.out and "Anna Mueller" in captured.out
    assert "mit --strict gefunden" in captured.err
    assert (small_archive / "_site" / "index.html").read_bytes() == before
    assert "mit --strict gefunden" in (small_archive / "_site.failed").read_text(encoding="utf-8")
    assert main(["build"]) == 0 and not (small_archive / "_site.failed").exists()


def test_the_render_progress_bar_off_a_terminal_is_one_line_counting_pages(capsys):
    from sitegen.workers import Progress

    bar = Progress(250, "Seiten")
    for done in (150, 160, 250):
        bar.update(done)
    assert capsys.readouterr().err == f"\r[{'#' * 30}] 250/250 Seiten\n"


def test_a_project_template_overrides_one_default_and_the_rest_come_from_the_package(small_archive):
    templates = small_archive / "templates"
    base = (templates / "base.html").read_text(encoding="utf-8")
    shutil.rmtree(templates)
    (templates / "static").mkdir(parents=True)
    (templates / "base.html").write_text(base.replace("</footer>", "<p>Eigene Fußzeile</p></footer>"),
                                         encoding="utf-8")
    (templates / "static" / "style.css").write_text("body { color: teal; }\n", encoding="utf-8")
    build(config_for(small_archive), log=lambda line: None)
    site = small_archive / "_site"
    putin = (site / "personen" / "wladimir-putin" / "index.html").read_text(encoding="utf-8")
    assert "Eigene Fußzeile" in putin
    assert (site / "static" / "style.css").read_text(encoding="utf-8") == "body { color: teal; }\n"
    assert (site / "static" / "search.js").is_file()  # from the defaults
    assert broken_links(site) == []
