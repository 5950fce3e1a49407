"""One article's mentions to its distinct canonical entities: genitives, surnames, registry, confidence."""
from __future__ import annotations

from dataclasses import dataclass

from . import lexicon
from .mentions import Mention
from .normalize import ARTICLES, nominative
from .registry import Registry

MIN_SINGLE = 0.9  # a single-token name seen once needs at least this confidence
MIN_MULTI = 0.5


@dataclass(frozen=True)
class Found:
    name: str
    cls: str
    first: int  # character offset of the first mention


def _surface(m: Mention) -> tuple[str, ...]:
    if m.name:
        return tuple(m.name.split())
    toks = [t.strip("»«„“”\"'‚‘’()[]") for t in m.tokens]
    toks = [t for t in toks if t and t.lower() not in ARTICLES]
    if not toks:
        return ()
    if m.cls == "PER":
        return tuple(toks)
    return nominative(tuple(toks))


def _strip_genitive(toks: tuple[str, ...], seen: set[str], registry: Registry) -> tuple[str, ...]:
    """'Bidens' -> 'Biden' when 'Biden' is a name elsewhere in the article or in the registry."""
    last = toks[-1]
    if registry.lookup(" ".join(toks)) is not None:
        return toks
    for end in ("’s", "'s", "s", "'", "’"):
        base = last[: -len(end)]
        if last.endswith(end) and len(base) >= 2 and not base.endswith("s"):
            stripped = toks[:-1] + (base,)
            if base in seen or registry.lookup(" ".join(stripped)) is not None or end != "s" and base[:1].isupper():
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


def _canon(toks, cls, registry: Registry) -> tuple[str, str]:
    name = " ".join(toks)
    entry = registry.lookup(name)
    if entry is not None and entry.cls != "TAG":
        return entry.name, entry.cls
    return name, cls


def resolve(mentions: list[Mention], registry: Registry) -> list[Found]:
    """Distinct entities of one article, ordered by first mention."""
    surfaces = [(m, _surface(m)) for m in mentions]
    surfaces = [(m, s) for m, s in surfaces if s]
    seen = {t for _, s in surfaces for t in s} | {" ".join(s) for _, s in surfaces}
    surfaces = [(m, _strip_genitive(s, seen, registry)) for m, s in surfaces]
    links = _link_surnames([s for m, s in surfaces if m.cls == "PER"])
    groups: dict[str, dict] = {}
    for m, s in surfaces:
        known = registry.lookup(" ".join(s)) is not None
        toks = links.get(s, s) if m.cls == "PER" and not known else s
        name, cls = _canon(toks, m.cls, registry)
        g = groups.setdefault(name, {"first": m.start, "conf": 0.0, "votes": {}, "n": 0, "multi": False})
        g["conf"] = max(g["conf"], m.confidence)
        g["votes"][cls] = g["votes"].get(cls, 0.0) + m.confidence
        g["n"] += 1
        g["multi"] |= len(m.tokens) > 1 or len(toks) > 1
        g["initial"] = g.get("initial", True) and m.initial
        g["gaz"] = g.get("gaz") or _in_gazetteer(name, cls)
        g["common"] = _common_noun(name)
        g["reg"] = g.get("reg") or registry.lookup(name) is not None
    out = []
    for name, g in groups.items():
        if registry.ignored(name) or not _plausible(name):
            continue
        if not g["reg"] and not _confident(g, name):
            continue
        out.append(Found(name, max(g["votes"], key=g["votes"].get), g["first"]))
    return sorted(out, key=lambda f: (f.first, f.name))


def _plausible(name: str) -> bool:
    return any(c.isalpha() for c in name) and name[:1].isupper() or name[:1].isdigit() and len(name) > 2


def _common_noun(name: str) -> bool:
    """A single word HanTa knows as a common noun ('Mann')."""
    tag, known = lexicon.pos(name)
    return " " not in name and known and tag == "NN"


def _in_gazetteer(name: str, cls: str) -> bool:
    if cls == "LOC" and (name in lexicon.places() or name in lexicon.countries()):
        return True
    return cls in lexicon.known().get(name, "").split("|")


def _confident(g: dict, name: str) -> bool:
    """Keep multi-token names above a low bar; single tokens need confidence, repetition or a gazetteer."""
    if g["multi"]:
        return g["conf"] >= MIN_MULTI
    if g["n"] == 1 and g["initial"] and (g["common"] or not g["gaz"]):
        return False
    if name in lexicon.first_names() and "PER" in g["votes"]:
        return False  # a bare given name that matched no full name
    if g["gaz"]:
        return g["conf"] >= MIN_MULTI
    if g["common"]:
        return name in lexicon.known() and g["conf"] >= MIN_SINGLE
    return g["conf"] >= MIN_SINGLE or (g["n"] >= 2 and g["conf"] >= MIN_MULTI)
