"""Check the topic tags of an article folder: how many are generic or malformed, articles without tags,
the most used tags, and a fixed-seed sample of articles to judge by hand.

Run: pip install -e '.[check-tags]'   (wordfreq: the broken-stem test's dictionary; not sitegen's dependency)
     python tools/tags/check_tags.py content/articles [--sample 50 --seed 15] [-v] [--judged FILE]

With --judged, the sampled articles' tags are scored against hand judgements (tools/tags/judged/*.tsv:
row, tag, 1 or 0, reason): the share an editor would choose, and the tags not judged yet.

A tag is *malformed* when one of its words is no German word: absent from wordfreq's German list (news,
Wikipedia, subtitles, web; Zipf frequency < 1.5) and not a compound of words it has (up to three parts,
each at least three letters, the head at Zipf >= 3, the others at >= 2.5, linking s/es/n/en allowed),
or when it does not start with a capital letter. A tag is *generic* when it is on the list below (time words,
quantities and measures, generic people, roles and speech, everyday nouns, words for organisations), ends in
one of the endings below (Samstagabend, Vorjahr, Parteichef, Innenministerium), or names the inhabitants of
a country or region (Spanier, Burgenländer: a CLDR territory or a region below, with -er/-ier/-e).
Multi-word tags are checked for malformed words only.
The lists were written for this check, from the kinds of words a news editor never files under; they do not
read sitegen's own tag lists.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

import frontmatter

_GENERIC = """
Jahr Jahre Zeit Zeitpunkt Mal Ende Anfang Beginn Woche Tag Monat Stunde Minute Sekunde Uhr Abend Morgen
Nacht Wochenende Datum Termin Phase Dauer Zukunft Vergangenheit Saison Quartal Moment Vorjahr Halbzeit Pause
Frist Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Januar Jänner Februar März April Mai Juni
Juli August September Oktober November Dezember Frühjahr Sommer Herbst Winter Prozent Euro Dollar Franken
Cent Million Milliarde Zahl Anzahl Menge Summe Betrag Hälfte Drittel Mehrheit Teil Rest Wert Rate Quote
Anteil Grad Kilometer Meter Tonne Kilogramm Liter Stück Rekord Punkt Tor Treffer Platz Rang Runde Sieg
Niederlage Ergebnis Stand Führung Tabelle Zähler Nummer Ersatz Spielfeld Hinspiel Rückspiel Verlängerung
Mensch Person Leute Mann Frau Kind Junge Mädchen Herr Familie Eltern Vater Mutter Sohn Tochter Freund
Kollege Partner Mitglied Mitarbeiter Bürger Einwohner Bewohner Bevölkerung Öffentlichkeit Gruppe Team
Mannschaft Spieler Gegner Trainer Fan Zuschauer Besucher Gast Teilnehmer Kunde Nutzer User Leser Autor
Experte Forscher Wissenschafter Wissenschaftler Kritiker Vertreter Chef Leiter Sprecher Präsident
Vorsitzende Direktor Minister Kanzler Politiker Abgeordnete Bürgermeister Beamte Arbeitnehmer Unternehmer
Manager Sieger Kandidat Opfer Täter Verdächtige Zeuge Anwalt Richter Polizist Soldat Arzt Patient Schüler
Student Lehrer Jugendliche Profi Star Journalist Nachbar Besitzer Betreiber Anbieter Hersteller Händler
Konkurrent Nachfolger Vorgänger Angreifer Jährige Jährig Aussage Äußerung Wort Satz Begriff Name Titel Rede
Gespräch Interview Erklärung Mitteilung Stellungnahme Meldung Bericht Nachricht Information Angabe Hinweis
Antwort Frage Forderung Kritik Vorwurf Warnung Ankündigung Meinung Ansicht Sicht Einschätzung Eindruck
Vorschlag Idee Plan Absicht Entscheidung Beschluss Text Artikel Beitrag Brief Liste Dokument Studie Umfrage
Untersuchung Analyse Daten Bild Foto Video Medium Medien Presse Sitzung Treffen Fall Beispiel Grund Ursache
Folge Art Weise Ziel Problem Thema Möglichkeit Chance Gelegenheit Risiko Gefahr Stelle Ort Lage Situation
Zustand Entwicklung Veränderung Schritt Maßnahme Mittel Methode Weg Richtung Mitte Rahmen Bereich Gebiet
Raum Region Land Stadt Staat Welt Gemeinde Ebene Seite Rolle Zusammenhang Beziehung Verhältnis Vergleich
Unterschied Sache Ding Aspekt Faktor Form Version Typ Modell System Prozess Verfahren Aktion Projekt
Programm Aufgabe Arbeit Leistung Erfolg Versuch Anspruch Regel Lösung Wirkung Einfluss Bedeutung Inhalt
Schluss Einsatz Hilfe Unterstützung Interesse Bedarf Angebot Preis Kosten Geld Vertrag Einigung Streit
Konflikt Debatte Diskussion Druck Kampf Spiel Partie Match Duell Wettbewerb Leben Tod Geschichte Haus
Gebäude Straße Gerät Produkt Dienst Funktion Angriff Anschlag Vorfall Ereignis Unfall Schaden Gewinn Verlust
Umsatz Sicherheit Kontrolle Macht Grenze Zeichen Stimme Vertrauen Hoffnung Angst Sorge Regierung Opposition
Partei Polizei Armee Militär Justiz Gericht Ministerium Verwaltung Behörde Firma Unternehmen Konzern Betrieb
Verband Verein Klub Organisation Institution Einrichtung Meister Insel Zelt Antrag Strafe Haft Ermittlung
Ermittler Fahrzeug Auto Kamera Schule Plattform Design Nachfolge Sicherheitskraft Sicherheitskräfte
Königreich Apps App Website Seite Werbung
"""
GENERIC = frozenset(_GENERIC.split())
ENDINGS = ("tag", "abend", "morgen", "nacht", "mittag", "woche", "monat", "jahr", "jahre", "stunde", "minute",
           "prozent", "euro", "million", "milliarde", "chef", "chefin", "sprecher", "sprecherin", "präsident",
           "präsidentin", "minister", "ministerin", "vorsitzende", "mitglied", "mitarbeiter", "ministerium",
           "kommission", "gericht", "behörde", "amt", "partei", "konzern", "verband", "verein", "institut",
           "stiftung", "kammer", "zeitung", "universität", "polizei", "staatsanwaltschaft", "regierung")
_ORGANISATIONS = ("Caritas Diakonie Parlament Nationalrat Bundesrat Bundestag Kongress Senat Bundesheer "
                  "Bundeswehr Rotes Kreuz Gewerkschaft Arbeiterkammer Wirtschaftskammer")
ORGANISATIONS = frozenset(_ORGANISATIONS.split())
_REGIONS = ("Burgenland Kärnten Steiermark Tirol Vorarlberg Salzburg Wien Niederösterreich Oberösterreich "
            "Bayern Sachsen Schwaben Hessen Berlin Hamburg Graz Linz Innsbruck Europa Afrika Asien Amerika")
REGIONS = _REGIONS.split()


def _zipf():
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        sys.exit("check_tags: wordfreq is missing (pip install wordfreq)")
    return lambda word: zipf_frequency(word.lower(), "de")


def known_word(word: str, zipf, depth: int = 3) -> bool:
    """A German word: in wordfreq's list, or a compound of words it has (up to three parts)."""
    if zipf(word) >= 1.5:
        return True
    low = word.lower()
    for cut in range(3, len(low) - 2):
        head, first = low[cut:], low[:cut]
        if zipf(head) < 3.0:
            continue
        for fuge in ("", "s", "es", "n", "en"):
            stem = first[: len(first) - len(fuge)] if first.endswith(fuge) else ""
            if len(stem) >= 3 and (zipf(stem) >= 2.5 or depth > 1 and known_word(stem, zipf, depth - 1)):
                return True
    return False


