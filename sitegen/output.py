"""Write the rendered mapping to a fresh folder beside the target, then swap it in with one rename."""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Mapping

from sitegen.errors import SitegenError

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
MARKER = ".sitegen-build"


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A fresh folder beside `out`; swapped in with one rename when the block succeeds, removed when it fails.

    The marker file `.sitegen-build` says the folder is a complete sitegen build; deploy leaves it out."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    _refuse_non_site(out)
    remove_abandoned(out)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-{os.getpid()}-", dir=out.parent))
    try:
        yield fresh
        (fresh / MARKER).write_text("ok\n", encoding="utf-8")
        fresh.chmod(0o755)
        swap_in(fresh, out)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise


def remove_abandoned(out: Path) -> None:
    """Delete half-written folders of killed builds, and replaced sites nobody is deleting (their process is gone)."""
    for kind in ("new", "old"):
        for folder in out.parent.glob(f".{out.name}.{kind}-*"):
            pid = folder.name[len(f".{out.name}.{kind}-"):].split("-", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
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
        target.write_bytes(data)


def swap_in(fresh: Path, out: Path) -> None:
    """Make `fresh` the new `out` in one rename; the old site is removed afterwards."""
    if not out.exists():
        os.rename(fresh, out)
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}-{fresh.name.rsplit('-', 1)[-1]}")
    if _exchange(fresh, out):
        os.rename(fresh, old)
    else:
        os.rename(out, old)
        os.rename(fresh, out)
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
