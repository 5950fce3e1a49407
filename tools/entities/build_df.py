"""Build data/noun_df.tsv: in how many GermEval training documents each noun lemma occurs (for tag ranking).

Documents: the sentences of NER-de-dev.tsv + the Wikipedia half of NER-de-test.tsv grouped by their source URL
(text only, labels unused; the news half of test and any other corpus are never read).
Run: python -m tools.entities.build_df [--data ../shared/data/germeval2014]
"""
from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from sitegen.entities.topics import DF_PATH, lemma

from . import germeval


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(germeval.DEFAULT_DIR))
    args = ap.parse_args(argv)
    train, _ = germeval.splits(Path(args.data))
    docs: dict[str, set[str]] = defaultdict(set)
    for s in train:
        docs[s.source].update(lem for t in s.tokens if (lem := lemma(t)))
    df: Counter[str] = Counter()
    for lemmas in docs.values():
        df.update(lemmas)
    rows = sorted((n, c) for n, c in df.items() if c >= 2)
    head = (f"# noun lemma <TAB> number of the {len(docs)} documents (GermEval 2014 dev + Wikipedia half of"
            f" test, sentences grouped by source URL) it occurs in (counts only)\n")
    DF_PATH.write_text(head + "".join(f"{n}\t{c}\n" for n, c in rows), encoding="utf-8")
    print(f"wrote {DF_PATH}: {len(rows)} lemmas from {len(docs)} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