SUFFIXES = ("", "en", "ien", "land", "a", "e", "istan")  # inhabitant stem + suffix = territory


def territory_stems() -> set[str]:
    from babel import Locale

    names = [n for n in Locale("de").territories.values() if " " not in n] + REGIONS
    return {n.lower() for n in names}


def inhabitant(tag: str, stems: set[str]) -> bool:
    word = tag.removesuffix("innen").removesuffix("in").lower()
    word = word.removesuffix("n") if word.endswith(("en", "rn")) else word
    for end in ("er", "ier", "e", "ner"):
        if word.endswith(end):
            base = word[: -len(end)]
            plain = base.replace("ä", "a").replace("ö", "o").replace("ü", "u")
            if any(b + s in stems for b in (base, plain) for s in SUFFIXES):
                return True
    return False


def problem(tag: str, zipf, stems: set[str]) -> str:
    """'malformed', 'generic' or '' for a tag."""
    words = [w for w in tag.replace("-", " ").split() if any(c.isalpha() for c in w)]
    brand = tag[:1].islower() and tag[1:2].isupper()  # 'iPhone', 'eBay'
    if not (tag[:1].isupper() or brand) or not words \
            or not all(known_word(w, zipf) for w in words if len(w) > 3 and not w[1:2].isupper()):
        return "malformed"
    if " " in tag:
        return ""
    tail = tag.rpartition("-")[2]
    low = tag.lower()
    named = tag.partition("-")[0].lower() in stems  # 'Ukraine-Konflikt' names which conflict
    if tag in GENERIC or tail in GENERIC and not named or tag in ORGANISATIONS or inhabitant(tail, stems):
        return "generic"
    if any(low.endswith(e) and len(low) > len(e) for e in ENDINGS):
        return "generic"
    return ""


