"""Publish the built site as the only content of a gh-pages branch.

Git plumbing runs in a temporary bare repository with its own index, so the user's working tree, index
and branches are never touched. The branch keeps its history: the new commit sits on top of the fetched
tip, and nothing is committed or pushed when the tree is unchanged (after lektor's publish_ghpages).
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Callable, Mapping

from sitegen.errors import SitegenError, printable
from sitegen.output import MARKER
from sitegen.reuse import RECORDS

FALLBACK_NAME = "sitegen"
FALLBACK_EMAIL = "sitegen@localhost"
BUILD_MARKER = MARKER  # written by output.writing into every complete build: "ok"
UNPUBLISHED = frozenset({BUILD_MARKER, RECORDS})  # top-level files deploy leaves out
BLOB_MODE = "100644"
# No line-ending filters; no background gc or maintenance still writing while the temp dir is removed;
# no transport that runs a command (ext::, fd::), whatever the user's git configuration allows.
_SETTINGS = ("-c", "core.autocrlf=false", "-c", "gc.auto=0", "-c", "maintenance.auto=false",
             "-c", "fetch.writeCommitGraph=false", "-c", "protocol.ext.allow=never",
             "-c", "protocol.fd.allow=never")
# What a remote may be: a URL of these schemes, scp-like [user@]host:path, or a local path (checked apart).
_URL_SCHEMES = ("https", "http", "ssh", "git", "file")
_SCP_LIKE = re.compile(r"^(?:[A-Za-z0-9._~+-]+@)?[A-Za-z0-9._-]+:(?!//)")
# Inherited variables that would point our git calls at the user's repository or index.
_REPO_VARS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR",
              "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_PREFIX")


def deploy(site: Path, remote: str, branch: str = "gh-pages", cname: str | None = None,
           log: Callable[[str], object] = print) -> bool:
    """Commit `site` as the whole tree of `branch` on `remote` and push it; False when nothing changed."""
    site = Path(site)
    check_site(site)
    check_branch(branch)
    files = site_files(site)
    url = resolve_remote(remote)
    with tempfile.TemporaryDirectory(prefix="sitegen-deploy-", ignore_cleanup_errors=True) as tmp:
        env = work_env(Path(tmp))
        git(env, "init", "-q", "--bare", env["GIT_DIR"])
        parent = fetch_branch(env, url, branch, Path(tmp))
        entries = hash_files(env, site, files)
        entries.update(extra_files(env, cname))
        tree = write_tree(env, entries)
        if parent and git(env, "rev-parse", f"{parent}^{{tree}}") == tree:
            log(printable(f"{branch} auf {remote}: nichts geändert, nichts gepusht"))
            return False
        commit = commit_tree(env, tree, parent, commit_message(len(entries)))
        push(env, url, commit, branch)
    log(printable(f"{branch} auf {remote}: {commit[:12]} gepusht ({len(entries)} Dateien)"))
    return True


def check_site(site: Path) -> None:
    """Refuse a missing, empty or failed build, or one without index.html."""
    fix = "führe zuerst `sitegen build` aus und veröffentliche erst, wenn es gelingt"
    if not site.is_dir():
        raise SitegenError("den Ordner der Website gibt es nicht", path=site, fix=fix)
    if not any(site.iterdir()):
        raise SitegenError("der Ordner der Website ist leer", path=site, fix=fix)
    marker = failure_marker(site)
    if marker is not None:
        raise SitegenError("der letzte Build ist gescheitert; es wird nichts veröffentlicht", path=marker,
                           fix=fix)
    if not (site / "index.html").is_file():
        raise SitegenError("der Ordner der Website hat keine index.html", path=site, fix=fix)


def failure_marker(site: Path) -> Path | None:
    """The marker that says the build failed: inside the site folder or beside it, if any."""
    marker = site.parent / f"{site.name}.failed"
    if marker.exists():
        return marker
    done = site / BUILD_MARKER
    if done.is_file() and done.read_text(encoding="utf-8", errors="replace").strip() != "ok":
        return done
    return None


def site_files(site: Path) -> list[str]:
    """Every file below `site` as a sorted POSIX path relative to it; .git folders and markers left out."""
    found = []
    for folder, dirs, names in os.walk(site):
        dirs[:] = [d for d in dirs if d != ".git"]
        rel = Path(folder).relative_to(site)
        found.extend((rel / name).as_posix() for name in names if rel.parts or name not in UNPUBLISHED)
    bad = [name for name in found if "\n" in name or "\r" in name]
    if bad:
        raise SitegenError(f"Dateiname mit Zeilenumbruch: {bad[0]!r}", path=site, fix="benenne die Datei um")
    return sorted(found)


def check_branch(branch: str) -> str:
    """The branch name when git accepts it as one and it cannot be read as an option."""
    valid = subprocess.run(["git", "check-ref-format", f"refs/heads/{branch}"],
                           capture_output=True).returncode == 0
    if branch.startswith("-") or not valid:
        raise SitegenError(f"{branch!r} ist kein gültiger Branch-Name", fix="nimm z. B. --branch gh-pages")
    return branch


def resolve_remote(remote: str) -> str:
    """A URL git can use: the URL of a remote of the current repository, else `remote` as URL or path;
    checked by check_remote either way."""
    check_remote(remote)
    named = _quiet(["git", "remote", "get-url", "--", remote])
    if named:
        return check_remote(_absolute_local(named))
    if "://" in remote or _SCP_LIKE.match(remote):
        return remote
    if Path(remote).exists():
        return str(Path(remote).resolve())
    raise SitegenError(f"unbekanntes Remote {remote!r}",
                       fix="nenne ein Remote dieses Repositorys (siehe `git remote -v`) oder gib eine URL "
                           "oder einen Pfad an")


def check_remote(remote: str) -> str:
    """The remote when it is a plain URL (https, http, ssh, git, file), scp-like host:path or a path; an
    option
    in disguise (a leading '-'), a transport that runs commands ('ext::', 'file::',
                                                                 any 'name::'), or a control
    character is an error."""
    scheme = remote.split("://", 1)[0].lower() if "://" in remote else ""
    if remote.startswith("-") or "::" in remote.split("/", 1)[0] or any(ord(c) < 32 for c in remote) or (
            scheme and scheme not in _URL_SCHEMES):
        raise SitegenError(f"Remote {remote!r} wird nicht verwendet: nur URLs mit {', '.join(_URL_SCHEMES)}, "
                           "host:pfad oder ein Pfad", fix="gib die URL des Repositorys an, z. B. "
                           "https://github.com/user/archiv.git oder git@github.com:user/archiv.git")
    return remote


def _absolute_local(url: str) -> str:
    """A relative local remote path resolved against the repository's top folder, as git does."""
    if "://" in url or _SCP_LIKE.match(url) or Path(url).is_absolute():
        return url
    top = _quiet(["git", "rev-parse", "--show-toplevel"]) or "."
    return str((Path(top) / url).resolve())


