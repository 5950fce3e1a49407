"""Sport: clubs named by their town, teams, players in line-ups and scorer lists, result codes."""
from __future__ import annotations

import re
from dataclasses import replace

from . import lexicon

CITY_STATES = frozenset("Berlin Hamburg Bremen Wien Salzburg Zürich Bern Luzern Genf Zug Freiburg".split())
CLUB_WORDS = frozenset("""FC SC SK SV AC AS SS VfB VfL TSV BSC FK SKN SCR LASK Atlético Atletico Athletic
Real Sporting Dynamo Dinamo Olympique Olympiakos Borussia Eintracht Hertha Racing Deportivo Celta Rapid Admira
Sturm Wacker Werder Fortuna United Hotspur Rovers Wanderers Albion
City""".split())  # 'City' unless a place: 'Mexico City'


# a particle opening a player's name: 'De Paula', 'Van der Vaart', 'El Ghazi'
_PARTICLE = r"(?:(?:[Dd][aeiou]s?|[Vv]an(?: [Dd]e[rn]?)?|[Vv]on|El|Al|Ter|Le|La|Mac) )"
_PLAYER = (rf"(?:[A-ZÄÖÜ][a-z]?\. )?{_PARTICLE}?[A-ZÄÖÜ][\w'-]+"
           r"(?: \((?:\d+\.?(?: [A-ZÄÖÜ][\w'-]+)?|[^()\d][^()]{0,40})\))?")  # '(46. Gruber)', '(Knie)'
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
            subs = re.finditer(r"(?<=\(\d\d\. )[A-ZÄÖÜ][\w'-]+(?=\))", m.group(1))  # '(76. Nielsen)'
            dashed = pattern is LINEUP and "–" in m.group(1)  # keeper – defence: every name a player
            for item in [*re.finditer(_PLAYER, m.group(1)), *subs]:
                name = re.sub(r" \(.*", "", item.group())
                if dashed or lexicon.pos(name)[0] != "NN" or not lexicon.pos(name)[1]:  # 'Bergmann', 'Auer'
                    out.append((m.start(1) + item.start(), name))
    return out


SCORE = re.compile(r"\d{1,2}:\d{1,2}")
SPORT = re.compile(r"(?<![\d:])\d{1,2}:\d{1,2}(?![\d:])(?! Uhr)|\b(?:Trainer|Spieler|Klub|Club|Liga|Tabelle"
                   r"|Kader|Stürmer|Torhüter|Coach|Transfer)")  # a text that may name clubs by their town


def is_result(words: list[str]) -> bool:
    """A sentence with a match result ('2:1', not '16:30 Uhr'): its towns are clubs; not tennis sets
    ('von Wimbledon mit 6:7, 6:1, 7:5': a tournament's town)."""
    scores = [w for i, w in enumerate(words) if SCORE.fullmatch(w) and words[i + 1:i + 2] != ["Uhr"]]
    return bool(scores) and not tennis_sets(scores)


def tennis_sets(scores: list[str]) -> bool:
    """Two or more scores that are all tennis sets: six or seven games to at most seven ('6:4', '7:6')."""
    games = [sorted(int(n) for n in s.split(":")) for s in scores]
    return len(games) > 1 and all(hi in (6, 7) and lo <= 7 for lo, hi in games)


def result_code(words: list[str], a: int, b: int) -> bool:
    """An unlisted three-letter code in parentheses before a time or score, or in a result sentence: 'Tyler
    Butterfield (BER) 8:23:09' (not '(SPD) 32,8 Prozent')."""
    if not (b == a + 1 and 0 < a and b + 1 < len(words) and words[a - 1] == "(" and words[b] == ")"):
        return False
    figure = re.match(r"\d+:\d+", words[b + 1]) is not None or is_result(words)
    return figure and re.fullmatch(r"[A-Z]{3}", words[a]) is not None and words[a] not in lexicon.orgs()


def club_number(words: list[str], a: int, b: int) -> bool:
    """Whether the number after the name words[a:b] is a club's: two digits after a club's word or a town
    ('gegen Schalke 04 mit', 'Hannover 96 verlor'), a founding year after a club's word ('TSV München
    1860'); not before a capitalised word, nor after a party ('die ÖVP 25 Prozent', 'die SPÖ 35 von')."""
    number = words[b] if b < len(words) else ""
    if (words[b + 1:b + 2] or [""])[0][:1].isupper() or not number.isdigit():
        return False
    club = any(w in CLUB_WORDS for w in words[a:b]) or words[a].endswith("Bundesliga")
    town = b - a < 3 and (words[a] in lexicon.places() or number.startswith("0"))
    return len(number) == 2 and (club or town) or re.fullmatch(r"1[89]\d\d", number) is not None and club


