"""The `sitegen` command: parses arguments and calls the stage functions; no logic of its own."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from sitegen import __version__
from sitegen.config import Config, load_config
from sitegen.content import FieldError, coerce_date
from sitegen.errors import LOG, SitegenError, reason, setup
from sitegen.scaffold import new_archive, write_workflow

ARGPARSE_GERMAN = (  # argparse's own messages (it has no German of its own): pattern and German, in order
    ("^argument ", "Argument "), (r"not allowed with argument (.+)", r"nicht zusammen mit \1 erlaubt"),
    (r"ignored explicit argument (.+)", r"erwartet keinen Wert, bekam \1"),
    ("the following arguments are required", "es fehlt"), ("unrecognized arguments", "unbekannte Argumente"),
    (r"ambiguous option: (.+) could match", r"mehrdeutige Option: \1 passt auf"), ("choose from", "möglich:"),
    ("expected one argument", "erwartet einen Wert"), ("invalid choice", "ungültige Wahl"),
    ("expected at least one argument", "erwartet mindestens einen Wert"),
    ("expected at most one argument", "erwartet höchstens einen Wert"))


class GermanParser(argparse.ArgumentParser):
    """An argument parser that speaks German: titles, -h, and its error messages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, add_help=False, formatter_class=GermanHelp, **kwargs)
        self._positionals.title, self._optionals.title = "Argumente", "Optionen"
        self.add_argument("-h", "--help", action="help", help="diese Hilfe zeigen")

    def error(self, message: str) -> None:
        """Usage and one German line on stderr, exit status 2."""
        for english, german in ARGPARSE_GERMAN:
            message = re.sub(english, german, message, count=1)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: Fehler: {message}\n")


