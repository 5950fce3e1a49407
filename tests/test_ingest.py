"""`sitegen ingest`: the seed becomes front matter; re-ingest is idempotent and keeps editors' changes."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import SEED
from sitegen.cli import main
from sitegen.content import load_article
from sitegen.ingest import ingest


def fixed_extractor(text: str) -> SimpleNamespace:
    """Entities that depend only on what is in the text, so tests see re-extraction."""
    people = [name for name in ("Joseph Biden", "Wladimir Putin") if name in text]
    return SimpleNamespace(people=people, places=["Genf"] if "Genf" in text else [], organisations=["NATO"],
                           tags=["Ukraine-Konflikt"])


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder)
    return folder


def run(seeds: Path, **kwargs):
    root = seeds.parent
    return ingest([seeds], root / "content" / "articles", root=root, extractor=fixed_extractor,
                  log=lambda line: None, **kwargs)


def only_article(seeds: Path):
    files = sorted((seeds.parent / "content" / "articles").glob("*.md"))
    assert len(files) == 1
    return files[0], load_article(files[0], seeds.parent)


def test_seed_becomes_front_matter_markdown(seeds):
    summary = run(seeds)
    path, article = only_article(seeds)
    assert len(summary.created) == 1
    assert article.source == "seeds/000_3dff9611483f80b0.txt"
    assert article.image.credit == "Mikhail Metzel/Sputnik/Pool via REUTERS"
    assert article.image.caption.endswith("(Sotschi, 7.12.2021)")
    assert article.title.startswith("Die USA haben nach Aussage") and article.slug == path.stem
    assert article.date is None and "date: unbekannt" in path.read_text(encoding="utf-8")
    assert article.language == "de" and article.summary.endswith("zu stationieren.")
    assert article.body.startswith("Die USA haben") and "Metzel" not in article.body
    assert "»keine Seite gewinnen«" in article.body
    assert article.people == ("Joseph Biden", "Wladimir Putin") and article.tags == ("Ukraine-Konflikt",)


def test_date_comes_from_the_sidecar_before_the_command_line(seeds):
    run(seeds, date=dt.date(2022, 1, 1))
    assert only_article(seeds)[1].date == dt.date(2022, 1, 1)
    (seeds / "000_3dff9611483f80b0.yaml").write_text("date: 2021-12-31\ntitle: Biden warnt Putin\n",
                                                     encoding="utf-8")
    run(seeds, date=dt.date(2022, 1, 1))
    path, article = only_article(seeds)
    assert article.date == dt.date(2021, 12, 31) and article.title == "Biden warnt Putin"


def test_second_ingest_leaves_the_file_byte_identical(seeds):
    run(seeds)
    path, _ = only_article(seeds)
    before = path.read_bytes()
    summary = run(seeds)
    assert summary.unchanged == [path.relative_to(seeds.parent).as_posix()] and not summary.updated
    assert path.read_bytes() == before


def test_editors_changes_survive_a_new_ingest(seeds):
    run(seeds)
    path, _ = only_article(seeds)
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: Die USA haben nach Aussage ihres Präsidenten Joseph Biden nicht die"
                        " Absicht …",
                        "title: Biden sichert Putin Verzicht auf Angriffswaffen zu")
    text = text.replace("people: [Joseph Biden, Wladimir Putin]", "people: [Joseph Biden]")
    path.write_text(text, encoding="utf-8")
    source = seeds / SEED.name
    source.write_text(source.read_text(encoding="utf-8").replace("in Genf", "in Genf und Wien"),
                      encoding="utf-8")
    summary = run(seeds)
    _, article = only_article(seeds)
    assert article.title == "Biden sichert Putin Verzicht auf Angriffswaffen zu"
    assert article.people == ("Joseph Biden",)  # the editor removed Putin: he stays removed
    assert "in Genf und Wien" in article.body  # the body nobody edited follows the source
    assert any("title" in note and "people" in note for note in summary.notes)


def test_a_file_that_cannot_be_read_is_never_overwritten(seeds):
    run(seeds)
    path, _ = only_article(seeds)
    path.write_bytes(b"---\ntitle: [kaputt\n---\n")
    lines: list[str] = []
    summary = ingest([seeds], seeds.parent / "content" / "articles", root=seeds.parent,
                     extractor=fixed_extractor, log=lines.append)
    assert path.read_bytes() == b"---\ntitle: [kaputt\n---\n"
    assert summary.skipped == ["seeds/000_3dff9611483f80b0.txt"] and not summary.created
    shown = path.relative_to(seeds.parent)
    assert f"bleibt unberührt, bis sie lesbar ist: {shown}:2: ist kein gültiges YAML" in lines[0], lines[0]


def test_unreadable_source_is_skipped_with_its_name(seeds, capsys):
    (seeds / "kaputt.txt").write_bytes("Grüße aus Köln".encode("latin-1"))
    lines: list[str] = []
    summary = ingest([seeds], seeds.parent / "content" / "articles", root=seeds.parent,
                     extractor=fixed_extractor, log=lines.append)
    assert summary.skipped == ["seeds/kaputt.txt"] and len(summary.created) == 1
    assert "seeds/kaputt.txt:1: ist nicht UTF-8" in lines[0]


def test_cli_reports_a_missing_source_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["ingest", "fehlt"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == ("sitegen: Fehler: fehlt: gibt es nicht (gib eine Datei oder einen Ordner mit "
                           "Rohartikeln an)")


def test_an_editors_own_formatting_is_left_alone(seeds):
    run(seeds)
    path, _ = only_article(seeds)
    text = path.read_text(encoding="utf-8").replace("language: de", "language: 'de'  # Sprache")
    path.write_text(text, encoding="utf-8")
    summary = run(seeds)
    assert path.read_text(encoding="utf-8") == text and len(summary.unchanged) == 1


def test_the_repository_archive_is_what_ingest_makes_of_its_seeds(tmp_path, monkeypatch):
    """Re-ingesting this repository's seeds (real extractor, the archive pass, the registry) changes nothing:
    the committed article, with its OSZE, NATO and EU, is exactly what ingest writes."""
    repo = Path(__file__).resolve().parent.parent
    for folder in ("seeds", "content"):
        shutil.copytree(repo / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    before = {p.name: p.read_bytes() for p in (tmp_path / "content" / "articles").glob("*.md")}
    assert main(["ingest"]) == 0
    after = {p.name: p.read_bytes() for p in (tmp_path / "content" / "articles").glob("*.md")}
    assert after == before and any(b"OSZE" in text for text in after.values())
