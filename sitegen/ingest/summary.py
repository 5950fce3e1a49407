"""What one ingest run did: the end-of-run line."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Summary:
    """What one ingest run did, file by file; `reasons` says why each skipped source was skipped."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    kinds: Counter = field(default_factory=Counter)
    not_german: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)

    def skip(self, source: str, kind: str, reason: str) -> None:
        """Record a skipped source (a file, or a row like 'a.csv#row=17') with its kind and reason."""
        self.skipped.append(source)
        self.reasons[source] = reason
        self.kinds[kind] += 1

    def line(self) -> str:
        """The end of the run: one line, and a second one when articles got no date."""
        text = (f"ingest: {len(self.created)} neu, {len(self.updated)} aktualisiert, "
                f"{len(self.unchanged)} unverändert, {len(self.skipped)} übersprungen")
        if self.kinds:
            text += " (" + ", ".join(f"{n} {kind}" for kind, n in sorted(self.kinds.items())) + ")"
        if self.not_german:
            text += f"; Entitäten übersprungen für {len(self.not_german)} nicht deutsche Artikel"
        if self.undated:
            text += (f"\n{len(self.undated)} Artikel ohne Datum (im Archiv in der Reihenfolge der Quelle); "
                     "Datum angeben: 'date:' in einer Sidecar-Datei NAME.yaml neben der Quelle, eine "
                     "Spalte 'date' im Manifest oder in der Tabelle, oder für alle Quellen des Aufrufs "
                     "--date JJJJ-MM-TT")
        return text
