"""Hostile and unlucky input: alias bombs, control characters, broken rows, paths leading out, huge fields."""
from __future__ import annotations

import errno
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import config_for, write_article
from sitegen import markup
from sitegen.build import build
from sitegen.check import check_output
from sitegen.cli import main
from sitegen.config import load_config
from sitegen.content import load_article
from sitegen.entities.registry import load_registry
from sitegen.errors import SitegenError
from sitegen.ingest import ingest
from sitegen.limits import MAX_FIELD_CHARS, MAX_MARKUP_DEPTH, MAX_PAGE_BYTES, MAX_ROW_BYTES

QUIET = {"log": lambda line: None}
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{below}'] * 9)}]\n" for name, below in zip("bcdefghi", "abcdefgh"))


def no_entities(text: str) -> SimpleNamespace:
    return SimpleNamespace(people=[], places=[], organisations=[], tags=[])


def run_ingest(root: Path, *sources: Path):
    return ingest(list(sources), root / "content" / "articles", root=root, extractor=no_entities,
                  log=lambda line: None, progress=False)


def written(root: Path) -> list[Path]:
    return sorted((root / "content" / "articles").glob("*.md"))


# 3. alias bombs: one line naming the file, at once
def test_an_alias_bomb_in_front_matter_stops_the_build_naming_the_file(project):
    write_article(project, "bombe.md", f"title: Bombe\n{BOMB}")
    with pytest.raises(SitegenError, match=r"bombe.md:\d+: hat mehr als 100.000 Werte"):
        build(config_for(project), **QUIET)


def test_an_alias_bomb_or_deep_nest_in_entities_yaml_is_one_line(tmp_path):
    for text in (f"entities: []\n{BOMB}", "entities: " + "[" * 500 + "]" * 500, "ignore: " + "[" * 5000):
        (tmp_path / "entities.yaml").write_text(text, encoding="utf-8")
        with pytest.raises(SitegenError) as info:
            load_registry(tmp_path / "entities.yaml")
        assert str(info.value).startswith(f"{tmp_path / 'entities.yaml'}:") and "\n" not in str(info.value)


# 6. control characters: removed at ingest, refused by the build, reported by check
def test_control_characters_in_csv_cells_are_removed_and_feeds_stay_valid_xml(project):
    (project / "dump.csv").write_text('id,title,text\n1,"Titel\x01 mit\x1b[31m Farbe\ufffe","Ein Text\x0c '
                                      'über '
                                      'Genf.\x02 Zweiter Satz."\n', encoding="utf-8")
    summary = run_ingest(project, project / "dump.csv")
    assert len(summary.created) == 1
    text = written(project)[0].read_text(encoding="utf-8")
    assert not any(c in text for c in "\x02\x01\x0c\x1b\ufffe") and "Titel mit[31m Farbe" in text
    build(config_for(project), **QUIET)
    ET.parse(project / "_site" / "feed.xml")  # raises on a character XML forbids


def test_a_control_character_in_an_article_stops_the_build_at_its_line(project):
    write_article(project, "steuer.md", "title: Steuer", "Erster Absatz.\n\nZweiter\x0c Absatz.")
    with pytest.raises(SitegenError, match=r"steuer.md:7: enthält das Steuerzeichen U\+000C"):
        build(config_for(project), **QUIET)
    write_article(project, "steuer.md", 'title: "Titel \\x1b"')
    with pytest.raises(SitegenError, match=r"steuer.md:2: enthält das Steuerzeichen U\+001B"):
        build(config_for(project), **QUIET)


