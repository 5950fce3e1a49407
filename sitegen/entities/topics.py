"""Topic tags: the article's most frequent content nouns (lemmas, compounds favoured), registry-mapped."""
from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from pathlib import Path

from . import lexicon
from .registry import Registry
from .tokenize import tokens

STOP = frozenset("""Jahr Jahre Jahren Prozent Euro Dollar Zeit Mal Ende Anfang Seite Frage Angabe Angaben Woche Tag
Monat Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Million Milliarde Teil Fall Beispiel Grund
Art Weise Ziel Zahl Leute Mensch Uhr Stunde Minute Sekunde Prozentpunkt Punkt Rolle Sicht Hinsicht Bereich
Problem Thema Möglichkeit Ergebnis Stelle Platz Runde Folge Lage Mitte Hälfte Woche Abend Morgen Nacht Weg Art
Herr Frau Dr Prof Seite Aussage Sprecher Sprecherin Präsident Präsidentin Chef Chefin Kenntnis Schluss Anspruch
Januar Februar März April Mai Juni Juli August September Oktober November Dezember Jänner Kilometer Meter
Grad Tonne Zentimeter Gramm Millisekunde Kilogramm Liter Hektar Quadratmeter Land Länder Stadt Staat Welt Leben Menschen Million Information Ansicht Meinung Bericht Medium Medien Interview Zuge Vergleich Mehrheit""".split())


DF_PATH = Path(__file__).parent / "data" / "noun_df.tsv"


@lru_cache(maxsize=1)
def _df() -> tuple[int, dict[str, int]]:
    """(number of documents, document frequency of noun lemmas) from build_df (rare lemmas are absent: df 1)."""
    if not DF_PATH.exists():
        return 1, {}
    lines = DF_PATH.read_text(encoding="utf-8").splitlines()
    head = lines[0].split() if lines and lines[0].startswith("#") else []
    docs = next((int(w) for w in head if w.isdigit()), 1)
    return docs, {n: int(c) for n, c in (line.split("\t") for line in lines if not line.startswith("#"))}


def _weight(name: str, count: int) -> float:
    """tf-idf, compounds a little favoured."""
    docs, df = _df()
    return count * math.log((docs + 1) / df.get(name, 1)) * (1.0 + 0.02 * min(len(name), 20))


ROLES = ("minister", "ministerin", "präsident", "präsidentin", "sprecher", "sprecherin", "chef", "chefin",
         "kanzler", "kanzlerin", "vorsitzende", "vorsitzender", "leiter", "leiterin", "direktor", "direktorin")


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str | None:
    """The noun lemma ('Verhandlungen' -> 'Verhandlung'); None for anything but a common noun."""
    tag, _ = lexicon.pos(word)
    if tag != "NN" or not word[:1].isupper() or len(word) < 4 or not word.isalpha() and "-" not in word:
        return None
    if "-" in word:
        head, _, tail = word.rpartition("-")
        tail_lemma = lemma(tail) if tail[:1].isupper() else None
        return f"{head}-{tail_lemma}" if tail_lemma else None
    lem = lexicon.lemma(word)
    lem = lem[:1].upper() + lem[1:]
    sure = lexicon.pos(word)[1] or len(word) >= 8
    return lem if sure and len(lem) >= 4 and lem[:3] == word[:3] else None


def tags(text: str, exclude: set[str], registry: Registry, limit: int = 5) -> tuple[str, ...]:
    """A few keywords for the article, entity names and stop words left out."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, tok in enumerate(tokens(text)):
        lem = lemma(tok.text)
        if lem is None or lem in STOP or tok.text in exclude or lem in exclude or registry.ignored(lem):
            continue
        if lem.lower().endswith(ROLES) or lem in lexicon.places() or lem in lexicon.countries():
            continue
        entry = registry.lookup(lem) or registry.lookup(tok.text)
        if entry is not None and entry.type != "tag":
            continue
        name = entry.name if entry is not None else lem
        counts[name] += 1
        first.setdefault(name, i)
    scored = {n: _weight(n, c) for n, c in counts.items() if c >= 2}
    best = sorted(scored, key=lambda n: (-scored[n], first[n]))[:limit]
    return tuple(sorted(best, key=first.get))
