"""Mentions the tagger does not give: names inside hyphen compounds, institutions, the paper naming itself."""
from __future__ import annotations

import re

from . import lexicon

SELF_NAME = re.compile(r"\bDER STANDARD\b|\b(?:STANDARD)(?=\W|$)|\bderStandard(?:\.at)?\b")
LEGAL_FORMS = frozenset("AG GmbH SE KG Holding Inc. Ltd. Corp. plc SpA S.A.".split())
# words that make a founder's name a company: 'Hubert Burda Media', 'Heinrich Böll Stiftung'
FIRM_WORDS = frozenset("Media Group Gruppe Verlag Stiftung Foundation Records Pictures Studios".split())
INSTITUTION_HEADS = lexicon.ORG_SUFFIXES + ("kasse", "versicherung", "landtag", "anstalt", "direktion",
                                           "kommando", "gruppe", "bund", "hilfswerk", "rundfunk")
PURPOSE_HEADS = ("organisation", "zentrum", "forum", "behörde", "rat", "akademie", "fonds", "büro", "stelle",
                 "gesellschaft", "komitee", "hochschule", "universität", "initiative", "netzwerk")  # X für
CLUB_WORDS = frozenset("""FC SC SK SV AC AS SS VfB VfL TSV BSC FK SKN SCR LASK Atlético Atletico Athletic
Real Sporting Dynamo Dinamo Olympique Olympiakos Borussia Eintracht Hertha Racing Deportivo Celta Rapid Admira
Sturm Wacker United Hotspur Rovers Wanderers Albion City""".split())  # 'City' unless a place: 'Mexico City'
NOT_COMPOUND_PARTS = frozenset("Ex Anti Pro Vize Mini Maxi Top Super Multi Bio Öko Online Internet".split())


def self_names(text: str) -> list[tuple[int, str]]:
    """(offset, 'Der Standard') where the paper names itself: 'dem STANDARD', 'STANDARD-Anfrage'."""
    return [(m.start(), "Der Standard") for m in SELF_NAME.finditer(text)]


_PLAYER = r"(?:[A-ZÄÖÜ]\. )?[A-ZÄÖÜ][\w'-]+(?: \(\d+\.?\))?"
_SEP = r"(?:\s?[,–/]\s?| bzw\. )"
LINEUP = re.compile(rf"(?<=: )({_PLAYER}(?:{_SEP}{_PLAYER}){{2,}})")
_CARDS = r"(?:Tore|Gelbe Karten?|Gelb-Rote Karten?|Rote Karten?)"
SCORERS = re.compile(rf"{_CARDS}: ({_PLAYER}(?:{_SEP}{_PLAYER})*)")
REFEREE = re.compile(r"\bSR ([A-ZÄÖÜ][\w'-]+)")


def sports_people(text: str) -> list[tuple[int, str]]:
    """(offset, name) of players in line-ups and scorer lists ('Ried: Gebauer – Streker, ...'), referees."""
    out = [(m.start(1), m.group(1)) for m in REFEREE.finditer(text)]
    sporty = any("–" in m.group(1) for m in LINEUP.finditer(text))  # keeper – defence – midfield
    for pattern in (LINEUP, SCORERS):
        for m in pattern.finditer(text):
            if pattern is LINEUP and not sporty:
                continue  # a TV listing has commas only
            for item in re.finditer(_PLAYER, m.group(1)):
                name = re.sub(r" \(.*", "", item.group())
                if lexicon.pos(name)[0] != "NN" or not lexicon.pos(name)[1]:
                    out.append((m.start(1) + item.start(), name))
    return out


SCORE = re.compile(r"\d{1,2}:\d{1,2}")
SPORT = re.compile(r"(?<![\d:])\d{1,2}:\d{1,2}(?![\d:])(?! Uhr)|\b(?:Trainer|Spieler|Klub|Club|Liga|Tabelle"
                   r"|Kader|Stürmer|Torhüter|Coach|Transfer)")  # a text that may name clubs by their town


