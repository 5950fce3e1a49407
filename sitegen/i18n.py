"""German dates, numbers and interface words from the project's own tables: never the system locale."""
from __future__ import annotations

import datetime as dt
import os
from contextlib import suppress

from sitegen.errors import SitegenError
from sitegen.limits import MAX_YEAR, MIN_YEAR

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")

# Every word the templates show, in one place (a translation or a project's wording changes only this).
TEXT = {
    # every page: frame, lists, pagination
    "skip": "Zum Inhalt springen", "main_nav": "Hauptnavigation", "newest": "Neueste", "archive": "Archiv",
    "search": "Suche", "search_button": "Suchen", "search_hint": "Name, Ort, Thema …", "articles": "Artikel",
    "articles_dative": "Artikeln", "feed": "Atom-Feed", "unknown_date": "Datum unbekannt", "pages": "Seiten",
    "page": "Seite", "of": "von", "newer": "Neuere", "older": "Ältere", "earlier": "Früher",
    "later": "Später", "back": "Zurück", "forward": "Weiter", "path": "Pfad",
    "empty": "Das Archiv enthält noch keine Artikel.", "entry": "Eintrag", "entries": "Einträge",
    "by_letter": "nach Anfangsbuchstabe",
    "source_order": "in der Reihenfolge der Quelle", "undated": "ohne Datum", "undated_title": "Ohne Datum",
    # home.html
    "newest_articles": "Neueste Artikel", "in_archive": "im Archiv",
    "none_dated_here": "keiner mit bekanntem Datum: hier in der Reihenfolge der Quelle",
    "listed_apart": "sind gesondert gelistet", "recent": "In den letzten Monaten häufig genannt",
    "older_in_archive": "Ältere Artikel im Archiv", "all_in_archive": "Alle Artikel im Archiv",
    # article.html
    "reading_time": "Min. Lesezeit", "photo": "Foto:", "names_topics": "Namen und Themen",
    "related": "Verwandte Artikel",
    # taxonomy.html, letter.html, term.html
    "a_to_z": "von A bis Z", "by_surname": "nach Nachnamen", "most_mentioned": "Am häufigsten genannt",
    "no_entries": "Noch keine Einträge.", "in_the": "im", "mostly": "Im Archiv meist", "so": "so", "in": "in",
    "first_named": "Zuerst genannt", "last_named": "Zuletzt genannt",
    "authority": "Normdaten:", "per_month": "Erwähnungen pro Monat", "together": "Oft zusammen genannt",
    "in_section": "Oft in diesem Ressort genannt", "older_in_search": "ältere Artikel in der Suche",
    # archive.html, year.html, month.html
    "by_year_month": "Artikel nach Jahr und Monat", "year": "Jahr",
    "none_dated": "Keiner der Artikel hat ein bekanntes Datum.",
    "year_neighbours": "Früheres und späteres Jahr", "month_neighbours": "Früherer und späterer Monat",
    "undated_note": "Artikel, deren Datum nicht bekannt ist",
    # search.html, 404.html
    "search_archive": "Archiv durchsuchen", "filter": "Filter", "more_results": "Weitere Treffer",
    "noscript": "Die Volltextsuche braucht JavaScript. Ohne JavaScript führen die Seiten",
    "and_the": "und das", "to_every_article": "zu jedem Artikel.", "not_found": "Seite nicht gefunden",
    "not_found_hint": "Diese Seite gibt es im Archiv nicht (mehr). Zurück zur", "home_page": "Startseite",
    "or_to_the": "oder zu den",
    # static/search.js (search.html gives them to it)
    "script": {"all": "alle", "articles": "Artikel", "filter": "Filter", "chosen": "gewählt", "of": "von",
               "hits": "Treffer für", "hits_of": "Treffern für"},
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
