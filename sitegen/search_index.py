"""Index search shards: a small search document per article, Pagefind over them, the bundle into the cache.

The documents hold what a reader searches (title, caption, body) and the filters (year, people, places,
organisations, tags), and nothing of the page around them, so templates need no Pagefind markup. They are
files, not Pagefind custom records: the Python API answers one record per 0.1 s, a folder is one run."""
from __future__ import annotations

import contextlib
import html
import multiprocessing
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.cache import TextCache
from sitegen.i18n import german_date
from sitegen.markup import body_key, markdown_html
from sitegen.model import Article
from sitegen.search import BUNDLE, STALE_SECONDS, Shard, search_filters, store
from sitegen.urls import article_path, output_file


SCRATCH_ROOM = 512 * 2**20  # free bytes in /dev/shm to write a shard's documents there (a shard is ~15 MB)
SCRATCH_PREFIX = ".sitegen-search-"
_TODO: tuple = ()  # (shards, cache, scratch folder): set before the indexing process is forked, read by it


class Indexing:
    """Index the shards missing from the cache in processes of their own (up to `jobs`), started at once: they
    run while the pages are planned and rendered. Use as a context manager; wait() for the bundles."""

    def __init__(self, todo: list[Shard], cache: Path, jobs: int = 1, html: TextCache | None = None):
        global _TODO
        self.results: list = []
        self.pool = None
        self.scratch: Path | None = None
        if not todo:
            return
        cache.mkdir(parents=True, exist_ok=True)
        if "fork" not in multiprocessing.get_all_start_methods():
            for shard in todo:
                index_shard(shard, cache, cache, html=html)
            return
        self.scratch = Path(tempfile.mkdtemp(dir=scratch_folder(cache), prefix=SCRATCH_PREFIX))
        _TODO = (todo, cache, self.scratch, html.path if html else None)
        self.pool = multiprocessing.get_context("fork").Pool(max(1, min(jobs, len(todo))))
        # oldest shard first: the renderer starts with the newest articles, so each side finds the other's
        # body HTML in the cache for most articles instead of converting every body twice
        self.results = [self.pool.apply_async(_index_one, (i,)) for i in reversed(range(len(todo)))]

    def wait(self) -> None:
        """Block until every bundle is in the cache; an indexing error is raised here."""
        for result in self.results:
            result.get()

    def __enter__(self) -> "Indexing":
        return self

    def __exit__(self, *exc) -> None:
        global _TODO
        _TODO = ()
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
        if self.scratch is not None:  # what stopped processes left (the documents of a failed build)
            shutil.rmtree(self.scratch, ignore_errors=True)


def _index_one(i: int) -> None:
    """Indexing process: index shard number i of those set before the fork; on this process's own core when
    several shards are indexed at once (a single one, as after an edit, may use every core)."""
    todo, cache, scratch, html = _TODO
    identity = multiprocessing.current_process()._identity  # (n,) for the n-th process of the pool
    core = identity[0] - 1 if identity and len(todo) > 1 else None
    index_shard(todo[i], cache, scratch, core, TextCache(html))


def index_shard(shard: Shard, cache: Path, scratch: Path, core: int | None = None,
                html: TextCache | None = None) -> None:
    """Write the shard's search documents under `scratch` (bodies from the `html` cache where they are),
    index them into the cache's folder (on one `core` when given), and store the bundle in `cache`."""
    with tempfile.TemporaryDirectory(dir=scratch, prefix=".search-") as work, \
            tempfile.TemporaryDirectory(dir=cache, prefix=".search-") as made:
        root = Path(work) / "documents"
        for article, body in zip(shard.articles, bodies_html(shard.articles, html or TextCache(None))):
            target = root / output_file(article_path(article.slug))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(search_document(article, body), encoding="utf-8")
        bundle = Path(made) / BUNDLE
        run_pagefind(root, bundle, core)
        if not (bundle / "pagefind.js").is_file():
            raise SitegenError("Pagefind wrote no search bundle", path=shard.path, fix="reinstall 'pagefind[bin]'")
        store(bundle, cache, shard.key)


def scratch_folder(cache: Path) -> Path:
    """Where search documents are written for Pagefind to read once: memory (/dev/shm) where the system
    has it, as creating and deleting thousands of files there costs a fraction of a disk's; else the cache."""
    shm = Path("/dev/shm")
    try:
        room = os.statvfs(shm)
    except OSError:
        return cache
    if room.f_bavail * room.f_frsize < SCRATCH_ROOM or not os.access(shm, os.W_OK | os.X_OK):
        return cache
    for stale in shm.glob(f"{SCRATCH_PREFIX}*"):  # left by a killed build: memory is not freed by itself
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(stale)
    return shm


def bodies_html(articles: tuple[Article, ...], html: TextCache) -> list[str]:
    """The articles' body HTML: from the cache the renderer fills (all but the edited ones after an edit),
    the others converted now and stored for the renderer."""
    keys = [body_key(article.body) for article in articles]
    found = [html.get(key) for key in keys]
    new = [(key, markdown_html(article.body)) for key, article, text in zip(keys, articles, found) if text is None]
    html.put_many(new)
    html.close()
    converted = iter(value for _, value in new)
    return [text if text is not None else next(converted) for text in found]


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
    return (f'<!DOCTYPE html>\n<html lang="de">\n<head><meta charset="utf-8"><title>{esc(article.title)}</title>'
            f"</head>\n<body>\n<main data-pagefind-body>\n<h1>{esc(article.title)}</h1>\n{caption}"
            f"{markdown_html(article.body) if body is None else body}\n"
            f"<div data-pagefind-ignore>{filters}</div>\n</main>\n</body>\n</html>\n")


def _pin(core: int):
    """A preexec function that keeps Pagefind on one of the cores this process may use. Its threads write
    the fragment files side by side: across cores they spin on the folder's lock, which doubled its kernel
    time, while the build's other processes keep the other cores busy anyway."""
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []

    def pin() -> None:
        if cores:
            os.sched_setaffinity(0, {cores[core % len(cores)]})
    return pin


def run_pagefind(root: Path, bundle: Path, core: int | None = None) -> None:
    """Pagefind over the documents under `root`, German, into `bundle`: the binary that PyPI's pagefind[bin]
    ships (found by its Python package, no Node), run directly. Its Python API answers every request only
    after a 0.1 s pause, which is a third of a small shard's time."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        raise SitegenError("cannot import pagefind", path=root, fix="pip install 'pagefind[bin]'") from None
    binary = get_executable()
    if binary is None:
        raise SitegenError("Pagefind's program is missing", path=root, fix="pip install 'pagefind[bin]'")
    done = subprocess.run([str(binary), "--site", str(root), "--output-path", str(bundle), "--force-language", "de",
                           "--silent"], capture_output=True, text=True, errors="replace",
                          preexec_fn=_pin(core) if core is not None else None)
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no message"]
        raise SitegenError(f"Pagefind failed: {last[0]}", path=root, fix="reinstall 'pagefind[bin]'")
