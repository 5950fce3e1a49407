"""What the stages share: fork_map, the one way sitegen runs work in parallel (loading, rendering, search
indexing, ingest, check); files_below, the folder walk; a progress bar; the leftovers of killed processes."""
from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Sequence, TextIO, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_JOBS: dict[int, tuple[Callable, Sequence]] = {}  # set before forking: inherited, not pickled
_NUMBERS = itertools.count()


def default_jobs() -> int:
    """Worker processes: SITEGEN_JOBS, else one per CPU core."""
    value = os.environ.get("SITEGEN_JOBS", "")
    return int(value) if value.isdigit() and int(value) > 0 else (os.cpu_count() or 1)


@contextmanager
def fork_map(work: Callable[[Item], Result], items: Sequence[Item], jobs: int, parallel_from: int = 2,
             ordered: bool = True) -> Iterator[Iterator[Result]]:
    """work(item) for every item (in order, or as finished) in up to `jobs` forked processes from
    `parallel_from` items on, else here, lazily; leaving the block stops the workers."""
    forks = "fork" in multiprocessing.get_all_start_methods()
    if jobs < 2 or len(items) < max(1, parallel_from) or not forks:
        yield map(work, items)
        return
    number = next(_NUMBERS)
    _JOBS[number] = (work, items)
    gc.collect()
    gc.freeze()  # keep the children's collector from touching (and so copying) the parent's objects
    try:
        pool = multiprocessing.get_context("fork").Pool(min(jobs, len(items)))
    finally:
        gc.unfreeze()
    try:
        run = pool.imap if ordered else pool.imap_unordered
        yield run(_run, [(number, i) for i in range(len(items))], chunksize=max(1, len(items) // (jobs * 16)))
    finally:
        _JOBS.pop(number, None)
        pool.terminate()
        pool.join()


def _run(task: tuple[int, int]) -> object:
    """In a worker: run item number i of the job set up before the fork."""
    number, i = task
    work, items = _JOBS[number]
    return work(items[i])


def files_below(folder: Path | str, follow: bool = False) -> Iterator[tuple[str, os.DirEntry]]:
    """Every non-folder entry below `folder` as (its relative path with '/', the entry); links to folders are
    followed only if asked (like Path.rglob, not by default); unreadable folders are skipped."""
    pending = [(os.fspath(folder), "")]
    while pending:
        path, prefix = pending.pop()
        try:
            with os.scandir(path) as listing:  # several times cheaper than Path.rglob or os.walk
                entries = list(listing)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=follow):
                pending.append((entry.path, prefix + entry.name + "/"))
            else:
                yield prefix + entry.name, entry


def abandoned(folder: Path, prefix: str) -> list[Path]:
    """The folders `<prefix><pid>-...` in `folder` whose process is gone (a killed build's leftovers)."""
    found = []
    for path in folder.iterdir() if folder.is_dir() else ():
        pid = path.name[len(prefix):].split("-", 1)[0] if path.name.startswith(prefix) else ""
        if pid.isascii() and pid.isdigit() and path.is_dir() and not path.is_symlink():
            try:
                os.kill(int(pid), 0)  # signal 0: only whether the process exists
            except (ProcessLookupError, OverflowError):  # gone, or a number no process can have
                found.append(path)
            except PermissionError:  # another user's process
                pass
    return found


class Progress:
    """A bar on stderr for batches of 20 or more: live on a terminal, else drawn once at the end."""

    def __init__(self, total: int, label: str = "Artikel", stream: TextIO | None = None) -> None:
        self.total, self.label, self.stream = total, label, stream or sys.stderr
        self.live = self.stream.isatty()

    def update(self, n: int) -> None:
        """Show that n of total are done."""
        if self.total < 20 or not self.live and n != self.total:
            return
        done, end = 30 * n // self.total, "\n" if n == self.total else ""
        self.stream.write(f"\r[{'#' * done}{'.' * (30 - done)}] {n}/{self.total} {self.label}{end}")
        self.stream.flush()
