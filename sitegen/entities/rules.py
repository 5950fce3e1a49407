"""Spans the tagger cut, joined, and the paper naming itself (names inside hyphen compounds are in
compounds.py; institutions in institutions.py; sport's clubs, teams and line-ups in sports.py)."""
from __future__ import annotations

import re

from . import lexicon
from .sports import result_teams, split_clubs, team_pair, team_word

SELF_NAME = re.compile(r"\bDER STANDARD\b|\b(?:STANDARD)(?=\W|$)|\bderStandard(?:\.at)?\b")
LEGAL_FORMS = frozenset("AG GmbH SE KG Holding Inc. Ltd. Corp. plc SpA S.A.".split())
INSTITUTION_HEADS = lexicon.ORG_SUFFIXES + ("kasse", "versicherung", "landtag", "anstalt", "direktion",
                                           "kommando", "gruppe", "bund", "hilfswerk", "rundfunk")
PURPOSE_HEADS = ("organisation", "zentrum", "forum", "behörde", "rat", "akademie", "fonds", "büro", "stelle",
                 "gesellschaft", "komitee", "hochschule", "universität", "initiative", "netzwerk")  # X für
UNIVERSITY_HEADS = ("universität", "hochschule", "-uni", "kunstuni")  # not 'Juni'
# heads before their town: 'Unfallkrankenhaus Linz', 'Wirtschaftsuniversität Wien', 'Donau-Uni Krems'
TOWN_HEADS = ("krankenhaus", "klinikum", "spital", *UNIVERSITY_HEADS)
# English heads that make the name before them an institution: 'Brookings Institution'
ENGLISH_HEADS = frozenset("Institution Institute Foundation University College Council Society Association "
                          "Agency Trust Fund Corporation Laboratory".split())
def self_names(text: str) -> list[tuple[int, str]]:
    """(offset, 'Der Standard') where the paper names itself: 'dem STANDARD', 'STANDARD-Anfrage'."""
    return [(m.start(), "Der Standard") for m in SELF_NAME.finditer(text)]


ISCH = ("ische", "ischer", "isches", "ischen")  # an adjective of a land or a kind: 'Steiermärkische'
# English words that open a company's name before a word the tagger takes alone: 'General Electric'
OPENERS = frozenset("General Western Eastern Northern Southern Central Royal Pacific Continental Global "
                    "Universal Standard".split())


def _openers(words: list[str], tags: list[str]) -> None:
    """An untagged word before a one-word name opens it (in place): a place's article ('Den' + 'Haag', as
    GeoNames has it) or an English word of company names ('General' + 'Electric', 'Western' + 'Digital')."""
    for i in range(1, len(words)):
        one = tags[i][:2] == "B-" and (i + 1 == len(tags) or not tags[i + 1].startswith("I-"))
        if not (one and tags[i - 1] == "O" and words[i - 1][:1].isupper()):
            continue
        if f"{words[i - 1]} {words[i]}" in lexicon.multiword_places():
            tags[i - 1:i + 1] = ["B-LOC", "I-LOC"]
        elif words[i - 1] in OPENERS and tags[i][2:] in ("LOC", "ORG") \
                and words[i] not in lexicon.countries() and words[i] not in lexicon.places():
            tags[i - 1:i + 1] = ["B-ORG", "I-ORG"]


ROLE_ENDS = ("ist", "istin", "or", "orin", "eur", "eurin", "ent", "entin", "ant", "antin", "loge", "login")


def plural_noun(word: str) -> bool:
    """A capitalised noun HanTa knows whose form is a plural's genitive: 'Künste', 'Wissenschaften'."""
    return word[:1].isupper() and lexicon.pos(word) == ("NN", True) and word.endswith(("e", "en", "er", "n"))


def _organisation_openers(words: list[str], tags: list[str]) -> None:
    """An organisation's span opens (in place) with a capitalised adjective in '-isch' inside a sentence,
    which only a name writes so ('die Steiermärkische Sparkasse'), and with the first half of a pair written
    with a hyphen ('Hotel- und' + 'Gaststättenverband Köln')."""
    for a, _, cls in list(spans(tags)):
        if cls != "ORG" or a < 2 or tags[a - 1] != "O":
            continue
        word = words[a - 1]
        named = word[:1].isupper() and word[1:].islower() and word.lower().endswith(ISCH)
        if named and words[a - 2][:1].islower():
            tags[a - 1:a + 1] = ["B-ORG", "I-ORG"]
        elif word == "und" and words[a - 2][:1].isupper() and words[a - 2][-1:] == "-" and tags[a - 2] == "O":
            tags[a - 2:a + 1] = ["B-ORG", "I-ORG", "I-ORG"]


