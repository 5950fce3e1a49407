"""What sitegen says on the terminal: one logger, German prefixes, `-q` and `-v`.

Notes go to stdout, warnings and errors to stderr as `sitegen: Warnung: …` / `sitegen: Fehler: …`. The web
server's libraries (tornado, livereload, asyncio) log through the same handler: only with `-v`, except their
errors, which are shown as one line without a traceback."""
from __future__ import annotations

import logging
import sys

LOG = logging.getLogger("sitegen")
LIBRARIES = ("tornado", "livereload", "asyncio")
PREFIXES = {logging.WARNING: "sitegen: Warnung: ", logging.ERROR: "sitegen: Fehler: "}


class _Lines(logging.Formatter):
    """One line per record; a library's record is marked with its name, its traceback shown only with -v."""

    def __init__(self, verbose: bool):
        super().__init__()
        self.verbose = verbose

    def format(self, record: logging.LogRecord) -> str:
        """The record as the editor reads it."""
        level = min(record.levelno, logging.ERROR)
        prefix = PREFIXES.get(level, "") if level >= logging.WARNING else ""
        own = record.name.split(".")[0] == "sitegen"
        text = prefix + (record.getMessage() if own else f"[{record.name}] {record.getMessage()}")
        if self.verbose and record.exc_info:
            return text + "\n" + self.formatException(record.exc_info)
        return text if own or self.verbose else text + " (Einzelheiten mit -v)"


class _Split(logging.StreamHandler):
    """Notes to stdout, warnings and errors to stderr (looked up at each record, so tests can capture)."""

    def emit(self, record: logging.LogRecord) -> None:
        """Write the record to the stream its level belongs on."""
        self.stream = sys.stderr if record.levelno >= logging.WARNING else sys.stdout  # no flush of the last
        super().emit(record)


def setup(verbosity: int = 0) -> None:
    """-1 (`-q`): warnings and errors only; 0: notes too; 1 (`-v`): also the web server's own lines."""
    handler = _Split()
    handler.setFormatter(_Lines(verbosity > 0))
    own = logging.WARNING if verbosity < 0 else logging.DEBUG if verbosity > 0 else logging.INFO
    levels = {"sitegen": own}
    levels.update({name: logging.DEBUG if verbosity > 0 else logging.ERROR for name in LIBRARIES})
    for name, level in levels.items():
        logger = logging.getLogger(name)
        for old in list(logger.handlers):
            logger.removeHandler(old)
        logger.addHandler(handler)
        logger.setLevel(level)
        logger.propagate = False
