"""German dates, numbers and interface words from the project's own tables: never the system locale."""
from __future__ import annotations

import datetime as dt
import json
import os
from contextlib import suppress
from pathlib import Path

from sitegen.errors import SitegenError
from sitegen.limits import MAX_YEAR, MIN_YEAR

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")

# Every word the templates show, in one place (a translation or a project's wording changes only this file).
TEXT = json.loads((Path(__file__).parent / "data" / "text.json").read_text(encoding="utf-8"))


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


def build_time() -> dt.datetime | None:
    """The build's time from SOURCE_DATE_EPOCH when set (reproducible builds), else None."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    with suppress(ValueError, OverflowError, OSError):
        moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
        if MIN_YEAR <= moment.year <= MAX_YEAR:
            return moment
    raise SitegenError(f"SOURCE_DATE_EPOCH={epoch[:20]} ist kein Zeitpunkt der Jahre {MIN_YEAR} bis "
                       f"{MAX_YEAR}", fix="setze die Sekunden seit 1970, z. B. SOURCE_DATE_EPOCH=$(date +%s)")
