"""CRF features per token: word form, shape, affixes, HanTa tag, word lists, and a context window."""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon

_SHAPE = [(re.compile(r"[A-ZÄÖÜ]"), "X"), (re.compile(r"[a-zäöüß]"), "x"), (re.compile(r"[0-9]"), "d")]


def shape(word: str) -> str:
    """Xxxx-style shape, runs of the same class collapsed past two."""
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if len(out) < 2 or not (out[-1] == c and out[-2] == c):
            out.append(c)
    return "".join(out)[:8]


def short_shape(word: str) -> str:
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else "p"
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:5]


def _gaz(word: str) -> list[str]:
    out = []
    base = word[:-1] if word.endswith("s") and len(word) > 3 else word
    if word in lexicon.places() or base in lexicon.places() or word in lexicon.local_towns():
        out.append("place")
    if word in lexicon.countries() or base in lexicon.countries():
        out.append("country")
    if word in lexicon.first_names() or word in lexicon.census_first_names():
        out.append("first")
    if word in lexicon.people() or base in lexicon.people():
        out.append("person")
    out += [f"kn{c}" for c in lexicon.known().get(word, "").split("|") if c]
    low = word.lower()
    if low in lexicon.cues():
        out.append("cue")
    if word in lexicon.orgs() or base in lexicon.orgs() or word in lexicon.companies():
        out.append("org")
    if low in lexicon.org_words() or (word[:1].isupper() and low.endswith(lexicon.ORG_SUFFIXES)):
        out.append("orgw")
    return out


OFFSETS = (-2, -1, 1, 2)  # the context window
PADS = tuple(f"{off}pad" for off in OFFSETS)


@lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """(features of the token itself, the smaller set used when it is a neighbour, once for each offset of
    the window, prefixed with it: '-1w=wien')."""
    low = word.lower()
    tag, known = lexicon.pos(word)
    gaz = _gaz(word)
    own = [f"w={low}", f"sh={shape(word)}", f"ss={short_shape(word)}", f"pos={tag}", f"kn={known}",
           f"p3={low[:3]}", f"p4={low[:4]}", f"s2={low[-2:]}", f"s3={low[-3:]}", f"s4={low[-4:]}",
           f"len={min(len(word), 12)}"]
    if "-" in word.strip("-"):
        head, tail = word.split("-", 1)[0], word.rsplit("-", 1)[1]
        own += [f"hd={head.lower()}", f"tl={tail.lower()}", f"tlss={short_shape(tail)}"]
        own += [f"hdg={g}" for g in _gaz(head)]
    own += [f"g={g}" for g in gaz]
    ctx = [f"w={low}", f"ss={short_shape(word)}", f"pos={tag}"] + [f"g={g}" for g in gaz]
    cl = lexicon.clusters().get(word)
    if cl:
        own += [f"c{i}={c}" for i, c in enumerate(cl, 1)]
        ctx += [f"c1={cl[0]}"]
    return tuple(own), tuple(tuple(f"{off}{f}" for f in ctx) for off in OFFSETS)


def sentence_features(tokens) -> list[list[str]]:
    """Features for every token of one sentence."""
    per = [word_features(t) for t in tokens]
    low = [t.lower() for t in tokens]
    n = len(tokens)
    out = []
    for i in range(n):
        feats = ["bias", *per[i][0]]
        if i == 0:
            feats.append("BOS")
        for k, off in enumerate(OFFSETS):
            j = i + off
            if 0 <= j < n:
                feats += per[j][1][k]
            else:
                feats.append(PADS[k])
        if i > 0:
            feats.append(f"bg={low[i - 1]}|{low[i]}")
        if i + 1 < n:
            feats.append(f"bg+={low[i]}|{low[i + 1]}")
        out.append(feats)
    return out
