"""Full-text search: the plan of search bundles (shards), their cache keys, and installing them in the output.

The articles are split into shards of whole consecutive years, each about a twentieth of the archive (so an
edit re-indexes a twentieth), one Pagefind bundle each under pagefind/<name>/; the search page merges them. A
shard's key is known before anything is rendered: an unchanged shard comes from the cache (which keeps the
output byte-identical), a changed one is indexed while the pages render (search_index.Indexing)."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from sitegen.cache import digest, producer_key
from sitegen.model import TAXONOMIES, Article
from sitegen.walk import files_below

if TYPE_CHECKING:  # the new site's folder is the write stage's: the bundles are only linked into it
    from sitegen.output import OutputFolder

BUNDLE = "pagefind"
SHARD_SIZE = (500, 2000, 20)  # articles per shard: at least, at most, and about 1/20 of the archive between
KEEP_CACHED = 16
UNUSED = frozenset({"pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-highlight.js",
                    "pagefind-modular-ui.css", "pagefind-modular-ui.js", "wasm.unknown.pagefind",
                    "pagefind-ui.js", "pagefind-ui.css"})  # the search page has a UI of its own


@dataclass(frozen=True)
class Shard:
    """One search bundle: its folder name under pagefind/ and its articles."""

    name: str
    articles: tuple[Article, ...]

    @property
    def path(self) -> str:
        """Page path of the bundle folder."""
        return f"{BUNDLE}/{self.name}/"

    @cached_property
    def key(self) -> str:
        """A hash of everything the bundle is made of: the producer key (which holds Pagefind's version), the
        name and the articles (each by the hash of its file, which its fields are parsed from)."""
        parts = [producer_key(), self.name]
        for article in self.articles:
            parts.append(article.digest or repr((article, search_filters(article))))
        return digest(*parts)[:24]


def shards(articles: Sequence[Article], size: int | None = None) -> list[Shard]:
    """The articles (newest first, as the site orders them) in consecutive years, oldest first (undated ones
    before them), grouped up to about `size` articles; a year with more is cut into parts of `size`, oldest
    first (new articles change only the last). Newest shard first."""
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
    return [("Jahr", year)] + [(t.singular, name) for t in TAXONOMIES for name in article.terms(t.key)]


def missing(shard_list: list[Shard], cache: Path) -> list[Shard]:
    """The shards whose bundle is not in the cache."""
    return [shard for shard in shard_list if not (cache / shard.key / "pagefind.js").is_file()]


def install(shard_list: list[Shard], cache: Path, output: OutputFolder) -> None:
    """Link every shard's cached bundle into the new site's pagefind/<name>/, without the files no page
    loads."""
    for shard in shard_list:
        cached = cache / shard.key
        os.utime(cached)  # recently used: kept by prune
        for rel, entry in files_below(cached):
            if rel not in UNUSED:
                output.link(entry.path, shard.path + rel)


def prune(cache: Path, keep: int, needed: frozenset[str] = frozenset()) -> None:
    """Keep the `needed` bundles and the `keep` most recently used others (other builds may share the cache),
    drop the rest."""
    if not cache.is_dir():
        return
    entries = sorted((p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")
                      and p.name not in needed), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    for stale in entries[keep:]:
        shutil.rmtree(stale, ignore_errors=True)
