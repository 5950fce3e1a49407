"""Whether one article's entity is kept, and as which type: votes, cues, plausibility, confidence."""
from __future__ import annotations

from . import compounds, cues, lexicon, nameforms, notorgs, rules
from .normalize import place_adjective
from .sports import CLUB_WORDS
from .tails import PARTICLES
from .words import common_noun

MIN_SINGLE = 0.9  # a single-token name seen once needs at least this confidence
MIN_MULTI = 0.7
MIN_CUED = 0.3  # a person's name of several words after a role noun or beside a surer person's name
MIN_GIVEN = 0.5  # a person's name of several words opening with a listed given name: 'Johann Baumschlager'
MIN_NAMED = 0.4  # an organisation's word or an institution's compound: 'Außenministerium'
MIN_MEDIUM = 0.3  # one word after a noun for a company or medium, no capital after it: 'Fachjournal Nature'
MIN_INITIAL = 0.95  # a sentence-initial word that is also a common word
MIN_UNKNOWN_PLACE = 0.97  # ... a place no gazetteer knows, an unknown acronym
MIN_UNKNOWN = 0.9  # a single word no list knows, seen once
MIN_ACRONYM = 0.8  # an organisation's acronym of three letters or more no list rules out: 'WRI', 'FWF'


def kept_type(name: str, g: dict, seen: set[str]) -> str | None:
    """The type of one article's entity from its mentions' votes and cues; None when it is no name."""
    cls = max(g["votes"], key=g["votes"].get)
    club = " " in name and _club_words(name.split()) and name not in lexicon.multiword_places()
    cls = "ORG" if club else cls  # 'Atlético Madrid', 'Leicester City' (not 'Mexico City')
    cls = "PER" if cls == "ORG" and nameforms.person_form(name) else nameforms.retyped_person(name, cls)
    cls = "PER" if nameforms.particle_person(name) else cls  # 'Michael van Gerwen' typed as a place
    cls = "ORG" if cls == "PER" and nameforms.institution_name(name) else cls  # 'Max-Planck-Institut für ...'
    cls = "ORG" if g.get("firm") and cls == "PER" else cls  # the firm all through: 'Thomas Cook zahlte nicht'
    medium = g.get("medium") and " " not in name and not _personal(name)  # 'schreibt Eurogamer'
    cls = "ORG" if cls == "PER" and medium else cls  # not 'schrieb Cesare Pavese'
    cls = _cued_type(name, cls, g["cue"])
    if g["reg"]:
        return cls  # the editors' type: the lists below decide only for names the registry does not know
    if cls == "ORG" and (notorgs.sentence_phrase(name, g) or notorgs.event_name(name) or notorgs.prize(name)):
        return None  # 'Vorsätzliche Brandstiftung hatten ...', 'für Olympia qualifiziert'
    company = name in lexicon.companies() and g["cue"] not in ("PER", "LOC")  # 'Konami', 'Fenerbahce'
    cls = "ORG" if cls in ("PER", "LOC") and company else cls
    cls = "ORG" if cls == "PER" and g["org"] and " " not in name else cls  # 'Zeitung Ekathimerini'
    # a street or a building typed as an organisation is a place, as GermEval tags them: 'Forstall Street',
    # 'Al-Aksa Moschee', 'Stade de France', 'Red Bull Arena'
    cls = "LOC" if cls == "ORG" and (nameforms.street(name) or nameforms.building(name)) else cls
    venue = " " in name and name.split()[0] in nameforms.VENUE_OPENERS
    cls = "LOC" if cls == "PER" and venue else cls  # 'Palazzo X'
    if cls == "LOC" and (g.get("noun") or _unsure_place(name, g)):
        return None  # a place's name used as the common noun it also is: 'am Zug', 'pro Zug'; 'im Madison'
    if " " not in name and name.lower() in rules.INSTITUTION_HEADS + rules.PURPOSE_HEADS:
        return None  # a bare head cut off its name: 'Universität' of 'Universität (TU) Wien'
    if nameforms.company_product(name, cls == "PER") or cls == "ORG" and g.get("cut") and _lone_noun(name):
        return None  # 'Google Docs'; 'Bundesamt' cut off 'Bundesamt für ...'
    land = name in lexicon.countries() or name in lexicon.regions()
    town = g["gaz"] and g["plain"]  # a place also named without a work cue: 'Erfolgsmodell Graz ... in Graz'
    work = g["work"] and not land and not town  # 'das Spiel Mario Maker', 'Raumschiff Enterprise'
    demonym = cls != "PER" and " " not in name and name.endswith("er") and name[:-2] in seen  # 'Rieder'
    plausible = _plausible(name, cls, g["org"])
    return None if work or demonym or not plausible or not _confident(g, name, cls) else cls


