"""Loading the content folder: parsed in worker processes or in one, the articles are the same."""
from __future__ import annotations

import json

import pytest

import sitegen.loading as loading
from conftest import config_for, write_article
from sitegen.cache import FILE_NAME, Cache
from sitegen.errors import SitegenError


@pytest.fixture
def many(small_archive, monkeypatch):
    """The small archive and 40 more articles, parsed in parallel from two files on."""
    for n in range(40):
        write_article(small_archive, f"m{n:02d}.md", f"title: Meldung {n}\ndate: 2020-04-{n % 28 + 1:02d}\n"
                      f"people: [Olaf Scholz]\ncategory: Politik\nquelle: {n}",
                      f"Text {n}.\n\nZweiter Absatz.")
    monkeypatch.setattr(loading, "PARALLEL_FROM", 2)
    return small_archive


def test_parallel_parsing_gives_the_same_articles_as_one_process_and_as_the_cache(many, monkeypatch):
    config = config_for(many)
    serial = loading.load_articles(config, jobs=1)
    cache = Cache(config.cache / FILE_NAME)
    parallel = loading.load_articles(config, jobs=2, cache=cache)
    assert len(parallel) == 43
    assert [vars(a) for a in parallel] == [vars(a) for a in serial]
    assert dict(parallel[-1].extra) == {"category": "Politik", "quelle": 39}
    monkeypatch.setattr(loading, "parse_article", None)  # a second load parses nothing: all from the cache
    cached = loading.load_articles(config, jobs=2, cache=cache)
    assert [repr(vars(a)) for a in cached] == [repr(vars(a)) for a in serial]


def test_an_edit_parses_only_the_edited_file(many, monkeypatch):
    config = config_for(many)
    cache = Cache(config.cache / FILE_NAME)
    loading.load_articles(config, jobs=1, cache=cache)
    write_article(many, "m07.md",
                  "title: Meldung 7, neu\ndate: 2020-04-08T10:30:00+01:00\npeople: [Olaf Scholz]", "Neu.")
    parsed: list[str] = []
    parse = loading.parse_article
    monkeypatch.setattr(loading, "parse_article",
                        lambda text, shown: parsed.append(shown) or parse(text, shown))
    edited = loading.load_articles(config, jobs=1, cache=cache)
    assert parsed == ["content/articles/m07.md"]
    monkeypatch.setattr(loading, "parse_article", None)
    again = loading.load_articles(config, jobs=1, cache=cache)
    assert [repr(vars(a)) for a in again] == [repr(vars(a)) for a in edited]


def test_the_first_bad_file_in_file_order_is_reported_with_its_line(many):
    write_article(many, "m05.md", "title: Kaputt\ndate: 2021-02-31")
    write_article(many, "m30.md", "title: [auch, kaputt]")
    with pytest.raises(SitegenError) as caught:
        loading.load_articles(config_for(many), jobs=2)
    assert str(caught.value).startswith("content/articles/m05.md:3: 'date' ist kein echtes Datum")
    assert caught.value.line == 3 and caught.value.fix


def test_markdown_files_are_sorted_by_parts_and_links_to_folders_are_not_followed(tmp_path):
    for rel in ("b.md", "a/z.md", "a-b.md", "a/notiz.txt"):
        (tmp_path / "c" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "c" / rel).write_text("x", encoding="utf-8")
    # a loop: Path.rglob does not follow it either
    (tmp_path / "c" / "a" / "schleife").symlink_to(tmp_path / "c")
    shown = [rel for _, rel in loading.markdown_files(tmp_path / "c", tmp_path)]
    assert shown == ["c/a/z.md", "c/a-b.md", "c/b.md"]


def test_a_damaged_entry_in_the_cache_is_parsed_again(many):
    config = config_for(many)
    cache = Cache(config.cache / FILE_NAME)
    first = loading.load_articles(config, jobs=1, cache=cache)
    damaged = sorted(cache.get_many(loading.TABLE))[:5]
    whole = json.loads(cache.get_many(loading.TABLE, damaged[:1])[damaged[0]])
    broken = ["", "{kaputt", "[]", json.dumps({**whole, "neu": 1}),  # damaged bytes, JSON of other things
              json.dumps({name: value for name, value in whole.items() if name != "title"})]
    cache.put_many(loading.TABLE, dict(zip(damaged, broken)))
    again = loading.load_articles(config, jobs=1, cache=cache)
    assert [repr(vars(a)) for a in again] == [repr(vars(a)) for a in first]
    repaired = cache.get_many(loading.TABLE, damaged)  # and stored again, whole
    assert len(repaired) == 5 and all(loading.decode_fields(text) for text in repaired.values())
