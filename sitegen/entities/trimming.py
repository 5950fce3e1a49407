"""Span trimming: role nouns, descriptions and opening words cut off a name's front (its end: tails.py)."""
from __future__ import annotations

from functools import lru_cache

from . import lexicon, rules
from .normalize import ARTICLES, folded, place_adjective
from .tails import PARTICLES, particles_end, trim_back
from .words import common_noun, long_compound, role_noun

STATE_HEADS = frozenset(("Republik", "Volksrepublik"))  # before a country's name: a state
KINDS = frozenset(("Partei", "Gruppe", "Band", "Miliz", "Bewegung"))  # the kind of a body before its name
MEDIA_WORDS = ("zeitung", "konzern", "magazin", "sender", "blatt", "gesellschaft", "agentur", "plattform")
TITLES = frozenset("Dr. Prof. Mag. Ing. DI DDr. Dipl.-Ing. Univ.-Prof. MMag. Dkfm. Mister Mr. Mrs. Ms."
                   .split())  # 'Dr. Scot X', 'Mister Wenger'


def _other_word(word: str, opening: bool) -> bool:
    """A capitalised word that is, in lower case, a verb or adjective (known, or guessed when it opens the
    sentence) and no name: 'Kuratiert'."""
    tag, known = lexicon.pos(word.lower())
    closed = known and not tag.startswith(("N", "ADJ", "V", "CARD", "FM", "XY"))  # 'Gegen', 'Oder'
    guessed = opening and word.endswith(("iert", "t", "en", "te"))  # 'Kuratiert', not 'Juan'
    return (known or guessed) and (closed or tag.startswith(("V", "ADJ"))) and word not in lexicon.known() \
        and word not in lexicon.places() and word not in lexicon.first_names()




def trim(words, a: int, b: int, cls: str) -> tuple[int, int, str]:
    """Cut role nouns and descriptors off a span ('Bildungsministerin Sonja X', 'Irak Senfgas'), never end it
    on a particle ('Alexander Van' + 'der Bellen')."""
    a, b, cls = _trim_front(words, a, b, cls)
    team = _has_place(words[b - 1:b]) or words[b - 1].isupper() and len(words[b - 1]) >= 3  # 'WAC:'
    if b - a == 2 and b < len(words) and words[b] == ":" and team \
            and not _has_place(words[a:a + 1]) and words[a][:1].isupper() and not lexicon.pos(words[a])[1]:
        b, cls = b - 1, "PER"  # a scorer glued to the next line-up's team: 'Edomwonyi' + 'Salzburg: Walke'
        # (a word the dictionary knows opens a name: 'Polizei Wien:')
    b = particles_end(words, a, b, cls)
    a, b, cls = trim_back(words, a, b, cls)
    state = b - a > 1 and words[b - 2] in STATE_HEADS and words[b - 1][:1].isupper()
    return a, b, "LOC" if state else cls  # 'Demokratische Volksrepublik Korea' is a country


