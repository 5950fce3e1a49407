"""What a name's own words say it names: a street, a building, an event, an institution, a person's two
names, a town's team; or nothing of its type (a product, a description, a name cut or glued to a phrase)."""
from __future__ import annotations

import re

from . import compounds, lexicon, rules
from .normalize import place_adjective
from .sports import team_word
from .tails import ELIDED, PARTICLES
from .words import WEEKDAYS, common_noun

MODEL_CODE = re.compile(r"[A-Za-z]{1,3}\d{1,4}[a-z]?|\d+(?:\.\d+)+")  # 'Galaxy S6', 'Model S', 'Version 2.1'
INNER_FUNCTION = ("APPR", "APPRART", "KON", "ART")
OPENING_FUNCTION = ("APPR", "APPRART", "KON")
DESCRIPTOR_HEADS = ("konzern", "hersteller", "riese", "unternehmen", "anbieter", "betreiber", "händler",
                    "gigant", "firma", "produzent", "dienstleister", "entwickler")  # 'Glücksspielkonzern'


def verbal_noun(name: str) -> bool:
    """A capitalised word whose lower case HanTa knows as an infinitive: a nominalised verb before it is a
    place ('das Essen', 'Gießen', 'Baden'), so the place needs a place's cue."""
    return name[:1].isupper() and name[1:].islower() and lexicon.pos(name.lower()) == ("VV(INF)", True)


STREET_WORDS = ("Street", "Avenue", "Road", "Boulevard", "Lane", "Square", "straße", "Straße", "gasse",
                "Gasse", "Allee", "Platz")


def street(name: str) -> bool:
    """A name of several words ending in a street's word: 'Forstall Street', 'Mariahilfer Straße'."""
    return " " in name and name.split()[-1].endswith(STREET_WORDS) and name.split()[-1][:1].isupper()


BUILDING_HEADS = ("moschee", "kathedrale", "synagoge", "stadion", "arena", "palais", "bahnhof", "flughafen")
BUILDING_WORDS = ("Dom", "Park", "Schloss", "Tempel", "Stadium", "Theatre", "Moschee", "Arena")
VENUE_OPENERS = ("Stade", "Estadio", "Stadio", "Estádio", "Palazzo", "Palais", "Schloss")


def building(name: str) -> bool:
    """A name of several words whose head names a building or a ground, no organisation: 'Al-Aksa Moschee',
    'Pariser Prinzenparkstadion', 'Griffin Park', 'Dolby Theatre', 'Stade de France', 'Red-Bull-Arena'."""
    toks = name.split()
    last = toks[-1].rsplit("-", 1)[-1]
    several = len(toks) > 1 or name.count("-") > 1  # 'Red-Bull-Arena', 'Ernst-Happel-Stadion'
    return several and not lexicon.org_words() & {t.lower() for t in toks} \
        and (last.lower().endswith(BUILDING_HEADS) or last in BUILDING_WORDS or toks[0] in VENUE_OPENERS)


def described_office(name: str) -> bool:
    """A place's adjective and a compound of a name and a common noun: a description, no name ('des Wiener
    ORF-Korrespondentenbüros'; not 'Wiener Austria-Center' of an organisation word)."""
    toks = name.split()
    tail = toks[-1].rsplit("-", 1)[-1]
    return len(toks) == 2 and place_adjective(toks[0]) and "-" in toks[-1] and tail[:1].isupper() \
        and lexicon.pos(tail)[0] == "NN" and not tail.lower().endswith(rules.INSTITUTION_HEADS) \
        and tail.lower() not in lexicon.org_words() and toks[-1].split("-")[0].isupper()


def adjective_end(name: str) -> bool:
    """A name of several words ending in an inflected adjective: cut before its noun ('Bundesverband
    Deutschen' of 'Bundesverband der Deutschen Rheuma-Liga'); not a listed name nor one ending in one
    ('Wiener Grünen')."""
    last = name.split()[-1]
    listed = {name.casefold(), last.casefold()} & lexicon.aliases().keys() or name in lexicon.known()
    return " " in name and last.endswith("en") and lexicon.pos(last.lower())[0].startswith("ADJ") \
        and lexicon.pos(last)[0] != "NN" and not listed


