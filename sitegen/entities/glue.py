"""Forms the sentence glues to a name: a club's or company's genitive before it, a person after it; the left
for the party."""
from __future__ import annotations

import re
from dataclasses import replace

from . import lexicon, sports
from .mention import Mention, Surfaces
from .normalize import initials

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


def person_tails(surfaces: Surfaces) -> Surfaces:
    """An acronym's or a town's span running into a person the article names is cut before the person
    ('Nachrichtenagentur TASR Fico' after 'Robert Fico'; 'in Melbourne Ai Weiweis Arbeiten': the town)."""
    people = [p for m, p in surfaces if m.cls == "PER" and len(p) > 1]
    ends = {p[-n:] for p in people for n in range(1, len(p) + 1)
            if n == len(p) or p[0] in lexicon.first_names()}  # not a line-up's 'Ouedraogo Mattersburg'

    out = []
    for m, s in surfaces:
        cut = next((k for k in range(1, len(s)) if m.cls == "ORG" and not m.name and _opens(s[:k])
                    and (s[k:] in ends or s[k:-1] + (s[-1].removesuffix("s"),) in ends)), 0)
        if cut:
            town = " ".join(s[:cut]) in lexicon.places() and s[0] not in lexicon.companies()
            m, s = replace(m, cls="LOC" if town else "ORG"), s[:cut]
        out.append((m, s))
    return out


def employer_tails(surfaces: Surfaces) -> Surfaces:
    """A person's name of two words or more going on with 'von' is cut before 'von' where the article also
    names the person so, or by the surname and the body after 'von' ('Gabor Wichmann von Birdlife' beside
    'Gabor Wichmann'; not 'Mathias Müller von Blumencron', 'Johann Wolfgang von Goethe')."""
    bodies = {s for m, s in surfaces if m.cls == "ORG"}
    others = {s for m, s in surfaces if m.cls == "PER" and "von" not in s}
    surnames = {s[-1] for s in others}
    out = []
    for m, s in surfaces:
        at = s.index("von") if m.cls == "PER" and "von" in s[2:] else 0
        if at and (s[:at] in others or s[at + 1:] in bodies and s[at - 1] in surnames):
            s = s[:at]
        out.append((m, s))
    return out


def _opens(head: tuple[str, ...]) -> bool:
    """An acronym or a town's name that a person's name cannot continue: 'TASR', 'Melbourne' (not a club's
    'SV')."""
    name = " ".join(head)
    if name in sports.CLUB_WORDS or name.lower() in lexicon.org_words():
        return False
    return re.fullmatch(r"[A-ZÄÖÜ]{2,6}", name) is not None or name in lexicon.places() \
        and name not in lexicon.first_names()


def era(m: Mention) -> bool:
    """'vor Christus', 'nach Christi Geburt': a date's era names nobody."""
    return m.tokens[0] in ("Christus", "Christi") and m.before[-1:] in (("vor",), ("nach",))


def nominalised_adjective(m: Mention) -> bool:
    """A capitalised adjective after 'der' that a relative clause or 'sein' follows: 'nicht der Erste, der
    ...', 'der Erste sein, dem ...' (an ordinal, no company; not 'die Erste' of the bank)."""
    word = m.tokens[0] if len(m.tokens) == 1 else ""
    tag, known = lexicon.pos(word.lower())
    return known and tag.startswith("ADJ") and word.endswith("e") and m.before[-1:] == ("der",) \
        and m.after in (",", "sein") and not m.name


def bracketed_abbreviations(surfaces: Surfaces) -> dict[tuple[str, ...], tuple[str, ...]]:
    """A one-word organisation right before its abbreviation in parentheses (same first letter) is named by
    the abbreviation all through the article: 'Kraftfahrt-Bundesamt (KBA)', 'des Bundeskriminalamts (BKA)'
    -> KBA, BKA, as the archive names them elsewhere (not 'Häupl (SPÖ)'); so is a name the tagger cut at its
    front (_cut_before)."""
    ordered = sorted(surfaces, key=lambda pair: pair[0].start)
    pairs = list(zip(ordered, ordered[1:]))
    out = {s: t for (m, s), (n, t) in pairs if _bracketed(m, s, n, t)}
    out.update({s: t for (m, s), (n, t) in pairs if _cut_before(m, s, n, t)})
    out.update({t: s for (m, s), (n, t) in pairs if _bracketed(m, s, n, t, several=True)})  # 'DLR'
    return out


def _bracketed(m: Mention, s: tuple[str, ...], n: Mention, t: tuple[str, ...], several: bool = False) -> bool:
    """A one-word organisation (or, with several, one of several words), then its abbreviation of three
    capitals or more in parentheses: 'Deutsches Zentrum für Luft- und Raumfahrt (DLR)'."""
    return m.cls == n.cls == "ORG" and (len(s) > 1 if several else len(s) == 1) and len(t) == 1 \
        and t[0].isupper() and len(t[0]) > 2 and n.before == (m.tokens[-1], "(") and s[0][:1] == t[0][:1]


def _cut_before(m: Mention, s: tuple[str, ...], n: Mention, t: tuple[str, ...]) -> bool:
    """An organisation's name the tagger cut at its front, right before its abbreviation, which ends with
    the cut name's initials ('Rundfunk und Telekom Regulierungs-GmbH (RTR)' found as 'Telekom
    Regulierungs-GmbH')."""
    short = initials(s)
    return m.cls == n.cls == "ORG" and len(s) > 1 and m.after == "(" and len(t) == 1 and t[0].isupper() \
        and n.before == (m.tokens[-1], "(") and len(t[0]) > len(short) >= 2 and t[0].endswith(short)


SEATED = lexicon.ORG_SUFFIXES + ("universität", "hochschule")  # heads whose name may end in a town


def institution_towns(surfaces: Surfaces) -> Surfaces:
    """An institution's name goes on with the town after its abbreviation in parentheses: 'Das
    Oberlandesgericht (OLG) Wien' is Oberlandesgericht Wien, 'der Technischen Universität (TU) Wien'
    Technische Universität Wien (the town is no mention of its own there)."""
    ordered = sorted(surfaces, key=lambda pair: pair[0].start)
    out, skip = [], set()
    for i, (m, s) in enumerate(ordered):
        if id(m) in skip:
            continue
        after = [(n, t) for n, t in ordered[i + 1:i + 3] if n.cls == "LOC" and len(t) == 1]  # past '(TU)'
        nxt, t = after[0] if after else (None, ())
        town = nxt is not None and len(nxt.before) == 2 and nxt.before[1] == ")" \
            and re.fullmatch(r"[A-ZÄÖÜ]{2,6}", nxt.before[0]) is not None
        if town and m.cls == "ORG" and m.after == "(" and s[-1].lower().endswith(SEATED):
            s = s + t
            skip.add(id(nxt))
        out.append((m, s))
    return out
