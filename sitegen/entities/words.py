"""What one word is, for the rules on a name's edges: a common noun, a role noun, a compound for a work or
a long one, a word that goes on with a person's name."""
from __future__ import annotations

from functools import lru_cache

from . import lexicon

COMMON_TAILS = frozenset("Spiel Spiele Stück Titel Klassiker".split())  # 'zum Beispiel', 'Grundstück'
ROLE_TAILS = ("star", "profi", "ethiker")  # roles the role list lacks: 'Altstar', 'Radprofi' (no feature)
# heads whose compounds are mostly no work: 'Siegesserie', 'Geschäftsmodell', 'Flaggschiff', 'Frauenstaffel'
GENERIC_TAILS = frozenset("Serie Serien Modell Schiff Staffel Sendung".split())
WEEKDAYS = frozenset("Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split())


def common_noun(word: str, guessed: bool = False) -> bool:
    """A word HanTa knows (or, with guessed, takes) as a common noun, and no known name or given name."""
    if word in lexicon.known() or word in lexicon.first_names() or word in lexicon.places():
        return False
    if "-" in word.strip("-"):
        return common_noun(word.rsplit("-", 1)[1], guessed)
    tag, known = lexicon.pos(word)
    return tag == "NN" and (known or guessed)


def work_compound(word: str) -> bool:
    """A compound ending in a noun for a work or product, also in the genitive: 'Krimiserie', 'Raumschiffs'
    (not 'Beispiel', 'Grundstück', 'Siegesserie': short, common or generic tails)."""
    if not word[:1].isupper():
        return False
    low = word.lower().removesuffix("s")
    cues, tails = _work_cues()
    if not low.endswith(cues):  # what nearly every word does: no cue ends it
        return False
    listed = low in cues and any(low.endswith(c) and low != c for c in cues)  # 'Krimiserie', 'Raumschiff'
    return listed or any(low.endswith(c) and len(low) >= len(c) + 3 for c in tails)


@lru_cache(maxsize=1)
def _work_cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The work cues in lower case, and those a compound may end in: longer than four letters, no common
    or generic tail."""
    cues, generic = lexicon.work_cues(), COMMON_TAILS | GENERIC_TAILS
    return (tuple(sorted({c.lower() for c in cues})),
            tuple(sorted(c.lower() for c in cues if len(c) > 4 and c not in generic)))


def long_compound(word: str) -> bool:
    """A long compound ending in a common noun, glued before a place: 'Jihadistenhochburg Raqqa'."""
    if len(word) < 10 or word in lexicon.places() or word in lexicon.regions():
        return False
    tail = word.rsplit("-", 1)[-1]
    return any(lexicon.pos(tail[-k:].capitalize()) == ("NN", True) for k in range(5, len(tail) + 1))


def role_noun(word: str, nxt: str) -> bool:
    """A role noun glued before a name: 'Landtagsklubobmann Walter', 'Jagdethiker Winkelmayer'."""
    low = word.lower()
    if word in lexicon.first_names() or word in lexicon.known() and low not in lexicon.cues():
        return False
    return low.endswith(_role_endings()) \
        or nxt in lexicon.first_names() and low.endswith(("mann", "frau", "ist", "or", "ent"))


@lru_cache(maxsize=1)
def _role_endings() -> tuple[str, ...]:
    """The role list's nouns of four letters or more and ROLE_TAILS, as endings of a role compound."""
    return tuple(cue for cue in (*sorted(lexicon.cues()), *ROLE_TAILS) if len(cue) > 3)


def surname_like(word: str) -> bool:
    """A word after 'von'/'de' that continues a person's name rather than naming a place or body."""
    if word in lexicon.places() or word in lexicon.countries() or word in lexicon.orgs():
        return False
    if lexicon.pos(word)[0].startswith("ADJ"):
        return False  # 'von der Europäischen
    return word.casefold() not in lexicon.aliases() and not common_noun(word)
