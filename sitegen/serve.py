"""`sitegen serve`: a live preview on 127.0.0.1; pages are rendered on request from the current files.

The only module that imports livereload. The browser reloads when content or templates change; the page it
then asks for is rendered from the model as it is at that moment (see preview.py). Search uses the bundle
of the last `sitegen build` (made in the background at start when there is none)."""
from __future__ import annotations

import sys
import threading

from livereload import Server

from sitegen.build import build
from sitegen.cache import DEFAULT_TEMPLATES
from sitegen.config import Config
from sitegen.devserver import SiteApp
from sitegen.errors import SitegenError
from sitegen.preview import Preview

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def make_app(config: Config, preview: Preview) -> SiteApp:
    """Rendered pages first, then the static files (the project's over the defaults), then the last build
    (the search bundle)."""
    static = [("static/", folder / "static") for folder in (config.templates, DEFAULT_TEMPLATES)]
    return SiteApp([*static, ("", config.out)], config.base_path, render=preview.page)


def make_server(config: Config, preview: Preview) -> Server:
    """A livereload server over the live preview, watching content, templates and the config file."""
    server = Server(app=make_app(config, preview))
    for path in (config.content, config.templates, config.root / "sitegen.yaml"):
        server.watch(str(path), preview.refresh, delay=0.1, ignore=_ignored)
    return server


def serve(config: Config, port: int = 8000, host: str = "127.0.0.1") -> int:
    """Prepare the preview, then serve until interrupted."""
    if host not in LOCAL_HOSTS:
        print(f"sitegen: Warnung: der Server ist unter {host} auch von anderen Rechnern erreichbar", file=sys.stderr)
    preview = Preview(config)
    if not (config.out / "index.html").is_file():  # the search bundle comes from a build: make one meanwhile
        threading.Thread(target=_build_quietly, args=(config,), daemon=True).start()
    if preview.state is None:
        return 1
    print(f"Vorschau: http://{host}:{port}{config.base_path}  (Strg+C beendet)", flush=True)
    make_server(config, preview).serve(port=port, host=host, debug=False, restart_delay=0)
    return 0


def _build_quietly(config: Config) -> None:
    """A build for the search bundle, in the background; a failure is reported, the preview goes on."""
    try:
        build(config, log=lambda line: print(f"Suche bereit: {line}"))
    except SitegenError as exc:
        print(f"sitegen: Fehler beim Bauen (die Vorschau läuft weiter): {exc}", file=sys.stderr)


def _ignored(path: str) -> bool:
    """Editor scratch files and our own temporary files never trigger a reload."""
    name = path.rsplit("/", 1)[-1]
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp"))
