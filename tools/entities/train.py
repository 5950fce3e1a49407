"""Train the CRF tagger on GermEval 2014 dev + the Wikipedia half of test, and the SmartData corpus.

Only NER-de-dev.tsv + the Wikipedia half of NER-de-test.tsv are read of GermEval (the news half is the
evaluation set), plus news and RSS sentences of SmartData (smartdata.py; no self-training).
Augmentation: copies of the annotated sentences in which names
are swapped at random for entries of the hand-made word lists (people, organisations, regions, CLDR
countries).
Run: python -m tools.entities.train [--data ../shared/data/germeval2014] [--smartdata DIR|''] [--copies 2]
"""
from __future__ import annotations

import argparse
import gzip
import random
import sys
import time
from pathlib import Path

from sitegen.entities import lexicon
from sitegen.entities.features import sentence_features, word_features
from sitegen.entities.tagger import MODEL_PATH

from . import germeval, smartdata

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


def augment(sent: germeval.Sentence, rng: random.Random,
            pools: dict[str, list[str]]) -> germeval.Sentence | None:
    """A copy of the sentence with each name swapped, with probability 1/2, for a list entry of its class
    (a person of two or more tokens becomes given name + surname); None for a sentence without names."""
    spans = sorted(germeval.spans(sent.tags))
    if not spans:
        return None
    toks: list[str] = []
    tags: list[str] = []
    last = 0
    for a, b, cls in spans:
        toks += sent.tokens[last:a]
        tags += sent.tags[last:a]
        if rng.random() < 0.5:
            if cls == "PER":
                new = ([rng.choice(pools["first"]), rng.choice(pools["PER"])] if b - a >= 2
                       else [rng.choice(pools["PER"])])
            else:
                new = [rng.choice(pools[cls])]
        else:
            new = list(sent.tokens[a:b])
        toks += new
        tags += [f"B-{cls}"] + [f"I-{cls}"] * (len(new) - 1)
        last = b
    toks += sent.tokens[last:]
    tags += sent.tags[last:]
    return germeval.Sentence(sent.source, tuple(toks), tuple(tags))


def pools() -> dict[str, list[str]]:
    """Replacement names: hand-made lists (proper nouns by HanTa's tag, so no 'Zeit' or 'Post'), CLDR
    countries."""
    return {
        "first": sorted(lexicon.first_names()),
        "PER": sorted(w for w in lexicon.people() if lexicon.pos(w)[0] == "NE"),
        "ORG": sorted(w for w in lexicon.orgs() if lexicon.pos(w)[0] != "NN"),
        "LOC": sorted(lexicon.countries() | lexicon.regions()),
    }


def featurise(sents, folds: int = 5, copies: int = 0, seed: int = 0) -> tuple[list, list]:
    """(features per sentence, augmented (sentence, features) pairs): the name table for each fold is built
    from the other folds only, and a sentence's augmented copies are featurised in its own fold."""
    out: list = [None] * len(sents)
    extra: list = []
    rngs = [random.Random(seed + c) for c in range(copies)]
    names = pools() if copies else {}
    augs = [[augment(s, rng, names) for s in sents] for rng in rngs]
    for k in range(folds):
        lexicon.set_known(known_table(s for i, s in enumerate(sents) if i % folds != k))
        word_features.cache_clear()
        for i in range(k, len(sents), folds):
            out[i] = sentence_features(sents[i].tokens)
            for copy in augs:
                if copy[i] is not None:
                    extra.append((copy[i], sentence_features(copy[i].tokens)))
    lexicon.set_known(None)
    word_features.cache_clear()
    return out, extra


def write_known(sents, path: Path = KNOWN_PATH) -> None:
    rows = sorted(known_table(sents).items())
    head = "# Tokens of names annotated in GermEval 2014 (CC BY 4.0, see NOTICE.md) and their classes\n"
    path.write_text(head + "".join(f"{t}\t{c}\n" for t, c in rows), encoding="utf-8")


def _fit(pairs, out: Path):
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for feats, tags in pairs:
        trainer.append(feats, tags)
    trainer.set_params(PARAMS)
    trainer.train(str(out))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(out))
    return tagger


def train(data: Path, out: Path, copies: int = 2, smart: Path | None = None, needs: str = "ORG") -> None:
    """Fit the CRF on the gold training sentences plus augmented copies (name-table feature jackknifed) and
    write known.tsv (from the gold sentences only) beside it."""
    sents, _ = germeval.splits(data)
    sents += smartdata.read(smart, needs) if smart else []
    write_known(sents, out.parent / "known.tsv")
    raw = out.with_name(out.name + ".tmp")
    fit(sents, raw, copies)
    out.write_bytes(gzip.compress(raw.read_bytes(), compresslevel=9, mtime=0))
    raw.unlink()


def fit(sents, out: Path, copies: int = 2):
    """The CRF fitted on the sentences and augmented copies (name table jackknifed), written to out."""
    feats, extra = featurise(sents, copies=copies)
    gold = [(f, list(s.tags)) for s, f in zip(sents, feats)] + [(f, list(s.tags)) for s, f in extra]
    print(f"{len(sents)} sentences + {len(extra)} augmented copies", file=sys.stderr)
    return _fit(gold, out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(germeval.DEFAULT_DIR))
    ap.add_argument("--smartdata", default=str(smartdata.DEFAULT_DIR), help="SmartData folder ('': none)")
    ap.add_argument("--smartdata-needs", default="ORG", help="its sentences naming this class ('': any)")
    ap.add_argument("--copies", type=int, default=2,
                    help="augmented copies of each sentence with names (0: none)")
    ap.add_argument("--out", default=str(MODEL_PATH))
    args = ap.parse_args(argv)
    start = time.perf_counter()
    smart = Path(args.smartdata) if args.smartdata else None
    train(Path(args.data), Path(args.out), args.copies, smart, args.smartdata_needs)
    size = Path(args.out).stat().st_size / 1e6
    print(f"wrote {args.out} ({size:.1f} MB) in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
