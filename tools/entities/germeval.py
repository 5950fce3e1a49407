"""Read GermEval 2014 NER files into (source URL, tokens, outer tags) sentences."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "germeval2014"
CLASSES = ("PER", "LOC", "ORG")


@dataclass(frozen=True)
class Sentence:
    source: str
    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def is_wiki(self) -> bool:
        return "wikipedia.org" in self.source


def simplify(tag: str) -> str:
    """Outer tag reduced to the evaluation classes: OTH, *deriv, *part become O."""
    if tag == "O" or tag[2:] not in CLASSES:
        return "O"
    return tag


def read(path: Path | str) -> list[Sentence]:
    """All sentences of one GermEval file."""
    out: list[Sentence] = []
    source, toks, tags = "", [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith(("#\t", "# ")):
            source = line.split("\t")[1] if "\t" in line else line[2:]
        elif not line.strip():
            if toks:
                out.append(Sentence(source, tuple(toks), tuple(tags)))
            toks, tags = [], []
        else:
            cols = line.split("\t")
            toks.append(cols[1])
            tags.append(simplify(cols[2]))
    if toks:
        out.append(Sentence(source, tuple(toks), tuple(tags)))
    return out


def splits(folder: Path | str = DEFAULT_DIR) -> tuple[list[Sentence], list[Sentence]]:
    """(training sentences: dev + wiki half of test, evaluation sentences: news half of test)."""
    folder = Path(folder)
    test = read(folder / "NER-de-test.tsv")
    train = read(folder / "NER-de-dev.tsv") + [s for s in test if s.is_wiki]
    return train, [s for s in test if not s.is_wiki]


def spans(tags) -> set[tuple[int, int, str]]:
    """Strict BIO spans (start, end, class); an I- without a matching B- starts a span."""
    out, start, cls = set(), None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == cls):
            out.add((start, i, cls))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, cls = i, tag[2:]
    return out
