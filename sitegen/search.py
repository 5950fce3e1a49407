"""Full-text search: the plan of search bundles (shards), their cache keys, and installing them in the output.

The articles are split into shards of whole consecutive years (grouped from the oldest year until a shard
holds about a twentieth of the archive, see SHARD_SIZE, so new articles only change the newest shard and an
edit re-indexes a twentieth); each shard is one Pagefind bundle under
pagefind/<name>/, and the search page merges them. A shard's key is a hash of what its search documents are
made of (search_index.py), so it is known before anything is rendered: an unchanged shard comes from the cache
(Pagefind's file names differ from run to run; the cached bundle keeps the output byte-identical), a changed
one is indexed by a render worker while the others render pages."""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Sequence

from sitegen.cache import digest
from sitegen.model import TAXONOMIES, Article

BUNDLE = "pagefind"
SHARD_SIZE = (500, 2000, 20)  # articles per shard: at least, at most, and about 1/20 of the archive between
KEEP_CACHED = 16
STALE_SECONDS = 3600  # a staging folder this old was left by a killed build
SEARCH_FORMAT = "search-documents-2"  # change when search_index.search_document changes
UI_FILES: tuple[str, ...] = ()  # installed once, in pagefind/ (none: the search page has a UI of its own)
UNUSED = frozenset({"pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-highlight.js",
                    "pagefind-modular-ui.css", "pagefind-modular-ui.js", "wasm.unknown.pagefind",
                    "pagefind-ui.js", "pagefind-ui.css", *UI_FILES})


@dataclass(frozen=True)
class Shard:
    """One search bundle: its folder name under pagefind/, its articles and its cache key."""

    name: str
    articles: tuple[Article, ...]
    key: str = ""

    @property
    def path(self) -> str:
        """Page path of the bundle folder."""
        return f"{BUNDLE}/{self.name}/"


def shards(articles: Sequence[Article], size: int | None = None) -> list[Shard]:
    """The articles (newest first, as the site orders them) in consecutive years, oldest first (undated ones
    before them), grouped up to about `size` articles; a year with more is cut into parts of `size`, oldest
    first (new articles change only the last). Newest shard first, without keys (keyed() adds them)."""
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


def keyed(shard_list: list[Shard]) -> list[Shard]:
    """The shards with their cache keys."""
    return [Shard(s.name, s.articles, shard_key(s)) for s in shard_list]


def _name(years: list[int]) -> str:
    """'2019-2024', '2024', or 'ohne-datum-2003'."""
    first, last = (str(y) if y else "ohne-datum" for y in (years[0], years[-1]))
    return first if first == last else f"{first}-{last}"


def search_filters(article: Article) -> list[tuple[str, str]]:
    """The article's search filters as (filter, value): its year, then its terms by taxonomy."""
    year = str(article.date.year) if article.date is not None else "unbekannt"
    return [("Jahr", year)] + [(t.singular, name) for t in TAXONOMIES for name in article.terms(t.key)]


def shard_key(shard: Shard) -> str:
    """A hash of everything the shard's search documents are made of, and of Pagefind's version. An article
    read from a file counts by its digest (of the file's path and bytes, which its fields are parsed from)."""
    from sitegen import __version__
    from sitegen.markup import MARKDOWN_VERSION

    parts = [SEARCH_FORMAT, __version__, MARKDOWN_VERSION, _pagefind_version(), shard.name]
    for article in shard.articles:
        parts.append(article.digest or repr((article, search_filters(article))))
    return digest(*parts)[:24]


def missing(shard_list: list[Shard], cache: Path) -> list[Shard]:
    """The shards whose bundle is not in the cache."""
    return [shard for shard in shard_list if not (cache / shard.key / "pagefind.js").is_file()]


def install(shard_list: list[Shard], cache: Path, stage, ready_only: bool = False) -> None:
    """Link every shard's cached bundle into the stage's pagefind/<name>/ (without the files no page loads),
    and Pagefind's UI once into pagefind/; a bundle already there from the same cache entry stays, others go.
    With `ready_only`, link just the bundles already in the cache (while the others are indexed), and remove
    nothing. `stage` is an output.Stage."""
    from sitegen.output import replace_with_link

    root = stage.folder / BUNDLE
    wanted = {shard.name for shard in shard_list} | set(UI_FILES)
    if root.is_dir() and not ready_only:
        for stale in (p for p in root.iterdir() if p.name not in wanted):
            stage.drop(f"{BUNDLE}/{stale.name}")
    for shard in shard_list:
        cached = cache / shard.key
        if ready_only and not (cached / "pagefind.js").is_file():
            continue
        os.utime(cached)
        installed = (at / shard.path / "pagefind.js" for at in (stage.folder, stage.writes))
        if any(_same_file(js, cached / "pagefind.js") for js in installed):
            continue  # there already, or installed by the ready_only pass
        shutil.copytree(cached, stage.new_folder(shard.path.rstrip("/")), copy_function=link,
                        ignore=lambda folder, names: [n for n in names if n in UNUSED])
    if ready_only:
        return
    for name in UI_FILES if shard_list else ():
        if not _same_file(root / name, cache / shard_list[0].key / name):
            (stage.writes / BUNDLE).mkdir(parents=True, exist_ok=True)
            replace_with_link(cache / shard_list[0].key / name, stage.writes / BUNDLE / name)


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths are one file (a hard link from the cache)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def link(source, target) -> None:
    """Hard-link a file, or copy it where links are not possible (the cache and output never change a file)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def store(bundle: Path, cache: Path, key: str) -> None:
    """Move a fresh bundle into the cache under its key."""
    cache.mkdir(parents=True, exist_ok=True)
    staging = cache / f".{key}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.move(str(bundle), staging)
    try:
        staging.rename(cache / key)
    except OSError:  # another build stored the same bundle first
        shutil.rmtree(staging, ignore_errors=True)


def prune(cache: Path, keep: int, needed: frozenset[str] = frozenset()) -> None:
    """Keep the `needed` bundles and the `keep` most recently used others (other builds may share the cache),
    drop the rest."""
    if not cache.is_dir():
        return
    entries = sorted((p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")
                      and p.name not in needed), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    leftovers = [*cache.glob(".*.tmp"), *cache.glob(".search-*")]  # of killed builds, once they are old
    abandoned = [p for p in leftovers if time.time() - p.stat().st_mtime > STALE_SECONDS]
    for stale in entries[keep:] + abandoned:
        shutil.rmtree(stale, ignore_errors=True)


def _pagefind_version() -> str:
    """The installed Pagefind's version (part of the cache key)."""
    try:
        return version("pagefind")
    except PackageNotFoundError:
        return "unknown"
