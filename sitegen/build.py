"""build(config): load -> build_site -> plan -> render -> write, each step timed; the old site stays until the swap."""
from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sitegen.cache import TextCache, digest, load_pickle, save_pickle
from sitegen.config import Config
from sitegen.content import shown_path
from sitegen.errors import SitegenError
from sitegen.loading import load_articles
from sitegen.model import Site
from sitegen.output import Stage, staged, survey
from sitegen.pages import Page, plan
from sitegen.search import BUNDLE, KEEP_CACHED, install, keyed, missing, prune, shards
from sitegen.search_index import Indexing
from sitegen.render import ArchiveInfo, Renderer, static_files
from sitegen.site import build_site
from sitegen.urls import output_file
from sitegen.workers import Previous, RenderResult, render_all


KEEP_MANIFESTS = 8  # two per output folder (the site and its spare)


@dataclass
class BuildReport:
    """How long each step took and how many pages were rendered or reused."""

    steps: list[tuple[str, float]] = field(default_factory=list)
    files: int = 0
    rendered: int = 0
    reused: int = 0

    def line(self) -> str:
        """One line for the terminal."""
        steps = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.steps)
        return f"{self.files} Dateien ({self.rendered} gerendert, {self.reused} unverändert) – {steps}"


@contextmanager
def timed(report: BuildReport, name: str) -> Iterator[None]:
    """Record the wall time of one step."""
    start = time.perf_counter()
    yield
    report.steps.append((name, time.perf_counter() - start))


def build(config: Config, log: Callable[[str], None] = print, jobs: int | None = None) -> BuildReport:
    """Build the whole site into config.out; on any error the previous output stays exactly as it was,
    and a file `<out>.failed` beside it says why (deploy refuses to publish while it exists)."""
    failed = config.out.with_name(f"{config.out.name}.failed")
    try:
        report = _build(config, log, jobs)
    except SitegenError as exc:
        failed.write_text(f"{exc}\n", encoding="utf-8")
        raise
    failed.unlink(missing_ok=True)
    return report


def _build(config: Config, log: Callable[[str], None], jobs: int | None) -> BuildReport:
    """The steps of one build; the search bundles are made meanwhile in processes of their own, and the
    folder to write into is made ready (see output.staged) while the articles load."""
    report = BuildReport()
    jobs = jobs or _jobs()
    with staged(config.out, patchable=not config.strict) as stage:
        with timed(report, "laden"):
            articles = load_articles(config, jobs)
            search = keyed(shards(sorted(articles, key=lambda a: a.sort_key, reverse=True)))
        html = TextCache(config.cache / "html.sqlite")
        with Indexing(missing(search, _search_cache(config)), _search_cache(config), jobs, html) as indexing:
            with timed(report, "modell"):
                site = build_site(articles, shown_path(config.registry_file, Path.cwd()))
                for warning in site.warnings:
                    log(f"Warnung: {warning}")
                pages = planned_pages(site, config)
                renderer = Renderer(config, ArchiveInfo(article_count=len(site.articles)), html, site.articles,
                                    outline_digest(site, config))
            result = _render(config, report, pages, renderer, stage.ready(), jobs)
            with timed(report, "schreiben"):
                extra = _finish(config, stage, search, indexing)
                stage.drop_others(result.found, {*(output_file(p.path) for p in pages), *extra})
            if config.strict:
                with timed(report, "prüfen"):
                    strict_check(stage.folder, site, config, log)
            stage.keep = partial(save_manifest, config, manifest=result.manifest)
    report.files, report.rendered, report.reused = len(pages) + len(extra), result.rendered, result.reused
    log(report.line())
    return report


def _render(config: Config, report: BuildReport, pages: list[Page], renderer: Renderer, stage: Stage,
            jobs: int) -> RenderResult:
    """Render or reuse every page into the stage's folder (surveying what else a recycled folder holds)."""
    last = config.out if config.out.is_dir() and stage.patch is None else None  # a patch keeps what is there
    previous = Previous(last, load_manifest(config, config.out))
    side: tuple = ()
    if stage.recycled:  # the files the folder holds besides the pages, looked up while the pages render
        previous = replace(previous, here=load_manifest(config, stage.built_as))
        side = (partial(survey, stage.folder, skip=(BUNDLE,)),)
    with timed(report, "rendern"):
        return render_all(pages, renderer, stage.folder, previous, jobs, progress=len(pages) > 20000,
                          side=side, into=stage.writes)


