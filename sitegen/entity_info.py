"""What the editors' registry says about an entity: description, aliases, Wikidata and GND links (every
lookup is empty without a registry)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TAXONOMY_OF_TYPE = {"person": "people", "place": "places", "organisation": "organisations", "tag": "tags"}


@dataclass(frozen=True)
class EntityInfo:
    """The registry's facts about one term."""

    description: str = ""
    aliases: tuple[str, ...] = ()
    wikidata: str = ""
    gnd: str = ""

    @property
    def wikidata_url(self) -> str:
        """The Wikidata item's URL, or ''."""
        return f"https://www.wikidata.org/wiki/{self.wikidata}" if self.wikidata else ""

    @property
    def gnd_url(self) -> str:
        """The GND record's URL at the German National Library, or ''."""
        return f"https://d-nb.info/gnd/{self.gnd}" if self.gnd else ""


NO_INFO = EntityInfo()


@dataclass(frozen=True)
class EntityIndex:
    """Registry facts by (taxonomy key, name)."""

    registry: object = None

    @classmethod
    def load(cls, path: Path) -> "EntityIndex":
        """Read the registry file through sitegen.entities.load_registry, if both exist."""
        from sitegen.entities import load_registry

        return cls(load_registry(path)) if Path(path).is_file() else cls()

    def info(self, taxonomy: str, name: str) -> EntityInfo:
        """The facts about `name` in `taxonomy`; empty when the registry does not know it under that type."""
        entry = self.registry.lookup(name) if self.registry is not None else None
        if entry is None or TAXONOMY_OF_TYPE.get(entry.type) != taxonomy:
            return NO_INFO
        return EntityInfo(entry.description, tuple(entry.aliases), entry.wikidata.strip(), entry.gnd.strip())