def _source_order(post) -> tuple[str, int]:
    """Articles in the order of their sources, rows of a table by number (row=2 before row=10)."""
    source, _, row = str(post.get("source", "")).partition("#row=")
    return source, int(row) if row.isdigit() else -1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--sample", type=int, default=0, help="print this many articles, chosen with --seed")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("-v", action="store_true", help="list every flagged tag")
    ap.add_argument("--judged", type=Path, help="hand judgements to score the sample against (without "
                    "--sample: the articles the file judges)")
    args = ap.parse_args(argv)
    zipf, stems = _zipf(), territory_stems()
    posts = sorted((frontmatter.load(p) for p in args.folder.glob("*.md")), key=_source_order)
    german = [p for p in posts if p.get("language", "de") == "de"]
    counts = Counter(t for p in german for t in p.get("tags") or [])
    flagged = {t: why for t in counts if (why := problem(t, zipf, stems))}
    total = sum(counts.values())
    bad = Counter({why: sum(counts[t] for t, w in flagged.items() if w == why)
                   for why in ("generic", "malformed")})
    print(f"{len(german)} German articles, {total} tags ({total / max(len(german), 1):.1f} per article), "
          f"{len(counts)} distinct")
    share = 100 * sum(bad.values()) / max(total, 1)
    print(f"generic or malformed: {sum(bad.values())} of {total} = {share:.1f} % "
          f"(generic {bad['generic']}, malformed {bad['malformed']})")
    empty = [p for p in german if not p.get("tags")]
    print(f"articles without a tag: {len(empty)} = {100 * len(empty) / max(len(german), 1):.1f} %")
    print("30 most used:", ", ".join(f"{t} {n}" for t, n in counts.most_common(30)))
    if args.v:
        for t, why in sorted(flagged.items(), key=lambda kv: -counts[kv[0]]):
            print(f"  {why}: {t} ({counts[t]})")
    rows = sorted(random.Random(args.seed).sample(range(len(posts)), min(args.sample, len(posts))))
    for n in rows:
        post = posts[n]
        print(f"[{n}] {post.get('source')} | {post.get('section', '')} | {post.get('title')}\n"
              f"     tags: {', '.join(post.get('tags') or [])}")
    if args.judged:
        judged = judgements(args.judged)
        named = judged_rows(args.judged) if not args.sample else set()
        chosen = [posts[n] for n in rows] or [p for p in posts if _row(p) in named]
        score(chosen, judged)
    return 0


def judgements(path: Path) -> dict[tuple[str, str], tuple[bool, str]]:
    """(source row, tag) -> (an editor would choose it, why) from a judgement file."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            row, tag, verdict, why = (line.split("\t") + [""])[:4]
            found[row, tag] = (verdict == "1", why)
    return found


def judged_rows(path: Path) -> set[str]:
    """The source rows a judgement file covers: its judged rows and its '# topics ROW:' lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    topics = {line.split()[2].rstrip(":") for line in lines if line.startswith("# topics ")}
    return topics | {row for row, _ in judgements(path)}


def _row(post) -> str:
    """The article's row in the source dump ('source: ...#row=N')."""
    return str(post.get("source")).partition("#row=")[2]


def score(posts: list, judged: dict[tuple[str, str], tuple[bool, str]]) -> None:
    """Print the share of the sample's tags judged editor-worthy, and the tags not judged yet."""
    pairs = [(_row(p), t) for p in posts for t in p.get("tags") or []]
    known = [judged[pair][0] for pair in pairs if pair in judged]
    mostly = sum(1 for p in posts if _mostly_good(p, judged))
    share = 100 * sum(known) / max(len(known), 1)
    print(f"judged: {sum(known)} of {len(known)} tags editor-worthy = {share:.0f} %; "
          f"{mostly} of {len(posts)} articles mostly good; not judged yet: {len(pairs) - len(known)}")
    for row, tag in pairs:
        if (row, tag) not in judged:
            print(f"  {row}\t{tag}")


def _mostly_good(post, judged) -> bool:
    row = _row(post)
    verdicts = [judged.get((row, t), (False, ""))[0] for t in post.get("tags") or []]
    return bool(verdicts) and 2 * sum(verdicts) > len(verdicts)


if __name__ == "__main__":
    raise SystemExit(main())
