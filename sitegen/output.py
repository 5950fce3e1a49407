"""Write the site into a folder beside the target and swap it in with one rename, or patch the live site.

The replaced site is kept beside the target as the spare (`.<out>.spare`); the next build takes it as its
folder and only changes what differs, instead of making 20,000 files and folders anew. With no spare, a build
stages what it changes as a patch (see patching.py), applied once the build has succeeded; a patch of more
than LARGE_PATCH files is applied to a hard-linked copy of the site instead, which is swapped in. Files are
never changed in place (they may be hard links shared with the live site or the cache): a new version
replaces the old one by rename."""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

from sitegen.errors import SitegenError
from sitegen.patching import Patch, owner, pending, recover, remove
from sitegen.walk import files_below

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
MARKER = ".sitegen-build"
LARGE_PATCH = 2000  # files; a bigger patch is applied to a copy of the site that is swapped in at once


class Stage:
    """The folder a build updates, and `writes`, where its new files go (the same folder, or a patch's files).
    `recycled` when the folder holds an earlier build: the spare, a hard-linked copy of the live site that
    `cp -al` makes while the articles load, or the live site under a patch; `built_as` is the folder whose
    manifest describes it. Call ready() before writing."""

    def __init__(self, folder: Path, recycled: bool, built_as: Path, copying: subprocess.Popen | None = None,
                 patch: Patch | None = None):
        self.folder, self.recycled, self.built_as, self.copying = folder, recycled, built_as, copying
        self.patch = patch
        self.writes = patch.files if patch else folder
        self.keep: Callable[[Path], None] = lambda folder: None  # called with the folder that becomes the site

    def ready(self) -> "Stage":
        """Wait for the copy of the live site; if it failed, start from an empty folder."""
        if self.copying is not None and self.copying.wait() != 0:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder.mkdir()
            self.recycled, self.built_as = False, self.folder
        self.copying = None
        return self

    def write(self, files: Mapping[str, bytes]) -> None:
        """Give each relative path these bytes (unless it has them already)."""
        changed = {rel: data for rel, data in files.items() if not _holds(_inside(self.folder, rel), data)}
        write_files(self.writes, changed)

    def new_folder(self, rel: str) -> Path:
        """An empty folder to fill, which replaces the folder `rel` as a whole."""
        if self.patch is None:
            shutil.rmtree(self.folder / rel, ignore_errors=True)
        else:
            self.patch.folders.append(rel)
        return self.writes / rel

    def drop(self, rel: str) -> None:
        """Remove a file or folder (from the site, when a patch is applied)."""
        if self.patch is None:
            remove(self.folder, rel)
        else:
            self.patch.removed.append(rel)

    def drop_others(self, found: Iterable[str], keep: set[str]) -> None:
        """Remove the `found` files that are not to be kept (nor the build marker)."""
        for rel in found:
            if rel not in keep and rel != MARKER:
                self.drop(rel)


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file at `path` has exactly these bytes."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


@contextmanager
def staged(out: Path, patchable: bool = True) -> Iterator[Stage]:
    """The spare, a patch of the live site (when `patchable`), a copy of the live site, or a fresh folder;
    made the site when the block succeeds. When it fails, a taken spare goes back (it is checked file by file
    when it is used), a patch is dropped, anything else is removed. The marker file `.sitegen-build` says the
    folder is a complete sitegen build; deploy leaves it out."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    _refuse_non_site(out)
    remove_abandoned(out)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-{os.getpid()}-", dir=out.parent))
    if _take_spare(out, work):
        stage = Stage(work, True, work)
    elif patchable and (out / MARKER).is_file():
        work.rmdir()
        stage = Stage(out, True, out, patch=Patch(out))
    else:
        stage = Stage(work, False, work, _copy_live(out, work))
        if stage.copying is not None:
            stage.recycled, stage.built_as = True, out
    try:
        yield stage
        if stage.patch is None:
            _publish(stage, work, out)
        elif stage.patch.staged_files() > LARGE_PATCH and _copied(out, work):
            stage.patch.apply_to(work)
            _publish(stage, work, out)
        else:
            stage.keep(out)
            stage.patch.commit()
    except BaseException:
        if stage.copying is not None:
            stage.copying.kill()
            stage.copying.wait()
        if stage.patch is not None:
            stage.patch.discard()
        if not (stage.recycled and stage.built_as == work and _give_back(work, out)):
            shutil.rmtree(work, ignore_errors=True)
        raise


def _publish(stage: Stage, work: Path, out: Path) -> None:
    """Mark `work` as a complete build and swap it in."""
    stage.keep(work)
    replace_file(work / MARKER, b"ok\n")
    work.chmod(0o755)
    swap_in(work, out)


def _copied(out: Path, work: Path) -> bool:
    """Copy the live site into `work` with hard links, and wait; False (and no `work`) when that failed."""
    copying = _copy_live(out, work)
    if copying is not None and copying.wait() == 0:
        return True
    shutil.rmtree(work, ignore_errors=True)
    return False


def _copy_live(out: Path, work: Path) -> subprocess.Popen | None:
    """Start `cp -al` of the live site into `work` (hard links: no file is copied), where GNU cp exists."""
    cp = shutil.which("cp")
    if not cp or not sys.platform.startswith("linux") or not (out / MARKER).is_file():
        return None
    shutil.rmtree(work, ignore_errors=True)  # cp makes it
    return subprocess.Popen([cp, "-al", "--", str(out), str(work)], stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _give_back(work: Path, out: Path) -> bool:
    """Return a taken spare after a failed build; False when another spare is there meanwhile."""
    try:
        os.rename(work, spare_path(out))
    except OSError:
        return False
    return True


def spare_path(out: Path) -> Path:
    """Where the replaced site waits to be the next build's folder."""
    return out.with_name(f".{out.name}.spare")


