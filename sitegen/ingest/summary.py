"""What one ingest run did (the end-of-run line) and the progress bar for batches."""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO


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

    def skip(self, source: str, kind: str, reason: str) -> None:
        """Record a skipped source (a file, or a row like 'a.csv#row=17') with its kind and reason."""
        self.skipped.append(source)
        self.reasons[source] = reason
        self.kinds[kind] += 1

    def line(self) -> str:
        """One line for the end of the run."""
        text = (f"ingest: {len(self.created)} neu, {len(self.updated)} aktualisiert, "
                f"{len(self.unchanged)} unverändert, {len(self.skipped)} übersprungen")
        if self.kinds:
            text += " (" + ", ".join(f"{n} {kind}" for kind, n in sorted(self.kinds.items())) + ")"
        if self.not_german:
            text += f"; Entitäten übersprungen für {len(self.not_german)} nicht deutsche Artikel"
        return text


class Progress:
    """A bar on stderr for batches of 20 or more: live on a terminal, else drawn once at the end."""

    def __init__(self, total: int, label: str = "Artikel", stream: TextIO | None = None) -> None:
        self.total, self.label, self.stream = total, label, stream or sys.stderr
        self.live = self.stream.isatty()

    def update(self, n: int) -> None:
        """Show that n of total are done."""
        if self.total < 20 or not self.live and n != self.total:
            return
        width = 30
        done = width * n // self.total
        self.stream.write(f"\r[{'#' * done}{'.' * (width - done)}] {n}/{self.total} {self.label}")
        if n == self.total:
            self.stream.write("\n")
        self.stream.flush()
