"""The `sitegen` command: parses arguments and calls the stage functions; no logic of its own."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitegen import __version__
from sitegen.config import Config, load_config
from sitegen.errors import SitegenError
from sitegen.fields import FieldError, coerce_date


def _config(args: argparse.Namespace) -> Config:
    """Config from sitegen.yaml in the current folder plus the command-line options."""
    return load_config(Path("."), content=getattr(args, "content", None), out=getattr(args, "out", None),
                       base_url=getattr(args, "base_url", None), strict=getattr(args, "strict", None) or None)


def cmd_ingest(args: argparse.Namespace) -> int:
    """sitegen ingest: raw sources -> content/articles."""
    from sitegen.ingest import ingest

    config = _config(argparse.Namespace())
    out = Path(args.out) if args.out else config.articles_dir
    sources = [Path(s) for s in (args.sources or ["seeds"])]
    summary = ingest(sources, out, root=config.root, date=args.date, registry=config.registry_file,
                     cache=config.cache / "entities.sqlite")
    for note in summary.notes:
        print(note)
    print(summary.line())
    return 1 if summary.skipped and config.strict else 0


def cmd_build(args: argparse.Namespace) -> int:
    """sitegen build: content -> site folder."""
    from sitegen.build import build

    build(_config(args))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """sitegen serve: preview with live reload."""
    from sitegen.serve import serve

    return serve(_config(args), port=args.port, host=args.host)


def cmd_tag(args: argparse.Namespace) -> int:
    """sitegen tag FILE: BIO tags for one token a line."""
    from sitegen.entities import tag_file

    return tag_file(args.file)


def cmd_entities(args: argparse.Namespace) -> int:
    """sitegen entities: the archive's merge candidates, for an editor to review."""
    from sitegen.entities import load_registry
    from sitegen.ingest import entity_text
    from sitegen.ingest.entity_pass import archive_merges, describe
    from sitegen.loading import load_articles

    config = _config(args)
    articles = load_articles(config)
    merges = archive_merges([(a, entity_text(a)) for a in articles], load_registry(config.registry_file))
    print("\n".join(describe(merges)))
    return 0


def cmd_deploy(args: argparse.Namespace) -> int:
    """sitegen deploy: publish the built site to a gh-pages branch."""
    from sitegen.deploy import deploy

    config = _config(args)
    deploy(config.out, remote=args.remote, branch=args.branch, cname=config.cname or None)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """sitegen check: links, anchors and GitHub Pages limits of the built site."""
    from sitegen.loading import load_articles
    from sitegen.check import check_output, clutter
    from sitegen.site import build_site

    config = _config(args)
    report = check_output(config.out, config.base_path)
    warnings = list(report.warnings)
    if config.content.is_dir():  # clutter and colliding names need the content; a bare site is checked alone
        site = build_site(load_articles(config))
        warnings += [*site.warnings, *clutter(site.terms)]
    for line in warnings:
        print(f"Warnung: {line}")
    for line in report.errors:
        print(f"Fehler: {line}")
    print(f"check: {len(report.errors)} Fehler, {len(warnings)} Warnungen")
    return 1 if report.errors else 0


def cmd_init_workflow(args: argparse.Namespace) -> int:
    """sitegen init-workflow: write .github/workflows/pages.yml."""
    from sitegen.workflow import write_workflow

    print(f"geschrieben: {write_workflow(Path('.'), force=args.force)}")
    return 0


def _date(text: str):
    """argparse type for --date."""
    try:
        return coerce_date(text, "--date")
    except FieldError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    p = argparse.ArgumentParser(prog="sitegen", description="Statische Nachrichtenarchive aus Rohartikeln.")
    p.add_argument("--version", action="version", version=f"sitegen {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("ingest", help="raw articles -> front-matter markdown")
    s.add_argument("sources", nargs="*", help="files or folders (default: seeds/)")
    s.add_argument("--out", help="folder for the article files (default: content/articles/)")
    s.add_argument("--date", type=_date, help="date for sources without a sidecar, e.g. 2021-12-31")
    s.set_defaults(func=cmd_ingest)
    for name, func, help_text in (("build", cmd_build, "build the site"), ("serve", cmd_serve, "live preview"),
                                  ("check", cmd_check, "check the built site"),
                                  ("deploy", cmd_deploy, "publish to a gh-pages branch")):
        s = sub.add_parser(name, help=help_text)
        s.add_argument("--content", help="content folder (default: content/)")
        s.add_argument("--out", help="site folder (default: _site/)")
        s.add_argument("--base-url", help="where the site is published, e.g. https://user.github.io/archiv/")
        s.set_defaults(func=func)
        if name == "build":
            s.add_argument("--strict", action="store_true", help="stop on every warning")
        if name == "serve":
            s.add_argument("--port", type=int, default=8000)
            s.add_argument("--host", default="127.0.0.1")
        if name == "deploy":
            s.add_argument("--remote", default="origin", help="remote name or URL (default: origin)")
            s.add_argument("--branch", default="gh-pages")
    s = sub.add_parser("tag", help="print BIO entity tags for a file of one token a line")
    s.add_argument("file")
    s.set_defaults(func=cmd_tag)
    s = sub.add_parser("entities", help="list the archive's entity merges for review")
    s.add_argument("--content", help="content folder (default: content/)")
    s.set_defaults(func=cmd_entities)
    s = sub.add_parser("init-workflow", help="write the GitHub Pages workflow file")
    s.add_argument("--force", action="store_true")
    s.set_defaults(func=cmd_init_workflow)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; a user's mistake is one line on stderr and exit status 1, never a traceback."""
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except SitegenError as exc:
        print(f"sitegen: Fehler: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
