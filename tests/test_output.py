"""Writing the site: complete beside the live one, swapped in by one rename; a failed, killed or refused build
leaves the live site as it was, and `<out>.failed` says when a build ran and failed."""
from __future__ import annotations

import dataclasses
import errno
import json
import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from conftest import config_for, write_article
from sitegen import output, render, search
from sitegen.build import build
from sitegen.errors import SitegenError
from sitegen.loading import load_articles
from sitegen.workers import fork_map

QUIET = {"log": lambda line: None}


def site_files(folder: Path) -> dict[str, bytes]:
    """Every file of a site folder with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def dead_pid() -> int:
    """The id of a process that has ended."""
    gone = subprocess.Popen(["true"])
    gone.wait()
    return gone.pid


def test_a_rebuild_makes_a_new_folder_and_links_the_unchanged_files_from_the_live_site(small_archive):
    config = config_for(small_archive)
    build(config, **QUIET)
    site = small_archive / "_site"
    folder, kept = site.stat().st_ino, (site / "artikel" / "ohne-datum" / "index.html").stat()
    (site / "von-hand.html").write_text("nicht von sitegen", encoding="utf-8")
    write_article(small_archive, "b.md", "title: Neu\ndate: 2022-01-05\npeople: [Thomas Müller]", "Neu.")
    build(config, **QUIET)
    assert site.stat().st_ino != folder and not (site / "von-hand.html").exists()
    assert (site / "artikel" / "ohne-datum" / "index.html").stat().st_ino == kept.st_ino  # a hard link
    assert not list(small_archive.glob("._site.new-*"))


def test_a_build_fills_the_site_the_last_swap_retired_and_never_writes_into_a_live_file(small_archive):
    """Double buffering: the third build takes the first one's site (kept as ._site.spare by the second),
    keeps its files that are still the live ones, replaces the changed ones without writing into them (the
    live site shares them by hard links) and removes what the new site lacks."""
    config = config_for(small_archive)
    site, spare = small_archive / "_site", small_archive / "._site.spare"
    build(config, **QUIET)
    first = site.stat().st_ino
    write_article(small_archive, "d.md", "title: Bald gelöscht\ndate: 2020-02-02\npeople: [Erna Kurz]")
    build(config, **QUIET)
    assert spare.stat().st_ino == first and (spare / "artikel" / "ohne-datum" / "index.html").is_file()
    (spare / "von-hand.html").write_text("nicht von sitegen", encoding="utf-8")
    page, kept = (site / "artikel" / slug / "index.html" for slug in ("ohne-datum", "gipfel-in-genf"))
    before, kept_inode = page.read_bytes(), kept.stat().st_ino
    write_article(small_archive, "c.md", "title: Ohne Datum\ndate: unbekannt", "Ganz neuer Text.")
    (small_archive / "content" / "articles" / "d.md").unlink()
    build(config, **QUIET)
    assert site.stat().st_ino == first  # the retired folder, filled
    assert "Ganz neuer Text." in page.read_text(encoding="utf-8") and kept.stat().st_ino == kept_inode
    assert (spare / "artikel" / "ohne-datum" / "index.html").read_bytes() == before  # the live file untouched
    assert not (site / "von-hand.html").exists() and not (site / "artikel" / "bald-geloescht").exists()
    assert not (site / "personen" / "erna-kurz").exists() and (site / ".sitegen-build").is_file()
    made, fresh = site_files(site), site_files(_fresh_build(small_archive, config))
    assert made.pop(render.RECORDS) and fresh.pop(render.RECORDS)  # (files' times differ)
    assert made == fresh  # the same site as a build into a new folder
    assert not list(small_archive.glob("._site.new-*"))


def test_a_build_that_fails_while_it_fills_the_retired_site_leaves_the_live_one(small_archive, monkeypatch):
    config = config_for(small_archive)
    build(config, **QUIET)
    build(config, **QUIET)
    before = site_files(small_archive / "_site")
    write_article(small_archive, "n8.md", "title: Nachricht 8\ndate: 2020-03-09", "Kurz.")

    def stopped(pages, renderer, reuse, output, jobs):
        output.write("artikel/nachricht-8/index.html", b"halb")
        raise SitegenError("kaputt")

    monkeypatch.setattr("sitegen.build.render_pages", stopped)
    with pytest.raises(SitegenError):
        build(config, **QUIET)
    assert site_files(small_archive / "_site") == before
    assert not list(small_archive.glob("._site.new-*")) and not (small_archive / "._site.spare").exists()
    monkeypatch.undo()
    build(config, **QUIET)
    assert (small_archive / "_site" / "artikel" / "nachricht-8" / "index.html").is_file()


def test_a_retired_site_holding_a_link_is_not_filled_nor_written_through(small_archive, tmp_path):
    config = config_for(small_archive)
    build(config, **QUIET)
    build(config, **QUIET)
    spare, elsewhere = small_archive / "._site.spare", tmp_path / "anderswo"
    elsewhere.mkdir()
    shutil.rmtree(spare / "artikel")
    (spare / "artikel").symlink_to(elsewhere)
    build(config, **QUIET)
    assert list(elsewhere.iterdir()) == []
    assert not (small_archive / "_site" / "artikel").is_symlink()
    assert (small_archive / "_site" / "artikel" / "ohne-datum" / "index.html").is_file()


def _fresh_build(archive: Path, config) -> Path:
    """The same archive built into a new output folder (and no spare)."""
    out = archive / "frisch"
    build(dataclasses.replace(config, out=out), **QUIET)
    return out


@pytest.mark.parametrize("stop", [SitegenError("kaputt"), RuntimeError("unerwartet"), SystemExit("getötet")])
def test_a_build_stopped_while_it_renders_leaves_the_site_and_says_why(small_archive, monkeypatch, stop):
    config = config_for(small_archive)
    build(config, **QUIET)
    before = site_files(small_archive / "_site")
    write_article(small_archive, "n8.md", "title: Nachricht 8\ndate: 2020-03-09", "Kurz.")

    def stopped(*args, **kwargs):
        raise stop

    monkeypatch.setattr("sitegen.build.render_pages", stopped)
    with pytest.raises((SitegenError, SystemExit)):
        build(config, **QUIET)
    assert site_files(small_archive / "_site") == before
    assert not list(small_archive.glob("._site.new-*"))
    assert str(stop) in (small_archive / "_site.failed").read_text(encoding="utf-8")
    monkeypatch.undo()
    build(config, **QUIET)
    assert not (small_archive / "_site.failed").exists()


def test_a_full_disk_is_one_line_naming_the_file_and_keeps_the_site(small_archive, monkeypatch):
    config = config_for(small_archive)
    build(config, **QUIET)
    before = site_files(small_archive / "_site")

    def full(self, rel, data):
        raise OSError(errno.ENOSPC, "No space left on device", f"{self.folder}/{rel}")

    monkeypatch.setattr(output.OutputFolder, "write", full)
    with pytest.raises(SitegenError, match=r"\.new-[^/]+/\S+: Dateifehler: kein Platz mehr auf dem "):
        build(config, **QUIET)
    assert site_files(small_archive / "_site") == before
    assert "kein Platz mehr" in (small_archive / "_site.failed").read_text(encoding="utf-8")


def test_indexing_that_fails_leaves_no_half_made_bundle_in_the_cache(small_archive, monkeypatch):
    config = config_for(small_archive)

    def broken(root, bundle, core=None):
        (bundle / "fragment").mkdir(parents=True)
        (bundle / "fragment" / "teil").write_bytes(b"x" * 1000)
        raise SitegenError("Pagefind ist gescheitert: No space left on device")

    monkeypatch.setattr(search, "run_pagefind", broken)
    with pytest.raises(SitegenError, match="No space left"):
        build(config, **QUIET)
    assert [p.name for p in (config.cache / "pagefind").iterdir()] == []
    assert not list(Path("/dev/shm").glob(f"{search.WORK_PREFIX}{os.getpid()}-*"))


def test_a_failed_build_leaves_no_pagefind_running(tmp_path, monkeypatch):
    import pagefind.service

    script, pid_file = tmp_path / "pagefind", tmp_path / "pid"
    script.write_text(f"#!/bin/sh\necho $$ > {pid_file}.part\nmv {pid_file}.part {pid_file}\nexec sleep 60\n")
    script.chmod(0o755)
    monkeypatch.setattr(pagefind.service, "get_executable", lambda: script)
    with pytest.raises(RuntimeError), fork_map(lambda i: search.run_pagefind(tmp_path, tmp_path / "b"),
                                               [0], jobs=2, parallel_from=1):
        while not pid_file.exists():
            time.sleep(0.05)
        raise RuntimeError("the pages failed while indexing ran")
    pid = int(pid_file.read_text())
    for _ in range(100):  # the kill is sent as the worker dies; wait for it to land
        if not _running(pid):
            break
        time.sleep(0.05)
    assert not _running(pid)


def _running(pid: int) -> bool:
    """Whether process `pid` exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][:1] != "Z"
    except OSError:
        return False


