"""check_output() and clutter(): fixture sites written in tmp_path."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.check import CheckReport, base_prefix, check_output, clutter
from sitegen.errors import SitegenError
from sitegen.model import Term


def lines(findings) -> tuple[str, ...]:
    """The findings as the lines `sitegen check --all` prints."""
    return tuple(map(str, findings))


def write_site(root: Path, pages: dict[str, str]) -> Path:
    """Write `pages` (path -> body HTML) below root/_site; the site folder."""
    site = root / "_site"
    for rel, body in pages.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><html><head></head><body>\n{body}\n</body></html>", encoding="utf-8")
    return site


GOOD = {
    "index.html": '<link rel="stylesheet" href="/archiv/style.css"><a href="/archiv/personen/merkel/">M</a>'
                  '<a href="personen/">P</a><a href="https://other.example/x">ext</a>'
                  '<a href="mailto:redaktion@example.org">mail</a><a href="#oben" id="oben">top</a>',
    "personen/index.html": '<a href="merkel/#leben">Leben</a><a href="../">home</a>'
                           '<a href="../personen/merkel/index.html">direct</a>',
    "personen/merkel/index.html": '<h2 id="leben">Leben</h2>'
                                  '<img src="../../bild.jpg" srcset="../../bild.jpg 2x">'
                                  '<a href="/archiv/">home</a><a href="/archiv">home</a>'
                                  '<a href="?seite=2">q</a>',
    "style.css": "",
}


def test_good_site_under_prefix_has_no_errors(tmp_path: Path) -> None:
    site = write_site(tmp_path, GOOD)
    (site / "bild.jpg").write_bytes(b"jpg")
    report = check_output(site, "/archiv/")
    assert report == CheckReport((), ())


def test_broken_link_names_page_line_and_target(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": '<a href="/personen/niemand/">x</a>'})
    (error,) = check_output(site, "/").errors
    assert error.kind == "Link ins Leere"
    assert str(error) == ("index.html:2: Link '/personen/niemand/' zeigt auf /personen/niemand/, das es in "
                          "der Ausgabe nicht gibt")


def test_links_into_a_linked_folder_resolve(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "a.html").write_text("<p>a</p>", encoding="utf-8")
    site = write_site(tmp_path, {"index.html": '<a href="/bilder/a.html">x</a>'})
    (site / "bilder").symlink_to(shared)
    assert check_output(site, "/").errors == ()


def test_broken_anchor(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": '<a href="a/#fehlt">x</a><a href="#auch-nicht">y</a>',
                                 "a/index.html": '<p id="da">da</p>'})
    errors = lines(check_output(site).errors)
    assert len(errors) == 2
    assert "#fehlt" in errors[0] and "a/index.html hat keine solche id" in errors[0]
    assert "#auch-nicht" in errors[1]


def test_anchor_by_a_name_and_percent_encoded_fragment(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": '<a name="alt"></a><p id="straße"></p>'
                                               '<a href="#alt">a</a><a href="#stra%C3%9Fe">b</a>'})
    assert check_output(site).errors == ()


def test_link_escaping_the_prefix_is_an_error(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": '<a href="/personen/">P</a><a href="../../x/">up</a>'
                                               '<a href="/archivx/">near</a>',
                                 "personen/index.html": ""})
    errors = lines(check_output(site, "/archiv/").errors)
    assert len(errors) == 3
    assert all("verlässt den Basispfad /archiv/" in e for e in errors)


def test_relative_links_resolve_against_the_page_url(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": "",
                                 "orte/berlin/index.html": '<a href="../koeln/">K</a><a href="../../">H</a>'
                                                           '<a href="mitte.html">M</a>',
                                 "orte/koeln/index.html": '<a href="../berlin/mitte.html">B</a>'})
    errors = lines(check_output(site, "/archiv/").errors)
    assert errors == ("orte/berlin/index.html:2: Link 'mitte.html' zeigt auf /archiv/orte/berlin/mitte.html, "
                      "das es in der Ausgabe nicht gibt",
                      "orte/koeln/index.html:2: Link '../berlin/mitte.html' zeigt auf "
                      "/archiv/orte/berlin/mitte.html, das es in der Ausgabe nicht gibt")


def test_relative_link_on_404_page_is_an_error(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": "", "static/s.css": "",
                                 "404.html": '<link href="static/s.css"><a href="/archiv/">ok</a>'})
    (error,) = check_output(site, "/archiv/").errors
    assert str(error).startswith("404.html:2: Link 'static/s.css' ist relativ")


def test_github_pages_paths_without_slash_or_suffix(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": '<a href="personen">P</a><a href="impressum">I</a>',
                                 "personen/index.html": "", "impressum.html": ""})
    assert check_output(site).errors == ()


def test_base_href_is_honoured(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"index.html": "",
                                 "a/b/index.html": '<base href="/archiv/"><a href="a/b/">x</a>'})
    assert check_output(site, "/archiv/").errors == ()


def test_base_prefix() -> None:
    assert base_prefix("/") == "/" and base_prefix("archiv") == "/archiv/"
    assert base_prefix("/%C3%BCber/") == "/über/"


def test_size_limits_warn_from_80_percent_and_fail_above(tmp_path: Path, monkeypatch) -> None:
    site = write_site(tmp_path, {"index.html": ""})
    (site / "gross.bin").write_bytes(b"x" * 850_000)
    (site / "klein.bin").write_bytes(b"x" * 100_000)
    monkeypatch.setattr("sitegen.check.MAX_FILE_BYTES", 1_000_000)
    monkeypatch.setattr("sitegen.check.MAX_SITE_BYTES", 100_000_000)
    report = check_output(site)
    assert report.errors == ()
    (warning,) = lines(report.warnings)
    assert warning == "gross.bin: Datei 850 KB liegt nahe am Limit von GitHub Pages (1,0 MB)"
    monkeypatch.setattr("sitegen.check.MAX_FILE_BYTES", 800_000)
    monkeypatch.setattr("sitegen.check.MAX_SITE_BYTES", 900_000)
    report = check_output(site)
    assert str(report.errors[0]).startswith("gross.bin: Datei 850 KB liegt über dem Limit")
    assert str(report.errors[1]).startswith("Website: Gesamtgröße")
    assert len(report.errors) == 2


def test_missing_site_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SitegenError, match="der Ordner der Website fehlt"):
        check_output(tmp_path / "nowhere")


def test_clutter_names_terms_of_one_article_per_taxonomy() -> None:
    terms = {
        "people": (Term("people", "Olaf Scholz", "olaf-scholz", ("a", "b")),
                   Term("people", "Zoe Beispiel", "zoe-beispiel", ("a",)),
                   Term("people", "Anna Muster", "anna-muster", ("b",))),
        "places": (Term("places", "Berlin", "berlin", ("a", "b")),),
    }
    assert lines(clutter(terms)) == ("people: 2 von 3 Namen nennt nur ein Artikel: Anna Muster, "
                                     "Zoe Beispiel",)
    assert clutter({}) == []


def test_parallel_parse_gives_the_same_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = {f"artikel/a{i}/index.html": f'<a href="../a{i + 1}/#kopf" id="kopf">n</a>' for i in range(6)}
    site = write_site(tmp_path, {"index.html": "", **pages})
    serial = check_output(site)
    monkeypatch.setattr("sitegen.check.PARALLEL_FROM", 1)
    assert check_output(site) == serial
    assert lines(serial.errors) == ("artikel/a5/index.html:2: Link '../a6/#kopf' zeigt auf /artikel/a6/, "
                                    "das es in der Ausgabe nicht gibt",)


def test_cli_check_fails_on_a_broken_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from sitegen.cli import main

    monkeypatch.chdir(tmp_path)
    site = write_site(tmp_path, {"index.html": '<a href="/archiv/fehlt/">x</a>'})
    assert main(["check", "--out", str(site), "--base-url", "https://example.org/archiv/"]) == 1
    assert "index.html:2: Link '/archiv/fehlt/'" in capsys.readouterr().out
    (site / "fehlt").mkdir()
    (site / "fehlt" / "index.html").write_text("", encoding="utf-8")
    assert main(["check", "--out", str(site), "--base-url", "https://example.org/archiv/"]) == 0
