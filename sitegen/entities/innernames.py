"""Place-typed names that belong to another name: towns after a plural institution's noun, journals."""
from __future__ import annotations

from . import lexicon, rules

PLURAL_HEADS = {"Universitäten": "Universität", "Unis": "Uni", "Hochschulen": "Hochschule",
                "Kliniken": "Klinik", "Spitäler": "Spital", "Krankenhäuser": "Krankenhaus"}
LIST_LINKS = frozenset(", und sowie".split())
JOURNAL_CUES = frozenset("Studie Studien Untersuchung Arbeit Artikel Beitrag Aufsatz Paper veröffentlicht "
                         "erschienen publiziert Fachjournal Fachzeitschrift Fachblatt Journal".split())
ENGLISH_LINKS = frozenset(("of", "in", "for", "on", "and", "&"))  # inside a journal's title
JOURNAL_WORDS = frozenset("Nature Science Cell Lancet Journal Proceedings Annals PLOS PLoS".split())


def institution_towns(words: list[str], tags: list[str]) -> list[tuple[int, int, str]]:
    """Towns listed after a plural institution's noun name its institutions ('der Universitäten Marburg,
    Gießen und Ulm' -> Universität Marburg, ...): (start, end, name); their place tags cleared in place."""
    out = []
    for i, word in enumerate(words):
        head, j = PLURAL_HEADS.get(word), i + 1
        while head and j < len(tags) and tags[j] == "B-LOC":
            b = j + 1
            while b < len(tags) and tags[b] == "I-LOC":
                b += 1
            out.append((j, b, f"{head} {' '.join(words[j:b])}"))
            tags[j:b] = ["O"] * (b - j)
            j = b + 1 if b < len(words) and words[b] in LIST_LINKS else len(tags)
    return out


STATE_ADJECTIVES = ("niederösterreichisch", "oberösterreichisch", "steirisch", "burgenländisch", "bayerisch",
                    "hessisch", "sächsisch", "niedersächsisch", "thüringisch", "brandenburgisch",
                    "saarländisch")
STATE_DEMONYMS = frozenset("Wiener Kärntner Tiroler Salzburger Vorarlberger Südtiroler".split())
STATE_BODIES = {"Landtag": "er", "Landtags": "er", "Landtages": "er", "Landesregierung": "e"}  # their gender


def state_bodies(words: list[str], tags: list[str]) -> list[tuple[int, int, str]]:
    """A state's parliament or government named by the state's adjective ('im niederösterreichischen
    Landtag' -> Niederösterreichischer Landtag, 'der Tiroler Landesregierung'): (start, end, name); their
    tags cleared in place."""
    out = []
    for i in range(1, len(words)):
        ending, before = STATE_BODIES.get(words[i]), words[i - 1]
        inside = tags[i - 1].startswith("I-") or i + 1 < len(tags) and tags[i + 1].startswith("I-")
        if ending is None or inside:  # no body's noun, or a longer name's words
            continue
        stem = before.lower().rstrip("enrsm")  # 'niederösterreichischen' -> 'niederösterreichisch'
        if before in STATE_DEMONYMS:
            adjective = before
        elif stem in STATE_ADJECTIVES and before[len(stem):] in ("e", "en", "er", "es", "em"):
            adjective = stem[:1].upper() + stem[1:] + ending
        else:
            continue
        out.append((i - 1, i + 1, f"{adjective} {words[i].removesuffix('es').removesuffix('s')}"))
        tags[i - 1:i + 1] = ["O", "O"]
    return out


def journals(words: list[str], tags: list[str]) -> list[str]:
    """A place-typed name no list knows as a place after 'Studie in' ('Studie in Nature Microbiology'), or
    one of several words opening with a journal's word, is the journal (in place); 'Studie in Wien' stays;
    a title after a journal's noun goes on in English ('Fachjournal Advances in Parasitology')."""
    for a, b, cls in rules.spans(tags):
        name = " ".join(words[a:b])
        cue = a > 1 and words[a - 1] in ("in", "im") and words[a - 2] in JOURNAL_CUES
        place = name in lexicon.places() or name in lexicon.countries() or name in lexicon.regions() \
            or name in lexicon.multiword_places()
        if cls == "LOC" and (cue and not place or words[a] in JOURNAL_WORDS and b - a > 1):
            tags[a:b] = ["B-ORG"] + ["I-ORG"] * (b - a - 1)
        end = _title_end(words, tags, a, b)
        if end > b:  # 'im Fachjournal Advances in Parasitology'
            tags[a:end] = ["B-ORG"] + ["I-ORG"] * (end - a - 1)
    return tags


def _title_end(words: list[str], tags: list[str], a: int, b: int) -> int:
    """Where a journal's English title ends that goes on after the name words[a:b] with a linking word and a
    capitalised word no list knows as a place, the name right after a journal's noun."""
    titled = a > 0 and words[a - 1] in JOURNAL_CUES and words[a - 1][:1].isupper()
    if not titled or b + 1 >= len(words) or words[b] not in ENGLISH_LINKS or not words[b + 1][:1].isupper():
        return b
    end = b + 2
    while end < len(tags) and tags[end].startswith("I-"):
        end += 1
    return b if lexicon.town(words[b + 1]) or words[b + 1] in lexicon.countries() else end


def expansions(words: list[str], tags: list[str]) -> list[str]:
    """An abbreviation's expansion in parentheses after it, its capitals matching the letters, is one
    organisation (in place): 'Aqi (Al-Qaida in Iraq)', not a place 'Iraq'; 'EU (Brüssel)' is untouched."""
    for i in range(1, len(words) - 2):
        short = words[i - 1]
        if words[i] != "(" or not (2 <= len(short) <= 6 and short.isalpha() and short[:1].isupper()):
            continue
        j = next((k for k in range(i + 2, min(i + 10, len(words))) if words[k] == ")"), None)
        inner = words[i + 1:j] if j else []
        capitals = "".join(p[0] for w in inner for p in w.split("-") if p[:1].isupper())
        place = any(t.endswith("LOC") for t in tags[i + 1:j] if j)
        if len(inner) > 1 and capitals.lower() == short.lower() and place:
            tags[i + 1:j] = ["B-ORG"] + ["I-ORG"] * (len(inner) - 1)
    return tags
