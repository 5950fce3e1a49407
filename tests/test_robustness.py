"""Nothing lost, nothing broken: odd input, killed builds, hostile names, property-based parsing."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import given, settings, strategies as st

from conftest import config_for, write_article
from sitegen.build import build
from sitegen.cli import main
from sitegen.content import parse_article
from sitegen.errors import SitegenError
from sitegen.ingest.text import read_plain, split_photo_line
from sitegen.slug import slugify, unique_slugs

QUIET = {"log": lambda line: None}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_front_matter_parser_never_crashes(text):
    try:
        article = parse_article(text, "a.md")
    except SitegenError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("a.md")
    else:
        assert article.title and article.slug == slugify(article.slug)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "date", "people", "tags", "image", "slug", "summary", "x"]),
                       st.one_of(st.none(), st.text(), st.integers(), st.lists(st.text()), st.booleans(),
                                 st.dictionaries(st.text(), st.text()))))
def test_any_yaml_shape_gives_an_article_or_a_one_line_error(meta):
    import yaml
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\nText\n"
    try:
        parse_article(text, "a.md")
    except SitegenError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_slugs_are_always_safe_folder_names(name):
    slug = slugify(name)
    assert slug and len(slug) <= 80 and set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert slug not in {"con", "prn", "aux", "nul"} and slugify(slug) == slug


@given(st.lists(st.text(min_size=1), max_size=30))
def test_unique_slugs_never_collide(names):
    slugs, shared = unique_slugs(names)
    assert len(set(slugs.values())) == len(set(names))
    assert all(len({slugify(name) for name in group}) == 1 for group in shared)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_plain_text_reader_never_crashes(text):
    paragraphs, image = read_plain(text)
    assert all(p.strip() for p in paragraphs)
    split_photo_line(text)


def test_hostile_entity_names_make_safe_escaped_pages(project):
    for name in ("a.md", "b.md"):  # named in two articles, each name has a page
        write_article(project, name, f'title: T {name}\ndate: 2021-01-01\npeople: ["../../etc", "CON",'
                                     ' "<script>x</script>", "Müller", "Mueller", "müller"]')
    lines: list[str] = []
    build(config_for(project), log=lines.append)
    site = project / "_site"
    assert not (project / "etc").exists() and (site / "personen" / "etc" / "index.html").is_file()
    assert (site / "personen" / "con-1" / "index.html").is_file()
    assert {p.name for p in (site / "personen").iterdir() if p.name.startswith("mueller")} == \
        {"mueller", "mueller-2", "mueller-3"}
    assert any("Mueller / Müller / müller bekämen dieselbe Seite" in line for line in lines)
    assert "<script>x" not in "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_a_20_mb_article_stops_the_build_with_the_fix(project):
    write_article(project, "dump.md", "title: Alles", "Ein Satz. " * 2_000_000)
    try:
        build(config_for(project), **QUIET)
    except SitegenError as exc:
        assert "dump.md: ist mit 20,0 MB zu groß für einen Artikel" in str(exc) and "teile sie" in str(exc)
    else:
        raise AssertionError("the build should stop")


def test_killed_build_leaves_the_old_site_exactly_as_it_was(project, monkeypatch):
    for n in range(400):
        write_article(project, f"a{n}.md", f"title: Artikel {n}\ndate: 2021-01-{n % 28 + 1:02d}\n"
                      f"people: [Person {n % 50}]\ntags: [Thema {n % 7}]", "Absatz. " * 200)
    build(config_for(project), **QUIET)
    before = snapshot(project / "_site")
    write_article(project, "a0.md", "title: Geändert\ndate: 2021-01-01", "Neu.")
    env = {**os.environ, "SITEGEN_JOBS": "2"}
    intact = 0
    for delay in (0.2, 0.4, 0.6, 0.9):
        proc = subprocess.Popen([sys.executable, "-m", "sitegen", "build"], cwd=project, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        after = snapshot(project / "_site")
        if after == before:
            intact += 1
        else:  # the kill came after the swap: then the whole new site is there, never a part of it
            assert after[".sitegen-build"] == b"ok\n" and "artikel/geaendert/index.html" in after
            assert "artikel/artikel-0/index.html" not in after
    assert intact >= 1, "every build finished before the kill: make the archive larger"
    monkeypatch.chdir(project)
    assert main(["build"]) == 0
    assert [p.name for p in project.iterdir() if p.name.startswith("._site.new-")] == []
    assert "Geändert" in (project / "_site" / "artikel" / "geaendert" / "index.html").read_text(
        encoding="utf-8")


def test_names_sharing_a_slug_are_warned_of_in_the_order_of_the_terms():
    from sitegen.model import Article, build_site
    site = build_site([Article(title="A", slug="a", body="", tags=("Zoë", "über", "Zoe", "Über"),
                               people=("Anna Müller", "Zoe Bär", "Anna Mueller", "Zoe Baer"))])
    for key in ("people", "tags"):
        named = [t.name for t in site.terms[key]]
        groups = [w.split(": ", 1)[1].split(" bekämen")[0].split(" / ")
                  for w in site.warnings if w.startswith(key)]
        assert [name for group in groups for name in group] == named  # as the A-Z page lists them
