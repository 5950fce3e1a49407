"""Pieces every reader shares: the Reader type, a batch that can skip rows, and applying metadata."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Mapping

from sitegen.errors import SitegenError
from sitegen.fields import FieldError, coerce_date, coerce_text
from sitegen.model import Article
from sitegen.slug import slugify

Reader = Callable[[Path, str, "dt.date | None"], list[Article]]
META_KEYS = ("title", "date", "summary", "author", "url", "section")
EXTRA_ORDER = ("author", "url", "section", "image_url")


class Batch(list):
    """The articles of one source file, plus the rows that were skipped and why."""

    def __init__(self, articles: list[Article] = (), skipped: list[tuple[str, SitegenError]] = ()) -> None:
        super().__init__(articles)
        self.skipped: list[tuple[str, SitegenError]] = list(skipped)


def coerce_meta(raw: Mapping[str, object], shown: str, line: int | None = None) -> dict[str, object]:
    """Metadata values as Article fields need them; a bad value is an error naming the place and the fix."""
    try:
        return {k: (coerce_date(v) if k == "date" else coerce_text(v, k))
                for k, v in raw.items() if v not in (None, "")}
    except FieldError as exc:
        raise SitegenError(str(exc), path=shown, line=line,
                           fix="write dates as 2021-12-31 or 31.12.2021, other values as text") from None


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
