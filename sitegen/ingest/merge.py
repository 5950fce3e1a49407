"""Three-way care for editors' work: ingest updates only the fields it generated and an editor left alone;
the front matter it writes."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import yaml

from sitegen.content import UNKNOWN_DATE
from sitegen.model import TAXONOMY_KEYS, Article

RECORD_KEY = "ingest"
PINNED = ("slug", "source", "language")


def fingerprint(value: object) -> str:
    """A short, stable hash of a front-matter value."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def fields_of(article: Article) -> dict[str, object]:
    """The article's generated-or-edited fields as front matter holds them, body included."""
    meta = article_metadata(article)
    meta.pop(RECORD_KEY, None)
    return {**meta, "body": article.body.strip("\n")}


def proposal_meta(proposal: Article) -> tuple[dict, str]:
    """Front matter and body for a new article, recording a fingerprint of every generated field."""
    values = fields_of(proposal)
    record = {k: fingerprint(v) for k, v in sorted(values.items()) if k not in PINNED}
    body = str(values.pop("body"))
    return {**values, RECORD_KEY: record}, body


def merge(existing: Article, proposal: Article) -> tuple[dict, str, list[str]]:
    """Front matter, body and the names of fields kept because an editor changed them."""
    current, new = fields_of(existing), fields_of(proposal)
    record = dict(existing.extra.get(RECORD_KEY) or {})
    kept: list[str] = []
    merged = dict(current)
    for key, value in new.items():
        if key in PINNED:
            continue
        untouched = key in current and record.get(key) == fingerprint(current[key])
        never_written = key not in current and key not in record
        if untouched or never_written:
            merged[key] = value
            record[key] = fingerprint(value)
        elif current.get(key) != value:
            kept.append(key)
    body = str(merged.pop("body"))
    return {**merged, RECORD_KEY: dict(sorted(record.items()))}, body, kept


def article_metadata(article: Article) -> dict:
    """The front-matter mapping of an article, in the canonical field order."""
    date = article.date.isoformat() if isinstance(article.date, dt.datetime) else article.date
    meta = {"title": article.title, "date": date or UNKNOWN_DATE, "slug": article.slug,
            "source": article.source, "language": article.language, "summary": article.summary,
            "image": article.image and {k: v for k, v in vars(article.image).items() if v}}
    optional = ("source", "summary", "image")  # left out when empty
    meta = {key: value for key, value in meta.items() if value or key not in optional}
    return {**meta, **{key: list(article.terms(key)) for key in TAXONOMY_KEYS}, **article.extra}


def dump_text(meta: dict, body: str) -> str:
    """Front-matter markdown from a metadata mapping and a body; the same input gives the same bytes."""
    head = yaml.dump(meta, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=None, width=4096)
    return f"---\n{head}---\n\n{body.strip(chr(10))}\n"