class GermanHelp(argparse.HelpFormatter):
    """'Aufruf:' instead of 'usage:'."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)


def _config(args: argparse.Namespace, need_content: bool = False) -> Config:
    """Config from sitegen.yaml in the current folder and the options; a missing content folder (given, or
    with `need_content`) is refused before anything is written."""
    given = {name: getattr(args, name, None) for name in ("content", "out", "base_url")}
    config = load_config(Path("."), strict=getattr(args, "strict", None) or None, **given)
    if (need_content or given["content"]) and not config.content.is_dir():
        raise SitegenError("den Inhaltsordner gibt es nicht", path=config.content,
                           fix="prüfe --content, oder lege Artikel an mit `sitegen ingest`")
    return config


def cmd_new(args: argparse.Namespace) -> None:
    folder = Path(args.folder)
    for path in new_archive(folder, args.title, args.base_url):
        LOG.info(f"angelegt: {path}")
    LOG.info(f"Weiter: cd {folder}, Rohartikel nach seeds/ legen, dann `sitegen ingest` und `sitegen serve`.")


def cmd_ingest(args: argparse.Namespace) -> int:
    from sitegen.ingest import ingest

    config = _config(argparse.Namespace())
    out = Path(args.out) if args.out else config.content / "articles"
    sources = [Path(s) for s in (args.sources or ["seeds"])]
    summary = ingest(sources, out, root=config.root, date=args.date, registry=config.registry_file,
                     cache=config.cache / "entities.sqlite")
    for note in summary.notes:
        LOG.info(note)
    LOG.info(summary.line())
    return 1 if summary.skipped and config.strict else 0


def cmd_build(args: argparse.Namespace) -> None:
    from sitegen.build import build

    config = _config(args, need_content=True)
    build(config, log=lambda line: LOG.warning(line.removeprefix("Warnung: ")) if line.startswith("Warnung: ")
          else LOG.info(line))
    if not config.base_url.startswith(("http://", "https://")):
        LOG.warning("ohne base_url haben Feeds, Sitemap und kanonische Links keine vollständigen Adressen "
                    "(setze base_url in sitegen.yaml oder --base-url, z. B. https://benutzer.github.io/archiv/)")


def cmd_serve(args: argparse.Namespace) -> None:
    from sitegen.serve import serve

    serve(_config(args, need_content=True), port=args.port, host=args.host)


def cmd_tag(args: argparse.Namespace) -> int:
    from sitegen.entities import tag_file

    return tag_file(args.file)


def cmd_entities(args: argparse.Namespace) -> None:
    from sitegen.entities import load_registry
    from sitegen.ingest import entity_text
    from sitegen.ingest.entity_pass import archive_merges, describe
    from sitegen.loading import load_articles

    config = _config(args)
    articles = load_articles(config)
    merges = archive_merges([(a, entity_text(a)) for a in articles], load_registry(config.registry_file))
    print("\n".join(describe(merges)))


def cmd_deploy(args: argparse.Namespace) -> None:
    from sitegen.deploy import deploy

    config = _config(args)
    deploy(config.out, remote=args.remote, branch=args.branch, cname=config.cname or None)


def cmd_check(args: argparse.Namespace) -> int:
    from sitegen.check import CheckReport, Finding, as_json, check_output, clutter, summary
    from sitegen.content import shown_path
    from sitegen.loading import load_articles
    from sitegen.model import build_site

    config = _config(args)
    report = check_output(config.out, config.base_path)
    if config.content.is_dir():  # clutter and colliding names need the content; a bare site is checked alone
        site = build_site(load_articles(config), shown_path(config.registry_file, Path.cwd()))
        shared = [Finding("Namen teilen sich eine Seite", line) for line in site.warnings]
        report = CheckReport(report.errors, (*report.warnings, *shared, *clutter(site.terms)))
    print(as_json(report) if args.json else "\n".join(summary(report, everything=args.all)))
    return 1 if report.errors else 0


def cmd_init_workflow(args: argparse.Namespace) -> None:
    LOG.info(f"geschrieben: {write_workflow(Path('.'), force=args.force)}")


def _date(text: str):
    """argparse type for --date."""
    try:
        return coerce_date(text, "--date")
    except FieldError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _port(text: str) -> int:
    """argparse type for --port."""
    if not text.isdecimal() or not 1 <= int(text) <= 65535:  # not isdigit: int("²") fails
        raise argparse.ArgumentTypeError(f"{text!r} ist kein Port (eine Zahl von 1 bis 65535)")
    return int(text)


SITE = {"--content": dict(metavar="ORDNER", help="Ordner der Artikel und des Registers (Standard: content/, "
                          "oder 'content' in sitegen.yaml)"),
        "--out": dict(metavar="ORDNER", help="Ordner der gebauten Website (Standard: _site/, oder 'out' in "
                      "sitegen.yaml)"),
        "--base-url": dict(metavar="URL", help="wo die Website erscheint, z. B. https://benutzer.github.io/"
                           "archiv/ (Standard: 'base_url' in sitegen.yaml, sonst keine)")}
COMMANDS = {  # name: function, what it does, its arguments (and those of which only one may be given)
    "new": (cmd_new, "ein neues Archiv anlegen: sitegen.yaml, content/, seeds/, Pages-Workflow", {
        "folder": dict(metavar="ORDNER", help="der neue (oder leere) Ordner des Archivs"),
        "--title": dict(default="Nachrichtenarchiv", help="Titel der Website (Standard: %(default)s)"),
        "--base-url": dict(default="/", metavar="URL", help="wo die Website erscheint, z. B. https://benutzer."
                           "github.io/archiv/ (Standard: /, die volle Adresse später in sitegen.yaml "
                           "eintragen)")}),
    "ingest": (cmd_ingest, "Rohartikel in Front-Matter-Markdown verwandeln", {
        "sources": dict(nargs="*", metavar="QUELLE", help="Dateien oder Ordner (Standard: seeds/)"),
        "--out": dict(metavar="ORDNER", help="Ordner der Artikeldateien (Standard: content/articles/)"),
        "--date": dict(type=_date, metavar="DATUM", help="Datum der Quellen ohne Sidecar, z. B. 2021-12-31 "
                       "(Standard: keins, das Datum bleibt 'unbekannt')")}),
    "build": (cmd_build, "die Website bauen", {**SITE, "--strict": dict(action="store_true", help="bei jeder "
              "Warnung abbrechen und die alte Website behalten (Standard: aus)")}),
    "serve": (cmd_serve, "Vorschau, die sich bei jedem Speichern neu lädt", {
        **SITE, "--port": dict(type=_port, metavar="N", help="Port der Vorschau (Standard: 8000, oder der "
                               "nächste freie danach; ein angegebener Port muss frei sein)"),
        "--host": dict(default="127.0.0.1", metavar="HOST", help="Adresse, an der die Vorschau lauscht "
                       "(Standard: %(default)s, nur dieser Rechner)")}),
    "check": (cmd_check, "die gebaute Website prüfen: Links, Anker, Grenzen von GitHub Pages", SITE, {
        "--all": dict(action="store_true", help="jeden Fund ausgeben (Standard: je Art die ersten drei)"),
        "--json": dict(action="store_true", help="alle Funde als JSON ausgeben (Standard: als Text)")}),
    "deploy": (cmd_deploy, "die gebaute Website auf einen Branch veröffentlichen", {
        **SITE, "--remote": dict(default="origin", metavar="NAME|URL", help="Remote-Name oder URL (Standard: "
                                 "%(default)s)"),
        "--branch": dict(default="gh-pages", metavar="BRANCH", help="Branch, der nur die Website enthält "
                         "(Standard: %(default)s)")}),
    "tag": (cmd_tag, "BIO-Entitätstags für eine Datei mit einem Token pro Zeile ausgeben", {
        "file": dict(metavar="DATEI", help="ein Token pro Zeile, eine Leerzeile zwischen Sätzen")}),
    "entities": (cmd_entities, "die Namen, die das Archiv zusammenführt, zur Durchsicht auflisten",
                 {"--content": SITE["--content"]}),
    "init-workflow": (cmd_init_workflow, "den GitHub-Pages-Workflow .github/workflows/pages.yml schreiben", {
        "--force": dict(action="store_true", help="eine vorhandene, andere Workflow-Datei ersetzen "
                        "(Standard: nicht ersetzen)")})}


def parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand in COMMANDS."""
    chatter = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    group = chatter.add_mutually_exclusive_group()  # -q and -v, before the command or after it
    group.add_argument("-q", "--quiet", dest="loudness", action="store_const", const=-1,
                       help="nur Warnungen und Fehler ausgeben (Standard: auch Hinweise)")
    group.add_argument("-v", "--verbose", dest="loudness", action="store_const", const=1,
                       help="auch jede Anfrage und die Zeilen des Webservers ausgeben (Standard: aus)")
    p = GermanParser(prog="sitegen", description="Statische Nachrichtenarchive aus Rohartikeln.",
                     parents=[chatter])
    p.add_argument("--version", action="version", version=f"sitegen {__version__}", help="die Version zeigen")
    sub = p.add_subparsers(dest="command", required=True, title="Befehle", metavar="BEFEHL")
    for name, (func, text, options, *alone) in COMMANDS.items():
        s = sub.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".", parents=[chatter])
        s.set_defaults(func=func)
        groups = [(s, options), *((s.add_mutually_exclusive_group(), only_one) for only_one in alone)]
        for target, arguments in groups:
            for flag, keywords in arguments.items():
                target.add_argument(flag, **keywords)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; a user's mistake is one line on stderr and exit status 1, never a traceback."""
    args = parser().parse_args(argv)
    setup(getattr(args, "loudness", 0))
    try:
        return args.func(args) or 0
    except (SitegenError, OSError) as exc:  # OSError: a file the system refuses (a link loop, no rights, …)
        if isinstance(exc, OSError):
            exc = SitegenError(reason(exc), exc.filename,
                               fix="prüfe die Datei, ihre Rechte und den freien Platz")
        LOG.error(str(exc))
        return 1
    except KeyboardInterrupt:
        return 130
