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
    (config.cache / loading.CACHE_NAME).unlink()
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
    assert str(caught.value).startswith("content/articles/m05.md:3: 'date' is not a real date")
    assert caught.value.line == 3 and caught.value.fix