def test_what_killed_builds_left_is_removed_and_a_glob_in_the_out_name_matches_nothing_else(tmp_path,
                                                                                           small_archive):
    out = tmp_path / "x" / "*"
    pid = dead_pid()
    mine = out.parent / f".*.new-{pid}-abc"
    other = out.parent / f".a.new-{pid}-data"
    for folder in (mine, other):
        folder.mkdir(parents=True)
        (folder / "index.html").write_text("alt", encoding="utf-8")
    build(config_for(small_archive, out=str(out)), **QUIET)
    assert (out / "index.html").is_file() and (other / "index.html").is_file()
    for _ in range(200):  # removed in the background
        if not mine.exists():
            break
        time.sleep(0.05)
    assert not mine.exists()


@pytest.mark.parametrize("where", ["file", "root", "dev-null", "home", "not-a-site"])
def test_an_out_that_must_not_be_replaced_is_refused_in_one_line_without_a_failed_file(
        small_archive, tmp_path, monkeypatch, capsys, where):
    from sitegen.cli import main

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home" / "notizen").mkdir(parents=True)
    (tmp_path / "a-file").write_text("wichtig", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "notiz.txt").write_text("wichtig", encoding="utf-8")
    out = {"file": tmp_path / "a-file", "root": Path("/"), "dev-null": Path("/dev/null"),
           "home": tmp_path / "home", "not-a-site": tmp_path / "folder"}[where]
    monkeypatch.chdir(small_archive)
    assert main(["build", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sitegen: Fehler: ") and err.count("\n") == 1 and "--out" in err
    assert not Path(f"{out}.failed").exists() and not Path("/.failed").exists()
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "wichtig"
    assert (tmp_path / "folder" / "notiz.txt").is_file() and (tmp_path / "home" / "notizen").is_dir()


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="no /dev/shm here")
def test_an_out_on_another_file_system_than_the_cache_builds_and_rebuilds(small_archive, tmp_path):
    if os.stat("/dev/shm").st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("/dev/shm is on the same file system as the cache here")
    out = Path("/dev/shm") / f"sitegen-test-{uuid.uuid4().hex}" / "_site"
    try:
        config = config_for(small_archive, out=str(out))
        build(config, **QUIET)
        write_article(small_archive, "n8.md", "title: Nachricht 8\ndate: 2020-03-09", "Kurz.")
        build(config, **QUIET)
        assert (out / "artikel" / "nachricht-8" / "index.html").is_file()
        assert list((out / "pagefind").glob("*/pagefind.js"))
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)


