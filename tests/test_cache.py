"""Caches cost speed, never correctness: a cached rebuild equals a cold build, byte for byte."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import config_for, write_article
from sitegen import output, patching
from sitegen.build import build

QUIET = {"log": lambda line: None}


def site_files(folder: Path) -> dict[str, bytes]:
    """Every file of a built site but Pagefind's bundle, whose file names Pagefind varies from run to run."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and "pagefind" not in p.relative_to(folder).parts}


@pytest.fixture
def archive(small_archive: Path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for n in range(30):
        write_article(small_archive, f"n{n}.md", f"title: Nachricht {n}\ndate: 2020-03-{n % 28 + 1:02d}\n"
                      f"people: [Wladimir Putin]\nplaces: [Genf]\ntags: [Thema {n % 3}]", f"Putin in Genf, Teil {n}.")
    return small_archive


def cold_build(root: Path, tmp: Path) -> dict[str, bytes]:
    """Build a copy of the archive with no cache and no previous output."""
    copy = tmp / "cold"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".cache", "_site", "._site*"))
    build(config_for(copy), **QUIET)
    return site_files(copy / "_site")


def test_cached_rebuild_after_edits_equals_a_cold_build(archive, tmp_path):
    config = config_for(archive)
    build(config, **QUIET)
    write_article(archive, "n3.md", "title: Nachricht 3\ndate: 2020-03-04\npeople: [Joseph Biden]", "Neu.")
    report = build(config, **QUIET)
    assert report.reused > 0 and report.rendered < report.files  # the cache was used ...
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)  # ... and changed nothing
    (archive / "content" / "articles" / "n4.md").unlink()
    build(config, **QUIET)
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)


def test_damaged_caches_are_ignored(archive, tmp_path):
    config = config_for(archive)
    build(config, **QUIET)
    for path in (archive / ".cache").glob("*"):
        if path.is_file():
            path.write_bytes(b"kaputt" * 100)
    write_article(archive, "n5.md", "title: Nachricht 5\ndate: 2020-03-06\nplaces: [Wien]", "Anders.")
    build(config, **QUIET)
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)


def test_a_page_edited_by_hand_in_the_output_is_not_reused(archive, tmp_path):
    config = config_for(archive)
    build(config, **QUIET)
    page = archive / "_site" / "artikel" / "nachricht-7" / "index.html"
    page.write_text("von Hand verändert", encoding="utf-8")
    build(config, **QUIET)
    assert "von Hand verändert" not in page.read_text(encoding="utf-8")
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)


def test_quick_reuse_after_a_body_edit_and_full_digests_after_registry_and_template_edits(archive, tmp_path):
    """A body edit keeps the outline: pages are reused by their quick key, and still equal a cold build; an
    edit to the registry or a template changes pages that hold no edited article."""
    config = config_for(archive)
    first = build(config, **QUIET)
    write_article(archive, "n3.md", "title: Nachricht 3\ndate: 2020-03-04\npeople: [Wladimir Putin]\n"
                  "places: [Genf]\ntags: [Thema 0]", "Putin sprach in Genf mit niemandem.")
    report = build(config, **QUIET)
    assert 0 < report.rendered < first.rendered // 4
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)
    registry = archive / "content" / "entities.yaml"
    registry.write_text("entities:\n  - name: Wladimir Putin\n    type: person\n    description: Präsident Russlands.\n",
                        encoding="utf-8")
    build(config, **QUIET)
    assert "Präsident Russlands." in (archive / "_site/personen/wladimir-putin/index.html").read_text("utf-8")
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)
    templates = archive / "templates"
    if not templates.is_dir():
        shutil.copytree(config.templates, templates)
    (templates / "_macros.html").write_text((templates / "_macros.html").read_text("utf-8")
                                            .replace('<ol class="article-list">', '<ol class="article-list x">'))
    build(config_for(archive), **QUIET)
    assert 'class="article-list x"' in (archive / "_site/personen/wladimir-putin/index.html").read_text("utf-8")
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)


def test_a_small_rebuild_patches_the_live_site_and_ends_up_like_a_cold_build(archive, tmp_path):
    config = config_for(archive)
    build(config, **QUIET)
    site = archive / "_site"
    folder, robots = site.stat().st_ino, (site / "robots.txt").stat().st_ino
    (site / "von-hand.html").write_text("nicht von sitegen", encoding="utf-8")
    write_article(archive, "n8.md", "title: Nachricht 8\ndate: 2020-03-09\npeople: [Wladimir Putin]", "Kurz.")
    report = build(config, **QUIET)
    assert 0 < report.rendered < report.files
    assert site.stat().st_ino == folder and (site / "robots.txt").stat().st_ino == robots  # patched in place
    assert not (site / "von-hand.html").exists() and not list(archive.glob("._site.*"))
    assert site_files(site) == cold_build(archive, tmp_path)
    assert build(config, **QUIET).rendered == 0


