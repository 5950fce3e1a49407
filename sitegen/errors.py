"""The one error type a user sees: a message naming the file, the line and the fix."""
from __future__ import annotations


class SitegenError(Exception):
    """A user-facing problem; printed as one line, never as a traceback."""

    def __init__(self, message: str, path: object = None, line: int | None = None, fix: str = ""):
        self.message, self.path, self.line, self.fix = message, path, line, fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        fix = f" ({self.fix})" if self.fix else ""
        return f"{where}{self.message}{fix}"