def is_result(words: list[str]) -> bool:
    """A sentence with a match result ('2:1', not '16:30 Uhr'): its towns are clubs."""
    return any(SCORE.fullmatch(w) and words[i + 1:i + 2] != ["Uhr"] for i, w in enumerate(words))


def result_code(words: list[str], a: int, b: int) -> bool:
    """An unlisted three-letter code in parentheses before a time or score, or in a result sentence: 'Tyler
    Butterfield (BER) 8:23:09' (not '(SPD) 32,8 Prozent')."""
    if not (b == a + 1 and 0 < a and b + 1 < len(words) and words[a - 1] == "(" and words[b] == ")"):
        return False
    figure = re.match(r"\d+:\d+", words[b + 1]) is not None or is_result(words)
    return figure and re.fullmatch(r"[A-Z]{3}", words[a]) is not None and words[a] not in lexicon.orgs()


def club_town(words: list[str]) -> bool:
    """A town naming its club in a result ('Ried – Rapid 1:0'); not a country (a national team is a place)."""
    name = " ".join(words)
    return name in lexicon.places() and name not in lexicon.countries() and name not in lexicon.regions()


MATCH_VERBS = frozenset("gewinnt gewann siegt siegte verliert verlor unterliegt unterlag schlägt schlug "
                        "besiegt besiegte empfängt empfing trifft".split())


def town_or_club(words: list[str], a: int, b: int, cls: str, result: bool, sport: bool) -> str:
    """A town in a result sentence is its club ('Ried – Rapid 1:0'; not '2:0 in Wolfsburg'), so is a town in a
    text with sport after 'gegen' or before a match verb ('Toronto gewinnt gegen Philadelphia'); a place
    typed as an organisation in a text without sport or after 'in' is the place ('in Colorado Springs')."""
    venue = a > 0 and words[a - 1] in ("in", "nach")
    match = sport and (a > 0 and words[a - 1] == "gegen" or b < len(words) and words[b] in MATCH_VERBS)
    if (result or match) and cls == "LOC" and club_town(words[a:b]) and not venue:
        return "ORG"
    return "LOC" if cls == "ORG" and (not sport or venue) and plain_place(words[a:b]) else cls


def plain_place(words: list[str]) -> bool:
    """A place's name that names no organisation of its own: 'Miami', 'Sankt Pölten' (not 'Mercedes')."""
    form = " ".join(words).replace("St. ", "Sankt ")
    name = form[:-1] if form.endswith("s") and form[:-1] in lexicon.places() else form  # 'Miamis'
    place = name in lexicon.places() or name in lexicon.multiword_places() or name in lexicon.countries()
    listed = any(n in lexicon.orgs() or n.casefold() in lexicon.aliases() or lexicon.known().get(n) == "ORG"
                 for n in {form, name})  # 'Times' is no genitive of 'Time'; 'Miami' is LOC|ORG
    return place and not listed and not name.isupper()  # 'VTB'


def compound_part(word: str) -> tuple[str, str] | None:
    """The name opening a hyphen compound and its class: 'SPÖ-Chef' -> ('SPÖ', 'ORG'); None without one."""
    head, sep, tail = word.partition("-")
    if not (sep and tail[:1].isupper() and head[:1].isupper()) or len(head) < 2 or head in NOT_COMPOUND_PARTS:
        return None
    shipped = lexicon.aliases().get(head.casefold())
    if shipped:
        return head, shipped[1]
    if head in lexicon.countries():
        return head, "LOC"
    tag, known = lexicon.pos(head)
    low, low_known = lexicon.pos(head.lower())
    if known and tag == "NN" or low.startswith("ADJ") or low == "CARD" and low_known:
        return None  # 'Erste-Liga-Club': an adjective; 'Drei-K-Strategie': a numeral
    if "-" in tail and not lexicon.pos(tail.split("-")[0])[1] or tail.split("-")[0] in EVENT_PARTS:
        return None  # part of a longer name: 'Stanley-Cup-Sieger', 'Davis-Cup-Team'
    if head in lexicon.orgs():
        return head, "ORG"
    if head in lexicon.regions():
        return head, "LOC"
    return None


