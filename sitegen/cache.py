"""What can change the output (the producer key, part of every cache key), and one archive's cache of pure
work: SQLite tables of text, no pickle. A missing, damaged or read-only cache costs speed, never a build."""
from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import suppress
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Callable, Iterable

from sitegen import __version__
from sitegen.workers import files_below

PACKAGE = Path(__file__).resolve().parent
DEFAULT_TEMPLATES = PACKAGE / "default_templates"
DEPENDENCIES = ("markdown", "nh3", "Jinja2", "Babel", "pagefind")  # their versions are part of every key
OWN_DATA = ("data/", "default_templates/")  # besides its modules, what of sitegen's own files shapes a page
FILE_NAME = "cache-1.sqlite"
TABLES = ("front_matter", "body_html", "entities")


def digest(*parts: bytes | str) -> str:
    """A 32-hex-digit content hash of the parts."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\x00")
    return h.hexdigest()


@lru_cache(maxsize=1)
def producer_key() -> str:
    """A hash of what makes the output besides the archive: sitegen's version, its modules, data and default
    templates, and the versions of markdown, nh3, Jinja2, Babel and Pagefind."""
    own = tree_bytes(PACKAGE, lambda rel: rel.endswith(".py") or rel.startswith(OWN_DATA))
    return digest(__version__, *(package_version(name) for name in DEPENDENCIES), *own)


def tree_bytes(folder: Path, keep: Callable[[str], bool] = lambda rel: True) -> list[bytes]:
    """Every (kept) file below `folder` as its relative path and bytes, in a fixed order."""
    found = sorted((rel, entry.path) for rel, entry in files_below(folder, follow=True)
                   if keep(rel) and entry.is_file())
    return [rel.encode() + b"\0" + Path(path).read_bytes() for rel, path in found]


def package_version(name: str) -> str:
    """The installed version of a distribution, or '-'."""
    try:
        return f"{name}={version(name)}"
    except PackageNotFoundError:
        return f"{name}=-"


def user_cache_home() -> Path:
    """$XDG_CACHE_HOME, else ~/.cache."""
    configured = os.environ.get("XDG_CACHE_HOME", "")
    return Path(configured) if os.path.isabs(configured) else Path.home() / ".cache"


class Cache:
    """One archive's cache file: tables of text by key, opened lazily; with no path, a cache of nothing."""

    def __init__(self, path: Path | None):
        self.path = path
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        """The connection; a damaged file is replaced once; None (the cache is off) when it cannot be used."""
        for attempt in range(2):
            if self._db is not None or self.path is None:
                break
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, timeout=30)
                self._db.execute("PRAGMA journal_mode=WAL")  # worker processes write side by side
                self._db.execute("PRAGMA synchronous=NORMAL")  # a cache need not survive a power cut
                for table in TABLES:
                    self._db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value TEXT)")
            except (sqlite3.Error, OSError) as exc:
                self.close()
                if not attempt and isinstance(exc, sqlite3.DatabaseError) and self.path.is_file():
                    with suppress(OSError):  # delete the damaged file and its journals, then try again
                        for suffix in ("", "-wal", "-shm"):
                            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
                        continue
                self.path = None
        return self._db

    def get_many(self, table: str, keys: Iterable[str] | None = None) -> dict[str, str]:
        """The stored texts of `keys` (of every key when None); what is not text is left out."""
        db = self._connect()
        if db is None:
            return {}
        query = f"SELECT key, value FROM {table}"
        try:
            rows = (db.execute(query).fetchall() if keys is None
                    else [row for key in keys for row in db.execute(f"{query} WHERE key = ?", (key,))])
        except sqlite3.Error:
            return {}
        return {key: value for key, value in rows if isinstance(value, str)}

    def put_many(self, table: str, items: dict[str, str], only: bool = False) -> None:
        """Store the items in one transaction (with `only`, drop every other entry of the table first)."""
        db = self._connect()
        if db is None or not (items or only):
            return
        with suppress(sqlite3.Error), db:
            if only:
                db.execute(f"DELETE FROM {table}")
            db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", list(items.items()))

    def close(self) -> None:
        """Close the connection (before a fork, so that each process opens its own)."""
        if self._db is not None:
            self._db.close()
            self._db = None

