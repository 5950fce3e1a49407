"""Entity extraction for a batch, in worker processes when it is large: the extractor is a pure function of the text."""
from __future__ import annotations

import multiprocessing
import os
from typing import Callable

Entities = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
KINDS = ("people", "places", "organisations", "tags")
PARALLEL_FROM = 100  # texts; below this one process is faster than starting workers
CHUNK = 8

_JOB: tuple[Callable[[str], object], list[str]] | None = None  # set before forking, read by the workers


def as_tuples(found: object) -> Entities:
    """The extractor's result as four tuples of names (people, places, organisations, tags)."""
    return tuple(tuple(str(name) for name in getattr(found, kind)) for kind in KINDS)  # type: ignore[return-value]


def extract_all(texts: list[str], extract: Callable[[str], object], jobs: int | None = None,
                done: Callable[[int], None] = lambda n: None) -> list[Entities]:
    """The entities of every text, in order; `done(n)` is called as results come in."""
    global _JOB
    jobs = jobs or min(os.cpu_count() or 1, 8)
    results: list[Entities] = []
    if jobs <= 1 or len(texts) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        for text in texts:
            results.append(as_tuples(extract(text)))
            done(len(results))
        return results
    _JOB = (extract, texts)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for found in pool.imap(_work, range(len(texts)), chunksize=CHUNK):
                results.append(found)
                done(len(results))
    finally:
        _JOB = None
    return results


def _work(index: int) -> Entities:
    """In a worker: the entities of text number `index`."""
    assert _JOB is not None
    extract, texts = _JOB
    return as_tuples(extract(texts[index]))
