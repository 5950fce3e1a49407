"""What the words around a mention say it is: a work, an organisation, a firm, a medium, a place, no name
(a common noun after its determiner)."""
from __future__ import annotations

import re

from . import lexicon
from .mention import QUOTES, Mention
from .nameforms import DESCRIPTOR_HEADS, compass_place, names_other
from .words import work_compound

VERSION = re.compile(r"[1-9][.]?(?:-[A-Z])?|\d{1,3}-[A-Z]{1,2}")  # after a device's name: '7-X', 'ZiB 2'
KIN = frozenset("tochter töchter sohn mutter vater schwester bruder".split())  # also a company's parent
INDEFINITE = frozenset("ein eine einer einem einen eines".split())
MEDIA_HEADS = ("zeitung", "zeitschrift", "magazin", "journal", "blatt", "nachrichtenagentur", "presseagentur",
               "sender", "fernsehen", "portal")
ORG_HEADS = (*MEDIA_HEADS, "agentur", "verlag", "gesellschaft", "partei",
             "burschenschaft", "bewegung", "reederei", "brauerei", "fonds", "website", "webseite", "miliz",
             "veranstalter", "versicherer", "label", "mediengruppe", "verlagsgruppe", "unternehmensgruppe",
             "terrorgruppe", "rebellengruppe", "islamistengruppe", "hackergruppe", "marktkette",
             "handelskette", "hotelkette", "modekette", "restaurantkette")  # "Reederei X"
FIRM_HEADS = ("konzern", "unternehmen", "firma", "riese", "gigant", "verlag", "reederei", "brauerei",
              "kette", "portal")  # a person-shaped name after them is the firm named after someone
ORG_NOUNS = ("band", "rockband", "popband", "seite", "nachrichtenseite", "internetseite")  # whole words
PLACE_HEADS = ("stadt", "dorf", "insel", "siedlung", "gemeinde", "ortschaft", "provinz", "bundesstaat",
               "stadtteil", "stadtviertel", "vorort", "landkreis", "kanton", "metropole", "bezirk",
               "bundesland", "haftanstalt", "gefängnis",  # 'Hafenstadt', 'Haftanstalt Palmasola'
               "boulevard", "allee", "straße", "promenade")  # 'Prachtboulevard Champs-Elysees'
TEAM_HEADS = ("ligist", "klub", "club", "verein", "aufsteiger", "absteiger", "team",
              "rennstall")  # 'Zweitligisten', 'Schwesterteam'
RANK_HEADS = ("tabellenführer", "schlusslicht", "spitzenreiter", "tabellenletzte", "rekordmeister",
              "vizemeister", "titelverteidiger")
# a thing named after a person, or a building whose name holds a place: 'im Ernst Happel Stadion', 'Schloss
# Bellevue'; the name alone is then no mention of the person or the place
NAMED_AFTER = frozenset("Stadion Arena Halle Preis Award Medaille Trophy Straße Gasse Platz Allee Brücke "
                        "Schule Gymnasium Saal Spital Kaserne Museum".split())
BUILDINGS = frozenset("Schloss Villa Palais Hotel Flughafen".split())
GROUPS = frozenset("Gruppe Pool".split())  # a tournament's group named after a player: 'Gruppe Ilie Nastase'
COLOURS = frozenset("Rot Schwarz Grün Blau Türkis Pink Gelb Orange Weiß Lila".split())  # 'Rot und Schwarz'
CLAUSE_NOUNS = frozenset("Vertrag Verträge Abkommen Rennen".split())  # 'hat bei Schalke Vertrag bis 2018'
WORK_KINDS = ("film", "roman", "musical", "album", "doku", "comic", "sitcom")  # 'Tanzfilm', not 'Staatsoper'
LOCATIVE = frozenset("in im ins am auf nach aus bei beim von vom vor nahe um zwischen über durch ab bis "
                     "unweit nördlich südlich östlich westlich".split())  # prepositions of place
