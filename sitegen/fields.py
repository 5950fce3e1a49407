"""Coercers from front-matter values to Article fields: one table, precise messages that name the fix."""
from __future__ import annotations

import datetime as dt
import re

from sitegen.model import Image, TAXONOMY_KEYS

UNKNOWN_DATE = "unbekannt"
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class FieldError(ValueError):
    """A field's value has the wrong shape; the message says what is expected."""


def coerce_text(value: object, name: str) -> str:
    """A plain string (numbers are accepted and turned into text)."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    raise FieldError(f"'{name}' must be text, not {_kind(value)}")


def coerce_names(value: object, name: str) -> tuple[str, ...]:
    """A list of names; duplicates dropped, order kept; a single string is one name."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise FieldError(f"'{name}' must be a list of names like [A, B], not {_kind(value)}")
    names: list[str] = []
    for item in value:
        if not isinstance(item, (str, int, float)) or isinstance(item, bool) or not str(item).strip():
            raise FieldError(f"'{name}' has an entry that is not a name: {item!r}")
        text = " ".join(str(item).split())
        if text not in names:
            names.append(text)
    return tuple(names)


def coerce_date(value: object, name: str = "date") -> dt.date | dt.datetime | None:
    """An ISO date or datetime, or TT.MM.JJJJ; None, empty or 'unbekannt' mean the date is unknown."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", UNKNOWN_DATE, "unknown")):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if not isinstance(value, str):
        raise FieldError(f"'{name}' must be a date like 2021-12-31, not {_kind(value)}")
    text = value.strip()
    match = _GERMAN_DATE.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise FieldError(f"'{name}' is not a real date: {text!r}") from None


def coerce_image(value: object, name: str = "image") -> Image | None:
    """A mapping with caption, credit and optionally src."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise FieldError(f"'{name}' must be a mapping like {{caption: ..., credit: ...}}, not {_kind(value)}")
    unknown = sorted(set(value) - {"caption", "credit", "src"})
    if unknown:
        raise FieldError(f"'{name}' has an unknown key {unknown[0]!r} (known: caption, credit, src)")
    image = Image(**{k: coerce_text(v, f"{name}.{k}") for k, v in value.items()})
    return image if (image.caption or image.credit or image.src) else None


def _kind(value: object) -> str:
    """A German-neutral description of a YAML value's type."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    return type(value).__name__


FIELD_COERCERS = {
    "title": coerce_text, "slug": coerce_text, "source": coerce_text, "language": coerce_text,
    "summary": coerce_text, "date": coerce_date, "image": coerce_image,
    **{key: coerce_names for key in TAXONOMY_KEYS},
}