def repair(words: list[str], tags: list[str]) -> list[str]:
    """Spans the tagger cut, joined (in place): two names side by side are one ('Salt' + 'Lake City'), a place
    before a club is the club ('Hertha' + 'BSC'), an untagged given name opens the name after it (so does an
    unknown word before a person's name that opens without a given name: 'Nguyen' + 'Tan Dung'), a place
    before an English plural is a team ('Carolina Panthers'); a town ends an organisation: 'AKH Linz'."""
    for i in range(1, len(words)):
        prev, cls = tags[i - 1][2:], tags[i][2:]
        town = (prev, cls) == ("ORG", "LOC") and _town_after(words, tags, i)  # 'AKH' + 'Linz'
        if tags[i].startswith("B-") and prev and (prev == cls or (prev, cls) == ("LOC", "ORG") or town) \
                and not _region_before(words, tags, i):
            _join(tags, i, "ORG" if town else cls)
        elif tags[i] == "O" and prev == "LOC":
            pair = team_pair(words, tags, i)
            end = i + 1 + pair  # a genitive before a noun names its owner: 'Ai Weiweis Arbeiten'
            owned = end < len(words) and words[end][:1].isupper() and lexicon.pos(words[end]) == ("NN", True)
            if (pair or team_word(words[i])) and not owned:
                tags[i:i + 1 + pair] = ["I-LOC"] * (1 + pair)
                _join(tags, i, "ORG")
    for a, b, cls in spans(tags):
        name = " ".join(words[a:b]).replace("St. ", "Sankt ")
        saint = words[a] in ("St.", "Sankt") and b - a > 1  # 'Bürgermeister von St. Margarethen'
        if cls == "PER" and b - a > 1 and (name in lexicon.multiword_places() or saint) \
                and name not in lexicon.people():
            tags[a:b] = ["B-LOC"] + ["I-LOC"] * (b - a - 1)  # 'Buenos Aires', 'St. Pölten'
    _unknown_neighbours(words, tags)
    _person_tails(words, tags)
    _place_openers(words, tags)
    _openers(words, tags)
    _cut_places(words, tags)
    _organisation_openers(words, tags)
    split_clubs(words, tags)
    result_teams(words, tags)
    for i in range(len(words) - 1):
        alone = i == 0 or tags[i - 1] == "O"
        given = words[i] in lexicon.first_names() and words[i + 1] not in lexicon.places() \
            and words[i + 1] not in lexicon.countries()
        listed = i > 1 and words[i - 1] in (",", "und", "sowie") and tags[i - 2][2:] == "PER" \
            and not words[i].endswith(ROLE_ENDS)  # in a list of people: 'Theaster' Gates
        cut = tags[i + 1] == "B-PER" and words[i + 1] not in lexicon.first_names() \
            and (len(words[i]) <= 6 or listed) and _unknown_name(words[i], not listed)  # short: no role noun
        if alone and tags[i] == "O" and tags[i + 1].startswith("B-") and (given or cut):  # 'Nguyen' Tan
            tags[i] = "B-PER"
            _join(tags, i + 1, "PER")
    return tags


def _place_openers(words: list[str], tags: list[str]) -> None:
    """An untagged word that opens a GeoNames place with the name's first word opens a team's name, a plural
    after the place (in place): 'San' + 'Antonio Spurs', 'St.' + 'Louis Blues' (not 'Santa' + 'Maria
    dell'Anima')."""
    for a, b, cls in list(spans(tags)):
        if a == 0 or tags[a - 1] != "O" or not words[a - 1][:1].isupper() \
                or f"{words[a - 1]} {words[a]}" not in lexicon.multiword_places():
            continue
        if b - a > 1 and words[b - 1].endswith("s") and words[b - 1][:1].isupper():
            tags[a - 1:b] = ["B-ORG"] + ["I-ORG"] * (b - a)