PLACE_NOUNS = PLACE_HEADS + ("bezirk", "viertel", "ort", "region", "grafschaft", "enklave", "hochburg",
                             "raum", "staat", "land", "hauptstadt", "gebiet")  # 'im Bezirk Mistelbach'
LINKS = frozenset(", und oder – - ( /".split())  # 'Hiroshima und Nagasaki', 'Mailand – Sanremo'


def work_context(m: Mention) -> bool:
    """The mention follows a noun that introduces a work, product or event: 'das Spiel Mario Maker',
    'Entwicklerkonferenz WWDC', 'das Freihandelsabkommen Nafta', 'unter dem Motto Nobody Left Outside'."""
    word = _word_before(m)
    cues = lexicon.work_cues()
    return _cue_form(word) in cues or _cue_form(word.rsplit("-", 1)[-1]) in cues \
        or word[:1].isupper() and word.lower().endswith(lexicon.event_words()["cues"]) \
        or work_compound(word) or versioned(m) or _work_kind(word)  # 'TV-Serie', 'Videospiels'


def _cue_form(word: str) -> str:
    """A work noun in the nominative singular where the list has it: 'Videospiels', 'Filmen' -> the list's."""
    cues = lexicon.work_cues()
    return next((w for w in (word, word.removesuffix("s"), word.removesuffix("es"), word.removesuffix("n"))
                 if w in cues), word)


def _work_kind(word: str) -> bool:
    """A compound naming a kind of film, book or music, also before a person's name: 'den Tanzfilm Saturday
    Night Fever', 'der Science-Fiction-Roman X' (not 'Filmemacher')."""
    low = word.lower().removesuffix("s")
    return word[:1].isupper() and any(low.endswith(k) and len(low) > len(k) + 2 for k in WORK_KINDS)


def versioned(m: Mention) -> bool:
    """A name no list knows before a one-digit number or a code: a device or programme ('Wendelstein 7-X',
    'ZiB 2'; not 'ORF 2', 'Hannover 96')."""
    name = " ".join(m.tokens)
    listed = name in lexicon.orgs() or name.casefold() in lexicon.aliases() or name in lexicon.known()
    return m.cls != "PER" and VERSION.fullmatch(m.after) is not None and not listed


def org_context(m: Mention, surface: tuple[str, ...] = ()) -> bool:
    """The mention follows a noun for a company, a medium or a band: 'Hersteller Canonical', 'Band X'; not a
    person's genitive of its surface, a leader's ('die Partei Erdoğans')."""
    if m.cls in ("PER", "LOC") and surface and m.tokens[-1] != surface[-1] \
            and m.tokens[-1].startswith(surface[-1]):  # 'die beste Gesellschaft Miamis'
        return False
    word = _word_before(m).lower().removesuffix("s")  # 'Burschenschaft Vandalia', 'die Seite Eurogamer'
    return word.endswith(DESCRIPTOR_HEADS + ORG_HEADS) or word in ORG_NOUNS


def firm_noun_before(m: Mention) -> bool:
    """The mention follows a noun only a firm is: 'der Drogeriemarktkette Schlecker', 'die Firma McAfee'."""
    return _word_before(m).lower().removesuffix("s").endswith(FIRM_HEADS)


def firm_context(m: Mention, surface: tuple[str, ...]) -> bool:
    """The mention follows a noun only a company is ('Tourismuskonzern Thomas Cook', 'Verlag Axel Springer'),
    not one a person can be ('Spieleentwickler', 'Kunsthändler'); a whole name, no surname ('die Firma
    McAfee' of John McAfee) nor an owner's genitive ('im Magna-Konzern Frank Stronachs')."""
    whole = len(m.tokens) > 1 and m.tokens[-1] == surface[-1] and not m.tokens[-1].endswith("s")
    return whole and firm_noun_before(m)


