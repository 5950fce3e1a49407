"""Score feature or training choices without the evaluation set: K-fold cross-validation over the news
sentences of NER-de-dev.tsv, each fold scored by a model fitted on every other training sentence.

--save keeps the per-sentence predictions and the fold count; --against compares with a saved run of as many
folds (paired bootstrap: how often a resample of the sentences favours this run).
--bio scores the whole `bio()` of each fold with and without the word-level rules of `tokentags.py`.
--models DIR keeps the fold models for the next run with the same code, data and parameters;
--errors FILE (with --bio) lists bio()'s wrong sentences.
Run: python -m tools.entities.tune [--folds 3] [--jobs 2] [--save RUN.json] [--against RUN.json] [--bio]
     [--models DIR] [--errors FILE]
"""
from __future__ import annotations

import argparse
import importlib
import json
import random
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sitegen import cache
from sitegen.entities import lexicon, rules, tagger, tokentags
from sitegen.entities.features import sentence_features, word_features

from . import germeval, smartdata, train
from .evaluate import score


def _fold(data: Path, smart: str, copies: int, folds: int, k: int, params: dict,
          bio: bool = False, models: str = "") -> list[list[str]] | tuple[list[list[str]], list[list[str]]]:
    """Predictions for fold k of the dev news sentences, by a model fitted on all other training sentences
    (or kept from an earlier run in `models`); with bio, those of the whole `bio()` with and without the
    word-level rules of `tokentags.py`."""
    train.PARAMS.update(params)
    dev_news = [s for s in germeval.read(data / "NER-de-dev.tsv") if not s.is_wiki]
    held = {s.tokens for s in dev_news[k::folds]}
    sents = [s for s in germeval.splits(data)[0] if s.tokens not in held]
    sents += smartdata.read(Path(smart)) if smart else []
    with tempfile.TemporaryDirectory() as tmp:
        name = f"fold{k + 1}of{folds}-{_model_key(data, smart, copies)}.crfsuite"
        path = Path(models or tmp) / name
        model = _kept(path) if models and path.exists() else train.fit(sents, path, copies)
        lexicon.set_known(train.known_table(sents))
        word_features.cache_clear()
        if bio:
            return _bio_runs(model, dev_news[k::folds])
        return [rules.repair(list(s.tokens), list(model.tag(sentence_features(list(s.tokens)))))
                for s in dev_news[k::folds]]


def _model_key(data: Path, smart: str, copies: int) -> str:
    """What a fold's model depends on: sitegen's code, data and dependencies (its producer key), this
    folder's tools, the training files, the CRF's parameters and version, the augmented copies."""
    tools = cache.tree_bytes(Path(__file__).parent, lambda rel: rel.endswith(".py"))
    corpora = cache.tree_bytes(data) + (cache.tree_bytes(Path(smart)) if smart else [])
    settings = json.dumps([train.PARAMS, copies], sort_keys=True)
    crf = [cache.package_version(name) for name in ("python-crfsuite", "HanTa")]
    return cache.digest(cache.producer_key(), *tools, *corpora, settings, *crf)[:16]


def _kept(path: Path):
    """A fold's model kept by an earlier run."""
    import pycrfsuite  # noqa: PLC0415

    model = pycrfsuite.Tagger()
    model.open(str(path))
    return model


def _bio_runs(fold_tagger, sents) -> tuple[list[list[str]], list[list[str]]]:
    """`bio()` of each sentence with this fold's model, with and without the word-level rules."""
    mentions = importlib.import_module("sitegen.entities.mentions")  # the package's name is a function
    tagger.tag = lambda toks: list(fold_tagger.tag(sentence_features(list(toks))))
    full = [mentions.bio(list(s.tokens)) for s in sents]
    fixed, tokentags.fixed = tokentags.fixed, lambda words, tags: tags
    try:
        return full, [mentions.bio(list(s.tokens)) for s in sents]
    finally:
        tokentags.fixed = fixed


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


