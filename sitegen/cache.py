"""On-disk caches of pure work, keyed by content hash: parsed articles, markdown HTML, rendered pages.

A cache that is missing, corrupt or from another sitegen version is ignored: it can cost speed, never correctness."""
from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import threading
from pathlib import Path

from sitegen import __version__

FORMAT = f"sitegen-{__version__}-1"


def digest(*parts: bytes | str) -> str:
    """A 32-hex-digit content hash of the parts."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\x00")
    return h.hexdigest()


def load_pickle(path: Path) -> dict:
    """A dict saved by save_pickle, or {} when absent, unreadable or of another format."""
    try:
        with open(path, "rb") as handle:
            stamp, data = pickle.load(handle)
    except Exception:  # noqa: BLE001 - any damage means: start without the cache
        return {}
    return data if stamp == FORMAT and isinstance(data, dict) else {}


def save_pickle(path: Path, data: dict) -> None:
    """Save a dict atomically (temporary file, then one rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.tmp")
    with open(tmp, "wb") as handle:
        pickle.dump((FORMAT, data), handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


class TextCache:
    """A key -> text store in SQLite (markdown HTML by hash of the markdown); safe to open in worker processes."""

    def __init__(self, path: Path | None):
        self.path = path
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        """The connection, opened lazily (after a fork); None when the cache cannot be used."""
        if self._db is None and self.path is not None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, timeout=30)
                self._db.execute("PRAGMA journal_mode=WAL")  # worker processes write side by side
                self._db.execute("CREATE TABLE IF NOT EXISTS text (key TEXT PRIMARY KEY, value TEXT)")
            except sqlite3.Error:
                self.path = None
                self._db = None
        return self._db

    def get(self, key: str) -> str | None:
        """The stored text, or None."""
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM text WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def put_many(self, items: list[tuple[str, str]]) -> None:
        """Store many entries in one transaction; failures only cost speed."""
        db = self._connect()
        if db is None or not items:
            return
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO text VALUES (?, ?)", items)
        except sqlite3.Error:
            pass

    def close(self) -> None:
        """Close the connection (before a fork, so children open their own)."""
        if self._db is not None:
            self._db.close()
            self._db = None
