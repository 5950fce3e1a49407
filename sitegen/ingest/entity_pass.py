"""The archive-wide entity pass of ingest: one name per real entity over new and existing articles."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sitegen.entities.merging import REASONS, ArticleNames, Merge, apply, plan
from sitegen.entities.registry import Registry, load_registry
from sitegen.model import Article

TYPE_NAMES = {"PER": ("person", "Person"), "LOC": ("place", "Ort"), "ORG": ("organisation", "Organisation")}


def names_of(article: Article, text: str) -> ArticleNames:
    """The entity lists of an article, with the text the abbreviation rule reads."""
    return ArticleNames(tuple(article.people), tuple(article.places), tuple(article.organisations), text,
                        article.section)


def archive_merges(articles: list[tuple[Article, str]], registry: Registry) -> list[Merge]:
    """The merges the whole archive suggests (articles with the text the extractor read)."""
    return plan([names_of(a, text) for a, text in articles], registry)


def resolve_archive(proposals: list[Article], existing: list[Article], registry_file: Path | None,
                    text_of) -> tuple[list[Article], list[Article]]:
    """(the proposals with merged entity lists, the existing articles outside this batch whose lists change).

    Existing articles are written through the usual three-way merge, so a list an editor changed stays."""
    registry = load_registry(registry_file) if registry_file else Registry()
    batch = {p.source for p in proposals}
    others = [a for a in existing if a.source not in batch]
    merges = archive_merges([(a, text_of(a)) for a in proposals + others], registry)
    if not merges:
        return proposals, []
    merged = [_with(a, merges, registry) for a in proposals]
    changed = [new for a in others if (new := _with(a, merges, registry)) != a]
    return merged, changed


def _with(article: Article, merges: list[Merge], registry: Registry) -> Article:
    new = apply(names_of(article, ""), merges, registry)
    if (new.people, new.places, new.organisations) == (tuple(article.people), tuple(article.places),
                                                       tuple(article.organisations)):
        return article
    return replace(article, people=new.people, places=new.places, organisations=new.organisations)


def describe(merges: list[Merge], registry_file: str = "content/entities.yaml") -> list[str]:
    """The merges in German, one line each, then each target as an entry for the editors' registry."""
    if not merges:
        return ["Keine Zusammenführungen vorgeschlagen."]
    lines = [f"{len(merges)} Zusammenführungen (Name -> wird zu; Grund; betroffene Artikel):"]
    for m in sorted(merges, key=lambda m: (m.target, m.source)):
        moved = "" if m.cls == m.target_cls else f", wechselt zu {TYPE_NAMES[m.target_cls][1]}"
        goes = f"-> {m.target}" if m.target else "entfällt"  # a town for a club the article does not name
        lines.append(f"  {m.source} {goes} ({TYPE_NAMES[m.cls][1]}; {REASONS[m.reason]}; "
                     f"{m.articles} Artikel{moved})")
    lines += ["", f"Als Einträge für {registry_file} (übernehmen, ändern oder trennen; das Register gilt; "
                  "ein Name im Register entfällt nie):"]
    targets: dict[tuple[str, str], list[str]] = {}
    for m in merges:
        if m.target:
            targets.setdefault((m.target, m.target_cls), []).append(m.source)
    for (name, cls), sources in sorted(targets.items()):
        lines += [f"  - name: {name}", f"    type: {TYPE_NAMES[cls][0]}",
                  f"    aliases: [{', '.join(sorted(sources))}]"]
    return lines
