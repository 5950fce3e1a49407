"""An organisation's span and the words beside it that are no part of its name: a description before it
('US-Raumfahrtbehörde Nasa'), an abbreviation in parentheses, a common noun or a role and person after it."""
from __future__ import annotations

import re

from . import extents, lexicon, rules, sports
from .normalize import ARTICLES, place_adjective
from .trimming import describer
from .words import common_noun, long_compound, role_noun

Span = tuple[int, int, str]


def split(words: list[str], a: int, b: int, cls: str, start: int | None = None) -> list[Span]:
    """The spans an organisation's span really holds (none, one or two); start is where the tagger's span
    began before trimming."""
    whole = extents.firm(words, a, b) if cls in ("ORG", "PER") else None
    if whole is not None:  # 'Demner, Merlicek & Bergmann'
        return [(*whole, "ORG")] if whole[1] > whole[0] else []
    if cls == "PER" and "," in words[a:b]:  # a list the tagger read as one name: 'Lazaro , Laimer'
        cuts = [a - 1, *(i for i in range(a, b) if words[i] == ","), b]
        return [(x + 1, y, cls) for x, y in zip(cuts, cuts[1:]) if y > x + 1]
    if cls != "ORG" or a >= b:
        return [(a, b, cls)]
    a, b = extents.extend(words, a, b)
    a = _firm_start(words, a, b, a if start is None else start)
    if "(" in words[a + 1:b]:
        b = words.index("(", a + 1)  # 'Landeskriminalamt (LKA)': the name before its abbreviation
    if b - a == 1 and describes(words[a]) and b < len(words) and name_word(words[b]):
        return []  # 'Der Weltfußballverband' + 'Fifa': the description before a name tagged alone
    a += _description(words, a, b)
    for i in range(a + 1, b - 2):
        role = role_noun(words[i], words[i + 1]) or long_compound(words[i])  # 'Villeneigentümer'
        if len(words[i]) > 7 and role and not body(words[i]) and _person(words[i + 1:b]):
            return [(a, i, cls), (i + 1, b, "PER")]  # 'Kurier' + 'Villeneigentümer' + 'Herinrich Schuster'
    if b - a == 2 and body(words[a]) and glued_noun(words[a + 1]):
        b -= 1  # 'Polizei Marihuana (suchte)', 'Innenressort Genehmigungen (erst)'
    return [(a, b + sports.club_number(words, a, b), cls)]  # 'Hannover 96 verlor'


def _firm_start(words: list[str], a: int, b: int, start: int) -> int:
    """A company's name before its legal form or English head keeps the words trimming cut off its front:
    'Energie Steiermark AG', 'Casinos Austria AG', 'Nobel Education Network' (not an article or a role)."""
    if not (set(words[a:b]) & HEADS):
        return a
    while a > start and _firm_word(words[a - 1], words[a]):
        a -= 1
    if a == start and a > 1 and words[a - 2].lower() in ARTICLES and _firm_word(words[a - 1], words[a]) \
            and len(words[a - 1]) <= 8:  # no compound describing it: 'die Betreuungsorganisation ORS ...'
        a -= 1  # the word the tagger left out right after the article: 'der Casinos' + 'Austria AG'
    return a


def _firm_word(word: str, nxt: str) -> bool:
    """A capitalised word that may open a company's name: no article, role or describing noun ('Firma')."""
    kind = word.lower().endswith(DESCRIBED + lexicon.ORG_SUFFIXES + ("firma", "tochter"))
    return word[:1].isupper() and word.lower() not in ARTICLES and not role_noun(word, nxt) \
        and not describer(word) and not kind


HEADS = rules.LEGAL_FORMS | rules.ENGLISH_HEADS | {"OG", "Network"}


def _person(words: list[str]) -> bool:
    """Two or three capitalised words that are no common nouns nor organisation words: a person's name."""
    return len(words) < 4 and all(w[:1].isupper() and not common_noun(w) and w.lower() not in
                                  lexicon.org_words() for w in words)