def _cut_places(words: list[str], tags: list[str]) -> None:
    """A GeoNames place of several words the tagger cut into names is one place (in place): 'Santiago' +
    'de' + 'Chile' (not when a longer name goes on: 'New York Times')."""
    for i, tag in enumerate(tags):
        if not tag.startswith("B-"):
            continue
        for k in (4, 3, 2):
            end = i + k
            cut = end <= len(words) and any(t.startswith("B-") or t == "O" for t in tags[i + 1:end])
            if cut and " ".join(words[i:end]) in lexicon.multiword_places() and tags[end - 1] != "O" \
                    and (end == len(tags) or not tags[end].startswith("I-")):
                tags[i:end] = ["B-LOC"] + ["I-LOC"] * (k - 1)
                break


def _unknown_neighbours(words: list[str], tags: list[str]) -> None:
    """A one-word place before an untagged capitalised word no dictionary or list knows is a name the tagger
    cut: a person after a given name ('Charlotte' + 'Rampling', not 'Graz Liebenau') or a listed place."""
    for i, tag in enumerate(tags[:-1]):
        word = words[i]
        alone = tag == "B-LOC" and not tags[i + 1].startswith("I-")
        listed = word in lexicon.countries() or word in lexicon.regions() or word.endswith("s")
        if alone and not listed and tags[i + 1] == "O" and _unknown_name(words[i + 1]):
            place = " ".join(words[i:i + 2]) in lexicon.multiword_places()
            if place or word in lexicon.first_names():
                cls = "LOC" if place else "PER"
                tags[i:i + 2] = [f"B-{cls}", f"I-{cls}"]


def _person_tails(words: list[str], tags: list[str]) -> None:
    """A person's name of two words or more goes on with an untagged proper noun no list knows as another
    kind of name, before a word in lower case: 'Martin Luther' + 'King' (in GermEval's training sentences
    such a word is part of the name all but 3 times)."""
    for a, b, cls in spans(tags):
        word, nxt = (words + ["", ""])[b:b + 2]
        if cls != "PER" or b - a < 2 or tags[b:b + 1] != ["O"] or nxt[:1].isupper() \
                or not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
            continue
        other = lexicon.town(word) or word in lexicon.countries() or word in lexicon.regions() \
            or word in lexicon.orgs() or word in lexicon.first_names() or word in lexicon.companies()
        if lexicon.pos(word) == ("NE", True) and not other:
            tags[b] = "I-PER"


def _unknown_name(word: str, compounds: bool = True) -> bool:
    """A capitalised word (not in capitals) that neither HanTa nor a list of names knows, and (unless not
    `compounds`) no compound of a known noun ('Unfallkrankenhaus', 'Walfang')."""
    if not (len(word) > 2 and word[:1].isupper() and word[1:].islower() and word.isalpha()) \
            or lexicon.pos(word)[1] or lexicon.pos(word.lower())[1]:
        return False
    compound = compounds and any(lexicon.pos(word[-k:].capitalize()) == ("NN", True)
                                 for k in range(4, len(word) - 1))
    return not compound and word not in lexicon.places() and word not in lexicon.orgs() \
        and word not in lexicon.known()


def spans(tags):
    """(start, end, class) of each BIO span; an I- of another class starts a new one."""
    start, cls = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == cls):
            yield start, i, cls
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, cls = i, tag[2:]


def _join(tags: list[str], i: int, cls: str) -> None:
    """The span ending before token i and the one at i become one span of class cls."""
    start = i - 1
    while start > 0 and tags[start].startswith("I-"):
        start -= 1
    end = i + 1
    while end < len(tags) and tags[end].startswith("I-"):
        end += 1
    tags[start:end] = [f"B-{cls}"] + [f"I-{cls}"] * (end - start - 1)


def _town_after(words: list[str], tags: list[str], i: int) -> bool:
    """A one-word town or region at token i closes the organisation before it ('Magna' + 'Steyr')."""
    one = (i + 1 == len(tags) or not tags[i + 1].startswith("I-")) and "-" not in words[i - 1]  # 'ORF-Radio'
    word = words[i]
    return one and (word in lexicon.places() or word in lexicon.regions()) and word not in lexicon.countries()


def _region_before(words: list[str], tags: list[str], i: int) -> bool:
    """The name ending before token i is a country or region, not the start of a longer name
    ('Niederösterreich' + 'Zwettl')."""
    start = i - 1
    while start > 0 and tags[start].startswith("I-"):
        start -= 1
    name = " ".join(words[start:i])
    return name in lexicon.countries() or name in lexicon.regions()
