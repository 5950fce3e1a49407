"""deploy(): the built site as the only content of gh-pages on a local bare repository."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from sitegen.deploy import deploy
from sitegen.errors import SitegenError, setup
from sitegen.output import MARKER as BUILD_MARKER


def run(*args: str, cwd: Path | None = None) -> str:
    """Run a command; its stripped output."""
    return subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def bare_git(repo: Path, *args: str) -> str:
    """Run git on the bare repository `repo`."""
    return run("git", "--git-dir", str(repo), *args)


def tree_files(repo: Path, rev: str = "gh-pages") -> dict[str, bytes]:
    """Every file of `rev` with its content."""
    names = bare_git(repo, "ls-tree", "-r", "--name-only", "-z", rev).split("\0")
    return {name: subprocess.run(["git", "--git-dir", str(repo), "show", f"{rev}:{name}"],
                                 check=True, capture_output=True).stdout for name in names if name}


def commits(repo: Path, rev: str = "gh-pages") -> list[str]:
    """Commit ids of `rev`, newest first."""
    return bare_git(repo, "rev-list", rev).split()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small built site: an index, a nested page, a binary file and a German file name."""
    out = tmp_path / "_site"
    (out / "personen" / "angela-merkel").mkdir(parents=True)
    (out / "index.html").write_text("<h1>Archiv</h1>", encoding="utf-8")
    (out / "personen" / "angela-merkel" / "index.html").write_text("<h1>Merkel</h1>", encoding="utf-8")
    (out / "bild.bin").write_bytes(bytes(range(256)))
    (out / "straße.html").write_text("ß", encoding="utf-8")
    return out


