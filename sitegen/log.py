"""What sitegen says on the terminal: notes on stdout, `sitegen: Warnung: …` and `sitegen: Fehler: …` on
stderr; the web server's libraries through the same handler, only with `-v` but for their errors."""
from __future__ import annotations

import logging
import sys

LOG = logging.getLogger("sitegen")
LIBRARIES = ("tornado", "livereload", "asyncio")
PREFIXES = {logging.WARNING: "sitegen: Warnung: ", logging.ERROR: "sitegen: Fehler: "}


class _Lines(logging.StreamHandler):
    """One line a record, to the stream its level belongs on (looked up at each record, so tests can capture);
    a library's record is marked with its name, its traceback shown only with -v."""

    def __init__(self, verbose: bool):
        super().__init__()
        self.verbose = verbose

    def format(self, record: logging.LogRecord) -> str:
        own = record.name.split(".")[0] == "sitegen"
        text = PREFIXES.get(min(record.levelno, logging.ERROR), "")
        text += record.getMessage() if own else f"[{record.name}] {record.getMessage()}"
        if self.verbose and record.exc_info:
            return text + "\n" + self.formatException(record.exc_info)
        return text if own or self.verbose else text + " (Einzelheiten mit -v)"

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr if record.levelno >= logging.WARNING else sys.stdout  # no flush of the last
        super().emit(record)


def setup(verbosity: int = 0) -> None:
    """-1 (`-q`): warnings and errors only; 0: notes too; 1 (`-v`): also the web server's own lines."""
    handler = _Lines(verbosity > 0)
    own = logging.WARNING if verbosity < 0 else logging.DEBUG if verbosity > 0 else logging.INFO
    for name in ("sitegen", *LIBRARIES):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(own if name == "sitegen" else logging.DEBUG if verbosity > 0 else logging.ERROR)
        logger.propagate = False
