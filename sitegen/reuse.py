"""Which pages of the live site are unchanged, the one place deciding reuse: by a page's key (a hash of
its template, context and all that makes the output), or while the outline stays, by its articles' files."""
from __future__ import annotations

import copyreg
import gzip
import io
import json
import os
import pickle
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, NamedTuple, Sequence

from sitegen.cache import digest, producer_key, tree_bytes
from sitegen.config import Config
from sitegen.model import Article, Site, outline
from sitegen.pages import Page

RECORDS = ".sitegen-pages.json.gz"  # in the output folder, beside its files; deploy leaves it out


class PageRecord(NamedTuple):
    """One written page: its key, its file's size and time, and the positions of the articles its context
    held (None: not known); stored as a JSON list."""

    key: str
    size: int
    mtime_ns: int
    shows: Sequence[int] | None


@dataclass(frozen=True)
class BuildRecord:
    """A build's key, the site's outline, each article's file hash (in site order), a record per page."""

    build: str = ""
    outline: str = ""
    articles: tuple[str, ...] = ()
    pages: Mapping[str, PageRecord] = field(default_factory=dict)

    @classmethod
    def read(cls, folder: Path) -> "BuildRecord":
        """The record in an output folder; an empty one when it is missing or damaged (that costs speed)."""
        try:
            data = json.loads(gzip.decompress((folder / RECORDS).read_bytes()))
            pages = {rel: PageRecord(*row) for rel, row in data["pages"].items()}
            return cls(data["build"], data["outline"], tuple(data["articles"]), pages)
        except (OSError, ValueError, TypeError, KeyError, EOFError, zlib.error):
            return cls()

    def write(self, folder: Path) -> None:
        """Save the record into the output folder."""
        (folder / RECORDS).write_bytes(gzip.compress(json.dumps(vars(self)).encode(), 6, mtime=0))


class Reuse:
    """For one build of `site`: which pages are unchanged since the last one, in the output folder `live`."""

    def __init__(self, config: Config, site: Site, live: Path):
        self.last, self.live, articles = BuildRecord.read(live), f"{live}/", site.articles
        # what changes every page: producer key, configuration, the project's templates, fixed build time
        build = digest(producer_key(), repr(config), os.environ.get("SOURCE_DATE_EPOCH", ""),
                       *tree_bytes(config.templates))
        # the site as other pages show it: every article but its body, and the entity registry
        registry = config.registry_file.read_bytes() if config.registry_file.is_file() else b""
        shown = digest(registry, *(repr(outline(article)) for article in articles))
        self.now = BuildRecord(build, shown, tuple(a.digest for a in articles))
        self.slots = {article.slug: i for i, article in enumerate(articles)}
        self.changed = None  # the positions of the articles whose files changed, while the outline stayed
        if (self.last.build, self.last.outline, len(self.last.articles)) == (build, shown, len(articles)):
            pairs = enumerate(zip(self.last.articles, self.now.articles))
            self.changed = {i for i, (a, b) in pairs if a != b or not a}

    def unchanged(self, rel: str, key: str | None = None) -> PageRecord | None:
        """The record of file `rel` when its page is unchanged (by the quick test, or by its `key` when given)
        and its live file is still the one the record describes."""
        record = self.last.pages.get(rel)
        if record is None or (record.key != key if key is not None else record.shows is None
                              or self.changed is None or self.changed.intersection(record.shows)):
            return None
        try:
            stat = os.stat(self.live + rel)
        except OSError:
            return None
        return record if (stat.st_size, stat.st_mtime_ns) == (record.size, record.mtime_ns) else None

    def key(self, page: Page) -> tuple[str | None, tuple[int, ...] | None]:
        """The key of a page whose context is gathered (None when its context cannot be pickled), and the
        positions of the articles it holds (None when one is not the site's)."""
        buffer, shown = io.BytesIO(), []
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = {**copyreg.dispatch_table, Article: lambda a: self._as_digest(a, shown)}
        try:
            pickler.dump((page.path, page.template, page.context))
        except (pickle.PicklingError, TypeError, AttributeError):
            return None, None
        key = digest(self.now.build, buffer.getvalue(), page.markdown or "")
        return key, tuple(sorted(set(shown))) if -1 not in shown else None

    def _as_digest(self, article: Article, shown: list[int]) -> tuple:
        """Pickle an Article as the hash of its file and its slug (which other files can change), noting its
        position (-1: not one of the site's)."""
        shown.append(self.slots.get(article.slug, -1) if article.digest else -1)
        return (str, (f"{article.digest}:{article.slug}" if article.digest else repr(article),))
