"""Document-level P/R/F1 of extract() against hand-annotated 10kGNAD articles; --all times the whole file.

Run: python -m tools.entities.evaluate_docs [--gold FILE] [--csv FILE] [--all] [-v]
"""
from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

import yaml

from sitegen.entities import extract, load_registry

GNAD = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "10kgnad" / "articles.csv"
GOLD = Path(__file__).parent / "gold" / "10kgnad.yaml"
HOLDOUT = Path(__file__).parent / "gold" / "10kgnad_holdout.yaml"
DEV = Path(__file__).parent / "gold" / "10kgnad_dev.yaml"  # tuned on
TEST = Path(__file__).parent / "gold" / "10kgnad_test.yaml"  # reported on, never tuned on
FRESH = Path(__file__).parent / "gold" / "10kgnad_fresh.yaml"  # 45 more, annotated before any look at output
FRESH2 = Path(__file__).parent / "gold" / "10kgnad_fresh2.yaml"  # 45 more again, the same way
FRESH3 = Path(__file__).parent / "gold" / "10kgnad_fresh3.yaml"  # 45 more, annotated the same way, tuned on
REGISTRY = Path(__file__).resolve().parents[2] / "content" / "entities.yaml"
FIELDS = {"people": "PER", "places": "LOC", "organisations": "ORG"}


def read_articles(path: Path | str = GNAD) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'")]


def score_doc(gold: dict, ents, fields=tuple(FIELDS)) -> tuple[int, int, int, list[str]]:
    """(true positives, predicted, gold) for one article (of the given fields), plus a note per error."""
    wanted = [(set(alt.split("|")), FIELDS[f]) for f in fields for alt in gold.get(f) or []]
    optional = {name for alt in gold.get("optional") or [] for name in alt.split("|")}
    got = [(n, FIELDS[f]) for f in fields for n in getattr(ents, f)]
    tp, notes, matched = 0, [], set()
    for name, cls in got:
        hit = next((i for i, (alts, c) in enumerate(wanted)
                    if name in alts and c == cls and i not in matched), None)
        if hit is not None:
            matched.add(hit)
            tp += 1
        elif name in optional:
            continue
        else:
            notes.append(f"FP {cls} {name}")
    notes += [f"FN {c} {'|'.join(sorted(a))}" for i, (a, c) in enumerate(wanted) if i not in matched]
    npred = len([g for g in got if g[0] not in optional or any(g[0] in a for a, _ in wanted)])
    return tp, npred, len(wanted), notes


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", default=str(GNAD))
    also = ", ".join(p.name for p in (HOLDOUT, DEV, TEST, FRESH, FRESH2, FRESH3))
    ap.add_argument("--gold", default=str(GOLD), help=f"annotations (also: {also})")
    ap.add_argument("--all", action="store_true", help="also time extract() over every article")
    ap.add_argument("-v", action="store_true", help="print each error")
    args = ap.parse_args(argv)
    texts, gold = read_articles(args.csv), yaml.safe_load(Path(args.gold).read_text(encoding="utf-8"))
    registry = load_registry(REGISTRY)
    counts = {k: [0, 0, 0] for k in ("ALL", *FIELDS)}
    for row, g in sorted(gold.items()):
        ents = extract(texts[row], registry)
        for k, total in counts.items():
            a, b, c, notes = score_doc(g or {}, ents, tuple(FIELDS) if k == "ALL" else (k,))
            total[:] = [total[0] + a, total[1] + b, total[2] + c]
            if args.v and notes and k == "ALL":
                print(row, "; ".join(notes))
    for k, (tp, npred, ngold) in counts.items():
        p, r = tp / max(npred, 1), tp / max(ngold, 1)
        print(f"{len(gold)} articles, {k}: P={p:.3f} R={r:.3f} F1={2 * p * r / max(p + r, 1e-9):.3f} "
              f"(tp={tp} predicted={npred} gold={ngold})")
    if args.all:
        start = time.perf_counter()
        for text in texts:
            extract(text, registry)
        print(f"extracted {len(texts)} articles in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
