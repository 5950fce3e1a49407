"""Benchmark sitegen.entities: model load time, tagging tokens/s (cold and warm caches), extract() per
article; tokens per CPU-second of this process (one core) beside the wall clock, which a busy machine slows.

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
        start, cpu = time.perf_counter(), time.process_time()
        for s in sents:
            tagger.tag(s)
        secs, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"tagging, {label}: {ntok} tokens in {secs:.1f} s ({cpu:.1f} s CPU) = {ntok / cpu:.0f} tokens "
              f"per CPU-second ({ntok / cpu / 5000:.1f}x the 5,000 tokens/s target)")
    start, cpu = time.perf_counter(), time.process_time()
    for d in docs:
        extract(d)
    secs, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"extract(): {len(docs)} articles in {secs:.1f} s ({cpu:.1f} s CPU, "
          f"{cpu / len(docs) * 1000:.0f} ms CPU/article, {ntok / cpu:.0f} tokens/CPU-s, every rule)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
