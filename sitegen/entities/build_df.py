"""Build data/noun_df.tsv: in how many of the 10kGNAD articles each noun lemma occurs (for tag ranking).

Run: python -m sitegen.entities.build_df [--gnad ../shared/data/10kgnad/articles.csv]
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from .build_clusters import GNAD
from .evaluate_docs import read_articles
from .tokenize import tokens
from .topics import DF_PATH, lemma


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gnad", default=str(GNAD))
    args = ap.parse_args(argv)
    texts = read_articles(Path(args.gnad))
    df: Counter[str] = Counter()
    for text in texts:
        df.update({lem for t in tokens(text) if (lem := lemma(t.text))})
    rows = sorted((n, c) for n, c in df.items() if c >= 3)
    head = f"# noun lemma <TAB> number of the {len(texts)} 10kGNAD articles it occurs in (counts only)\n"
    DF_PATH.write_text(head + "".join(f"{n}\t{c}\n" for n, c in rows), encoding="utf-8")
    print(f"wrote {DF_PATH}: {len(rows)} lemmas")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
