"""Entity extraction for a batch, in worker processes when it is large: the extractor is a pure function of
the text."""
from __future__ import annotations

import os
from typing import Callable

from sitegen.workers import fork_map

Entities = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
KINDS = ("people", "places", "organisations", "tags")
PARALLEL_FROM = 100  # texts; below this one process is faster than starting workers


def as_tuples(found: object) -> Entities:
    """The extractor's result as four tuples of names (people, places, organisations, tags)."""
    return tuple(tuple(str(name) for name in getattr(found, kind)) for kind in KINDS)  # type: ignore[return-value]


def extract_all(texts: list[str], extract: Callable[[str], object], jobs: int | None = None,
                done: Callable[[int], None] = lambda n: None) -> list[Entities]:
    """The entities of every text, in order; `done(n)` is called as results come in."""
    results: list[Entities] = []
    with fork_map(lambda text: as_tuples(extract(text)), texts, jobs or min(os.cpu_count() or 1, 8),
                  PARALLEL_FROM) as found:
        for entities in found:
            results.append(entities)
            done(len(results))
    return results
