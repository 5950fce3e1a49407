"""Batches: manifests, CSV and JSON-lines dumps, duplicates, language, the summary and the progress bar."""
from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import SEED
from sitegen.content import load_article
from sitegen.ingest import ingest
from sitegen.ingest.summary import Summary
from sitegen.ingest.table import sniff, split_teaser
from sitegen.workers import Progress

BATCH = Path(__file__).parent / "fixtures" / "batch"


def no_entities(text: str) -> SimpleNamespace:
    return SimpleNamespace(people=[], places=[], organisations=[], tags=["Test"])


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    shutil.copytree(BATCH, tmp_path / "batch")
    return tmp_path / "batch"


def run(sources: list[Path], root: Path, lines: list[str] | None = None, **kwargs) -> Summary:
    return ingest(sources, root / "content", root=root, extractor=no_entities,
                  log=(lines if lines is not None else []).append, **kwargs)


def articles(root: Path) -> dict[str, object]:
    return {a.source: a for a in (load_article(p, root) for p in sorted((root / "content").glob("*.md")))}


def test_manifest_gives_each_listed_file_its_metadata_and_names_a_missing_one(batch):
    summary = run([batch / "manifest.csv"], batch.parent)
    found = articles(batch.parent)
    bahn, museum = found["batch/meldung_bahn.txt"], found["batch/meldung_museum.txt"]
    assert bahn.title == "Bahnstreik legt Fernverkehr lahm" and bahn.date == dt.date(2023, 3, 27)
    assert dict(bahn.extra) == {"author": "Petra Lang", "url": "https://zeitung.example/wirtschaft/bahnstreik",
                                "section": "Wirtschaft", "ingest": bahn.extra["ingest"]}
    assert bahn.image.credit == "dpa/Sven Hoppe" and bahn.body.startswith("Ein ganztägiger Warnstreik")
    assert museum.date == dt.date(2023, 3, 28) and museum.extra["section"] == "Kultur"
    assert "author" not in museum.extra
    assert summary.skipped == ["batch/fehlt.txt"]
    assert summary.reasons["batch/fehlt.txt"].startswith(
        "batch/manifest.csv:4: nennt 'fehlt.txt', die es nicht gibt")


def test_a_folder_with_a_manifest_reads_its_files_once_through_the_manifest(batch):
    summary = run([batch], batch.parent)
    found = articles(batch.parent)
    assert found["batch/meldung_bahn.txt"].title == "Bahnstreik legt Fernverkehr lahm"
    assert len([s for s in found if s.startswith("batch/meldung")]) == 2
    assert summary.kinds == {"Fehler": 4, "Duplikat": 2}  # the dumps' and the manifest's bad rows


def test_seed_with_a_sidecar_keeps_author_url_and_section(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds)
    run([seeds], tmp_path)
    assert "author" not in articles(tmp_path)["seeds/000_3dff9611483f80b0.txt"].extra
    sidecar = seeds / "000_3dff9611483f80b0.yaml"
    sidecar.write_text("author: Redaktion\nurl: https://zeitung.example/biden\nsection: Ausland\n",
                            encoding="utf-8")
    summary = run([seeds], tmp_path)
    article = articles(tmp_path)["seeds/000_3dff9611483f80b0.txt"]
    assert len(summary.updated) == 1 and article.extra["section"] == "Ausland"
    assert (article.extra["author"], article.extra["url"]) == ("Redaktion", "https://zeitung.example/biden")


