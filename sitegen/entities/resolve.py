"""One article's mentions to its distinct canonical entities: genitives, surnames, registry, confidence."""
from __future__ import annotations

from dataclasses import dataclass, replace

from . import cues, lexicon, rules
from .mentions import Mention
from .normalize import ARTICLES, folded, initials, key, nominative, place_adjective
from .registry import Registry
from .rules import CLUB_WORDS, team_word
from .trimming import PARTICLES

MIN_SINGLE = 0.9  # a single-token name seen once needs at least this confidence
EVENT_WORDS = frozenset("Contest Cup Day Days Open Games Festival Award Awards Trophy Championship "
                        "Championships Champions Conference Congress Summit Expo Convention Formel Olympia "
                        "Olympics Tour Marathon Rallye Biennale Weltcup Slam "
                        "Masters Prix Weltmeisterschaft Europameisterschaft Meisterschaft Fasching".split())
EVENT_HEADS = ("anschlag", "anschläge", "anschlägen", "attentat", "attentate", "attentaten", "krieg",
               "gipfel", "skandal", "affäre", "unruhen", "festspiele", "wahl", "wahlen")  # 'Wiener Gipfel'
MIN_MULTI = 0.7
MIN_INITIAL = 0.95  # a sentence-initial word that is also a common word
MIN_UNKNOWN_PLACE = 0.97  # ... a place no gazetteer knows, an unknown acronym
MIN_UNKNOWN = 0.9  # a single word no list knows, seen once


@dataclass(frozen=True)
class Found:
    name: str
    cls: str
    first: int  # character offset of the first mention


def _surface(m: Mention) -> tuple[str, ...]:
    if m.name:
        return tuple(m.name.split())
    toks = [t.strip("»«„“”\"'‚‘’()[]") for t in m.tokens]
    toks = [t for t in toks if t]
    article = m.before[-1].lower() if m.before and m.before[-1].lower() in ARTICLES else ""
    while toks and toks[0].lower() in ARTICLES:
        article, toks = toks[0].lower(), toks[1:]
    if not toks:
        return ()
    if m.cls == "PER" or " ".join(toks).casefold() in lexicon.aliases():
        return tuple(toks)
    return nominative(tuple(toks), article)


def _strip_genitive(toks: tuple[str, ...], seen: set[str], registry: Registry) -> tuple[str, ...]:
    """'Bidens' -> 'Biden' when 'Biden' is a name elsewhere in the article or in the registry."""
    last = toks[-1]
    if registry.lookup(" ".join(toks)) is not None:
        return toks
    for end in ("’s", "'s", "s", "'", "’"):
        base = last[: -len(end)]
        if last.endswith(end) and len(base) >= 2 and not base.endswith("s"):
            stripped = toks[:-1] + (base,)
            person = len(toks) > 1 and "PER" in lexicon.known().get(base, "") and not lexicon.pos(last)[1]
            if base in seen or person or registry.lookup(" ".join(stripped)) is not None \
                    or end != "s" and base[:1].isupper():
                return stripped
    return toks


