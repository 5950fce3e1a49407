"""Entities cached by content hash: the default extractor's result for a text, keyed by the text, the registry
and the extractor's own code and data, so a second run over an unchanged batch does not extract again."""
from __future__ import annotations

import json
from pathlib import Path

from sitegen.cache import Cache, digest, package_version, producer_key
from sitegen.ingest.parallel import Entities


EXTRACTOR_LIBRARIES = ("HanTa", "python-crfsuite")  # their versions shape the entities


def extractor_salt(registry_file: Path | None) -> str:
    """A hash of everything besides the text that decides the entities: code, data, the registry, and the
    versions of the tagging libraries."""
    import sitegen.entities

    folder = Path(sitegen.entities.__file__).parent
    parts: list[bytes | str] = [producer_key(), *(package_version(name) for name in EXTRACTOR_LIBRARIES)]
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    if registry_file is not None and registry_file.is_file():
        parts.append(registry_file.read_bytes())
    return digest(*parts)


class EntityCache:
    """text -> entities in SQLite; a missing or damaged cache costs speed, never correctness."""

    TABLE = "entities"

    def __init__(self, path: Path | None, registry_file: Path | None) -> None:
        self.store = Cache(path)
        self.salt = extractor_salt(registry_file) if path is not None else ""

    def get_many(self, texts: list[str]) -> list[Entities | None]:
        """The cached entities of each text, None where there are none."""
        keys = [digest(self.salt, text) for text in texts]
        found = self.store.get_many(self.TABLE, keys)
        return [_decode(found[key]) if key in found else None for key in keys]

    def put_many(self, pairs: list[tuple[str, Entities]]) -> None:
        """Remember the entities of these texts."""
        self.store.put_many(self.TABLE, {digest(self.salt, text): json.dumps(found, ensure_ascii=False)
                                         for text, found in pairs})

    def close(self) -> None:
        """Close the database (before worker processes start)."""
        self.store.close()


def _decode(value: str) -> Entities | None:
    """Four tuples of names from their JSON form, or None when the entry is damaged."""
    try:
        data = json.loads(value)
        return tuple(tuple(str(n) for n in names) for names in data) if len(data) == 4 else None  # type: ignore[return-value]
    except (ValueError, TypeError):
        return None
