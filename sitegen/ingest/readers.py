"""Raw source files -> proposed Articles (without entities): one reader per format."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import MappingProxyType
from typing import Callable

from sitegen.content import read_text
from sitegen.errors import SitegenError
from sitegen.ingest.sidecar import read_sidecar
from sitegen.ingest.text import headline_from, read_plain, summary_from, to_markdown
from sitegen.model import Article
from sitegen.slug import slugify

Reader = Callable[[Path, str, "dt.date | None"], list[Article]]


def read_text_source(path: Path, shown: str, date: dt.date | None) -> list[Article]:
    """A plain-text article (photo line, paragraphs) with its optional NAME.yaml sidecar."""
    paragraphs, image = read_plain(read_text(path))
    if not paragraphs:
        raise SitegenError("has no text", path=shown, fix="remove the empty file from the sources")
    meta = read_sidecar(path)
    title = str(meta.pop("title", "") or headline_from(paragraphs[0]))
    extra = {k: meta.pop(k) for k in ("author", "url", "section") if meta.get(k)}
    article = Article(
        title=title, slug=slugify(title), body=to_markdown(paragraphs),
        date=meta.get("date") or date, source=shown, language="de",
        summary=str(meta.get("summary") or summary_from(paragraphs)), image=image,
        extra=MappingProxyType(extra),
    )
    return [article]


READERS: dict[str, Reader] = {".txt": read_text_source}


def reader_for(path: Path) -> Reader | None:
    """The reader of a source file by its suffix, or None for files that are not sources."""
    return READERS.get(path.suffix.lower())


def expand_sources(sources: list[Path]) -> list[Path]:
    """Files named and files under folders named, sorted; sidecars and unknown types left out."""
    found: set[Path] = set()
    for source in sources:
        if source.is_dir():
            found.update(p for p in source.rglob("*") if p.is_file() and reader_for(p))
        elif source.is_file():
            found.add(source)
        else:
            raise SitegenError("does not exist", path=source, fix="give a file or folder of raw articles")
    return sorted(found)
