"""Ingest speed of this tree against a baseline revision, measured in one run (the ratio is what counts).

Each round ingests the 10kGNAD dump once with the baseline's code (a `git archive` of REV) and once with this
tree's, alternately, each in a fresh output folder with a fresh entity cache, in a process of its own.
Run: python bench/bench_ingest.py [--baseline main] [--rounds 2]   (needs ../shared/data/10kgnad)
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GNAD = ROOT / ".." / "shared" / "data" / "10kgnad" / "articles.csv"
RUN = ("import sys; from pathlib import Path; from sitegen.ingest import ingest; "
       "s = ingest([Path(sys.argv[1])], Path(sys.argv[2]), root=Path(sys.argv[3]), cache=Path(sys.argv[4]), "
       "registry=Path(sys.argv[5]), log=lambda _: None, progress=False); print(len(s.created))")


def export(rev: str, into: Path) -> Path:
    """The files of revision `rev` in a folder of their own."""
    archive = into / "base.tar"
    subprocess.run(["git", "archive", "-o", str(archive), rev], cwd=ROOT, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "base", filter="data")
    return into / "base"


def timed(tree: Path, work: Path, name: str) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of it and its workers) of one ingest with the code in `tree`."""
    out = work / name
    args = [str(GNAD.resolve()), str(out / "articles"), str(out), str(out / "cache.sqlite"),
            str(tree / "content" / "entities.yaml")]
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, "-c", RUN, *args], cwd=tree, check=True, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(tree)})
    return time.perf_counter() - start, _children_cpu() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", default="main")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    if not GNAD.exists():
        print(f"skipped: {GNAD} is absent")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base = export(args.baseline, work)
        times: dict[str, list[tuple[float, float]]] = {"baseline": [], "this tree": []}
        for n in range(args.rounds):
            times["baseline"].append(timed(base, work, f"base{n}"))
            times["this tree"].append(timed(ROOT, work, f"tree{n}"))
            (bw, bc), (tw, tc) = times["baseline"][-1], times["this tree"][-1]
            print(f"round {n + 1}: baseline {bw:.1f} s ({bc:.1f} s CPU), "
                  f"this tree {tw:.1f} s ({tc:.1f} s CPU)", flush=True)
    for what, index in (("wall clock", 0), ("CPU", 1)):
        best = {k: min(t[index] for t in v) for k, v in times.items()}
        base, tree = best["baseline"], best["this tree"]
        print(f"best of {args.rounds}, {what}: baseline ({args.baseline}) {base:.1f} s, "
              f"this tree {tree:.1f} s, ratio {tree / base:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
