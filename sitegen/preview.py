"""What the dev server shows, free of any web framework: the live model of the archive, rendered on request,
and `SiteApp`, which answers a request path with a page, a file or a 404 (serve.py sends it)."""
from __future__ import annotations

import html
import mimetypes
import os
import threading
import time
import zlib
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote

from sitegen.config import Config
from sitegen.content import load_article, shown_path
from sitegen.errors import LOG, SitegenError, printable, reason
from sitegen.loading import load_articles
from sitegen.model import build_site, outline
from sitegen.pages import Derived, Page, article_context, plan
from sitegen.render import Renderer, static_files, warm
from sitegen.search import shards
from sitegen.urls import article_path, output_file
from sitegen.workers import files_below

Stamp = dict[str, tuple[int, ...]]  # by path: size, mtime and maybe a hash
RACY_NS = 2_000_000_000  # files changed this recently are told apart by their bytes too
QUIET = 1.0  # seconds without a save before the whole model is loaded again in the background
OVERLAY = (Path(__file__).parent / "data" / "overlay.html").read_text(encoding="utf-8").strip()  # lead, cells
ERROR_PAGE = ('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Fehler</title></head>'
              "<body></body></html>").encode()  # reloads by itself once the error is fixed
STALE = ("Die letzte Änderung lässt sich nicht bauen – die Vorschau zeigt den letzten guten Stand, bis die "
         "Datei korrigiert ist.")


@dataclass(frozen=True)
class State:
    """One consistent model: derived data (the site), pages by output file, a renderer, the static files."""

    derived: Derived
    pages: dict[str, Page]
    renderer: Renderer
    static: dict[str, bytes]


