"""The one error type a user sees: a message naming the file, the line and the fix, printed safely."""
from __future__ import annotations

import errno
import re

# C0 and C1 controls, DEL, line and paragraph separators, lone surrogates, U+FFFE/U+FFFF: shown escaped
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]+@")  # user:password@ or token@ in a URL


def printable(text: object) -> str:
    """`text` as one safe line: URL credentials as '***', line breaks and control characters escaped."""
    return _UNPRINTABLE.sub(_escape, _CREDENTIALS.sub(r"\1***@", str(text)))


def _escape(match: re.Match) -> str:
    """A character as its Python escape: '\\n', '\\x1b', '\\ud800'."""
    return repr(match.group())[1:-1] if match.group() in "\n\r\t" else f"\\u{ord(match.group()):04x}"


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
        return printable(f"{where}{self.message}{fix}")


REASONS = {errno.EACCES: "keine Berechtigung", errno.EPERM: "keine Berechtigung",
           errno.ENOENT: "nicht gefunden",
           errno.ENOSPC: "kein Platz mehr auf dem Datenträger", errno.EROFS: "nur lesbares Dateisystem",
           errno.ELOOP: "symbolischer Link im Kreis", errno.ENAMETOOLONG: "Name zu lang",
           errno.EISDIR: "ist ein Ordner", errno.ENOTDIR: "ist kein Ordner",
           errno.EADDRNOTAVAIL: "die Adresse gehört nicht zu diesem Rechner"}


def reason(exc: OSError) -> str:
    """Why a system call failed, in German (the system's own text is English)."""
    return REASONS.get(exc.errno or 0, f"Systemfehler {exc.errno}")