def noun_compound(name: str) -> bool:
    """A hyphen compound that names no organisation: a common noun before the hyphen ('Fußball-EM',
    'Mathematik-Matura') or an organisation before a common noun ('Sturm-Kicker'; not 'Bild-Zeitung')."""
    head, _, tail = name.rpartition("-")
    head = head.split("-")[0]
    if " " in name or len(head) < 2 or tail.lower().endswith(rules.INSTITUTION_HEADS) \
            or tail.lower() in lexicon.org_words() or compounds.body_compound(name):  # 'UN-Sicherheitsrat'
        return False
    named = head in lexicon.orgs() or head.casefold() in lexicon.aliases()
    noun_tail = lexicon.pos(tail) == ("NN", True) and tail not in lexicon.known()  # not 'Mercedes-Benz'
    return not named and lexicon.pos(head) == ("NN", True) or named and noun_tail


def event_head(name: str) -> bool:
    """The name's head, last or before 'of', is an event word and no organisation word: 'BMW International
    Open', 'Cannes Lions International Festival of Creativity' (not 'African National Congress')."""
    head = name.split(" of ")[0].split()[-1]
    return head in lexicon.event_words()["words"] and head.lower() not in lexicon.org_words() \
        and head not in ("Congress", "Conference", "Convention", "Survey")  # 'United ... Geological Survey'


def event(name: str) -> bool:
    """Adjectives before an event noun: 'Pariser Anschläge', 'Zweiter Weltkrieg' (not 'Peter Wahl')."""
    *before, last = name.split(" von ")[0].split()  # 'Pariser Attentaten von Belgien aus'
    heads = lexicon.event_words()["heads"]
    return bool(before) and last.lower().endswith(heads) and before[0] not in lexicon.first_names() \
        and all(place_adjective(w) or lexicon.pos(w)[0].startswith(("ADJ", "NNA")) for w in before)


def person_form(name: str) -> bool:
    """Given name and surname, no organisation word: a person typed as an organisation ('John Ford')."""
    toks = name.split()
    return len(toks) == 2 and toks[0] in lexicon.first_names() and not lexicon.org_words() & set(toks) \
        and "ORG" not in lexicon.known().get(name, "")  # 'Henry Ford' too: the company is 'Ford'


def particle_person(name: str) -> bool:
    """A given name, a name's particle and a surname, no place's word: a person typed as a place or an
    organisation ('Michael van Gerwen', 'Rafael van der Vaart')."""
    toks = name.split()
    placed = any(t in lexicon.places() or t in lexicon.regions() for t in toks[1:])
    return len(toks) >= 3 and toks[0] in lexicon.first_names() and toks[1] in PARTICLES \
        and (toks[-1][:1].isupper() or ELIDED.fullmatch(toks[-1]) is not None) and not placed


BODY_WORDS = ("institut", "universität", "hochschule", "akademie", "ministerium", "gericht", "stiftung",
              "verband", "verein", "kommission", "agentur", "gesellschaft", "organisation", "behörde",
              "zentrum", "gewerkschaft", "versicherung", "partei", "konzern", "klinik", "krankenhaus",
              *sorted(head.lower() for head in rules.ENGLISH_HEADS), "center", "centre", "company", "holding")


def institution_name(name: str) -> bool:
    """A name of several words with a word for an institution (also ending a hyphen compound) is no person's:
    'Max-Planck-Institut für Astronomie', 'Universität Wien', also with an English head: 'Glenn Research
    Center'."""
    toks = name.split()
    bodies = [t for t in toks if t.rsplit("-", 1)[-1].lower().endswith(BODY_WORDS)]
    return len(toks) > 1 and any(t not in lexicon.people() and t not in lexicon.first_names() for t in bodies)