def test_a_large_patch_is_swapped_in_and_the_replaced_site_is_the_next_builds_folder(archive, tmp_path,
                                                                                      monkeypatch):
    monkeypatch.setattr(output, "LARGE_PATCH", -1)  # every patch goes to a copy
    config = config_for(archive)
    build(config, **QUIET)
    first = (archive / "_site").stat().st_ino
    (archive / "_site" / "von-hand.html").write_text("nicht von sitegen", encoding="utf-8")
    write_article(archive, "n8.md", "title: Nachricht 8\ndate: 2020-03-09\npeople: [Wladimir Putin]", "Kurz.")
    build(config, **QUIET)
    assert (archive / "._site.spare").stat().st_ino == first  # the replaced site waits as the spare ...
    assert not list(archive.glob("._site.patch-*"))
    (archive / "content" / "articles" / "n9.md").unlink()
    build(config, **QUIET)
    assert (archive / "_site").stat().st_ino == first  # ... and is the third build's folder
    assert not (archive / "_site" / "von-hand.html").exists()
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)
    bundles = sorted(p.name for p in (archive / "_site" / "pagefind").iterdir())
    assert bundles == sorted(p.name for p in (tmp_path / "cold" / "_site" / "pagefind").iterdir())
    assert build(config, **QUIET).rendered == 0


def test_a_patch_stopped_after_its_journal_is_finished_by_the_next_build(archive, tmp_path, monkeypatch):
    config = config_for(archive)
    build(config, **QUIET)
    before = site_files(archive / "_site")
    write_article(archive, "n8.md", "title: Nachricht 8\ndate: 2020-03-09\npeople: [Joseph Biden]", "Kurz.")

    def killed(root, out):
        raise SystemExit("killed")

    monkeypatch.setattr(patching, "apply", killed)
    with pytest.raises(SystemExit):
        build(config, **QUIET)
    assert site_files(archive / "_site") == before  # nothing applied yet, the journaled patch waits
    assert len(list(archive.glob("._site.patch-*/journal.json"))) == 1
    monkeypatch.undo()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build(config, **QUIET).rendered == 0  # the patch was finished before the build began
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)
    assert not list(archive.glob("._site.patch-*"))


def test_a_new_article_changes_only_what_shows_it_unless_a_template_counts_the_archive(archive, tmp_path):
    config = config_for(archive)
    build(config, **QUIET)
    write_article(archive, "neu.md", "title: Ganz neu\ndate: 2019-01-01\nplaces: [Oslo]", "Nichts weiter.")
    report = build(config, **QUIET)
    assert report.rendered < report.files // 3  # the footer does not count the articles: most pages stay
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)
    templates = archive / "templates"
    if not templates.is_dir():
        shutil.copytree(config.templates, templates)
    base = templates / "base.html"
    base.write_text(base.read_text("utf-8").replace("</footer>", "{{ archive.article_count }} Artikel</footer>"))
    build(config_for(archive), **QUIET)
    write_article(archive, "neu2.md", "title: Noch neuer\ndate: 2019-01-02\nplaces: [Oslo]", "Nichts.")
    build(config_for(archive), **QUIET)
    home = (archive / "_site/index.html").read_text("utf-8")
    count = home.split('<p class="meta">')[1].split(" ")[0]
    assert f"{count} Artikel</footer>" in (archive / "_site/personen/wladimir-putin/index.html").read_text("utf-8")
    assert f"{count} Artikel</footer>" in home
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)


def test_a_failed_build_keeps_the_site_and_gives_the_spare_back(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(output, "LARGE_PATCH", -1)  # every patch goes to a copy
    config = config_for(archive)
    build(config, **QUIET)
    build(config, **QUIET)  # a copy of the live site took the patch; the replaced site is now the spare
    spare = (archive / "._site.spare").stat().st_ino
    before = site_files(archive / "_site")
    bad = write_article(archive, "kaputt.md", "title: Kaputt\ndate: 2021-02-31", "Text.")
    with pytest.raises(Exception):
        build(config, **QUIET)
    assert (archive / "._site.spare").stat().st_ino == spare and site_files(archive / "_site") == before
    assert not list(archive.glob("._site.new-*"))
    bad.unlink()
    write_article(archive, "n2.md", "title: Nachricht 2\ndate: 2020-03-03\npeople: [Wladimir Putin]", "Neu.")
    build(config, **QUIET)
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)


def test_a_build_failing_while_it_renders_leaves_the_site_and_no_patch(archive, tmp_path):
    config = config_for(archive)
    build(config, **QUIET)
    before = site_files(archive / "_site")
    write_article(archive, "n8.md", "title: Nachricht 8\ndate: 2020-03-09\npeople: [Joseph Biden]", "Kurz.")
    templates = archive / "templates"
    if not templates.is_dir():
        shutil.copytree(config.templates, templates)
    (templates / "article.html").write_text("{{ nicht_da.feld }}", encoding="utf-8")
    with pytest.raises(Exception):
        build(config_for(archive), **QUIET)
    assert site_files(archive / "_site") == before and not list(archive.glob("._site.*"))
