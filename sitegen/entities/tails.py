"""A span's end: carried over a name's particles ('Alexander Van' + 'der Bellen') or cut before the words
glued to a name (common nouns, a town, a time, an owner, lower-case words and scores)."""
from __future__ import annotations

import re

from . import lexicon, rules, sports
from .normalize import folded
from .words import WEEKDAYS, common_noun, surname_like, work_compound

PARTICLES = frozenset("van von de der den da di del du la le al el bin ibn ten ter zu vom dos das".split())
NOBILIARY = frozenset("van von de di da du zu del dos ten ter".split())  # may continue a full name
PLACE_HEADS_EN = frozenset(("City", "Basin"))  # English heads of a place's name: 'Iowa City'
ELIDED = re.compile(r"d['’]?[A-ZÄÖÜ][\w-]+")  # a name's elided 'de': 'd'Estaing', 'dAllegeershecque'
DAY_TIME = re.compile(rf"(?:{'|'.join(sorted(WEEKDAYS))})"  # a time glued to a name: 'Montagfrüh'
                      r"(?:früh|morgen|vormittag|mittag|nachmittag|abend|nacht)?")


def particles_end(words, a: int, b: int, cls: str) -> int:
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


def trim_back(words, a: int, b: int, cls: str) -> tuple[int, int, str]:
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
    day = DAY_TIME.fullmatch(words[b - 1]) is not None and words[b - 2] != "am"  # not 'Welt am Sonntag'
    b -= 1 if b - a > 1 and day else 0  # a time glued on: 'Polizeiinspektion Freyung Montagfrüh'
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