def club_town(words: list[str]) -> bool:
    """A town naming its club in a result ('Ried – Rapid 1:0'); not a country (a national team is a place)."""
    name = " ".join(words)
    return lexicon.town(name) and name not in lexicon.countries() and name not in lexicon.regions()


VENUES = frozenset("in nach aus".split())  # 'in Malmö': the town, not its club
MATCH_VERBS = frozenset("gewinnt gewann siegt siegte verliert verlor unterliegt unterlag schlägt schlug "
                        "besiegt besiegte empfängt empfing trifft".split())


def town_or_club(words: list[str], a: int, b: int, cls: str, result: bool, sport: bool) -> str:
    """A town in a result sentence is its club ('Ried – Rapid 1:0'; not '2:0 in Wolfsburg'), so is a town in a
    text with sport after 'gegen' or before a match verb ('Toronto gewinnt gegen Philadelphia'), and a town or
    region naming a player's club ('Alaba (Bayern, 37/9)'); a place typed as an organisation in a text
    without sport or after 'in' is the place ('in Colorado Springs'), so is a region in a text without sport
    even when a club is named after it ('Auch Bayern ist zum Konkurrenten geworden')."""
    venue = a > 0 and words[a - 1].lower() in ("in", "nach")  # also opening its sentence: 'In Lyon kassierte'
    match = sport and (a > 0 and words[a - 1] == "gegen" or b < len(words) and words[b] in MATCH_VERBS)
    if (result or match) and cls == "LOC" and club_town(words[a:b]) and not venue:
        return "ORG"
    name = " ".join(words[a:b])
    if sport and cls == "LOC" and squad_club(words, a, b) and lexicon.town(name) \
            and name not in lexicon.countries():
        return "ORG"  # a player's club, also by a region's name: 'Alaba (Bayern, 37/9)', '(Luzern, 16/1)'
    if sport and cls == "LOC" and singular_team(words[a:b]) and not venue:
        return "ORG"
    region = not sport and name in lexicon.regions() and name not in CITY_STATES  # 'Salzburg' names a club
    return "LOC" if cls == "ORG" and ((not sport or venue) and plain_place(words[a:b]) or region) else cls


def squad_club(words: list[str], a: int, b: int) -> bool:
    """A town naming a player's club: in a squad list's parentheses before caps and goals ('Weimann (Derby,
    14/0)'), after a rival's noun ('Europa-League-Gegner Valencia'), 'bei X engagiert' (not 'in X')."""
    squad = 0 < a and words[a - 1] == "(" and words[b:b + 1] == [","] and b + 1 < len(words) \
        and re.fullmatch(r"\d+/\d+", words[b + 1]) is not None
    rival = 0 < a and words[a - 1].endswith("Gegner")
    return squad or rival or 0 < a and words[a - 1] == "bei" and words[b:b + 1] == ["engagiert"]


def plain_place(words: list[str]) -> bool:
    """A place's name that names no organisation of its own: 'Miami', 'Sankt Pölten' (not 'Mercedes')."""
    form = " ".join(words).replace("St. ", "Sankt ")
    name = form[:-1] if form.endswith("s") and form[:-1] in lexicon.places() else form  # 'Miamis'
    place = lexicon.town(name) or name in lexicon.multiword_places() or name in lexicon.countries()
    listed = any(n in lexicon.orgs() or n.casefold() in lexicon.aliases() or lexicon.known().get(n) == "ORG"
                 for n in {form, name})  # 'Times' is no genitive of 'Time'; 'Miami' is LOC|ORG
    return place and not listed and not name.isupper()  # 'VTB'


def team_pair(words: list[str], tags: list[str], i: int) -> bool:
    """Two untagged words after a town, the second an English plural: 'Portland' + 'Trail Blazers'."""
    return i + 1 < len(words) and tags[i + 1] == "O" and words[i][:1].isupper() and team_word(words[i + 1]) \
        and lexicon.pos(words[i]) != ("NN", True)



def team_word(word: str) -> bool:
    """An English plural naming a team after its town: 'Panthers', 'Broncos' (not 'Fans')."""
    tag, known = lexicon.pos(word.lower())
    return len(word) > 4 and word[:1].isupper() and word.endswith("s") and word[-2] not in "s'" \
        and (not known or tag in ("NE", "FM"))


