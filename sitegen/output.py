"""The output folder: which live pages are unchanged (the one place deciding reuse: by a page's key, or while
the outline stays, by its articles' files); the new site, made beside the live one, swapped in by a rename."""
from __future__ import annotations

import copyreg
import ctypes
import errno
import gzip
import io
import json
import os
import pickle
import shutil
import tempfile
import threading
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping

from sitegen.cache import digest, producer_key, tree_bytes
from sitegen.config import Config
from sitegen.errors import SitegenError
from sitegen.model import Article, Site, outline
from sitegen.pages import Page
from sitegen.workers import abandoned

MARKER = ".sitegen-build"  # in every complete build; deploy leaves it out
RECORDS = ".sitegen-pages.json.gz"  # in the output folder, beside its files; deploy leaves it out
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@dataclass(frozen=True)
class PageRecord:
    """One written page: its key, its file's size and time, and the positions of the articles its context
    held (None: not known)."""

    key: str
    size: int
    mtime_ns: int
    shows: tuple[int, ...] | None


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
            pages = {rel: PageRecord(key, size, mtime, None if shows is None else tuple(shows))
                     for rel, (key, size, mtime, shows) in data["pages"].items()}
            return cls(data["build"], data["outline"], tuple(data["articles"]), pages)
        except (OSError, ValueError, TypeError, KeyError, EOFError, zlib.error):
            return cls()

    def write(self, folder: Path) -> None:
        """Save the record into the output folder."""
        data = {**vars(self), "pages": {rel: list(vars(r).values()) for rel, r in self.pages.items()}}
        (folder / RECORDS).write_bytes(gzip.compress(json.dumps(data).encode(), 6, mtime=0))


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


class OutputFolder:
    """The new output folder a build fills beside the live one, `live`; paths are relative, with '/'."""

    def __init__(self, folder: Path, live: Path, scratch: Path):
        self.folder, self.live, self.scratch = folder, live, scratch  # scratch: room for work, deleted after
        self._new, self._old = f"{folder}/", f"{live}/"  # strings: pathlib costs 30 us a page
        self._made = {str(folder)}  # folders known to exist (each process keeps its own)

    def _target(self, rel: str) -> str:
        """The new file's path, its folder made; a path that could land outside the folder is refused."""
        parts = rel.split("/")
        if not rel or rel[0] == "/" or "\\" in rel or "\x00" in rel or ".." in parts or "" in parts[:-1]:
            raise SitegenError(f"würde außerhalb des Ausgabeverzeichnisses schreiben: {rel!r}", path=rel,
                               fix="die Entität oder den Artikel umbenennen, deren Name diesen Pfad ergibt")
        target = self._new + rel
        folder = os.path.dirname(target)
        if folder not in self._made:
            try:
                os.mkdir(folder)  # its parent exists for all but the first page of a folder: one call
            except FileExistsError:
                pass
            except FileNotFoundError:
                os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        return target

    def write(self, rel: str, data: bytes) -> os.stat_result:
        """A new file with these bytes; its status (size and time go into the build's records)."""
        with open(self._target(rel), "xb") as handle:
            handle.write(data)
            handle.flush()
            return os.fstat(handle.fileno())

    def keep(self, rel: str) -> None:
        """Take the live site's file unchanged."""
        self.link(self._old + rel, rel)

    def link(self, source: str | Path, rel: str) -> None:
        """The file `source` as `rel`: a hard link; a copy across file systems or where links are refused."""
        target = self._target(rel)
        try:
            os.link(source, target)
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
                raise
            shutil.copy2(source, target)


def check_out(out: Path) -> Path:
    """The absolute output folder; a path sitegen must never replace is refused before anything is written."""
    out = Path(out).resolve()
    fix = "ein leeres oder neues --out-Verzeichnis wählen"
    if out.parent == out or out == Path.home().resolve():
        raise SitegenError("kann nicht das Ausgabeverzeichnis sein", path=out, fix=fix)
    if out.exists() and not out.is_dir():
        raise SitegenError("ist kein Verzeichnis", path=out, fix=fix)
    if out.is_dir() and not (out / MARKER).exists() and any(out.iterdir()):
        raise SitegenError("ist nicht leer und wurde nicht von sitegen geschrieben", path=out,
                           fix=f"{fix}, oder dieses Verzeichnis selbst löschen")
    return out


@contextmanager
def writing(out: Path) -> Iterator[OutputFolder]:
    """An OutputFolder beside `out`, swapped in when the block succeeds and deleted when it fails."""
    out = check_out(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    _delete_soon([f for kind in ("new", "old") for f in abandoned(out.parent, f".{out.name}.{kind}-")])
    folder, scratch = (Path(tempfile.mkdtemp(prefix=f".{out.name}.new-{os.getpid()}-", dir=out.parent))
                       for _ in range(2))
    try:
        yield OutputFolder(folder, out, scratch)
        (folder / MARKER).write_bytes(b"ok\n")
        folder.chmod(0o755)
        swap_in(folder, out)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def swap_in(fresh: Path, out: Path) -> None:
    """Make `fresh` the new `out` in one rename (renameat2's exchange); the old site is deleted meanwhile."""
    if not out.exists():
        os.rename(fresh, out)
        return
    old = out.with_name(f".{out.name}.old-{fresh.name.split('.new-', 1)[1]}")
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None) if os.name == "posix" else None
    if renameat2 and not renameat2(_AT_FDCWD, os.fsencode(fresh), _AT_FDCWD, os.fsencode(out),
                                   _RENAME_EXCHANGE):
        os.rename(fresh, old)
    else:  # no atomic exchange: for a moment there is no site
        os.rename(out, old)
        os.rename(fresh, out)
    _delete_soon([old])


def _delete_soon(folders: list[Path]) -> None:
    """Delete folders in a background thread (after a kill, the next build finishes the job)."""
    if folders:
        threading.Thread(target=lambda: [shutil.rmtree(f, ignore_errors=True) for f in folders],
                         daemon=True).start()

