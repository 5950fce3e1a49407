"""A name's genitive -s: where it is one, and the name without it ('Max Kruses Tor' -> 'Max Kruse')."""
from __future__ import annotations

import re

from . import lexicon
from .mention import Mention, Surfaces
from .normalize import ARTICLES
from .registry import Registry
from .words import role_noun

SCORE = re.compile(r"\d{1,3}:\d{1,3}")  # a goal's score
# what a person makes or leaves, before their genitive: 'Werke Egon Schieles', 'Theorien Marshall McLuhans'
WORKS_OF = frozenset("Werk Werke Werken Text Texte Texten Theorie Theorien Buch Bücher Roman Romane Film "
                     "Filme Bild Bilder Gedicht Gedichte Lied Lieder Stück Stücke Schriften Briefe Nachlass "
                     "Sammlung Ideen Worte Thesen Musik Kompositionen Zeichnungen Gemälde Fotos Erbe".split())


def nominatives(surfaces: Surfaces, seen: set[str], registry: Registry) -> Surfaces:
    """The article's names with every genitive -s taken off where it is one (a shipped phrase's name kept)."""
    surfaces = own_s([(m, s if m.name else strip_genitive(s, seen, registry, m)) for m, s in surfaces])
    surfaces = owned_nouns(surfaces)  # 'Ayshas Mann'
    return [(m, genitive_person(m, s) if m.cls == "PER" and not m.name else s) for m, s in surfaces]


def strip_genitive(toks: tuple[str, ...], seen: set[str], registry: Registry, m: Mention) -> tuple[str, ...]:
    """'Bidens' -> 'Biden' when 'Biden' is a name elsewhere in the article or in the registry (a person's
    name of several words only where a genitive stands); a person's one word also when the base is a listed
    surname ('Himmlers Stellvertreter'; not 'Holmes', 'Gudenus')."""
    last = toks[-1]
    alone = m.cls == "PER" and len(toks) == 1
    town = " ".join(toks[:-1])
    team = m.cls == "ORG" and (town in lexicon.multiword_places() or town in lexicon.places())
    owner = last[:-1]  # 'Österreichs' -> 'Österreich'
    land = m.cls == "ORG" and len(toks) > 1 and (owner in lexicon.countries() or owner in lexicon.regions()
                                                  or lexicon.town(owner))
    if registry.lookup(" ".join(toks)) is not None or team or land:
        return toks  # a town and a plural: a team ('St. Louis Blues'); a land's body: 'Laienrat Österreichs'
    for end in ("’s", "'s", "s", "'", "’"):
        base = last[: -len(end)]
        if last.endswith(end) and len(base) >= 2 and not base.endswith("s"):
            stripped = toks[:-1] + (base,)
            person = len(toks) > 1 and "PER" in lexicon.known().get(base, "") and not lexicon.pos(last)[1] \
                and m.cls != "ORG"  # a team's plural: 'St. Louis Blues'
            surname = alone and end == "s" and base in lexicon.people()
            genitive = m.cls != "PER" or alone or genitive_context(m)  # not 'Murray/John Peers (GBR)'
            listed = registry.lookup(" ".join(stripped)) is not None or end != "s" and base[:1].isupper()
            if (base in seen or person) and genitive or surname or listed:
                return stripped
    return toks


def genitive_person(m: Mention, toks: tuple[str, ...]) -> tuple[str, ...]:
    """'Max Kruses Tor' -> 'Max Kruse': a person's name of two or more words (or one after a given name the
    tagger left out) ending in -s, no article before, a noun, an adjective or a score after ('nach Max Kruses
    3:0') or a noun for a work before ('Werke Egon Schieles'); other names unchanged."""
    last = toks[-1]
    given = _given_before(m) if len(toks) == 1 else ""
    toks = (given,) + toks if given else toks  # 'Stieg Larssons Millennium-Trilogie'
    if len(toks) < 2 or len(last) < 4 or not last.endswith("s") \
            or last.endswith(("ss", "us", "is", "os")) or m.before and m.before[-1].lower() in ARTICLES \
            or last in lexicon.people() or not given and "PER" in lexicon.known().get(last, "") \
            and last[:-1] not in lexicon.people():  # 'Merkels' is known only as the genitive of 'Merkel'
        return toks[len(given) > 0:]  # 'Serena Williams'
    owned = _noun_after(m) or SCORE.fullmatch(m.after) is not None and not lexicon.town(toks[0]) \
        or not given and m.before[-1:] != () and m.before[-1] in WORKS_OF  # 'Werke Egon Schieles'
    return toks[:-1] + (last[:-1],) if owned else toks[len(given) > 0:]