def split_clubs(words: list[str], tags: list[str]) -> None:
    """Two clubs the tagger glued into one name are two (in place): a town and its club's code, then another
    club's town ('Malmö FF' + 'Salzburg'; not 'SK Rapid Wien')."""
    for i in range(1, len(words) - 1):
        inside = tags[i].startswith("I-") and tags[i + 1] == tags[i] and tags[i][2:] == "ORG"
        code = re.fullmatch(r"[A-ZÄÖÜ]{2,3}", words[i]) is not None and words[i] not in lexicon.places()
        town = words[i + 1] in lexicon.places() and words[i + 1] not in lexicon.countries()
        if inside and code and town and tags[i - 1] == "B-ORG" and club_town([words[i - 1]]) \
                and (i + 2 == len(tags) or not tags[i + 2].startswith("I-")):
            tags[i + 1] = "B-ORG"


DASHES = ("–", "-", "—")


def result_teams(words: list[str], tags: list[str]) -> None:
    """The teams of a result line (result_spans) tagged as organisations, in place."""
    for a, b in result_spans(words):
        tags[a:b] = ["B-ORG"] + ["I-ORG"] * (b - a - 1)
        if b < len(tags) and tags[b].startswith("I-"):
            tags[b] = "B-" + tags[b][2:]


def result_spans(words: list[str]) -> list[tuple[int, int]]:
    """In a result 'A – B 3:4', a town (of one or two words) and the capitalised words after it on either side
    of the dash are one team: 'Colorado Avalanche – Dallas Stars 3:4', 'Montreal Canadiens – Boston Bruins
    1:4'; a lone town is left to the club rules."""
    out = []
    for d in (i for i in range(1, len(words) - 2) if words[i] in DASHES):
        end = next((j for j in range(d + 1, min(d + 6, len(words))) if not words[j][:1].isupper()), 0)
        if not end or not SCORE.fullmatch(words[end]) or words[end + 1:end + 2] in (["Uhr"], ["Stunden"]):
            continue  # not a timetable: 'Wien Westbahnhof – Salzburg Hauptbahnhof 2:22 Stunden
        start = d
        while start > 0 and d - start < 4 and words[start - 1][:1].isupper():
            start -= 1
        for a, b in ((start, d), (d + 1, end)):
            a = next((k for k in range(a, b - 1) if _town_start(words, k)), b)
            name = " ".join(words[a:b]).replace("St. ", "Sankt ")
            place = name in lexicon.multiword_places() or name in lexicon.countries()  # 'San Marino'
            out += [(a, b)] if b - a > 1 and not place else []
    return out


def _town_start(words: list[str], k: int) -> bool:
    """A town or a two-word place opens at k: 'Dallas', 'Los Angeles', 'St. Louis'."""
    pair = " ".join(words[k:k + 2]).replace("St. ", "Sankt ")
    return words[k] in lexicon.places() or pair in lexicon.multiword_places()


def held_towns(names: list[tuple[str, ...]]) -> set[str]:
    """Towns inside a club's or team's name of several words ('Bayer Leverkusen', 'Atlanta Hawks', 'HV71
    Jönköping'); not an institution's ('Universität Salzburg')."""
    out = set()
    for words in names:
        towns = [w for w in words if club_town([w])]
        rest = [w for w in words if w not in towns]
        clubby = any(w in CLUB_WORDS or re.fullmatch(r"[A-Z]{2,3}\d*|[A-Z]*\d{2,4}", w) for w in rest) \
            or team_word(words[-1]) or " ".join(rest) in lexicon.companies() \
            or len(rest) == 1 and lexicon.pos(rest[0])[0] == "NE"  # 'Bayer', not 'Stadtwerke', 'Universität'
        if len(towns) == 1 and rest and clubby:
            out.add(towns[0])
    return out


def players_first(out: list, clubs: set[str]) -> list:
    """A one-word name a line-up or scorer list gives as a player is that person all through the text
    ('Schmitz, Miranda, Hinteregger' and 'ein Tackling von Miranda'); not after 'in', 'nach', 'aus'."""
    players = {m.tokens for m in out if m.player and m.tokens[1:] == ()}
    return [replace(m, cls="PER") if m.cls in ("LOC", "ORG") and m.tokens in players and not m.name
            and not (m.before[-1:] and m.before[-1].lower() in VENUES) and m.tokens[0] not in clubs
            else m for m in out]


def singular_team(words: list[str]) -> bool:
    """A town of one or two words and an English word the dictionary does not know: a team ('Tampa Bay
    Lightning', 'Oklahoma City Thunder'; not 'Salt Lake City', 'Berlin Tegel')."""
    town, last = " ".join(words[:-1]), words[-1]
    place = town in lexicon.places() or town in lexicon.multiword_places() or words[0] in lexicon.places()
    return 1 < len(words) < 4 and place and " ".join(words) not in lexicon.multiword_places() \
        and last not in lexicon.places() and last[:1].isupper() and not lexicon.pos(last)[1] \
        and last.isalpha() and words[0] not in lexicon.first_names()  # 'Wayne Rooney'
