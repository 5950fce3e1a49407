"""Full-text search: the articles in shards of whole years, one Pagefind bundle each under pagefind/<name>/,
cached by key, indexed from small search documents while the pages render, installed into the new site."""
from __future__ import annotations

import ctypes
import html
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from sitegen.cache import Cache, digest, producer_key
from sitegen.errors import SitegenError
from sitegen.i18n import german_date
from sitegen.model import TAXONOMIES, Article
from sitegen.render import bodies_html
from sitegen.urls import article_path, output_file, search_value
from sitegen.workers import abandoned, files_below, fork_map

if TYPE_CHECKING:  # the new site's folder is the write stage's: the bundles are only linked into it
    from sitegen.output import OutputFolder

SHARD_SIZE = (500, 2000, 20)  # articles per shard: at least, at most, and about 1/20 of the archive between
KEEP_CACHED = 16
UNUSED = frozenset({"pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-highlight.js",
                    "pagefind-modular-ui.css", "pagefind-modular-ui.js", "wasm.unknown.pagefind",
                    "pagefind-ui.js", "pagefind-ui.css"})  # the search page has a UI of its own
LOADERS = frozenset({"pagefind.js", "pagefind-worker.js"})  # the search page loads the first bundle's only
SCRATCH_ROOM = 512 * 2**20  # free bytes in /dev/shm to write a shard's documents there (a shard is ~15 MB)
_PR_SET_PDEATHSIG = 1  # prctl option: the signal a process gets when its parent dies
WORK_PREFIX = ".sitegen-search-"  # a build's own folder, in the cache (bundles) and in /dev/shm (documents)


@dataclass(frozen=True)
class Shard:
    """One search bundle: its folder name under pagefind/ and its articles."""

    name: str
    articles: tuple[Article, ...]

    @property
    def path(self) -> str:
        """Page path of the bundle folder."""
        return f"pagefind/{self.name}/"

    @cached_property
    def key(self) -> str:
        """A hash of everything the bundle is made of: the producer key (which holds Pagefind's version), the
        name and the articles (each by its slug and the hash of the file its fields are parsed from)."""
        articles = (f"{a.digest}:{a.slug}" if a.digest else repr((a, search_filters(a)))
                    for a in self.articles)
        return digest(producer_key(), self.name, *articles)[:24]


