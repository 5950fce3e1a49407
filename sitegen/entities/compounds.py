"""Names inside hyphen compounds: 'SPÖ-Chef' names the SPÖ, 'Putin-Kritiker' Putin, 'UN-Sicherheitsrat' is a
body of its own; not 'US-Dollar', 'Ford-Stiftung', 'Stanley-Cup-Sieger'."""
from __future__ import annotations

import re

from . import lexicon
from .words import role_noun

NOT_COMPOUND_PARTS = frozenset("Ex Anti Pro Vize Mini Maxi Top Super Multi Bio Öko Online Internet "
                               "Welt News Zoom".split())  # 'Welt-Anti-Doping-Agentur': the world's, no place
FOUNDED = ("Stiftung", "Privatstiftung", "Foundation")  # 'Ford-Stiftung' is no mention of Ford
EVENT_PARTS = frozenset("Cup Open Trophy Masters Prix Slam Bowl Games".split())


def compound_part(word: str) -> tuple[str, str] | None:
    """The name opening a hyphen compound and its class: 'SPÖ-Chef' -> ('SPÖ', 'ORG'); None without one."""
    parts = word.split("-")
    if parts[0] == "Ex" and len(parts) > 2:
        return compound_part(word[3:])  # 'Ex-ÖFB-Teamspieler'
    for k in range(len(parts) - 1, 1, -1):  # a listed name holding a hyphen: 'Al-Kaida-Terroristen'
        listed = lexicon.aliases().get("-".join(parts[:k]).casefold())
        if listed and parts[k][:1].isupper():
            return "-".join(parts[:k]), listed[1]
        phrase = lexicon.phrases().get(tuple(parts[:k]))  # 'Amnesty-International-Veranstaltungen'
        if phrase and parts[k][:1].isupper():
            return phrase
    head, sep, tail = word.partition("-")
    if not (sep and tail[:1].isupper() and head[:1].isupper()) or len(head) < 2 \
            or head in NOT_COMPOUND_PARTS or tail in ("Dollar", "Cent"):
        return None  # 'US-Dollar' is a currency, no mention of the USA
    shipped = lexicon.aliases().get(head.casefold())
    if shipped:
        return head, shipped[1]
    first = tail.split("-")[0]
    if first in EVENT_PARTS or first == "League":
        return None  # part of a longer name: 'Stanley-Cup-Sieger', 'Europa-League-Platz'
    if head in lexicon.countries():
        return head, "LOC"
    tag, known = lexicon.pos(head)
    low, low_known = lexicon.pos(head.lower())
    if known and tag == "NN" or low_known and (low.startswith("ADJ") or low == "CARD"):
        return None  # 'Erste-Liga-Club': an adjective; 'Drei-K-Strategie': a numeral
    if "-" in tail and not lexicon.pos(first)[1] or first in FOUNDED:
        return None  # part of a longer name: 'Davis-Cup-Team', 'Ford-Stiftung'
    if head.casefold() in lexicon.folded_org_names():  # also 'Unicredit-Tochter'; not a piece of a longer
        return head, "ORG"  # name: 'Red' of 'Red-Bull-Akademie'
    if head in lexicon.regions():
        return head, "LOC"
    if head in lexicon.people() and head not in lexicon.first_names() and _about(tail):
        return head, "PER"  # 'Merkel-Wunderland', 'Putin-Kritiker'
    if tail.lower().endswith(FIRM_TAILS) and "-" not in tail and head not in lexicon.people() \
            and "PER" not in lexicon.known().get(head, ""):
        return head, "ORG"  # a name before a firm's noun: 'Mediaset-Fernsehsender', 'McLaren-Rennstalls'
    if ACRONYM.fullmatch(head) and head not in COMMON_ACRONYMS and head not in lexicon.not_names() \
            and "-" not in tail and role_noun(tail, ""):
        return head, "ORG"  # an officer of an organisation: 'EKD-Ratsvorsitzender', 'HDP-Chef'
    return None


def _about(tail: str) -> bool:
    """A common noun about someone, not a thing named after them ('-Kritiker', not '-Preis', '-Platz')."""
    first = tail.split("-")[0]
    return lexicon.pos(first) == ("NN", True) and not first.lower().endswith(NAMED_AFTER)


NAMED_AFTER = ("preis", "stiftung", "institut", "gymnasium", "schule", "straße", "platz", "gasse", "hof",
               "haus", "museum", "saal", "halle", "denkmal", "ring", "allee", "brücke", "park", "zentrum",
               "kaserne", "festival", "festspiele", "jahr", "medaille", "kugel", "gesellschaft", "verlag",
               "orden", "statue")
ACRONYM = re.compile(r"[A-ZÄÖÜ]{3,5}")
FIRM_TAILS = ("konzern", "fernsehsender", "radiosender", "rennstall", "rennstalls", "kette", "verlag",
              "verlags", "brauerei", "reederei", "airline", "bank")
COMMON_ACRONYMS = frozenset("EDV CEO CFO VIP DJs PKW LKW SMS GPS DVD NGO".split())  # 'EDV-Leiter'


BODIES = ("sicherheitsrat", "menschenrechtsrat", "parlament")  # a body's name even alone: 'EU-Parlament'
BODY_HEADS = ("kommission", "ministerium", "behörde", "gericht", "gerichtshof", "agentur", "hilfswerk")


def body_compound(word: str) -> bool:
    """A body of an organisation named by its acronym, a hyphen and a compound naming the body:
    'UN-Sicherheitsrat', 'DFB-Sportgericht', or a listed one: 'EU-Kommission' (an organisation of its own,
    not a mention of the UN; not 'SPÖ-Chef', nor a description: 'eine EU-Behörde', 'die UN-Kommission')."""
    head, sep, tail = word.partition("-")
    if not (sep and head.isupper() and 2 <= len(head) <= 5 and tail[:1].isupper() and "-" not in tail):
        return False  # most words: no hyphen after an acronym
    low = tail.lower()
    body = low.endswith(BODIES) or any(low.endswith(h) and len(low) > len(h) for h in BODY_HEADS) \
        or word.casefold() in lexicon.aliases()
    return body and head.casefold() in lexicon.folded_org_names()
