"""German named entities (people, places, organisations) and topic tags, offline.

extract(text, registry) -> Entities; load_registry(path) -> Registry; tag_file(path) prints BIO tags.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass

from .mentions import bio, mentions
from .registry import Registry, load_registry
from .resolve import resolve
from .topics import tags as topic_tags

__all__ = ["Entities", "Registry", "extract", "load_registry", "tag_file"]


@dataclass(frozen=True)
class Entities:
    people: tuple[str, ...]
    places: tuple[str, ...]
    organisations: tuple[str, ...]
    tags: tuple[str, ...]


def extract(text: str, registry: Registry | None = None) -> Entities:
    """Entities of one article (caption plus body), each listed once by canonical name, in order of
    mention."""
    registry = registry if registry is not None else Registry()
    found = resolve(mentions(text, registry), registry)
    by = {c: tuple(f.name for f in found if f.cls == c) for c in ("PER", "LOC", "ORG")}
    exclude = {w for f in found for w in f.name.split()}
    people = frozenset(w for n in by["PER"] for w in n.split())
    return Entities(by["PER"], by["LOC"], by["ORG"], topic_tags(text, exclude, registry, people))


def tag_file(path: str, out=sys.stdout) -> int:
    """Print 'token<TAB>BIO tag' for a file of one token a line (blank line between sentences); exit
    status."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"sitegen tag: {path}: {exc.strerror if isinstance(exc, OSError) else exc} "
              "(give a UTF-8 file with one token a line)", file=sys.stderr)
        return 1
    sent: list[str] = []
    for line in lines + [""]:
        token = line.strip()
        if token:
            sent.append(token)
            continue
        if sent:
            for tok, label in zip(sent, bio(sent)):
                out.write(f"{tok}\t{label}\n")
            out.write("\n")
        sent = []
    return 0
