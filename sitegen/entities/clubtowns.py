"""Archive level: a town typed as an organisation stands for its club ('gegen Augsburg' -> FC Augsburg)."""
from __future__ import annotations

import re

from . import lexicon, sports


def club_towns(articles):
    """A rule for merging.plan(): a town typed as an organisation goes to the archive's only club holding it
    ('Augsburg' -> 'FC Augsburg', also a listed club's short name: 'Porto' -> 'FC Porto'); with none or
    several, a town the archive names as a place is none in sports texts (the club is unnamed). A town used as
    a place is not touched."""
    def rule(live, registry) -> dict:
        places = {n for cls, n in live if cls == "LOC"}
        orgs = {n for cls, n in live if cls == "ORG"}
        sporty = _sporty_names(articles)
        out = {}
        for name in orgs:
            if not town(name, places):
                continue
            place = name in places or "LOC" in (lexicon.known().get(name) or "")
            clubs = _outermost([o for o in orgs if o != name and holds(o, name)
                                and (club_name(o) or team(o) or sporty.get(o, False))])
            if len(clubs) == 1 and club_name(clubs[0]):  # not a team of one of a US town's leagues
                out[("ORG", name)] = (("ORG", clubs[0]), "club")  # also a listed club's short name: 'Porto'
            elif place and sporty.get(name, False):  # never a listed club not named as a place: 'Chelsea'
                out[("ORG", name)] = (None, "unnamed")
        return out
    return rule


def town(name: str, places: set[str]) -> bool:
    """A town's name (GeoNames or a place of this archive); no country, region, company, alias, acronym."""
    form = name.replace("St. ", "Sankt ")
    geo = form in lexicon.places() and form not in lexicon.regions() or form in lexicon.multiword_places()
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


def _outermost(names: list[str]) -> list[str]:
    """The names no other name holds all words of ('FC Bayern' in 'FC Bayern München')."""
    return [n for n in names if not any(set(n.split()) < set(o.split()) for o in names)]


def _sporty_names(articles) -> dict[str, bool]:
    """Organisation -> whether every article naming it is a sports text (a result, a sports noun)."""
    out: dict[str, bool] = {}
    for art in articles:
        sport = sports.SPORT.search(art.text) is not None
        for name in art.organisations:
            out[name] = out.get(name, True) and sport
    return out