def retyped_person(name: str, cls: str) -> str:
    """A 'person' or 'place' named by a town and a plural is a team ('Detroit Pistons', 'San Jose Sharks');
    other names, and places GeoNames has ('Colorado Springs'), keep their type."""
    toks = name.split()
    if cls not in ("PER", "LOC") or len(toks) < 2 or name in lexicon.people() \
            or name in lexicon.multiword_places() \
            or "PER" in lexicon.known().get(name, ""):
        return cls
    last = toks[-1]
    plural = last.endswith("s") and last[-2:-1] not in ("", "s") if cls == "PER" else team_word(last)
    town = len(toks) == 2 and toks[0] in lexicon.places() or " ".join(toks[:-1]) in lexicon.multiword_places()
    return "ORG" if town and plural and toks[0] not in lexicon.first_names() else cls  # 'San Jose Sharks'


def product_form(name: str) -> bool:
    """A multi-word name with a product word or a model code: 'Cardboard Camera', 'Tesla Model S', 'Lens
    Blur'; not a product word before a name HanTa knows ('Cam Newton')."""
    toks = name.split()
    if len(toks) < 2:
        return False
    code = MODEL_CODE.fullmatch(toks[-1]) is not None or toks[-2] == "Model"
    named = lexicon.pos(toks[-1]) == ("NE", True)
    words = {t.rsplit("-", 1)[-1] for t in (toks[1:] if named else toks)}  # 'Switch-Reihe'
    return code or bool(lexicon.product_words() & words)


def glued(name: str) -> bool:
    """A capitalised preposition, conjunction or article inside the name: 'Google & Co. Im Silicon Valley'."""
    toks = name.split()
    for i, tok in enumerate(toks):
        if tok[:1].isupper() and tok.lower() not in PARTICLES and len(toks) > 1:
            tag, known = lexicon.pos(tok.lower())
            if known and tag.startswith(INNER_FUNCTION if i else OPENING_FUNCTION):
                return True  # 'Via Livestream' too; 'Die Presse' is a name
    return False




def phrase_inside(name: str) -> bool:
    """A span glued to a phrase: a lower-case content word inside ('Metropole gelegene Ortschaft Tal Rifaat'),
    'für' after no institution ('Puppe für Mattel'), its first word again ('Leverkusen Bayer Leverkusen'), a
    day after 'vom' ('El Mundo vom Samstag'; not 'Welt am Sonntag'); an institution's purpose may hold an
    adjective in lower case ('Institut für medizinische Informatik')."""
    toks = name.split()
    if any(t == "vom" and nxt in WEEKDAYS for t, nxt in zip(toks, toks[1:])):
        return True
    at = toks.index("für") if "für" in toks[1:] else 0
    head = toks[at - 1].lower() if at else ""
    purpose = head and not (head in lexicon.org_words()
                            or head.endswith(rules.INSTITUTION_HEADS + rules.PURPOSE_HEADS))
    inner = any(t[:1].islower() and t not in PARTICLES and lexicon.pos(t)[1]
                and lexicon.pos(t)[0].startswith(("ADJ", "VV", "ADV", "NN"))
                and not (at and i > at and not purpose and lexicon.pos(t)[0].startswith("ADJ"))
                for i, t in enumerate(toks[1:-1], 1))
    again = len(toks) > 2 and toks[0] in toks[2:] and toks[toks.index(toks[0], 1) - 1] != "&"  # 'A & A'
    return inner or bool(purpose) or again and toks[0].isalpha()


ENGLISH_LINKS = frozenset("but and or of the a an to for with".split())


def open_end(name: str) -> bool:
    """A name cut before its noun: it ends on an attributive adjective ('Neonazi-Partei Goldene'; not a
    listed surname or one after a given name: 'Günther Platter', 'Gerald Klug') or an English linking word
    ('Shes Mine But')."""
    toks = name.split()
    english = toks[-1].lower() in ENGLISH_LINKS  # a title cut on its word: 'Shes Mine But'
    surname = toks[-1] in lexicon.people() or len(toks) == 2 and toks[0] in lexicon.first_names()
    adjective = lexicon.pos(toks[-1])[0] == "ADJ(A)" and not surname
    return len(toks) > 1 and (adjective or english) and name.casefold() not in lexicon.aliases()