def _finish(config: Config, stage: Stage, search: list, indexing: Indexing) -> dict[str, bytes]:
    """Write the static and publishing files, install the search bundles as they are ready, and drop old
    bundles from the cache meanwhile (in a thread started after every fork); the files written."""
    cache = _search_cache(config)
    pruning = threading.Thread(target=prune, args=(cache, KEEP_CACHED, frozenset(s.key for s in search)))
    pruning.start()
    extra = {**static_files(config.templates / "static"), **publishing_files(config)}
    stage.write(extra)
    install(search, cache, stage, ready_only=True)  # while the rest is indexed
    indexing.wait()
    install(search, cache, stage)
    pruning.join()
    return extra


def outline_digest(site: Site, config: Config) -> str:
    """A hash of the site but its bodies: every article's other fields in order, the entity registry and the
    fixed build time; with the digests of the articles a page holds, it determines the page's context."""
    registry = config.registry_file.read_bytes() if config.registry_file.is_file() else b""
    fields = (repr([v for k, v in vars(a).items() if k not in ("body", "digest")]) for a in site.articles)
    return digest(os.environ.get("SOURCE_DATE_EPOCH", ""), registry, *fields)


def strict_check(folder: Path, site: Site, config: Config, log: Callable[[str], None]) -> None:
    """--strict: every link and anchor must resolve and nothing may warn, else the new site is not published."""
    from sitegen.check import check_output, clutter

    report = check_output(folder, config.base_path)
    problems = [*site.warnings, *report.errors, *report.warnings, *clutter(site.terms)]
    for line in problems:
        log(f"--strict: {line}")
    if problems:
        raise SitegenError(f"{len(problems)} problem(s) found by --strict (listed above)", path=config.content,
                           fix="fix them, or build without --strict")


def planned_pages(site: Site, config: Config) -> list[Page]:
    """Every page of the site; two pages claiming one file is an error."""
    return unique_pages(plan(site, config))


def unique_pages(planned: Iterable[Page]) -> list[Page]:
    """The planned pages as a list; two pages claiming one file is an error."""
    pages = list(planned)
    seen: dict[str, Page] = {}
    for page in pages:
        other = seen.setdefault(output_file(page.path), page)
        if other is not page:
            raise SitegenError(f"two pages want the same file {output_file(page.path)!r}", path=page.template,
                               fix="rename one of the entities or articles whose names make this path")
    return pages


def publishing_files(config: Config) -> dict[str, bytes]:
    """.nojekyll always (so GitHub Pages keeps every folder), CNAME for a custom domain."""
    files = {".nojekyll": b""}
    if config.cname:
        files["CNAME"] = f"{config.cname}\n".encode("ascii")
    return files


def _search_cache(config: Config) -> Path:
    """Where search bundles are kept by their key."""
    return config.cache / "pagefind"


def load_manifest(config: Config, folder: Path) -> dict:
    """The manifest of the build in `folder` (known by the folder's inode, which renames keep)."""
    try:
        return load_pickle(config.cache / f"pages-{folder.stat().st_ino}.pickle")
    except OSError:
        return {}


def save_manifest(config: Config, folder: Path, manifest: dict) -> None:
    """Keep the manifest of the build in `folder`; the manifests of long-gone folders go."""
    save_pickle(config.cache / f"pages-{folder.stat().st_ino}.pickle", manifest)
    kept = sorted(config.cache.glob("pages-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[KEEP_MANIFESTS:]:
        old.unlink(missing_ok=True)


def _jobs() -> int:
    """Worker processes: SITEGEN_JOBS, else one per CPU core."""
    value = os.environ.get("SITEGEN_JOBS", "")
    return int(value) if value.isdigit() and int(value) > 0 else (os.cpu_count() or 1)
