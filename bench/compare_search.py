#!/usr/bin/env python3
"""Compare sitegen with Hugo as a news archive needs it: Hugo, then Pagefind over Hugo's article pages.

    python3 bench/compare_search.py [--articles 10000] [--runs 3]

sitegen's build includes full-text search (one Pagefind index of every article's text); Hugo's does not, so
a Hugo archive with search runs Pagefind after Hugo (`hugo && pagefind --site public`, as Pagefind's docs say
for Hugo). This script builds the archive of ../shared/bench/compare_hugo.py (its corpus and its Hugo, from
the same cache folder) in turn with `sitegen build` (cold: empty output and cache), with Hugo alone and with
Pagefind over Hugo's article pages, after one warm-up round, and prints the medians and the ratios taken pair
by pair: sitegen / Hugo, and sitegen / (Hugo + Pagefind). Quote ratios, not seconds."""
from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED_BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"


def compare_hugo():
    """The shared benchmark as a module: its corpus, its Hugo binary and its timer."""
    spec = importlib.util.spec_from_file_location("compare_hugo", SHARED_BENCH / "compare_hugo.py")
    if spec is None or not (SHARED_BENCH / "compare_hugo.py").is_file():
        sys.exit(f"needs {SHARED_BENCH / 'compare_hugo.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pagefind_binary() -> str:
    """The Pagefind program that sitegen runs (PyPI's pagefind[bin])."""
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        sys.exit("needs pip install 'pagefind[bin]'")
    return str(binary)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sitegen", default="sitegen", help="the sitegen command (default: sitegen on PATH)")
    a = ap.parse_args()
    shared = compare_hugo()
    corpus = shared.CACHE / f"corpus-{a.articles}"
    if not (corpus / "neutral").is_dir():
        subprocess.run([sys.executable, str(SHARED_BENCH / "gen_corpus.py"), str(a.articles), str(corpus)],
                       check=True, stdout=subprocess.DEVNULL)
    hugo, pagefind = shared.hugo_binary(), pagefind_binary()
    work = Path(tempfile.mkdtemp(prefix="cmp-search-"))
    rows: dict[str, list[tuple[float, float]]] = {"sitegen": [], "hugo": [], "pagefind": []}
    try:
        for i in range(a.runs + 1):
            home = work / f"sitegen-{i}"
            shutil.copytree(corpus / "neutral" / "content", home / "content")
            env = {**os.environ, "XDG_CACHE_HOME": str(home / "xdg-cache")}
            times = {
                "sitegen": shared.timed([a.sitegen, "build", "--content", str(home / "content"),
                                         "--out", str(home / "out")], cwd=home, env=env),
                "hugo": shared.timed([hugo, "--quiet", "-s", str(corpus / "hugo"), "-d", str(work / "hugo")]),
                # Hugo puts each article at /<slug>/, its slugs start with the date; no term page is indexed
                "pagefind": shared.timed([pagefind, "--site", str(work / "hugo"), "--glob",
                                          "[0-9]*/index.html",
                                          "--silent"]),
            }
            if i:  # the first round is the warm-up
                for name, figure in times.items():
                    rows[name].append(figure)
            shutil.rmtree(home)
            shutil.rmtree(work / "hugo")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(rows, a.articles)


def report(rows: dict[str, list[tuple[float, float]]], articles: int) -> None:
    """Medians of each tool and the pairwise ratios."""
    for name, runs in rows.items():
        walls = [w for w, _ in runs]
        print(f"{name:9s} wall median {statistics.median(walls):7.2f} s "
              f"(min {min(walls):.2f}, max {max(walls):.2f})"
              f"  peak {max(r for _, r in runs):7.0f} MiB")
    pairs = list(zip(rows["sitegen"], rows["hugo"], rows["pagefind"]))
    alone = statistics.median(s[0] / h[0] for s, h, _ in pairs)
    searched = statistics.median(s[0] / (h[0] + p[0]) for s, h, p in pairs)
    print(f"sitegen/hugo, {articles} articles: wall ratio median {alone:.3f}")
    print(f"sitegen/(hugo + pagefind), {articles} articles: wall ratio median {searched:.3f}")


if __name__ == "__main__":
    main()