def company_product(name: str, person: bool = False) -> bool:
    """A company's name followed by capitalised words that name no company, place or club: 'Google Docs',
    'Acer Jade Primo', and for a name typed as a person one of the companies' list: 'Buick Enclave' (but
    'Google Deutschland', 'Sony Music', 'ORF 2', 'Spiegel Online')."""
    toks = name.split()
    listed = toks[0] in (lexicon.companies() if person else lexicon.orgs())
    if len(toks) < 2 or not listed or name.casefold() in lexicon.aliases() \
            or lexicon.pos(toks[0])[0].startswith(("NN", "ADJ")):
        return False
    return all(t.isalpha() and t[:1].isupper() and not names_other(t) for t in toks[1:])


def names_other(word: str) -> bool:
    """A word that names an organisation or place by itself or ends an organisation's name."""
    return word.lower() in lexicon.org_words() or word in lexicon.orgs() or word in lexicon.places() \
        or word in lexicon.countries() or word in lexicon.regions() or "LOC" in lexicon.known().get(word, "")


def descriptor(name: str) -> bool:
    """A word describing a company instead of naming it: 'Glücksspielkonzern', 'Salzburger Unternehmen'."""
    last = name.split()[-1].lower()
    head = next((h for h in DESCRIPTOR_HEADS if last.endswith(h)), None)
    if name in lexicon.orgs() or name.lower() in lexicon.aliases():
        return False
    if head is None:
        return _described_kind(name)
    return " " in name or len(last) >= len(head) + 3


def _described_kind(name: str) -> bool:
    """A place's adjective and a kind of organisation ('Hamburger Stiftung'; a country's: 'Schweizer
    Zeitung', 'Ugandische Gruppe', not 'Wiener Zeitung'), an agency after a code ('US-Ratingagentur')."""
    toks = name.split()
    code, _, tail = name.partition("-")
    if len(toks) == 1:
        return bool(tail) and code.isupper() and tail.lower().endswith("agentur") and "-" not in tail
    if len(toks) != 2 or toks[1] not in ("Stiftung", "Zeitung", "Gruppe"):
        return False
    return toks[1] == "Stiftung" and place_adjective(toks[0]) or _country_adjective(toks[0])


def _country_adjective(word: str) -> bool:
    """'Schweizer', 'Ugandische', 'Deutsche': an adjective of a country ('Wiener' is a town's)."""
    if word.endswith("er") and word[:-2] in lexicon.countries():
        return True
    stem = re.sub(r"isch(e[nrs]?)?$", "", word)
    return stem != word and len(stem) >= 4 and any(c.startswith(stem) and len(c) <= len(stem) + 3
                                                for c in lexicon.countries())


COMPASS = ("Nordost", "Nordwest", "Südost", "Südwest", "Nord", "Süd", "Ost", "West", "Mittel", "Zentral",
           "Ober", "Unter", "Inner")


def compass_place(word: str) -> str | None:
    """The place a compass word and a country or region make ('Westtürkei'; 'Nordsyriens' -> Nordsyrien)."""
    for prefix in COMPASS:
        rest = word[len(prefix):]
        if not word.startswith(prefix) or len(rest) < 3 or not rest.isalpha() or not rest.islower():
            continue
        base = rest[0].upper() + rest[1:]
        for form, name in ((base, word), (base[:-1], word[:-1]) if base.endswith("s") else (base, word)):
            if form in lexicon.countries() or form in lexicon.regions():
                return name
    return None


NAMED_HEADS = frozenset("Zeitung Museum Bundesliga Verlag Stiftung Institut Universität Hochschule Akademie"
                        .split())


def named_body(word: str) -> bool:
    """A hyphen compound of a name and a body's head, which GermEval's training sentences tag as an
    organisation every time ('Insel-Verlag', 'Ostsee-Zeitung', 'Lehmbruck-Museum'; not a common noun's:
    'Kunst-Museum')."""
    first, _, head = word.rpartition("-")
    return head in NAMED_HEADS and first[:1].isupper() and not common_noun(first.split("-")[0])
