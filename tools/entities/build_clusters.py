"""Build data/clusters.tsv: word clusters from the GermEval training text (NER-de-dev.tsv + Wikipedia half
of test), with --smartdata also from the text of the SmartData documents (the shipped file is built without).

Only text is used (labels ignored); the news half of NER-de-test.tsv and any other corpus (10kGNAD in
particular) are never read. Distributional vectors (left/right neighbour counts, PPMI, SVD) grouped by
k-means at the granularities --sizes gives (64 and 320 clusters).
Run: python -m tools.entities.build_clusters [--data DIR] [--smartdata DIR] [--sizes 64,320] [--out FILE]
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from sitegen.entities.lexicon import DATA

from sitegen.entities.tokenize import sentences

from . import germeval, smartdata

OUT = DATA / "clusters.tsv"


def corpus(data: Path = germeval.DEFAULT_DIR, smart: Path | None = None) -> list[list[str]]:
    """Token lists of the training sentences (dev + Wikipedia half of test; the news half is not read) and,
    given a folder, of every SmartData document."""
    train, _ = germeval.splits(data)
    out = [list(s.tokens) for s in train]
    for name in smartdata.FILES if smart else ():
        for doc in smartdata.documents(smart / name):
            out += [[t.text for t in sent] for sent in sentences(doc["text"]["string"])]
    return out


def vectors(sents, min_count=2, n_ctx=1500, dims=80):
    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, c in counts.items() if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, (w, _) in enumerate(Counter(w.lower() for s in sents for w in s).most_common(n_ctx))}
    mat = np.zeros((len(vocab), 2 * n_ctx), dtype=np.float32)
    for s in sents:
        low = ["<s>"] + [w.lower() for w in s] + ["</s>"]
        for i, w in enumerate(s):
            row = index.get(w)
            if row is None:
                continue
            for j, off in ((low[i], 0), (low[i + 2], n_ctx)):
                if j in ctx:
                    mat[row, ctx[j] + off] += 1
    total = mat.sum()
    pmi = np.log((mat * total + 1e-9) / (mat.sum(1, keepdims=True) * mat.sum(0, keepdims=True) + 1e-9))
    pmi = np.maximum(pmi, 0) * (mat > 0)
    # the leading left singular vectors times their values, through the (contexts x contexts) Gram matrix
    pmi = pmi.astype(np.float64)
    _, right = np.linalg.eigh(pmi.T @ pmi)
    vec = pmi @ right[:, ::-1][:, :dims]
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    return vocab, vec


def kmeans(vec, k, iters=25, seed=0):
    rng = np.random.default_rng(seed)
    cent = vec[rng.choice(len(vec), k, replace=False)]
    for _ in range(iters):
        lab = np.argmax(vec @ cent.T, axis=1)
        for c in range(k):
            members = vec[lab == c]
            if len(members):
                cent[c] = members.mean(0)
        cent /= np.linalg.norm(cent, axis=1, keepdims=True) + 1e-9
    return lab


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])  # the first paragraph: one sentence
    ap.add_argument("--data", default=str(germeval.DEFAULT_DIR))
    ap.add_argument("--smartdata", default="", help="a SmartData folder: its documents' text too")
    ap.add_argument("--sizes", default="64,320", help="cluster counts, coarse to fine (one column each)")
    ap.add_argument("--min-count", type=int, default=2, help="words seen at least this often")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    sents = corpus(Path(args.data), Path(args.smartdata) if args.smartdata else None)
    vocab, vec = vectors(sents, min_count=args.min_count)
    cols = [kmeans(vec, int(k), seed=i) for i, k in enumerate(args.sizes.split(","))]
    order = sorted(range(len(vocab)), key=vocab.__getitem__)
    lines = ["\t".join([vocab[i], *(str(c[i]) for c in cols)]) for i in order]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(vocab)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