def _description(words: list[str], a: int, b: int) -> int:
    """How many words of a description open the span before a name: 'US-Raumfahrtbehörde Nasa',
    'Europäische Raumfahrtagentur ESA' (not 'Wirtschaftskammer Burgenland', 'Team Stronach')."""
    n = 1 if adjective(words[a]) or place_adjective(words[a]) else 0
    if b - a == n + 2 and describes(words[a + n]) and name_word(words[a + n + 1]):
        return n + 1
    name = words[a + n + 1:b]  # a name of several words: 'Schweizer Werbeagentur Saatchi & Saatchi Geneva'
    if b - a > n + 2 and describes(words[a + n]) and _foreign_name(name):
        return n + 1
    if b - a == 3 and words[a] in lexicon.companies() | lexicon.orgs() and words[a + 1] in DIVISIONS \
            and name_word(words[a + 2]):
        return 2  # a company's division: 'Ubisoft Studio Nadeo'
    return 0


DIVISIONS = frozenset("Studio Studios Label Tochter Division Sparte".split())


def _foreign_name(words: list[str]) -> bool:
    """Words of a name no dictionary knows as German, no place: 'Saatchi & Saatchi Geneva'."""
    first, town = words[0], " ".join(words).replace("St. ", "Sankt ")
    if first in lexicon.places() or first in lexicon.countries() or first in lexicon.regions() \
            or first.lower() in lexicon.org_words() or common_noun(first, guessed=True) \
            or first in ("St.", "Sankt") or town in lexicon.multiword_places():  # 'Landesgericht St. Pölten'
        return False
    return all(w == "&" or w[:1].isupper() and lexicon.pos(w)[0] in ("NE", "FM") for w in words)


def adjective(word: str) -> bool:
    """A capitalised inflected adjective the dictionary knows: 'Europäischen', 'Europäische'."""
    tag, known = lexicon.pos(word.lower())
    return word.endswith(("e", "en", "er")) and known and tag.startswith("ADJ")


def describes(word: str) -> bool:
    """A compound naming a kind of organisation ('Weltfußballverband', 'US-Raumfahrtbehörde',
    'Nachrichtenagentur'), no bare organisation word and no institution's own name ('Bundesrat')."""
    head = word.rsplit("-", 1)[-1].lower()
    ends = [w for w in lexicon.ORG_SUFFIXES + DESCRIBED if head.endswith(w) and len(head) > len(w) + 3]
    listed = word in lexicon.orgs() or word.casefold() in lexicon.aliases() or word in lexicon.companies()
    return bool(ends) and not listed and lexicon.pos(word.rsplit("-", 1)[-1].capitalize())[0] == "NN" \
        and not re.match(r"(?:Bundes|Landes|Staats|Welt)?(?:amt|rat)$", head)


DESCRIBED = ("behörde", "agentur", "verband", "gruppe", "sender", "firma", "unternehmen", "hersteller")


def name_word(word: str) -> bool:
    """A word that names an organisation on its own: an acronym ('ESA', 'TASR') or a short word no dictionary
    knows as a common noun ('Nasa', 'Fifa'); no place, given name or organisation word."""
    if not word[:1].isupper() or word in lexicon.first_names() or word.lower() in lexicon.org_words():
        return False
    if word in lexicon.places() or word in lexicon.countries() or word in lexicon.regions():
        return False
    acronym = re.fullmatch(r"[A-ZÄÖÜ]{2,6}", word) is not None
    return acronym or len(word) <= 6 and word.isalpha() and not common_noun(word, guessed=True)


def body(word: str) -> bool:
    """A public body's or organisation's word: 'Polizei', 'Innenressort', 'Bundesamt'."""
    return word.lower().endswith(lexicon.ORG_SUFFIXES + BODIES)


BODIES = ("polizei", "ressort", "regierung", "justiz", "staatsanwaltschaft", "feuerwehr", "armee", "behörde")


def glued_noun(word: str) -> bool:
    """A common noun glued after a body's word, no name and no organisation word: 'Marihuana',
    'Genehmigungen' (not 'Zeitung' of 'Kronen Zeitung', nor a place: 'Polizei Wien')."""
    return common_noun(word) and word.lower() not in lexicon.org_words() and word not in lexicon.places() \
        and word not in lexicon.regions() and not word.lower().endswith(lexicon.ORG_SUFFIXES)
