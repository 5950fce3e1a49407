"""Archive-level resolution: one name per real entity across all articles, proposed as merges.

plan() looks at the entity lists of every article (and their texts, for "Full Name (ABBR)"), and returns the
merges: genitive and inflected forms to their base, accent and transliteration variants to the most frequent
form, a surname alone to the archive's only full name with it, abbreviations to their full name (or the
reverse when the abbreviation is the more common form), the shipped alias list; the registry always wins.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import lexicon
from .clubtowns import club_forms, club_short_names, club_towns
from .normalize import abbreviates, folded, key, spelled, transliterated
from .registry import Registry
from .resolve import canonical

KINDS = ("people", "places", "organisations")
SAINT = re.compile(r"\bsankt\b")  # in a folded name: 'Sankt Pölten' is 'St. Pölten'
CLASS_OF = {"people": "PER", "places": "LOC", "organisations": "ORG"}
REASONS = {"alias": "Register oder Aliasliste", "accent": "Schreibvariante", "inflection": "gebeugte Form",
           "surname": "Nachname allein", "prefix": "Anfang eines Namens", "abbreviation": "Abkürzung",
           "club": "Stadt für ihren Verein", "short": "Kurzname des Vereins",
           "unnamed": "Stadt für einen ungenannten Verein"}
_LINK = r"(?:(?:der|des|für|und|von|of|the|for|de|&)\s)?"
ABBR_PAIR = re.compile(rf"((?:[A-ZÄÖÜ][\w.'-]*\s{_LINK}){{1,7}})\(([A-ZÄÖÜ][\w-]{{1,9}})\)")  # 'Name (ABBR)'
GENITIVE = ("’s", "'s", "es", "s", "'", "’")


@dataclass(frozen=True)
class Merge:
    cls: str  # PER, LOC or ORG
    source: str  # the name that goes
    target: str  # the name it becomes
    target_cls: str
    reason: str  # a key of REASONS
    articles: int  # how many articles name the source


@dataclass(frozen=True)
class ArticleNames:
    people: tuple[str, ...]
    places: tuple[str, ...]
    organisations: tuple[str, ...]
    text: str = ""
    section: str = ""


def plan(articles: list[ArticleNames], registry: Registry | None = None) -> list[Merge]:
    """Every merge the archive suggests, one per name that goes, in a stable order."""
    registry = registry or Registry()
    counts: Counter = Counter()
    for art in articles:
        for kind in KINDS:
            counts.update((CLASS_OF[kind], n) for n in set(getattr(art, kind)) if not registry.ignored(n))
    target: dict[tuple[str, str], tuple[tuple[str, str], str]] = {}
    for (cls, name) in sorted(counts):
        new = canonical(name, cls, registry)[::-1]
        if new != (cls, name):
            target[(cls, name)] = (new, "alias")
    live = _live(counts, target)
    for rule in (_inflections, _accents, _abbreviations(articles), club_towns(articles), club_forms(articles),
                 club_short_names(articles), _surnames(articles)):
        for old, (new, reason) in rule(live, registry).items():
            if old not in target and _free(old, registry):
                target[old] = (new, reason)
        live = _live(counts, target)
    return [Merge(cls, name, *_final(target, (cls, name)), counts[(cls, name)])
            for (cls, name) in sorted(target)]


def _final(target, name) -> tuple[str, str, str]:
    """Where a chain of merges ends: (target name, its class, the first merge's reason); the name is '' for
    a name that goes without a target (a town for an unnamed club)."""
    reason = target[name][1]
    seen = {name}
    while name in target and target[name][0] not in seen:
        name = target[name][0]
        if name is None:
            return "", next(iter(seen))[0], reason
        seen.add(name)
    return name[1], name[0], reason


def _live(counts: Counter, target) -> Counter:
    """Article counts of the names that stay, with the counts of names merged into them."""
    live: Counter = Counter()
    for name, n in counts.items():
        live[_final(target, name)[1::-1] if name in target else name] += n
    for cls in CLASS_OF.values():
        live.pop((cls, ""), None)
    return live


def _free(name: tuple[str, str], registry: Registry) -> bool:
    """Whether a rule may move this name: the registry's names and aliases stay as the registry says."""
    return registry.lookup(name[1]) is None


def _best(names, live: Counter, registry: Registry) -> tuple[str, str]:
    """The registry's form, else the most frequent, else the one with more accents, then the shorter."""
    return max(names, key=lambda n: (registry.lookup(n[1]) is not None, live[n],
                                     sum(not c.isascii() for c in n[1]), -len(n[1]), n[1]))


def _inflections(live: Counter, registry: Registry) -> dict:
    """'Angela Merkels', 'Grünen', 'Niederlanden' -> the form without the ending, when the archive has it
    (not a listed organisation's own name in -s: 'Times')."""
    out = {}
    names = set(live)
    for cls, name in live:
        for end in GENITIVE + ("n", "en"):
            base = (cls, name[: -len(end)])
            if name.endswith(end) and len(base[1]) >= 3 and base in names and key(base[1].split()) == \
                    key(name.split()) and not (end in ("n", "en") and (cls == "PER" or _place_name(name))) \
                    and not (end in ("s", "es") and name in lexicon.orgs()):  # 'Times' (not 'Time')
                out[(cls, name)] = (base, "inflection")
                break
    return out


def _place_name(name: str) -> bool:
    """A place's own name ending in -n: 'Bayern' (also FC Bayern) is no plural of 'Bayer', 'Schwaben' none of
    'Schwab'."""
    return name in lexicon.places() or name in lexicon.regions() or name in lexicon.countries()


def _accents(live: Counter, registry: Registry) -> dict:
    """Spellings equal once accents, hyphens, case and 'Sankt' are folded, with umlauts written out or not
    ('Ban Ki-moon', 'Ban Ki Moon'; 'Sankt Pölten', 'St. Pölten'; 'ÖRAK', 'OERAK'; 'Piräeus', 'Piräus'), a
    person's full name also in German or English spelling ('Baschar al-Assad', 'Bashar al-Assad'): to the
    registry's or the most frequent form."""
    group_of: dict[tuple[str, str], list] = {}
    for cls, name in sorted(live):
        spaced = " ".join(name.replace("-", " ").split())
        folds = (folded, transliterated) + ((spelled,) if cls == "PER" and " " in spaced else ())
        keys = [(cls, SAINT.sub("st.", fold(spaced))) for fold in folds]
        joined = [group_of[k] for k in keys if k in group_of]
        group = joined[0] if joined else []
        for other in joined[1:]:
            if other is not group:  # the name links two spellings' groups: one group
                group.extend(n for n in other if n not in group)
                group_of.update({k: group for k, g in group_of.items() if g is other})
        group.append((cls, name))
        group_of.update({k: group for k in keys})
    out = {}
    for group in {id(g): g for g in group_of.values()}.values():
        best = _best(group, live, registry)
        out.update({n: (best, "accent") for n in group if n != best})
    return out


def _surnames(articles: list[ArticleNames]):
    """A rule: a surname alone (also in the genitive), the end of a name ('Tayyip Erdoğan') or its first two
    or more words ('Recep Tayyip') -> the archive's only longer name ending (or starting) with it (accents
    folded), unless one is named in sports reports only and the other never ('Auer' of a line-up is not the
    farmers' 'Jakob Auer')."""
    fields = _person_fields(articles)

    def rule(live: Counter, registry: Registry) -> dict:
        ends, starts = _name_parts(live)
        out = {}
        for cls, name in live:
            found = ends.get(folded(name), []) if cls == "PER" else []
            heads = starts.get(folded(name), []) if cls == "PER" and " " in name else []
            if not found and len(heads) == 1:  # 'Recep Tayyip' -> the only longer name it opens
                out[(cls, name)] = (heads[0], "prefix")
                continue
            if not found and cls == "PER" and name.endswith(("s", "'")) \
                    and name[:-1] not in (n for _, n in live):
                found = ends.get(folded(name[:-1]), [])  # 'Erdogans' with no 'Erdogan' alone
            longest = max(found, key=lambda n: len(n[1]), default=None)
            if longest and all(folded(longest[1]).endswith(folded(f[1])) for f in found) \
                    and _same_field(fields, name, longest[1]):
                out[(cls, name)] = (longest, "surname")
        return out
    return rule


def _name_parts(live: Counter) -> tuple[dict, dict]:
    """(the ends of people's names of several words, their beginnings) -> the names, accents folded."""
    ends: dict[str, list] = {}
    starts: dict[str, list] = {}
    for cls, name in live:
        words = folded(name).split()
        for i in range(1, len(words) if cls == "PER" else 0):
            ends.setdefault(" ".join(words[i:]), []).append((cls, name))
            starts.setdefault(" ".join(words[:i]), []).append((cls, name))
    return ends, starts


def _same_field(fields: dict[str, set[bool]], name: str, other: str) -> bool:
    """Whether two people's names may be one person's: not one in sports reports only, the other never."""
    mine, theirs = fields.get(name), fields.get(other)
    return not mine or not theirs or bool(mine & theirs)


def _person_fields(articles: list[ArticleNames]) -> dict[str, set[bool]]:
    """Person -> whether the articles naming them are sports reports: {True}, {False} or both (articles
    without a section say nothing)."""
    out: dict[str, set[bool]] = {}
    for art in articles:
        if art.section:
            for name in art.people:
                out.setdefault(name, set()).add(art.section == "Sport")
    return out


def _abbreviations(articles: list[ArticleNames]):
    """A rule pairing 'Full Name (ABBR)' wherever an article writes it, or lists both names of an organisation
    whose initials the abbreviation is."""
    def rule(live: Counter, registry: Registry) -> dict:
        by_key = {(cls, key(n.split())): (cls, n) for cls, n in live}
        out = {}
        for art in articles:
            for short in (n for n in art.organisations if re.fullmatch(r"[A-ZÄÖÜ]{2,6}", n)):
                full = [n for n in art.organisations if " " in n and abbreviates(short, n.split())]
                if len(full) == 1 and ("ORG", short) in live and ("ORG", full[0]) in live:
                    best = _best([("ORG", short), ("ORG", full[0])], live, registry)
                    other = ("ORG", short) if best[1] == full[0] else ("ORG", full[0])
                    out.setdefault(other, (best, "abbreviation"))
            for m in ABBR_PAIR.finditer(art.text):
                words, abbr = m.group(1).split(), m.group(2)
                for cls in ("ORG", "LOC"):
                    long = next((by_key[(cls, key(words[i:]))] for i in range(len(words))
                                 if (cls, key(words[i:])) in by_key), None)
                    short = (cls, abbr) if (cls, abbr) in live else None
                    if long and short and long[1][0].upper() == abbr[0].upper() and long != short:
                        best = _best([long, short], live, registry)
                        other = short if best == long else long
                        out.setdefault(other, (best, "abbreviation"))
        return out
    return rule


def apply(names: ArticleNames, merges: list[Merge], registry: Registry | None = None) -> ArticleNames:
    """The article's lists with every merge applied, each name once, in the order of the lists."""
    registry = registry or Registry()
    move = {(m.cls, m.source): (m.target_cls, m.target) for m in merges}
    lists: dict[str, list[str]] = {kind: [] for kind in KINDS}
    kind_of = {c: k for k, c in CLASS_OF.items()}
    for kind in KINDS:
        for name in getattr(names, kind):
            cls, new = move.get((CLASS_OF[kind], name), (CLASS_OF[kind], name))
            if new and not registry.ignored(name) and not registry.ignored(new) \
                    and new not in lists[kind_of[cls]]:
                lists[kind_of[cls]].append(new)
    return ArticleNames(*(tuple(lists[k]) for k in KINDS), names.text)