def _take_spare(out: Path, work: Path) -> bool:
    """Move the spare (a complete earlier build) onto the empty folder `work`; False when there is none."""
    spare = spare_path(out)
    if not (spare / MARKER).is_file():
        return False
    try:
        os.rename(spare, work)  # atomic: of two builds at once, one gets the spare
    except OSError:
        return False
    return True


def finish_patches(out: Path) -> bool:
    """Finish the patches that killed builds left half-applied; False while a running build applies one, or
    when one could not be applied (a build repairs the site then)."""
    out = out.resolve()
    return recover(out, _alive) and not pending(out)


def remove_abandoned(out: Path) -> None:
    """Finish or drop the patches of killed builds; delete their half-written folders, and replaced sites nobody
    is deleting (their process is gone)."""
    recover(out, _alive)
    for kind in ("new", "old"):
        for folder in out.parent.glob(f".{out.name}.{kind}-*"):
            pid = owner(folder, out, kind)
            if pid is not None and not _alive(pid):
                shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    """Whether a process with this id exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def write_files(folder: Path, files: Mapping[str, bytes]) -> None:
    """Write each relative path's bytes below folder, refusing paths that would leave it."""
    for rel, data in files.items():
        target = _inside(folder, rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_file(target, data)


def replace_file(target: Path, data: bytes) -> None:
    """Give `target` these bytes as a new file (a rename over the old one, which may be a shared hard link)."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)


def replace_with_link(source: Path | str, target: Path | str) -> None:
    """Make `target` a hard link to `source`, replacing what was there."""
    try:
        os.link(source, target)
    except FileExistsError:
        folder, name = os.path.split(target)
        temporary = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
        os.link(source, temporary)
        os.replace(temporary, target)


def survey(folder: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """Every file below `folder` as a relative path, but in the top-level folders `skip` and in temporary ones
    (names starting with a dot); sitegen's own temporary files are left out."""
    def enter(rel: str) -> bool:
        return "/" in rel or rel not in skip and not rel.startswith(".")

    return [rel for rel, entry in files_below(folder, enter)
            if not (entry.name.startswith(".") and entry.name.endswith(".tmp"))]


def swap_in(fresh: Path, out: Path) -> None:
    """Make `fresh` the new `out` in one rename; the old site becomes the spare (or is removed)."""
    if not out.exists():
        os.rename(fresh, out)
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}-{fresh.name.rsplit('-', 1)[-1]}")
    if _exchange(fresh, out):
        os.rename(fresh, old)
    else:
        os.rename(out, old)
        os.rename(fresh, out)
    try:
        os.rename(old, spare_path(out))  # fails when another build left a spare meanwhile
    except OSError:
        shutil.rmtree(old, ignore_errors=True)  # killed meanwhile? the next build removes it (remove_abandoned)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with Linux renameat2(RENAME_EXCHANGE); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _inside(folder: Path, rel: str) -> Path:
    """folder/rel, refusing any path that could land outside folder (absolute, '..', odd characters)."""
    parts = rel.split("/")
    if not rel or rel.startswith("/") or "\\" in rel or "\x00" in rel or ".." in parts or "" in parts[:-1]:
        raise SitegenError(f"refusing to write outside the output folder: {rel!r}", path=rel,
                           fix="rename the entity or article whose name makes this path")
    return folder / rel


def _refuse_non_site(out: Path) -> None:
    """Never replace a folder that sitegen did not write (e.g. --out pointing at the project)."""
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise SitegenError("exists and was not written by sitegen", path=out,
                           fix="choose an empty or new --out folder, or delete this one yourself")
