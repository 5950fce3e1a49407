"""fork_map: the one way sitegen runs work in parallel (loading, rendering, search indexing, ingest).

The work and its items are left in a module table before the worker processes are forked, so they inherit
them instead of receiving them pickled; only small task numbers go out and results come back. Where fork is
missing, or the work is too small to pay for starting processes, it runs here, in order."""
from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
from typing import Callable, Generic, Iterator, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_JOBS: dict[int, tuple[Callable, Sequence]] = {}  # set before forking, read by the workers
_NUMBERS = itertools.count()


class Forked(Generic[Result]):
    """The results of a fork_map as they come (in item order, or as finished when unordered); the processes
    start at once. Use as a context manager: leaving it stops whatever still runs."""

    def __init__(self, work: Callable[[Item], Result], items: Sequence[Item], jobs: int, ordered: bool):
        self.number, self.pool = next(_NUMBERS), None
        self.results: Iterator[Result] = map(work, items)
        if jobs > 1 and items and "fork" in multiprocessing.get_all_start_methods():
            _JOBS[self.number] = (work, items)
            gc.collect()
            gc.freeze()  # keep the children's collector from touching (and so copying) the parent's objects
            try:
                self.pool = multiprocessing.get_context("fork").Pool(min(jobs, len(items)))
            finally:
                gc.unfreeze()
            tasks = [(self.number, i) for i in range(len(items))]
            run = self.pool.imap if ordered else self.pool.imap_unordered
            self.results = run(_run, tasks, chunksize=max(1, len(items) // (jobs * 16)))

    def __iter__(self) -> Iterator[Result]:
        return self.results

    def __enter__(self) -> "Forked[Result]":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the worker processes (the results are all in, or no longer wanted)."""
        _JOBS.pop(self.number, None)
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def default_jobs() -> int:
    """Worker processes: SITEGEN_JOBS, else one per CPU core."""
    value = os.environ.get("SITEGEN_JOBS", "")
    return int(value) if value.isdigit() and int(value) > 0 else (os.cpu_count() or 1)


def fork_map(work: Callable[[Item], Result], items: Sequence[Item], jobs: int, parallel_from: int = 2,
             ordered: bool = True) -> Forked[Result]:
    """work(item) for every item, in up to `jobs` forked processes when there are at least `parallel_from`
    items (else here, one after the other, as the results are asked for). With `parallel_from` 1 even a
    single item runs in a process of its own, beside what this process does meanwhile."""
    return Forked(work, items, jobs if len(items) >= parallel_from else 1, ordered)


def _run(task: tuple[int, int]) -> object:
    """In a worker: run item number i of the job set up before the fork."""
    number, i = task
    work, items = _JOBS[number]
    return work(items[i])
