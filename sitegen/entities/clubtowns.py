"""Archive level: a town typed as an organisation stands for its club ('gegen Augsburg' -> FC Augsburg), a
club's short name for its full name ('Juventus' -> Juventus Turin), a club named with or without its legal
prefix is one club ('FC Bayern München' -> Bayern München)."""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon, sports
from .sports import CITY_STATES


PREFIXES = frozenset("FC SC SK SV FK AC AS TSV SKN 1.".split())  # a club's legal prefix, no part of its name


def club_towns(articles):
    """A rule for merging.plan(): a town typed as an organisation goes to the archive's only club holding it
    ('Augsburg' -> 'FC Augsburg', also a listed club's short name: 'Porto' -> 'FC Porto'); with none or
    several, it is none in sports reports (the club is unnamed: 'Prödl (Watford, 50/4)') unless it is a listed
    club never named as a place ('Chelsea'). A town used as a place is not touched."""
    def rule(live, registry) -> dict:
        places = {n for cls, n in live if cls == "LOC"}
        orgs = {n for cls, n in live if cls == "ORG"}
        sporty, reported = _sporty_names(articles), _sporty_names(articles, by_section=True)
        out = {}
        for name in (n for n in orgs if town(n, places)):
            clubs = _outermost([o for o in orgs if o != name and holds(o, name) and _club(o, sporty)])
            if len(clubs) == 1 and club_name(clubs[0]):  # not a team of one of a US town's leagues
                out[("ORG", name)] = (("ORG", clubs[0]), "club")
            elif sporty.get(name, False) and _unnamed(name, places, reported.get(name, False)):
                out[("ORG", name)] = (None, "unnamed")
        return out
    return rule


def club_forms(articles):
    """A rule for merging.plan(): a club named with and without its legal prefix is one club, under the form
    more articles use ('FC Bayern München' -> 'Bayern München', 'SK Sturm Graz' -> 'Sturm Graz'); the bare
    name must be a club's by its form or named in sports reports only ('SV Kapfenberg', 'Kapfenberg')."""
    def rule(live, registry) -> dict:
        orgs = {n for cls, n in live if cls == "ORG"}
        sporty = _sporty_names(articles)
        out = {}
        for name in orgs:
            bare = unprefixed(name)
            if bare == name or bare not in orgs or not (club_name(bare) or " " in bare or sporty.get(bare)):
                continue
            keep, go = sorted((name, bare), key=lambda n: (live[("ORG", n)], len(n)), reverse=True)
            out[("ORG", go)] = (("ORG", keep), "short")
        return out
    return rule


def unprefixed(name: str) -> str:
    """A club's name without its legal prefix ('FC Bayern München' -> 'Bayern München')."""
    words = name.split()
    while len(words) > 1 and words[0] in PREFIXES:
        words = words[1:]
    return " ".join(words)


def club_short_names(articles):
    """A rule for merging.plan(): a club's one-word short name, also after its legal prefix, in sports reports
    (of most articles naming it) goes to the archive's only longer organisation it opens that a town or a
    club's word ends ('Juventus' -> 'Juventus Turin', 'FC Bayern' -> 'Bayern München', 'VfL' -> 'VfL
    Wolfsburg'; not 'Sky' -> 'Sky Deutschland', nor 'Google' outside sports reports)."""
    def rule(live, registry) -> dict:
        places = {n for cls, n in live if cls == "LOC"}
        orgs = {n for cls, n in live if cls == "ORG"}
        sporty = _sporty_names(articles, share=True)
        bare = {o: unprefixed(o) for o in orgs}
        out = {}
        for name in (n for n in orgs if " " not in bare[n] and sporty.get(n, 0) > 0.5):
            longer = {b for b in bare.values() if b.split()[0] == bare[name] and " " in b}
            if len(longer) == 1 and _club_tail(min(longer).split()[1:], places):
                forms = [o for o, b in bare.items() if b == min(longer)]
                out[("ORG", name)] = (("ORG", max(forms, key=lambda o: live[("ORG", o)])), "short")
        return out
    return rule


def _club_tail(words: list[str], places: set[str]) -> bool:
    """A town ('Turin', 'Wolfsburg') or a club's word ('FC') after a club's short name."""
    tail = " ".join(words)
    return club_name(tail) or town(tail, places) or lexicon.town(tail) and tail not in lexicon.countries()


def _club(name: str, sporty: dict[str, bool]) -> bool:
    """A club by its form, or named in sports reports only and holding no institution's word."""
    return club_name(name) or team(name) or sporty.get(name, False) and not _body(name)


def _unnamed(name: str, places: set[str], reported: bool) -> bool:
    """Whether a town in sports texts stands for a club they do not name: when the archive names it as a place
    too, or when only the sports section names it and no list knows it as a club ('Chelsea', 'Napoli')."""
    known = lexicon.known().get(name) or ""
    listed = name in lexicon.orgs() or name in lexicon.companies() or "ORG" in known
    return name in places or "LOC" in known or reported and not listed


def town(name: str, places: set[str]) -> bool:
    """A town's name (GeoNames or a place of this archive); no country, region, company, alias, acronym."""
    form = name.replace("St. ", "Sankt ")
    geo = form in lexicon.places() and (form not in lexicon.regions() or form in CITY_STATES) \
        or form in lexicon.multiword_places()
    listed = name in lexicon.companies() or name.casefold() in lexicon.aliases()
    return (geo or name in places and name not in lexicon.regions()) and name not in lexicon.countries() \
        and not listed and not name.isupper()


def holds(club: str, town: str) -> bool:
    """Whether a club's name holds the town as its words or as their adjective ('Wolfsberger AC')."""
    words, inner = club.split(), town.split()
    n = len(inner)
    return any(words[i:i + n] == inner for i in range(len(words) - n + 1)) \
        or n == 1 and f"{town}er" in words


def club_name(name: str) -> bool:
    """A club's name by its form: a club word, a year or number ('Hannover 96', 'FC Augsburg')."""
    return any(w in sports.CLUB_WORDS or re.fullmatch(r"\d{2,4}", w) for w in name.split())


def team(name: str) -> bool:
    """A team's name: a town and an English plural ('Dallas Mavericks'), one of a town's several teams."""
    return sports.team_word(name.split()[-1])


def _body(name: str) -> bool:
    """A name with an institution's word: 'Landgericht Augsburg', 'Universität Salzburg'."""
    return any(w.lower().endswith(_org_heads()) for w in name.split())


@lru_cache(maxsize=1)
def _org_heads() -> tuple[str, ...]:
    return tuple(w for w in lexicon.org_words() if len(w) >= 4)


def _outermost(names: list[str]) -> list[str]:
    """The names no other name holds all words of ('FC Bayern' in 'FC Bayern München')."""
    return [n for n in names if not any(set(n.split()) < set(o.split()) for o in names)]


def _sporty_names(articles, by_section: bool = False, share: bool = False) -> dict:
    """Organisation -> whether every article naming it is a sports report (share: which share of them is): by
    its section, or without one by a result or a sports noun in its text (by_section: only by its section)."""
    seen: dict[str, list[bool]] = {}
    for art in articles:
        text = not by_section and sports.SPORT.search(art.text) is not None
        sport = art.section == "Sport" if art.section else text
        for name in art.organisations:
            seen.setdefault(name, []).append(sport)
    return {name: sum(v) / len(v) if share else all(v) for name, v in seen.items()}
