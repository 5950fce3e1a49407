"""Content folder -> Articles. The fields but the body are cached as JSON by the file's path and bytes (an
entry only when it reads back exactly); on a hit the body is cut out of the file again."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from sitegen.cache import Cache, digest, producer_key
from sitegen.config import Config
from sitegen.content import body_of, check_article_file, decode, parse_article
from sitegen.errors import SitegenError
from sitegen.model import TAXONOMY_KEYS, Article, Image, outline, read_only
from sitegen.walk import files_below
from sitegen.workers import fork_map

TABLE = "front_matter"
PARALLEL_FROM = 1000  # files to parse; below this one process is faster than starting workers


def load_articles(config: Config, jobs: int = 1, cache: Cache | None = None) -> list[Article]:
    """Every markdown file under the content folder, sorted by path; misses parsed in `jobs` processes."""
    if not config.content.is_dir():
        raise SitegenError("existiert nicht", path=config.content,
                           fix="'sitegen ingest' ausführen oder --content ORDNER angeben")
    cache = cache or Cache(None)
    known, producer = cache.get_many(TABLE), producer_key()
    files = []  # (key, shown, text)
    for path, shown in markdown_files(config.content, config.root):
        data = check_article_file(Path(path).read_bytes(), shown)
        files.append((digest(producer, shown, data), shown, decode(data, shown)))
    cached = {key: decode_fields(known[key]) for key, _, _ in files if key in known}  # None: damaged
    with fork_map(_parse_one, [(text, shown) for key, shown, text in files if cached.get(key) is None], jobs,
                  PARALLEL_FROM) as results:
        parsed = list(results)
    for error in (item for item in parsed if len(item) == 4):  # the first bad file raises its error
        raise SitegenError(*error)
    fresh, new, articles = iter(parsed), {}, []
    for key, _, text in files:
        fields = cached.get(key)
        if fields is None:
            fields, new[key] = next(fresh)
        articles.append(Article(body=body_of(text), digest=key, **fields))
    stale = len(known) > 2 * len(files) + 100  # entries of files long gone: keep only the used ones
    if stale:
        new = {**{key: known[key] for key, fields in cached.items() if fields is not None}, **new}
    cache.put_many(TABLE, {key: text for key, text in new.items() if text}, only=stale)
    return articles


def _parse_one(file: tuple[str, str]) -> tuple:
    """Worker: a file's fields but its body, with their JSON; or an error as (message, path, line, fix)."""
    try:
        article = parse_article(*file)
    except SitegenError as exc:
        return (exc.message, exc.path, exc.line, exc.fix)
    fields = outline(article)
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
        date, image = fields["date"], fields["image"]
        fields.update({name: tuple(fields[name]) for name in TAXONOMY_KEYS}, extra=read_only(fields["extra"]),
                      date=date and (dt.datetime if "T" in date else dt.date).fromisoformat(date),
                      image=image and Image(**image))
        return fields
    except (TypeError, ValueError, KeyError):
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
        raise SitegenError(f"kann nicht gelesen werden: {exc.strerror}", path=entry.path,
                           fix="entferne den Link oder lass ihn auf eine Datei zeigen") from None

