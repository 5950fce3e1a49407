#!/usr/bin/env python3
"""Two sitegen commands on the same archive, in alternating runs: cold build and rebuilds after an edit.

    python3 bench/compare_builds.py BASELINE_CMD [--sitegen CMD] [--articles 10000] [--runs 3] [--content DIR]

BASELINE_CMD is another sitegen (e.g. a script running an earlier commit). Each run copies the archive, builds
it cold with an empty cache of its own (XDG_CACHE_HOME), appends a paragraph to one article and builds again,
then edits another article and builds once more (the rebuild that can fill the site the first one retired).
The two commands alternate (a, b, b, a, ...), and the ratios new/baseline are taken pair by pair and their
medians printed, so a drift of a busy machine's speed hits both sides."""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_build import archive


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Run cmd; its wall seconds and CPU seconds (user and system, its own and its waited-for children's)."""
    before, start = sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2]), time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stderr.decode(errors='replace')[-2000:]}")
    return time.perf_counter() - start, sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2]) - before


def run(sitegen: str, content: Path, work: Path) -> tuple[float, ...]:
    """Cold build and two rebuilds after an edit each, of a fresh copy of `content`: wall and CPU seconds."""
    home = Path(tempfile.mkdtemp(dir=work, prefix="run-"))
    shutil.copytree(content, home / "content")
    env = {**os.environ, "XDG_CACHE_HOME": str(home / "cache")}
    cmd = [sitegen, "build", "--content", str(home / "content"), "--out", str(home / "_site")]
    cold = timed(cmd, home, env)
    files = sorted((home / "content").rglob("*.md"))
    edited = []
    for target in (files[len(files) // 2], files[len(files) // 3]):
        target.write_text(target.read_text(encoding="utf-8") + "\nEin geänderter Absatz.\n", encoding="utf-8")
        edited += timed(cmd, home, env)
    shutil.rmtree(home)
    return (*cold, *edited)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("baseline")
    parser.add_argument("--sitegen", default=shutil.which("sitegen") or "sitegen")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--content", type=Path, help="an archive's content folder (default: a generated one)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "sitegen-bench-own")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    content = args.content or archive(args.articles, args.work) / "content"
    rows: dict[str, list[tuple[float, ...]]] = {"baseline": [], "new": []}
    for i in range(args.runs):
        order = [("baseline", args.baseline), ("new", args.sitegen)]
        for name, cmd in order if i % 2 == 0 else reversed(order):
            rows[name].append(run(cmd, content, args.work))
            cold, cold_cpu, edit, edit_cpu, second, second_cpu = rows[name][-1]
            print(f"run {i + 1} {name}: cold {cold:.2f} s (CPU {cold_cpu:.2f} s), after an edit {edit:.2f} s "
                  f"(CPU {edit_cpu:.2f} s), after a second edit {second:.2f} s (CPU {second_cpu:.2f} s)",
                  flush=True)
    labels = ("cold build", "cold build CPU", "rebuild after one edit", "rebuild CPU",
              "rebuild after a second edit", "second rebuild CPU")
    for column, label in enumerate(labels):
        ratio = statistics.median(n[column] / b[column] for n, b in zip(rows["new"], rows["baseline"]))
        print(f"{label}: new/baseline median {ratio:.3f} (baseline median "
              f"{statistics.median(b[column] for b in rows['baseline']):.2f} s, new "
              f"{statistics.median(n[column] for n in rows['new']):.2f} s)")


if __name__ == "__main__":
    main()
