"""Raw source files -> proposed Articles (without entities): one reader per format, chosen by suffix."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitegen.content import decode
from sitegen.errors import SitegenError
from sitegen.ingest.base import Batch, Reader, apply_meta, inside, read_source
from sitegen.ingest.html import read_html_source
from sitegen.ingest.manifest import is_manifest, listed_files, read_manifest
from sitegen.ingest.sidecar import read_sidecar
from sitegen.ingest.table import read_table
from sitegen.ingest.text import headline_from, read_plain, summary_from, to_markdown
from sitegen.limits import MAX_ARTICLE_BYTES
from sitegen.model import Article
from sitegen.slug import slugify


def read_text_source(path: Path, shown: str, date: dt.date | None) -> list[Article]:
    """A plain-text article (photo line, paragraphs) with its optional NAME.yaml sidecar."""
    raw = read_source(path, shown, MAX_ARTICLE_BYTES, "einen Artikel")
    paragraphs, image = read_plain(decode(raw, shown))
    if not paragraphs:
        raise SitegenError("hat keinen Text", path=shown, fix="nimm die leere Datei aus den Quellen")
    title = headline_from(paragraphs[0])
    article = Article(title=title, slug=slugify(title), body=to_markdown(paragraphs), date=date, source=shown,
                      language="de", summary=summary_from(paragraphs), image=image)
    return [apply_meta(article, read_sidecar(path))]


def read_csv_source(path: Path, shown: str, date: dt.date | None) -> Batch:
    """A manifest (a 'file' column) of text or HTML files, or else a bulk dump of one article a row."""
    if is_manifest(path):
        return read_manifest(path, shown, date, reader_for)
    return read_table(path, shown, date)


READERS: dict[str, Reader] = {
    ".txt": read_text_source,
    ".html": read_html_source, ".htm": read_html_source,
    ".csv": read_csv_source, ".tsv": read_table, ".jsonl": read_table, ".ndjson": read_table,
}


def reader_for(path: Path) -> Reader | None:
    """The reader of a source file by its suffix, or None for files that are not sources."""
    return READERS.get(path.suffix.lower())


def expand_sources(sources: list[Path]) -> list[Path]:
    """Files named and files under folders named, sorted; sidecars, unknown types and listed files left out.

    A file that a manifest among them lists is read through the manifest only."""
    found: set[Path] = set()
    for source in sources:
        if source.is_dir():  # a link leading out of the folder is not followed
            found.update(p for p in source.rglob("*") if p.is_file() and reader_for(p) and inside(source, p))
        elif source.is_file():
            found.add(source)
        else:
            raise SitegenError("gibt es nicht", path=source, fix="gib eine Datei oder einen Ordner mit "
                                                                 "Rohartikeln an")
    listed: set[Path] = set()
    for path in found:
        if is_manifest(path):
            try:
                listed.update(listed_files(path))
            except SitegenError:
                pass  # the manifest's own reading names the problem
    return sorted(p for p in found if p.resolve() not in listed)
