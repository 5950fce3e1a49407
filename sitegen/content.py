"""Article <-> front-matter markdown: one table of field coercers, strict parsing with file:line errors that
name the fix, deterministic dumping."""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from types import MappingProxyType

import frontmatter

from sitegen.errors import SitegenError
from sitegen.limits import MAX_ARTICLE_BYTES, MAX_YEAR, MIN_YEAR, load_yaml, size_text, unsafe_char
from sitegen.model import TAXONOMY_KEYS, Article, Image
from sitegen.slug import slugify

UNKNOWN_DATE = "unbekannt"
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_KINDS = {dict: "eine Zuordnung", list: "eine Liste", int: "eine Zahl", float: "eine Zahl",
          bool: "true/false", type(None): "leer"}  # of YAML values in messages
_HANDLER = frontmatter.YAMLHandler()
_FIXES = {"date": "schreibe ein echtes Datum wie 2021-12-31 oder 31.12.2021, oder 'unbekannt'",
          "image": "schreibe 'image: {caption: \"...\", credit: \"...\"}'",
          **{key: f"schreibe '{key}: [Name A, Name B]' oder '{key}: []'" for key in TAXONOMY_KEYS}}
_BAD_NAME = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")  # controls; undecodable bytes (surrogateescape)


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
    if not isinstance(value, (str, dt.date)):  # a datetime is a date too
        raise FieldError(f"'{name}' muss ein Datum wie 2021-12-31 sein, nicht {_kind(value)}")
    parsed = value
    if isinstance(value, str):
        text = value.strip()
        match = _GERMAN_DATE.match(text)
        try:
            if match:
                day, month, year = (int(g) for g in match.groups())
                parsed = dt.date(year, month, day)
            elif len(text) == 10:
                parsed = dt.date.fromisoformat(text)
            else:
                parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise FieldError(f"'{name}' ist kein echtes Datum: {text!r}") from None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:  # so that its time can always be given in UTC
        raise FieldError(f"'{name}' liegt außerhalb der Jahre {MIN_YEAR} bis {MAX_YEAR}: "
                         f"{parsed.isoformat()}")
    return parsed


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
    return _KINDS.get(type(value), type(value).__name__)


FIELD_COERCERS = {
    "title": coerce_text, "slug": coerce_text, "source": coerce_text, "language": coerce_text,
    "summary": coerce_text, "date": coerce_date, "image": coerce_image,
    **{key: coerce_names for key in TAXONOMY_KEYS},
}


def read_text(path: Path, shown: object = None) -> str:
    """The file's text as decode gives it, errors naming `shown` (else `path`)."""
    return decode(path.read_bytes(), path if shown is None else shown)


