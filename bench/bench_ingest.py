"""Ingest speed of this tree against a baseline revision in one run; the same bytes from 1 and 2 processes.

Each round ingests the 10kGNAD dump once with the baseline's code (a `git archive` of REV) and once with this
tree's, alternately, with the default number of processes, each in a fresh output folder with a fresh entity
cache and XDG_CACHE_HOME, in a process of its own. Then this tree ingests once more in one process, and its
folder must be byte-identical to the last run's.
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
       "registry=Path(sys.argv[5]), log=lambda _: None, progress=False, jobs=int(sys.argv[6]) or None); "
       "print(len(s.created))")


def export(rev: str, into: Path) -> Path:
    """The files of revision `rev` in a folder of their own."""
    archive = into / "base.tar"
    subprocess.run(["git", "archive", "-o", str(archive), rev], cwd=ROOT, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "base", filter="data")
    return into / "base"


def timed(tree: Path, out: Path, jobs: int = 0) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of it and its workers) of one ingest with the code in `tree` into
    `out`/articles; `jobs` 0 is the default number of processes."""
    args = [str(GNAD.resolve()), str(out / "articles"), str(out), str(out / "cache.sqlite"),
            str(tree / "content" / "entities.yaml"), str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(tree), "XDG_CACHE_HOME": str(out / "xdg")}
    env.pop("SITEGEN_JOBS", None)
    start, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run([sys.executable, "-c", RUN, *args], cwd=tree, capture_output=True, text=True,
                          env=env)
    if done.returncode or done.stdout.strip() != "1028":
        raise SystemExit(f"ingest with {tree} failed: {done.stdout[-300:]}{done.stderr[-2000:]}")
    return time.perf_counter() - start, _children_cpu() - cpu


def files(out: Path) -> dict[str, bytes]:
    """Every file an ingest wrote, by name."""
    return {p.name: p.read_bytes() for p in sorted((out / "articles").iterdir())}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", default="main")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    if not GNAD.exists():
        print(f"skipped: {GNAD} is absent")
        return 0
    rev = subprocess.run(["git", "rev-parse", "--short", args.baseline], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.strip()
    print(f"baseline {args.baseline} ({rev}); start: {_load()}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base = export(args.baseline, work)
        times: dict[str, list[tuple[float, float]]] = {"baseline": [], "this tree": []}
        for n in range(args.rounds):
            times["baseline"].append(timed(base, work / f"base{n}"))
            times["this tree"].append(timed(ROOT, work / f"tree{n}"))
            (bw, bc), (tw, tc) = times["baseline"][-1], times["this tree"][-1]
            print(f"round {n + 1}: baseline {bw:.1f} s ({bc:.1f} s CPU), this tree {tw:.1f} s "
                  f"({tc:.1f} s CPU), {bw / tw:.2f} times as fast; {_load()}", flush=True)
        one, one_cpu = timed(ROOT, work / "one", jobs=1)
        last = files(work / f"tree{args.rounds - 1}")
        same = files(work / "one") == last
        print(f"this tree in one process: {one:.1f} s ({one_cpu:.1f} s CPU); "
              f"{len(last)} files, byte-identical to the default run: {'yes' if same else 'NO'}; "
              f"identical to the baseline's: {'yes' if files(work / 'base0') == last else 'no'}")
    for what, index in (("wall clock", 0), ("CPU", 1)):
        best = {k: min(t[index] for t in v) for k, v in times.items()}
        base, tree = best["baseline"], best["this tree"]
        print(f"best of {args.rounds}, {what}: baseline {base:.1f} s, this tree {tree:.1f} s: "
              f"this tree {base / tree:.2f} times as fast")
    print(f"end: {_load()}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
