#!/usr/bin/env python3
"""Bytes per article of a built site, in total and per section, on the real archive beside a synthetic one.

    python3 bench/bench_bytes.py [--real CSV] [--articles 10000 | --synthetic CONTENT] [--keep DIR]
    python3 bench/bench_bytes.py --site DIR --count N   # only measure a site already built

The real archive is the 1,028 articles of ../shared/data/10kgnad/articles.csv, ingested once (minutes) and
built; it is skipped when that file is absent. The synthetic archive is bench/gen_archive.py's, or the content
folder given (such as the corpus of ../shared/bench/compare_hugo.py). Both are built without a base_url."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL = HERE.parent.parent / "shared" / "data" / "10kgnad" / "articles.csv"
SECTIONS = {"personen": "people", "orte": "places", "organisationen": "organisations", "themen": "tags",
            "ressorts": "sections", "artikel": "articles", "suche": "search", "pagefind": "search",
            "archiv": "archive", "seite": "home", "index.html": "home", "static": "static",
            ".sitegen-pages.json.gz": "build record"}


def section_of(rel: Path) -> str:
    """The section a built file counts for; every feed counts as 'feeds', whatever its folder."""
    if rel.name == "feed.xml":
        return "feeds"
    return "sitemap" if rel.name.startswith("sitemap") else SECTIONS.get(rel.parts[0], "other")


def measure(site: Path) -> Counter:
    """Bytes of the built site per section, and under 'files' the number of files."""
    sizes: Counter = Counter()
    for path in site.rglob("*"):
        if path.is_file():
            sizes[section_of(path.relative_to(site))] += path.stat().st_size
            sizes["files"] += 1
    return sizes


def report(name: str, sizes: Counter, articles: int) -> None:
    """One line for the whole site, then its sections by size, each per article."""
    total = sum(v for k, v in sizes.items() if k != "files")
    print(f"{name}: {articles} articles, {sizes['files']} files, {total / 1e6:.1f} MB, "
          f"{total / articles / 1000:.1f} KB per article")
    for key, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        if key != "files":
            print(f"  {key:14s} {size / 1e6:8.2f} MB  {size / articles / 1000:6.2f} KB per article")


def build(sitegen: str, home: Path, content: Path) -> Path:
    """Build `content` into home/site with a cache of its own; the output folder."""
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "XDG_CACHE_HOME": str(home / "cache")}
    subprocess.run([sitegen, "-q", "build", "--content", str(content), "--out", str(home / "site")],
                   check=True, env=env, cwd=home)
    return home / "site"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--real", type=Path, default=REAL, help="the real archive's CSV (default: 10kGNAD)")
    ap.add_argument("--articles", type=int, default=10000, help="size of the synthetic archive")
    ap.add_argument("--synthetic", type=Path, help="build this content folder as the synthetic archive")
    ap.add_argument("--sitegen", default=str(Path(sys.executable).with_name("sitegen")),
                    help="the sitegen command (default: the one beside this Python)")
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it (the ingest is reused)")
    ap.add_argument("--site", type=Path, help="only measure this built site ...")
    ap.add_argument("--count", type=int, help="... of this many articles")
    a = ap.parse_args()
    a.sitegen = os.path.abspath(a.sitegen) if os.sep in a.sitegen else a.sitegen  # the builds run elsewhere
    if a.site:
        report(str(a.site), measure(a.site), a.count)
        return
    work = a.keep or Path(tempfile.mkdtemp(prefix="bench-bytes-"))
    work.mkdir(parents=True, exist_ok=True)
    if a.real.is_file():
        content = work / "real" / "articles"
        if not content.is_dir():
            subprocess.run([a.sitegen, "-q", "ingest", str(a.real), "--out", str(content)], check=True)
        count = len(list(content.glob("*.md")))
        report("real (10kGNAD)", measure(build(a.sitegen, work / "real", content)), count)
    else:
        print(f"real archive skipped: {a.real} is absent", file=sys.stderr)
    synthetic = work / "synthetic"
    content = a.synthetic or synthetic / "content" / "articles"
    if not content.is_dir():
        subprocess.run([sys.executable, str(HERE / "gen_archive.py"), str(a.articles), str(synthetic)],
                       check=True, stdout=subprocess.DEVNULL)
    count = sum(1 for _ in content.rglob("*.md"))
    report(f"synthetic ({content.name})", measure(build(a.sitegen, synthetic, content)), count)


if __name__ == "__main__":
    main()
