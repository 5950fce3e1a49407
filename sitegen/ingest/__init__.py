"""`sitegen ingest`: raw sources -> front-matter markdown in content/articles, never losing an editor's
change."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from sitegen.content import (article_metadata, check_article_file, check_name, decode, dump_text,
                             load_article,
                             parse_article)
from sitegen.errors import SitegenError, printable
from sitegen.ingest.base import within_limits
from sitegen.ingest.duplicates import Seen
from sitegen.ingest.language import detect_language
from sitegen.ingest.merge import merge, proposal_meta
from sitegen.ingest.entitycache import EntityCache
from sitegen.ingest.entity_pass import resolve_archive
from sitegen.ingest.parallel import Entities, as_tuples, extract_all
from sitegen.ingest.readers import READERS, expand_sources, reader_for
from sitegen.ingest.summary import Summary
from sitegen.ingest.tagpass import candidate_extractor, settle
from sitegen.progress import Progress
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
           log: Callable[[str], None] = print, progress: bool = True, jobs: int | None = None,
           cache: Path | None = None) -> Summary:
    """Read every source, add entities to German articles, and write or update one file per source article.

    The default extractor's results are cached by content hash in `cache` (default
    ROOT/.cache/entities.sqlite)."""
    files = expand_sources(sources)
    out_dir.mkdir(parents=True, exist_ok=True)
    existing = _scan(out_dir, root)
    summary = Summary()
    proposals = _accept(_read_all(files, root, date, summary, log, progress), out_dir, existing, summary,
                        root, log)
    german = [i for i, p in enumerate(proposals) if p.language == "de"]
    texts = [entity_text(proposals[i]) for i in german]
    bar = Progress(len(texts) if progress else 0)
    if extractor is not None:
        found = extract_all(texts, extractor, jobs, bar.update)
    else:
        found = _cached_entities(texts, registry, cache or root / ".cache" / "entities.sqlite", jobs, bar)
    for i, (people, places, organisations, tags) in zip(german, found, strict=True):
        proposals[i] = replace(proposals[i], people=people, places=places, organisations=organisations,
                               tags=tags)
    archive = [article for _, article in existing.by_source.values()]
    batch = {p.source for p in proposals}
    proposals = settle(proposals, [a for a in archive if a.source not in batch])  # tags against the archive
    proposals, changed = resolve_archive(proposals, archive, registry, entity_text)  # one name per entity
    for proposal in proposals + changed:
        try:
            _write(proposal, out_dir, existing, summary, root)
        except (OSError, SitegenError) as exc:
            error = exc if isinstance(exc, SitegenError) else SitegenError(
                f"seine Artikeldatei konnte nicht geschrieben werden: {exc.strerror or exc}",
                path=proposal.source, fix="prüfe Platz und Rechte im Ausgabeordner")
            summary.skip(proposal.source, "Fehler", str(error))
            log(f"übersprungen: {error}")
    return summary


def _cached_entities(texts: list[str], registry: Path | None, cache_file: Path, jobs: int | None,
                     bar: Progress) -> list[Entities]:
    """The default extractor's entities of every text, from the cache where it has them."""
    if not texts:
        return []
    cache = EntityCache(cache_file, registry)
    found = cache.get_many(texts)
    missing = [i for i, entities in enumerate(found) if entities is None]
    if missing:
        cache.close()
        offset = len(texts) - len(missing)
        fresh = extract_all([texts[i] for i in missing], _default_extractor(registry), jobs,
                            lambda n: bar.update(offset + n))
        for i, entities in zip(missing, fresh, strict=True):
            found[i] = entities
        cache.put_many([(texts[i], entities) for i, entities in zip(missing, fresh, strict=True)])
    else:
        bar.update(len(texts))
    cache.close()
    return found  # type: ignore[return-value]


def _read_all(files: list[Path], root: Path, date: dt.date | None, summary: Summary,
              log: Callable[[str], None], progress: bool = True) -> list[Article]:
    """The proposed articles of every file; a file or row that cannot be read is skipped with its reason."""
    proposals: list[Article] = []
    bar = Progress(len(files) if progress else 0, "Dateien")
    for n, path in enumerate(files, start=1):
        shown = _relative(path, root)
        articles, problems = _read_one(path, shown, date)
        for source, problem in problems:
            summary.skip(source, "Fehler", str(problem))
            log(f"übersprungen: {problem}")
        proposals.extend(articles)
        bar.update(n)
    return proposals


def _read_one(path: Path, shown: str, date: dt.date | None) -> tuple[list[Article], list[tuple[str,
SitegenError]]]:
    """The articles of one file and the (source, problem) pairs of what could not be read."""
    reader = reader_for(path)
    try:
        check_name(shown)
        if reader is None:
            raise SitegenError(f"ist kein Format, das ingest liest ({path.suffix or 'ohne Endung'})",
                               path=shown,
                               fix=f"gib Dateien mit {', '.join(sorted(READERS))}")
        articles = reader(path, shown, date)
    except SitegenError as exc:
        return [], [(shown, exc)]
    except Exception as exc:  # noqa: BLE001 - a reader library failing on a broken file: skip it, named
        return [], [(shown, SitegenError(f"kann nicht gelesen werden: {type(exc).__name__}: {exc}",
                                         path=shown,
                                         fix="prüfe die Datei oder speichere sie neu aus ihrer Quelle"))]
    accepted, problems = [], list(getattr(articles, "skipped", ()))
    for article in articles:
        try:
            accepted.append(within_limits(article))
        except SitegenError as exc:
            problems.append((article.source, exc))
    return accepted, problems


