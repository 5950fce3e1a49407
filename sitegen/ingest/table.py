"""Reader for bulk dumps: CSV (any delimiter, ' or \" quotes, header optional) and JSON lines, one article a
row."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Iterator

from sitegen.content import read_text
from sitegen.errors import SitegenError
from sitegen.ingest.base import META_KEYS, Batch, apply_meta, coerce_meta
from sitegen.limits import MAX_NESTING, MAX_ROW_BYTES, clean_text, size_text
from sitegen.ingest.text import headline_from, paragraphs_of, summary_from, to_markdown
from sitegen.model import Article
from sitegen.slug import slugify

COLUMNS = {
    "text": ("text", "body", "content", "article", "artikel", "inhalt", "fulltext", "volltext"),
    "title": ("title", "headline", "titel", "überschrift", "ueberschrift"),
    "date": ("date", "datum", "published", "pubdate", "date_published", "datepublished"),
    "author": ("author", "autor", "byline", "authors"),
    "url": ("url", "link", "href"),
    "section": ("section", "category", "kategorie", "ressort", "rubrik", "label"),
    "summary": ("summary", "teaser", "lead", "description", "vorspann"),
    "id": ("id", "row_id", "rowid", "guid", "key", "article_id"),
    "language": ("language", "lang", "sprache"),
}
_ALIASES = {alias: key for key, aliases in COLUMNS.items() for alias in aliases}
_PLACE = r"[A-ZÄÖÜ][\w'’.-]*(?:(?: ?/ ?| )(?:am|an der|an|im|bei|ob|[A-ZÄÖÜ][\w'’.-]*)){0,4}"
_DATELINE = re.compile(rf"(?<=[.!?:«»\"“”)])\s+(?={_PLACE} ?[–—-] \S)")
Row = tuple[int, dict[str, str]]


def read_table(path: Path, shown: str, date: dt.date | None) -> Batch:
    """The articles of a CSV or JSON-lines dump; a bad row is skipped with its reason, the others go on."""
    text = read_text(path, shown)
    rows = _json_rows(text, shown) if path.suffix.lower() in (".jsonl", ".ndjson") else _csv_rows(text, shown)
    batch = Batch()
    for number, (line, values) in enumerate(rows, start=1):
        key = f"id={values['id'].strip()}" if values.get("id", "").strip() else f"row={number}"
        try:
            if "__error__" in values:
                raise SitegenError(values["__error__"], path=shown, line=line, fix="schreibe ein "
                                                                                   "JSON-Objekt je Zeile")
            batch.append(article_from_row(values, f"{shown}#{key}", date, shown, line))
        except SitegenError as exc:
            batch.skipped.append((f"{shown}#{key}", exc))
    return batch


def article_from_row(values: dict[str, str], source: str, date: dt.date | None, shown: str,
                     line: int) -> Article:
    """One row as an article; a teaser before a dateline ('Wien – ') gives the headline and, unless the
    headline
    already says all of it, the summary."""
    paragraphs = paragraphs_of(values.get("text", ""))
    if not paragraphs:
        raise SitegenError(f"Zeile {source.rsplit('#', 1)[1]} hat keinen Text", path=shown, line=line,
                           fix="gib jeder Zeile einen Text oder entferne die Zeile")
    meta = coerce_meta({k: values.get(k) for k in META_KEYS}, shown, line)
    teaser, rest = split_teaser(paragraphs[0])
    if teaser:
        paragraphs = [teaser, rest, *paragraphs[1:]]
    title = headline_from(paragraphs[0])
    summary = summary_from(paragraphs)
    if teaser:
        summary = teaser if meta.get("title") or title != teaser.rstrip(".") else summary_from(paragraphs[1:])
    language = (values.get("language") or "de").strip().lower()[:2] or "de"
    article = Article(title=title, slug=slugify(title), body=to_markdown(paragraphs), date=date,
                      source=source,
                      language=language, summary=summary)
    return apply_meta(article, meta)


def split_teaser(paragraph: str) -> tuple[str, str]:
    """(teaser, text from the dateline on) when the paragraph opens with a teaser and a dateline, else ('',
    ...)."""
    match = _DATELINE.search(paragraph[:600])
    if not match or match.start() < 20:
        return "", paragraph
    return paragraph[: match.start()].strip(), paragraph[match.end():].strip()


def sniff(sample: str) -> tuple[str, str]:
    """(delimiter, quote character) of a CSV text: the first delimiter of the first line, the quote after
    one."""
    first = sample.split("\n", 1)[0]
    match = re.match(r"""^(?:"[^"]*"|'[^']*'|[^;,\t'"]*)([;,\t])""", first)
    delimiter = match.group(1) if match else ","
    quote = re.search(rf"(?:^|[{re.escape(delimiter)}\n])\s?(['\"])", sample[:8192])
    return delimiter, quote.group(1) if quote else '"'


def _csv_rows(text: str, shown: str) -> Iterator[Row]:
    """(first line, values by column) for every CSV row, with or without a header row."""
    delimiter, quote = sniff(text)
    csv.field_size_limit(MAX_ROW_BYTES)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar=quote, doublequote=True,
                        strict=True)
    names: list[str] | None = None
    line = 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if names is None:
                names, header = _columns(cells, shown, start)
                if header:
                    continue
            yield start, {n: clean_text(c) for n, c in zip(names, cells) if n}
    except csv.Error as exc:
        raise csv_error(exc, shown, line, reader.line_num, quote) from None


def csv_error(exc: csv.Error, shown: str, line: int, last: int, quote: str) -> SitegenError:
    """The one-line error for a CSV row that cannot be read: a field too large, or quotes that do not pair up
    (the row would swallow the rows after it)."""
    if "field larger" in str(exc):
        return SitegenError(f"ein Feld der Zeile ist größer als {size_text(MAX_ROW_BYTES)}", path=shown,
                            line=line,
                            fix="teile den Text in seine Artikel auf")
    swallowed = f"; sie verschluckt die Zeilen bis {last}" if last > line else ""
    return SitegenError(f"ein Anführungszeichen {quote} wird nicht richtig geschlossen{swallowed}",
                        path=shown,
                        line=line, fix=f"schließe das Feld mit {quote} direkt vor dem Trennzeichen; ein "
                                       f"{quote} im "
                                       f"Text wird verdoppelt ({quote}{quote})")


def _columns(cells: list[str], shown: str, line: int) -> tuple[list[str], bool]:
    """(column names, whether this row is the header): a header names a text column; unknown columns are left
    out.

    A file without a header may have the text alone, or the text and a section (10kGNAD: `category;'text'`).
    """
    named = [_ALIASES.get(c.strip().lower(), "") for c in cells]
    if "text" in named:
        return named, True
    if len(cells) == 1:
        return ["text"], False
    if len(cells) == 2:
        return (["text", "section"] if len(cells[0]) > len(cells[1]) else ["section", "text"]), False
    raise SitegenError(f"hat {len(cells)} Spalten, aber keine Kopfzeile, die sie benennt", path=shown,
                       line=line,
                       fix="setze eine erste Zeile mit den Spaltennamen davor, z. B. "
                           "id;title;date;section;text")


def _json_rows(text: str, shown: str) -> Iterator[Row]:
    """(line, values by column) for every JSON-lines record, each decoded on its own: a line that is not an
    object, too long or too deeply nested is an error row, and the others go on."""
    for line, raw in enumerate(text.split("\n"), start=1):
        if raw.strip():
            record = _json_record(raw, line)
            values = {_ALIASES.get(str(k).strip().lower(), str(k)): "" if v is None else clean_text(str(v))
                      for k, v in record.items()}
            yield line, {k: v for k, v in values.items() if k in COLUMNS or k == "__error__"}


def _json_record(raw: str, line: int) -> dict:
    """One JSON-lines row as a mapping; a bad row as {'__error__': why}."""
    if len(raw) > MAX_ROW_BYTES:
        return {"__error__": f"Zeile {line} ist größer als {size_text(MAX_ROW_BYTES)}"}
    too_deep = {"__error__": f"Zeile {line} ist tiefer als {MAX_NESTING} Ebenen verschachtelt"}
    try:
        record = json.loads(raw)
    except RecursionError:
        return too_deep
    except ValueError as exc:
        return {"__error__": f"Zeile {line} ist kein JSON ({exc.args[0].split(':')[0]})"}
    if not isinstance(record, dict):
        return {"__error__": f"Zeile {line} ist kein JSON-Objekt"}
    return too_deep if _depth(record) > MAX_NESTING else record


def _depth(value: object) -> int:
    """How deeply lists and mappings nest in a JSON value (iterative: any depth is safe)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth <= MAX_NESTING and isinstance(item, (list, dict)):
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest
