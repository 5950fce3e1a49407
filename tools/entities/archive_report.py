"""Archive-wide checks of an ingested content folder: split pairs, particle endings, short names, a sample.

Run: python -m tools.entities.archive_report FOLDER [--sample] [--seed 14] [--audit FIELD TSV]
FOLDER holds the article files `sitegen ingest` wrote. Split pairs are found independently of the resolver:
genitive or inflected form beside its base, a surname alone beside the one full name with that surname,
spellings equal without accents, an abbreviation equal to the initials of a full name.
"""
from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

import frontmatter

from sitegen.entities.normalize import folded, initials, key, transliterated
from sitegen.entities.tails import PARTICLES

FIELDS = ("people", "places", "organisations")
SAMPLE = {"people": 100, "places": 60, "organisations": 60}


def names(folder: Path) -> dict[str, Counter]:
    """Field -> how many articles name each entity."""
    out = {f: Counter() for f in FIELDS}
    for path in sorted(folder.glob("*.md")):
        meta = frontmatter.load(path).metadata
        for f in FIELDS:
            out[f].update(set(meta.get(f) or []))
    return out


def split_pairs(found: dict[str, Counter]) -> list[tuple[str, str, str]]:
    """(kind, name, other name) for every pair of distinct names that look like one entity."""
    every = sorted({n for c in found.values() for n in c})
    pairs: set[tuple[str, str, str]] = set()
    by_key: dict[str, list[str]] = {}
    for n in every:
        by_key.setdefault(key(n.split()), []).append(n)
        by_key.setdefault("fold " + folded(n), []).append(n)
        by_key.setdefault("fold " + transliterated(n), []).append(n)  # 'ÖRAK', 'OERAK'
    for k, group in by_key.items():
        for a in group:
            for b in group:
                if a < b:
                    pairs.add(("Akzent" if k.startswith("fold ") else "Flexion", a, b))
    names_set = set(every)
    for n in every:
        for end in ("s", "'", "’s", "es"):
            if n.endswith(end) and n[: -len(end)] in names_set:
                pairs.add(("Genitiv", n[: -len(end)], n))
    people = sorted(found["people"])
    for n in people:
        if " " not in n:
            full = [f for f in people if f.endswith(" " + n)]
            if len(full) == 1:
                pairs.add(("Nachname", n, full[0]))
    orgs = set(found["organisations"]) | set(found["places"])
    for n in orgs:
        if re.fullmatch(r"[A-ZÄÖÜ]{2,6}", n):
            for full in orgs:
                if " " in full and initials(full.split()) == n:
                    pairs.add(("Abkürzung", n, full))
    return sorted(pairs)


def audited(index: Counter, audit: Path) -> str:
    """How an index stands against an audit of an earlier index (name, verdict ok/junk, kind, ...): the junk
    names it still holds, the ok names it lost, the names it has that the audit did not judge."""
    rows = [line.split("\t") for line in audit.read_text("utf-8").splitlines()[1:] if line.strip()]
    verdict = {row[0]: row[1] for row in rows}
    junk = sorted(n for n in index if verdict.get(n) == "junk")
    lost = sorted(n for n, v in verdict.items() if v == "ok" and n not in index)
    new = sorted(n for n in index if n not in verdict)
    share = len(junk) / max(len(index), 1)
    return (f"{audit.name}: {len(index)} names, {len(junk)} judged junk ({share:.1%}) "
            f"of the audit's {sum(v == 'junk' for v in verdict.values())}; {len(lost)} judged ok gone "
            f"{lost[:12]}; {len(new)} not judged {new[:12]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--sample", action="store_true", help="print the random sample to judge by hand")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--audit", nargs=2, action="append", default=[], metavar=("FIELD", "TSV"),
                    help="score the index against a whole-index audit (gold/archive_audit_*.tsv)")
    args = ap.parse_args(argv)
    found = names(Path(args.folder))
    for f in FIELDS:
        print(f"{f}: {len(found[f])} distinct, {sum(found[f].values())} article mentions")
    pairs = split_pairs(found)
    print(f"split pairs: {len(pairs)}")
    for kind, a, b in pairs:
        print(f"  {kind}: {a} / {b}")
    particle = [n for n in found["people"] if n.split()[-1].rsplit("-", 1)[-1].lower() in PARTICLES]
    short = [n for f in FIELDS for n in found[f] if len(n.replace(".", "").strip()) <= 2]
    print(f"people ending in a particle: {len(particle)} {sorted(particle)}")
    print(f"names of one or two letters: {len(short)} {sorted(short)}")
    for field, audit in args.audit:
        print(audited(found[field], Path(audit)))
    if args.sample:
        rng = random.Random(args.seed)
        for f, n in SAMPLE.items():
            pick = rng.sample(sorted(found[f]), min(n, len(found[f])))
            print(f"sample {f} (seed {args.seed}, {len(pick)}):")
            for name in pick:
                print(f"  {name}\t{found[f][name]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