def parse_params(pairs: list[str]) -> dict[str, int | float]:
    """CRF parameters from NAME=VALUE pairs: an integer where the value is one, else a float ('c1=1e-3')."""
    params: dict[str, int | float] = {}
    for name, value in (p.split("=", 1) for p in pairs):
        try:
            params[name] = int(value)
        except ValueError:
            params[name] = float(value)
    return params


def load_run(path: str, folds: int) -> list[list[str]]:
    """Predictions saved by an earlier run with the same number of folds (else the sentences misalign)."""
    saved = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(saved, dict) or saved.get("folds") != folds:
        got = saved.get("folds") if isinstance(saved, dict) else "unbekannt"
        raise SystemExit(f"{path}: mit --folds {got} gespeichert, dieser Lauf nutzt --folds {folds}; "
                         f"mit derselben Faltenzahl vergleichen")
    return saved["predicted"]


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
    ap.add_argument("--bio", action="store_true", help="score bio() with and without tokentags' rules")
    ap.add_argument("--models", default="", help="keep the fold models in this folder and reuse them "
                    "while sitegen's code, the tools, the training files and the parameters are unchanged")
    ap.add_argument("--errors", help="with --bio: write bio()'s wrong sentences here")
    args = ap.parse_args(argv)
    data = Path(args.data)
    dev_news = [s for s in germeval.read(data / "NER-de-dev.tsv") if not s.is_wiki]
    params = parse_params(args.param)
    theirs = load_run(args.against, args.folds) if args.against else None
    with ProcessPoolExecutor(args.jobs) as pool:
        if args.models:
            Path(args.models).mkdir(parents=True, exist_ok=True)
        jobs = [(data, args.smartdata, args.copies, args.folds, k, params, args.bio, args.models)
                for k in range(args.folds)]
        parts = list(pool.map(_fold, *zip(*jobs)))
    gold = [s for k in range(args.folds) for s in dev_news[k::args.folds]]
    if args.bio:
        if args.errors:
            _write_errors(Path(args.errors), gold, [p for part in parts for p in part[0]])
        return _report_bio(gold, parts)
    predicted = [p for part in parts for p in part]
    for cls, (p, r, f) in score(gold, predicted).items():
        print(f"{cls:4} P={p:.3f} R={r:.3f} F1={f:.3f}")
    if args.save:
        run = {"folds": args.folds, "predicted": predicted}
        Path(args.save).write_text(json.dumps(run), encoding="utf-8")
    if theirs is not None:
        for cls in ("ALL", "ORG"):
            diff, share = compare(gold, predicted, theirs, cls)
            print(f"{cls:4} against {args.against}: F1 {diff:+.4f}, better in {share:.0%} of resamples")
    return 0


def _write_errors(path: Path, gold, predicted) -> None:
    """Each sentence whose names differ from the gold ones: the sentence, then '-' missed, '+' wrong."""
    out = []
    for s, pred in zip(gold, predicted):
        want, got = set(germeval.spans(s.tags)), set(germeval.spans(pred))
        if want != got:
            out.append(" ".join(s.tokens))
            out += [f"  - {c} {' '.join(s.tokens[a:b])}" for a, b, c in sorted(want - got)]
            out += [f"  + {c} {' '.join(s.tokens[a:b])}" for a, b, c in sorted(got - want)]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _report_bio(gold, parts) -> int:
    """Scores of bio() with and without the word-level rules, and how often a resample favours them."""
    full = [p for part in parts for p in part[0]]
    bare = [p for part in parts for p in part[1]]
    for name, predicted in (("bio() without tokentags", bare), ("bio()", full)):
        print(name)
        for cls, (p, r, f) in score(gold, predicted).items():
            print(f"  {cls:4} P={p:.3f} R={r:.3f} F1={f:.3f}")
    for cls in ("ALL", "ORG"):
        diff, share = compare(gold, full, bare, cls)
        print(f"{cls:4} tokentags' rules: F1 {diff:+.4f}, better in {share:.0%} of resamples")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
