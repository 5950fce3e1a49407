"""Strict span P/R/F1 (PER, LOC, ORG, outer level) on the news half of GermEval 2014 test.

Run: python -m tools.entities.evaluate [--data ../shared/data/germeval2014]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from sitegen.entities.mentions import bio

from . import germeval


def score(gold_sents, predicted) -> dict[str, tuple[float, float, float]]:
    """Micro P/R/F1 overall and per class."""
    counts: dict[str, list[int]] = {c: [0, 0, 0] for c in ("ALL",) + germeval.CLASSES}
    for s, pred in zip(gold_sents, predicted):
        gold, got = germeval.spans(s.tags), germeval.spans(pred)
        for cls, row in counts.items():
            g = {x for x in gold if cls in ("ALL", x[2])}
            p = {x for x in got if cls in ("ALL", x[2])}
            row[0] += len(g & p)
            row[1] += len(p)
            row[2] += len(g)
    out = {}
    for cls, (tp, np_, ng) in counts.items():
        prec, rec = tp / max(np_, 1), tp / max(ng, 1)
        out[cls] = (prec, rec, 2 * prec * rec / max(prec + rec, 1e-9))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(germeval.DEFAULT_DIR))
    args = ap.parse_args(argv)
    _, news = germeval.splits(Path(args.data))
    start = time.perf_counter()
    predicted = [bio(list(s.tokens)) for s in news]
    secs = time.perf_counter() - start
    for cls, (p, r, f) in score(news, predicted).items():
        print(f"{cls:4} P={p:.3f} R={r:.3f} F1={f:.3f}")
    ntok = sum(len(s.tokens) for s in news)
    print(f"{len(news)} sentences, {ntok} tokens, {ntok / secs:.0f} tokens/s (cold caches, incl. model load)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