def _link_surnames(names: list[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Part of a name to the full name used elsewhere ('Biden' -> 'Joseph Biden'), when unambiguous."""
    longer = sorted({n for n in names if len(n) > 1}, key=len, reverse=True)
    given = [f for f in longer if f[0] in lexicon.first_names()]
    links = {}
    for n in set(names):
        full = [f for f in longer if len(f) > len(n) and (f[-len(n):] == n or (len(n) == 1 and f[0] == n[0]))]
        if n[0] not in lexicon.first_names():
            full = full or [f for f in given if f[-1] == n[-1] and f != n]
        if len(full) > 1 and any(f[0] in lexicon.first_names() for f in full):
            full = [f for f in full if f[0] in lexicon.first_names()]
        if full and all(f == full[0][-len(f):] for f in full):
            links[n] = full[0]
    return links


def _surnames_as_people(surfaces):
    """A one-word place that is the surname or (accents aside) the given name of a person the article names
    ('Newton' after 'Cam Newton', 'Jaroslaw' after 'Jarosław Kaczyński') is that person, unless it is a
    country or region (a company named after its founder stays a company)."""
    names = {folded(p): p for m, s in surfaces if m.cls == "PER" and len(s) > 1 for p in (s[0], s[-1])}
    known = lexicon.countries() | lexicon.regions() | lexicon.orgs()
    out = []
    for m, s in surfaces:
        person = names.get(folded(s[0])) if m.cls == "LOC" and len(s) == 1 else None
        if person and s[0] not in known and s[0].casefold() not in lexicon.aliases():
            m, s = replace(m, cls="PER"), (person,)
        out.append((m, s))
    return out


def _link_short_orgs(names: list[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """A one-word organisation to the article's only longer one that starts or ends with it ('LASK' ->
    'LASK Linz', 'Ried' -> 'SV Ried') or whose initials it is ('CCB' -> 'Corporative Commercial Bank')."""
    longer = {n for n in names if len(n) > 1}
    links = {}
    for n in {n for n in names if len(n) == 1}:
        full = [f for f in longer if n[0] in (f[0], f[-1]) or n[0] == initials(f)]
        if len(full) == 1:
            links[n] = full[0]
    return links


def canonical(name: str, cls: str, registry: Registry, shipped: bool = True) -> tuple[str, str]:
    """The registry's name and type for a surface form, else (with shipped) the shipped alias list's name and
    type, else the form itself (with the alias list's type)."""
    entry = registry.lookup(name)
    group = lexicon.aliases().get(name.casefold())
    if entry is None and group is not None:
        entries = (registry.lookup(f) for f in lexicon.alias_forms(group[0]))
        entry = next((e for e in entries if e is not None), None)
        name, cls = group if shipped else (name, group[1])
    if entry is not None and entry.cls != "TAG":
        return entry.name, entry.cls
    return name, cls


def _longest_forms(forms: list[str]) -> dict[str, str]:
    """Shipped alias group -> the longest of its forms this article uses ('EU' and 'Europäische Union')."""
    out: dict[str, str] = {}
    for form in forms:
        group = lexicon.aliases().get(form.casefold())
        if group and key(form.split()) == key(group[0].split()):
            form = group[0]  # 'Vereinten Nationen': the nominative of the list
        best = out.get(group[0], "") if group else ""
        if group and best != group[0] and (form == group[0] or len(form) > len(best)):
            out[group[0]] = form
    return out


def resolve(mentions: list[Mention], registry: Registry) -> list[Found]:
    """Distinct entities of one article, ordered by first mention."""
    surfaces = [(m, _surface(m)) for m in mentions]
    surfaces = [(m, s) for m, s in surfaces if s and not (not m.name and cues.described(m))]
    seen = {t for _, s in surfaces for t in s} | {" ".join(s) for _, s in surfaces}
    surfaces = [(m, s if m.name else _strip_genitive(s, seen, registry)) for m, s in surfaces]
    surfaces = [(m, cues.genitive_person(m, s) if m.cls == "PER" and not m.name else s) for m, s in surfaces]
    surfaces = _surnames_as_people(surfaces)
    links = _link_surnames([s for m, s in surfaces if m.cls == "PER"])
    links.update(_link_short_orgs([s for m, s in surfaces if m.cls == "ORG"]))
    longest = _longest_forms([" ".join(s) for _, s in surfaces])
    groups: dict[str, dict] = {}
    for m, s in surfaces:
        known = registry.lookup(" ".join(s)) is not None
        toks = links.get(s, s) if m.cls in ("PER", "ORG") and not known else s
        land = s[0] in lexicon.countries() or s[0] in lexicon.regions()
        cls = "ORG" if m.cls != "ORG" and not land and cues.org_context(m) else m.cls  # 'Hersteller X'
        name, cls = canonical(" ".join(toks), cls, registry, shipped=False)
        if registry.lookup(name) is None:
            name = longest.get(lexicon.aliases().get(name.casefold(), ("",))[0], name)
        g = groups.setdefault(name, {"first": m.start, "conf": 0.0, "votes": {}, "n": 0, "multi": False})
        g["conf"] = max(g["conf"], m.confidence)
        g["votes"][cls] = g["votes"].get(cls, 0.0) + m.confidence
        g["n"] += 1
        g["multi"] |= len(m.tokens) > 1 or len(toks) > 1
        g["initial"] = g.get("initial", True) and m.initial
        g["quoted"] = g.get("quoted", True) and m.quoted
        g["work"] = g.get("work") or cues.work_context(m)
        g["cue"] = g.get("cue") or cues.type_context(m, s)
        g["gaz"] = g.get("gaz") or _in_gazetteer(name, cls)
        g["common"] = _common_noun(name)
        g["reg"] = g.get("reg") or registry.lookup(name) is not None
    found = [Found(name, cls, g["first"]) for name, g in groups.items()
             if not registry.ignored(name) and (cls := _kept_type(name, g, seen))]
    return sorted(found, key=lambda f: (f.first, f.name))


def _kept_type(name: str, g: dict, seen: set[str]) -> str | None:
    """The type of one article's entity from its mentions' votes and cues; None when it is no name."""
    cls = max(g["votes"], key=g["votes"].get)
    club = " " in name and CLUB_WORDS & set(name.split()) and name not in lexicon.multiword_places()
    cls = "ORG" if club else cls  # 'Atlético Madrid', 'Leicester City' (not 'Mexico City')
    cls = "PER" if cls == "ORG" and person_form(name) else retyped_person(name, cls)
    cls = _cued_type(name, cls, g["cue"])
    if g["reg"]:
        return cls
    if cls != "PER" and cues.company_product(name):
        return None  # 'Google Docs'
    land = name in lexicon.countries() or name in lexicon.regions()
    work = g["work"] and not land  # 'das Spiel Mario Maker', 'Raumschiff Enterprise' (not 'Spiel Österreich')
    demonym = cls != "PER" and " " not in name and name.endswith("er") and name[:-2] in seen  # 'Rieder'
    return None if work or demonym or not _plausible(name) or not _confident(g, name, cls) else cls


def _cued_type(name: str, cls: str, cue: str | None) -> str:
    """The type a noun before the name gives ('Insel Giglio', 'Zweitligisten Brentford'); a country stays a
    place ('Titelverteidiger Deutschland'), a person becomes a club only after a word for a club."""
    if cue == "LOC":
        return "LOC"
    if cue is None or name in lexicon.countries() or name in lexicon.regions():
        return cls
    return "ORG" if cls == "LOC" or cls == "PER" and cue == "TEAM" else cls


def _plausible(name: str) -> bool:
    """Not a result code, product or work of the shipped list; two letters or fewer only for a known name."""
    if name in lexicon.not_names() or name.lower() in PARTICLES or name.endswith("-") or " , " in name:
        return False
    if EVENT_WORDS & set(name.split()) and " of " not in name or _event(name):
        return False  # an event or a prize: 'Copa America', 'Song Contest' (not 'Library of Congress')
    if cues.product_form(name) or cues.glued(name) or cues.descriptor(name) or cues.open_end(name):
        return False
    first = name.split()[0]
    if " " in name and first in lexicon.not_names() and (first.isupper() or first[:1].islower()):
        return False  # a standard's or product's kind: 'USB Type C', 'iPhone SE'
    if " of " in name and not lexicon.org_words() & set(name.lower().split()):
        return False  # an English title: 'Sound of Music', 'Son of Saul' (not 'Bank of England')
    if name.isupper() and " " in name and all(len(w) > 4 for w in name.split()):
        return False  # a heading in capitals: 'SONDERPÄDAGOGISCHER FÖRDERBEDARF'
    if sum(c.isalpha() for c in name) <= 2:
        return name.casefold() in lexicon.aliases() or name in lexicon.orgs() or name in lexicon.countries()
    return any(c.isalpha() for c in name) and name[:1].isupper() or name[:1].isdigit() and len(name) > 2


def _event(name: str) -> bool:
    """Adjectives before an event noun: 'Pariser Anschläge', 'Zweiter Weltkrieg' (not 'Peter Wahl')."""
    *before, last = name.split()
    return bool(before) and last.lower().endswith(EVENT_HEADS) and before[0] not in lexicon.first_names() \
        and all(place_adjective(w) or lexicon.pos(w)[0].startswith(("ADJ", "NNA")) for w in before)


def person_form(name: str) -> bool:
    """Given name and surname, no organisation word: a person typed as an organisation ('John Ford')."""
    toks = name.split()
    return len(toks) == 2 and toks[0] in lexicon.first_names() and not lexicon.org_words() & set(toks) \
        and "ORG" not in lexicon.known().get(name, "")  # 'Henry Ford' too: the company is 'Ford'



def retyped_person(name: str, cls: str) -> str:
    """A 'person' or 'place' named by a town and a plural is a team ('Detroit Pistons', 'Chicago Blackhawks');
    other names keep their type."""
    toks = name.split()
    if cls not in ("PER", "LOC") or len(toks) < 2 or name in lexicon.people() \
            or "PER" in lexicon.known().get(name, ""):
        return cls
    last = toks[-1]
    plural = last.endswith("s") and last[-2:-1] not in ("", "s") if cls == "PER" else team_word(last)
    team = len(toks) == 2 and toks[0] in lexicon.places() and plural
    return "ORG" if team and toks[0] not in lexicon.first_names() else cls


def _common_noun(name: str) -> bool:
    """A single word HanTa knows as a common noun ('Mann')."""
    tag, known = lexicon.pos(name)
    return " " not in name and known and tag == "NN"


def _listed(name: str) -> bool:
    """In a hand-made or shipped list of names (organisations, places, countries, regions, aliases)."""
    return name in lexicon.orgs() or name in lexicon.places() or name in lexicon.countries() \
        or name in lexicon.regions() or name.casefold() in lexicon.aliases()


def _in_gazetteer(name: str, cls: str) -> bool:
    if lexicon.aliases().get(name.casefold(), ("", ""))[1] == cls:
        return True
    if cls == "LOC" and (name in lexicon.places() or name in lexicon.countries()):
        return True
    return cls in lexicon.known().get(name, "").split("|")


def _adjective(name: str) -> bool:
    """An adjective, colour word or demonym taken for a name: 'Deutsche', 'Rot', 'Wiener', 'Berliner';
    never a listed organisation ('Bayer', 'Hofer')."""
    if name.casefold() in lexicon.aliases() or name in lexicon.orgs():
        return False
    demonym = name.endswith("is") and name[:-2] in lexicon.countries()  # 'Omanis'
    return place_adjective(name) or demonym or lexicon.pos(name)[0].startswith(("ADJ", "NNA"))


def _function_word(name: str) -> bool:
    """A capitalised word that is, in lower case, a closed-class word: 'Oder', 'Du', 'Trotzdem'."""
    tag, known = lexicon.pos(name.lower())
    return " " not in name and known and not tag.startswith(("N", "ADJ", "V", "CARD", "FM", "XY"))


def _ambiguous(name: str) -> bool:
    """A capitalised word that is also a common noun or, in lower case, another word ('Zug', 'Essen')."""
    if " " in name:
        return False
    tag, known = lexicon.pos(name.lower())
    return known and tag != "NE" or _common_noun(name)


def _confident(g: dict, name: str, cls: str) -> bool:
    """Keep multi-token names above a low bar; single tokens need confidence, repetition or a gazetteer;
    titles in quotes are no people or places; a word that opens its sentences must be a sure name."""
    if g["quoted"] and cls in ("PER", "LOC") or (place_adjective(name) if g["multi"] else _adjective(name)):
        return False
    if g["initial"] and (_function_word(name) or _ambiguous(name) and g["conf"] < MIN_INITIAL):
        return False
    if g["multi"]:
        return g["conf"] >= MIN_MULTI
    if g["n"] == 1 and g["initial"] and (g["common"] or not g["gaz"]):
        return False
    if name in lexicon.first_names() and name not in lexicon.countries() and name not in lexicon.regions():
        return False  # a bare given name that matched no full name
    low = name.lower()
    institution = low.endswith(rules.INSTITUTION_HEADS) and low not in rules.INSTITUTION_HEADS
    if g["common"] and not institution and not _listed(name):
        return False  # a common noun that no list knows as a name: 'Gruppe', 'Flughafen'
    if g["gaz"] or cls == "ORG" and institution:
        return g["conf"] >= MIN_MULTI
    if g["common"]:
        return name in lexicon.known() and g["conf"] >= MIN_SINGLE
    if cls in ("LOC", "ORG") and name.isupper() or cls == "LOC" and "PER" in lexicon.known().get(name, "PER"):
        return g["conf"] >= MIN_UNKNOWN_PLACE or g["n"] >= 2 and g["conf"] >= MIN_MULTI
    return g["conf"] >= MIN_UNKNOWN or (g["n"] >= 2 and g["conf"] >= MIN_MULTI)
