"""Build sitegen/entities/data/noun_forms.txt: capitalised word forms of permissively licensed German text,
the dictionary a topic tag's lemma is checked against (a lemma must end in one of them: 'Auffangzentrum',
never 'Auffangzentr').

Sources (both CC BY 4.0, see sitegen/entities/data/NOTICE.md): the GermEval 2014 sentences the project
trains on (NER-de-dev.tsv and the Wikipedia half of NER-de-test.tsv) and the training half of the DFKI
SmartData corpus; capitalised tokens outside annotated names and not first in their sentence: nouns.
Only word forms are kept (no sentence, no count), each of at least four letters.
Run: python tools/tags/build_noun_forms.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "sitegen" / "entities" / "data" / "noun_forms.txt"
NAME_TYPES = ("person", "location", "organization", "org-")
WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{3,}")


def germeval_words(folder: Path) -> set[str]:
    """Capitalised tokens outside names and not first in their sentence, of NER-de-dev.tsv and of the
    Wikipedia sentences of NER-de-test.tsv: the nouns."""
    words: set[str] = set()
    for name, wiki_only in (("NER-de-dev.tsv", False), ("NER-de-test.tsv", True)):
        keep = not wiki_only
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                keep = not wiki_only or "wikipedia.org" in line
            elif keep and line.strip():
                number, token, outer, inner = line.split("\t")[:4]
                if number != "1" and outer == inner == "O" and WORD.fullmatch(token):
                    words.add(token)
    return words


def smartdata_words(path: Path) -> set[str]:
    """Capitalised words of the SmartData training documents outside names and not first in a sentence."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        text = fh.read()
    decoder, words, pos = json.JSONDecoder(), set(), 0
    while (pos := _skip_space(text, pos)) < len(text):
        doc, pos = decoder.raw_decode(text, pos)
        body = doc["text"]["string"]
        mentions = doc.get("conceptMentions", {}).get("array", [])
        names = [(m["span"]["start"], m["span"]["end"]) for m in mentions if m["type"].startswith(NAME_TYPES)]
        for match in WORD.finditer(body):
            before = body[: match.start()].rstrip()
            if before and before[-1] not in ".!?:\"'»«" and not any(a < match.end() and match.start() < b
                                                                      for a, b in names):
                words.add(match.group())
    return words


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / ".." / "shared" / "data")
    args = ap.parse_args(argv)
    words = germeval_words(args.data / "germeval2014") | smartdata_words(args.data / "smartdata" /
                                                                          "smartdata-v1-train.json.gz")
    head = ("# Capitalised word forms (4+ letters, not a name, not first in the sentence) of GermEval 2014"
            " (dev + Wikipedia half of test) and the SmartData training documents, both CC BY 4.0;"
            " built by tools/tags/build_noun_forms.py\n")
    OUT.write_text(head + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(words)} word forms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
