"""Full-text search: Pagefind (Python API, no Node) indexes the fresh output folder before it is swapped in.

The articles are split into shards of consecutive years (at most SHARD_SIZE articles each, grouped from the
oldest year, so new articles only change the newest shard); each shard is one Pagefind bundle under
pagefind/<name>/, and the search page merges them. Shards keep Pagefind's memory bounded, index in parallel
(one Pagefind process per core), and are cached by a hash of their pages: Pagefind's file names differ from
run to run, so an unchanged shard is copied back byte-identical instead of being indexed again."""
from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.model import Site
from sitegen.urls import article_path, output_file

BUNDLE = "pagefind"
SHARD_SIZE = 1000
KEEP_CACHED = 16
STALE_SECONDS = 3600  # a staging folder this old was left by a killed build


@dataclass(frozen=True)
class Shard:
    """One search bundle: its folder name under pagefind/ and the output files of its articles."""

    name: str
    files: tuple[str, ...]

    @property
    def path(self) -> str:
        """Page path of the bundle folder."""
        return f"{BUNDLE}/{self.name}/"


def shards(site: Site, size: int = SHARD_SIZE) -> list[Shard]:
    """Consecutive years, oldest first (undated articles before them), grouped up to `size` articles."""
    by_year: dict[int, list[str]] = {}
    for article in reversed(site.articles):
        year = article.date.year if article.date is not None else 0
        by_year.setdefault(year, []).append(output_file(article_path(article.slug)))
    groups: list[tuple[list[int], list[str]]] = []
    for year in sorted(by_year):
        if not groups or len(groups[-1][1]) >= size:
            groups.append(([], []))
        groups[-1][0].append(year)
        groups[-1][1].extend(by_year[year])
    return [Shard(_name(years), tuple(files)) for years, files in reversed(groups)]


def _name(years: list[int]) -> str:
    """'2019-2024', '2024', or 'ohne-datum-2003'."""
    first, last = (str(y) if y else "ohne-datum" for y in (years[0], years[-1]))
    return first if first == last else f"{first}-{last}"


def add_search_index(fresh: Path, site: Site, cache: Path) -> None:
    """Write every shard's bundle into fresh/pagefind/, from the cache where its pages are unchanged."""
    keys = {shard: shard_key(fresh, shard) for shard in shards(site)}
    todo = [shard for shard, key in keys.items() if not _restore(cache / key, fresh / shard.path)]
    if todo:
        # inside fresh: a killed build's leftovers go with it
        with tempfile.TemporaryDirectory(dir=fresh, prefix=".pagefind-") as work:
            run_pagefind(fresh, todo, Path(work))
            for shard in todo:
                bundle = Path(work) / shard.name / BUNDLE
                _store(bundle, cache, keys[shard])
                shutil.copytree(bundle, fresh / shard.path, copy_function=_link)
    _prune(cache, KEEP_CACHED + len(keys))


def _restore(cached: Path, target: Path) -> bool:
    """Copy a cached bundle to `target`; False when it is not (or no longer) in the cache."""
    try:
        shutil.copytree(cached, target, copy_function=_link)
        os.utime(cached)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        return False
    return True


def shard_key(fresh: Path, shard: Shard) -> str:
    """A hash of the shard's name, its pages' bytes and Pagefind's version."""
    digest = hashlib.sha256(f"{_pagefind_version()}\0{shard.name}\0".encode())
    for rel in shard.files:
        digest.update(rel.encode() + b"\0" + (fresh / rel).read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def run_pagefind(fresh: Path, todo: list[Shard], work: Path) -> None:
    """Index each shard (its pages hard-linked into work/<name>/) as German, one Pagefind process per core."""
    try:
        from pagefind.index import IndexConfig, PagefindIndex
    except ImportError:
        raise SitegenError("cannot import pagefind", path=fresh, fix="pip install 'pagefind[bin]'") from None
    for shard in todo:
        for rel in shard.files:
            target = work / shard.name / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            _link(fresh / rel, target)
    limit = asyncio.Semaphore(max(1, os.cpu_count() or 1))

    async def index(shard: Shard) -> None:
        async with limit:
            root = work / shard.name
            async with PagefindIndex(IndexConfig(force_language="de", output_path=str(root / BUNDLE))) as pf:
                await pf.add_directory(str(root))

    async def index_all() -> None:
        await asyncio.gather(*(index(shard) for shard in todo))

    _run_in_thread(index_all)
    for shard in todo:
        if not (work / shard.name / BUNDLE / "pagefind.js").is_file():
            raise SitegenError("Pagefind wrote no search bundle", path=shard.path,
                               fix="check that article pages carry data-pagefind-body")


def _run_in_thread(coroutine_function) -> None:
    """asyncio.run in a thread of its own, so a build called from an event loop (serve) can index too."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(lambda: asyncio.run(coroutine_function())).result()


def _link(source, target) -> None:
    """Hard-link a file, or copy it where links are not possible (the cache and output never change a file)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _store(bundle: Path, cache: Path, key: str) -> None:
    """Move a fresh bundle into the cache under its key."""
    cache.mkdir(parents=True, exist_ok=True)
    staging = cache / f".{key}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(bundle, staging)
    try:
        staging.rename(cache / key)
    except OSError:  # another build stored the same bundle first
        shutil.rmtree(staging, ignore_errors=True)


def _prune(cache: Path, keep: int) -> None:
    """Keep the `keep` most recently used cached bundles (other builds may share the cache), drop the rest."""
    if not cache.is_dir():
        return
    entries = sorted((p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    abandoned = [p for p in cache.glob(".*.tmp") if time.time() - p.stat().st_mtime > STALE_SECONDS]
    for stale in entries[keep:] + abandoned:
        shutil.rmtree(stale, ignore_errors=True)


def _pagefind_version() -> str:
    """The installed Pagefind's version (part of the cache key)."""
    try:
        return version("pagefind")
    except PackageNotFoundError:
        return "unknown"
