"""Surface forms to canonical names: genitive and inflection stripped, nominative rebuilt, keys for
matching."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import lexicon

ADJ_ENDINGS = ("en", "em", "er", "es", "e")
VOWELS = frozenset("aeiouäöüy")
LETTERS = str.maketrans({"ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i",
                         "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"})  # no accents to strip: own letters
FEM = ("ung", "ion", "heit", "keit", "schaft", "ei", "tät", "ie", "ik", "ur", "enz", "anz", "bank", "partei",
       "union", "konferenz", "zeitung", "kammer", "agentur", "stiftung", "kommission", "gruppe", "liga",
       "post", "bahn", "front", "schau", "kasse", "group", "holding", "company", "corporation",
       "allianz", "armee", "polizei", "regierung", "versammlung", "akademie",
       "hochschule", "universität", "gewerkschaft", "organisation", "behörde", "botschaft", "stadt", "zeit",
       "burg", "wand", "presse", "woche", "stelle", "anstalt", "initiative", "kirche", "schule",
       "börse")  # 'der Neuen Burg' -> 'Neue Burg'
NEUT = ("haus", "kreuz",
        "amt", "ministerium", "institut", "gericht", "parlament", "komitee", "zentrum", "museum",
        "theater", "büro", "werk", "land", "reich", "kollegium", "gremium", "netzwerk", "forum", "tribunal",
        "programm", "festival", "orchester", "kabinett", "sekretariat", "königreich", "emirat", "blatt",
        "magazin", "journal", "bündnis", "spital", "kommando", "konsortium")  # 'Neues Volksblatt'
ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen".split())
PURPOSE = frozenset("für zur zum".split())  # a German name's head before its purpose


def _gender(noun: str) -> str:
    low = noun.lower()
    if low.endswith(NEUT):
        return "n"
    if low.endswith(FEM) or low.endswith("in") and len(low) > 5 and low[:-2].endswith(("er", "ent", "ist")):
        return "f"
    return "m"


def adjective_stem(word: str) -> str | None:
    """'Weißen' -> 'Weiß', 'Europäische' -> 'Europäisch'; None when the word is no inflected adjective."""
    tag, known = lexicon.pos(word)  # a guess is no German adjective: 'Corporative Commercial Bank'
    is_adj = known and (tag.startswith("ADJ") or tag == "NNA") \
        or re.search(r"(isch|lich)(e|en|em|er|es)$|(ig|er)(en|em|er|es)$", word)  # not 'Platige Images'
    is_adj = is_adj or not known and re.search(r"sch(e|en|em|er|es)$", word)  # 'der Celleschen Zeitung'
    if not is_adj or not word[:1].isupper() or place_adjective(word):
        return None
    for end in ADJ_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= 3:
            return word[: -len(end)]
    return None


def place_adjective(word: str) -> bool:
    """'Wiener', 'Schweizer', 'Münchner': a place's adjective in -er, which never changes."""
    if not word.endswith("er"):
        return False
    stems = (word[:-2], word[:-3] + "en", word[:-2] + "en")
    return any(s in lexicon.places() or s in lexicon.countries()
               or s.replace("St. ", "Sankt ") in lexicon.multiword_places() for s in stems)  # 'St. Pöltner'


def noun_base(word: str, genitive: bool = False) -> str:
    """'Hauses' -> 'Haus', 'Russlands' -> 'Russland' (genitive -s/-es of a known base form); with genitive
    (after 'des') also a name HanTa knows: 'des Deutschlandfunks' (not 'Zeitung Danas')."""
    for end in ("es", "s"):
        if end == "es" and word[-3:-2] in VOWELS:
            continue  # 'Philaes' -> 'Philae': -es follows a consonant
        if word.endswith(end) and len(word) > len(end) + 2 and not word.endswith("ss"):
            base = word[: -len(end)]
            if _known_base(base, word, genitive):
                return base
    return word


def _noun_lemma(word: str) -> str:
    """A name's head noun without its genitive ending, when HanTa knows the noun or its base form: 'Hauses' ->
    'Haus', 'Forschungsrates' -> 'Forschungsrat'."""
    tag, known = lexicon.pos(word)
    lem = lexicon.lemma(word) if known and tag == "NN" else word
    return lem if word in (lem + "s", lem + "es") else noun_base(word)


def _known_base(base: str, word: str, genitive: bool = False) -> bool:
    if lexicon.pos(word) == ("NE", True) and lexicon.lemma(word) == word:
        return False  # a name the dictionary knows in -s: 'Hamas' (not the town Hama)
    if base in lexicon.countries() or base in lexicon.places():
        return word not in lexicon.countries() and word not in lexicon.places()
    if word in lexicon.known() or word in lexicon.orgs() or word in lexicon.people():
        return False  # a name of its own: 'Reuters', 'News'
    if base in lexicon.known():
        return True
    tag, known = lexicon.pos(base)
    if known and tag in ("NN", "NE") and not lexicon.pos(word)[1]:
        return True
    tag, known = lexicon.pos(word)  # HanTa's lemma of a noun, or after 'des' of a name it knows
    return (tag == "NN" or genitive and tag == "NE" and known) and lexicon.lemma(word) == base