def test_links_fall_back_to_copies_across_file_systems(tmp_path, monkeypatch):
    source = tmp_path / "a"
    source.write_bytes(b"Inhalt")

    def cross(src, dst):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", cross)
    (tmp_path / "neu").mkdir()
    output.OutputFolder(tmp_path / "neu", tmp_path, tmp_path).link(source, "b")
    assert (tmp_path / "neu" / "b").read_bytes() == b"Inhalt"



def test_memory_that_cannot_be_measured_costs_only_speed(small_archive, monkeypatch):
    def no_statfs(path):
        raise OSError(errno.ENOSYS, "statfs blocked")

    monkeypatch.setattr(search.shutil, "disk_usage", no_statfs)
    build(config_for(small_archive), **QUIET)
    assert list((small_archive / "_site" / "pagefind").glob("*/pagefind.js"))


def test_leftovers_named_like_no_process_are_cleared(tmp_path):
    from sitegen.workers import abandoned

    for name in ("x-²-a", "x-" + "9" * 20 + "-b", f"x-{os.getpid()}-c"):
        (tmp_path / name).mkdir()
    assert sorted(p.name for p in abandoned(tmp_path, "x-")) == ["x-" + "9" * 20 + "-b"]


def test_a_damaged_build_record_costs_speed_not_the_build(small_archive):
    """Bytes flipped in the gzipped record's deflate stream: the next build renders everything."""
    config = config_for(small_archive)
    build(config, log=lambda line: None)
    record = small_archive / "_site" / render.RECORDS
    data = bytearray(record.read_bytes())
    data[10:14] = b"\xff" * 4  # just after the gzip header: zlib's own error, not gzip's
    record.write_bytes(bytes(data))
    assert render.BuildRecord.read(small_archive / "_site") == render.BuildRecord()
    assert build(config, log=lambda line: None).reused == 0


