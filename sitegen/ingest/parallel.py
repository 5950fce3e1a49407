"""Ingest's per-article stages (language, entities, rendering the files) in worker processes when the batch
is large: each is a pure function of its article, so any number of processes gives the same output."""
from __future__ import annotations

import multiprocessing
from typing import Callable, ContextManager, Iterator, Sequence, TypeVar

from sitegen.ingest.language import detect_language, load_model
from sitegen.model import Article
from sitegen.workers import default_jobs, fork_map

Entities = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
KINDS = ("people", "places", "organisations", "tags")
PARALLEL_FROM = 100  # articles; below this one process is faster than starting workers
MAX_JOBS = 8  # each worker holds the tagging models
Item, Result = TypeVar("Item"), TypeVar("Result")


def job_count(jobs: int | None) -> int:
    """The processes to use: `jobs`, else SITEGEN_JOBS or one per core (at most MAX_JOBS)."""
    return jobs or min(default_jobs(), MAX_JOBS)


def per_article(work: Callable[[Item], Result], items: Sequence[Item],
                jobs: int) -> ContextManager[Iterator[Result]]:
    """work(item) for every item, in item order, in up to `jobs` processes when there are enough items."""
    return fork_map(work, items, jobs, PARALLEL_FROM)


def forking(items: Sequence, jobs: int) -> bool:
    """Whether `per_article` runs these items in worker processes: then a model loaded before is loaded once,
    for all of them."""
    return jobs > 1 and len(items) >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods()


def as_tuples(found: object) -> Entities:
    """The extractor's result as four tuples of names (people, places, organisations, tags)."""
    return tuple(tuple(str(name) for name in getattr(found, kind)) for kind in KINDS)  # type: ignore[return-value]


def extract_all(texts: list[str], extract: Callable[[str], object], jobs: int,
                done: Callable[[int], None] = lambda n: None) -> list[Entities]:
    """The entities of every text, in order; `done(n)` is called as results come in. The longest texts go
    first, so that at the end no process waits long for another's last long text."""
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    results: list[Entities] = [((), (), (), ())] * len(texts)
    with per_article(lambda i: as_tuples(extract(texts[i])), order, jobs) as found:
        for n, (i, entities) in enumerate(zip(order, found, strict=True), start=1):
            results[i] = entities
            done(n)
    return results


def detect_all(articles: list[Article], jobs: int) -> list[str]:
    """The detected language of every article (its own when the text is too short to tell)."""
    if forking(articles, jobs):
        load_model()
    with per_article(lambda a: detect_language(f"{a.title}\n\n{a.body}", default=a.language), articles,
                     jobs) as found:
        return list(found)
