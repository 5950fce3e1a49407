"""The write stage: the new site, made complete in a folder beside the live one (unchanged pages linked from
it, as render.Reuse says), swapped in by one rename. The folder is the one the last swap retired (double
buffering: its files that are already the live ones stay, the rest are replaced or removed) or, without one,
a new folder; either way it holds exactly the new site before the swap."""
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
from sitegen.workers import abandoned, files_below

MARKER = ".sitegen-build"  # in every complete build; deploy leaves it out
OWN = ".sitegen"  # sitegen's own files at the top of a site (MARKER, the build record) start so
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputFolder:
    """The new output folder a build fills beside the live one, `live`; paths are relative, with '/'."""

    def __init__(self, folder: Path, live: Path, scratch: Path, old: set[str] | None = None):
        self.folder, self.live, self.scratch = folder, live, scratch  # scratch: room for work, deleted after
        self._new, self._old = f"{folder}/", f"{live}/"  # strings: pathlib costs 30 us a page
        self._made = {str(folder)}  # folders known to exist (each process keeps its own)
        self.recycled = old is not None  # the folder is a retired site: its files may be the live site's own
        self.old = old or set()  # the files it held
        self.taken: set[str] = set()  # files written or kept in this process; the render stage adds its pages

    def _path(self, rel: str) -> str:
        """The new file's path; a path that could land outside the folder is refused."""
        parts = rel.split("/")
        if not rel or rel[0] == "/" or "\\" in rel or "\x00" in rel or ".." in parts or "" in parts[:-1]:
            raise SitegenError(f"würde außerhalb des Ausgabeverzeichnisses schreiben: {rel!r}", path=rel,
                               fix="die Entität oder den Artikel umbenennen, deren Name diesen Pfad ergibt")
        return self._new + rel

    def _target(self, rel: str) -> str:
        """The new file's path (_path), its folder made, a retired site's file there removed."""
        target = self._path(rel)
        folder = os.path.dirname(target)
        if folder not in self._made:
            try:
                os.mkdir(folder)  # its parent exists for all but the first page of a folder: one call
            except FileExistsError:
                if self.recycled and not os.path.isdir(folder):  # a retired site's file of that name
                    os.unlink(folder)
                    os.mkdir(folder)
            except FileNotFoundError:
                os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        self.taken.add(rel)
        if self.recycled:
            _clear(target)
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
        if self.recycled and _same_file(source, self._path(rel)):
            self.taken.add(rel)
            return  # a retired site's file that is the live one still
        target = self._target(rel)
        try:
            os.link(source, target)
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
                raise
            shutil.copy2(source, target)

    def prune(self) -> None:
        """Remove what a retired site held that the new one does not (pages of deleted articles, files put in
        by hand), and folders left empty; when every file is written, before the site is checked."""
        gone = sorted(self.old - self.taken, reverse=True)
        for rel in gone:
            _clear(self._new + rel)
        for folder in sorted({os.path.dirname(rel) for rel in gone}, key=len, reverse=True):
            while folder:
                try:
                    os.rmdir(self._new + folder)
                except OSError:
                    break
                folder = os.path.dirname(folder)
        self.old = set()


def _same_file(source: str | Path, target: str) -> bool:
    """Whether `target` exists and is the file `source` (one inode: a hard link)."""
    try:
        return os.path.samestat(os.stat(target, follow_symlinks=False), os.stat(source))
    except OSError:
        return False


def _clear(target: str) -> None:
    """Remove a file, never writing into it: a retired site's file may be the live site's, by a hard link."""
    try:
        os.unlink(target)
    except FileNotFoundError:
        pass
    except IsADirectoryError:
        shutil.rmtree(target)


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
        output = OutputFolder(folder, out, scratch, _claim(spare_of(out), folder))  # the retired site's
        yield output
        output.prune()
        (folder / MARKER).write_bytes(b"ok\n")
        folder.chmod(0o755)
        swap_in(folder, out)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def spare_of(out: Path) -> Path:
    """Where the site the last swap retired waits for the next build: `.<out>.spare` beside it."""
    return out.with_name(f".{out.name}.spare")


def _claim(spare: Path, folder: Path) -> set[str] | None:
    """Take the retired site as the new folder (a rename, so two builds never share it) and say which files it
    holds, sitegen's own removed; None when there is none, or when it holds a link (sitegen writes none: one
    could lead a write outside the folder), and the folder is empty."""
    try:
        os.rename(spare, folder)
    except OSError:
        return None
    held = list(files_below(folder))
    if any(entry.is_symlink() for _, entry in held):
        shutil.rmtree(folder)
        os.mkdir(folder)
        return None
    for rel, entry in held:
        if rel.startswith(OWN):
            os.unlink(entry.path)
    return {rel for rel, _ in held if not rel.startswith(OWN)}


def swap_in(fresh: Path, out: Path) -> None:
    """Make `fresh` the new `out` in one rename (renameat2's exchange); the old site is kept as the spare the
    next build fills (or deleted meanwhile when a spare is there already)."""
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
    try:
        os.rename(old, spare_of(out))
    except OSError:
        _delete_soon([old])


def _delete_soon(folders: list[Path]) -> None:
    """Delete folders in a background thread (after a kill, the next build finishes the job)."""
    if folders:
        threading.Thread(target=lambda: [shutil.rmtree(f, ignore_errors=True) for f in folders],
                         daemon=True).start()

