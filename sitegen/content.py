"""Article <-> front-matter markdown: strict parsing with file:line errors, deterministic dumping."""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from types import MappingProxyType

import frontmatter
import yaml

from sitegen.errors import SitegenError
from sitegen.fields import FIELD_COERCERS, UNKNOWN_DATE, FieldError
from sitegen.model import TAXONOMY_KEYS, Article
from sitegen.slug import slugify

FIELD_ORDER = ("title", "date", "slug", "source", "language", "summary", "image", *TAXONOMY_KEYS)
_HANDLER = frontmatter.YAMLHandler()
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """SafeLoader that leaves dates as text, so impossible dates get our message, not a crash."""


YamlLoader.yaml_implicit_resolvers = {
    key: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_text(path: Path) -> str:
    """The file's text as UTF-8 (a BOM is dropped, CRLF becomes LF); anything else is a clear error."""
    return decode(path.read_bytes(), path)


def decode(data: bytes, path: object) -> str:
    """Bytes of a text file as str; binary and non-UTF-8 data are errors naming `path`."""
    if b"\x00" in data[:8192]:
        raise SitegenError("is a binary file, not an article", path=path, fix="move it out of the content folder")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SitegenError(f"is not UTF-8 (byte {exc.start})", path=path, line=line,
                           fix="save the file as UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def load_article(path: Path, root: Path | None = None) -> Article:
    """Read one article file; every problem is a SitegenError naming the file and line."""
    shown = shown_path(path, root)
    return parse_article(decode(path.read_bytes(), shown), shown)


def parse_article(text: str, shown: str) -> Article:
    """Parse front-matter markdown text; `shown` is the path used in messages."""
    if not text.strip():
        raise SitegenError("is empty", path=shown, fix="delete it or add front matter with a title")
    if not text.startswith("---"):
        raise SitegenError("has no front matter", path=shown, line=1,
                           fix="start the file with a '---' line, 'title: ...', and another '---' line")
    try:
        fm, body = _HANDLER.split(text)
    except ValueError:
        raise SitegenError("front matter is not closed", path=shown, line=1,
                           fix="end the front matter with a line of three dashes '---'") from None
    meta = _load_yaml(fm, shown)
    return _article_from(meta, body.strip("\n"), fm, shown)


def body_of(text: str) -> str:
    """The markdown body of an article's text that parse_article accepted."""
    return _HANDLER.split(text)[1].strip("\n")


def _load_yaml(fm: str, shown: str) -> dict:
    """The front matter as a mapping; YAML errors carry the file's line number."""
    try:
        meta = yaml.load(fm, Loader=YamlLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1  # the block starts with the newline after '---'

        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise SitegenError(f"front matter is not valid YAML: {problem}", path=shown, line=line,
                           fix="check quotes, colons and indentation; quote titles that contain ': '") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SitegenError("front matter must be 'key: value' lines", path=shown, line=2,
                           fix="write e.g. 'title: Meine Überschrift'")
    return meta


def _article_from(meta: dict, body: str, fm: str, shown: str) -> Article:
    """Coerce every known field; unknown keys are kept in `extra`."""
    values: dict[str, object] = {}
    for key, coerce in FIELD_COERCERS.items():
        if key in meta:
            try:
                values[key] = coerce(meta[key], key)
            except FieldError as exc:
                raise SitegenError(str(exc), path=shown, line=_line_of(fm, key), fix=_fix_for(key)) from None
    if not values.get("title"):
        raise SitegenError("has no title", path=shown, line=_line_of(fm, "title") or 2,
                           fix="add a line 'title: ...' to the front matter")
    values["slug"] = values.get("slug") or slugify(str(values["title"]))
    if values["slug"] != slugify(str(values["slug"])):
        raise SitegenError(f"slug {values['slug']!r} is not a safe URL part", path=shown,
                           line=_line_of(fm, "slug"), fix=f"use {slugify(str(values['slug']))!r}")
    values["language"] = values.get("language") or "de"
    extra = {k: v for k, v in meta.items() if k not in FIELD_COERCERS and isinstance(k, str)}
    return Article(body=body, extra=MappingProxyType(extra), path=shown, **values)  # type: ignore[arg-type]


def _line_of(fm: str, key: str) -> int | None:
    """The file line where front-matter key `key` is set."""
    match = re.search(rf"^{re.escape(key)}\s*:", fm, flags=re.MULTILINE)
    return fm.count("\n", 0, match.start()) + 1 if match else None


def _fix_for(key: str) -> str:
    """The fix to suggest for a bad value of `key`."""
    if key == "date":
        return "write a real date as 2021-12-31 or 31.12.2021, or 'unbekannt'"
    if key in TAXONOMY_KEYS:
        return f"write '{key}: [Name A, Name B]' or '{key}: []'"
    if key == "image":
        return "write 'image: {caption: \"...\", credit: \"...\"}'"
    return f"write '{key}: \"...\"'"


def shown_path(path: Path, root: Path | None) -> str:
    """Path relative to root when below it, for messages and the article's `path` (a string prefix, not
    os.path.relpath: it is asked for every article of every build)."""
    if root is None:
        return str(path)
    base, absolute = os.path.abspath(root), os.path.abspath(path)
    return absolute[len(base) + 1:] if absolute.startswith(base + os.sep) else str(path)


def article_metadata(article: Article) -> dict:
    """The front-matter mapping of an article, in the canonical field order."""
    meta: dict[str, object] = {"title": article.title, "date": dump_date(article.date), "slug": article.slug}
    if article.source:
        meta["source"] = article.source
    meta["language"] = article.language
    if article.summary:
        meta["summary"] = article.summary
    if article.image:
        meta["image"] = {k: v for k, v in vars(article.image).items() if v}
    for key in TAXONOMY_KEYS:
        meta[key] = list(article.terms(key))
    meta.update(article.extra)
    return meta


def dump_date(value: dt.date | None) -> object:
    """A date as front matter writes it; unknown dates are stated as 'unbekannt'."""
    if value is None:
        return UNKNOWN_DATE
    return value.isoformat() if isinstance(value, dt.datetime) else value


def dump_article(article: Article) -> str:
    """Front-matter markdown for an article; the same article always gives the same bytes."""
    return dump_text(article_metadata(article), article.body)


def dump_text(meta: dict, body: str) -> str:
    """Front-matter markdown from a metadata mapping and a markdown body."""
    head = yaml.dump(meta, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=None, width=4096)
    return f"---\n{head}---\n\n{body.strip(chr(10))}\n"