EVENT_PARTS = frozenset("Cup Open Trophy Masters Prix Slam Bowl Games".split())
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


def institutions(words: list[str], tags: list[str]) -> list[str]:
    """Tags with institutions the tagger missed or cut: 'Österreichische Hagelversicherung',
    'Landwirtschaftskammer Steiermark', 'Porsche Holding'; the list is changed in place and returned."""
    for i, word in enumerate(words):
        if tags[i] != "O" or not word[:1].isupper():
            continue
        firm = word in FIRM_WORDS and tags[i - 1].endswith("-PER")  # 'Hubert Burda Media'
        if (word in LEGAL_FORMS or firm) and i > 0 and words[i - 1][:1].isupper() \
                and (tags[i - 1] != "O" or i > 1):
            start = i - 1
            while start > 0 and tags[start].startswith("I-"):
                start -= 1
            _set(tags, start, i + 1)
        elif word.lower().endswith(INSTITUTION_HEADS) and i > 0 and tags[i - 1] == "O" \
                and _adjective(words[i - 1]):
            _set(tags, i - 1, i + 1)
        elif i == 1 and words[0] in ("Der", "Die", "Das") and _named_compound(word):
            _set(tags, i, i + 1)  # a compound opening the sentence: 'Der Raiffeisenverband ist ...'
    for i in range(1, len(words)):  # the tagger found the head alone: 'Österreichischen' 'Hagelversicherung'
        alone = tags[i] == "B-ORG" and (i + 1 == len(tags) or not tags[i + 1].startswith("I-"))
        if alone and words[i].lower().endswith(INSTITUTION_HEADS) and tags[i - 1] == "O" \
                and _adjective(words[i - 1]):
            _set(tags, i - 1, i + 1)
    for i in range(1, len(words)):
        head = words[i - 1]
        if tags[i] == "B-LOC" and head.lower().endswith(INSTITUTION_HEADS) and head[:1].isupper() \
                and (i + 1 == len(tags) or not tags[i + 1].startswith("I-")):
            if tags[i - 1] == "O" and i > 1:
                tags[i - 1] = "B-ORG"
            if tags[i - 1].endswith("-ORG"):
                tags[i] = "I-ORG"  # 'Landwirtschaftskammer Steiermark'
    return tags


def repair(words: list[str], tags: list[str]) -> list[str]:
    """Spans the tagger cut, joined (in place): two names side by side are one ('Salt' + 'Lake City'), a place
    before a club is the club ('Hertha' + 'BSC'), an untagged given name opens the name after it (so does an
    unknown word before a person's name that opens without a given name: 'Nguyen' + 'Tan Dung'), a place
    before an English plural is a team ('Carolina Panthers', 'Portland Trail Blazers')."""
    for i in range(1, len(words)):
        prev, cls = tags[i - 1][2:], tags[i][2:]
        if tags[i].startswith("B-") and prev and (prev == cls or (prev, cls) == ("LOC", "ORG")) \
                and not _region_before(words, tags, i):
            _join(tags, i, cls)
        elif tags[i] == "O" and prev == "LOC":
            pair = _team_pair(words, tags, i)
            if pair or team_word(words[i]):
                tags[i:i + 1 + pair] = ["I-LOC"] * (1 + pair)
                _join(tags, i, "ORG")
    for a, b, cls in spans(tags):
        name = " ".join(words[a:b]).replace("St. ", "Sankt ")
        if cls == "PER" and b - a > 1 and name in lexicon.multiword_places() and name not in lexicon.people():
            tags[a:b] = ["B-LOC"] + ["I-LOC"] * (b - a - 1)  # 'Buenos Aires', 'St. Pölten'
    _unknown_neighbours(words, tags)
    _openers(words, tags)
    for i in range(len(words) - 1):
        alone = i == 0 or tags[i - 1] == "O"
        given = words[i] in lexicon.first_names() and words[i + 1] not in lexicon.places() \
            and words[i + 1] not in lexicon.countries()
        cut = tags[i + 1] == "B-PER" and words[i + 1] not in lexicon.first_names() and len(words[i]) <= 6 \
            and _unknown_name(words[i])  # short: no role noun ('Akkordeonist')
        if alone and tags[i] == "O" and tags[i + 1].startswith("B-") and (given or cut):  # 'Nguyen' Tan
            tags[i] = "B-PER"
            _join(tags, i + 1, "PER")
    return tags


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