class Preview:
    """The current archive, and the error that keeps it from being current, if any. An edit of one article's
    text is re-planned at once and the whole model reloaded in the background; any other change first."""

    def __init__(self, config: Config):
        self.config = config
        self.lock = threading.Lock()
        self.stamp: Stamp = {}
        self.state: State | None = None
        self.error: SitegenError | None = None  # the files do not make a site: shown on every page
        self.generation = 0  # counts the changes of what the preview shows
        self.assets = 0  # counts the changes of the templates' static files (which no page's HTML shows)
        self._said: set[str] = set()  # render errors told on the terminal since the last model
        self._reloading = False  # a background reload waits or runs
        self.scan_cost = 0.0  # processor seconds the last scan took (waiting for other threads left out)
        self.refresh()

    def page(self, rel: str, look: bool = True) -> bytes | None:
        """Output file `rel` from the model (brought up to date first, if to `look`), or None; while the
        files have an error, HTML pages carry it as an overlay (with no model yet, they are just it)."""
        if look:
            self.refresh()
        state, error, html_page = self.state, self.error, rel.endswith(".html")
        if state is None and html_page:
            return with_overlay(ERROR_PAGE, error, "Das Archiv lässt sich nicht bauen.")
        if state is None or rel not in state.pages:
            return state.static.get(rel) if state else None
        try:
            body = state.renderer.render(state.pages[rel])
        except SitegenError as exc:
            if str(exc) not in self._said:
                self._said.add(str(exc))
                LOG.error(str(exc))
            return with_overlay(ERROR_PAGE, exc, "Diese Seite lässt sich nicht rendern.")
        return with_overlay(body, error) if error and html_page else body

    def refresh(self, stamp: Stamp | None = None) -> None:
        """Bring the model up to date with the files (as `stamp` found them, if given), cheaply if it can."""
        with self.lock:
            stamp = self.scan() if stamp is None else stamp
            if stamp == self.stamp:
                return
            touched = [Path(p) for p in stamp.keys() | self.stamp.keys() if stamp.get(p) != self.stamp.get(p)]
            self.assets += any(self.config.templates / "static" in path.parents for path in touched)
            same_files, self.stamp = stamp.keys() == self.stamp.keys(), stamp
            if self.state is not None and self.error is None and same_files and self._patch(touched):
                if not self._reloading:
                    self._reloading = True
                    threading.Thread(target=self._reload, daemon=True).start()
                return
            self._settle(*self._try_load())

    def _reload(self) -> None:
        """Background: once the files have been quiet for QUIET seconds, the whole model again, taken if no
        file changed while it loaded (so a burst of saves costs one or two loads)."""
        while True:
            stamp = self.scan()
            time.sleep(QUIET)
            if self.scan() != stamp:
                continue
            result = self._try_load()
            with self.lock:
                if self.scan() == stamp:
                    self.stamp, self._reloading = stamp, False
                    self._settle(*result)
                    return

    def _settle(self, state: State | None, error: SitegenError | None) -> None:
        """Take a fresh model, or keep the last good one and show why the files do not make a site."""
        self.generation += 1
        if state is not None:
            fixed = "Fehler behoben – " if self.error else ""
            self.state, self.error, self._said = state, None, set()
            LOG.info(f"{fixed}Vorschau aktualisiert: {len(state.pages)} Seiten")
            return
        if self.error is None or str(error) != str(self.error):  # said once, however often it is saved
            LOG.error(f"{error} – im Browser angezeigt, bis die Datei korrigiert ist")
        self.error = error

    def _try_load(self) -> tuple[State | None, SitegenError | None]:
        """A fresh State from the files, or the error that says why they do not make a site."""
        broken = sorted(path for path, seen in self.stamp.items() if seen[0] < 0)
        try:
            if broken:
                raise SitegenError("ist ein symbolischer Link, der sich im Kreis dreht oder nicht lesbar ist",
                                   path=os.path.relpath(broken[0], self.config.root),
                                   fix="lösche den Link oder ersetze ihn durch die Datei")
            site = build_site(load_articles(self.config), shown_path(self.config.registry_file, Path.cwd()))
            derived = Derived.of(site, self.config, tuple(shard.path for shard in shards(site.articles)))
            pages = {output_file(p.path): p for p in plan(derived)}
            renderer = Renderer(self.config)
            warm(renderer.env)
        except SitegenError as exc:
            return None, exc
        except OSError as exc:  # a file that vanished or cannot be read between the scan and the load
            return None, SitegenError(f"lässt sich nicht lesen ({reason(exc)})", path=exc.filename,
                                      fix="prüfe die Datei und ihre Rechte")
        return State(derived, pages, renderer, static_files(self.config)), None

    def _patch(self, changed: list[Path]) -> bool:
        """Re-plan the pages of edited articles whose title, date, slug and names stayed; False if not so."""
        state, pages = self.state, dict(self.state.pages)
        shown = {self.config.root / a.path: a for a in state.derived.site.articles}  # slugs made unique
        for path in changed:
            try:
                new = load_article(path, self.config.root)
            except (SitegenError, OSError):
                return False
            if path not in shown or outline(shown[path]) != outline(new):
                return False
            pages[output_file(article_path(new.slug))] = Page(
                article_path(new.slug), "article.html", article_context(state.derived, new), new.body)
        self.state = replace(state, pages=pages)
        self.generation += 1
        return True

    def scan(self) -> Stamp:
        """Size and mtime of every content and template file, and for one changed in the last RACY_NS a hash
        too (two quick saves of one length can fall in one clock tick); size -1 for a link loop."""
        stamp: Stamp = {}
        known, recent, start = self.stamp, time.time_ns() - RACY_NS, time.thread_time()
        for folder in (self.config.content, self.config.templates):
            for _, entry in files_below(folder):
                if entry.name.startswith((".", "#")) or entry.name.endswith(("~", ".swp", ".tmp")):
                    continue  # an editor's scratch file
                try:
                    if entry.is_file():
                        info = entry.stat()
                        seen = (info.st_size, info.st_mtime_ns)
                        if info.st_mtime_ns >= recent:
                            seen += (zlib.crc32(Path(entry.path).read_bytes()),)
                        same = known.get(entry.path, ())[:2] == seen  # not recent: keep a hash taken before
                        stamp[entry.path] = known[entry.path] if same else seen
                except OSError as exc:
                    stamp[entry.path] = (-1, exc.errno or 0)
        self.scan_cost = time.thread_time() - start
        return stamp


