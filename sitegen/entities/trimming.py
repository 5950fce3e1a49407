"""Span trimming: role nouns, descriptions and particles cut off or carried over at a name's edges."""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon, rules, sports
from .normalize import ARTICLES, folded, place_adjective
from .words import common_noun, long_compound, role_noun, surname_like, work_compound

PARTICLES = frozenset("van von de der den da di del du la le al el bin ibn ten ter zu vom dos das".split())
NOBILIARY = frozenset("van von de di da du zu del dos ten ter".split())  # may continue a full name
PLACE_HEADS_EN = frozenset(("City", "Basin"))  # English heads of a place's name: 'Iowa City'
STATE_HEADS = frozenset(("Republik", "Volksrepublik"))  # before a country's name: a state
ELIDED = re.compile(r"d['’]?[A-ZÄÖÜ][\w-]+")  # a name's elided 'de': 'd'Estaing', 'dAllegeershecque'
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
    b = _particles(words, a, b, cls)
    a, b, cls = _trim_back(words, a, b, cls)
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


def _particles(words, a: int, b: int, cls: str) -> int:
    """The span's end, carried over particles to the name they belong to."""
    j = b
    while j < len(words) and words[j].lower() in PARTICLES:
        j += 1
    ends_on_particle = b - a > 1 and words[b - 1].rsplit("-", 1)[-1].lower() in PARTICLES  # 'Maréchal-Le'
    named = j < len(words) and words[j][:1].isupper()
    nobiliary = named and j == b + 1 and cls == "PER" and b - a > 1 and words[b].lower() in NOBILIARY \
        and not words[j].isupper()  # 'Müller von Blumencron', not 'Maričić von ADRA', '... von der Uni'
    firm = j + 1 < len(words) and words[j + 1][:1].isupper()  # 'Richard Cassidy von Alert Logic'
    nobiliary = nobiliary and not firm
    if named and (ends_on_particle or nobiliary and surname_like(words[j])):
        b = j + 1  # 'Alexander Van' + 'der Bellen', 'Mathias Müller' + 'von Blumencron'
    return b


def _glued_tail(words, a: int, b: int, cls: str) -> int:
    """The span's end before words glued to a name: a person's lower-case word that is no particle ('Konrad
    parteifreier Mandatar'), a country after a town ('in Budapest Ungarns Innenminister'), a common noun after
    a party's acronym ('in der SVP Getränke bezahlt')."""
    b = next((i for i in range(a + 1, b) if cls == "PER" and words[i][:1].islower()
              and words[i].lower() not in PARTICLES and "-" not in words[i]
              and not ELIDED.fullmatch(words[i])), b)  # 'Susan le Jeune dAllegeershecque'
    if cls == "LOC" and b - a == 2 and words[a] in lexicon.places() and words[a] not in lexicon.countries() \
            and {words[a + 1], words[a + 1].removesuffix("s")} & lexicon.countries():
        b -= 1
    last = words[b - 1].lower()
    if cls == "ORG" and b - a == 2 and _acronym(words[a]) and words[a] not in sports.CLUB_WORDS \
            and common_noun(words[b - 1]) and last not in lexicon.org_words() \
            and not last.endswith(rules.INSTITUTION_HEADS):
        b -= 1
    return b


def _acronym(word: str) -> bool:
    """Two to five capitals: 'SVP', 'ÖVP', 'ORF'."""
    return 2 <= len(word) <= 5 and word.isupper() and word.isalpha()


def _noun_tail(words, a: int, b: int, cls: str) -> int:
    """A person's or place's span ends before a common noun after its first words ('Merkel Privathandy'); not
    after a particle ('Van der Bellen'), given names only ('Anna Maria Hochhauser') or a team's plural
    ('Atlanta Hawks')."""
    limit = {"PER": 2, "LOC": 1}.get(cls)
    place = words[a] in lexicon.places() or words[a] in lexicon.countries()
    if limit is None or cls == "LOC" and not place:
        return b
    return next((i for i in range(a + limit, b) if common_noun(words[i], guessed=cls == "LOC")
                 and words[i - 1].lower() not in PARTICLES and not set(words[a:i]) <= lexicon.first_names()
                 and words[i - 1] not in ("St.", "Sankt") and words[i] not in PLACE_HEADS_EN  # 'Iowa City'
                 and not (cls == "LOC" and sports.team_word(words[i]) and words[i] not in lexicon.places())),
                b)  # 'Paris St. Germain