@pytest.fixture(params=["filter", "no-filter"])
def remote(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty bare repository that can (as GitHub) or cannot filter blobs; tests run in tmp_path."""
    monkeypatch.chdir(tmp_path)
    repo = tmp_path / "remote.git"
    run("git", "init", "-q", "--bare", str(repo))
    bare_git(repo, "config", "uploadpack.allowFilter", str(request.param == "filter").lower())
    return repo


def site_contents(site: Path) -> dict[str, bytes]:
    """Every file below `site` with its content, by POSIX path."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_first_deploy_makes_one_commit_of_exactly_the_site(site: Path, remote: Path, capsys) -> None:
    setup()
    assert deploy(site, str(remote)) is True
    assert len(commits(remote)) == 1
    assert tree_files(remote) == {**site_contents(site), ".nojekyll": b""}
    assert bare_git(remote, "log", "-1", "--format=%s", "gh-pages") == "Site aktualisiert: 5 Dateien"
    assert "gepusht" in capsys.readouterr().out


def test_build_marker_is_not_published(site: Path, remote: Path) -> None:
    (site / BUILD_MARKER).write_text("ok\n", encoding="utf-8")
    (site / ".nojekyll").write_bytes(b"")
    deploy(site, str(remote))
    assert BUILD_MARKER not in tree_files(remote)
    assert ".nojekyll" in tree_files(remote)


def test_cname_is_added_when_given(site: Path, remote: Path) -> None:
    deploy(site, str(remote), cname="archiv.example.org")
    files = tree_files(remote)
    assert files["CNAME"] == b"archiv.example.org\n"
    assert set(files) == set(site_contents(site)) | {".nojekyll", "CNAME"}


def test_second_deploy_of_same_site_changes_nothing(site: Path, remote: Path, capsys) -> None:
    deploy(site, str(remote))
    before = bare_git(remote, "rev-parse", "gh-pages")
    setup()
    assert deploy(site, str(remote)) is False
    assert bare_git(remote, "rev-parse", "gh-pages") == before
    assert "nichts geändert" in capsys.readouterr().out


def test_changed_file_makes_one_commit_on_top(site: Path, remote: Path) -> None:
    deploy(site, str(remote))
    first = bare_git(remote, "rev-parse", "gh-pages")
    deploy(site, str(remote))
    (site / "index.html").write_text("<h1>Neu</h1>", encoding="utf-8")
    (site / "bild.bin").unlink()
    assert deploy(site, str(remote)) is True
    assert commits(remote) == [bare_git(remote, "rev-parse", "gh-pages"), first]
    assert bare_git(remote, "log", "-1", "--format=%P", "gh-pages") == first
    assert tree_files(remote) == {**site_contents(site), ".nojekyll": b""}


def test_existing_branch_history_is_kept_and_its_files_replaced(site: Path, remote: Path,
                                                              tmp_path: Path) -> None:
    other = tmp_path / "other"
    run("git", "init", "-q", str(other))
    (other / "alt.html").write_text("alt", encoding="utf-8")
    run("git", "add", "alt.html", cwd=other)
    run("git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "alt", cwd=other)
    run("git", "push", "-q", str(remote), "HEAD:refs/heads/gh-pages", cwd=other)
    old = bare_git(remote, "rev-parse", "gh-pages")
    assert deploy(site, str(remote)) is True
    assert commits(remote)[1:] == [old]
    assert "alt.html" not in tree_files(remote)


def test_remote_name_leaves_the_user_repository_untouched(site: Path, remote: Path,
                                                          tmp_path: Path, monkeypatch) -> None:
    user = tmp_path / "project"
    run("git", "init", "-q", "-b", "main", str(user))
    (user / "README").write_text("x", encoding="utf-8")
    run("git", "add", "README", cwd=user)
    run("git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init", cwd=user)
    run("git", "remote", "add", "origin", str(remote), cwd=user)
    (user / "README").write_text("edited, not staged", encoding="utf-8")
    index = (user / ".git" / "index").read_bytes()
    status, refs = run("git", "status", "--porcelain", cwd=user), run("git", "show-ref", cwd=user)
    monkeypatch.chdir(user)
    assert deploy(site, "origin") is True
    assert (user / ".git" / "index").read_bytes() == index
    assert run("git", "status", "--porcelain", cwd=user) == status
    assert run("git", "show-ref", cwd=user) == refs
    assert "README" not in tree_files(remote)


def test_identity_falls_back_to_sitegen(site: Path, remote: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for role in ("AUTHOR", "COMMITTER"):
        for part in ("NAME", "EMAIL"):
            monkeypatch.delenv(f"GIT_{role}_{part}", raising=False)
    deploy(site, str(remote))
    who = bare_git(remote, "log", "-1", "--format=%an <%ae>|%cn <%ce>", "gh-pages")
    assert who == "sitegen <sitegen@localhost>|sitegen <sitegen@localhost>"


def test_configured_identity_is_used(site: Path, remote: Path, monkeypatch) -> None:
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Redaktion")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "redaktion@example.org")
    deploy(site, str(remote))
    assert bare_git(remote, "log", "-1", "--format=%an <%ae>", "gh-pages") == \
        "Redaktion <redaktion@example.org>"


def assert_refused(site: Path, remote: Path, words: str) -> None:
    """deploy raises a SitegenError mentioning `words` and pushes nothing."""
    with pytest.raises(SitegenError) as info:
        deploy(site, str(remote))
    assert words in str(info.value) and info.value.fix
    assert bare_git(remote, "for-each-ref") == ""


def test_refuses_missing_site(tmp_path: Path, remote: Path) -> None:
    assert_refused(tmp_path / "nowhere", remote, "gibt es nicht")


def test_refuses_empty_site(tmp_path: Path, remote: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert_refused(tmp_path / "empty", remote, "leer")


def test_refuses_site_without_index(site: Path, remote: Path) -> None:
    (site / "index.html").unlink()
    assert_refused(site, remote, "index.html")


def test_refuses_failed_build_marker_beside(site: Path, remote: Path) -> None:
    (site.parent / f"{site.name}.failed").write_text("render failed", encoding="utf-8")
    assert_refused(site, remote, "Build ist gescheitert")


def test_refuses_after_a_build_that_failed_with_an_unexpected_error(small_archive: Path, remote: Path,
                                                                     monkeypatch) -> None:
    from sitegen import render
    from sitegen.build import build
    from sitegen.config import load_config

    config = load_config(small_archive)
    build(config, log=lambda line: None)

    def broken(*args, **kwargs):
        raise RuntimeError("unerwartet")

    monkeypatch.setattr(render, "render_pages", broken)
    monkeypatch.setattr("sitegen.build.render_pages", broken)
    with pytest.raises(SitegenError, match="RuntimeError: unerwartet"):
        build(config, log=lambda line: None)
    assert_refused(config.out, remote, "Build ist gescheitert")


def test_refuses_the_remote_default_branch(site: Path, remote: Path, tmp_path: Path) -> None:
    source = tmp_path / "source"
    run("git", "init", "-q", "-b", "main", str(source))
    (source / "README").write_text("Quelltext", encoding="utf-8")
    run("git", "add", "README", cwd=source)
    run("git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init", cwd=source)
    run("git", "push", "-q", str(remote), "main", cwd=source)
    bare_git(remote, "symbolic-ref", "HEAD", "refs/heads/main")
    before = bare_git(remote, "rev-parse", "main")
    with pytest.raises(SitegenError, match="Standard-Branch"):
        deploy(site, str(remote), branch="main")
    assert bare_git(remote, "rev-parse", "main") == before
    assert deploy(site, str(remote)) is True


def test_refuses_unknown_remote(site: Path, remote: Path) -> None:
    with pytest.raises(SitegenError, match="unbekanntes Remote"):
        deploy(site, "no-such-remote")


def test_unreachable_remote_is_a_sitegen_error(site: Path, tmp_path: Path, remote: Path) -> None:
    (tmp_path / "not-a-repo").mkdir()
    with pytest.raises(SitegenError, match="git ls-remote ist gescheitert"):
        deploy(site, str(tmp_path / "not-a-repo"))


def test_cli_deploy_publishes_then_reports_no_change(site: Path, remote: Path, capsys) -> None:
    from sitegen.cli import main

    args = ["deploy", "--remote", str(remote), "--out", str(site)]
    assert main(args) == 0
    assert len(commits(remote)) == 1
    assert main(args) == 0
    assert "nichts geändert" in capsys.readouterr().out
    assert len(commits(remote)) == 1


def test_quiet_deploy_says_nothing_but_publishes(site: Path, remote: Path, capsys) -> None:
    from sitegen.cli import main

    assert main(["-q", "deploy", "--remote", str(remote), "--out", str(site)]) == 0
    assert len(commits(remote)) == 1 and capsys.readouterr().out == ""


def test_cli_deploy_refusal_is_one_line(tmp_path: Path, remote: Path, capsys) -> None:
    from sitegen.cli import main

    assert main(["deploy", "--remote", str(remote), "--out", str(tmp_path / "nowhere")]) == 1
    assert "gibt es nicht" in capsys.readouterr().err


@pytest.mark.parametrize("hostile", ["--upload-pack=touch pwned;false:x", "-oProxyCommand=touch pwned",
                                     "ext::sh -c touch% pwned", "file::./x", "fd::3", "evil://x/y"])
def test_a_remote_that_is_an_option_or_runs_a_command_is_refused(site: Path, tmp_path: Path, hostile: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SitegenError, match="wird nicht verwendet"):
        deploy(site, hostile)
    assert not (tmp_path / "pwned").exists()


def test_a_configured_remote_with_a_command_transport_is_refused(site: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run("git", "init", "-q", str(tmp_path))
    run("git", "remote", "add", "origin", "ext::sh -c touch% pwned", cwd=tmp_path)
    with pytest.raises(SitegenError, match="wird nicht verwendet"):
        deploy(site, "origin")
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("branch", ["-f", "a..b", "x y", "main\n"])
def test_a_branch_that_is_not_a_branch_name_is_refused(site: Path, remote: Path, branch: str) -> None:
    with pytest.raises(SitegenError, match="kein gültiger Branch-Name"):
        deploy(site, str(remote), branch=branch)


def test_credentials_in_a_remote_url_are_never_printed(site: Path, capsys) -> None:
    from sitegen.cli import main

    assert main(["deploy", "--remote", "https://anna:geheim-123@127.0.0.1:9/archiv.git", "--out",
                 str(site)]) == 1
    err = capsys.readouterr().err
    assert "geheim-123" not in err and "anna" not in err and err.count("\n") == 1
    shown = str(SitegenError("x", path="https://a:b@127.0.0.1:9/archiv.git"))
    assert "https://***@127.0.0.1:9/archiv.git" in shown


def test_refuses_the_unborn_default_branch_of_an_empty_remote(site: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.git"
    run("git", "init", "-q", "--bare", "-b", "main", str(empty))
    with pytest.raises(SitegenError, match="Standard-Branch"):
        deploy(site, str(empty), branch="main")
    assert bare_git(empty, "for-each-ref") == ""
    assert deploy(site, str(empty), branch="gh-pages") is True
