"""`sitegen serve`: build, serve on 127.0.0.1 with live reload, rebuild on every change. Only module importing livereload."""
from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

from livereload import Server

from sitegen.build import build
from sitegen.config import Config
from sitegen.devserver import SiteApp
from sitegen.errors import SitegenError


def make_rebuilder(config: Config, log: Callable[[str], None] = print) -> Callable[[], bool]:
    """A rebuild that reports errors and keeps the last good site; returns whether it succeeded.

    The build runs in a thread of its own, away from the server's event loop (the search indexer has its own)."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitegen-build")

    def rebuild() -> bool:
        try:
            pool.submit(build, config, log).result()
            return True
        except SitegenError as exc:
            log(f"sitegen: Fehler: {exc} – die zuletzt gebaute Seite bleibt online")
        except Exception as exc:  # noqa: BLE001 - the server must outlive any failed rebuild
            log(f"sitegen: interner Fehler beim Bauen: {exc!r} – die zuletzt gebaute Seite bleibt online")
        return False
    return rebuild


def make_server(config: Config, log: Callable[[str], None] = print) -> Server:
    """A livereload server over the built site that watches content, templates and the config file."""
    rebuild = make_rebuilder(config, log)
    server = Server(app=SiteApp(config.out, config.base_path))
    for path in (config.content, config.templates, config.root / "sitegen.yaml"):
        server.watch(str(path), rebuild, delay=0.2, ignore=_ignored)
    return server


def serve(config: Config, port: int = 8000, host: str = "127.0.0.1") -> int:
    """Build once, then serve until interrupted."""
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"sitegen: Warnung: der Server ist unter {host} auch von anderen Rechnern erreichbar", file=sys.stderr)
    make_rebuilder(config)()
    server = make_server(config)
    print(f"Vorschau: http://{host}:{port}{config.base_path}  (Strg+C beendet)")
    server.serve(port=port, host=host, debug=False, open_url_delay=None, restart_delay=0)
    return 0


def _ignored(path: str) -> bool:
    """Editor scratch files and our own temporary files never trigger a rebuild."""
    name = path.rsplit("/", 1)[-1]
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".tmp"))
