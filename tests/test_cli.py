"""The command line: German help with defaults for every option, `sitegen new`, the check summary, a busy
port, a build without base_url, a mistyped --content; never a traceback."""
from __future__ import annotations

import argparse
import errno
import json
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import write_article
from sitegen.cli import main, parser
from sitegen.errors import LOG, setup
from test_serve import fetch, wait_for

ENGLISH = re.compile(r"\b(usage|show|this|help message|options|positional|arguments|default|the|is|of|and|to|"
                     r"with|file|folder|site|build|write|print|for|not|required|invalid|expected)\b")


def run(args: list[str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """`sitegen ARGS` in `cwd`, as an editor would run it."""
    return subprocess.run([sys.executable, "-m", "sitegen", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, check=False)


def subcommands() -> dict[str, argparse.ArgumentParser]:
    """Every subcommand's parser by name."""
    action = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def german_words(text: str) -> str:
    """The help text without option names, metavars, file names and URLs (the names that stay English)."""
    names = r"(--?[\w-]+|[\w.-]*/[\w./-]*|https?://\S+|'[^']*'|\b[A-Z_|]{2,}\b|\w+\.(ya?ml|md)\b)"
    text = re.sub(names, " ", text)
    return re.sub(r"\b(sitegen|new|ingest|build|serve|check|deploy|tag|init-workflow|gh-pages|origin|content|"
                  r"out|base_url|BIO|Token|Sidecar|Front-Matter|Markdown|Pages|GitHub|Remote|URL|Branch|JSON|"
                  r"Port|Host|Workflow|Pages-Workflow|GitHub-Pages-Workflow|Website)\b", " ", text)


@pytest.mark.parametrize("command", ["", *subcommands()])
def test_every_help_is_german_and_shows_every_default(command, tmp_path):
    done = run([command, "--help"] if command else ["--help"], tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    assert "Aufruf: sitegen" in done.stdout and "Optionen:" in done.stdout
    assert not ENGLISH.search(german_words(done.stdout)), done.stdout
    if command:
        for action in subcommands()[command]._actions:
            assert action.help, f"{command} {action.dest} has no help"
            if action.option_strings and not isinstance(action, argparse._HelpAction):
                assert "Standard:" in action.help, f"{command} {action.option_strings[0]}"


def test_argument_mistakes_are_german_one_liners(tmp_path):
    for args, expected in ((["serve", "--port", "x"], "'x' ist kein Port"), (["bogus"], "ungültige Wahl"),
                           ([], "es fehlt: BEFEHL"), (["build", "--nope"], "unbekannte Argumente: --nope")):
        done = run(args, tmp_path)
        last = done.stderr.strip().splitlines()[-1]
        assert done.returncode == 2 and last.startswith("sitegen") and expected in last, done.stderr


@pytest.mark.parametrize("args, expected", [
    (["build", "-q", "-v"], "Argument -v/--verbose: nicht zusammen mit -q/--quiet erlaubt"),
    (["check", "--json", "--all"], "Argument --all: nicht zusammen mit --json erlaubt"),
    (["init-workflow", "--force=ja"], "Argument --force: erwartet keinen Wert, bekam 'ja'"),
    (["new", "x", "--title"], "Argument --title: erwartet einen Wert"),
    (["serve", "--port", "²"], "Argument --port: '²' ist kein Port (eine Zahl von 1 bis 65535)"),
])
def test_argparse_messages_are_whole_german_sentences(args, expected, capsys):
    with pytest.raises(SystemExit):
        parser().parse_args(args)
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.endswith(f": Fehler: {expected}") and not ENGLISH.search(german_words(last)), last


@pytest.mark.parametrize("option, value, expected", [
    ("--base-url", "ftp://x", "--base-url: base_url 'ftp://x' ist keine Webadresse"),
    ("--title", " ", "--title: 'title' muss ein Text sein"),
])
def test_new_refuses_settings_the_archive_could_not_load(tmp_path, capsys, option, value, expected):
    assert main(["new", str(tmp_path / "archiv"), option, value]) == 1
    assert capsys.readouterr().err.startswith(f"sitegen: Fehler: {expected} (")
    assert not (tmp_path / "archiv").exists()


def test_new_in_a_folder_the_system_refuses_is_one_line(tmp_path, capsys):
    (tmp_path / "datei").write_text("", encoding="utf-8")
    assert main(["new", str(tmp_path / "datei" / "archiv")]) == 1
    assert capsys.readouterr().err == (f"sitegen: Fehler: {tmp_path}/datei/archiv/content/articles: ist kein "
                                       "Ordner (prüfe die Datei, ihre Rechte und den freien Platz)\n")


@pytest.mark.parametrize("empty_folder", [False, True])
def test_new_failing_halfway_leaves_nothing_and_can_be_run_again(tmp_path, capsys, monkeypatch, empty_folder):
    folder = tmp_path / "archiv"
    if empty_folder:  # an empty folder given stays the same folder (it may be the shell's working folder)
        folder.mkdir()
    inode = folder.stat().st_ino if empty_folder else None

    def full_disk(root, force=False):
        raise OSError(errno.ENOSPC, "No space left on device", str(root))
    monkeypatch.setattr("sitegen.scaffold.write_workflow", full_disk)
    assert main(["new", str(folder)]) == 1
    assert "kein Platz mehr auf dem Datenträger" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == (["archiv"] if empty_folder else [])
    assert not empty_folder or not any(folder.iterdir())
    monkeypatch.undo()
    assert main(["new", str(folder)]) == 0
    assert (folder / "sitegen.yaml").is_file() and (folder / ".github" / "workflows" / "pages.yml").is_file()
    assert inode is None or folder.stat().st_ino == inode


def test_new_starts_an_archive_and_refuses_a_non_empty_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "archiv"
    assert main(["new", str(folder), "--title", "Mein Archiv"]) == 0
    assert "sitegen ingest" in capsys.readouterr().out
    assert (folder / "content" / "articles").is_dir() and (folder / "seeds").is_dir()
    assert (folder / ".github" / "workflows" / "pages.yml").is_file()
    settings = (folder / "sitegen.yaml").read_text(encoding="utf-8")
    assert "title: Mein Archiv" in settings and "base_url: /" in settings
    assert "Als Nächstes" in (folder / "README.md").read_text(encoding="utf-8")
    done = run(["build"], folder)  # the new archive builds as it is, and says what base_url is for
    assert done.returncode == 0 and "ohne base_url" in done.stderr
    assert main(["new", str(folder)]) == 1
    assert "ist nicht leer" in capsys.readouterr().err


def test_a_busy_port_given_with_port_is_one_line(small_archive):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run(["serve", "--port", str(port)], small_archive)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    expected = (f"sitegen: Fehler: Port {port} ist belegt, vielleicht von einer anderen Vorschau (wähle mit "
                "--port einen anderen, oder lass --port weg: dann nimmt sitegen den nächsten freien)")
    assert done.stderr.strip().splitlines() == [expected]


def test_without_port_a_busy_default_port_moves_to_the_next_free_one(small_archive):
    with socket.socket() as taken:
        try:
            taken.bind(("127.0.0.1", 8000))
            taken.listen()
        except OSError:
            pass  # taken already, which is what this test needs
        log = small_archive / "serve.log"
        with open(log, "w", encoding="utf-8") as out:
            proc = subprocess.Popen([sys.executable, "-m", "sitegen", "serve"], cwd=small_archive, stdout=out,
                                    stderr=subprocess.STDOUT)
        try:
            moved = r"Port 8000 ist belegt – die Vorschau nimmt den nächsten freien, Port (\d+)"
            line = wait_for(lambda: re.search(moved, log.read_text(encoding="utf-8")))
            wait_for(lambda: fetch(f"http://127.0.0.1:{line[1]}/artikel/gipfel-in-genf/")[0] == 200)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_check_sums_up_and_lists_everything_on_request(small_archive, capsys, monkeypatch):
    monkeypatch.chdir(small_archive)
    for n in range(12):
        write_article(small_archive, f"x{n}.md", f"title: Einzeln {n}\ndate: 2021-03-0{n % 9 + 1}\n"
                                                 f"people: [Person {n:02d}]")
    assert main(["build", "-q"]) == 0
    capsys.readouterr()
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("check: 0 Fehler, ") and "Warnung – nur von einem Artikel genannt: " in out
    assert "people: 14 von 15 Namen nennt nur ein Artikel: Joseph Biden, Person 00, Person 01, Person 02, " \
        "Person 03 … und 9 weitere" in out and "Person 11" not in out
    assert "(gekürzt: alle mit --all, maschinenlesbar mit --json)" in out
    assert main(["check", "--all"]) == 0
    assert "Person 11" in capsys.readouterr().out
    assert main(["check", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["fehler"] == [] and any("Person 11" in w["namen"] for w in found["warnungen"])


def test_warnings_name_the_registry_under_content(small_archive, capsys, monkeypatch):
    monkeypatch.chdir(small_archive)
    other = small_archive / "anderswo"
    (small_archive / "content").rename(other)
    write_article(small_archive, "d.md", "title: Dritter\ndate: 2021-01-01\npeople: [Mueller, Müller]")
    (small_archive / "content" / "articles" / "d.md").rename(other / "articles" / "d.md")
    assert main(["build", "--content", "anderswo"]) == 0
    err = capsys.readouterr().err
    assert "führe sie in anderswo/entities.yaml zusammen" in err and "content/entities.yaml" not in err


def test_without_base_url_the_build_warns_once_and_feeds_invent_no_date(small_archive):
    done = run(["build"], small_archive)
    assert done.returncode == 0 and done.stderr.count("ohne base_url") == 1
    feed = (small_archive / "_site" / "feed.xml").read_text(encoding="utf-8")
    assert "1970" not in feed and "Ohne Datum" not in feed and "Gipfel in Genf" in feed
    done = run(["build", "--base-url", "https://example.org/archiv/"], small_archive)
    assert done.returncode == 0 and "base_url" not in done.stderr


def test_a_mistyped_content_folder_is_refused_before_anything_is_written(small_archive):
    assert run(["build"], small_archive).returncode == 0
    done = run(["build", "--content", "contnet"], small_archive)
    assert done.returncode == 1 and "contnet: den Inhaltsordner gibt es nicht" in done.stderr
    assert not (small_archive / "_site.failed").exists()
    assert (small_archive / "_site" / "index.html").is_file()


def test_quiet_keeps_warnings_and_drops_notes(small_archive):
    done = run(["build", "-q"], small_archive)
    assert done.returncode == 0 and done.stdout == "" and "ohne base_url" in done.stderr
    assert "Dateien" in run(["build"], small_archive).stdout


def test_an_unknown_host_is_one_line(small_archive):
    done = run(["serve", "--host", "rechner.invalid", "--port", "8999"], small_archive)
    expected = ("sitegen: Fehler: rechner.invalid:8999 lässt sich nicht öffnen: unbekannter Rechnername "
                "(wähle mit --host und --port eine andere Adresse)")
    assert done.returncode == 1 and done.stderr.strip().splitlines() == [expected]


def test_a_file_the_system_refuses_is_one_line(small_archive, capsys, monkeypatch):
    (small_archive / "content" / "articles" / "kreis.md").symlink_to("kreis.md")
    done = run(["build"], small_archive)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "content/articles/kreis.md" in done.stderr

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device", str(small_archive / "_site" / "a\nb.html"))

    monkeypatch.chdir(small_archive)
    monkeypatch.setattr("sitegen.build.build", full_disk)
    assert main(["build"]) == 1
    assert capsys.readouterr().err == (f"sitegen: Fehler: {small_archive}/_site/a\\nb.html: kein Platz mehr "
                                       "auf dem Datenträger (prüfe die Datei, ihre Rechte und den freien "
                                       "Platz)\n")


def test_with_verbose_a_fault_is_its_line_and_traceback(capsys):
    setup(1)
    try:
        raise ZeroDivisionError("durch null")
    except ZeroDivisionError:
        LOG.error("interner Fehler bei /", exc_info=True)
    finally:
        setup(0)
    err = capsys.readouterr().err
    assert err.startswith("sitegen: Fehler: interner Fehler bei /\nTraceback (most recent call last):")
    assert err.rstrip().endswith("ZeroDivisionError: durch null") and "Logging error" not in err
