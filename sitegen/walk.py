"""Walking a folder tree with os.scandir: several times cheaper than Path.rglob or os.walk for 20,000 files,
which the build, the dev server (before every request) and the output survey all walk."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator


def files_below(folder: Path | str,
                enter: Callable[[str], bool] = lambda rel: True) -> Iterator[tuple[str, os.DirEntry]]:
    """Every entry below `folder` that is not a folder, as (its path relative to `folder` with '/', the
    entry).
    As with Path.rglob, links to folders are not followed and unreadable folders are skipped; a folder is
    entered when `enter` accepts its relative path."""
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
            if entry.is_dir(follow_symlinks=False):
                if enter(rel):
                    pending.append((entry.path, rel + "/"))
            else:
                yield rel, entry