def test_a_build_record_whose_rows_hold_wrong_values_costs_speed_not_the_build(small_archive):
    """Whole JSON, but a page's article positions are a number: read as no record, as damaged bytes are."""
    import gzip
    import json
    config = config_for(small_archive)
    build(config, **QUIET)
    record = small_archive / "_site" / render.RECORDS
    data = json.loads(gzip.decompress(record.read_bytes()))
    data["pages"] = {rel: [key, size, mtime, 7] for rel, (key, size, mtime, _) in data["pages"].items()}
    record.write_bytes(gzip.compress(json.dumps(data).encode()))
    assert render.BuildRecord.read(small_archive / "_site") == render.BuildRecord()
    assert build(config, **QUIET).reused == 0


def test_a_rebuild_links_the_cached_bundles_and_the_new_one_with_one_script(small_archive, monkeypatch):
    """Cached bundles are linked while the pages render, the re-indexed one after: every bundle is whole,
    and only the newest holds the script and worker the search page loads."""
    monkeypatch.setattr(search, "SHARD_SIZE", (1, 1, 20))  # a bundle per year
    for year in (2015, 2016, 2017):
        write_article(small_archive, f"j{year}.md", f"title: Jahr {year}\ndate: {year}-05-01", f"Text {year}")
    config = config_for(small_archive)
    build(config, log=lambda _: None)
    site = small_archive / "_site"
    names = sorted(p.name for p in (site / "pagefind").iterdir())
    write_article(small_archive, "j2016.md", "title: Jahr 2016\ndate: 2016-05-01", "Neuer Text 2016.")
    build(config, log=lambda _: None)
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == names and len(names) >= 4
    newest = search.shards(sorted(load_articles(config), key=lambda a: a.sort_key, reverse=True))[0].name
    assert [p.parent.name for p in site.glob("pagefind/*/pagefind.js")] == [newest]
    assert [p.parent.name for p in site.glob("pagefind/*/pagefind-worker.js")] == [newest]
    for name in names:
        entry = json.loads((site / "pagefind" / name / "pagefind-entry.json").read_text("utf-8"))
        index = entry["languages"]["de"]["hash"]
        assert (site / "pagefind" / name / f"pagefind.{index}.pf_meta").is_file()
    fragments = len(list(site.glob("pagefind/*/fragment/*.pf_fragment")))
    assert fragments == len(load_articles(config))