def _noun_after(m: Mention) -> bool:
    """A noun or an inflected adjective after a name: 'Max Kruses Tor', 'Ridley Scotts neuer Film'."""
    tag, _ = lexicon.pos(m.after)
    return m.after[:1].isupper() and tag == "NN" or m.after[:1].islower() and tag.startswith("ADJ(A)")


def genitive_context(m: Mention) -> bool:
    """Where a name seen without its -s can stand in the genitive: a capitalised word or an inflected
    adjective after it, or a common noun right before it ('die Privatklage Jürg Christandls'; no role), also
    a verb's ('vor dem Ausscheiden Rudolf Kemlers')."""
    after = m.after[:1].isupper() or _noun_after(m)  # also a name: 'Keith Jarretts Köln Concert'
    prev = m.before[-1] if m.before else ""
    before = prev[:1].isupper() and lexicon.pos(prev)[0] in ("NN", "NNI") and not role_noun(prev, "") \
        and prev not in lexicon.first_names()
    return after or before


SENTENCE_OPENERS = (".", "!", "?", "–", "-", '"', "«", "»", "„", "“")


def _given_before(m: Mention) -> str:
    """The word before a one-word person when it is a given name the tagger left out: a listed given name, or
    a capitalised word inside the sentence that HanTa guesses or takes for a verb ('Stieg', 'Wes')."""
    if len(m.before) < 2 or m.before[-2] in SENTENCE_OPENERS or m.tokens[-1][-1:] != "s":
        return ""
    word = m.before[-1]
    tag, known = lexicon.pos(word)
    role = word.lower().endswith(tuple(c for c in lexicon.cues() if len(c) > 3))  # 'Facebookchef'
    guessed = word[:1].isupper() and word[1:].islower() and (not known or tag.startswith("VV")) and not role
    return word if word in lexicon.first_names() or guessed and word not in lexicon.common_nouns() else ""


CASE_PREPOSITIONS = frozenset("bei mit von nach zu aus für gegen ohne um durch seit".split())


def owned_nouns(surfaces: Surfaces) -> Surfaces:
    """A person's genitive before a common noun ('Ayshas Mann', after the article's 'Aysha') names nobody:
    left out; a given name in -s opens a name ('Jonas Kaufmann')."""
    names = {t for m, s in surfaces if m.cls == "PER" for t in s}
    return [(m, s) for m, s in surfaces
            if not (m.cls == "PER" and len(s) == 2 and s[0].endswith("s") and s[0][:-1] in names
                    and s[0] not in lexicon.first_names() and lexicon.pos(s[1]) == ("NN", True))]


def own_s(surfaces: Surfaces) -> Surfaces:
    """A one-word name in -s the article writes after a preposition that takes no genitive ('bei Palmers'),
    never without the -s, keeps its -s everywhere ('Textilriese Palmers' is no genitive of 'Palmer')."""
    written = {m.tokens[0] for m, _ in surfaces if len(m.tokens) == 1}
    own = {m.tokens[0] for m, s in surfaces if len(m.tokens) == 1 and m.tokens[0].endswith("s")
           and m.before[-1:] and m.before[-1].lower() in CASE_PREPOSITIONS and not m.after[:1].isupper()
           and m.tokens[0][:-1] not in written}  # not 'von Obamas Regierung'
    return [(m, (m.tokens[0],) if len(s) == 1 and m.tokens[0] in own and s[0] + "s" == m.tokens[0] else s)
            for m, s in surfaces]
