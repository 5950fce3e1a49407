"""The shipped CRF model: loaded lazily, once per process, and applied to token sequences."""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

from .features import sentence_features

MODEL_PATH = Path(__file__).parent / "data" / "ner.crfsuite.gz"  # gzip keeps the shipped file small
_MODEL_BYTES: list[bytes] = []  # the unpacked model, alive as long as the tagger that uses it


@lru_cache(maxsize=1)
def _tagger():
    import pycrfsuite  # noqa: PLC0415

    tagger = pycrfsuite.Tagger()
    # crfsuite reads this memory, never copies it
    _MODEL_BYTES.append(gzip.decompress(MODEL_PATH.read_bytes()))
    tagger.open_inmemory(_MODEL_BYTES[-1])
    return tagger


def tag(tokens) -> list[str]:
    """BIO tags (B-PER, I-LOC, O, ...) for one sentence of tokens."""
    if not tokens:
        return []
    return list(_tagger().tag(sentence_features(list(tokens))))


def tag_marginals(tokens) -> tuple[list[str], list[float]]:
    """Tags plus each tag's marginal probability, a confidence for filtering mentions."""
    if not tokens:
        return [], []
    tagger = _tagger()
    tags = list(tagger.tag(sentence_features(list(tokens))))
    return tags, [tagger.marginal(t, i) for i, t in enumerate(tags)]
