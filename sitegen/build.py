"""build(config): load -> build_site -> render -> write, each step timed."""
from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterator

from sitegen.config import Config
from sitegen.content import load_article
from sitegen.errors import SitegenError
from sitegen.model import Article, Site
from sitegen.output import write_site
from sitegen.render import render_site
from sitegen.site import build_site


@dataclass
class BuildReport:
    """How long each step took and how many files were written."""

    steps: list[tuple[str, float]] = field(default_factory=list)
    files: int = 0

    def line(self) -> str:
        """One line for the terminal."""
        steps = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in self.steps)
        return f"{self.files} Dateien geschrieben ({steps})"


@contextmanager
def timed(report: BuildReport, name: str) -> Iterator[None]:
    """Record the wall time of one step."""
    start = time.perf_counter()
    yield
    report.steps.append((name, time.perf_counter() - start))


def build(config: Config, log: Callable[[str], None] = print) -> BuildReport:
    """Build the whole site into config.out; on any error the previous output stays as it was."""
    report = BuildReport()
    with timed(report, "laden"):
        articles = load_articles(config)
    with timed(report, "modell"):
        site: Site = build_site(articles)
    with timed(report, "rendern"):
        pages = render_site(site, config)
    with timed(report, "schreiben"):
        report.files = write_site(pages, config.out, extra=publishing_files(config))
    log(report.line())
    return report


def load_articles(config: Config) -> list[Article]:
    """Every markdown file under the content folder (usually content/articles/), sorted by path."""
    folder = config.content
    if not folder.is_dir():
        raise SitegenError("does not exist", path=folder, fix="run 'sitegen ingest' or pass --content DIR")
    return [load_article(path, config.root) for path in sorted(folder.rglob("*.md"))]


def publishing_files(config: Config) -> dict[str, bytes]:
    """.nojekyll always (so GitHub Pages keeps every folder), CNAME for a custom domain."""
    files = {".nojekyll": b""}
    if config.cname:
        files["CNAME"] = f"{config.cname}\n".encode("ascii")
    return files
