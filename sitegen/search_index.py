"""Index search shards: a small search document per article, Pagefind over them, the bundle into the cache.

The documents hold what a reader searches (title, caption, body) and the filters (year, people, places,
organisations, tags), and nothing of the page around them, so templates need no Pagefind markup. They are
files, not Pagefind custom records: the Python API answers one record per 0.1 s, a folder is one run."""
from __future__ import annotations

import html
import multiprocessing
import subprocess
import tempfile
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.markup import markdown_html
from sitegen.model import Article
from sitegen.search import BUNDLE, Shard, search_filters, store
from sitegen.urls import article_path, output_file


_TODO: tuple = ()  # (shards, cache): set before the indexing process is forked, read by it


class Indexing:
    """Index the shards missing from the cache in processes of their own (up to `jobs`), started at once: they
    run while the pages are planned and rendered. Use as a context manager; wait() for the bundles."""

    def __init__(self, todo: list[Shard], cache: Path, jobs: int = 1):
        global _TODO
        self.results: list = []
        self.pool = None
        if not todo:
            return
        cache.mkdir(parents=True, exist_ok=True)
        if "fork" not in multiprocessing.get_all_start_methods():
            for shard in todo:
                index_shard(shard, cache, cache)
            return
        _TODO = (todo, cache)
        self.pool = multiprocessing.get_context("fork").Pool(max(1, min(jobs, len(todo))))
        self.results = [self.pool.apply_async(_index_one, (i,)) for i in range(len(todo))]

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


def _index_one(i: int) -> None:
    """Indexing process: index shard number i of those set before the fork."""
    todo, cache = _TODO
    index_shard(todo[i], cache, cache)


def index_shard(shard: Shard, cache: Path, scratch: Path) -> None:
    """Write the shard's search documents under `scratch`, index them, and store the bundle in `cache`."""
    with tempfile.TemporaryDirectory(dir=scratch, prefix=".search-") as work:
        root = Path(work) / "documents"
        for article in shard.articles:
            target = root / output_file(article_path(article.slug))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(search_document(article), encoding="utf-8")
        bundle = Path(work) / BUNDLE
        run_pagefind(root, bundle)
        if not (bundle / "pagefind.js").is_file():
            raise SitegenError("Pagefind wrote no search bundle", path=shard.path, fix="reinstall 'pagefind[bin]'")
        store(bundle, cache, shard.key)


def search_document(article: Article) -> str:
    """The HTML Pagefind indexes for one article: title, caption, body, and its filters."""
    esc = html.escape
    caption = f"<p>{esc(article.image.caption)}</p>\n" if article.image and article.image.caption else ""
    filters = "".join(f'<span data-pagefind-filter="{esc(name)}">{esc(value)}</span>'
                      for name, value in search_filters(article))
    return (f'<!DOCTYPE html>\n<html lang="de">\n<head><meta charset="utf-8"><title>{esc(article.title)}</title>'
            f"</head>\n<body>\n<main data-pagefind-body>\n<h1>{esc(article.title)}</h1>\n{caption}"
            f"{markdown_html(article.body)}\n<div data-pagefind-ignore>{filters}</div>\n</main>\n</body>\n</html>\n")


def run_pagefind(root: Path, bundle: Path) -> None:
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
                           "--silent"], capture_output=True, text=True, errors="replace")
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no message"]
        raise SitegenError(f"Pagefind failed: {last[0]}", path=root, fix="reinstall 'pagefind[bin]'")
