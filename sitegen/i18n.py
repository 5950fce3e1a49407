"""German dates, numbers and interface words from the project's own tables: never the system locale."""
from __future__ import annotations

import datetime as dt
import os

from sitegen.errors import SitegenError
from sitegen.limits import MAX_YEAR, MIN_YEAR

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")
MONTHS_SHORT = ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez.")
WORDS_PER_MINUTE = 200

# Interface words used by more than one template (the rest sit in the template that uses them).
TEXT = {
    "skip": "Zum Inhalt springen",
    "main_nav": "Hauptnavigation",
    "newest": "Neueste",
    "archive": "Archiv",
    "search": "Suche",
    "search_button": "Suchen",
    "search_hint": "Name, Ort, Thema …",
    "articles": "Artikel",
    "feed": "Atom-Feed",
    "unknown_date": "Datum unbekannt",  # how a date written as fields.UNKNOWN_DATE is shown
    "pages": "Seiten",
    "page": "Seite",
    "of": "von",
    "newer": "Neuere",
    "older": "Ältere",
    "earlier": "Früher",
    "later": "Später",
    "path": "Pfad",
    "empty": "Das Archiv enthält noch keine Artikel.",
}


def german_date(value: dt.date | None) -> str:
    """'31. Dezember 2021', or 'Datum unbekannt'."""
    if value is None:
        return TEXT["unknown_date"]
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def german_month(year: int, month: int) -> str:
    """'Dezember 2021'."""
    return f"{MONTHS[month - 1]} {year}"


def iso_date(value: dt.date | None) -> str:
    """The machine-readable date for <time datetime> and feeds ('2021-12-31' or a full timestamp)."""
    return "" if value is None else value.isoformat()


def number(value: int) -> str:
    """German thousands separator: 10000 -> '10.000'."""
    return f"{value:,}".replace(",", ".")


def count_label(value: int, singular: str, plural: str) -> str:
    """'1 Artikel', '2.345 Erwähnungen'."""
    return f"{number(value)} {singular if value == 1 else plural}"


def reading_minutes(words: int) -> int:
    """Minutes to read `words` words, at least one."""
    return max(1, round(words / WORDS_PER_MINUTE))


def build_time() -> dt.datetime | None:
    """The build's time from SOURCE_DATE_EPOCH when set (reproducible builds), else None."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    try:
        return _in_range(dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc))
    except (ValueError, OverflowError, OSError):
        raise SitegenError(f"SOURCE_DATE_EPOCH={epoch[:20]} ist kein Zeitpunkt der Jahre {MIN_YEAR} bis "
                           f"{MAX_YEAR}",
                           fix="setze die Sekunden seit 1970, z. B. SOURCE_DATE_EPOCH=$(date +%s)") from None


def _in_range(moment: dt.datetime) -> dt.datetime:
    """The moment when its year lies from MIN_YEAR to MAX_YEAR, else ValueError."""
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise ValueError(moment)
    return moment