def type_context(m: Mention, toks: tuple[str, ...]) -> str | None:
    """'LOC' after a place noun ('Siedlung Otniel'; not a person or genitive: 'Heimatstadt Josef Stalins'),
    'TEAM' after a word only a club is ('Zweitligisten Brentford'), 'CLUB' after a ranking word, 'PER' for an
    organisation- or place-typed name of words no list knows after a role noun or a listed surname opening a
    sentence before a colon (an interview's speaker), else None."""
    word = _word_before(m)
    low = word.lower().removesuffix("en").removesuffix("n")
    if m.cls == "ORG" and m.initial and m.after == ":" and len(toks) == 1 and toks[0] in lexicon.people():
        return "PER"  # an interview's speaker: 'STANDARD: ... ? Hofer: Nein.'
    if not word[:1].isupper() and word != "von":
        return None
    if m.cls in ("ORG", "LOC") and _person_after_role(word, toks):
        return "PER"  # 'des japanischen Experten Hirokatsu Watanabe', 'Mittelfeldspieler Holzhauser'
    if place_noun(word, m.before):
        person = len(toks) > 1 and toks[0] in lexicon.first_names() or m.tokens[-1] == toks[-1] + "s"
        return None if person else "LOC"
    return "TEAM" if low.endswith(TEAM_HEADS) else "CLUB" if low.endswith(RANK_HEADS) else None


def place_noun(word: str, before: tuple[str, ...]) -> bool:
    """A noun for a place right before a name, also in the genitive or before 'von' ('des Dorfes Beit Anon',
    'im Hafen von Mytilini'; not 'Richtung': 'ein Signal Richtung Hamilton')."""
    if word == "von" and len(before) > 1:
        word = before[-2]
    low = word.lower()
    return word[:1].isupper() and any(form.endswith(PLACE_HEADS + ("hafen", "oase", "grenzübergang"))
                                      for form in (low, low.removesuffix("es")))


def _person_after_role(word: str, toks: tuple[str, ...]) -> bool:
    """A role noun ('Experten', 'Sprecher', 'Mittelfeldspieler') before one to three words that name no
    organisation or place and are no organisation's word ('FC'), or are a listed surname ('Präsidenten
    Hofer', though Hofer is a grocer's too)."""
    low = word.lower().rsplit("-", 1)[-1]
    forms = {low, low.removesuffix("en"), low.removesuffix("n")}
    if any(f.endswith(k) for f in forms for k in KIN):
        return False  # 'Lufthansa-Tochter Germanwings' is a company
    role = any(f.endswith(c) for c in lexicon.cues() if len(c) > 4 for f in forms) or forms & lexicon.cues()
    return role and len(toks) < 4 and all(t[:1].isupper() and (not names_other(t) or t in lexicon.people())
                                          for t in toks)


def described(m: Mention) -> bool:
    """An indefinite article before words ending in a common noun: a description, no name ('eine Colmarer
    Zeitung')."""
    tag, known = lexicon.pos(m.tokens[-1])
    return len(m.tokens) > 1 and _word_before(m).lower() in INDEFINITE and known and tag == "NN"


def part_of_other_name(m: Mention) -> bool:
    """A person's name before a noun for what is named after them ('Ernst Happel Stadion') or after a group's
    ('Gruppe Ilie Nastase'), a person or place after a building's noun ('Schloss Bellevue', 'Villa Roth'), a
    name before an event word: part of another name; a colour after another and 'und' is a party's."""
    before = _word_before(m)
    named = m.cls == "PER" and (m.after in NAMED_AFTER or before in GROUPS)
    colour = m.tokens[0] in COLOURS and m.before[:1] in {(c,) for c in COLOURS} and before in ("und", "oder")
    event = m.after.split("-")[0] in lexicon.event_words()["words"] and m.after not in CLAUSE_NOUNS
    return named or colour or event or m.cls in ("PER", "LOC") and before in BUILDINGS


