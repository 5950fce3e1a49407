"""Render every page into the build's folder, in parallel worker processes.

A page whose quick key or digest (see render.Renderer) matches is kept (when the folder is the recycled spare
and already holds it) or hard-linked from the last output instead of rendered again: the same inputs give
the same bytes, so this is correct by construction."""
from __future__ import annotations

import gc
import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sitegen.output import replace_file, replace_with_link
from sitegen.pages import Page
from sitegen.progress import Progress
from sitegen.render import Renderer
from sitegen.urls import output_file

CHUNK = 200
PARALLEL_FROM = 400  # pages; below this one process is faster than starting workers


@dataclass(frozen=True)
class Previous:
    """The last build's output folder and its manifest {file: (digest, size, mtime_ns, quick key, slots)}, and
    the manifest of the folder being written when it holds an earlier build (the spare) that is updated."""

    folder: Path | None = None
    manifest: dict = field(default_factory=dict)
    here: dict = field(default_factory=dict)


@dataclass
class RenderResult:
    """What a render pass produced: the new manifest, and how many pages were rendered or reused."""

    manifest: dict = field(default_factory=dict)
    rendered: int = 0
    reused: int = 0
    found: list = field(default_factory=list)

    def add(self, other: "RenderResult") -> None:
        """Merge a worker's result into this one."""
        self.manifest.update(other.manifest)
        self.found.extend(other.found)
        self.rendered += other.rendered
        self.reused += other.reused


_JOB: tuple | None = None  # (pages, renderer, fresh, previous, side): set before forking, read by the workers


def render_all(pages: list[Page], renderer: Renderer, fresh: Path, previous: Previous, jobs: int,
               progress: bool = False, side: tuple[Callable[[], list | None], ...] = (),
               into: Path | None = None) -> RenderResult:
    """Render or reuse every page of the folder `fresh` (new files go `into` another folder when given), and
    run the `side` tasks (a survey of the folder) before the chunks; returns the new manifest and the files
    the side tasks found (the workers fill the markdown cache)."""
    global _JOB
    chunks = [(start, min(start + CHUNK, len(pages))) for start in range(0, len(pages), CHUNK)]
    tasks = [(-1, i) for i in range(len(side))] + chunks
    _JOB = (pages, renderer, (fresh, into or fresh), previous, side)
    try:
        if jobs <= 1 or len(pages) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
            return _merge(map(_work, tasks), len(pages), progress)
        renderer.html_cache.close()
        gc.collect()
        gc.freeze()  # keep the collector from touching (and so copying) the parent's objects in the children
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                return _merge(pool.imap_unordered(_work, tasks), len(pages), progress)
        finally:
            gc.unfreeze()
    finally:
        _JOB = None


def _work(task: tuple[int, int]) -> RenderResult:
    """Worker entry: render one chunk of the job set up before the fork, or run one side task."""
    pages, renderer, fresh, previous, side = _JOB  # type: ignore[misc]
    if task[0] < 0:
        return RenderResult(found=side[task[1]]() or [])
    return _render_chunk(pages, renderer, fresh, previous, *task)


def _merge(results, total: int, progress: bool) -> RenderResult:
    """Combine chunk results, drawing a progress bar of the `total` pages on stderr when asked."""
    merged = RenderResult()
    bar = Progress(total if progress else 0, "Seiten")
    for result in results:
        merged.add(result)
        bar.update(merged.rendered + merged.reused)
    return merged


def _render_chunk(pages: list[Page], renderer: Renderer, folders: tuple[Path, Path], previous: Previous,
                  start: int, end: int) -> RenderResult:
    """Render or reuse pages[start:end] of `folders` (the folder, and where its new files go). A file is kept
    (already in the folder) or linked from the last build on an equal quick key without gathering the context,
    else on an equal full digest, else rendered."""
    result = RenderResult()
    renderer.new_html = []
    fresh, into = (f"{folder}/" for folder in folders)  # paths as strings: pathlib costs 30 us a page
    for page in pages[start:end]:
        rel = output_file(page.path)
        target, new = fresh + rel, into + rel
        here, last = previous.here.get(rel), previous.manifest.get(rel)
        kept = _quick(renderer, page.path, here) and _untouched(target, here) \
            or _quick(renderer, page.path, last) and _reuse(previous, rel, last, new)
        if kept:
            result.reused += 1
            result.manifest[rel] = kept
            continue
        page = page.resolved()
        full, slots = renderer.page_digest(page)
        if full and here and here[0] == full and _untouched(target, here):
            result.reused += 1
        elif full and last and last[0] == full and _reuse(previous, rel, last, new):
            result.reused, target = result.reused + 1, new
        else:
            _write(new, renderer.render(page), rel in previous.here and into == fresh)
            result.rendered, target = result.rendered + 1, new
        if full:
            stat = os.stat(target)
            result.manifest[rel] = (full, stat.st_size, stat.st_mtime_ns, renderer.quick_key(page.path, slots), slots)
    renderer.html_cache.put_many(renderer.new_html)  # stored by the worker: no HTML travels to the parent
    renderer.new_html = []
    return result


def _quick(renderer: Renderer, path: str, entry: tuple | None) -> tuple | None:
    """The manifest entry when its quick key still holds, else None."""
    if entry and len(entry) == 5 and entry[3] and renderer.quick_key(path, entry[4]) == entry[3]:
        return entry
    return None


def _untouched(target: str, entry: tuple | None) -> tuple | None:
    """The entry when the folder's file is still the one it describes (size and time), else None."""
    try:
        stat = os.stat(target)
    except OSError:
        return None
    return entry if entry and (stat.st_size, stat.st_mtime_ns) == tuple(entry[1:3]) else None


def _write(target: str, data: bytes, existed: bool) -> None:
    """Write a new file; one that may exist is replaced by rename, never changed in place."""
    if not existed:
        for attempt in range(2):
            try:
                with open(target, "xb") as handle:
                    handle.write(data)
                return
            except FileNotFoundError:
                if attempt:
                    raise
                os.makedirs(os.path.dirname(target), exist_ok=True)
            except FileExistsError:
                break
    replace_file(Path(target), data)


def _reuse(previous: Previous, rel: str, entry: tuple, target: str) -> tuple | None:
    """Hard-link the last build's file when it is untouched since (size and time as recorded); the entry,
    else None."""
    if previous.folder is None:
        return None
    old = f"{previous.folder}/{rel}"
    try:
        stat = os.stat(old)
        if (stat.st_size, stat.st_mtime_ns) != tuple(entry[1:3]):
            return None
        try:
            replace_with_link(old, target)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            replace_with_link(old, target)
    except OSError:
        return None
    return entry
