"""Score feature or training choices without the evaluation set: fit on the training sentences except the news
sentences of NER-de-dev.tsv, and score on those (strict spans, as evaluate does).

Run: python -m tools.entities.tune [--data ../shared/data/germeval2014] [--copies 2]
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from sitegen.entities import lexicon, rules
from sitegen.entities.features import sentence_features, word_features

from . import germeval, smartdata, train
from .evaluate import score


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(germeval.DEFAULT_DIR))
    ap.add_argument("--smartdata", default=str(smartdata.DEFAULT_DIR), help="SmartData folder ('': none)")
    ap.add_argument("--copies", type=int, default=2)
    args = ap.parse_args(argv)
    data = Path(args.data)
    dev_news = [s for s in germeval.read(data / "NER-de-dev.tsv") if not s.is_wiki]
    held = {s.tokens for s in dev_news}
    sents = [s for s in germeval.splits(data)[0] if s.tokens not in held]
    sents += smartdata.read(Path(args.smartdata)) if args.smartdata else []
    with tempfile.TemporaryDirectory() as tmp:
        tagger = train.fit(sents, Path(tmp) / "model.crfsuite", args.copies)
        lexicon.set_known(train.known_table(sents))
        word_features.cache_clear()
        predicted = [rules.repair(list(s.tokens), list(tagger.tag(sentence_features(list(s.tokens)))))
                     for s in dev_news]
    for cls, (p, r, f) in score(dev_news, predicted).items():
        print(f"{cls:4} P={p:.3f} R={r:.3f} F1={f:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
