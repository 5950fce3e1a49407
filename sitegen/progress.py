"""The progress bar of long runs (ingest batches, big builds) on stderr."""
from __future__ import annotations

import sys
from typing import TextIO


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
