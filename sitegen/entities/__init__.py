"""German named entities (people, places, organisations) and topic tags, offline.

extract(text, registry) -> Entities; load_registry(path) -> Registry; tag_file(path) prints BIO tags.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import SitegenError, reason
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
    """Print 'token<TAB>BIO tag' for a UTF-8 file of one token a line (blank line between sentences); exit
    status 0, a SitegenError if the file cannot be read."""
    data, fix = b"", "gib eine UTF-8-Datei mit einem Token pro Zeile an"
    try:
        data = Path(path).read_bytes()
        lines = data.decode("utf-8-sig").splitlines()
    except OSError as exc:
        raise SitegenError(reason(exc), path=path, fix=fix) from None
    except UnicodeDecodeError as exc:
        start = exc.start + 3 * data.startswith(b"\xef\xbb\xbf")  # utf-8-sig counts from after the BOM
        raise SitegenError(f"ist nicht UTF-8 (Byte {start})", path=path,
                           line=data[:start].count(b"\n") + 1, fix=fix) from None
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
