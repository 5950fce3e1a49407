"""A surname typed as an organisation where the article names the person: 'Hofer (FPÖ)' after 'Norbert Hofer',
'Le Pen' after 'Marine Le Pen', 'McLean' of a scorer list."""
from __future__ import annotations

from dataclasses import replace

from . import lexicon
from .cues import firm_noun_before
from .mention import Mention, Surfaces


def as_people(surfaces: Surfaces) -> Surfaces:
    """An organisation-typed surname of one or two words is a person when the article names that person in
    full with a given name, or as a player of a scorer list or line-up; the article's full name decides even
    over a listed company ('Hofer'), never over a country, a region or an alias."""
    full = {s for m, s in surfaces if m.cls == "PER" and len(s) > 1 and _given(s[0])}
    players = {s for m, s in surfaces if m.cls == "PER" and m.name and len(s) == 1}
    tails = {p[-n:] for p in full for n in (1, 2) if len(p) > n} | players
    out = []
    for m, s in surfaces:
        surname = s in tails and _surname(s, m) and not firm_noun_before(m)  # not 'Handelskette Hofer'
        if m.cls == "ORG" and not m.name and (surname or _after_person_noun(m, s)):
            m = replace(m, cls="PER")
        out.append((m, s))
    return out


def _given(word: str) -> bool:
    """A given name opening a person's name ('Norbert', 'Jean-Marie')."""
    return word in lexicon.first_names() or word.split("-")[0] in lexicon.first_names()


def _surname(s: tuple[str, ...], m: Mention) -> bool:
    """A surname that names no country, region or alias-listed organisation and stands in no compound's
    place before a legal form ('Porsche AG')."""
    name = " ".join(s)
    if name in lexicon.countries() or name in lexicon.regions() or name.casefold() in lexicon.aliases():
        return False
    return m.after not in ("AG", "GmbH", "SE", "Holding", "Inc.") and s[0][:1].isupper()


PERSON_ENDS = ("ant", "anten", "ent", "enten", "ist", "isten", "eur", "euren", "or", "oren")


def _after_person_noun(m: Mention, s: tuple[str, ...]) -> bool:
    """A given name and one more word after a noun for a person: 'des Wiener Zuckerfabrikanten Oscar Bondy'
    (not 'Förderer Putin International')."""
    word = m.before[-1] if m.before else ""
    given = _given(s[0]) or "PER" in lexicon.known().get(s[0], "")  # "Oscar", a person's word in GermEval
    return len(s) == 2 and given and word[:1].isupper() and word.endswith(PERSON_ENDS) \
        and s[1].lower() not in lexicon.org_words() and " ".join(s) not in lexicon.orgs()
