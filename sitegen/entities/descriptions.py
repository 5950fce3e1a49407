"""Organisation-typed words that describe rather than name: a member's title ('Bundesrat Efgani Dönmez'), a
body's common noun for one the article names ('in der Union' for the EU), a kind in a range ('vom Subaru bis
zum Lamborghini'), a currency after an amount, a programme's abbreviation ('EU-Mission im Kongo (EUSEC)'), a
relation's noun ('die Allianz zwischen ...')."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from . import lexicon
from .cues import DESCRIPTOR_HEADS
from .mention import Mention, Surfaces

INDEFINITE = frozenset("ein eine einen einem einer".split())
AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})+|Millionen|Milliarden|Mio\.|Mrd\.")
PROGRAMMES = ("mission", "fahrplan", "plan", "projekt", "studie", "verfahren", "system")  # no UN "-programm"


def described(surfaces: Surfaces) -> Surfaces:
    """The article's organisation mentions without the words that describe: see the module."""
    ordered = sorted(surfaces, key=lambda pair: pair[0].start)
    nxt = {id(m): n for (m, _), (n, _) in zip(ordered, ordered[1:])}
    prev = {id(m): p for (p, _), (m, _) in zip(ordered, ordered[1:])}
    bodies = _bodies(surfaces)
    programmes = {s for m, s in surfaces
                  if m.cls == "ORG" and len(s) == 1 and _programme(m, s[0], prev.get(id(m)))}
    out = []
    for m, s in surfaces:
        if m.cls == "ORG" and not m.name and len(s) == 1:
            before = prev.get(id(m))
            if _title(m, s[0], nxt.get(id(m))) or _in_range(m, before) or _amount(m) or s in programmes \
                    or _relation(m, s[0]):
                continue  # a programme's abbreviation is none in the whole article: 'der ITF'
            s = bodies.get(s[0], s)
        elif m.cls == "ORG" and m.name == s[0] and len(s) == 1:  # a listed name: 'Subaru', 'Allianz'
            if _in_range(m, prev.get(id(m))) or _relation(m, s[0]):
                continue
            s = bodies.get(s[0], s)
        out.append((m, s))
    return out


def _title(m: Mention, word: str, after: Mention | None) -> bool:
    """A chamber's word as a member's title: 'Der türkischstämmige Bundesrat Efgani Dönmez', 'wenn ein
    grüner Bundesrat twittert' (not 'der Bundesrat beschloss')."""
    if not word.endswith("rat") or len(word) < 8 or word.lower() in lexicon.aliases():
        return False
    person = after is not None and 1 < len(after.tokens) < 4 and m.after == after.tokens[0] \
        and all(w[:1].isupper() for w in after.tokens)  # 'Efgani Dönmez', whatever the tagger typed
    member = len(m.before) == 2 and m.before[0].lower() in INDEFINITE and m.before[1].islower()
    return person or member


def _bodies(surfaces: Surfaces) -> dict[str, tuple[str, ...]]:
    """A common noun to the organisation the article names that it describes: 'Union' to the EU when the
    article names it ('Europäische Union' ends with it), 'Allianz' to NATO (data/bodynouns.tsv)."""
    named = {m.name for m, _ in surfaces if m.cls == "ORG" and m.name}
    named |= {lexicon.aliases().get(n.casefold(), (n,))[0] for n in named}
    out = {n.split()[-1]: tuple(n.split()) for n in named
           if " " in n and lexicon.pos(n.split()[-1])[0] == "NN"}
    out.update({word: tuple(body.split()) for word, body in body_nouns().items() if body in named})
    return out


@lru_cache(maxsize=1)
def body_nouns() -> dict[str, str]:
    """Common noun -> the listed organisation it stands for when the article names it (data/bodynouns.tsv)."""
    lines = lexicon._lines("bodynouns.tsv")
    return dict(line.split("\t") for line in lines if line.strip() and not line.startswith("#"))


def _in_range(m: Mention, before: Mention | None) -> bool:
    """A kind named at the ends of a range: 'vom Subaru bis zum Lamborghini'."""
    if m.before[-1:] in (("vom",), ("von",)) and m.after == "bis":
        return True
    return m.before in (("bis", "zum"), ("bis", "zur")) and before is not None and before.after == "bis" \
        and before.before[-1:] in (("vom",), ("von",))


def _relation(m: Mention, word: str) -> bool:
    """A common noun for a relation before 'zwischen', also a listed company's word: 'Die Allianz zwischen der
    größten Zeitung und ...' (not 'Die Allianz zahlte')."""
    return m.after == "zwischen" and lexicon.pos(word) == ("NN", True)


def _amount(m: Mention) -> bool:
    """A currency after an amount: '777.000 Real (rund 190.000 Euro)', '5 Millionen Yuan'."""
    return bool(m.before) and AMOUNT.fullmatch(m.before[-1]) is not None and not m.after[:1].isupper()


def _programme(m: Mention, word: str, before: Mention | None) -> bool:
    """An abbreviation in parentheses after a programme's or mission's noun or a heading in capitals:
    'EU-Mission im Kongo (EUSEC)', 'der Integrale Taktfahrplan (ITF)' (not 'das Landeskriminalamt (LKA)')."""
    if m.before[-1:] != ("(",) or m.after != ")" or not word.isupper() or len(m.before) < 2:
        return False
    if m.before[0].isalpha() and m.before[0].isupper() and len(m.before[0]) > 5:
        return True  # a heading's term: 'SONDERPÄDAGOGISCHER FÖRDERBEDARF (SPF)'
    words = [m.before[0]] + (list(before.before) if before is not None and before.after == "(" else [])
    heads = [w.lower().rsplit("-", 1)[-1] for w in words if w[:1].isupper()]
    return any((h.endswith(PROGRAMMES) or h.endswith(lexicon.event_words()["cues"]) or _kind(h, word))
               and h not in lexicon.org_words() for h in heads)  # 'Raumstation (ISS)'


def _kind(head: str, word: str) -> bool:
    """A compound for a kind of company whose abbreviation ends in its head's letter: 'jenes
    Eisenbahnverkehrsunternehmen (EVU)' (not 'der Ölkonzern (OMV)')."""
    return any(head.endswith(d) and len(head) > len(d) and word[-1] == d[0].upper() for d in DESCRIPTOR_HEADS)


def retyped(surfaces: Surfaces) -> Surfaces:
    """A name ending in a landscape's English word is a place ('Silicon Valley'); a listed organisation's
    compound with its kind is the organisation ('PiS-Partei' -> 'PiS')."""
    out = []
    for m, s in surfaces:
        head, _, kind = s[0].rpartition("-") if len(s) == 1 else ("", "", "")
        if m.cls == "ORG" and len(s) > 1 and s[-1] in LANDSCAPES:
            m = replace(m, cls="LOC")
        elif m.cls == "ORG" and kind in KINDS and (head in lexicon.orgs()
                                                    or head.casefold() in lexicon.aliases()):
            s = (head,)
        out.append((m, s))
    return out


LANDSCAPES = frozenset("Valley Bay Beach Island Islands Mountains County Canyon Coast Peninsula".split())
KINDS = frozenset("Partei Konzern Bewegung Miliz".split())
