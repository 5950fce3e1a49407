"""Score feature or training choices without the evaluation set: K-fold cross-validation over the news
sentences of NER-de-dev.tsv, each fold scored by a model fitted on every other training sentence.

--save keeps the per-sentence predictions; --against compares with a saved run on the same sentences (paired
bootstrap: how often a resample of the sentences favours this run).
Run: python -m tools.entities.tune [--folds 3] [--jobs 2] [--save RUN.json] [--against RUN.json]
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sitegen.entities import lexicon, rules
from sitegen.entities.features import sentence_features, word_features

from . import germeval, smartdata, train
from .evaluate import score


def _fold(data: Path, smart: str, copies: int, folds: int, k: int, params: dict) -> list[list[str]]:
    """Predictions for fold k of the dev news sentences, by a model fitted on all other training sentences."""
    train.PARAMS.update(params)
    dev_news = [s for s in germeval.read(data / "NER-de-dev.tsv") if not s.is_wiki]
    held = {s.tokens for s in dev_news[k::folds]}
    sents = [s for s in germeval.splits(data)[0] if s.tokens not in held]
    sents += smartdata.read(Path(smart)) if smart else []
    with tempfile.TemporaryDirectory() as tmp:
        tagger = train.fit(sents, Path(tmp) / "model.crfsuite", copies)
        lexicon.set_known(train.known_table(sents))
        word_features.cache_clear()
        return [rules.repair(list(s.tokens), list(tagger.tag(sentence_features(list(s.tokens)))))
                for s in dev_news[k::folds]]


def _f1(rows) -> float:
    tp, npred, ngold = (sum(r[i] for r in rows) for i in range(3))
    return 2 * tp / max(npred + ngold, 1)


def compare(gold, mine, theirs, cls: str = "ALL", rounds: int = 2000) -> tuple[float, float]:
    """(F1 difference mine - theirs, share of bootstrap resamples of the sentences where mine is better)."""
    per = []
    for g, a, b in zip(gold, mine, theirs):
        gs = {x for x in germeval.spans(g.tags) if cls in ("ALL", x[2])}
        row = []
        for pred in (a, b):
            ps = {x for x in germeval.spans(pred) if cls in ("ALL", x[2])}
            row.append((len(gs & ps), len(ps), len(gs)))
        per.append(row)
    diff = _f1([r[0] for r in per]) - _f1([r[1] for r in per])
    rng, wins = random.Random(0), 0
    for _ in range(rounds):
        sample = [per[rng.randrange(len(per))] for _ in per]
        wins += _f1([r[0] for r in sample]) > _f1([r[1] for r in sample])
    return diff, wins / rounds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(germeval.DEFAULT_DIR))
    ap.add_argument("--smartdata", default=str(smartdata.DEFAULT_DIR), help="SmartData folder ('': none)")
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--param", action="append", default=[], help="a CRF parameter, NAME=VALUE")
    ap.add_argument("--save", help="write the predictions here (JSON)")
    ap.add_argument("--against", help="predictions saved by an earlier run to compare with")
    args = ap.parse_args(argv)
    data = Path(args.data)
    dev_news = [s for s in germeval.read(data / "NER-de-dev.tsv") if not s.is_wiki]
    params = {k: float(v) if "." in v else int(v) for k, v in (p.split("=", 1) for p in args.param)}
    with ProcessPoolExecutor(args.jobs) as pool:
        parts = list(pool.map(_fold, *zip(*[(data, args.smartdata, args.copies, args.folds, k, params)
                                             for k in range(args.folds)])))
    gold = [s for k in range(args.folds) for s in dev_news[k::args.folds]]
    predicted = [p for part in parts for p in part]
    for cls, (p, r, f) in score(gold, predicted).items():
        print(f"{cls:4} P={p:.3f} R={r:.3f} F1={f:.3f}")
    if args.save:
        Path(args.save).write_text(json.dumps(predicted), encoding="utf-8")
    if args.against:
        theirs = json.loads(Path(args.against).read_text(encoding="utf-8"))
        for cls in ("ALL", "ORG"):
            diff, share = compare(gold, predicted, theirs, cls)
            print(f"{cls:4} against {args.against}: F1 {diff:+.4f}, better in {share:.0%} of resamples")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
