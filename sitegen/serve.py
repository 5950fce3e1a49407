"""`sitegen serve`: pages rendered on request by preview.py, reloaded in the browser once the saves settle;
the only module that imports tornado and livereload (of livereload only its browser client and websocket)."""
from __future__ import annotations

import asyncio
import errno
import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import suppress
from functools import partial
from urllib.parse import urlsplit

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import web
from tornado.httpserver import HTTPServer
from tornado.netutil import bind_sockets
from tornado.websocket import WebSocketClosedError

from sitegen.config import Config
from sitegen.errors import LOG, SitegenError, reason
from sitegen.preview import Preview, SiteApp

PORT_TRIES = 20  # without --port: the next free one of these after 8000
TICK = 0.05  # seconds between two checks whether the files are due for a look
POLL = 0.2  # seconds between two looks at the files while a browser is open
IDLE_POLL = 1.0  # the same with none open (errors are still said at once), and the longest pause
SCAN_SHARE = 0.1  # at most this share of a core goes to looking at the files (up to IDLE_POLL apart)
SETTLE = 0.1  # seconds without a further change before the browser reloads
RELOAD = {"command": "reload", "path": "/", "liveCSS": False, "liveImg": False}
STATUS_TEXT = {400: "ungültige Anfrage", 403: "nicht erlaubt", 404: "nicht gefunden",
               405: "Methode nicht erlaubt"}
LOCAL_NAMES = ("127.0.0.1", "localhost", "::1")


def serve(config: Config, port: int | None = None, host: str = "127.0.0.1") -> None:
    """Open the port, prepare the preview, then serve until interrupted."""
    sockets, port = open_port(host, port)
    if host not in LOCAL_NAMES:
        LOG.warning(f"der Server ist unter {host} auch von anderen Rechnern erreichbar")
    preview = Preview(config)
    search = None if (config.out / "index.html").is_file() else _build_for_search(config, preview)
    print(f"Vorschau: http://{host}:{port}{config.base_path}  (Strg+C beendet)", flush=True)  # even with -q
    try:
        asyncio.run(watch(make_app(config, preview, host, port), sockets, preview))
    except (KeyboardInterrupt, asyncio.CancelledError):  # Ctrl+C, or SIGTERM (which cancels the watch)
        LOG.info("Vorschau beendet.")
    finally:
        if search is not None and search.poll() is None:
            os.killpg(search.pid, signal.SIGTERM)  # the build and its workers, silently


def open_port(host: str, port: int | None) -> tuple[list[socket.socket], int]:
    """Listening sockets on `port`; without one given, on 8000 or the next free port after it."""
    first = 8000 if port is None else port
    for candidate in range(first, first + (PORT_TRIES if port is None else 1)):
        try:
            sockets = bind_sockets(candidate, address=host)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                continue
            why = "unbekannter Rechnername" if isinstance(exc, socket.gaierror) else reason(exc)
            if exc.errno == errno.EACCES:
                why += " (Ports unter 1024 brauchen Root-Rechte)"
            raise SitegenError(f"{host}:{candidate} lässt sich nicht öffnen: {why}",
                               fix="wähle mit --host und --port eine andere Adresse") from None
        if candidate != first:
            LOG.warning(f"Port {first} ist belegt – die Vorschau nimmt den nächsten freien, Port {candidate}")
        return sockets, candidate
    if port is not None:
        raise SitegenError(f"Port {port} ist belegt, vielleicht von einer anderen Vorschau",
                           fix="wähle mit --port einen anderen, oder lass --port weg: dann nimmt sitegen den "
                               "nächsten freien")
    raise SitegenError(f"die Ports {first} bis {first + PORT_TRIES - 1} sind alle belegt",
                       fix="wähle mit --port einen freien")


class _HostCheck(web.RequestHandler):
    """Refuses a request whose Host header is not this machine; German error texts."""

    def prepare(self) -> None:
        """Only a Host naming this machine or an IP address: a foreign name pointed at 127.0.0.1 is DNS
        rebinding."""
        name = urlsplit("//" + self.request.host).hostname or ""
        try:
            ipaddress.ip_address(name)
        except ValueError:
            if name not in (*LOCAL_NAMES, *self.settings["hosts"]):
                self.send_error(403)

    def write_error(self, status_code: int, **kwargs) -> None:
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status_code}: {STATUS_TEXT.get(status_code, 'interner Fehler')}")

    def log_exception(self, typ, value, tb) -> None:
        """A fault in sitegen itself: one line, the traceback with -v (an HTTP error status is no fault)."""
        if not isinstance(value, web.HTTPError):
            LOG.error(f"interner Fehler bei {self.request.path}: {typ.__name__}: {value}",
                      exc_info=(typ, value, tb))


class PageHandler(_HostCheck):
    """Every path but the live-reload ones: SiteApp's answer (tornado leaves out the body for HEAD)."""

    def get(self) -> None:
        response = self.settings["site"].respond(self.request.path)
        self.set_status(response.code)
        for name, value in response.headers:
            self.set_header(name, value)
        self.write(response.body)
        if self.request.method == "GET":  # what the page showed: the browser reloads only when that changes
            self.settings["shown"][self.request.path] = hash(response.body)

    head = get