def _personal(word: str) -> bool:
    """A word that reads as a person's name: a given name, or a name annotated or listed as a person's."""
    return word in lexicon.first_names() or word in lexicon.people() or "PER" in lexicon.known().get(word, "")


def _club_words(toks: list[str]) -> bool:
    """A club's word; 'City' only after a town ('Leicester City'; not 'Smart City', 'Wiener City')."""
    words = CLUB_WORDS & set(toks) - {"City"}
    return bool(words) or "City" in toks[1:] and toks[toks.index("City") - 1] in lexicon.places()


def _unsure_place(name: str, g: dict) -> bool:
    """A place no hand-made list knows, never named as one: one word GermEval does not know, without a German
    place's ending, never after a preposition of place or a place's noun, in a dateline or opening a sentence
    ('im Madison belegt': GeoNames has towns called 'Madison', 'Holiday'); several words of no place's word,
    not sure ('Ubuntu Store', 'Monty Python')."""
    if g["cue"] == "LOC" or name in lexicon.countries() or name in lexicon.regions() \
            or nameforms.compass_place(name) == name:
        return False
    toks = name.replace("-", " ").split()
    if len(toks) == 1 and nameforms.verbal_noun(name):
        return not g.get("at") or g.get("det", False)  # 'das Essen', 'Essen und Getränke' (not 'in Essen')
    if len(toks) == 1:  # GermEval's places ('London', 'Kongo') need no cue: they stand for governments too
        known = "LOC" in lexicon.known().get(name, "") or name.endswith(lexicon.place_endings()) \
            or name in lexicon.local_places()  # 'Eisenstadt', 'Pasching': a town of the archive's home
        return not g.get("at") and not g.get("initial") and not known  # 'Gori, die Heimatstadt Stalins'
    placey = any(w in lexicon.places() or lexicon.known().get(w) == "LOC" or place_adjective(w) for w in toks)
    listed = name in lexicon.multiword_places() or name in lexicon.local_places()  # 'Bad Radkersburg'
    return not placey and not nameforms.street(name) and not listed and g["conf"] < 0.8


def _lone_noun(name: str) -> bool:
    """A common noun the alias list does not know as a name, cut off the purpose or genitive that made it one
    ('Bundesamt', 'Gewerkschaft' of 'Gewerkschaft der Seeleute')."""
    return common_noun_name(name) and name.casefold() not in lexicon.aliases() and "-" not in name


def _cued_type(name: str, cls: str, cue: str | None) -> str:
    """The type a noun before the name gives ('Insel Giglio', 'Zweitligisten Brentford'); a country stays a
    place ('Titelverteidiger Deutschland'), a person becomes a club only after a word for a club, an
    organisation or a place a person only after a role noun ('Experten Hirokatsu Watanabe')."""
    if cue in ("LOC", "PER"):
        return cue if cue == "LOC" or cls in ("ORG", "LOC") else cls
    if cue is None or name in lexicon.countries() or name in lexicon.regions():
        return cls
    return "ORG" if cls == "LOC" or cls == "PER" and cue == "TEAM" else cls


