"""Content folder -> Articles. The fields but the body are cached as JSON by the file's path and bytes (an
entry only when it reads back exactly); on a hit the body is cut out of the file again."""
from __future__ import annotations

import datetime as dt
import json
import dataclasses
import os
from pathlib import Path

from sitegen.cache import Cache, digest, producer_key
from sitegen.config import Config
from sitegen.content import body_of, check_article_file, decode, parse_article
from sitegen.errors import SitegenError, reason
from sitegen.model import TAXONOMY_KEYS, Article, Image, outline, read_only
from sitegen.workers import files_below, fork_map

TABLE = "front_matter"
OUTLINE = frozenset(f.name for f in dataclasses.fields(Article)) - {"body", "digest"}  # what an entry holds
PARALLEL_FROM = 1000  # files to parse; below this one process is faster than starting workers


def load_articles(config: Config, jobs: int = 1, cache: Cache | None = None) -> list[Article]:
    """Every markdown file under the content folder, sorted by path; misses parsed in `jobs` processes."""
    if not config.content.is_dir():
        raise SitegenError("existiert nicht", path=config.content,
                           fix="'sitegen ingest' ausführen oder --content ORDNER angeben")
    cache = cache or Cache(None)
    known, producer = cache.get_many(TABLE), producer_key()
    files = []  # (key, shown, cached fields or None, the body of a cached file or the bytes of one to parse)
    for path, shown in markdown_files(config.content, config.root):
        data = check_article_file(read_bytes(path), shown)
        key = digest(producer, shown, data)
        fields = decode_fields(known[key]) if key in known else None  # a damaged entry is a miss
        files.append((key, shown, fields, data if fields is None else body_of(decode(data, shown))))
    with fork_map(_parse_one, [(held, shown) for _, shown, fields, held in files if fields is None], jobs,
                  PARALLEL_FROM) as results:
        parsed = list(results)
    for error in (item for item in parsed if len(item) == 4):  # the first bad file raises its error
        raise SitegenError(*error)
    fresh = iter(parsed)
    articles, new = [], {}
    for key, shown, fields, held in files:
        if fields is None:
            fields, new[key] = next(fresh)
            held = body_of(decode(held, shown))
        articles.append(Article(body=held, digest=key, **fields))
    stale = len(known) > 2 * len(files) + 100  # entries of files long gone: keep only the used ones
    if stale:
        new.update((key, known[key]) for key, _, fields, _ in files if fields is not None)
    cache.put_many(TABLE, {key: text for key, text in new.items() if text}, only=stale)
    return articles


def read_bytes(path: str) -> bytes:
    """A file's bytes in one unbuffered read (Path.read_bytes costs three times as much per small file)."""
    with open(path, "rb", buffering=0) as handle:
        return handle.read()


def _parse_one(file: tuple[bytes, str]) -> tuple:
    """Worker: the fields but the body of the article in a file's bytes, and their JSON; or an error as
    (message, path, line, fix)."""
    data, shown = file
    try:
        fields = outline(parse_article(decode(data, shown), shown))
    except SitegenError as exc:
        return (exc.message, exc.path, exc.line, exc.fix)
    return fields, encode_fields(fields)


def encode_fields(fields: dict) -> str | None:
    """The fields as JSON, or None when they would not read back exactly (a date inside `extra`)."""
    date, image = fields["date"], fields["image"]
    plain = {**fields, "date": date and date.isoformat(), "image": image and vars(image),
             "extra": dict(fields["extra"])}
    try:
        text = json.dumps(plain, ensure_ascii=False)
    except (TypeError, ValueError):
        return None
    return text if repr(decode_fields(text)) == repr(fields) else None


def decode_fields(text: str) -> dict | None:
    """Fields from encode_fields' JSON; None when it is damaged."""
    try:
        fields = json.loads(text)
        if set(fields) != OUTLINE:  # whole JSON, but not an article's fields
            return None
        date, image = fields["date"], fields["image"]
        fields.update({name: tuple(fields[name]) for name in TAXONOMY_KEYS}, extra=read_only(fields["extra"]),
                      date=date and (dt.datetime if "T" in date else dt.date).fromisoformat(date),
                      image=image and Image(**image))
        return fields
    except (TypeError, ValueError, KeyError, AttributeError):
        return None


def markdown_files(folder: Path, root: Path) -> list[tuple[str, str]]:
    """Every *.md file below `folder`, sorted by path parts, with its path as content.shown_path shows it."""
    found = sorted(((rel.split("/"), entry.path) for rel, entry in files_below(os.path.abspath(folder))
                    if rel.endswith(".md") and _is_file(entry)), key=lambda item: item[0])
    base = os.path.abspath(root) + os.sep
    return [(path, path[len(base):] if path.startswith(base) else path) for _, path in found]


def _is_file(entry: os.DirEntry) -> bool:
    """Whether the entry is a file or a link to one; a link leading nowhere readable (a loop) is an error."""
    try:
        return entry.is_file()
    except OSError as exc:
        raise SitegenError(f"kann nicht gelesen werden: {reason(exc)}", path=entry.path,
                           fix="entferne den Link oder lass ihn auf eine Datei zeigen") from None