class ReloadSocket(LiveReloadHandler, _HostCheck):
    """livereload.js's websocket, for this server's pages only (others would learn of every save)."""

    page = ""

    def check_origin(self, origin: str) -> bool:
        """Only a page from this host and port (as the Host header says) may connect."""
        parts = urlsplit(origin)
        return parts.scheme in ("http", "https") and parts.netloc.lower() == self.request.host.lower()

    def on_message(self, message: str | bytes) -> None:
        """livereload.js's handshake; its 'info' names the page."""
        try:
            data = json.loads(message)
        except ValueError:
            return
        if isinstance(data, dict) and data.get("command") == "info" and isinstance(data.get("url"), str):
            self.page = urlsplit(data["url"]).path
            super().on_message(message)
        elif isinstance(data, dict) and data.get("command") == "hello":
            super().on_message(message)


def make_app(config: Config, preview: Preview, host: str, port: int) -> web.Application:
    """The live-reload client and websocket, then the site: the model's pages and static files, then the last
    build; `as_is` renders without looking at the files again."""
    script = f'<script src="/livereload.js?port={port}"></script>'.encode("ascii")
    site, as_is = (SiteApp(config.out, config.base_path, partial(preview.page, look=look), script)
                   for look in (True, False))
    routes = [(r"/livereload", ReloadSocket), (r"/livereload\.js", LiveReloadJSHandler), (r".*", PageHandler)]
    return web.Application(routes, site=site, as_is=as_is, shown={}, hosts=(host,), log_function=_log_request)


def _log_request(handler: web.RequestHandler) -> None:
    """Each request, with -v."""
    took = 1000 * handler.request.request_time()
    LOG.debug(f"{handler.request.method} {handler.request.uri} → {handler.get_status()} ({took:.0f} ms)")


async def watch(app: web.Application, sockets: list[socket.socket], preview: Preview) -> None:
    """Serve `app`; look at the files every POLL (IDLE_POLL with no page open; at most SCAN_SHARE of a core);
    SETTLE after the last change refresh the preview and reload the open pages that now read otherwise."""
    HTTPServer(app).add_sockets(sockets)  # SIGTERM: at a safe point, also when SIGINT is ignored (nohup, &)
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, asyncio.current_task().cancel)
    sent, assets, looked, last = preview.generation, preview.assets, {}, 0.0
    while True:
        await asyncio.sleep(TICK)
        cost = preview.scan_cost
        pause = max(POLL if LiveReloadHandler.waiters else IDLE_POLL, min(cost / SCAN_SHARE, IDLE_POLL))
        if time.monotonic() < last + pause:
            continue
        try:
            last = time.monotonic()
            stamp = await asyncio.to_thread(preview.scan)
            if stamp == looked and preview.generation == sent:
                continue
            while looked != stamp:
                await asyncio.sleep(SETTLE)
                looked, stamp = stamp, await asyncio.to_thread(preview.scan)
            await asyncio.to_thread(preview.refresh, stamp)
            if preview.generation != sent:
                pages, everything = list(LiveReloadHandler.waiters), preview.assets != assets
                sent, assets = preview.generation, preview.assets
                pages = await asyncio.to_thread(_changed, pages, app.settings, everything)
                LOG.debug(f"Neu laden: {len(pages)} offene Seite(n)")
                for page in pages:  # a socket closing now leaves the waiters in its on_close
                    with suppress(WebSocketClosedError):
                        page.write_message(RELOAD)
        except Exception as exc:  # noqa: BLE001 - a fault in sitegen: say it, keep serving
            LOG.error(f"interner Fehler beim Beobachten der Dateien: {type(exc).__name__}: {exc}",
                      exc_info=exc)


def _changed(pages: list, settings: dict, everything: bool) -> list:
    """The open pages that would now read otherwise than when they were loaded."""
    return [page for page in pages if everything
            or settings["shown"].get(page.page) != hash(settings["as_is"].respond(page.page).body)]


def _build_for_search(config: Config, preview: Preview) -> subprocess.Popen:
    """`sitegen build` for the search bundle, in a session of its own (so that the end of the preview stops
    it without a word from its workers); its outcome is said when it ends."""
    command = [sys.executable, "-m", "sitegen", "build", "-q", "--content", str(config.content), "--out",
               str(config.out), "--base-url", config.base_url]
    build = subprocess.Popen(command, cwd=config.root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    threading.Thread(target=_say_search, args=(build, preview), daemon=True).start()
    return build


def _say_search(build: subprocess.Popen, preview: Preview) -> None:
    """Wait for the search build; say that search is ready, or why not (unless the preview said it)."""
    prefix = "sitegen: Fehler: "
    errors = [line[len(prefix):] for line in build.communicate()[1].splitlines() if line.startswith(prefix)]
    if build.returncode == 0:
        LOG.info("Suche bereit.")
    elif errors and preview.error is None:
        LOG.warning(f"die Suche fehlt, der Bau für sie schlug fehl (die Vorschau läuft weiter): {errors[-1]}")
    elif build.returncode > 0:
        LOG.warning("die Suche fehlt, bis `sitegen build` gelingt (die Vorschau läuft weiter)")
