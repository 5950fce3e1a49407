"""Topic tags: the article's most frequent content nouns (lemmas, compounds favoured), registry-mapped."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from . import lexicon
from .registry import Registry
from .tokenize import tokens

STOP = frozenset("""Jahr Jahre Jahren Prozent Euro Dollar Zeit Mal Ende Anfang Seite Frage Angabe Angaben Woche Tag
Monat Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Million Milliarde Teil Fall Beispiel Grund
Art Weise Ziel Zahl Leute Mensch Uhr Stunde Minute Sekunde Prozentpunkt Punkt Rolle Sicht Hinsicht Bereich
Problem Thema Möglichkeit Ergebnis Stelle Platz Runde Folge Lage Mitte Hälfte Woche Abend Morgen Nacht Weg Art
Herr Frau Dr Prof Seite Aussage Sprecher Sprecherin Präsident Präsidentin Chef Chefin Kenntnis Schluss Anspruch
Januar Februar März April Mai Juni Juli August September Oktober November Dezember Jänner Kilometer Meter
Grad Tonne Zentimeter Land Länder Stadt Staat Welt Leben Menschen Million Information Ansicht Meinung Bericht Medium Medien Interview Zuge Vergleich Mehrheit""".split())


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
    return lem[:1].upper() + lem[1:]


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
    scored = {n: c * (1.0 + 0.05 * min(len(n), 20)) for n, c in counts.items() if c >= 2}
    best = sorted(scored, key=lambda n: (-scored[n], first[n]))[:limit]
    return tuple(sorted(best, key=first.get))
