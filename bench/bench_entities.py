"""Benchmark sitegen.entities: model load time, tagging tokens/s (cold and warm caches), extract() per
article.

Run: python bench/bench_entities.py   (uses ../shared/data when present, else the seed article)
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitegen.entities import extract, tagger  # noqa: E402
from sitegen.entities.tokenize import sentences  # noqa: E402

GNAD = ROOT / ".." / "shared" / "data" / "10kgnad" / "articles.csv"


def texts() -> list[str]:
    if GNAD.exists():
        from tools.entities.evaluate_docs import read_articles

        return read_articles(GNAD)
    return [(ROOT / "seeds" / "000_3dff9611483f80b0.txt").read_text(encoding="utf-8")] * 50


def main() -> int:
    docs = texts()
    sents = [[t.text for t in s] for d in docs for s in sentences(d)]
    ntok = sum(map(len, sents))
    start = time.perf_counter()
    tagger.tag(["Angela", "Merkel", "besucht", "Wien", "."])
    print(f"start-up (model, HanTa, word lists): {time.perf_counter() - start:.2f} s")
    for label in ("cold caches", "warm caches"):
        start = time.perf_counter()
        for s in sents:
            tagger.tag(s)
        secs = time.perf_counter() - start
        print(f"tagging, {label}: {ntok} tokens in {secs:.1f} s = {ntok / secs:.0f} tokens/s "
              f"({ntok / secs / 5000:.1f}x the 5,000 tokens/s target)")
    start = time.perf_counter()
    for d in docs:
        extract(d)
    secs = time.perf_counter() - start
    print(f"extract(): {len(docs)} articles in {secs:.1f} s ({secs / len(docs) * 1000:.0f} ms/article, "
          f"{ntok / secs:.0f} tokens/s with every rule)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