def _plausible(name: str, cls: str = "ORG", described: bool = False) -> bool:
    """Not a result code, product or work of the shipped list; two letters or fewer only for a known name."""
    if name in lexicon.not_names() or name.lower() in PARTICLES or name.endswith("-") \
            or " , " in name or " - " in name:  # a headline's pieces: 'LeBron und Co. - Dreipunktwurf-...'
        return False
    if len(name.split()) == 2 and name.split()[0] in cues.GROUPS and len(name.split()[1]) == 1:
        return False  # a tournament's group: 'Gruppe E'
    low = name.lower()
    institution = (lexicon.org_words() | ORG_ONLY_WORDS) & set(low.split()) \
        or low.endswith(rules.INSTITUTION_HEADS) or low.startswith("museum ")  # 'Museum of Modern Art'
    several = " " in name and cls != "LOC" and (not institution or nameforms.event_head(name))
    words = set(name.split()) | {name.rsplit("-", 1)[-1]}  # a compound's head: 'Real Life Mission-Games'
    if several and set(lexicon.event_words()["words"]) & words or nameforms.event(name):
        return False  # an event or a prize: 'Copa America', 'Song Contest' (not 'Library of Congress')
    forms = (nameforms.product_form, nameforms.glued, nameforms.phrase_inside, nameforms.descriptor,
             nameforms.open_end)
    if any(form(name) for form in forms):
        return False
    if cls == "ORG" and nameforms.noun_compound(name) or nameforms.adjective_end(name) \
            or nameforms.described_office(name):
        return False
    first = name.split()[0]
    if " " in name and first in lexicon.not_names() and (first.isupper() or first[:1].islower()):
        return False  # a standard's or product's kind: 'USB Type C', 'iPhone SE'
    if " of " in name and cls not in ("PER", "LOC") and not institution and not described:
        return False  # an English title: 'Sound of Music', 'Son of Saul' (not 'Bank of England')
    if name.isupper() and " " in name and all(len(w) > 4 for w in name.split()):
        return False  # a heading in capitals: 'SONDERPÄDAGOGISCHER FÖRDERBEDARF'
    if sum(c.isalpha() for c in name) <= 2:
        return name.casefold() in lexicon.aliases() or name in lexicon.orgs() or name in lexicon.countries()
    return any(c.isalpha() for c in name) and name[:1].isupper() or name[:1].isdigit() and len(name) > 2


def common_noun_name(name: str) -> bool:
    """A single word HanTa knows as a common noun ('Mann'; not a compass place: 'Obersteiermark')."""
    tag, known = lexicon.pos(name)
    return " " not in name and known and tag == "NN" and nameforms.compass_place(name) != name


def _institution(name: str) -> bool:
    """An institution's compound ('Außenministerium') or a body's ('UN-Sicherheitsrat'), not its bare head."""
    low = name.lower()
    head = low.endswith(rules.INSTITUTION_HEADS) and low not in rules.INSTITUTION_HEADS
    return head or compounds.body_compound(name)


def lone_common_noun(name: str) -> bool:
    """A word HanTa knows as a common noun that is no institution's compound and that no list knows as a name
    ('Polizei', 'Gruppe')."""
    return common_noun_name(name) and not _institution(name) and not _listed(name)


def _listed(name: str) -> bool:
    """In a hand-made or shipped list of names (organisations, places, countries, regions, aliases)."""
    return name in lexicon.org_names() or lexicon.town(name) or name in lexicon.countries() \
        or name in lexicon.regions() or name.casefold() in lexicon.aliases()


def in_gazetteer(name: str, cls: str) -> bool:
    if cls == "ORG" and name in lexicon.companies():
        return True
    if lexicon.aliases().get(name.casefold(), ("", ""))[1] == cls:
        return True
    if cls == "LOC" and (lexicon.town(name) or name in lexicon.countries()):
        return True
    return cls in lexicon.known().get(name, "").split("|")


