"""What sitegen tells a user: `SitegenError` (one line naming the file, the line and the fix), printed safely;
notes on stdout, `sitegen: Warnung: …` and `sitegen: Fehler: …` on stderr, the web server's lines alike."""
from __future__ import annotations

import errno
import logging
import re
import sys

# C0 and C1 controls, DEL, line and paragraph separators, lone surrogates, U+FFFE/U+FFFF: shown escaped
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]+@")  # user:password@ or token@ in a URL


def printable(text: object) -> str:
    """`text` as one safe line: URL credentials as '***', line breaks and control characters escaped."""
    return _UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], _CREDENTIALS.sub(r"\1***@", str(text)))


class SitegenError(Exception):
    """A user-facing problem; printed as one line, never as a traceback."""

    def __init__(self, message: str, path: object = None, line: int | None = None, fix: str = ""):
        self.message, self.path, self.line, self.fix = message, path, line, fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = "" if self.path is None else f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        fix = f" ({self.fix})" if self.fix else ""
        return printable(f"{where}{self.message}{fix}")


REASONS = {errno.EACCES: "keine Berechtigung", errno.EPERM: "keine Berechtigung",
           errno.ENOSPC: "kein Platz mehr auf dem Datenträger", errno.EROFS: "nur lesbares Dateisystem",
           errno.ELOOP: "symbolischer Link im Kreis", errno.ENAMETOOLONG: "Name zu lang",
           errno.EISDIR: "ist ein Ordner", errno.ENOTDIR: "ist kein Ordner", errno.ENOENT: "nicht gefunden",
           errno.EADDRNOTAVAIL: "die Adresse gehört nicht zu diesem Rechner", errno.EEXIST: "gibt es schon"}


def reason(exc: OSError) -> str:
    """Why a system call failed, in German (the system's text is English); else its code (EDQUOT), or the
    error's own text when it has no code."""
    if exc.errno is None and str(exc):
        return f"Systemfehler {type(exc).__name__}: {exc}"
    return REASONS.get(exc.errno or 0) or f"Systemfehler {errno.errorcode.get(exc.errno, type(exc).__name__)}"


LOG = logging.getLogger("sitegen")
PREFIXES = {logging.WARNING: "sitegen: Warnung: ", logging.ERROR: "sitegen: Fehler: "}


class _Lines(logging.StreamHandler):
    """One line a record, to the stream its level belongs on (looked up at each record, so tests can capture);
    a library's record is marked with its name, its traceback shown only with -v."""

    def format(self, record: logging.LogRecord) -> str:
        own, verbose = record.name.split(".")[0] == "sitegen", LOG.isEnabledFor(logging.DEBUG)
        text = PREFIXES.get(min(record.levelno, logging.ERROR), "")
        text += record.getMessage() if own else f"[{record.name}] {record.getMessage()}"
        if verbose and record.exc_info:
            return text + "\n" + logging.Formatter().formatException(record.exc_info)
        return text if own or verbose else text + " (Einzelheiten mit -v)"

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr if record.levelno >= logging.WARNING else sys.stdout  # no flush of the last
        super().emit(record)


def setup(verbosity: int = 0) -> None:
    """-1 (`-q`): warnings and errors only; 0: notes too; 1 (`-v`): also the web server's own lines."""
    handler = _Lines()
    own = logging.WARNING if verbosity < 0 else logging.DEBUG if verbosity > 0 else logging.INFO
    for name in ("sitegen", "tornado", "livereload", "asyncio"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(own if name == "sitegen" else logging.DEBUG if verbosity > 0 else logging.ERROR)
        logger.propagate = False
