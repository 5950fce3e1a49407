"""The one error type a user sees: a message naming the file, the line and the fix."""
from __future__ import annotations

import errno


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


REASONS = {errno.EACCES: "keine Berechtigung", errno.EPERM: "keine Berechtigung",
           errno.ENOENT: "nicht gefunden",
           errno.ENOSPC: "kein Platz mehr auf dem Datenträger", errno.EROFS: "nur lesbares Dateisystem",
           errno.ELOOP: "symbolischer Link im Kreis", errno.ENAMETOOLONG: "Name zu lang",
           errno.EISDIR: "ist ein Ordner", errno.ENOTDIR: "ist kein Ordner",
           errno.EADDRNOTAVAIL: "die Adresse gehört nicht zu diesem Rechner"}


def reason(exc: OSError) -> str:
    """Why a system call failed, in German (the system's own text is English)."""
    return REASONS.get(exc.errno or 0, f"Systemfehler {exc.errno}")