def _trim_front(words, a: int, b: int, cls: str) -> tuple[int, int, str]:
    """Referee marks, role nouns, opening verbs and descriptors before a name; a given name inside starts
    one."""
    if words[a] == "SR" and b - a > 1:
        a, cls = a + 1, "PER"  # the referee: 'SR Harkam'
    while cls == "PER" and b - a > 1 and words[a] in TITLES:
        a += 1
    start = a
    a, b, cls = _given_inside(words, a, b, cls)
    opened = a
    a = _opening_words(words, a, b, cls)
    if cls == "ORG" and a > opened and role_noun(words[a - 1], words[a]) and 1 < b - a < 4 \
            and not {w.lower() for w in words[a:b]} & lexicon.org_words() \
            and " ".join(words[a:b]) not in lexicon.multiword_places():
        cls = "PER"  # a role noun cut off an organisation-typed name: 'Pop-Diva Whitney Houston'
    genitive = words[a].endswith("s") and not _given_name(words[a]) \
        and a + 1 < len(words) and words[a + 1] not in rules.ENGLISH_HEADS  # 'Brookings Institution'
    person = cls == "PER" and b - a > 1 and words[a + 1] in lexicon.people()  # 'Francois Hollande'
    stem = words[a][:-1]  # a genitive's owner
    owner = cls == "ORG" or b - a > 2 or stem in lexicon.people() or stem in lexicon.places()
    given = _given_name(words[a + 1]) or words[a + 1] in lexicon.census_first_names() if b - a > 1 else False
    if cls == "PER" and b - a > 2 and genitive and given:
        a += 1  # an owner's genitive before a given name: 'Gladbachs Lucien Favre'
    elif cls in ("PER", "ORG") and b - a > 1 and genitive and not person and (
            common_noun(words[a + 1]) or owner and long_compound(words[a + 1])):  # not 'Nicolaus Schafhausen'
        a, b = (a + 2, b) if b - a > 2 else (a, a + 1)  # 'Benficas Erzrivalen FC Porto', 'Frodenos Triumph'
    while cls == "PER" and b - a > 1 and lexicon.pos(words[b - 1])[0].startswith("ADJ") \
            and words[b - 1] not in lexicon.people() and words[b - 2] not in lexicon.first_names():
        b -= 1  # 'Edomwonyi Gelbe (Karten)'; not a surname after a given name: 'Gerald Klug', 'Karl Schnell'
    if b - a > 2 and words[a].lower() in ARTICLES and describer(words[a + 1]):
        a += 1  # 'Der Zeitung Haaretz zufolge'
    if cls == "ORG" and b - a > 1 and words[a].rpartition("-")[2] in KINDS and words[a + 1][:1].isupper() \
            and not lexicon.pos(words[a + 1])[1]:  # not 'Partei Recht und Gerechtigkeit'
        a += 1  # 'der liberalen Partei Ciudadanos', 'von der Indigena-Partei Winaq'
    a += 2 if b - a > 2 and _placed_noun(words, a, b) else 0  # 'Pariser Prachtboulevard Champs-Elysees'
    named = cls == "PER" and a > opened and b - a == 2  # after a role noun: 'Henkel-Chef Kasper X'
    while not named and b - a > 1 and words[a + 1][:1].isupper() \
            and (describer(words[a]) or _front_noun(words[a], cls)) \
            and not (cls == "PER" and b - a > 2 and words[a + 1].lower() in PARTICLES) \
            and not (cls == "ORG" and _opener(words, a)):  # 'Bart De Baere', 'die Steiermärkische Sparkasse'
        a += 1
        if words[a] in lexicon.first_names():
            cls = "PER"
    if cls == "LOC" and a > start and b - a > 1 and not _has_place(words[a:b]):
        cls = "PER"  # a role noun cut off a place-typed name: 'Neurochirurg Ben Carson'
    return a, b, cls


def _given_name(word: str) -> bool:
    """A listed given name, also written without its accents: 'Francois' for 'François'."""
    return word in lexicon.first_names() or folded(word) in _folded_given_names()


@lru_cache(maxsize=1)
def _folded_given_names() -> frozenset[str]:
    return frozenset(folded(name) for name in lexicon.first_names())


def _front_noun(word: str, cls: str) -> bool:
    """A common noun before a name, no institution's nor an English word opening a company's ('General')."""
    return common_noun(word) and not _institution(word) and word.lower() not in lexicon.org_words() \
        and not (cls == "ORG" and (word in rules.OPENERS or word.lower().endswith(rules.UNIVERSITY_HEADS)))


def _placed_noun(words, a: int, b: int) -> bool:
    """A place's adjective and a noun, no institution's, before a name with no organisation word: 'Wiener
    Hotel Sofitel' (not 'Münchner Landgericht', 'Wiener Verein Neustart', 'Wiener Sport Club')."""
    noun, rest = words[a + 1], {w.lower() for w in words[a + 2:b]}
    return place_adjective(words[a]) and words[a + 2][:1].isupper() and lexicon.pos(noun)[0] == "NN" \
        and noun not in lexicon.places() and noun not in lexicon.first_names() and not _institution(noun) \
        and not (rest | {noun.lower()}) & lexicon.org_words()


def _given_inside(words, a: int, b: int, cls: str) -> tuple[int, int, str]:
    """A given name inside a span starts a person's name ('Salzburger Mike Vogl'; not a place's second word:
    'San Antonio Spurs'), a lower-case word before one ends the span ('Oscar für Mark Rylance'); no name
    ends on 'St.' or 'Dr.'."""
    given = next((i for i in range(a + 1, b - 1) if words[i] in lexicon.first_names()
                  and f"{words[i - 1]} {words[i]}" not in lexicon.multiword_places()
                  and words[i - 1] not in ("St.", "Sankt")), None)  # 'San Antonio', 'St. Johann im Pongau'
    if cls != "PER" and given is not None and not words[given - 1].islower():
        a, cls = given, "PER"
    inner = next((i for i in range(a + 1, b - 1) if words[i].islower() and words[i] not in PARTICLES
                  and words[i + 1] in lexicon.first_names()), None)  # not 'Emile de Antonio'
    b = b if inner is None else inner
    while b - a > 1 and words[b - 1] in ("St.", "Dr."):
        b -= 1  # 'Paris St.'
    return a, b, cls


