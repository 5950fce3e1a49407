"""Train the CRF tagger on GermEval 2014 dev + the Wikipedia half of test.

Only NER-de-dev.tsv + the Wikipedia half of NER-de-test.tsv are read for training (no self-training, no other
corpus; the news half is the evaluation set).
Run: python -m sitegen.entities.train [--data ../shared/data/germeval2014] [--out FILE]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import germeval, lexicon
from .features import sentence_features, word_features
from .tagger import MODEL_PATH

KNOWN_PATH = lexicon.DATA / "known.tsv"

PARAMS = {"c1": 0.05, "c2": 0.1, "max_iterations": 200, "feature.possible_transitions": True,
          "feature.minfreq": 1}


def known_table(sents) -> dict[str, str]:
    """Token -> the classes of the annotated names it occurs in (capitalised tokens only)."""
    table: dict[str, set[str]] = {}
    for s in sents:
        for start, end, cls in germeval.spans(s.tags):
            for tok in s.tokens[start:end]:
                if tok[:1].isupper():
                    table.setdefault(tok, set()).add(cls)
    return {tok: "|".join(sorted(c)) for tok, c in table.items()}


def featurise(sents, folds: int = 5) -> list[list[list[str]]]:
    """Features per sentence, the name table for each fold built from the other folds only."""
    out: list = [None] * len(sents)
    for k in range(folds):
        lexicon.set_known(known_table(s for i, s in enumerate(sents) if i % folds != k))
        word_features.cache_clear()
        for i in range(k, len(sents), folds):
            out[i] = sentence_features(sents[i].tokens)
    lexicon.set_known(None)
    word_features.cache_clear()
    return out


def write_known(sents, path: Path = KNOWN_PATH) -> None:
    rows = sorted(known_table(sents).items())
    head = "# Tokens of names annotated in GermEval 2014 (CC BY 4.0, see NOTICE.md) and their classes\n"
    path.write_text(head + "".join(f"{t}\t{c}\n" for t, c in rows), encoding="utf-8")


def _fit(pairs, out: Path):
    import pycrfsuite  # noqa: PLC0415

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, tags in pairs:
        trainer.append(feats, tags)
    trainer.set_params(PARAMS)
    trainer.train(str(out))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(out))
    return tagger


def train(data: Path, out: Path) -> None:
    """Fit the CRF on the gold training sentences (name-table feature jackknifed) and write known.tsv beside it."""
    sents, _ = germeval.splits(data)
    gold = [(feats, list(s.tags)) for s, feats in zip(sents, featurise(sents))]
    write_known(sents, out.parent / "known.tsv")
    _fit(gold, out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(germeval.DEFAULT_DIR))
    ap.add_argument("--out", default=str(MODEL_PATH))
    args = ap.parse_args(argv)
    start = time.perf_counter()
    train(Path(args.data), Path(args.out))
    size = Path(args.out).stat().st_size / 1e6
    print(f"wrote {args.out} ({size:.1f} MB) in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
