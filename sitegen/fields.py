"""Coercers from front-matter values to Article fields: one table, precise messages that name the fix."""
from __future__ import annotations

import datetime as dt
import re

from sitegen.limits import MAX_YEAR, MIN_YEAR
from sitegen.model import Image, TAXONOMY_KEYS

UNKNOWN_DATE = "unbekannt"
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_KINDS = {dict: "eine Zuordnung", list: "eine Liste", int: "eine Zahl", float: "eine Zahl",
          type(None): "leer"}  # of YAML values in messages


class FieldError(ValueError):
    """A field's value has the wrong shape; the message says what is expected."""


def coerce_text(value: object, name: str) -> str:
    """A plain string (numbers are accepted and turned into text)."""
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    raise FieldError(f"'{name}' muss Text sein, nicht {_kind(value)}")


def coerce_names(value: object, name: str) -> tuple[str, ...]:
    """A list of names; duplicates dropped, order kept; a single string is one name."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise FieldError(f"'{name}' muss eine Liste von Namen wie [A, B] sein, nicht {_kind(value)}")
    for item in value:
        if not isinstance(item, (str, int, float)) or isinstance(item, bool) or not str(item).strip():
            raise FieldError(f"'{name}' hat einen Eintrag, der kein Name ist: {item!r}")
    return tuple(dict.fromkeys(" ".join(str(item).split()) for item in value))


def coerce_date(value: object, name: str = "date") -> dt.date | dt.datetime | None:
    """An ISO date or datetime, or TT.MM.JJJJ; None, empty or 'unbekannt' mean the date is unknown."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", UNKNOWN_DATE, "unknown")):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return _in_range(value, name)
    if not isinstance(value, str):
        raise FieldError(f"'{name}' muss ein Datum wie 2021-12-31 sein, nicht {_kind(value)}")
    text = value.strip()
    match = _GERMAN_DATE.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            parsed: dt.date = dt.date(year, month, day)
        elif len(text) == 10:
            parsed = dt.date.fromisoformat(text)
        else:
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise FieldError(f"'{name}' ist kein echtes Datum: {text!r}") from None
    return _in_range(parsed, name)


def _in_range(value: dt.date, name: str) -> dt.date:
    """The date when it lies in the years MIN_YEAR to MAX_YEAR (so its time can always be given in UTC)."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise FieldError(f"'{name}' liegt außerhalb der Jahre {MIN_YEAR} bis {MAX_YEAR}: {value.isoformat()}")
    return value


def coerce_image(value: object, name: str = "image") -> Image | None:
    """A mapping with caption, credit and optionally src."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise FieldError(f"'{name}' muss eine Zuordnung wie {{caption: ..., credit: ...}} sein, nicht "
                         f"{_kind(value)}")
    unknown = sorted(set(value) - {"caption", "credit", "src"})
    if unknown:
        raise FieldError(f"'{name}' hat einen unbekannten Schlüssel {unknown[0]!r} (bekannt: caption, "
                         "credit, src)")
    image = Image(**{k: coerce_text(v, f"{name}.{k}") for k, v in value.items()})
    return image if (image.caption or image.credit or image.src) else None


def _kind(value: object) -> str:
    """A German description of a YAML value's type."""
    if isinstance(value, bool):
        return "true/false"
    return _KINDS.get(type(value), type(value).__name__)


FIELD_COERCERS = {
    "title": coerce_text, "slug": coerce_text, "source": coerce_text, "language": coerce_text,
    "summary": coerce_text, "date": coerce_date, "image": coerce_image,
    **{key: coerce_names for key in TAXONOMY_KEYS},
}