def decode(data: bytes, path: object) -> str:
    """UTF-8 bytes as text (a BOM dropped, CRLF as LF); binary and non-UTF-8 data are errors naming `path`."""
    if b"\x00" in data:
        raise SitegenError("ist eine Binärdatei, kein Text", path=path, fix="nimm sie aus dem Ordner")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + 3 * data.startswith(b"\xef\xbb\xbf")  # utf-8-sig counts from after the BOM
        raise SitegenError(f"ist nicht UTF-8 (Byte {start})", path=path, line=data[:start].count(b"\n") + 1,
                           fix="speichere die Datei als UTF-8, z. B. mit iconv -f WINDOWS-1252 -t "
                               "UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def load_article(path: Path, root: Path | None = None) -> Article:
    """Read one article file; every problem is a SitegenError naming the file and line."""
    shown = shown_path(path, root)
    return parse_article(decode(check_article_file(path.read_bytes(), shown), shown), shown)


def check_article_file(data: bytes, shown: str) -> bytes:
    """An article file's bytes; one too big for an article, or with a bad name (check_name), is an error."""
    check_name(shown)
    if len(data) > MAX_ARTICLE_BYTES:
        raise SitegenError(f"ist mit {size_text(len(data))} zu groß für einen Artikel (höchstens "
                           f"{size_text(MAX_ARTICLE_BYTES)})", path=shown,
                           fix="teile sie in ihre Artikel auf oder nimm sie aus dem Inhaltsordner")
    return data


def check_name(shown: str) -> None:
    """A file name that is not UTF-8 or holds a control character (a line break) is an error."""
    if _BAD_NAME.search(shown):
        raise SitegenError("hat einen Namen, der nicht UTF-8 ist oder Steuerzeichen enthält", path=shown,
                           fix="benenne die Datei um, nur mit Buchstaben, Ziffern und - _ .")


def parse_article(text: str, shown: str) -> Article:
    """Parse front-matter markdown text; `shown` is the path used in messages."""
    if not text.strip():
        raise SitegenError("ist leer", path=shown,
                           fix="lösche sie oder schreibe Front Matter mit einem title")
    if not text.startswith("---"):
        raise SitegenError("hat kein Front Matter", path=shown, line=1,
                           fix="beginne die Datei mit einer Zeile '---', 'title: ...' und wieder '---'")
    try:
        fm, body = _HANDLER.split(text)
    except ValueError:
        raise SitegenError("Front Matter ist nicht geschlossen", path=shown, line=1,
                           fix="beende das Front Matter mit einer Zeile aus drei Strichen '---'") from None
    # the front matter starts with the newline after '---', so YAML's line numbers are the file's
    meta = load_yaml(fm, shown, fix="prüfe Anführungszeichen, Doppelpunkte und Einrückung; setze Titel mit "
                                    "': ' in Anführungszeichen")
    if meta is not None and not isinstance(meta, dict):
        raise SitegenError("Front Matter muss aus Zeilen 'key: value' bestehen", path=shown, line=2,
                           fix="schreibe z. B. 'title: Meine Überschrift'")
    found = unsafe_char(body)
    if found:
        line = text.count("\n", 0, len(text) - len(body)) + found[0]
        raise SitegenError(f"enthält das Steuerzeichen {found[1]}", path=shown, line=line,
                           fix="entferne es aus dem Text")
    return _article_from(meta or {}, body.strip("\n"), fm, shown)


def body_of(text: str) -> str:
    """The markdown body of an article's text that parse_article accepted."""
    return _HANDLER.split(text)[1].strip("\n")


def _article_from(meta: dict, body: str, fm: str, shown: str) -> Article:
    """Coerce every known field; unknown keys are kept in `extra`."""
    values: dict[str, object] = {}
    for key, coerce in FIELD_COERCERS.items():
        if key in meta:
            try:
                values[key] = coerce(meta[key], key)
            except FieldError as exc:
                fix = _FIXES.get(key, f"schreibe '{key}: \"...\"'")
                raise SitegenError(str(exc), path=shown, line=_line_of(fm, key), fix=fix) from None
    if not values.get("title"):
        raise SitegenError("hat keinen Titel", path=shown, line=_line_of(fm, "title") or 2,
                           fix="ergänze eine Zeile 'title: ...' im Front Matter")
    values["slug"] = values.get("slug") or slugify(str(values["title"]))
    if values["slug"] != slugify(str(values["slug"])):
        raise SitegenError(f"slug {values['slug']!r} ist kein sicherer URL-Teil", path=shown,
                           line=_line_of(fm, "slug"), fix=f"nimm {slugify(str(values['slug']))!r}")
    values["language"] = values.get("language") or "de"
    extra = {k: v for k, v in meta.items() if k not in FIELD_COERCERS and isinstance(k, str)}
    return Article(body=body, extra=MappingProxyType(extra), path=shown, **values)  # type: ignore[arg-type]


def _line_of(fm: str, key: str) -> int | None:
    """The file line where front-matter key `key` is set."""
    match = re.search(rf"^{re.escape(key)}\s*:", fm, flags=re.MULTILINE)
    return fm.count("\n", 0, match.start()) + 1 if match else None


def shown_path(path: Path, root: Path | None) -> str:
    """Path relative to root when below it (by string prefix, cheaper than os.path.relpath), else as given."""
    if root is None:
        return str(path)
    base, absolute = os.path.abspath(root), os.path.abspath(path)
    return absolute[len(base) + 1:] if absolute.startswith(base + os.sep) else str(path)