def _adjective(name: str) -> bool:
    """An adjective, colour word or demonym taken for a name: 'Deutsche', 'Rot', 'Wiener', 'Berliner';
    never a listed organisation ('Bayer', 'Hofer')."""
    if name.casefold() in lexicon.aliases() or name in lexicon.org_names():
        return False
    demonym = name.endswith("is") and name[:-2] in lexicon.countries()  # 'Omanis'
    return place_adjective(name) or demonym or lexicon.pos(name)[0].startswith(("ADJ", "NNA"))


def _seated(name: str) -> bool:
    """An institution's head and the town it sits in, which the tagger is unsure of: 'Landesgericht St.
    Pölten', 'Unfallkrankenhaus Linz'."""
    head, _, town = name.partition(" ")
    place = town in lexicon.places() or town.replace("St. ", "Sankt ") in lexicon.multiword_places()
    return place and head.lower().endswith(rules.INSTITUTION_HEADS + rules.TOWN_HEADS)


ORG_ONLY_WORDS = frozenset("institute university college academy foundation school labs studios gallery "
                           "library".split())
ORG_ONLY_HEADS = (*rules.INSTITUTION_HEADS, "zentrum", "universität", "hochschule", "museum")
LINKING = frozenset("für of and und der des de von the for zur zum".split())


def _organisation_word(name: str) -> bool:
    """A name of capitalised and linking words holding a word only an organisation's name holds: a legal
    form, a club's word, an institution's head ('Deutsches Zentrum für Luft- und Raumfahrt', 'Owlchemy Labs';
    not 'Union', 'Games'; a club's word first, short or with a town: not 'Marjan Sturm'); not a description
    ('Leipziger Institut'), a group named after a player ('Gruppe Stan Smith'), a noun's phrase ('Interna
    der Bank')."""
    toks = name.split()
    first, at = toks[0], toks.index("für") if "für" in toks else len(toks)
    lower = any(t[:1].islower() and t not in LINKING and not (i > at and lexicon.pos(t)[0].startswith("ADJ"))
                for i, t in enumerate(toks))  # 'Institut für medizinische Informatik'
    if first in lexicon.first_names() or first in cues.GROUPS or lower:
        return False
    bare = len(toks) == 2 and place_adjective(first) and (toks[1].lower() in ORG_ONLY_HEADS or toks[1].lower()
                                                          in ORG_ONLY_WORDS)
    if bare or common_noun(first, guessed=True) and not first.lower().endswith(ORG_ONLY_HEADS) \
            and first not in CLUB_WORDS:
        return False
    town = any(t in lexicon.places() for t in toks)
    club = any(t in CLUB_WORDS and (t.isupper() or town or i == 0) for i, t in enumerate(toks))  # 'SK Sturm'
    return club or any(t in rules.LEGAL_FORMS or t.lower() in ORG_ONLY_WORDS
                       or t.lower().endswith(ORG_ONLY_HEADS) for t in toks)


def function_word(name: str) -> bool:
    """A capitalised word that is, in lower case, a closed-class word: 'Oder', 'Du', 'Trotzdem'."""
    tag, known = lexicon.pos(name.lower())
    return " " not in name and known and not tag.startswith(("N", "ADJ", "V", "CARD", "FM", "XY"))


def _ambiguous(name: str) -> bool:
    """A capitalised word that is also a common noun or, in lower case, another word ('Zug', 'Essen')."""
    if " " in name:
        return False
    tag, known = lexicon.pos(name.lower())
    return known and tag != "NE" or common_noun_name(name)


def _sure_of_several(g: dict, name: str, cls: str) -> bool:
    """A name of several words: sure enough, or less sure with what speaks for its type (a role or a given
    name for a person, an organisation's word or noun, a listed place after a preposition of place)."""
    cued = cls == "PER" and g.get("cued") and g["conf"] >= MIN_CUED  # after a role, in a list of people
    first = name.split()[0]
    given = cls == "PER" and g["conf"] >= MIN_GIVEN and (first in lexicon.first_names()
                                                          or first in lexicon.census_first_names()) \
        or cls == "PER" and g["conf"] >= MIN_CUED and nameforms.particle_person(name)  # 'Michael van Gerwen'
    # 'AFC Bournemouth'; after a noun for a company or medium: 'die Tageszeitung Die Presse'
    named = cls == "ORG" and g["conf"] >= MIN_NAMED and (_organisation_word(name) or g["org"])
    placed = cls == "LOC" and g.get("at") and name in lexicon.multiword_places() and g["conf"] >= MIN_CUED
    return g["conf"] >= MIN_MULTI or cls == "ORG" and _seated(name) or cued or named or given or placed


