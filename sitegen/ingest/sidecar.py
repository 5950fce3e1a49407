"""Metadata sidecars: NAME.yaml beside a raw source gives title, date, author, url, section."""
from __future__ import annotations

from pathlib import Path

from sitegen.content import FieldError, coerce_date, coerce_text, read_text
from sitegen.errors import SitegenError
from sitegen.limits import load_yaml

SIDECAR_KEYS = ("title", "date", "summary", "author", "url", "section")


def sidecar_path(source: Path) -> Path:
    """Where the sidecar of `source` lives."""
    return source.with_suffix(".yaml")


def read_sidecar(source: Path) -> dict[str, object]:
    """The sidecar's metadata (empty when there is none); unknown keys are an error naming them."""
    path = sidecar_path(source)
    if not path.is_file():
        return {}
    data = load_yaml(read_text(path), path, fix="schreibe Zeilen 'key: value', z. B. 'date: "
                                                "2021-12-31'") or {}
    if not isinstance(data, dict):
        raise SitegenError("Sidecar muss aus Zeilen 'key: value' bestehen", path=path, fix="z. B. 'date: "
                                                                                           "2021-12-31'")
    unknown = sorted(set(map(str, data)) - set(SIDECAR_KEYS))
    if unknown:
        raise SitegenError(f"Sidecar hat einen unbekannten Schlüssel {unknown[0]!r}", path=path,
                           fix=f"nimm nur: {', '.join(SIDECAR_KEYS)}")
    try:
        return {k: (coerce_date(v) if k == "date" else coerce_text(v, k)) for k, v in data.items()}
    except FieldError as exc:
        raise SitegenError(str(exc), path=path, fix="schreibe Daten als 2021-12-31, andere Werte als "
                                                    "Text") from None
