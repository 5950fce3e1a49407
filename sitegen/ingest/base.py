"""Pieces every reader shares: the Reader type, a batch that can skip rows, and applying metadata."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Mapping

from sitegen.content import FieldError, coerce_date, coerce_text
from sitegen.errors import SitegenError
from sitegen.limits import MAX_ARTICLE_BYTES, MAX_FIELD_CHARS, clean_text, size_text
from sitegen.model import Article, Image
from sitegen.slug import slugify

Reader = Callable[[Path, str, "dt.date | None"], list[Article]]
META_KEYS = ("title", "date", "summary", "author", "url", "section")
EXTRA_ORDER = ("author", "url", "section", "image_url")


class Batch(list):
    """The articles of one source file, plus the rows that were skipped and why."""

    def __init__(self, articles: list[Article] = (), skipped: list[tuple[str, SitegenError]] = ()) -> None:
        super().__init__(articles)
        self.skipped: list[tuple[str, SitegenError]] = list(skipped)


def inside(folder: Path, path: Path) -> bool:
    """Whether `path`, with every link followed, lies inside `folder`: the one check of every path ingest
    reads
    from a folder or a manifest (a link loop is outside)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def read_source(path: Path, shown: str, limit: int, what: str) -> bytes:
    """A raw source's bytes; one larger than `limit` (limits.py) is refused before it is read."""
    size = path.stat().st_size
    if size > limit:
        raise SitegenError(f"ist mit {size_text(size)} zu groß für {what} (höchstens {size_text(limit)})",
                           path=shown, fix="teile sie auf oder nimm nur den Artikel selbst")
    return path.read_bytes()


def coerce_meta(raw: Mapping[str, object], shown: str, line: int | None = None) -> dict[str, object]:
    """Metadata values as Article fields need them; a bad value is an error naming the place and the fix."""
    try:
        return {k: (coerce_date(v) if k == "date" else coerce_text(v, k))
                for k, v in raw.items() if v not in (None, "")}
    except FieldError as exc:
        raise SitegenError(str(exc), path=shown, line=line,
                           fix="schreibe Daten als 2021-12-31 oder 31.12.2021, andere Werte als "
                               "Text") from None


def apply_meta(article: Article, meta: Mapping[str, object]) -> Article:
    """The article with title, date, summary and the extra fields (author, url, section) that meta gives."""
    changes: dict[str, object] = {}
    if meta.get("title"):
        changes.update(title=str(meta["title"]), slug=slugify(str(meta["title"])))
    for key in ("date", "summary"):
        if meta.get(key):
            changes[key] = meta[key]
    extra = {**article.extra, **{k: meta[k] for k in EXTRA_ORDER if meta.get(k)}}
    return replace(article, **changes, extra=ordered_extra(extra))


def ordered_extra(extra: Mapping[str, object]) -> Mapping[str, object]:
    """Extra fields in one fixed order, so the same source always writes the same bytes."""
    known = [k for k in EXTRA_ORDER if extra.get(k)]
    rest = sorted(k for k in extra if k not in EXTRA_ORDER)
    return MappingProxyType({k: extra[k] for k in (*known, *rest)})


def within_limits(article: Article) -> Article:
    """The article read from a raw source without the characters XML forbids; a text longer than the build
    accepts (limits.py) is an error naming the source, found before any costly step."""
    image = article.image and Image(**{k: clean_text(v) for k, v in vars(article.image).items()})
    extra = {k: clean_text(v) if isinstance(v, str) else v for k, v in article.extra.items()}
    article = replace(article, title=clean_text(article.title), body=clean_text(article.body),
                      summary=clean_text(article.summary), image=image, extra=MappingProxyType(extra))
    size = len(article.body.encode("utf-8", "replace"))
    if size > MAX_ARTICLE_BYTES:
        raise SitegenError(f"hat mit {size_text(size)} zu viel Text für einen Artikel (höchstens "
                           f"{size_text(MAX_ARTICLE_BYTES)})", path=article.source,
                           fix="teile den Text in seine Artikel auf")
    texts = {"title": article.title, "summary": article.summary, **extra,
             **{f"image.{k}": v for k, v in (vars(image) if image else {}).items()}}
    for key, value in texts.items():
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            raise SitegenError(f"'{key}' hat {len(value):,} Zeichen (höchstens {MAX_FIELD_CHARS:,})"
                               .replace(",", "."), path=article.source, fix=f"kürze '{key}'")
    return article