def test_csv_dump_rows_become_articles_with_stable_sources(batch):
    lines: list[str] = []
    summary = run([batch / "dump.csv"], batch.parent, lines)
    found = articles(batch.parent)
    assert sorted(found) == ["batch/dump.csv#id=a-101", "batch/dump.csv#id=a-102", "batch/dump.csv#id=a-105"]
    radweg = found["batch/dump.csv#id=a-101"]
    assert radweg.title == "Stadtrat beschließt neuen Radweg" and radweg.date == dt.date(2022, 5, 3)
    assert radweg.extra["section"] == "Lokales" and radweg.body.endswith("trägt zum größten Teil das Land.")
    assert found["batch/dump.csv#id=a-102"].title.startswith("Der Aufsteiger hat sein Heimspiel")
    assert found["batch/dump.csv#id=a-105"].language == "en" and found["batch/dump.csv#id=a-105"].tags == ()
    assert found["batch/dump.csv#id=a-101"].tags == ("Test",)
    assert summary.reasons["batch/dump.csv#id=a-103"].startswith(
        "batch/dump.csv:6: 'date' ist kein echtes Datum")
    assert summary.reasons["batch/dump.csv#id=a-104"] == (
        "batch/dump.csv:7: Zeile id=a-104 hat keinen Text (gib jeder Zeile einen Text oder entferne die "
        "Zeile)")
    assert "(gleicher Text)" in summary.reasons["batch/dump.csv#id=a-106"]  # same text, other white space
    assert summary.line() == ("ingest: 3 neu, 0 aktualisiert, 0 unverändert, 3 übersprungen"
                              " (1 Duplikat, 2 Fehler); Entitäten übersprungen für 1 nicht deutsche Artikel")
    assert len(lines) == 3 and all(line.startswith("übersprungen: batch/dump.csv") for line in lines)


def test_rerunning_a_dump_is_idempotent_and_keeps_an_editors_change(batch):
    run([batch / "dump.csv"], batch.parent)
    files = sorted((batch.parent / "content").glob("*.md"))
    before = {p: p.read_bytes() for p in files}
    summary = run([batch / "dump.csv"], batch.parent)
    assert len(summary.unchanged) == 3 and not summary.created and not summary.updated
    assert {p: p.read_bytes() for p in files} == before
    path = batch.parent / "content" / "stadtrat-beschliesst-neuen-radweg.md"
    path.write_text(path.read_text(encoding="utf-8").replace("section: Lokales", "section: Stadt"),
                    encoding="utf-8")
    dump = batch / "dump.csv"
    dump.write_text(dump.read_text(encoding="utf-8").replace("1,2 Millionen", "1,3 Millionen"),
                    encoding="utf-8")
    summary = run([dump], batch.parent)
    article = load_article(path, batch.parent)
    assert article.extra["section"] == "Stadt" and "1,3 Millionen" in article.body
    assert summary.updated == ["content/stadtrat-beschliesst-neuen-radweg.md"]
    assert any("section" in note for note in summary.notes)


def test_json_lines_dump_and_a_duplicate_url_with_tracking_parameters(batch):
    summary = run([batch / "dump.jsonl"], batch.parent)
    found = articles(batch.parent)
    assert list(found) == ["batch/dump.jsonl#id=7"]
    bridge = found["batch/dump.jsonl#id=7"]
    assert bridge.title == "Neue Brücke über den Inn eröffnet" and bridge.extra["section"] == "Regionales"
    assert "(gleiche URL)" in summary.reasons["batch/dump.jsonl#id=8"]
    assert summary.reasons["batch/dump.jsonl#row=3"].startswith("batch/dump.jsonl:3: Zeile 3 ist kein JSON")


def test_an_article_already_in_the_archive_from_another_source_is_not_doubled(batch):
    run([batch / "dump.csv"], batch.parent)
    copy = batch / "nachgeliefert.csv"
    copy.write_text("text\n\"Der Stadtrat hat am Dienstagabend mit großer Mehrheit den Bau eines neuen"
                    " Radwegs entlang der Uferstraße beschlossen; die Arbeiten sollen im Sommer beginnen."
                    "\n\n\nDie Kosten von rund 1,2 Millionen Euro trägt zum größten Teil das Land.\"\n",
                    encoding="utf-8")
    summary = run([copy], batch.parent)
    assert summary.skipped == ["batch/nachgeliefert.csv#row=1"] and not summary.created
    assert ("content/stadtrat-beschliesst-neuen-radweg.md (gleicher Text)"
            in summary.reasons[summary.skipped[0]])


def test_headerless_dump_with_section_and_single_quotes(tmp_path):
    dump = tmp_path / "dump.csv"
    dump.write_text("Inland;'Die Regierung plant eine Reform der Pflege. Wien – Die Koalition hat sich am"
                    " Montag auf Eckpunkte geeinigt; Details sollen bis Herbst folgen. Das kostet ''viel''"
                    " Geld.'\n"
                    "Sport;'Kurzer Text ohne Ortsmarke, aber mit genug Worten für einen ganzen Artikel"
                    " hier.'\n",
                    encoding="utf-8")
    summary = run([dump], tmp_path, date=dt.date(2016, 5, 1))
    found = articles(tmp_path)
    reform = found["dump.csv#row=1"]
    assert len(summary.created) == 2 and reform.extra["section"] == "Inland"
    assert reform.title == "Die Regierung plant eine Reform der Pflege" and reform.date == dt.date(2016, 5, 1)
    # the headline says all the teaser says
    assert reform.summary == ("Wien – Die Koalition hat sich am Montag auf Eckpunkte geeinigt; Details"
                              " sollen bis Herbst folgen. Das kostet 'viel' Geld.")
    assert reform.body.split("\n\n")[1].startswith("Wien – Die Koalition") and "'viel'" in reform.body
    assert found["dump.csv#row=2"].extra["section"] == "Sport"


