#!/usr/bin/env python3
"""Benchmark the dev server's edit-to-page latency on a large archive.

    python3 bench/bench_serve.py [--articles 10000]

Loads the live preview of a generated archive, saves an edit to one article, and times the first request for
that article's page that shows the edit (what a reload in the browser costs after the save). The baseline,
in the same process, is a full refresh of the model (what a rebuild-on-save server would have to do first)."""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "sitegen-bench-own")
    args = parser.parse_args()
    from sitegen.config import load_config
    from sitegen.content import load_article
    from sitegen.preview import Preview
    from sitegen.urls import article_path, output_file

    root = args.work / f"archive-{args.articles}"
    if not (root / "content").is_dir():
        subprocess.run([sys.executable, str(HERE / "gen_archive.py"), str(args.articles), str(root)],
                       check=True)
    config = load_config(root)
    start = time.perf_counter()
    preview = Preview(config)
    full = time.perf_counter() - start
    files = sorted((root / "content" / "articles").glob("*.md"))
    latencies = []
    for n, path in enumerate(files[:: max(1, len(files) // 5)][:5]):
        rel = output_file(article_path(load_article(path, root).slug))
        original = path.read_text(encoding="utf-8")
        marker = f"Bearbeitung Nummer {n} {time.time()}"
        try:
            start = time.perf_counter()
            path.write_text(original + f"\n{marker}\n", encoding="utf-8")
            while marker.encode() not in (preview.page(rel) or b""):
                pass
            latencies.append(time.perf_counter() - start)
        finally:
            path.write_text(original, encoding="utf-8")
        time.sleep(full * 1.5)  # let the background refresh finish
    latency = statistics.median(latencies)
    print(f"{args.articles} articles: save-to-page median {latency:.3f} s (max {max(latencies):.3f} s); "
          f"full model refresh {full:.2f} s; ratio {latency / full:.3f}")


if __name__ == "__main__":
    main()
