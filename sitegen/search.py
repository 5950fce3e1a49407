"""Full-text search: index the fresh output folder with Pagefind (Python API, no Node) before it is swapped in.

Pagefind's bundle file names differ from run to run when filters are used, so the bundle is cached by a hash
of what it indexes: an unchanged archive gets the byte-identical bundle back (and the indexing time saved)."""
from __future__ import annotations

import asyncio
import hashlib
import shutil
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Callable

from sitegen.errors import SitegenError

BUNDLE = "pagefind"
MARK = b"data-pagefind-body"
KEEP_CACHED = 2


def finalizer(cache: Path) -> Callable[[Path], None]:
    """The `finalize` step for write_site: add the search bundle to the fresh folder."""
    return lambda folder: add_search_index(folder, cache / BUNDLE)


def add_search_index(folder: Path, cache: Path) -> None:
    """Write folder/pagefind/, from the cache when the indexed pages are unchanged."""
    key = inputs_key(folder)
    cached = cache / key
    if not cached.is_dir():
        run_pagefind(folder)
        _store(folder / BUNDLE, cache, key)
    else:
        shutil.copytree(cached, folder / BUNDLE)


def inputs_key(folder: Path) -> str:
    """A hash of every page Pagefind reads (those marked data-pagefind-body) and of its version."""
    digest = hashlib.sha256(_pagefind_version().encode())
    for path in sorted(folder.rglob("*.html")):
        data = path.read_bytes()
        if MARK in data:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:24]


def run_pagefind(folder: Path) -> None:
    """Index `folder` as German and write the bundle to folder/pagefind/."""
    try:
        from pagefind.index import IndexConfig, PagefindIndex
    except ImportError:
        raise SitegenError("cannot import pagefind", path=folder, fix="pip install 'pagefind[bin]'") from None

    async def index() -> None:
        config = IndexConfig(force_language="de", output_path=str(folder / BUNDLE))
        async with PagefindIndex(config) as pagefind:
            await pagefind.add_directory(str(folder))

    with ThreadPoolExecutor(max_workers=1) as pool:  # a loop of its own, even when called from one (serve)
        pool.submit(lambda: asyncio.run(index())).result()
    if not (folder / BUNDLE / "pagefind.js").is_file():
        raise SitegenError("Pagefind wrote no search bundle", path=folder / BUNDLE,
                           fix="check that article pages carry data-pagefind-body")


def _store(bundle: Path, cache: Path, key: str) -> None:
    """Keep a copy of the bundle under cache/key; drop all but the newest KEEP_CACHED copies."""
    cache.mkdir(parents=True, exist_ok=True)
    staging = cache / f".{key}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(bundle, staging)
    try:
        staging.rename(cache / key)
    except OSError:  # another build stored the same bundle first
        shutil.rmtree(staging, ignore_errors=True)
    older = sorted((p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in older[KEEP_CACHED:]:
        shutil.rmtree(stale, ignore_errors=True)


def _pagefind_version() -> str:
    """The installed Pagefind's version (part of the cache key)."""
    try:
        return version("pagefind")
    except PackageNotFoundError:
        return "unknown"
