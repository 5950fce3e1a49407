"""Walking a folder tree with os.scandir: several times cheaper than Path.rglob or os.walk."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator


def files_below(folder: Path | str,
                enter: Callable[[str], bool] = lambda rel: True) -> Iterator[tuple[str, os.DirEntry]]:
    """Every non-folder entry below `folder` as (its relative path with '/', the entry), in folders `enter`
    accepts; like Path.rglob, links to folders are not followed and unreadable folders are skipped."""
    pending = [(os.fspath(folder), "")]
    while pending:
        path, prefix = pending.pop()
        try:
            with os.scandir(path) as listing:
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            rel = prefix + entry.name
            if not entry.is_dir(follow_symlinks=False):
                yield rel, entry
            elif enter(rel):
                pending.append((entry.path, rel + "/"))
