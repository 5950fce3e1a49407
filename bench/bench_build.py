#!/usr/bin/env python3
"""Benchmark `sitegen build` alone: cold build, rebuild after one edit, no-change rebuild, and scaling.

    python3 bench/bench_build.py [--articles 10000] [--scale 100000] [--sitegen sitegen]

Each run builds into an empty output folder with an empty cache (cold), then edits one article and builds
again (warm), then builds once more with nothing changed. Figures are printed as ratios to the cold build of
the same run, so a busy machine shifts them less; seconds and peak memory are printed beside them.
With --scale M the cold build of M articles is compared to that of --articles N (linear would be M/N)."""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Run cmd; wall seconds and peak RSS (MiB) of the process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def archive(n: int, work: Path) -> Path:
    """A generated archive of n articles (cached between runs)."""
    folder = work / f"archive-{n}"
    if not (folder / "content").is_dir():
        subprocess.run([sys.executable, str(HERE / "gen_archive.py"), str(n), str(folder)], check=True)
    return folder


def output_bytes(folder: Path) -> tuple[int, int]:
    """Number of files and their total size."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def run(n: int, sitegen: str, work: Path) -> dict[str, float]:
    """Cold, edited and unchanged builds of an n-article archive."""
    source = archive(n, work)
    home = Path(tempfile.mkdtemp(dir=work, prefix=f"run-{n}-"))
    shutil.copytree(source / "content", home / "content")
    cmd = [sitegen, "build"]
    cold, cold_rss = timed(cmd, home)
    target = sorted((home / "content" / "articles").glob("*.md"))[n // 2]
    target.write_text(target.read_text(encoding="utf-8") + "\nEin geänderter Absatz.\n", encoding="utf-8")
    edited, _ = timed(cmd, home)
    unchanged, _ = timed(cmd, home)
    files, size = output_bytes(home / "_site")
    shutil.rmtree(home)
    return {"cold": cold, "rss": cold_rss, "edited": edited, "unchanged": unchanged, "files": files,
            "per_article": size / n}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--scale", type=int, default=0, help="also build this many articles and compare")
    parser.add_argument("--sitegen", default=shutil.which("sitegen") or "sitegen")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "sitegen-bench-own")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    base = run(args.articles, args.sitegen, args.work)
    print(f"{args.articles} articles: cold {base['cold']:.2f} s, peak {base['rss']:.0f} MiB, "
          f"{base['files']} files, "
          f"{base['per_article'] / 1024:.1f} KB/article")
    print(f"rebuild after one edit: {base['edited'] / base['cold']:.3f} of the cold build "
          f"({base['edited']:.2f} s)")
    print(f"rebuild, nothing changed: {base['unchanged'] / base['cold']:.3f} of the cold build "
          f"({base['unchanged']:.2f} s)")
    if args.scale:
        big = run(args.scale, args.sitegen, args.work)
        print(f"{args.scale} articles: cold {big['cold']:.2f} s, peak {big['rss']:.0f} MiB; "
              f"{big['cold'] / base['cold']:.2f} times the {args.articles}-article build "
              f"(linear: {args.scale / args.articles:.0f})")


if __name__ == "__main__":
    main()
