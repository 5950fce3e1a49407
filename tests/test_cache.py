"""Caches and reuse cost speed, never correctness: a rebuild equals a cold build, byte for byte, whatever
changed (the archive, sitegen's own code) and whatever became of the cache."""
from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, config_for, write_article
from sitegen.build import build
from sitegen.cache import FILE_NAME, OWN_DATA, PACKAGE, tree_bytes

QUIET = {"log": lambda line: None}
UNREPRODUCIBLE = ("pagefind", ".sitegen-pages.json.gz")  # Pagefind varies file names; the records hold times


def site_files(folder: Path) -> dict[str, bytes]:
    """Every file of a built site but Pagefind's bundle and the build's records."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.relative_to(folder).parts[0] not in UNREPRODUCIBLE}


@pytest.fixture
def archive(small_archive: Path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for n in range(30):
        write_article(small_archive, f"n{n}.md", f"title: Nachricht {n}\ndate: 2020-03-{n % 28 + 1:02d}\n"
                      f"people: [Wladimir Putin]\nplaces: [Genf]\ntags: [Thema {n % 3}]",
                      f"Putin in Genf, Teil {n}.")
    return small_archive


def cold_build(root: Path, tmp: Path) -> dict[str, bytes]:
    """Build a copy of the archive with an empty cache of its own and no previous output."""
    copy = tmp / "cold"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("_site", "._site*"))
    build(config_for(copy, cache=str(tmp / "cold-cache")), **QUIET)
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


def test_the_cache_lives_under_the_cache_home_one_per_archive_and_holds_no_pickle(archive, tmp_path,
                                                                                   own_cache_home):
    build(config_for(archive), **QUIET)
    other = tmp_path / "other"
    shutil.copytree(archive, other, ignore=shutil.ignore_patterns("_site", "._site*"))
    build(config_for(other), **QUIET)
    folders = sorted(p.parent for p in own_cache_home.rglob(FILE_NAME))
    assert len(folders) == 2 and config_for(archive).cache in folders and config_for(other).cache in folders
    assert not list(archive.rglob("*.pickle")) and not (archive / ".cache").exists()
    assert all(p.read_bytes()[:16] == b"SQLite format 3\x00" for p in own_cache_home.rglob(FILE_NAME))


def test_a_planted_pickle_is_never_loaded(archive, tmp_path):
    config = config_for(archive)
    ran = tmp_path / "ran"

    class Planted:
        def __reduce__(self):
            return (os.system, (f"touch {ran}",))

    for folder in (config.cache, archive / ".cache"):
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("front-matter.pickle", "front-matter-new.pickle", "template-names.pickle",
                     "pages-1.pickle"):
            (folder / name).write_bytes(pickle.dumps(Planted()))
    build(config, **QUIET)
    build(config, **QUIET)
    assert not ran.exists()


@pytest.mark.parametrize("damage", ["garbage", "foreign", "file-in-the-way", "unwritable"])
def test_a_damaged_foreign_or_unusable_cache_costs_speed_never_a_wrong_build(archive, tmp_path, damage,
                                                                             own_cache_home):
    config = config_for(archive)
    build(config, **QUIET)
    if damage == "garbage":
        for path in config.cache.glob("*"):
            if path.is_file():
                path.write_bytes(b"kaputt" * 100)
    elif damage == "foreign":  # another archive's cache in this one's place
        stranger = tmp_path / "stranger"
        write_article(stranger, "a.md", "title: Nachricht 3\ndate: 2020-03-04", "Ganz anderer Text.")
        build(config_for(stranger), **QUIET)
        shutil.rmtree(config.cache)
        shutil.copytree(config_for(stranger).cache, config.cache)
    elif damage == "file-in-the-way":  # a file named like the cache folder
        shutil.rmtree(own_cache_home)
        own_cache_home.mkdir()
        (own_cache_home / "sitegen").write_text("kein Ordner", encoding="utf-8")
    else:  # a read-only place: /proc cannot be written even by root
        config = config_for(archive, cache="/proc/self/sitegen-cache")
    write_article(archive, "n5.md", "title: Nachricht 5\ndate: 2020-03-06\nplaces: [Wien]", "Anders.")
    build(config, **QUIET)
    build(config, **QUIET)
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write a read-only folder")
def test_a_read_only_cache_folder_costs_speed(archive, tmp_path):
    config = config_for(archive)
    build(config, **QUIET)
    for path in [config.cache, *config.cache.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        write_article(archive, "n5.md", "title: Nachricht 5\ndate: 2020-03-06\nplaces: [Wien]", "Anders.")
        build(config, **QUIET)
    finally:
        for path in [config.cache, *config.cache.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)


def test_a_change_to_sitegens_own_code_rebuilds_the_pages_it_affects(archive, tmp_path):
    """A copied sitegen builds the archive; its month names and interface words change; the rebuild, with the
    same cache and output, shows the new ones everywhere, exactly as a cold build of the changed copy."""
    package = tmp_path / "pkg"
    shutil.copytree(REPO / "sitegen", package / "sitegen", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(package)}

    def sitegen_build(folder: Path) -> None:
        subprocess.run([sys.executable, "-m", "sitegen", "build"], cwd=folder, env=env, check=True,
                       capture_output=True)

    sitegen_build(archive)
    page = archive / "_site" / "artikel" / "nachricht-3" / "index.html"
    assert "4. März 2020" in page.read_text(encoding="utf-8")
    i18n = package / "sitegen" / "i18n.py"
    i18n.write_text(i18n.read_text(encoding="utf-8").replace('"März"', '"Lenzing"'), encoding="utf-8")
    sitegen_build(archive)
    assert "4. Lenzing 2020" in page.read_text(encoding="utf-8")
    assert not [rel for rel, data in site_files(archive / "_site").items() if "März".encode() in data]
    words = package / "sitegen" / "data" / "text.json"  # the interface words are data, not code
    words.write_text(words.read_text(encoding="utf-8").replace('"Atom-Feed"', '"Nachrichten-Feed"'),
                     encoding="utf-8")
    sitegen_build(archive)
    assert "Nachrichten-Feed" in page.read_text(encoding="utf-8")
    cold = tmp_path / "cold"
    shutil.copytree(archive, cold, ignore=shutil.ignore_patterns("_site", "._site*"))
    env["XDG_CACHE_HOME"] = str(tmp_path / "cold-cache")
    sitegen_build(cold)
    assert site_files(archive / "_site") == site_files(cold / "_site")


def test_an_older_article_with_the_same_title_moves_the_others_in_a_rebuild(archive, tmp_path):
    """A new, older article takes the slug its title gives; pages showing the article that yields it (whose
    file did not change) link to its new address, exactly as a cold build."""
    config = config_for(archive)
    build(config, **QUIET)
    write_article(archive, "alt.md", "title: Nachricht 3\ndate: 2019-01-01\npeople: [Wladimir Putin]", "Alt.")
    build(config, **QUIET)
    assert "Alt." in (archive / "_site/artikel/nachricht-3/index.html").read_text(encoding="utf-8")
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)


def test_the_default_templates_are_part_of_the_producer_key():
    """sitegen/default_templates is a link to templates/ in a source checkout: it is followed."""
    own = tree_bytes(PACKAGE, lambda rel: rel.startswith(OWN_DATA))
    assert any(part.startswith(b"default_templates/base.html\0") for part in own)


def test_a_page_edited_by_hand_in_the_output_is_not_reused(archive, tmp_path):
    config = config_for(archive)
    build(config, **QUIET)
    page = archive / "_site" / "artikel" / "nachricht-7" / "index.html"
    page.write_text("von Hand verändert", encoding="utf-8")
    build(config, **QUIET)
    assert "von Hand verändert" not in page.read_text(encoding="utf-8")
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)


def test_quick_reuse_after_a_body_edit_and_full_keys_after_registry_and_template_edits(archive, tmp_path):
    """A body edit keeps the outline: few pages are rendered, and the site still equals a cold build; an
    edit to the registry or a template changes pages that hold no edited article."""
    config = config_for(archive)
    first = build(config, **QUIET)
    write_article(archive, "n3.md", "title: Nachricht 3\ndate: 2020-03-04\npeople: [Wladimir Putin]\n"
                  "places: [Genf]\ntags: [Thema 0]", "Putin sprach in Genf mit niemandem.")
    report = build(config, **QUIET)
    assert 0 < report.rendered < first.rendered // 4
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)
    registry = archive / "content" / "entities.yaml"
    registry.write_text("entities:\n  - name: Wladimir Putin\n    type: person\n"
                        "    description: Präsident Russlands.\n", encoding="utf-8")
    build(config, **QUIET)
    assert "Präsident Russlands." in (archive / "_site/personen/wladimir-putin/index.html").read_text("utf-8")
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)
    macros = archive / "templates" / "_macros.html"
    macros.write_text(macros.read_text("utf-8").replace('<ol class="article-list">',
                                                        '<ol class="article-list x">'))
    build(config_for(archive), **QUIET)
    putin = (archive / "_site/personen/wladimir-putin/index.html").read_text("utf-8")
    assert 'class="article-list x"' in putin
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)


def test_a_new_article_changes_only_the_pages_that_show_it(archive, tmp_path):
    config = config_for(archive)
    build(config, **QUIET)
    write_article(archive, "neu.md", "title: Ganz neu\ndate: 2019-01-01\nplaces: [Oslo]", "Nichts weiter.")
    report = build(config, **QUIET)
    assert report.rendered < report.files // 3  # the footer does not count the articles: most pages stay
    assert site_files(archive / "_site") == cold_build(archive, tmp_path)


@pytest.mark.parametrize("library", ["markdown", "nh3", "Jinja2", "Babel", "pagefind"])
def test_the_producer_key_changes_with_each_librarys_version(library, monkeypatch):
    from sitegen import cache

    before = cache.producer_key.__wrapped__()
    real = cache.version
    monkeypatch.setattr(cache, "version", lambda name: "99.0" if name == library else real(name))
    assert cache.producer_key.__wrapped__() != before


def test_the_entity_cache_key_holds_the_tagging_libraries_versions(monkeypatch):
    """An upgrade of HanTa or python-crfsuite changes the extractor's cache key: no old entities reused."""
    from sitegen.ingest import entitycache

    before = entitycache.extractor_salt(None)
    real = entitycache.package_version
    monkeypatch.setattr(entitycache, "package_version",
                        lambda name: "HanTa=99" if name == "HanTa" else real(name))
    assert entitycache.extractor_salt(None) != before