def _word_before(m: Mention) -> str:
    """The word before a mention, past quotes, 'namens' ('ein Videospiel namens Agony') and 'wie' after a noun
    ('Filme wie Roman Holiday', 'Bands wie Napalm Death'; not before a listed company: 'Apps wie Netflix')."""
    words = [w for w in m.before if w not in QUOTES]
    like = words[-1:] == ["wie"] and words[-2:-1] and words[-2][:1].isupper() \
        and " ".join(m.tokens) not in lexicon.orgs()
    if words[-1:] == ["namens"] or like:
        words.pop()
    return words[-1] if words else ""


DETERMINERS = ("ART", "APPRART", "PDAT", "PIAT", "PIDAT", "PPOSAT")


def noun_use(m: Mention, toks: tuple[str, ...]) -> bool:
    """A one-word place that is a common noun, after an article or a determiner: 'am Zug', 'im Zug', 'pro
    Zug', 'der Franken', 'Zug um Zug' (not 'in Zug', 'die Türkei', 'der Obersteiermark'; a region only when a
    frequent noun); a country named like its people, so: 'zitiert den Schweden', 'die Polen'."""
    before = m.before[-1].lower() if m.before else ""
    determiner = before == "pro" or before and lexicon.pos(before)[0] in DETERMINERS or m.after == "um"
    determiner = determiner or m.before[-2:] == (toks[0], "um")  # the second 'Zug' of 'Zug um Zug'
    if m.cls == "LOC" and toks in PEOPLES_LANDS and determiner and before not in ("im", "am", "ins"):
        return True
    return m.cls == "LOC" and len(toks) == 1 and determiner and lexicon.pos(toks[0]) == ("NN", True) \
        and toks[0] not in lexicon.countries() and compass_place(toks[0]) != toks[0] \
        and (toks[0] not in lexicon.regions() or toks[0] in lexicon.common_nouns()  # 'ins Waldviertel'
             and lexicon.pos(toks[0].lower())[0] == "NN")  # 'der Franken', not 'in den Alpen' (a name only)


PEOPLES_LANDS = frozenset((land,) for land in "Schweden Polen Ungarn".split())  # 'den Schweden': a Swede
REPORT_VERBS = frozenset("schreibt schrieb berichtet berichtete meldet meldete".split())


def report_context(m: Mention) -> bool:
    """The mention reports, as a medium does: 'schreibt Techradar', 'wie Eurogamer berichtet'."""
    return m.before[-1:] != () and m.before[-1] in REPORT_VERBS \
        or m.before[-1:] == ("wie",) and m.after in REPORT_VERBS


def after_determiner(m: Mention) -> bool:
    """A mention right after an article or a determiner ('das Essen', 'in ihrem Essen', 'welches Essen')."""
    before = m.before[-1].lower() if m.before else ""
    return bool(before) and (lexicon.pos(before)[0] in DETERMINERS or before in ("welches", "welchem"))


def locative(m: Mention) -> bool:
    """A mention that names a place: a dateline's, one after a preposition of place (also before its article
    or adjective: 'in Madison', 'in der DDR'; not 'im Madison belegt', 'ins Tiebreak'), after a place's noun
    ('im Bezirk Mistelbach') or linked to a place before it ('Hiroshima und Nagasaki')."""
    b = m.before
    compass = m.tokens[0].startswith(("Nord", "Süd", "Ost", "West"))  # 'im Nordirak'
    if m.dateline or b and b[-1].lower() in (LOCATIVE if compass else LOCATIVE - {"im", "ins", "am"}):
        return True
    if len(b) < 2:
        return bool(b) and b[-1][:1].isupper() and b[-1].lower().endswith(PLACE_NOUNS)
    inner = b[-1][:1].islower() and b[-1] not in LOCATIVE  # an article or adjective: 'im maltesischen'
    if b[-2].lower() in LOCATIVE and inner or b[-1][:1].isupper() and b[-1].lower().endswith(PLACE_NOUNS):
        return True
    other = b[-2] in lexicon.places() or b[-2] in lexicon.countries() or b[-2] in lexicon.regions() \
        or "LOC" in lexicon.known().get(b[-2], "")
    return b[-1] in LINKS and other
