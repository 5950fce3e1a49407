"""Index search shards: a small search document per article, Pagefind over them, the bundle into the cache.

The documents hold what a reader searches (title, caption, body) and the filters, never page chrome. They are
files, not custom records: Pagefind's service costs as much CPU per record, and its Python API waits 0.1 s
for each answer."""
from __future__ import annotations

import ctypes
import ctypes.util
import html
import os
import signal
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sitegen.cache import Cache
from sitegen.errors import SitegenError
from sitegen.i18n import german_date
from sitegen.markup import markdown_html
from sitegen.model import Article
from sitegen.render import bodies_html
from sitegen.search import Shard, search_filters
from sitegen.urls import article_path, output_file
from sitegen.workers import abandoned, fork_map

SCRATCH_ROOM = 512 * 2**20  # free bytes in /dev/shm to write a shard's documents there (a shard is ~15 MB)
_PR_SET_PDEATHSIG = 1  # prctl option: the signal a process gets when its parent dies
WORK_PREFIX = ".sitegen-search-"  # a build's own folder, in the cache (bundles) and in /dev/shm (documents)


class Indexing:
    """A context manager: index the shards missing from the bundle cache in up to `jobs` processes while the
    pages render; wait() for the bundles. What a killed build left is deleted by the next."""

    def __init__(self, todo: list[Shard], bundles: Path, jobs: int = 1, cache: Cache | None = None):
        for folder in (*abandoned(bundles, WORK_PREFIX), *abandoned(Path("/dev/shm"), WORK_PREFIX)):
            shutil.rmtree(folder, ignore_errors=True)
        self.folders = [Path(tempfile.mkdtemp(dir=folder, prefix=f"{WORK_PREFIX}{os.getpid()}-"))
                        for folder in (bundles, scratch_folder(bundles))] if todo else []
        if cache is not None:
            cache.close()  # each indexing process opens its own connection
        # oldest shard first: the renderer starts with the newest articles, so each side finds the other's
        # body HTML in the cache for most articles instead of converting every body twice
        self.jobs = [(shard, bundles, *self.folders, cache, i if len(todo) > 1 else None)
                     for i, shard in enumerate(reversed(todo))]
        self.forked = fork_map(index_shard, self.jobs, jobs, parallel_from=1, ordered=False)

    def wait(self) -> None:
        """Block until every bundle is in the cache; an indexing error is raised here."""
        for _ in self.results:
            pass

    def __enter__(self) -> "Indexing":
        self.results = self.forked.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.forked.__exit__(None, None, None)
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)


def index_shard(job: tuple[Shard, Path, Path, Path, Cache | None, int | None]) -> None:
    """Write a shard's search documents under `scratch` (bodies from the cache where they are), index them
    into `made` (on one `core` when given), and store the bundle under its key in `bundles`."""
    shard, bundles, made, scratch, cache, core = job
    root = scratch / shard.name
    bodies = bodies_html([article.body for article in shard.articles], cache or Cache(None))
    for article, body in zip(shard.articles, bodies):
        target = root / output_file(article_path(article.slug))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(search_document(article, body), encoding="utf-8")
    bundle = made / shard.key
    run_pagefind(root, bundle, core)
    shutil.rmtree(root, ignore_errors=True)
    if not (bundle / "pagefind.js").is_file():
        raise SitegenError("Pagefind hat kein Suchbündel geschrieben", path=shard.path,
                           fix="'pagefind[bin]' neu installieren")
    try:
        os.rename(bundle, bundles / shard.key)
    except OSError:  # another build stored the same bundle first
        shutil.rmtree(bundle, ignore_errors=True)


def scratch_folder(bundles: Path) -> Path:
    """Where Pagefind reads the search documents from: memory (/dev/shm) where there is room, as thousands of
    files cost a fraction of a disk's there; else the cache."""
    try:
        room = os.statvfs("/dev/shm")
    except OSError:
        return bundles
    usable = os.access("/dev/shm", os.W_OK | os.X_OK) and room.f_bavail * room.f_frsize >= SCRATCH_ROOM
    return Path("/dev/shm") if usable else bundles


def search_document(article: Article, body: str | None = None) -> str:
    """The HTML Pagefind indexes for one article: title, caption, body (its HTML, when known), filters, and
    the date and section each result shows."""
    esc = html.escape
    caption = f"<p>{esc(article.image.caption)}</p>\n" if article.image and article.image.caption else ""
    filters = "".join(f'<span data-pagefind-filter="{esc(name)}">{esc(value)}</span>'
                      for name, value in search_filters(article))
    shown = {"date": german_date(article.date) if article.date is not None else "",
             "section": article.section}
    filters += "".join(f'<span data-pagefind-meta="{key}">{esc(value)}</span>'
                       for key, value in shown.items() if value)
    return (f'<!DOCTYPE html>\n<html lang="de">\n<head><meta charset="utf-8">'
            f"<title>{esc(article.title)}</title></head>\n<body>\n<main data-pagefind-body>\n"
            f"<h1>{esc(article.title)}</h1>\n{caption}"
            f"{markdown_html(article.body) if body is None else body}\n"
            f"<div data-pagefind-ignore>{filters}</div>\n</main>\n</body>\n</html>\n")


def _child_setup(core: int | None):
    """A preexec function: Pagefind dies with the worker that started it (a failed build terminates its
    workers, which would leave Pagefind running on), and stays on one core when `core` is given (its threads
    spin on the folder's lock across cores, which doubled its kernel time)."""
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    libc = ctypes.CDLL(ctypes.util.find_library("c")) if sys.platform == "linux" else None

    def setup() -> None:
        if libc is not None:
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if core is not None and cores:
            os.sched_setaffinity(0, {cores[core % len(cores)]})
    return setup


def run_pagefind(root: Path, bundle: Path, core: int | None = None) -> None:
    """Pagefind over the documents under `root`, German, into `bundle`: the binary that PyPI's pagefind[bin]
    ships (found by its Python package, no Node), run directly."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise SitegenError("Pagefind lässt sich nicht laden", path=root,
                           fix="pip install 'pagefind[bin]'") from None
    binary = get_executable()
    if binary is None:
        raise SitegenError("Pagefinds Programm fehlt", path=root, fix="pip install 'pagefind[bin]'")
    done = subprocess.run([str(binary), "--site", str(root), "--output-path", str(bundle), "--force-language",
                           "de", "--silent"], capture_output=True, text=True, errors="replace",
                          preexec_fn=_child_setup(core))
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["keine Meldung"]
        raise SitegenError(f"Pagefind ist gescheitert: {last[0]}", path=root,
                           fix="'pagefind[bin]' neu installieren")