def shards(articles: Sequence[Article], size: int | None = None) -> list[Shard]:
    """The articles (newest first) grouped by consecutive years, undated first, up to about `size` each; a
    bigger year is cut into parts, oldest first (new articles change only the last). Newest shard first."""
    least, most, parts = SHARD_SIZE
    size = size or min(most, max(least, len(articles) // parts))
    by_year: dict[int, list[Article]] = {}
    for article in reversed(articles):
        by_year.setdefault(article.date.year if article.date is not None else 0, []).append(article)
    groups: list[tuple[str, list[int], list[Article]]] = []  # (name of a part, or "", years, articles)
    for year, items in sorted(by_year.items()):
        if len(items) > size:
            groups += [(f"{_name([year])}-teil-{k // size + 1}", [year], items[k:k + size])
                       for k in range(0, len(items), size)]
            continue
        if not groups or groups[-1][0] or len(groups[-1][2]) >= size:
            groups.append(("", [], []))
        groups[-1][1].append(year)
        groups[-1][2].extend(items)
    return [Shard(part or _name(years), tuple(items)) for part, years, items in reversed(groups)]


def _name(years: list[int]) -> str:
    """'2019-2024', '2024', or 'ohne-datum-2003'."""
    first, last = (str(y) if y else "ohne-datum" for y in (years[0], years[-1]))
    return first if first == last else f"{first}-{last}"


def search_filters(article: Article) -> list[tuple[str, str]]:
    """The article's search filters as (filter, value): its year, then its terms by taxonomy."""
    year = str(article.date.year) if article.date is not None else "unbekannt"
    terms = [(t.singular, search_value(name)) for t in TAXONOMIES for name in article.terms(t.key)]
    return [("Jahr", year), *terms]


def install(shard_list: list[Shard], cache: Path, output: OutputFolder, first: str) -> None:
    """Link every shard's cached bundle into the new site's pagefind/<name>/ but the files no page loads; only
    the `first` bundle's script and worker are loaded (they load the others' indexes)."""
    for shard in shard_list:
        cached = cache / shard.key
        os.utime(cached)  # recently used: kept by prune
        for rel, entry in files_below(cached):
            if rel not in UNUSED and (shard.name == first or rel not in LOADERS):
                output.link(entry.path, shard.path + rel)


def prune(cache: Path, keep: int, needed: frozenset[str] = frozenset()) -> None:
    """Keep the `needed` bundles and the `keep` most recently used others (builds may share the cache)."""
    if not cache.is_dir():
        return
    entries = sorted((p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")
                      and p.name not in needed), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    for stale in entries[keep:]:
        shutil.rmtree(stale, ignore_errors=True)


@contextmanager
def indexing(wanted: list[Shard], caches: Path, output: OutputFolder, jobs: int, cache: Cache
             ) -> Iterator[Callable[[], None]]:
    """Index the shards missing from the bundle cache in `caches` in up to `jobs` processes while the block
    runs; the function it is given waits for them (raising an indexing error) and links them into the site."""
    bundles = caches / "pagefind"
    with suppress(OSError):
        bundles.mkdir(parents=True, exist_ok=True)
    if not os.access(bundles, os.W_OK | os.X_OK):
        bundles = output.scratch
    shm = Path("/dev/shm")  # the documents go into memory where there is room: files cost far less there
    for folder in (*abandoned(bundles, WORK_PREFIX), *abandoned(shm, WORK_PREFIX)):
        shutil.rmtree(folder, ignore_errors=True)
    todo = [shard for shard in wanted if not (bundles / shard.key / "pagefind.js").is_file()]
    roomy = False
    with suppress(OSError):  # no /dev/shm, or one that cannot be measured: the bundle folder does
        roomy = bool(todo) and os.access(shm, os.W_OK | os.X_OK) \
            and shutil.disk_usage(shm).free >= SCRATCH_ROOM
    folders = [Path(tempfile.mkdtemp(dir=folder, prefix=f"{WORK_PREFIX}{os.getpid()}-"))
               for folder in (bundles, shm if roomy else bundles)] if todo else []
    cache.close()  # each indexing process opens its own connection
    # oldest shard first: the renderer starts with the newest articles, so each side finds the other's
    # body HTML in the cache for most articles instead of converting every body twice
    work = [(shard, bundles, *folders, cache, i if len(todo) > 1 else None)
            for i, shard in enumerate(reversed(todo))]
    first, made = wanted[0].name if wanted else "", {shard.key for shard in todo}
    try:  # the cached bundles are linked in a thread of their own while the pages are planned and rendered
        with fork_map(index_shard, work, jobs, parallel_from=1, ordered=False) as results, \
                ThreadPoolExecutor(1) as linker:
            cached = linker.submit(install, [s for s in wanted if s.key not in made], bundles, output, first)

            def finish() -> None:
                list(results)  # every shard indexed, or its error raised
                install(todo, bundles, output, first)
                cached.result()
                prune(bundles, KEEP_CACHED, frozenset(shard.key for shard in wanted))
            yield finish
    finally:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


def index_shard(job: tuple[Shard, Path, Path, Path, Cache, int | None]) -> None:
    """Write a shard's search documents under `scratch` (bodies from the cache where they are), index them
    into `made` (on one `core` when given), and store the bundle under its key in `bundles`."""
    shard, bundles, made, scratch, cache, core = job
    root = scratch / shard.name
    bodies = bodies_html([article.body for article in shard.articles], cache)
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


def search_document(article: Article, body: str) -> str:
    """The HTML Pagefind indexes for one article: title, caption, body HTML, filters, and the date and section
    each result shows."""
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
            f"<h1>{esc(article.title)}</h1>\n{caption}{body}\n"
            f"<div data-pagefind-ignore>{filters}</div>\n</main>\n</body>\n</html>\n")


def run_pagefind(root: Path, bundle: Path, core: int | None = None) -> None:
    """Pagefind over the documents under `root`, German, into `bundle`: the binary that PyPI's pagefind[bin]
    ships (found by its Python package, no Node), run directly."""
    from pagefind.service import get_executable  # pagefind[bin] is a dependency; imported where it is used

    binary = get_executable()
    if binary is None:
        raise SitegenError("Pagefinds Programm fehlt", path=root, fix="pip install 'pagefind[bin]'")
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    libc = ctypes.CDLL(None) if sys.platform == "linux" else None

    def setup() -> None:
        """Pagefind dies with the worker that started it (a failed build ends its workers), and keeps to one
        `core` when given (its threads spin on the folder's lock across cores)."""
        if libc is not None:
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if core is not None and cores:
            os.sched_setaffinity(0, {cores[core % len(cores)]})
    command = [binary, "--site", root, "--output-path", bundle, "--force-language", "de", "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, errors="replace", preexec_fn=setup)
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["keine Meldung"]
        raise SitegenError(f"Pagefind ist gescheitert: {last[0]}", path=root,
                           fix="'pagefind[bin]' neu installieren")