def _confident(g: dict, name: str, cls: str) -> bool:
    """Keep multi-token names above a low bar; single tokens need confidence, repetition or a gazetteer;
    titles in quotes are no people or places; a word that opens its sentences must be a sure name."""
    if cls == "PER" and g.get("player"):
        return True  # a line-up's or scorer list's player: 'Trauner', 'Hart'
    adjective = place_adjective(name) if g["multi"] else _adjective(name)
    if g["quoted"] and cls in ("PER", "LOC") or adjective and not (cls == "PER" and name in lexicon.people()):
        return False  # a listed person's surname is no adjective: 'Kurz'
    if g["initial"] and (function_word(name) or _ambiguous(name) and g["conf"] < MIN_INITIAL):
        return False
    if g["multi"]:
        return _sure_of_several(g, name, cls)
    if g["n"] == 1 and g["initial"] and (g["common"] or not g["gaz"]):
        return False
    given = name in lexicon.first_names() or cls == "PER" and name in lexicon.census_first_names()
    if given and name not in lexicon.countries() and name not in lexicon.regions():
        return False  # a bare given name that matched no full name
    if cls == "ORG" and g["org"] and g["conf"] >= (MIN_MULTI if g.get("open") else MIN_MEDIUM):
        return True  # after a noun for a company or medium: 'Drogeriemarktkette Schlecker'
    institution = _institution(name)
    if cls == "LOC" and g["cue"] == "LOC" and name in lexicon.wordlike_towns():
        return g["conf"] >= MIN_CUED  # a word's town after a place's noun: 'Grenzübergang Spielfeld'
    if g["common"] and lone_common_noun(name):
        return False  # a common noun that no list knows as a name: 'Gruppe', 'Flughafen'
    land = name in lexicon.local_places() or name in lexicon.countries() or name in lexicon.regions() \
        or nameforms.compass_place(name) == name  # 'aus der Westtürkei', 'nach Mitteleuropa'
    if cls == "LOC" and g["cue"] == "LOC" and not g["common"]:
        return g["conf"] >= MIN_CUED  # after a place's noun: 'auf der Insel Lesbos', 'der Provinz Aleppo'
    if cls == "LOC" and g.get("at") and land and not g["common"]:  # not "auf der Welt"
        return g["conf"] >= MIN_CUED  # a home town or a land named as a place: 'aus Gloggnitz', 'aus Tirol'
    if cls == "ORG" and (institution and " " not in name and "-" not in name or nameforms.named_body(name)):
        return g["conf"] >= MIN_NAMED  # an institution's compound: 'Außenministerium', 'Leopold-Museum'
    if g["gaz"] or cls == "ORG" and institution:
        return g["conf"] >= MIN_MULTI
    if g["common"]:  # a listed party named by its members' plural: 'für die Republikaner'
        listed = cls == "ORG" and name in lexicon.org_names()
        return (name in lexicon.known() or listed) and g["conf"] >= MIN_SINGLE
    if cls == "ORG" and name.isupper() and len(name) >= 3 and g["conf"] >= MIN_ACRONYM and not g["piece"]:
        return True
    if cls in ("LOC", "ORG") and name.isupper() or cls == "LOC" and "PER" in lexicon.known().get(name, "PER"):
        return g["conf"] >= MIN_UNKNOWN_PLACE or g["n"] >= 2 and g["conf"] >= MIN_MULTI
    return g["conf"] >= MIN_UNKNOWN or g["n"] >= 2 and (g["conf"] >= MIN_MULTI or g["org"])  # 'Firma X' twice