def _quiet(cmd: list[str]) -> str:
    """The stripped output of a git query in the current folder; empty on failure."""
    clean = {k: v for k, v in os.environ.items() if k not in ("GIT_INDEX_FILE",)}
    done = subprocess.run(cmd, capture_output=True, text=True, env=clean)
    return done.stdout.strip() if done.returncode == 0 else ""


def work_env(tmp: Path) -> dict[str, str]:
    """Environment for git calls on the temporary repository and index, with a commit identity."""
    env = {k: v for k, v in os.environ.items() if k not in _REPO_VARS}
    env.update(identity(os.environ))
    env.update(GIT_DIR=str(tmp / "repo.git"), GIT_INDEX_FILE=str(tmp / "index"),
               GIT_TERMINAL_PROMPT="0", LC_ALL="C")
    return env


def identity(environ: Mapping[str, str]) -> dict[str, str]:
    """Author and committer: set variables, else the configured user, else sitegen <sitegen@localhost>."""
    name = _quiet(["git", "config", "user.name"]) or FALLBACK_NAME
    email = _quiet(["git", "config", "user.email"]) or FALLBACK_EMAIL
    found = {}
    for role in ("AUTHOR", "COMMITTER"):
        found[f"GIT_{role}_NAME"] = environ.get(f"GIT_{role}_NAME") or name
        found[f"GIT_{role}_EMAIL"] = environ.get(f"GIT_{role}_EMAIL") or email
    return found