def test_a_dump_with_unnamed_columns_is_one_clear_error(tmp_path):
    dump = tmp_path / "dump.csv"
    dump.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    summary = run([dump], tmp_path)
    assert summary.skipped == ["dump.csv"]
    assert summary.reasons["dump.csv"] == ("dump.csv:1: hat 3 Spalten, aber keine Kopfzeile, die sie benennt "
                                           "(setze eine erste Zeile mit den Spaltennamen davor, z. B. "
                                           "id;title;date;section;text)")


@pytest.mark.parametrize("sample, expected", [
    ("Wirtschaft;'Die Gewerkschaft, sagt \"x\", ist...'\n", (";", "'")),
    ("file,title,date\na.txt,\"Titel, mit Komma\",2021-01-01\n", (",", '"')),
    ('"id";"text"\n"1";"Hallo"\n', (";", '"')),
    ("id\ttext\n1\tHallo\n", ("\t", '"')),
])
def test_sniff_finds_delimiter_and_quote(sample, expected):
    assert sniff(sample) == expected


@pytest.mark.parametrize("text, teaser", [
    ("Ein Teaser mit Inhalt. Wien – Der Text", "Ein Teaser mit Inhalt."),
    ("Ein Teaser mit Inhalt. Saalfelden / Zell am See – Ein Text", "Ein Teaser mit Inhalt."),
    ("Ein Teaser mit Inhalt. Los Angeles - Die Schauspielerin", "Ein Teaser mit Inhalt."),
    ("Ein Satz ohne Ortsmarke. Der Text geht weiter – und weiter.", ""),
    ("Wien – Die Ortsmarke steht ganz vorn.", ""),
])
def test_teaser_ends_where_the_dateline_starts(text, teaser):
    assert split_teaser(text)[0] == teaser


def test_progress_bar_off_a_terminal_is_drawn_once_at_the_end():
    stream = io.StringIO()
    bar = Progress(25, stream=stream)
    for n in range(1, 26):
        bar.update(n)
    assert stream.getvalue() == f"\r[{'#' * 30}] 25/25 Artikel\n"
    small = io.StringIO()
    Progress(3, stream=small).update(3)
    assert small.getvalue() == ""


def test_a_row_id_given_twice_is_reported_once(tmp_path):
    dump = tmp_path / "dump.csv"
    dump.write_text("id,text\n1,Ein erster Text über die Gemeinderatssitzung vom Montag mit vielen"
                    " Beschlüssen.\n"
                    "1,Ein zweiter Text über das Fußballspiel vom Sonntag mit drei Toren und einem"
                    " Platzverweis.\n",
                    encoding="utf-8")
    summary = run([dump], tmp_path)
    assert len(summary.created) == 1 and summary.skipped == ["dump.csv#id=1"]
    assert "kommt zweimal in den Quellen vor" in summary.reasons["dump.csv#id=1"]


def test_two_processes_write_the_same_folder_as_one(batch, monkeypatch):
    """Language, entities, tags and files in worker processes: the same bytes, names and summary as one."""
    import sitegen.ingest.parallel as parallel

    def twice(jobs: int) -> tuple[dict[str, bytes], list[tuple]]:
        out = batch.parent / "content"
        shutil.rmtree(out, ignore_errors=True)
        summaries = [ingest(sources, out, root=batch.parent, cache=batch.parent / f"cache{jobs}.sqlite",
                            jobs=jobs, log=lambda _: None, progress=False)
                     for sources in ([batch / "dump.csv"], [batch, SEED])]
        files = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
        return files, [(s.created, s.updated, s.unchanged, s.skipped, s.notes) for s in summaries]

    one = twice(1)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    monkeypatch.setattr(parallel, "fork_map", counting(parallel.fork_map, forked := []))
    assert twice(2) == one
    seed = one[0]["die-usa-haben-nach-aussage-ihres-praesidenten-joseph-biden-nicht-die-absicht.md"]
    assert len(one[0]) == 7 and b"Wladimir Putin" in seed and b"tags: [Sicherheitspolitik" in seed
    assert forked == [2] * 7  # language, entities and files of both ingests, and the second one's scan


