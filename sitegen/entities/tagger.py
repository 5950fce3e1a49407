"""The shipped CRF model: loaded lazily, once per process, and applied to token sequences."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import lexicon
from .features import sentence_features

MODEL_PATH = Path(__file__).parent / "data" / "ner.crfsuite"


@lru_cache(maxsize=1)
def _tagger():
    import pycrfsuite  # noqa: PLC0415

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


# HanTa tags under which a token of the hand-made organisation list is taken as a name (not NN: "Zeit", "Post")
_LIST_ORG_POS = frozenset({"NE", "FM", "XY", "VV(IMP)", "NNA"})
LIST_CONFIDENCE = 0.9


def _listed(tokens, tags) -> list[int]:
    """Single tokens the CRF left O that the hand-made lists name: organisations (HanTa tag not a common noun)
    and people (HanTa NE); not before another capitalised O token (a multi-word name the CRF missed), not
    sentence-initial unless HanTa calls it a proper noun. Chosen on the news sentences of NER-de-dev.tsv."""
    changed, n = [], len(tokens)
    for i, word in enumerate(tokens):
        if tags[i] != "O" or (i + 1 < n and (tags[i + 1] != "O" or tokens[i + 1][:1].isupper())):
            continue
        pos = lexicon.pos(word)[0]
        if i == 0 and pos != "NE":
            continue
        if word in lexicon.orgs() and pos in _LIST_ORG_POS:
            tags[i] = "B-ORG"
        elif word in lexicon.people() and pos == "NE":
            tags[i] = "B-PER"
        else:
            continue
        changed.append(i)
    return changed


def tag(tokens) -> list[str]:
    """BIO tags (B-PER, I-LOC, O, ...) for one sentence of tokens."""
    if not tokens:
        return []
    tags = list(_tagger().tag(sentence_features(list(tokens))))
    _listed(tokens, tags)
    return tags


def tag_marginals(tokens) -> tuple[list[str], list[float]]:
    """Tags plus each tag's marginal probability, a confidence for filtering mentions."""
    if not tokens:
        return [], []
    tagger = _tagger()
    tags = list(tagger.tag(sentence_features(list(tokens))))
    probs = [tagger.marginal(t, i) for i, t in enumerate(tags)]
    for i in _listed(tokens, tags):
        probs[i] = LIST_CONFIDENCE
    return tags, probs
