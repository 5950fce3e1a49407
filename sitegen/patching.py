"""Update a live site from a patch: the few files a rebuild changed, applied only once the build has succeeded.

A build with no spare (see output.staged) writes its new and changed files below
`.<out>.patch-<pid>-<random>/files/`, and notes the folders to replace whole (search bundles) and the files to
remove. Nothing in the site changes until `commit`: it writes the journal, then renames each file into place
(one atomic rename per file) and removes the patch. A build killed before the journal leaves the site as it
was; one killed after it is finished by the next build or deploy (`recover`), so no half-applied patch stays."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

JOURNAL = "journal.json"


class Patch:
    """The staged changes to one site folder."""

    def __init__(self, out: Path):
        self.out = out
        self.root = Path(tempfile.mkdtemp(prefix=f".{out.name}.patch-{os.getpid()}-", dir=out.parent))
        self.files = self.root / "files"
        self.files.mkdir()
        self.folders: list[str] = []  # replaced whole: their staged copy is complete
        self.removed: list[str] = []

    def staged_files(self) -> int:
        """How many files the patch writes (folders replaced whole count by their files)."""
        return sum(len(names) for _, _, names in os.walk(self.files))

    def commit(self) -> None:
        """Journal the patch, apply it to the site and remove it."""
        journal = self.root / JOURNAL
        temporary = journal.with_suffix(".tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump({"folders": self.folders, "removed": self.removed}, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, journal)
        apply(self.root, self.out)

    def apply_to(self, folder: Path) -> None:
        """Apply the patch to another folder (a copy of the site that is swapped in later), then remove it."""
        _apply(self.root, folder, self.folders, self.removed)

    def discard(self) -> None:
        """Drop the patch, unless it is journaled: then the next build or deploy finishes applying it."""
        if not (self.root / JOURNAL).is_file():
            shutil.rmtree(self.root, ignore_errors=True)


def apply(root: Path, out: Path) -> None:
    """Apply the journaled patch in `root` to `out`, then remove it; applying it twice does no harm."""
    journal = json.loads((root / JOURNAL).read_text(encoding="utf-8"))
    _apply(root, out, journal["folders"], journal["removed"])


def _apply(root: Path, out: Path, folders: list[str], removed: list[str]) -> None:
    """Replace the folders, move every staged file into place, remove what goes; then delete the patch."""
    files, old = root / "files", root / "old"
    for rel in folders:
        staged, target = files / rel, out / rel
        if staged.is_dir():
            if target.exists() and not (old / rel).exists():
                (old / rel).parent.mkdir(parents=True, exist_ok=True)
                os.rename(target, old / rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.rename(staged, target)
    for folder, _, names in os.walk(files):
        rel = os.path.relpath(folder, files)
        for name in names:
            target = out / rel / name
            try:
                os.replace(os.path.join(folder, name), target)
            except FileNotFoundError:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(os.path.join(folder, name), target)
    for rel in removed:
        remove(out, rel)
    shutil.rmtree(root, ignore_errors=True)


def remove(out: Path, rel: str) -> None:
    """Delete a file or folder of the site, and the folders it leaves empty."""
    path = out / rel
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
    for parent in path.parents:
        if parent == out or not parent.is_dir() or any(parent.iterdir()):
            break
        parent.rmdir()


def recover(out: Path, alive: Callable[[int], bool]) -> bool:
    """Finish the journaled patches of builds that stopped while applying them, and drop unfinished ones. A
    patch of this process is from an earlier build that failed (builds in one process run one after another).
    A patch that cannot be applied is dropped too, and False returned: the site may then be part old, part new,
    which the next build repairs (the manifest describes the new files, so every other file is made again)."""
    whole = True
    for root in out.parent.glob(f".{out.name}.patch-*"):
        pid = owner(root, out, "patch")
        if pid is None or alive(pid) and pid != os.getpid():
            continue
        if (root / JOURNAL).is_file():
            try:
                apply(root, out)
                continue
            except (OSError, ValueError, KeyError, TypeError):
                whole = False
        shutil.rmtree(root, ignore_errors=True)
    return whole


def owner(folder: Path, out: Path, kind: str) -> int | None:
    """The process id in the name of a build's folder `.<out>.<kind>-<pid>-<random>`, or None."""
    pid = folder.name[len(f".{out.name}.{kind}-"):].split("-", 1)[0]
    return int(pid) if pid.isdigit() else None


def pending(out: Path) -> list[Path]:
    """The journaled patches of `out` not yet fully applied."""
    return sorted(out.parent.glob(f".{out.name}.patch-*/{JOURNAL}"))