def entity_text(article: Article) -> str:
    """What the entity extractor reads of an article: the caption, then the body."""
    caption = article.image.caption if article.image else ""
    return f"{caption}\n\n{article.body}" if caption else article.body


def with_entities(article: Article, extract: Extractor) -> Article:
    """The article with people, places, organisations and tags from the extractor."""
    people, places, organisations, tags = as_tuples(extract(entity_text(article)))
    return replace(article, people=people, places=places, organisations=organisations, tags=tags)


def _accept(proposals: list[Article], out_dir: Path, existing: _Existing, summary: Summary, root: Path,
            log: Callable[[str], None]) -> list[Article]:
    """The proposals to write, each with its detected language; duplicates and blocked ones are skipped."""
    accepted: list[Article] = []
    sources: set[str] = set()
    for proposal in proposals:
        try:
            if proposal.source in sources:
                raise Duplicate("kommt zweimal in den Quellen vor", path=proposal.source,
                                fix="gib jeder Zeile ihre eigene id oder entferne die zweite Zeile")
            if proposal.source not in existing.by_source:
                _check_new(proposal, out_dir, existing, root)
        except SitegenError as exc:
            summary.skip(proposal.source, "Duplikat" if isinstance(exc, Duplicate) else "Fehler", str(exc))
            log(f"übersprungen: {exc}")
            continue
        sources.add(proposal.source)
        existing.seen.add(proposal, proposal.source)
        accepted.append(_with_language(proposal, summary))
    return accepted


def _with_language(proposal: Article, summary: Summary) -> Article:
    """The proposal with its detected language; a note says that entities are skipped when it is not
    German."""
    language = detect_language(f"{proposal.title}\n\n{proposal.body}", default=proposal.language)
    if language != "de":
        summary.not_german.append(proposal.source)
        summary.notes.append(printable(f"{proposal.source}: Sprache '{language}': Entitäten übersprungen "
                                       "(nur für Deutsch)"))
    return replace(proposal, language=language)


def _write(proposal: Article, out_dir: Path, existing: _Existing, summary: Summary, root: Path) -> None:
    """Create, update or leave the content file of one proposed article."""
    found = existing.by_source.get(proposal.source)
    if found:
        path, current = found
        meta, body, kept = merge(current, proposal)
        if kept:
            summary.notes.append(printable(f"{_relative(path, root)}: von Hand geändert, behalten: "
                                           f"{', '.join(kept)}"))
    else:
        path = _free_path(out_dir, proposal.slug, existing)
        meta, body = proposal_meta(replace(proposal, slug=path.stem))
    shown = _relative(path, root)
    if found and same_content(found[1], meta, body):  # an editor's own formatting stays as it is
        summary.unchanged.append(shown)
        return
    text = dump_text(meta, body)
    data = check_article_file(text.encode("utf-8"), shown)
    written = parse_article(decode(data, shown), shown)  # the build's own checks: never write what it rejects
    if path.exists() and path.read_text(encoding="utf-8") == text:
        summary.unchanged.append(shown)
        return
    write_atomic(path, text)
    (summary.updated if found else summary.created).append(shown)
    existing.by_source[proposal.source] = (path, written)


def same_content(current: Article, meta: dict, body: str) -> bool:
    """Whether merged front matter and body say exactly what the current file says."""
    return article_metadata(current) == meta and current.body.strip("\n") == body.strip("\n")


def _check_new(proposal: Article, out_dir: Path, existing: _Existing, root: Path) -> None:
    """Refuse a new source whose article file is unreadable, or whose article the archive already has."""
    broken = out_dir / f"{proposal.slug}.md"
    if broken in existing.unreadable:
        raise SitegenError(f"seine Artikeldatei {_relative(broken, root)} ist nicht lesbar und bleibt "
                           "unberührt",
                           path=proposal.source, fix="korrigiere diese Datei und starte ingest noch einmal")
    twin = existing.seen.duplicate_of(proposal)
    if twin:
        raise Duplicate(f"ist derselbe Artikel wie {twin}", path=proposal.source,
                        fix="nimm jeden Artikel aus nur einer Quelle; entferne oder benenne eine davon um")


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
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _default_extractor(registry_file: Path | None) -> Extractor:
    """The German entity extractor with the archive's registry, handing on every tag candidate to `settle`."""
    return candidate_extractor(registry_file)


def _relative(path: Path, root: Path) -> str:
    """path relative to root, with forward slashes, when it lies below root."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
