"""Publish the built site as the whole tree of a gh-pages branch, on top of its history (after lektor's
publish_ghpages), through a temporary bare repository: the user's working tree and index are never touched."""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Mapping

from sitegen.errors import LOG, SitegenError, printable
from sitegen.output import MARKER
from sitegen.render import RECORDS
from sitegen.workers import files_below

# No line-ending filters; no background gc or maintenance still writing while the temp dir is removed;
# no transport that runs a command (ext::, fd::), whatever the user's git configuration allows.
SETTINGS = ("-c", "core.autocrlf=false", "-c", "gc.auto=0", "-c", "maintenance.auto=false",
            "-c", "fetch.writeCommitGraph=false", "-c", "protocol.ext.allow=never",
            "-c", "protocol.fd.allow=never")
URL_SCHEMES = ("https", "http", "ssh", "git", "file")
SCP_LIKE = re.compile(r"^(?:[A-Za-z0-9._~+-]+@)?[A-Za-z0-9._-]+:(?!//)")  # [user@]host:path
# Inherited variables that would point our git calls at the user's repository or index.
REPO_VARS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR",
             "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_PREFIX")


def deploy(site: Path, remote: str, branch: str = "gh-pages", cname: str | None = None) -> bool:
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
        tree, count = write_tree(env, site, files, cname)
        if parent and git(env, "rev-parse", f"{parent}^{{tree}}") == tree:
            LOG.info(printable(f"{branch} auf {remote}: nichts geändert, nichts gepusht"))
            return False
        message = f"Site aktualisiert: {count} {'Datei' if count == 1 else 'Dateien'}"
        commit = git(env, "commit-tree", tree, *(["-p", parent] if parent else []), "-m", message)
        git(env, "push", "-q", "--", url, f"{commit}:refs/heads/{branch}")  # never forced: no deploy is lost
    LOG.info(printable(f"{branch} auf {remote}: {commit[:12]} gepusht ({count} Dateien)"))
    return True


def check_site(site: Path) -> None:
    """Refuse a missing, empty or failed build (`<site>.failed` beside it), or one without index.html."""
    fix = "führe zuerst `sitegen build` aus und veröffentliche erst, wenn es gelingt"
    if not site.is_dir():
        raise SitegenError("den Ordner der Website gibt es nicht", path=site, fix=fix)
    if not any(site.iterdir()):
        raise SitegenError("der Ordner der Website ist leer", path=site, fix=fix)
    beside = site.parent / f"{site.name}.failed"
    if beside.exists():
        raise SitegenError("der letzte Build ist gescheitert; es wird nichts veröffentlicht", path=beside,
                           fix=fix)
    if not (site / "index.html").is_file():
        raise SitegenError("der Ordner der Website hat keine index.html", path=site, fix=fix)


def site_files(site: Path) -> list[str]:
    """Every file below `site` as a sorted POSIX path relative to it; .git and build markers left out."""
    found = sorted(rel for rel, entry in files_below(site) if ".git" not in rel.split("/")
                   and not entry.is_dir() and ("/" in rel or rel not in (MARKER, RECORDS)))
    bad = [name for name in found if "\n" in name or "\r" in name]
    if bad:
        raise SitegenError(f"Dateiname mit Zeilenumbruch: {bad[0]!r}", path=site, fix="benenne die Datei um")
    return found


def check_branch(branch: str) -> None:
    """Refuse a name git does not take as a branch, or one that reads as an option."""
    if branch.startswith("-") or subprocess.run(["git", "check-ref-format", f"refs/heads/{branch}"],
                                                capture_output=True).returncode != 0:
        raise SitegenError(f"{branch!r} ist kein gültiger Branch-Name", fix="nimm z. B. --branch gh-pages")


def resolve_remote(remote: str) -> str:
    """A URL git can use: the URL of a remote of the current repository, else `remote` as URL or path."""
    check_remote(remote)
    named = _quiet("remote", "get-url", "--", remote)
    url = named or remote
    if "://" in url or SCP_LIKE.match(url) or named and Path(url).is_absolute():
        return check_remote(url)
    if named:  # a path relative to the repository's top folder, as git reads it
        return check_remote(str((Path(_quiet("rev-parse", "--show-toplevel") or ".") / url).resolve()))
    if Path(remote).exists():
        return str(Path(remote).resolve())
    raise SitegenError(f"unbekanntes Remote {remote!r}",
                       fix="nenne ein Remote dieses Repositorys (siehe `git remote -v`) oder gib eine URL "
                           "oder einen Pfad an")


