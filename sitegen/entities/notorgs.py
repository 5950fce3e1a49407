"""Organisation-typed spans that name no organisation: a work after its kind's noun inside the span, a phrase
that only opens sentences, an event's short name, a prize, a place after a preposition only places take."""
from __future__ import annotations

from . import lexicon, rules
from .mention import Mention
from .normalize import ARTICLES, place_adjective


def work_opener(m: Mention) -> bool:
    """The span holds a noun for a work and goes on with its name: 'der Blog Fortress Europe', 'von der EP
    Gretzn', 'im Android Media Framework Stagefright'; not a given name ('Roman Kienast') nor before an
    organisation's word ('National Film Board of Canada')."""
    toks = m.tokens
    at = next((i for i, t in enumerate(toks[:-1]) if t in lexicon.work_cues() and toks[i + 1][:1].isupper()
               and t not in lexicon.first_names()), None)
    rest = {t.lower() for t in toks[at or 0:]}
    named = len(toks) > 1 and toks[0] in lexicon.work_cues() and m.before[-1:] != () \
        and m.before[-1].lower() in ARTICLES  # 'der Roman Conversazione' (not 'Roman Kienast')
    return named or m.cls != "PER" and at is not None and not rest & lexicon.org_words() \
        and not set(toks) & set(rules.LEGAL_FORMS)


def sentence_phrase(name: str, g: dict) -> bool:
    """An adjective and a common noun that only ever open a sentence, capitalised by their place
    ('Vorsätzliche Brandstiftung hatten die Ermittler ... ausgeschlossen'); not a name a list knows, a place's
    adjective nor an institution ('Rotes Kreuz', 'Deutscher Bundestag', 'Wiener Zoo')."""
    toks = name.split()
    if not g.get("initial") or len(toks) != 2 or place_adjective(toks[0]) or _listed(name):
        return False
    adjective = lexicon.pos(toks[0].lower())
    noun = toks[1].lower()  # a whole head only: 'Brandstiftung' is no 'Stiftung'
    institution = noun in lexicon.org_words() or noun in rules.INSTITUTION_HEADS + rules.PURPOSE_HEADS
    return adjective[1] and adjective[0].startswith("ADJ") and lexicon.pos(toks[1]) == ("NN", True) \
        and not institution


def _listed(name: str) -> bool:
    """A name of the shipped lists: 'Rotes Kreuz', 'Weißes Haus'."""
    return name in lexicon.known() or name.casefold() in lexicon.aliases() or name in lexicon.orgs() \
        or name in lexicon.multiword_places() or name in lexicon.companies()


def event_name(name: str) -> bool:
    """An event's short name that is also a town's: 'für Olympia qualifiziert' (eventwords.txt 'names')."""
    return name in lexicon.event_words().get("names", ())


PRIZES = ("prize", "preis", "award")


def prize(name: str) -> bool:
    """A prize's name of several words, its last a compound of a prize's word: 'Thiess International
    Riverprize', 'Deutscher Filmpreis'."""
    toks = name.split()
    return len(toks) > 1 and toks[-1].lower().endswith(PRIZES)


UPHILL = frozenset("oberhalb unterhalb inmitten jenseits diesseits nördlich südlich westlich östlich".split())


def placed(m: Mention) -> bool:
    """An organisation-typed name after a preposition only places take: 'oberhalb der Weißen Wand'."""
    before = [w.lower() for w in m.before]
    genitive = len(before) == 2 and before[0] in UPHILL and before[1] in ("der", "des")
    return m.cls == "ORG" and bool(before) and (before[-1] in UPHILL or genitive)