def git(env: Mapping[str, str], *args: str, stdin: bytes | None = None, cwd: Path | None = None) -> str:
    """Run git on the temporary repository; its stripped output, or a SitegenError naming the failure."""
    done = subprocess.run(["git", *_SETTINGS, *args], input=stdin, cwd=cwd,
                          capture_output=True, env=dict(env))
    if done.returncode != 0:
        detail = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["keine Ausgabe"])[-1]
        raise SitegenError(f"git {args[0]} ist gescheitert: {detail}",
                           fix="prüfe die URL des Remotes und deinen Zugang dazu, dann veröffentliche noch "
                               "einmal")
    return done.stdout.decode("utf-8", "replace").strip()


def fetch_branch(env: Mapping[str, str], url: str, branch: str, tmp: Path) -> str | None:
    """Fetch the tip of `branch` from `url`; its commit id, or None when the branch does not exist yet.
    Publishing onto the remote's default branch (HEAD), even an unborn one, is refused.

    Only the last commit and its trees are needed (blobs too where the server cannot filter them)."""
    ref = f"refs/heads/{branch}"
    listing = git(env, "ls-remote", "--symref", "--", url, "HEAD", ref).splitlines()
    head = next((line[5:].split("\t")[0] for line in listing if line.startswith("ref: ")), None)
    if head is None and not any(line.endswith("\tHEAD") for line in listing):
        head = unborn_head(env, url, tmp)
    if head == ref:
        raise SitegenError(f"{branch!r} ist der Standard-Branch von {url}; Veröffentlichen würde seine "
                           "Dateien "
                           "ersetzen", fix="veröffentliche auf einen eigenen Branch, z. B. --branch gh-pages")
    if not any(line.split("\t")[-1] == ref for line in listing):
        return None
    git(env, "remote", "add", "--", "target", url)  # a named remote: a filtered fetch needs one (a promisor)
    git(env, "fetch", "-q", "--no-tags", "--depth=1", "--filter=blob:none", "target",
        f"+{ref}:refs/sitegen/parent")
    return git(env, "rev-parse", "refs/sitegen/parent")


def unborn_head(env: Mapping[str, str], url: str, tmp: Path) -> str | None:
    """The branch the HEAD of a remote without a HEAD commit names (an empty repository's future default
    branch), as a clone sees it; None when it cannot be told."""
    probe = {k: v for k, v in env.items() if k not in ("GIT_DIR", "GIT_INDEX_FILE")}
    folder = str(tmp / "head-probe.git")
    git(probe, "clone", "-q", "--bare", "--depth=1", "--filter=blob:none", "--no-tags", "--", url, folder)
    return git(probe, "--git-dir", folder, "symbolic-ref", "-q", "HEAD") or None


def hash_files(env: Mapping[str, str], site: Path, files: list[str]) -> dict[str, str]:
    """Store every file as a blob, byte for byte; a map from path to blob id."""
    if not files:
        return {}
    out = git(env, "hash-object", "-w", "--no-filters", "--stdin-paths",
              stdin=b"".join(os.fsencode(name) + b"\n" for name in files), cwd=site)
    return dict(zip(files, out.splitlines()))


def extra_files(env: Mapping[str, str], cname: str | None) -> dict[str, str]:
    """Blob ids of .nojekyll (always) and CNAME (when a domain is given)."""
    extras = {".nojekyll": ""}
    if cname:
        extras["CNAME"] = cname.strip() + "\n"
    return {name: git(env, "hash-object", "-w", "--stdin", stdin=text.encode())
            for name, text in extras.items()}


def write_tree(env: Mapping[str, str], entries: Mapping[str, str]) -> str:
    """Fill the temporary index with exactly `entries` and write it as a tree; the tree id."""
    info = "".join(f"{BLOB_MODE} {sha}\t{name}\0" for name, sha in sorted(entries.items()))
    git(env, "update-index", "-z", "--index-info", stdin=os.fsencode(info))
    return git(env, "write-tree")


def commit_message(count: int) -> str:
    """The deterministic commit message for a tree of `count` files."""
    return f"Site aktualisiert: {count} {'Datei' if count == 1 else 'Dateien'}"


def commit_tree(env: Mapping[str, str], tree: str, parent: str | None, message: str) -> str:
    """A commit of `tree` on top of `parent` (none for a new branch); the commit id."""
    parents = ["-p", parent] if parent else []
    return git(env, "commit-tree", tree, *parents, "-m", message)


def push(env: Mapping[str, str], url: str, commit: str, branch: str) -> None:
    """Fast-forward `branch` on `url` to `commit`; never forced, so a concurrent deploy is not lost."""
    git(env, "push", "-q", "--", url, f"{commit}:refs/heads/{branch}")