def test_a_page_key_covers_every_field_of_the_views_a_context_holds(archive):
    """Lists of term links, items and pagers are keyed by all their fields: any change re-renders."""
    from dataclasses import fields, replace

    from sitegen.loading import load_articles
    from sitegen.model import build_site
    from sitegen.pages import Page
    from sitegen.render import Reuse
    from sitegen.views import Item, Pager, TermRef

    config = config_for(archive)
    site = build_site(load_articles(config), None)
    reuse, article = Reuse(config, site, archive / "_site"), site.articles[0]
    views = [TermRef("people", "Anna Berg", "anna-berg", 3, "personen/anna-berg/"),
             Item(article, "Anna Berg sprach.", (0, 9)),
             Pager((Item(article),), 1, 2, "personen/anna-berg/", 60, "personen/anna-berg/", None, "x/")]
    for view in views:
        key, shows = reuse.key(Page("p/", "term.html", {"v": [view]}))
        assert key and shows == ((0,) if isinstance(view, (Item, Pager)) else ())
        assert reuse.key(Page("p/", "term.html", {"v": [replace(view)]}))[0] == key
        for f in fields(view):
            other = {str: "anders", int: 99, tuple: (), type(None): "y/"}.get(type(getattr(view, f.name)))
            other = site.articles[1] if f.name == "article" else other
            assert reuse.key(Page("p/", "term.html", {"v": [replace(view, **{f.name: other})]}))[0] != key, f
