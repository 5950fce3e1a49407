"""Loading the content folder: parsed in worker processes or in one, the articles are the same."""
from __future__ import annotations

import threading

import pytest

import sitegen.loading as loading
from conftest import config_for, write_article
from sitegen.errors import SitegenError


def saved() -> None:
    """Wait for the front-matter cache that loading saves in the background."""
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()


@pytest.fixture
def many(small_archive, monkeypatch):
    """The small archive and 40 more articles, parsed in parallel from two files on."""
    for n in range(40):
        write_article(small_archive, f"m{n:02d}.md", f"title: Meldung {n}\ndate: 2020-04-{n % 28 + 1:02d}\n"
                      f"people: [Olaf Scholz]\ncategory: Politik\nquelle: {n}", f"Text {n}.\n\nZweiter Absatz.")
    monkeypatch.setattr(loading, "PARALLEL_FROM", 2)
    return small_archive


def test_parallel_parsing_gives_the_same_articles_as_one_process(many, monkeypatch):
    config = config_for(many)
    serial = loading.load_articles(config, jobs=1)
    saved()
    for name in (loading.CACHE_NAME, loading.DELTA_NAME):
        (config.cache / name).unlink(missing_ok=True)
    parallel = loading.load_articles(config, jobs=2)
    assert len(parallel) == 43
    assert [vars(a) for a in parallel] == [vars(a) for a in serial]
    assert dict(parallel[-1].extra) == {"category": "Politik", "quelle": 39}
    saved()
    monkeypatch.setattr(loading, "parse_article", None)  # a third load parses nothing: all from the cache
    assert loading.load_articles(config, jobs=2) == parallel


def test_the_first_bad_file_in_file_order_is_reported_with_its_line(many):
    write_article(many, "m05.md", "title: Kaputt\ndate: 2021-02-31")
    write_article(many, "m30.md", "title: [auch, kaputt]")
    with pytest.raises(SitegenError) as caught:
        loading.load_articles(config_for(many), jobs=2)
    assert str(caught.value).startswith("content/articles/m05.md:3: 'date' ist kein echtes Datum")
    assert caught.value.line == 3 and caught.value.fix


def test_an_edit_adds_to_the_small_delta_and_leaves_the_full_cache_as_it_was(many, monkeypatch):
    monkeypatch.setattr(loading, "DELTA_FLOOR", 0)  # a twentieth of 43 files: two new entries go to the delta
    config = config_for(many)
    first = loading.load_articles(config, jobs=1)
    saved()
    full = (config.cache / loading.CACHE_NAME).read_bytes()
    assert not (config.cache / loading.DELTA_NAME).exists()
    write_article(many, "m07.md", "title: Meldung 7, neu\ndate: 2020-04-08\npeople: [Olaf Scholz]", "Neu.")
    edited = loading.load_articles(config, jobs=1)
    saved()
    assert (config.cache / loading.CACHE_NAME).read_bytes() == full
    assert len(loading.load_pickle(config.cache / loading.DELTA_NAME)) == 1
    parse = loading.parse_article
    delta = (config.cache / loading.DELTA_NAME).stat().st_mtime_ns
    monkeypatch.setattr(loading, "parse_article", None)  # the next load takes all from the two files
    assert loading.load_articles(config, jobs=1) == edited != first
    assert (config.cache / loading.DELTA_NAME).stat().st_mtime_ns == delta  # nothing new: not written again
    monkeypatch.setattr(loading, "parse_article", parse)
    for n in range(8):  # more new entries than the delta may hold: everything is saved afresh
        write_article(many, f"m{n:02d}.md", f"title: Meldung {n}, neuer\ndate: 2020-04-09", "Neuer.")
    loading.load_articles(config, jobs=1)
    saved()
    assert not (config.cache / loading.DELTA_NAME).exists()
    assert (config.cache / loading.CACHE_NAME).read_bytes() != full


def test_markdown_files_are_sorted_by_parts_and_links_to_folders_are_not_followed(tmp_path):
    for rel in ("b.md", "a/z.md", "a-b.md", "a/notiz.txt"):
        (tmp_path / "c" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "c" / rel).write_text("x", encoding="utf-8")
    (tmp_path / "c" / "a" / "schleife").symlink_to(tmp_path / "c")  # a loop: Path.rglob does not follow it either
    shown = [rel for _, rel in loading.markdown_files(tmp_path / "c", tmp_path)]
    assert shown == ["c/a/z.md", "c/a-b.md", "c/b.md"]
