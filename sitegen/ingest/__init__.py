"""`sitegen ingest`: raw sources -> front-matter markdown in content/articles, never losing an editor's
change."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from sitegen.content import check_name, load_article
from sitegen.errors import SitegenError, printable
from sitegen.ingest.base import within_limits
from sitegen.ingest.duplicates import Seen
from sitegen.ingest.entitycache import EntityCache
from sitegen.ingest.entity_pass import resolve_archive
from sitegen.ingest.parallel import Entities, detect_all, extract_all, forking, job_count, per_article
from sitegen.ingest.readers import READERS, expand_sources, reader_for
from sitegen.ingest.summary import Summary
from sitegen.ingest.tagpass import candidate_extractor, load_models, settle
from sitegen.ingest.writing import plan_paths, relative, write_all
from sitegen.model import Article
from sitegen.workers import Progress

Extractor = Callable[[str], object]
__all__ = ["ingest", "Summary", "entity_text"]


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
    files, jobs = expand_sources(sources), job_count(jobs)
    out_dir.mkdir(parents=True, exist_ok=True)
    existing = _scan(out_dir, root, jobs)
    summary = Summary()
    proposals = _accept(_read_all(files, root, date, summary, log, progress), out_dir, existing, summary,
                        root, log, jobs)
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
    write_all(plan_paths(proposals + changed, out_dir, existing.by_source, set(existing.unreadable)), root,
              summary, log, jobs)
    return summary


def _cached_entities(texts: list[str], registry: Path | None, cache_file: Path, jobs: int,
                     bar: Progress) -> list[Entities]:
    """The default extractor's entities of every text, from the cache where it has them."""
    if not texts:
        return []
    cache = EntityCache(cache_file, registry)
    found = cache.get_many(texts)
    missing = [i for i, entities in enumerate(found) if entities is None]
    if missing:
        cache.close()
        offset, extractor = len(texts) - len(missing), _default_extractor(registry)
        if forking(missing, jobs):
            load_models(extractor)
        fresh = extract_all([texts[i] for i in missing], extractor, jobs, lambda n: bar.update(offset + n))
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
        shown = relative(path, root)
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


def _accept(proposals: list[Article], out_dir: Path, existing: _Existing, summary: Summary, root: Path,
            log: Callable[[str], None], jobs: int) -> list[Article]:
    """The proposals to write, each with its detected language; duplicates and blocked ones are skipped."""
    accepted: list[Article] = []
    sources: set[str] = set()
    languages = detect_all(proposals, jobs)
    for proposal, language in zip(proposals, languages, strict=True):
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
        accepted.append(_with_language(proposal, language, summary))
    return accepted


def _with_language(proposal: Article, language: str, summary: Summary) -> Article:
    """The proposal with its detected language; a note says that entities are skipped when it is not
    German."""
    if language != "de":
        summary.not_german.append(proposal.source)
        summary.notes.append(printable(f"{proposal.source}: Sprache '{language}': Entitäten übersprungen "
                                       "(nur für Deutsch)"))
    return replace(proposal, language=language)


def _check_new(proposal: Article, out_dir: Path, existing: _Existing, root: Path) -> None:
    """Refuse a new source whose article file is unreadable, or whose article the archive already has."""
    broken = out_dir / f"{proposal.slug}.md"
    if broken in existing.unreadable:
        raise SitegenError(f"seine Artikeldatei bleibt unberührt, bis sie lesbar ist: "
                           f"{existing.unreadable[broken]}", path=proposal.source, fix="dann starte ingest "
                           "noch einmal")
    twin = existing.seen.duplicate_of(proposal)
    if twin:
        raise Duplicate(f"ist derselbe Artikel wie {twin}", path=proposal.source,
                        fix="nimm jeden Artikel aus nur einer Quelle; entferne oder benenne eine davon um")


def _scan(out_dir: Path, root: Path, jobs: int) -> _Existing:
    """Index the existing articles by source, URL and text; files that do not parse are never touched."""
    existing = _Existing()
    paths = sorted(out_dir.glob("*.md"))
    with per_article(lambda path: _loaded(path, root), paths, jobs) as loaded:
        for path, article in zip(paths, loaded, strict=True):
            if isinstance(article, str):
                existing.unreadable[path] = article
                continue
            if article.source:
                existing.by_source[article.source] = (path, article)
            existing.seen.add(article, relative(path, root))
    return existing


def _loaded(path: Path, root: Path) -> Article | str:
    """The article in the file, or why it cannot be read."""
    try:
        return load_article(path, root)
    except SitegenError as exc:
        return str(exc)


def _default_extractor(registry_file: Path | None) -> Extractor:
    """The German entity extractor with the archive's registry, handing on every tag candidate to `settle`."""
    return candidate_extractor(registry_file)
