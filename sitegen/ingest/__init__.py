"""`sitegen ingest`: raw sources -> front-matter markdown in content/articles, never losing an editor's change."""
from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from sitegen.content import dump_text, load_article
from sitegen.errors import SitegenError
from sitegen.ingest.merge import merge, proposal_meta
from sitegen.ingest.readers import expand_sources, reader_for
from sitegen.model import Article

Extractor = Callable[[str], object]


@dataclass
class Summary:
    """What one ingest run did, file by file."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One line for the end of the run."""
        return (f"ingest: {len(self.created)} neu, {len(self.updated)} aktualisiert, "
                f"{len(self.unchanged)} unverändert, {len(self.skipped)} übersprungen")


@dataclass
class _Existing:
    """The articles already in the output folder, by source."""

    by_source: dict[str, tuple[Path, Article]] = field(default_factory=dict)
    unreadable: dict[Path, str] = field(default_factory=dict)


def ingest(sources: list[Path], out_dir: Path, root: Path, date: dt.date | None = None,
           registry: Path | None = None, extractor: Extractor | None = None,
           log: Callable[[str], None] = print) -> Summary:
    """Read every source, add entities, and write or update one article file per source article."""
    files = expand_sources(sources)
    out_dir.mkdir(parents=True, exist_ok=True)
    existing = _scan(out_dir, root)
    extract = extractor or _default_extractor(registry)
    summary = Summary()
    for n, path in enumerate(files, start=1):
        shown = _relative(path, root)
        try:
            for proposal in reader_for(path)(path, shown, date):  # type: ignore[misc]
                _ingest_one(with_entities(proposal, extract), out_dir, existing, summary, root)
        except SitegenError as exc:
            summary.skipped.append(shown)
            log(f"übersprungen: {exc}")
        _progress(n, len(files))
    return summary


def with_entities(article: Article, extract: Extractor) -> Article:
    """The article with people, places, organisations and tags from the extractor."""
    caption = article.image.caption if article.image else ""
    found = extract(f"{caption}\n\n{article.body}" if caption else article.body)
    return replace(article, people=tuple(found.people), places=tuple(found.places),  # type: ignore[attr-defined]
                   organisations=tuple(found.organisations), tags=tuple(found.tags))  # type: ignore[attr-defined]


def _ingest_one(proposal: Article, out_dir: Path, existing: _Existing, summary: Summary, root: Path) -> None:
    """Create, update or leave the content file of one proposed article."""
    found = existing.by_source.get(proposal.source)
    if found:
        path, current = found
        meta, body, kept = merge(current, proposal)
        if kept:
            summary.notes.append(f"{_relative(path, root)}: von Hand geändert, behalten: {', '.join(kept)}")
    else:
        broken = out_dir / f"{proposal.slug}.md"
        if broken in existing.unreadable:
            raise SitegenError(f"its article file {_relative(broken, root)} cannot be read, so it is left alone",
                               path=proposal.source, fix="correct that file, then run ingest again")
        path = _free_path(out_dir, proposal.slug, existing)
        meta, body = proposal_meta(replace(proposal, slug=path.stem))
    text = dump_text(meta, body)
    shown = _relative(path, root)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        summary.unchanged.append(shown)
        return
    (summary.updated if found else summary.created).append(shown)
    write_atomic(path, text)
    existing.by_source[proposal.source] = (path, load_article(path, root))


def _free_path(out_dir: Path, slug: str, existing: _Existing) -> Path:
    """A file name for a new article that no other file, readable or not, holds."""
    taken = {p for p, _ in existing.by_source.values()} | set(existing.unreadable)
    candidate, n = out_dir / f"{slug}.md", 2
    while candidate in taken or candidate.exists():
        candidate, n = out_dir / f"{slug}-{n}.md", n + 1
    return candidate


def _scan(out_dir: Path, root: Path) -> _Existing:
    """Index the existing articles by source; files that do not parse are remembered and never touched."""
    existing = _Existing()
    for path in sorted(out_dir.glob("*.md")):
        try:
            article = load_article(path, root)
        except SitegenError as exc:
            existing.unreadable[path] = str(exc)
            continue
        if article.source:
            existing.by_source[article.source] = (path, article)
    return existing


def write_atomic(path: Path, text: str) -> None:
    """Write text to path through a temporary file and one rename."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _default_extractor(registry_file: Path | None) -> Extractor:
    """The German entity extractor with the archive's registry."""
    from sitegen.entities import extract, load_registry

    registry = load_registry(registry_file) if registry_file else None
    return lambda text: extract(text, registry)


def _relative(path: Path, root: Path) -> str:
    """path relative to root, with forward slashes, when it lies below root."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _progress(n: int, total: int) -> None:
    """A progress bar on stderr for batches."""
    if total < 20 or not sys.stderr.isatty() and n != total:
        return
    width = 30
    done = width * n // total
    sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {n}/{total}")
    if n == total:
        sys.stderr.write("\n")