def test_the_models_are_loaded_once_before_the_workers_start(batch, monkeypatch):
    """With worker processes the language model and the extractor's models are loaded in the main process,
    which the workers share; one process, or a batch too small for workers, loads nothing ahead."""
    import sitegen.ingest as pipeline
    import sitegen.ingest.parallel as parallel

    loaded: list[str] = []
    monkeypatch.setattr(parallel, "load_model", lambda: loaded.append("language"))
    monkeypatch.setattr(pipeline, "load_models", lambda extractor: loaded.append("entities"))
    for jobs in (1, 2):
        ingest([batch / "dump.csv"], batch.parent / f"out{jobs}", root=batch.parent, jobs=jobs,
               cache=batch.parent / f"models{jobs}.sqlite", log=lambda _: None, progress=False)
        assert loaded == []  # the batch is below PARALLEL_FROM: one process
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 1)
    ingest([batch / "dump.csv"], batch.parent / "out3", root=batch.parent, jobs=2,
           cache=batch.parent / "models3.sqlite", log=lambda _: None, progress=False)
    assert loaded == ["language", "entities"]


def counting(fork_map, forked: list[int]):
    """fork_map that notes the number of processes of each call with more than one item."""
    def run(work, items, jobs, *args, **kwargs):
        if len(items) > 1:
            forked.append(jobs)
        return fork_map(work, items, jobs, *args, **kwargs)
    return run


def test_default_extractor_results_are_cached_by_text_and_registry(batch, monkeypatch):
    import sitegen.ingest as pipeline

    calls: list[str] = []

    def fake_default(registry):
        def extract(text: str) -> SimpleNamespace:
            calls.append(text)
            return SimpleNamespace(people=["Anna Beispiel"], places=[], organisations=[], tags=[])
        return extract

    monkeypatch.setattr(pipeline, "_default_extractor", fake_default)
    registry = batch.parent / "registry.yaml"
    registry.write_text("{}\n", encoding="utf-8")

    def again() -> Summary:
        return ingest([batch / "dump.csv"], batch.parent / "content", root=batch.parent, registry=registry,
                      log=lambda _: None)

    assert len(again().created) == 3 and len(calls) == 2  # the English row is not extracted
    assert (batch.parent / ".cache" / "entities.sqlite").is_file()
    assert len(again().unchanged) == 3 and len(calls) == 2
    registry.write_text("entities:\n  - {name: Anna Beispiel, type: person}\n", encoding="utf-8")
    assert len(again().unchanged) == 3 and len(calls) == 4  # a changed registry means extracting again
    assert articles(batch.parent)["batch/dump.csv#id=a-101"].people == ("Anna Beispiel",)


def test_a_named_file_of_an_unknown_format_is_skipped_with_the_formats_ingest_reads(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    summary = run([tmp_path / "scan.pdf"], tmp_path)
    assert summary.skipped == ["scan.pdf"]
    assert summary.reasons["scan.pdf"].startswith(
        "scan.pdf: ist kein Format, das ingest liest (.pdf) (gib Dateien mit .csv, .htm,")


def test_an_article_file_that_cannot_be_written_is_skipped_and_leaves_no_temporary_file(batch, monkeypatch):
    import os

    real = os.replace

    def full_disk(src, dst):
        if "radweg" in str(dst):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", full_disk)
    summary = run([batch / "dump.csv"], batch.parent)
    assert "batch/dump.csv#id=a-101" in summary.skipped and len(summary.created) == 2
    assert "konnte nicht geschrieben werden: kein Platz mehr auf dem Datenträger" in summary.reasons[
        "batch/dump.csv#id=a-101"]
    assert sorted(p.name for p in (batch.parent / "content").iterdir()) == [
        "city-council-approves-bike-lane.md", "der-aufsteiger-hat-sein-heimspiel-gegen-den-tabellenfuehrer-"
        "ueberraschend-mit-2.md"]
