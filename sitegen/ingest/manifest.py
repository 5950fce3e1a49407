"""Manifests: a CSV with one row per source file (file,title,date,author,url,section) gives a batch its
metadata."""
from __future__ import annotations

import csv
import datetime as dt
import io
import posixpath
from pathlib import Path
from typing import Callable

from sitegen.content import read_text
from sitegen.errors import SitegenError
from sitegen.limits import clean_text
from sitegen.ingest.base import META_KEYS, Batch, Reader, apply_meta, coerce_meta, inside
from sitegen.ingest.table import csv_error, sniff

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
    """The files a manifest names that lie inside its folder, resolved."""
    found = []
    for line, values in _rows(path, str(path)):
        try:
            found.append(listed_file(path, values["file"], str(path), line).resolve())
        except SitegenError:
            continue  # the manifest's own reading names the problem
    return found


def listed_file(manifest: Path, name: str, shown: str, line: int) -> Path:
    """The file a manifest row names: relative, inside the manifest's folder even with every link followed."""
    if not name:
        raise SitegenError("Zeile nennt keine Datei", path=shown, line=line, fix="fülle die Spalte 'file' "
                                                                                 "aus")
    file = manifest.parent / name
    if posixpath.isabs(name) or Path(name).is_absolute() or not inside(manifest.parent, file):
        raise SitegenError(f"nennt {name!r}, die außerhalb des Ordners des Manifests liegt", path=shown,
                           line=line,
                           fix="lege die Datei in den Ordner des Manifests (oder darunter) und nenne sie "
                               "relativ")
    return file


def _rows(path: Path, shown: str) -> list[tuple[int, dict[str, str]]]:
    """(line, values by lower-cased column) of every manifest row; 'file' stands for any FILE_COLUMNS name."""
    text = read_text(path, shown)
    delimiter, quote = sniff(text)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter, quotechar=quote, strict=True)
    rows, line = [], 2
    try:
        for raw in reader:
            values = {str(k).strip().lower(): clean_text(v or "").strip() for k,
                      v in raw.items() if k is not None}
            values["file"] = next((values[c] for c in FILE_COLUMNS if values.get(c)), "")
            rows.append((line, values))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise csv_error(exc, shown, line, reader.line_num, quote) from None
    return rows


def read_manifest(path: Path, shown: str, date: dt.date | None, reader_for: Callable[[Path],
                                                                                     Reader | None]) -> Batch:
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
    file = listed_file(path, values["file"], shown, line)
    reader = reader_for(file)
    if not file.is_file() or reader is None or file.suffix.lower() == ".csv":
        problem = "die es nicht gibt" if not file.is_file() else "die kein Text- oder HTML-Artikel ist"
        raise SitegenError(f"nennt {values['file']!r}, {problem}", path=shown, line=line,
                           fix="korrigiere die Spalte 'file' oder entferne die Zeile")
    meta = coerce_meta({k: values.get(k) for k in META_KEYS}, shown, line)
    return [apply_meta(article, meta) for article in reader(file, source, date)]