def test_check_reports_a_control_character_in_the_output(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title><p>a\x01</p>", encoding="utf-8")
    (tmp_path / "feed.xml").write_text("<feed>\n<title>b\x0c</title></feed>", encoding="utf-8")
    errors = [str(finding) for finding in check_output(tmp_path).errors]
    assert "index.html:1: enthält das Steuerzeichen U+0001, das XML verbietet" in errors[1]
    assert errors[0].startswith("feed.xml:2: enthält das Steuerzeichen U+000C")


# 7. an unbalanced quote in a CSV row
def test_an_unbalanced_quote_that_swallows_rows_is_one_line_naming_the_row(tmp_path):
    (tmp_path / "dump.csv").write_text('id,title,text\n1,Eins,"Text eins\n2,Zwei,"Text zwei"\n3,Drei,Drei\n'
                                       '4,Vier,Vier\n', encoding="utf-8")
    summary = run_ingest(tmp_path, tmp_path / "dump.csv")
    assert summary.reasons["dump.csv"].startswith('dump.csv:2: ein Anführungszeichen " wird nicht richtig '
                                                  "geschlossen; sie verschluckt die Zeilen bis 3")
    assert not summary.created
    (tmp_path / "dump.csv").write_text('id,title,text\n1,Eins,Text eins\n2,Zwei,"Text zwei\n3,Drei,Drei\n',
                                       encoding="utf-8")
    assert run_ingest(tmp_path, tmp_path / "dump.csv").reasons["dump.csv"].startswith("dump.csv:3: ein Anf")


# 8. JSON lines: each row on its own
def test_a_bad_json_row_is_skipped_with_its_line_and_the_others_go_on(tmp_path):
    deep, nested = "[" * 100_000 + "]" * 100_000, "[" * 30 + "]" * 30
    rows = [json.dumps({"id": 1, "text": "Erster Artikel über Wien."}),
            '{"id": 2, "text": "Halb \\ud800 kaputt."}', f'{{"id": 3, "text": {deep}}}',
            f'{{"id": 4, "text": {nested}}}', json.dumps({"id": 5, "text": "Ende."})]
    (tmp_path / "dump.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    summary = run_ingest(tmp_path, tmp_path / "dump.jsonl")
    assert len(summary.created) == 3
    assert summary.reasons["dump.jsonl#row=3"].startswith("dump.jsonl:3: Zeile 3 ist tiefer als 20 Ebenen")
    assert summary.reasons["dump.jsonl#row=4"].startswith("dump.jsonl:4: Zeile 4 ist tiefer als 20 Ebenen")
    assert "Halb kaputt." in "".join(p.read_text(encoding="utf-8") for p in written(tmp_path))


# 9. manifests and folders: nothing from outside
def test_manifest_rows_outside_its_folder_are_refused(tmp_path):
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "notes.txt").write_text("Geheime Notizen über die Redaktion.", encoding="utf-8")
    batch = tmp_path / "public" / "batch"
    batch.mkdir(parents=True)
    (batch / "gut.txt").write_text("Ein öffentlicher Artikel über Linz.", encoding="utf-8")
    (batch / "link.txt").symlink_to(tmp_path / "private" / "notes.txt")
    outside = tmp_path / "private" / "notes.txt"
    (batch / "manifest.csv").write_text(f"file,title\ngut.txt,Gut\n../../private/notes.txt,A\n{outside},B\n"
                                        "link.txt,C\n", encoding="utf-8")
    summary = run_ingest(tmp_path, batch)
    assert len(summary.created) == 1 and len(summary.skipped) == 3
    assert all("außerhalb des Ordners des Manifests" in reason for reason in summary.reasons.values())
    assert "Geheime" not in "".join(p.read_text(encoding="utf-8") for p in written(tmp_path))


def test_a_link_leading_out_of_a_source_folder_is_not_followed(tmp_path):
    (tmp_path / "geheim.txt").write_text("Geheime Notizen über die Redaktion.", encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Ein Artikel über Salzburg.", encoding="utf-8")
    (seeds / "b.txt").symlink_to(tmp_path / "geheim.txt")
    (seeds / "schleife.txt").symlink_to(seeds / "schleife.txt")
    summary = run_ingest(tmp_path, seeds)
    assert len(summary.created) == 1 and not summary.skipped


# 10. ingest never writes what the build rejects, and refuses huge input before costly steps
def test_huge_fields_rows_and_pages_are_skipped_before_they_are_processed(tmp_path, monkeypatch):
    big = "Ein Satz über die Stadt. " * (MAX_ROW_BYTES // 24)
    long_title = "T" * (MAX_FIELD_CHARS + 1)
    (tmp_path / "dump.csv").write_text(f"id,title,text\n1,Gross,\"{big}\"\n2,{long_title},Text.\n"
                                       "3,Klein,Ein kleiner Text.\n", encoding="utf-8")
    (tmp_path / "seite.html").write_bytes(b"<html><body><p>x</p>" + b" " * MAX_PAGE_BYTES + b"</body></html>")
    (tmp_path / "nul.txt").write_bytes("Ein Text über Bern. ".encode() * 500 + b"\x00 Rest")
    (tmp_path / "gross.txt").write_bytes(b"Ein Satz. " * (MAX_ROW_BYTES // 9))
    monkeypatch.setattr("trafilatura.bare_extraction", lambda *a, **k: pytest.fail("page parsed"))
    summary = run_ingest(tmp_path, tmp_path / "dump.csv", tmp_path / "seite.html", tmp_path / "nul.txt")
    assert summary.reasons["dump.csv"].startswith("dump.csv:2: ein Feld der Zeile ist größer als 1,0 MB")
    (tmp_path / "dump.csv").write_text(f"id,title,text\n2,{long_title},Text.\n3,Klein,Text.\n",
                                       encoding="utf-8")
    summary = run_ingest(tmp_path, tmp_path / "dump.csv", tmp_path / "seite.html", tmp_path / "nul.txt",
                         tmp_path / "gross.txt")
    assert summary.reasons["gross.txt"].startswith("gross.txt: ist mit 1,1 MB zu groß für einen Artikel")
    assert "'title' hat 10.001 Zeichen (höchstens 10.000)" in summary.reasons["dump.csv#id=2"]
    assert summary.reasons["seite.html"].startswith("seite.html: ist mit 10,0 MB zu groß für eine "
                                                    "Artikelseite")
    assert summary.reasons["nul.txt"].startswith("nul.txt: ist eine Binärdatei")
    assert len(summary.created) == 1 and len(summary.skipped) == 4
    for path in written(tmp_path):
        load_article(path, tmp_path)


# 11. nested brackets do not reach Python-Markdown as nested brackets
def test_deeply_nested_and_unclosed_brackets_are_escaped_before_python_markdown(monkeypatch):
    seen: list[str] = []
    convert = markup.PYTHON_MARKDOWN.convert
    monkeypatch.setattr(markup.PYTHON_MARKDOWN, "convert", lambda text: seen.append(text) or convert(text))
    html = markup.markdown_html.__wrapped__("[" * 16_000 + "x" + "]" * 16_000)
    assert html == "<p>" + "[" * 16_000 + "x" + "]" * 16_000 + "</p>"
    assert seen[0].count("\\[") == 16_000 - MAX_MARKUP_DEPTH
    expected = '<p><a href="b" rel="noopener noreferrer">a</a> [c] [[d]]</p>'
    assert markup.markdown_html.__wrapped__("[a](b) [c] [[d]]") == expected


def test_quotes_and_lists_nested_deeper_than_the_limit_are_flattened_not_a_recursion_error():
    lists = "\n".join("> " * 8 + "    " * level + "- x" for level in range(300))
    quotes = "\n".join(">" * level + " x" for level in range(1, 300))
    assert markup.markdown_html.__wrapped__(lists).count("<ul>") == MAX_MARKUP_DEPTH
    assert markup.markdown_html.__wrapped__(quotes).count("<blockquote>") == MAX_MARKUP_DEPTH


# 12. odd settings, dates, names and links: one line each
@pytest.mark.parametrize("text, words", [
    ("title: " + "9" * 5000, "Zahl, die zu lang ist"), ('title: "\\ud800"', "kein gültiges YAML"),
    ('title: "a\\x01"', r"Steuerzeichen U\+0001"), ("title: " + "[" * 50 + "]" * 50, "tiefer als 20 Ebenen"),
    (BOMB, "mehr als 100.000 Werte"), ("a: &a [1, *a]", "tiefer als 20 Ebenen"),  # an alias to itself
    ("cname: münchen.de\nout: [1]", "'out' muss ein Text sein"),
    ('cname: "a.de\\nb.de"', "ist kein Domainname"), ("cname: https://x.de/", "ist kein Domainname"),
])
def test_odd_sitegen_yaml_is_one_line(tmp_path, text, words):
    (tmp_path / "sitegen.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SitegenError, match=words):
        load_config(tmp_path)


@pytest.mark.parametrize("setting", ["content", "templates", "out"])
def test_a_path_with_spaces_at_its_ends_is_taken_as_written_or_refused_at_its_line(tmp_path, setting):
    (tmp_path / "sitegen.yaml").write_text(f'title: A\n{setting}: " meins "\n', encoding="utf-8")
    (tmp_path / "meins").mkdir()
    with pytest.raises(SitegenError) as caught:  # a typo: no folder has that name
        load_config(tmp_path)
    assert str(caught.value) == (f"{tmp_path / 'sitegen.yaml'}:2: '{setting}' ist ' meins ', mit Leerzeichen "
                                 f"am Anfang oder Ende – so heißt kein Ordner (entferne sie: 'meins')")
    (tmp_path / " meins ").mkdir()  # a folder that has that name: taken as written
    assert getattr(load_config(tmp_path), setting) == (tmp_path / " meins ").resolve()


@pytest.mark.parametrize("text, args, words", [
    ("titel: A\n", [], r"sitegen.yaml:1: unbekannte Einstellung 'titel'"),
    ("title: A\ntrue: 1\n", [], r"sitegen.yaml:2: unbekannte Einstellung 'True'"),  # a key YAML reads as true
    ("title: A\nstrict: ja\n", [], r"sitegen.yaml:2: 'strict' muss true oder false sein"),
    ("", ["--base-url", "ftp://x"], r"^sitegen: Fehler: --base-url: base_url 'ftp://x' ist keine Webadresse"),
    ("cname: https://x.de/\n", [], r"sitegen.yaml:1: cname 'https://x.de/' ist kein Domainname"),
    ('title: A\nbase_url: "http://[x"\n', [], r"sitegen.yaml:2: base_url 'http://\[x' ist keine Webadresse"),
])
def test_a_bad_setting_names_its_line_or_its_option(tmp_path, monkeypatch, capsys, text, args, words):
    (tmp_path / "sitegen.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "content").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["build", *args]) == 1
    assert re.search(words, capsys.readouterr().err)


def test_an_umlaut_domain_becomes_punycode(project):
    (project / "sitegen.yaml").write_text("cname: Bücher.Example\n", encoding="utf-8")
    write_article(project, "a.md", "title: A")
    build(load_config(project), **QUIET)
    assert (project / "_site" / "CNAME").read_text(encoding="ascii") == "xn--bcher-kva.example\n"


@pytest.mark.parametrize("date", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-05:00", "0999-01-01"])
def test_dates_at_the_ends_of_the_calendar_are_one_line(project, date):
    write_article(project, "a.md", f"title: A\ndate: {date}")
    with pytest.raises(SitegenError, match="a.md:3: 'date' liegt außerhalb der Jahre 1000 bis 9998"):
        build(config_for(project), **QUIET)


def test_a_huge_source_date_epoch_is_one_line(small_archive, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "9" * 30)
    with pytest.raises(SitegenError, match="SOURCE_DATE_EPOCH=9+ ist kein Zeitpunkt"):
        build(config_for(small_archive), **QUIET)


def test_a_file_name_that_is_not_utf8_or_a_link_loop_in_content(small_archive, capsys, monkeypatch):
    articles = small_archive / "content" / "articles"
    os.symlink("schleife.md", articles / "schleife.md")
    with pytest.raises(SitegenError, match="schleife.md: kann nicht gelesen werden: symbolischer Link im "):
        build(config_for(small_archive), **QUIET)
    (articles / "schleife.md").unlink()
    (articles / os.fsdecode(b"kaputt\xff.md")).write_text("---\ntitle: K\n---\n", encoding="utf-8")
    monkeypatch.chdir(small_archive)
    assert main(["build"]) == 1
    assert capsys.readouterr().err == ("sitegen: Fehler: content/articles/kaputt\\udcff.md: hat einen "
                                       "Namen, der "
                                       "nicht UTF-8 ist oder Steuerzeichen enthält (benenne die Datei um, "
                                       "nur mit "
                                       "Buchstaben, Ziffern und - _ .)\n")


# 18. the headline is not the summary; names are printed safely
def test_an_h1_inside_article_is_the_title_not_the_summary(tmp_path):
    (tmp_path / "seite.html").write_text(
        "<html><head><title>Zeitung</title></head><body><article><h1>Gipfel in Genf endet ohne Einigung</h1>"
        "<p>Die Gespräche in Genf sind am Mittwoch nach vier Stunden ohne eine Einigung zu Ende gegangen.</p>"
        "<p>Zweiter Absatz mit weiteren Einzelheiten über das Treffen.</p></article></body></html>",
        encoding="utf-8")
    run_ingest(tmp_path, tmp_path / "seite.html")
    article = load_article(written(tmp_path)[0], tmp_path)
    assert article.summary.startswith("Die Gespräche in Genf") and not article.summary.startswith("#")


def test_a_file_name_with_a_line_break_cannot_fake_a_message(tmp_path, capsys, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a\nsitegen: Fehler: alles kaputt.txt").write_text("Ein Artikel über Basel.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["ingest", "seeds"])
    out = capsys.readouterr().out
    assert not any(line.startswith("sitegen: Fehler") for line in out.splitlines())
    assert "seeds/a\\nsitegen: Fehler: alles kaputt.txt: hat einen Namen" in out


def test_root_is_no_setting(tmp_path):
    (tmp_path / "sitegen.yaml").write_text("title: A\nroot: /\n", encoding="utf-8")
    with pytest.raises(SitegenError, match=r"sitegen.yaml:2: unbekannte Einstellung 'root' \(nimm eine"):
        load_config(tmp_path)


def test_a_system_error_without_german_words_is_named_by_its_code():
    from sitegen.errors import reason

    assert reason(OSError(errno.EDQUOT, "Disk quota exceeded", "a.html")) == "Systemfehler EDQUOT"
    assert reason(shutil.SameFileError("a is the same file as a")) == \
        "Systemfehler SameFileError: a is the same file as a"  # no errno: its own text
    assert reason(OSError()) == "Systemfehler OSError"
    assert reason(FileExistsError(errno.EEXIST, "File exists")) == "gibt es schon"


@pytest.mark.parametrize("text", ["a: &a [1, *a]", "- &a {b: *a}"])
def test_an_alias_to_itself_is_named_as_such_not_only_as_deep_nesting(text):
    from sitegen.limits import load_yaml
    with pytest.raises(SitegenError, match="Alias") as caught:  # the list is one level deep as written
        load_yaml(text, "x.yaml", "fix")
    assert "Alias" in caught.value.fix
