"""The editors' entity registry (content/entities.yaml): canonical names, types, aliases, ignore list."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import SitegenError
from ..limits import compose_yaml

TYPES = {"person": "PER", "place": "LOC", "organisation": "ORG", "organization": "ORG", "tag": "TAG"}
KEYS = {"name", "type", "aliases", "description", "wikidata", "gnd"}
FIX = "see the example at the top of content/entities.yaml"


@dataclass(frozen=True)
class Entry:
    name: str
    type: str  # person, place, organisation or tag
    aliases: tuple[str, ...] = ()
    description: str = ""
    wikidata: str = ""
    gnd: str = ""

    @property
    def cls(self) -> str:
        return TYPES[self.type]


@dataclass(frozen=True)
class Registry:
    entries: tuple[Entry, ...] = ()
    ignore: frozenset[str] = frozenset()
    index: dict = field(default_factory=dict, compare=False, hash=False)  # folded surface form -> Entry

    def lookup(self, name: str) -> Entry | None:
        """The entry whose name or alias is this surface form (case-insensitive), if any."""
        return self.index.get(name.casefold())

    def ignored(self, name: str) -> bool:
        return name.casefold() in self.ignore


def _parse(path: Path) -> tuple[object, list[int]]:
    """The YAML data and the 1-based line of each item under `entities:`."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        fix = "speichere die Datei als UTF-8, z. B. mit iconv -f WINDOWS-1252 -t UTF-8"
        line = exc.object[:exc.start].count(b"\n") + 1
        raise SitegenError(f"ist nicht UTF-8 (Byte {exc.start})", path, line, fix) from None
    data, root = compose_yaml(text, path, fix="prüfe Einrückung und Anführungszeichen in dieser Zeile")
    lines: list[int] = []
    if isinstance(root, yaml.MappingNode):
        for k, v in root.value:
            if k.value == "entities" and isinstance(v, yaml.SequenceNode):
                lines = [item.start_mark.line + 1 for item in v.value]
    return data, lines


def _strings(value, what: str, path: Path, line: int | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise SitegenError(f"{what} must be a list of names", path=path, line=line,
                           fix=f"write {what}: [Name one, Name two]")
    return tuple(str(v).strip() for v in value if str(v).strip())


def _entry(raw, path: Path, line: int | None) -> Entry:
    if not isinstance(raw, dict):
        raise SitegenError("an entity must be a mapping with name and type", path=path, line=line, fix=FIX)
    unknown = set(raw) - KEYS
    if unknown:
        raise SitegenError(f"unknown key {sorted(unknown)[0]!r} in entity", path=path, line=line,
                           fix=f"use only {', '.join(sorted(KEYS))}")
    name, typ = raw.get("name"), raw.get("type")
    if not isinstance(name, str) or not name.strip():
        raise SitegenError("entity without a name", path=path, line=line, fix="add name: Canonical Name")
    if typ not in TYPES:
        raise SitegenError(f"entity {name!r} has type {typ!r}", path=path, line=line,
                           fix="use type: person, place, organisation or tag")
    extra = {k: "" if raw.get(k) is None else str(raw[k]).strip() for k in ("description", "wikidata", "gnd")}
    for k, pattern, example in (("wikidata", r"Q[1-9]\d*", "Q7747"),
                                ("gnd", r"[0-9][0-9X-]{5,12}", '"12318209X"')):
        if extra[k] and not re.fullmatch(pattern, extra[k]):
            raise SitegenError(f"entity {name!r} has {k} {extra[k]!r}", path=path, line=line,
                               fix=f"write {k}: {example} (or leave it out)")
    typ = "organisation" if typ == "organization" else typ
    return Entry(name.strip(), typ, _strings(raw.get("aliases"), "aliases", path, line), **extra)


def load_registry(path) -> Registry:
    """Read the registry; a missing file is an empty registry, a malformed one a SitegenError."""
    path = Path(path)
    if not path.exists():
        return Registry()
    data, lines = _parse(path)
    line_of = dict(enumerate(lines))
    if data is None:
        return Registry()
    if not isinstance(data, dict) or set(data) - {"entities", "ignore"}:
        raise SitegenError("the registry must be a mapping with the keys entities and ignore", path=path,
                           line=1, fix=FIX)
    raw = data.get("entities") or []
    if not isinstance(raw, list):
        raise SitegenError("entities must be a list", path=path, fix=FIX)
    entries = tuple(_entry(r, path, line_of.get(i)) for i, r in enumerate(raw))
    index: dict[str, Entry] = {}
    for i, e in enumerate(entries):
        for form in (e.name,) + e.aliases:
            other = index.setdefault(form.casefold(), e)
            if other is not e:
                raise SitegenError(f"{form!r} is listed for both {other.name!r} and {e.name!r}", path=path,
                                   line=line_of.get(i), fix="keep the name under one entity only")
    ignore = _strings(data.get("ignore"), "ignore", path, None)
    return Registry(entries, frozenset(n.casefold() for n in ignore), index)
