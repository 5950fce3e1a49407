"""`sitegen ingest`: raw sources -> front-matter markdown in content/articles, never losing an editor's change."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from sitegen.content import dump_text, load_article
from sitegen.errors import SitegenError
from sitegen.ingest.duplicates import Seen
from sitegen.ingest.language import detect_language
from sitegen.ingest.merge import merge, proposal_meta
from sitegen.ingest.readers import expand_sources, reader_for
from sitegen.ingest.summary import Progress, Summary
from sitegen.model import Article

Extractor = Callable[[str], object]
__all__ = ["ingest", "Summary", "with_entities", "write_atomic"]


class Duplicate(SitegenError):
    """The article is already in the archive under another source."""


@dataclass
class _Existing:
    """The articles already in the output folder, by source, URL and text."""

    by_source: dict[str, tuple[Path, Article]] = field(default_factory=dict)
    unreadable: dict[Path, str] = field(default_factory=dict)
    seen: Seen = field(default_factory=Seen)


def ingest(sources: list[Path], out_dir: Path, root: Path, date: dt.date | None = None,
           registry: Path | None = None, extractor: Extractor | None = None,
           log: Callable[[str], None] = print, progress: bool = True) -> Summary:
    """Read every source, add entities to German articles, and write or update one file per source article."""
    files = expand_sources(sources)
    out_dir.mkdir(parents=True, exist_ok=True)
    existing = _scan(out_dir, root)
    extract = _Lazy(extractor, registry)
    summary = Summary()
    proposals = _read_all(files, root, date, summary, log)
    bar = Progress(len(proposals) if progress else 0)
    for n, proposal in enumerate(proposals, start=1):
        try:
            _ingest_one(proposal, extract, out_dir, existing, summary, root)
        except SitegenError as exc:
            summary.skip(proposal.source, "Duplikat" if isinstance(exc, Duplicate) else "Fehler", str(exc))
            log(f"übersprungen: {exc}")
        bar.update(n)
    return summary


def _read_all(files: list[Path], root: Path, date: dt.date | None, summary: Summary,
              log: Callable[[str], None]) -> list[Article]:
    """The proposed articles of every file; a file or row that cannot be read is skipped with its reason."""
    proposals: list[Article] = []
    for path in files:
        shown = _relative(path, root)
        try:
            articles = reader_for(path)(path, shown, date)  # type: ignore[misc]
        except SitegenError as exc:
            articles, problems = [], [(shown, exc)]
        except Exception as exc:  # a reader library's failure on a broken file: skip it, named, no traceback
            articles, problems = [], [(shown, SitegenError(f"cannot be read: {type(exc).__name__}: {exc}",
                                                           path=shown, fix="check or re-save the file"))]
        else:
            problems = list(getattr(articles, "skipped", ()))
        for source, problem in problems:
            summary.skip(source, "Fehler", str(problem))
            log(f"übersprungen: {problem}")
        proposals.extend(articles)
    return proposals


class _Lazy:
    """The entity extractor, made on first use (English-only batches never load it)."""

    def __init__(self, extractor: Extractor | None, registry: Path | None) -> None:
        self.extractor, self.registry = extractor, registry

    def __call__(self, text: str) -> object:
        if self.extractor is None:
            self.extractor = _default_extractor(self.registry)
        return self.extractor(text)


def with_entities(article: Article, extract: Extractor) -> Article:
    """The article with people, places, organisations and tags from the extractor."""
    caption = article.image.caption if article.image else ""
    found = extract(f"{caption}\n\n{article.body}" if caption else article.body)
    return replace(article, people=tuple(found.people), places=tuple(found.places),  # type: ignore[attr-defined]
                   organisations=tuple(found.organisations), tags=tuple(found.tags))  # type: ignore[attr-defined]


def _enrich(proposal: Article, extract: Extractor, summary: Summary) -> Article:
    """The proposal with its detected language, and entities when it is German (the extractor knows only German)."""
    language = detect_language(f"{proposal.title}\n\n{proposal.body}", default=proposal.language)
    if language != "de":
        summary.not_german.append(proposal.source)
        summary.notes.append(f"{proposal.source}: Sprache '{language}': Entitäten übersprungen (nur für Deutsch)")
        return replace(proposal, language=language)
    return with_entities(replace(proposal, language=language), extract)


def _ingest_one(proposal: Article, extract: Extractor, out_dir: Path, existing: _Existing, summary: Summary,
                root: Path) -> None:
    """Create, update or leave the content file of one proposed article; a duplicate is refused."""
    found = existing.by_source.get(proposal.source)
    if not found:
        _check_new(proposal, out_dir, existing, root)
    proposal = _enrich(proposal, extract, summary)
    if found:
        path, current = found
        meta, body, kept = merge(current, proposal)
        if kept:
            summary.notes.append(f"{_relative(path, root)}: von Hand geändert, behalten: {', '.join(kept)}")
    else:
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
    existing.seen.add(proposal, shown)


def _check_new(proposal: Article, out_dir: Path, existing: _Existing, root: Path) -> None:
    """Refuse a new source whose article file is unreadable, or whose article the archive already has."""
    broken = out_dir / f"{proposal.slug}.md"
    if broken in existing.unreadable:
        raise SitegenError(f"its article file {_relative(broken, root)} cannot be read, so it is left alone",
                           path=proposal.source, fix="correct that file, then run ingest again")
    twin = existing.seen.duplicate_of(proposal)
    if twin:
        raise Duplicate(f"is the same article as {twin}", path=proposal.source,
                        fix="ingest each article from one source only; remove or rename one of them")


def _free_path(out_dir: Path, slug: str, existing: _Existing) -> Path:
    """A file name for a new article that no other file, readable or not, holds."""
    taken = {p for p, _ in existing.by_source.values()} | set(existing.unreadable)
    candidate, n = out_dir / f"{slug}.md", 2
    while candidate in taken or candidate.exists():
        candidate, n = out_dir / f"{slug}-{n}.md", n + 1
    return candidate


def _scan(out_dir: Path, root: Path) -> _Existing:
    """Index the existing articles by source, URL and text; files that do not parse are never touched."""
    existing = _Existing()
    for path in sorted(out_dir.glob("*.md")):
        try:
            article = load_article(path, root)
        except SitegenError as exc:
            existing.unreadable[path] = str(exc)
            continue
        if article.source:
            existing.by_source[article.source] = (path, article)
        existing.seen.add(article, _relative(path, root))
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
