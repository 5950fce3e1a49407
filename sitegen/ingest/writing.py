"""The last stage of ingest: file names chosen in order, front matter rendered and checked in worker
processes (a pure function of the article), files written here, in order; so any number of processes
writes the same bytes."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from sitegen.content import UNKNOWN_DATE, check_article_file, decode, parse_article
from sitegen.errors import SitegenError, printable, reason
from sitegen.ingest.merge import article_metadata, dump_text, merge, proposal_meta
from sitegen.ingest.parallel import per_article
from sitegen.ingest.summary import Summary
from sitegen.model import Article


@dataclass(frozen=True)
class Planned:
    """One article to write: the proposal, its file, and the article that file holds now (None: new)."""

    proposal: Article
    path: Path
    current: Article | None


@dataclass(frozen=True)
class Rendered:
    """What a planned article comes to: its file's text (None: the file says it already), the fields kept
    because an editor changed them, and why it cannot be written (empty when it can)."""

    shown: str
    text: str | None
    kept: tuple[str, ...] = ()
    undated: bool = False
    problem: str = ""


def write_all(planned: list[Planned], root: Path, summary: Summary, log: Callable[[str], None],
              jobs: int) -> None:
    """Render the planned articles in up to `jobs` processes and write each changed file, in order."""
    with per_article(lambda plan: render(plan, root), planned, jobs) as results:
        for plan, done in zip(planned, results, strict=True):
            try:
                _store(plan, done, summary)
            except (OSError, SitegenError) as exc:
                error = exc if isinstance(exc, SitegenError) else SitegenError(
                    f"seine Artikeldatei konnte nicht geschrieben werden: {reason(exc)}",
                    path=plan.proposal.source, fix="prüfe Platz und Rechte im Ausgabeordner")
                summary.skip(plan.proposal.source, "Fehler", str(error))
                log(f"übersprungen: {error}")


def render(plan: Planned, root: Path) -> Rendered:
    """The planned article's file text, merged with what the file holds, after the build's own checks."""
    shown = relative(plan.path, root)
    if plan.current is not None:
        meta, body, kept = merge(plan.current, plan.proposal)
    else:
        (meta, body), kept = proposal_meta(replace(plan.proposal, slug=plan.path.stem)), []
    undated = meta.get("date") == UNKNOWN_DATE
    if plan.current is not None and same_content(plan.current, meta, body):
        return Rendered(shown, None, tuple(kept), undated)  # an editor's own formatting stays as it is
    text = dump_text(meta, body)
    try:  # never write what the build rejects
        parse_article(decode(check_article_file(text.encode("utf-8"), shown), shown), shown)
    except SitegenError as exc:
        return Rendered(shown, None, tuple(kept), undated, str(exc))
    return Rendered(shown, text, tuple(kept), undated)


def _store(plan: Planned, done: Rendered, summary: Summary) -> None:
    """Note what happened to one article and write its file when its text changed."""
    if done.kept:
        summary.notes.append(printable(f"{done.shown}: von Hand geändert, behalten: {', '.join(done.kept)}"))
    if done.undated:
        summary.undated.append(done.shown)
    if done.problem:
        raise SitegenError(done.problem)  # already one line naming the file and the fix
    if done.text is None or (plan.path.exists() and plan.path.read_text(encoding="utf-8") == done.text):
        summary.unchanged.append(done.shown)
        return
    write_atomic(plan.path, done.text)
    (summary.updated if plan.current is not None else summary.created).append(done.shown)


def plan_paths(proposals: list[Article], out_dir: Path, existing: dict[str, tuple[Path, Article]],
               unreadable: set[Path]) -> list[Planned]:
    """Each proposal with its file: the one holding its source, else a name no other file holds."""
    taken = {path for path, _ in existing.values()} | unreadable
    planned = []
    for proposal in proposals:
        path, current = existing.get(proposal.source) or (_free_path(out_dir, proposal.slug, taken), None)
        taken.add(path)
        planned.append(Planned(proposal, path, current))
    return planned


def _free_path(out_dir: Path, slug: str, taken: set[Path]) -> Path:
    """A file name for a new article that no other file, readable or not, holds."""
    candidate, n = out_dir / f"{slug}.md", 2
    while candidate in taken or candidate.exists():
        candidate, n = out_dir / f"{slug}-{n}.md", n + 1
    return candidate


def same_content(current: Article, meta: dict, body: str) -> bool:
    """Whether merged front matter and body say exactly what the current file says."""
    return article_metadata(current) == meta and current.body.strip("\n") == body.strip("\n")


def write_atomic(path: Path, text: str) -> None:
    """Write text to path through a temporary file and one rename."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def relative(path: Path, root: Path) -> str:
    """path relative to root, with forward slashes, when it lies below root."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
