"""Forms the sentence glues to a name: a club's or company's genitive before it; the left for the party."""
from __future__ import annotations

from . import lexicon
from .mentions import Mention

GERMAN_PARTIES = frozenset({"CDU", "CSU", "SPD", "FDP", "AfD", "NPD", "Bundestag", "Deutscher Bundestag"})
LEFT_FORMS = frozenset({"Linke", "Linken"})  # as the party only beside Germany's other parties


def genitive_opener(m: Mention, toks: tuple[str, ...]) -> tuple[str, ...]:
    """A listed organisation's genitive opening a span: before a player it is cut ('Austrias Kayode'), before
    anything else the span is a product, none ('Googles Software', 'Nvidias G-Sync'; not 'Doris Bures')."""
    first, base = toks[0], toks[0][:-1]
    if len(toks) < 2 or len(base) < 3 or not first.endswith("s") or first in lexicon.first_names() \
            or first in lexicon.orgs() or first.casefold() in lexicon.aliases():
        return toks
    group = lexicon.aliases().get(base.casefold(), ("", ""))
    if not (base in lexicon.companies() or base in lexicon.org_names() or group[1] == "organisation"):
        return toks
    product = m.cls != "PER" or any(c.isdigit() for c in toks[1]) or toks[1][1:2] == "-"
    return () if product else toks[1:]


def without_the_left(found: list, groups: dict[str, dict]) -> list:
    """The article's names without 'Linke' where it is the left, not the party ('Ikone der Linken'); a name
    the registry lists stays."""
    forms = {f for n in LEFT_FORMS for f in groups.get(n, {}).get("forms", ())}
    if any(f.name in LEFT_FORMS and not groups[f.name]["reg"] for f in found) \
            and not party_left({f.name: f.cls for f in found}, forms):
        return [f for f in found if f.name not in LEFT_FORMS]
    return found


def party_left(names: dict[str, str], surfaces: set[str]) -> bool:
    """'Linke' is the German party beside Germany's other parties or as 'Linkspartei', 'Die Linke'; else it is
    the political left or a direction ('Ikone der Linken', 'zur Linken')."""
    return bool(surfaces & {"Linkspartei", "Die Linke"}) or any(n in GERMAN_PARTIES for n in names)
