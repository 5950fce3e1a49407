"""Manifests: a CSV with one row per source file (file,title,date,author,url,section) gives a batch its metadata."""
from __future__ import annotations

import csv
import datetime as dt
import io
import posixpath
from pathlib import Path
from typing import Callable

from sitegen.content import read_text
from sitegen.errors import SitegenError
from sitegen.ingest.base import META_KEYS, Batch, Reader, apply_meta, coerce_meta
from sitegen.ingest.table import sniff

FILE_COLUMNS = ("file", "datei", "path", "filename")


def _header(path: Path) -> list[str]:
    """The lower-cased cells of a CSV file's first line."""
    try:
        first = path.read_text(encoding="utf-8-sig").split("\n", 1)[0]
    except (OSError, UnicodeDecodeError):
        return []
    delimiter, quote = sniff(first)
    return [c.strip().lower() for c in next(csv.reader([first], delimiter=delimiter, quotechar=quote), [])]


def is_manifest(path: Path) -> bool:
    """Whether a CSV file is a manifest: its header names a file column."""
    return path.suffix.lower() == ".csv" and any(c in FILE_COLUMNS for c in _header(path))


def listed_files(path: Path) -> list[Path]:
    """The files a manifest names, resolved against its folder."""
    rows = _rows(path, str(path))
    return [(path.parent / values["file"]).resolve() for _, values in rows if values.get("file")]


def _rows(path: Path, shown: str) -> list[tuple[int, dict[str, str]]]:
    """(line, values by lower-cased column) of every manifest row; 'file' stands for any FILE_COLUMNS name."""
    text = read_text(path)
    delimiter, quote = sniff(text)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter, quotechar=quote)
    rows, line = [], 2
    for raw in reader:
        values = {str(k).strip().lower(): (v or "").strip() for k, v in raw.items() if k is not None}
        values["file"] = next((values[c] for c in FILE_COLUMNS if values.get(c)), "")
        rows.append((line, values))
        line = reader.line_num + 1
    return rows


def read_manifest(path: Path, shown: str, date: dt.date | None, reader_for: Callable[[Path], Reader | None]) -> Batch:
    """Every file a manifest lists, read by its own reader, with the row's metadata on top."""
    batch = Batch()
    for line, values in _rows(path, shown):
        source = posixpath.normpath(posixpath.join(posixpath.dirname(shown), values["file"] or "?"))
        try:
            batch.extend(_read_row(path, shown, line, values, source, date, reader_for))
        except SitegenError as exc:
            batch.skipped.append((source, exc))
    return batch


def _read_row(path: Path, shown: str, line: int, values: dict[str, str], source: str,
              date: dt.date | None, reader_for: Callable[[Path], Reader | None]) -> list:
    """The articles of one manifest row's file, with the row's title, date, author, url and section."""
    if not values["file"]:
        raise SitegenError("row names no file", path=shown, line=line, fix="fill in the 'file' column")
    file = path.parent / values["file"]
    reader = reader_for(file)
    if not file.is_file() or reader is None or file.suffix.lower() == ".csv":
        problem = "does not exist" if not file.is_file() else "is not a text or HTML article"
        raise SitegenError(f"lists {values['file']!r}, which {problem}", path=shown, line=line,
                           fix="correct the 'file' column or remove the row")
    meta = coerce_meta({k: values.get(k) for k in META_KEYS}, shown, line)
    return [apply_meta(article, meta) for article in reader(file, source, date)]
