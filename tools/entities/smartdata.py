"""The DFKI SmartData corpus (character offsets, concatenated JSON) as BIO sentences in GermEval's classes.

Type mapping: organization-company and organization -> ORG; person -> PER; location, location-city,
location-street and location-stop -> LOC (GermEval tags streets, squares and stations as places);
location-route (train and bus lines, "RE 7", "A7") and org-position ("Chef", "CEO") are not names -> O.
A sentence is dropped when a mapped mention is noise for GermEval's guidelines: a lower-case word
("italienische", GermEval's LOCderiv), a common noun standing for a company ("Gruppe"), a road code,
or a span that does not fall on token boundaries (other than the first part of a hyphen compound, "SPD-Chef",
which GermEval tags ORGpart, i.e. O here). Tweets are left out (their hashtags and handles are no news text).
Run: python -m tools.entities.smartdata [--data ../shared/data/smartdata]   (prints counts)
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path

from sitegen.entities import lexicon
from sitegen.entities.tokenize import sentences

from .germeval import Sentence

DEFAULT_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "smartdata"
FILES = ("smartdata-v1-train.json.gz", "smartdata-v1-test.json.gz")
TYPES = {"organization-company": "ORG", "organization": "ORG", "person": "PER", "location": "LOC",
         "location-city": "LOC", "location-street": "LOC", "location-stop": "LOC"}
ROAD_CODE = re.compile(r"[A-Z]{1,3} ?\d+[a-z]?")


def documents(path: Path):
    """Every JSON object of one concatenated, gzipped file."""
    text, decoder, pos = gzip.decompress(Path(path).read_bytes()).decode("utf-8"), json.JSONDecoder(), 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return
        doc, pos = decoder.raw_decode(text, pos)
        yield doc


def _source(doc: dict) -> str:
    found = re.search(r'featureName="source" featureValue="([^"]*)"', doc.get("raw") or "")
    return found.group(1) if found else ""


def _noise(surface: str) -> bool:
    """A mention GermEval would not tag as a name."""
    if not surface[:1].isupper() or ROAD_CODE.fullmatch(surface):
        return True
    if " " in surface or surface in lexicon.orgs() or surface in lexicon.known():
        return False
    tag, known = lexicon.pos(surface)
    return known and tag == "NN"


def doc_sentences(doc: dict) -> tuple[list[Sentence], Counter]:
    """The document's sentences with BIO tags; noisy sentences are dropped (and counted)."""
    text = doc["text"]["string"]
    spans = [(m["span"]["start"], m["span"]["end"], TYPES[m["type"]]) for m in doc["conceptMentions"]["array"]
             if m["type"] in TYPES]
    stats: Counter = Counter()
    out = []
    for sent in sentences(text):
        lo, hi = sent[0].start, sent[-1].end
        inside = [s for s in spans if s[0] < hi and s[1] > lo]
        tags, ok = ["O"] * len(sent), True
        for start, end, cls in inside:
            idx = [i for i, t in enumerate(sent) if t.start < end and t.end > start]
            exact = idx and sent[idx[0]].start == start and sent[idx[-1]].end == end
            first = sent[idx[0]] if idx else None
            part = len(idx) == 1 and first.start == start and first.text[end - start:][:1] == "-"
            if part:
                continue
            if not exact or _noise(text[start:end]):
                ok = False
                break
            tags[idx[0]] = f"B-{cls}"
            for i in idx[1:]:
                tags[i] = f"I-{cls}"
        stats["kept" if ok else "dropped"] += 1
        if ok:
            out.append(Sentence(doc.get("id", ""), tuple(t.text for t in sent), tuple(tags)))
    return out, stats


def read(folder: Path | str = DEFAULT_DIR, needs: str = "ORG") -> list[Sentence]:
    """The news and RSS sentences of both SmartData files (train and test: none is our evaluation set) that
    name at least one entity of class `needs` ('': of any class): its annotators left many other names
    untagged."""
    out = []
    for name in FILES:
        for doc in documents(Path(folder) / name):
            if _source(doc) != "tweet":
                out += [s for s in doc_sentences(doc)[0]
                        if f"B-{needs}" in s.tags or not needs and set(s.tags) != {"O"}]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DEFAULT_DIR))
    args = ap.parse_args(argv)
    sents = read(args.data)
    names = Counter(t[2:] for s in sents for t in s.tags if t.startswith("B-"))
    print(f"{len(sents)} sentences, {sum(map(len, (s.tokens for s in sents)))} tokens, names {dict(names)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
