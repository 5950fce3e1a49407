"""build(config): load, model, plan, render, index, write, check; each stage timed. The live site stays as it
was until the complete new one is swapped in; which pages are unchanged is render.Reuse's to say."""
from __future__ import annotations

import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

from sitegen.cache import FILE_NAME, Cache
from sitegen.config import Config
from sitegen.content import shown_path
from sitegen.errors import SitegenError, reason
from sitegen.loading import load_articles
from sitegen.model import Site, build_site, unique_slugs_of
from sitegen.output import check_out, writing
from sitegen.pages import Derived, plan
from sitegen.render import Renderer, Reuse, render_pages, static_files
from sitegen.search import indexing, shards
from sitegen.workers import default_jobs


@dataclass
class BuildReport:
    """How long each stage took and how many pages were rendered or reused."""

    steps: list[tuple[str, float]] = field(default_factory=list)
    files: int = 0
    rendered: int = 0
    reused: int = 0

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Record the wall time of one stage."""
        start = time.perf_counter()
        yield
        self.steps.append((name, time.perf_counter() - start))


def build(config: Config, log: Callable[[str], None] = print, jobs: int | None = None) -> BuildReport:
    """Build the site into config.out; a failed build leaves the previous site as it was and says why in
    `<out>.failed` (deploy refuses to publish while it exists)."""
    out = check_out(config.out)
    failed = out.with_name(f"{out.name}.failed")
    try:
        report = _build(config, log, jobs or default_jobs())
    except BaseException as exc:
        problem = exc
        if isinstance(exc, OSError):  # a file that could not be read or written is named
            problem = SitegenError(f"Dateifehler: {reason(exc)}", path=exc.filename,
                                   fix="Platz und Schreibrechte prüfen, dann erneut bauen")
        elif not isinstance(exc, SitegenError):
            problem = SitegenError(f"interner Fehler: {type(exc).__name__}: {exc}", path=None,
                                   fix="erneut bauen; bleibt der Fehler, ihn mit dieser Zeile melden")
        with suppress(OSError):
            failed.write_text(f"{problem}\n", encoding="utf-8")
        if problem is exc or not isinstance(exc, Exception):  # an interrupt stays one
            raise
        raise problem from None
    failed.unlink(missing_ok=True)
    return report


def _build(config: Config, log: Callable[[str], None], jobs: int) -> BuildReport:
    """The stages; the search bundles are indexed in processes of their own while the pages render."""
    report, cache = BuildReport(), Cache(config.cache / FILE_NAME)
    with writing(config.out) as output:
        with report.step("laden"):
            articles = unique_slugs_of(load_articles(config, jobs, cache))  # as search and pages name them
            search = shards(sorted(articles, key=lambda a: a.sort_key, reverse=True))
        with indexing(search, config.cache, output, jobs, cache) as finish_search:
            with report.step("modell"):
                model = build_site(articles, shown_path(config.registry_file, Path.cwd()))
                for warning in model.warnings:
                    log(f"Warnung: {warning}")
            with report.step("planen"):
                pages = plan(Derived.of(model, config, tuple(shard.path for shard in search)))
                reuse = Reuse(config, model, output.live)
            with report.step("rendern"):
                rendered = render_pages(pages, Renderer(config, cache), reuse, output, jobs)
            with report.step("suchindex"):
                finish_search()
        with report.step("schreiben"):
            extra = {**static_files(config), ".nojekyll": b""}  # so GitHub Pages keeps every folder
            if config.cname:
                extra["CNAME"] = f"{config.cname}\n".encode("ascii")
            for rel, data in extra.items():
                output.write(rel, data)
            replace(reuse.now, pages=rendered.records).write(output.folder)
            output.prune()
        if config.strict:
            with report.step("prüfen"):
                strict_check(output.folder, model, config, log)
    report.files, report.rendered, report.reused = len(pages) + len(extra), rendered.rendered, rendered.reused
    steps = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in report.steps)
    log(f"{report.files} Dateien ({report.rendered} gerendert, {report.reused} unverändert) – {steps}")
    return report


def strict_check(folder: Path, model: Site, config: Config, log: Callable[[str], None]) -> None:
    """--strict: every link and anchor must resolve and nothing may warn, else nothing is published."""
    from sitegen.check import check_output

    report = check_output(folder, config.base_path)
    problems = [*model.warnings, *report.errors, *report.warnings]
    for line in problems:
        log(f"--strict: {line}")
    if problems:
        raise SitegenError(f"{len(problems)} Problem(e) mit --strict gefunden (oben aufgeführt)",
                           path=config.content, fix="beheben oder ohne --strict bauen")