def _opening_words(words, a: int, b: int, cls: str) -> int:
    """The span's start past opening verbs, prepositions, role nouns and glued compounds ('Kuratiert von',
    'Laut Arbeiterkammer', 'Landtagsklubobmann Walter Steidl'); an institution keeps its adjective."""
    firm = b - a == 2 and words[b - 1].lower() in lexicon.org_words()  # 'General Motors'
    # an institution's head keeps its adjective: 'der Österreichischen Hagelversicherung' (not 'Belgrader
    # Zeitung Danas'), a purpose's head before a name: 'Technische Universität Wien'
    head = cls == "ORG" and b - a > 1 and words[a][:1].isupper() \
        and (words[a + 1].lower().endswith(rules.INSTITUTION_HEADS) and (b - a == 2 or words[a + 2].islower()
                                                                         or _land_genitive(words[a + 2:b]))
             or words[a + 1].lower().endswith(rules.PURPOSE_HEADS) and b - a > 2)
    head = head or b - a > 2 and words[a + 1] in STATE_HEADS  # 'Demokratische Republik Kongo'
    end = b - 1 if b - a == 3 and _land_genitive(words[b - 1:b], town=True) else b  # 'Vetmed. Uni Wien'
    last = words[end - 1].lower()
    noun = end - a == 2 and lexicon.pos(words[end - 1]) == ("NN", True) \
        and words[a].endswith(("e", "en", "er")) and not last.endswith(rules.PURPOSE_HEADS)
    head = head or cls == "ORG" and noun  # never cut to a lone noun: 'Nationale Front', 'Afrikanische Union'
    while b - a > 1 and not (cls == "ORG" and _opener(words, a)):
        adjective = head and lexicon.pos(words[a].lower())[0].startswith("ADJ")
        verb_first = a == 0 and (cls != "PER" or words[a + 1] in lexicon.first_names())  # 'Besart Abdurahimi'
        if not (_other_word(words[a], opening=verb_first) and not adjective
                or not firm and role_noun(words[a], words[a + 1])
                or not head and cls == "LOC" and long_compound(words[a])
                or not head and cls == "ORG" and b - a == 2 and long_compound(words[a])
                and words[b - 1] in lexicon.orgs() and not _seat(words[a], words[b - 1])):
            return a
        a += 1
    return a


def _opener(words, a: int) -> bool:
    """A word that opens an organisation's name: an English one ('General Electric'), a capitalised adjective
    in '-isch' inside a sentence ('die Steiermärkische Sparkasse') or a pair's first half ('Hotel- und')."""
    word = words[a]
    isch = a > 0 and word[:1].isupper() and word[1:].islower() and word.lower().endswith(rules.ISCH)
    return word in rules.OPENERS or isch or word[-1:] == "-" and words[a + 1] == "und"


def _has_place(words) -> bool:
    """The name, or its first word, is a known place: 'Rio de Janeiro', 'Wien Hietzing'."""
    return any(w in lexicon.places() or w in lexicon.countries() or w in lexicon.regions()
               for w in (" ".join(words), words[0]))


def _land_genitive(words, town: bool = False) -> bool:
    """A place's genitive (with town, also a town) closing an institution's name: 'Verband Österreichs'."""
    return len(words) == 1 and (words[0].endswith("s") and _has_place([words[0][:-1]])
                                or town and words[0] in lexicon.places())


def _seat(head: str, town: str) -> bool:
    """A purpose's head before its town: 'Universität Oxford' (not 'Raumfahrtbehörde Nasa')."""
    return head.lower().endswith(rules.PURPOSE_HEADS) and town in lexicon.places()


def _institution(word: str) -> bool:
    """A noun that heads an institution's name ('Landesbank', 'Landtag')."""
    return word.lower().endswith(lexicon.ORG_SUFFIXES)


def describer(word: str) -> bool:
    """A noun that describes the name after it: 'Zeitung Tuttosport', 'Tageszeitung Kurier'."""
    return word.lower().endswith(MEDIA_WORDS) and lexicon.pos(word)[0] == "NN"
