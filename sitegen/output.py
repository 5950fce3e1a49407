"""The write stage: the new site, made complete in a folder beside the live one (unchanged pages linked from
it, as render.Reuse says), swapped in by one rename."""
from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sitegen.errors import SitegenError
from sitegen.workers import abandoned

MARKER = ".sitegen-build"  # in every complete build; deploy leaves it out
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputFolder:
    """The new output folder a build fills beside the live one, `live`; paths are relative, with '/'."""

    def __init__(self, folder: Path, live: Path, scratch: Path):
        self.folder, self.live, self.scratch = folder, live, scratch  # scratch: room for work, deleted after
        self._new, self._old = f"{folder}/", f"{live}/"  # strings: pathlib costs 30 us a page
        self._made = {str(folder)}  # folders known to exist (each process keeps its own)

    def _target(self, rel: str) -> str:
        """The new file's path, its folder made; a path that could land outside the folder is refused."""
        parts = rel.split("/")
        if not rel or rel[0] == "/" or "\\" in rel or "\x00" in rel or ".." in parts or "" in parts[:-1]:
            raise SitegenError(f"würde außerhalb des Ausgabeverzeichnisses schreiben: {rel!r}", path=rel,
                               fix="die Entität oder den Artikel umbenennen, deren Name diesen Pfad ergibt")
        target = self._new + rel
        folder = os.path.dirname(target)
        if folder not in self._made:
            try:
                os.mkdir(folder)  # its parent exists for all but the first page of a folder: one call
            except FileExistsError:
                pass
            except FileNotFoundError:
                os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        return target

    def write(self, rel: str, data: bytes) -> os.stat_result:
        """A new file with these bytes; its status (size and time go into the build's records)."""
        with open(self._target(rel), "xb") as handle:
            handle.write(data)
            handle.flush()
            return os.fstat(handle.fileno())

    def keep(self, rel: str) -> None:
        """Take the live site's file unchanged."""
        self.link(self._old + rel, rel)

    def link(self, source: str | Path, rel: str) -> None:
        """The file `source` as `rel`: a hard link; a copy across file systems or where links are refused."""
        target = self._target(rel)
        try:
            os.link(source, target)
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
                raise
            shutil.copy2(source, target)


def check_out(out: Path) -> Path:
    """The absolute output folder; a path sitegen must never replace is refused before anything is written."""
    out = Path(out).resolve()
    fix = "ein leeres oder neues --out-Verzeichnis wählen"
    if out.parent == out or out == Path.home().resolve():
        raise SitegenError("kann nicht das Ausgabeverzeichnis sein", path=out, fix=fix)
    if out.exists() and not out.is_dir():
        raise SitegenError("ist kein Verzeichnis", path=out, fix=fix)
    if out.is_dir() and not (out / MARKER).exists() and any(out.iterdir()):
        raise SitegenError("ist nicht leer und wurde nicht von sitegen geschrieben", path=out,
                           fix=f"{fix}, oder dieses Verzeichnis selbst löschen")
    return out


@contextmanager
def writing(out: Path) -> Iterator[OutputFolder]:
    """An OutputFolder beside checked `out`, swapped in when the block succeeds and deleted when it fails."""
    out.parent.mkdir(parents=True, exist_ok=True)
    _delete_soon([f for kind in ("new", "old") for f in abandoned(out.parent, f".{out.name}.{kind}-")])
    folder, scratch = (Path(tempfile.mkdtemp(prefix=f".{out.name}.new-{os.getpid()}-", dir=out.parent))
                       for _ in range(2))
    try:
        yield OutputFolder(folder, out, scratch)
        (folder / MARKER).write_bytes(b"ok\n")
        folder.chmod(0o755)
        swap_in(folder, out)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def swap_in(fresh: Path, out: Path) -> None:
    """Make `fresh` the new `out` in one rename (renameat2's exchange); the old site is deleted meanwhile."""
    if not out.exists():
        os.rename(fresh, out)
        return
    old = out.with_name(f".{out.name}.old-{fresh.name.split('.new-', 1)[1]}")
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None) if os.name == "posix" else None
    if renameat2 and not renameat2(_AT_FDCWD, os.fsencode(fresh), _AT_FDCWD, os.fsencode(out),
                                   _RENAME_EXCHANGE):
        os.rename(fresh, old)
    else:  # no atomic exchange: for a moment there is no site
        os.rename(out, old)
        os.rename(fresh, out)
    _delete_soon([old])


def _delete_soon(folders: list[Path]) -> None:
    """Delete folders in a background thread (after a kill, the next build finishes the job)."""
    if folders:
        threading.Thread(target=lambda: [shutil.rmtree(f, ignore_errors=True) for f in folders],
                         daemon=True).start()