def _person_pair(first: str, last: str) -> bool:
    """Two words that read as a given name and a surname: a listed given name, or two names no dictionary,
    list of places or annotated name knows ('Theresia Babler')."""
    unknown = all(w[:1].isupper() and lexicon.pos(w) == ("NE", False) and w not in lexicon.places()
                  and w not in lexicon.known() for w in (first, last))
    return first in lexicon.first_names() and last[:1].isupper() or unknown


def _town_after_person(words) -> bool:
    """A town of the archive's home or GermEval's glued after a given name and a surname ('Dominik Frieser
    Kapfenberg in Front'; not 'Otto Pérez Molina')."""
    town, known = words[-1], lexicon.known().get(words[-1], "")
    person = len(words) == 3 and words[0] in lexicon.first_names() and words[1] not in lexicon.first_names() \
        and words[1].lower() not in PARTICLES
    home = town in lexicon.local_places() or "LOC" in known and town in lexicon.places()
    return person and home and "PER" not in known and town not in lexicon.people() | lexicon.first_names()


def _trim_back(words, a: int, b: int, cls: str) -> tuple[int, int, str]:
    """Common nouns, particles and lower-case words after a name; the class its last word suggests."""
    b = _noun_tail(words, a, b, cls)
    last = words[b - 1].lower()
    if cls != "PER" and b - a > 1 and work_compound(words[a]):
        return a, a, cls  # a work with its kind: 'Krimiserie Berlin Babylon'
    purpose = next((i for i in range(a + 1, b - 1) if words[i] == "für"  # 'Organisation für X'
                    or words[i] == "der" and rules.plural_noun(words[i + 1])), None)  # 'Akademie der Künste'
    purpose = purpose and words[purpose - 1].lower().endswith(rules.INSTITUTION_HEADS + rules.PURPOSE_HEADS)
    if cls == "ORG" and purpose and words[b:b + 1] == ["und"] and b + 1 < len(words) \
            and common_noun(words[b + 1], guessed=True):
        b += 2  # the purpose goes on: 'Bundesamt für Migration und Flüchtlinge'
    if cls == "ORG" and b - a > 2 and common_noun(words[b - 1]) and last not in lexicon.org_words() \
            and not purpose and not last.endswith(rules.INSTITUTION_HEADS) and "of" not in words[a:b] \
            and not sports.team_word(words[b - 1]):
        if words[b - 1] in lexicon.work_cues():
            return a, a, cls  # a work: 'Rocky Horror Picture Show'
        b -= 1  # 'SV Ried Wiedergutmachung', 'Nobelpreis für Medizin'
    b = _glued_tail(words, a, b, cls)
    b -= 1 if cls == "PER" and _town_after_person(words[a:b]) else 0  # 'brachte Dominik Frieser Kapfenberg'
    owner = cls == "ORG" and b - a > 3 and words[b - 3] == "von" and _person_pair(words[b - 2], words[b - 1])
    b -= 3 if owner else 0  # 'die MTB Privatstiftung von Theresia Babler': the owner is no part of the name
    while b - a > 1 and (words[b - 1].lower() in PARTICLES or sports.SCORE.fullmatch(words[b - 1])
                         or not words[b - 1][:1].isupper() and not words[b - 1][:1].isdigit()
                         and not ELIDED.fullmatch(words[b - 1])):
        b -= 1  # 'Psaki von »...«', 'TPS Turku 2:3': no name ends in a particle, lower-case word or score
    first = set(words[a].split("-")) & lexicon.first_names()
    if cls == "ORG" and first and b - a > 1 and not set(words[a + 1:b]) & lexicon.orgs():
        cls = "PER"  # 'Matt Jakubowski', 'Anna-Sophie Berger'
    genitive = next((i for i in range(a + 1, b - 1) if cls == "PER" and words[i].endswith("s")
                     and words[i] not in lexicon.first_names() and words[i].lower() not in PARTICLES
                     and "PER" not in lexicon.known().get(words[i], "")), None)  # 'Perkins' is a name
    b = b if genitive is None else genitive + 1  # 'Ridley Scotts Blade Runner', 'Andrew Lloyd Webbers Evita'
    edges = {f(words[i]) for i in (a, b - 1) for f in (str.lower, folded)} if b - a > 1 else set()
    if cls == "PER" and lexicon.org_words() & edges:  # 'Unión' as 'union' too
        cls = "ORG"  # 'Unión Patriótica'

    if b < len(words) and cls == "PER" and re.match(r"(?:al|el|as|ad|bin|ibn)-[A-Z]", words[b]):
        b += 1
    return a, b, cls
