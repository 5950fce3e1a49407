"""Metadata sidecars: NAME.yaml beside a raw source gives title, date, author, url, section."""
from __future__ import annotations

from pathlib import Path

import yaml

from sitegen.content import YamlLoader
from sitegen.errors import SitegenError
from sitegen.fields import FieldError, coerce_date, coerce_text

SIDECAR_KEYS = ("title", "date", "summary", "author", "url", "section")


def sidecar_path(source: Path) -> Path:
    """Where the sidecar of `source` lives."""
    return source.with_suffix(".yaml")


def read_sidecar(source: Path) -> dict[str, object]:
    """The sidecar's metadata (empty when there is none); unknown keys are an error naming them."""
    path = sidecar_path(source)
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=YamlLoader) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SitegenError("sidecar is not valid UTF-8 YAML", path=path, line=mark.line + 1 if mark else None,
                           fix="write 'key: value' lines, e.g. 'date: 2021-12-31'") from None
    if not isinstance(data, dict):
        raise SitegenError("sidecar must be 'key: value' lines", path=path, fix="e.g. 'date: 2021-12-31'")
    unknown = sorted(set(map(str, data)) - set(SIDECAR_KEYS))
    if unknown:
        raise SitegenError(f"sidecar has an unknown key {unknown[0]!r}", path=path,
                           fix=f"use only: {', '.join(SIDECAR_KEYS)}")
    try:
        return {k: (coerce_date(v) if k == "date" else coerce_text(v, k)) for k, v in data.items()}
    except FieldError as exc:
        raise SitegenError(str(exc), path=path, fix="write dates as 2021-12-31, other values as text") from None