def nominative(tokens: tuple[str, ...], article: str = "") -> tuple[str, ...]:
    """Rebuild a name's nominative: 'Weißen Hauses' -> 'Weißes Haus', 'Süddeutschen Zeitung' -> 'Süddeutsche
    Zeitung'; after 'der' an adjective in -en is feminine or plural ('der Neuen Burg'), -s no genitive."""
    toks = list(tokens)  # an article inside stays: 'Universität der Künste'
    while len(toks) > 1 and toks[0].lower() in ARTICLES:
        toks = toks[1:]
    if len(toks) == 1:
        oblique = article in ("der", "die", "dem", "den")
        return (toks[0],) if oblique else (noun_base(toks[0], genitive=article == "des"),)
    stems: list[str | None] = []  # None: a place's adjective, kept ('Frankfurter Allgemeinen Zeitung')
    while len(stems) < len(toks) - 1:
        word = toks[len(stems)]
        stem = None if place_adjective(word) else adjective_stem(word)
        if stem is None and not place_adjective(word):
            break
        stems.append(stem)
    k = len(stems)  # the head noun follows the adjectives: 'Demokratischen Republik Kongo'
    if toks[k].endswith("-"):
        return tuple(toks)  # a pair's first half hides the head: 'Österreichische Bundes- und ... GmbH'
    ends = k == len(toks) - 1 or toks[k + 1] in PURPOSE or toks[k + 1] == "der"  # 'Forschungszentrums für'
    head = _noun_lemma(toks[k]) if ends else toks[k]
    inflected = [t for s, t in zip(stems, toks) if s is not None]  # 'der Passauer Neuen Presse'
    if article in ("die", "") and inflected and all(t.endswith("e") for t in inflected):
        return (*toks[:k], head, *toks[k + 1:])  # feminine already: '(Die) Österreichische Webanalyse'
    feminine = article == "der" and inflected[:1] and inflected[0].endswith("en") and not head.endswith("s")
    ending = {"f": "e", "n": "es", "m": "er"}["f" if feminine else _gender(head)]
    adjectives = tuple(t if s is None else s + ending for s, t in zip(stems, toks))
    return adjectives + (head,) + tuple(toks[k + 1:])


def initials(tokens) -> str:
    """'Corporative Commercial Bank' -> 'CCB': the capitals opening its capitalised words."""
    return "".join(t[0] for t in tokens if t[:1].isupper())


def abbreviates(short: str, tokens) -> bool:
    """Whether `short` is the name's initials, an abbreviation in it kept whole or not ('CCB', 'WAC' of
    'Wolfsberger AC')."""
    whole = "".join(t if t.isupper() and t.isalpha() else t[0] for t in tokens if t[:1].isupper())
    return len(tokens) > 1 and short in (initials(tokens), whole)


def key(tokens) -> str:
    """A case- and inflection-blind key: 'Weißen Hauses' and 'Weißes Haus' share one."""
    return " ".join(map(word_key, tokens))


@lru_cache(maxsize=200_000)
def word_key(tok: str) -> str:
    low = tok.lower()
    stripped = True
    while stripped:
        stripped = False
        for end in ("es", "en", "em", "er", "e", "s", "n"):
            if low.endswith(end) and len(low) - len(end) >= 3:
                low, stripped = low[: -len(end)], True
                break
    return low


UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def transliterated(name: str) -> str:
    """folded() after the umlauts are written out: 'ÖRAK' and 'OERAK' share one, 'Müller' and 'Mueller'."""
    return folded(name.translate(UMLAUTS))


SPELLINGS = (("tsch", "ch"), ("dsch", "j"), ("sch", "sh"), ("j", "y"), ("ou", "u"), ("th", "t"), ("ph", "f"),
             ("w", "v"), ("ck", "k"))  # German and English ways of writing a foreign name


def spelled(name: str) -> str:
    """transliterated() with German and English spellings of a foreign name made one, doubled letters single:
    'Baschar' and 'Bashar', 'Netanjahu' and 'Netanyahu', 'Kathrin' and 'Katrin'."""
    text = transliterated(name)
    for german, english in SPELLINGS:
        text = text.replace(german, english)
    return re.sub(r"(.)\1", r"\1", text)


def folded(name: str) -> str:
    """Accents, ß, letters like ł and case folded away: 'Erdoğan' and 'Erdogan' share one, 'Jarosław' and
    'Jaroslaw'."""
    text = unicodedata.normalize("NFKD", name.translate(LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def listed_party_form(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A place's adjective before an inflected form of a one-word listed name takes the list's form: 'Die
    Wiener Grünen' -> 'Wiener Grüne' (not 'Wiener SPÖ', which is the list's form already)."""
    if len(tokens) != 2 or not place_adjective(tokens[0]):
        return tokens
    listed = lexicon.aliases().get(tokens[1].casefold(), ("",))[0]
    same = " " not in listed and listed != tokens[1] and word_key(listed) == word_key(tokens[1])
    return (tokens[0], listed) if same else tokens