def check_remote(remote: str) -> str:
    """The remote when it is a URL of URL_SCHEMES, host:path or a path; not an option in disguise, a
    transport that runs commands ('ext::', any 'name::') or one with a control character."""
    scheme = remote.split("://", 1)[0].lower() if "://" in remote else ""
    if remote.startswith("-") or "::" in remote.split("/", 1)[0] or any(ord(c) < 32 for c in remote) or (
            scheme and scheme not in URL_SCHEMES):
        raise SitegenError(f"Remote {remote!r} wird nicht verwendet: nur URLs mit {', '.join(URL_SCHEMES)}, "
                           "host:pfad oder ein Pfad", fix="gib die URL des Repositorys an, z. B. "
                           "https://github.com/user/archiv.git oder git@github.com:user/archiv.git")
    return remote


def _quiet(*args: str) -> str:
    """The stripped output of a git query in the current folder; empty on failure."""
    clean = {k: v for k, v in os.environ.items() if k != "GIT_INDEX_FILE"}
    done = subprocess.run(["git", *args], capture_output=True, text=True, env=clean)
    return done.stdout.strip() if done.returncode == 0 else ""


def work_env(tmp: Path) -> dict[str, str]:
    """Environment for git on the temporary repository and index; author and committer as set in the
    environment, else the configured user, else sitegen <sitegen@localhost>."""
    env = {k: v for k, v in os.environ.items() if k not in REPO_VARS}
    name = _quiet("config", "user.name") or "sitegen"
    email = _quiet("config", "user.email") or "sitegen@localhost"
    for role in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{role}_NAME"] = os.environ.get(f"GIT_{role}_NAME") or name
        env[f"GIT_{role}_EMAIL"] = os.environ.get(f"GIT_{role}_EMAIL") or email
    env.update(GIT_DIR=str(tmp / "repo.git"), GIT_INDEX_FILE=str(tmp / "index"), GIT_TERMINAL_PROMPT="0",
               LC_ALL="C")
    return env


def git(env: Mapping[str, str], *args: str, stdin: bytes | None = None, cwd: Path | None = None) -> str:
    """Run git on the temporary repository; its stripped output, or a SitegenError naming the failure."""
    done = subprocess.run(["git", *SETTINGS, *args], input=stdin, cwd=cwd, capture_output=True, env=dict(env))
    if done.returncode != 0:
        detail = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["keine Ausgabe"])[-1]
        raise SitegenError(f"git {args[0]} ist gescheitert: {detail}",
                           fix="prüfe die URL des Remotes und deinen Zugang dazu, dann veröffentliche noch "
                               "einmal")
    return done.stdout.decode("utf-8", "replace").strip()


def fetch_branch(env: Mapping[str, str], url: str, branch: str, tmp: Path) -> str | None:
    """Fetch the tip of `branch` (its last commit and trees); its commit id, or None when there is no such
    branch yet. Publishing onto the remote's default branch, even an unborn one, is refused."""
    ref = f"refs/heads/{branch}"
    listing = git(env, "ls-remote", "--symref", "--", url, "HEAD", ref).splitlines()
    head = next((line[5:].split("\t")[0] for line in listing if line.startswith("ref: ")), None)
    if head is None and not any(line.endswith("\tHEAD") for line in listing):  # no HEAD commit: ask a clone
        probe = {k: v for k, v in env.items() if k not in ("GIT_DIR", "GIT_INDEX_FILE")}
        folder = str(tmp / "head-probe.git")
        git(probe, "clone", "-q", "--bare", "--depth=1", "--filter=blob:none", "--no-tags", "--", url, folder)
        head = git(probe, "--git-dir", folder, "symbolic-ref", "-q", "HEAD") or None
    if head == ref:
        raise SitegenError(f"{branch!r} ist der Standard-Branch von {url}; Veröffentlichen würde seine "
                           "Dateien ersetzen",
                           fix="veröffentliche auf einen eigenen Branch, z. B. --branch gh-pages")
    if not any(line.split("\t")[-1] == ref for line in listing):
        return None
    git(env, "remote", "add", "--", "target", url)  # a named remote: a filtered fetch needs one (a promisor)
    git(env, "fetch", "-q", "--no-tags", "--depth=1", "--filter=blob:none", "target",
        f"+{ref}:refs/sitegen/parent")
    return git(env, "rev-parse", "refs/sitegen/parent")


def write_tree(env: Mapping[str, str], site: Path, files: list[str], cname: str | None) -> tuple[str, int]:
    """Store the files byte for byte, with .nojekyll and CNAME (for a domain), as a tree; its id and size."""
    out = git(env, "hash-object", "-w", "--no-filters", "--stdin-paths",
              stdin=b"".join(os.fsencode(name) + b"\n" for name in files), cwd=site) if files else ""
    entries = dict(zip(files, out.splitlines()))
    for name, text in {".nojekyll": "", **({"CNAME": cname.strip() + "\n"} if cname else {})}.items():
        entries[name] = git(env, "hash-object", "-w", "--stdin", stdin=text.encode())
    info = "".join(f"100644 {sha}\t{name}\0" for name, sha in sorted(entries.items()))
    git(env, "update-index", "-z", "--index-info", stdin=os.fsencode(info))
    return git(env, "write-tree"), len(entries)