def _unknown_name(word: str) -> bool:
    """A capitalised word (not in capitals) that neither HanTa nor a list of names knows, and no compound of a
    known noun ('Unfallkrankenhaus', 'Walfang')."""
    if not (len(word) > 2 and word[:1].isupper() and word[1:].islower() and word.isalpha()) \
            or lexicon.pos(word)[1] or lexicon.pos(word.lower())[1]:
        return False
    compound = any(lexicon.pos(word[-k:].capitalize()) == ("NN", True) for k in range(4, len(word) - 1))
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


def _team_pair(words: list[str], tags: list[str], i: int) -> bool:
    """Two untagged words after a town, the second an English plural: 'Portland' + 'Trail Blazers'."""
    return i + 1 < len(words) and tags[i + 1] == "O" and words[i][:1].isupper() and team_word(words[i + 1]) \
        and lexicon.pos(words[i]) != ("NN", True)


def _join(tags: list[str], i: int, cls: str) -> None:
    """The span ending before token i and the one at i become one span of class cls."""
    start = i - 1
    while start > 0 and tags[start].startswith("I-"):
        start -= 1
    end = i + 1
    while end < len(tags) and tags[end].startswith("I-"):
        end += 1
    tags[start:end] = [f"B-{cls}"] + [f"I-{cls}"] * (end - start - 1)


def _region_before(words: list[str], tags: list[str], i: int) -> bool:
    """The name ending before token i is a country or region, not the start of a longer name
    ('Niederösterreich' + 'Zwettl')."""
    start = i - 1
    while start > 0 and tags[start].startswith("I-"):
        start -= 1
    name = " ".join(words[start:i])
    return name in lexicon.countries() or name in lexicon.regions()


def team_word(word: str) -> bool:
    """An English plural naming a team after its town: 'Panthers', 'Broncos' (not 'Fans')."""
    tag, known = lexicon.pos(word.lower())
    return len(word) > 4 and word[:1].isupper() and word.endswith("s") and word[-2] not in "s'" \
        and (not known or tag in ("NE", "FM"))


def _named_compound(word: str) -> bool:
    """An institution's head after a name, no common noun: 'Raiffeisenverband', 'EU-Kommission' (not
    'Datenbank', 'Finanzamt')."""
    head = next((h for h in INSTITUTION_HEADS if word.lower().endswith(h) and len(word) > len(h)), None)
    if head is None or word in lexicon.orgs():
        return head is not None
    if "-" not in word and lexicon.pos(word)[1]:
        return False  # a compound HanTa knows: 'Finanzamt'
    modifier = word.split("-")[0] if "-" in word else word[:-len(head)].removesuffix("s").capitalize()
    return lexicon.pos(modifier) != ("NN", True)


def _adjective(word: str) -> bool:
    """A capitalised adjective before an institution: 'Österreichische', 'Steirischen', 'Wiener' (not a
    determiner: 'Jeder', 'Unser')."""
    if not word[:1].isupper() or lexicon.pos(word.lower())[0].startswith(("P", "ART")):
        return False
    return bool(re.search(r"(?:isch|che|chen|ches|er)$", word)) and lexicon.pos(word)[0] != "NN"


def _set(tags: list[str], start: int, end: int) -> None:
    tags[start:end] = ["B-ORG"] + ["I-ORG"] * (end - start - 1)