def with_overlay(body: bytes, error: SitegenError, lead: str = STALE) -> bytes:
    """An HTML page with a box at the end of its body: what the error means, file, line, message and fix."""
    where = f"{error.path}, Zeile {error.line}" if error.line else error.path
    rows = [("Datei", where if error.path else ""), ("Fehler", error.message), ("Lösung", error.fix)]
    cells = "".join(f"<dt style=\"font-weight:bold\">{name}</dt><dd style=\"margin:0 0 .4rem 0\">"
                    f"{html.escape(printable(text))}</dd>" for name, text in rows if text)  # a name not UTF-8
    box = OVERLAY.format(lead=lead, cells=cells).encode()
    return body.replace(b"</body>", box + b"</body>", 1) if b"</body>" in body else body + box


@dataclass(frozen=True)
class Response:
    """One answer: status code, headers and body."""

    code: int
    headers: tuple[tuple[str, str], ...]
    body: bytes = b""


class SiteApp:
    """The site at `base_path`: pages from `render` first, then the files of `folder` (nothing outside it).
    HTML gets `script` (the live-reload client) before its `</head>`."""

    def __init__(self, folder: Path, base_path: str = "/",
                 render: Callable[[str], bytes | None] = lambda name: None, script: bytes = b""):
        self.folder, self.base_path, self.render, self.script = folder.resolve(), base_path, render, script

    def respond(self, raw_path: str) -> Response:
        """The answer to a GET of `raw_path` (percent-encoded, as sent)."""
        try:
            path = unquote(raw_path, errors="strict")
        except UnicodeDecodeError:
            return self.not_found()
        if not path.startswith(self.base_path):
            return Response(302, (("Location", self.base_path),)) if path in ("", "/") else self.not_found()
        rel = path[len(self.base_path):]
        parts = rel.split("/")
        if "\x00" in rel or "\\" in rel or ".." in parts or any(
                len(part.encode("utf-8", "surrogatepass")) > 255 for part in parts):
            return self.not_found()  # no file system has such a name
        name = output_file(rel)
        rendered = self.render(name)
        if rendered is not None:
            return self.send(rendered, mimetypes.guess_type(name)[0] or "text/html")
        if not name.endswith("/index.html") and self.render(name + "/index.html") is not None:
            return Response(301, (("Location", path + "/"),))
        return self.file(rel) or self.not_found()

    def file(self, rel: str, code: int = 200) -> Response | None:
        """The folder's file for a checked path; None when there is none (missing, unreadable, outside)."""
        with suppress(OSError, RuntimeError):  # also a link loop (RuntimeError before Python 3.13), long name
            target = (self.folder / rel.lstrip("/")).resolve()
            target = target / "index.html" if target.is_dir() else target
            if self.folder in target.parents:
                kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
                return self.send(target.read_bytes(), kind, code)
        return None

    def not_found(self) -> Response:
        """The site's own 404 page (rendered, else the last build's) with status 404, else a plain one."""
        body = self.render("404.html")
        found = self.send(body, "text/html", 404) if body is not None else self.file("404.html", 404)
        return found or Response(404, (("Content-Type", "text/plain; charset=utf-8"),),
                                 "Nicht gefunden – ist die Seite schon gebaut?".encode())

    def send(self, body: bytes, kind: str, code: int = 200) -> Response:
        """A response; HTML pages get the live-reload script."""
        if kind == "text/html":
            body = body.replace(b"</head>", self.script + b"</head>", 1)
        text = kind.startswith("text/") or kind in ("application/json", "application/javascript")
        charset = "; charset=utf-8" if text else ""
        return Response(code, (("Content-Type", kind + charset), ("Cache-Control", "no-store")), body)
