"""The dev server's live model: pages are rendered on request from the current content, not from _site/.

Each request first checks (by file size and mtime) whether content or templates changed. An edit that only
touches one article's text is re-planned at once from the kept derived data (so its page shows the edit
immediately) and the whole model is refreshed in the background; anything else refreshes the model first.
A refresh that fails keeps the last good model, says why once, and shows it on every page until fixed."""
from __future__ import annotations

import html
import os
import threading
import time
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

from sitegen.config import Config
from sitegen.content import load_article, shown_path
from sitegen.errors import SitegenError, reason
from sitegen.loading import load_articles
from sitegen.log import LOG
from sitegen.model import Article, outline
from sitegen.pages import Derived, Page, article_context, plan_derived
from sitegen.render import Renderer
from sitegen.search import shards
from sitegen.site import build_site
from sitegen.theme import warm
from sitegen.urls import article_path, output_file
from sitegen.walk import files_below

Stamp = dict[str, tuple[int, ...]]  # by path: size, mtime and maybe a hash
SCRATCH = ("~", ".swp", ".tmp")  # editors' scratch files (and those starting with . or #) change nothing
RACY_NS = 2_000_000_000  # files changed this recently are told apart by their bytes too
QUIET = 1.0  # seconds without a save before the whole model is loaded again in the background (meanwhile
# the browser reloads the edited page, patched at once, without competing with that load)


@dataclass(frozen=True)
class State:
    """One consistent model: the articles by file, derived data, pages by output file, and a renderer."""

    articles: dict[Path, Article]
    derived: Derived
    pages: dict[str, Page]
    renderer: Renderer


class Preview:
    """The current archive for the dev server, and the error that keeps it from being current, if any."""

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
        self.refresh()

    def page(self, rel: str, look: bool = True) -> bytes | None:
        """The bytes of output file `rel` from the current model (brought up to date first, unless not to
        `look` at the files), or None when there is no such page; while the files have an error, HTML pages
        carry it as an overlay (with no model yet, they are just it)."""
        if look:
            self.refresh()
        state, error = self.state, self.error
        html_page = rel.endswith(".html")
        if state is None:
            return error_page(error, "Das Archiv lässt sich nicht bauen.") if error and html_page else None
        page = state.pages.get(rel)
        if page is None:
            return None
        try:
            body = state.renderer.render(page)
        except SitegenError as exc:
            if str(exc) not in self._said:
                self._said.add(str(exc))
                LOG.error(str(exc))
            return error_page(exc, "Diese Seite lässt sich nicht rendern.")
        return with_overlay(body, error) if error and html_page else body

    def refresh(self, stamp: Stamp | None = None) -> None:
        """Bring the model up to date with the files (as `stamp` found them, if given), as cheaply as the
        change allows."""
        with self.lock:
            stamp = self.scan() if stamp is None else stamp
            if stamp == self.stamp:
                return
            changed = [Path(p) for p in stamp if stamp[p] != self.stamp.get(p)]
            static = self.config.templates / "static"
            touched = {*(stamp.keys() ^ self.stamp.keys()), *map(str, changed)}
            if any(static in Path(p).parents for p in touched):
                self.assets += 1
            same_files, self.stamp = stamp.keys() == self.stamp.keys(), stamp
            if self.state is not None and self.error is None and same_files and self._patch(changed):
                if not self._reloading:
                    self._reloading = True
                    threading.Thread(target=self._reload, daemon=True).start()
                return
            self._settle(*self._try_load())

    def _reload(self) -> None:
        """Background: once the files have been quiet for QUIET seconds, the whole model again; taken if no
        file changed while it loaded, else loaded again (so a burst of saves costs one or two loads)."""
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
        """A fresh State, or the error that says why the files do not make a site."""
        try:
            return self._load(), None
        except SitegenError as exc:
            return None, exc
        except OSError as exc:  # a file that vanished or cannot be read between the scan and the load
            return None, SitegenError(f"lässt sich nicht lesen ({reason(exc)})", path=exc.filename,
                                      fix="prüfe die Datei und ihre Rechte")

    def _load(self) -> State:
        """A fresh State from the files."""
        broken = sorted(path for path, seen in self.stamp.items() if seen[0] < 0)
        if broken:
            raise SitegenError("ist ein symbolischer Link, der sich im Kreis dreht oder nicht lesbar ist",
                               path=os.path.relpath(broken[0], self.config.root),
                               fix="lösche den Link oder ersetze ihn durch die Datei")
        articles = load_articles(self.config)
        site = build_site(articles, shown_path(self.config.registry_file, Path.cwd()))
        derived = Derived.of(site, self.config, tuple(shard.path for shard in shards(site.articles)))
        pages = {output_file(p.path): p for p in plan_derived(derived)}
        renderer = Renderer(self.config)
        warm(renderer.env)
        by_file = {self.config.root / a.path: a for a in articles}
        return State(by_file, derived, pages, renderer)

    def _patch(self, changed: list[Path]) -> bool:
        """Re-plan the pages of edited articles whose title, date, slug and names stayed; False if not
        possible."""
        state = self.state
        patched = dict(state.pages)
        articles = dict(state.articles)
        for path in changed:
            old = state.articles.get(path)
            try:
                new = load_article(path, self.config.root)
            except (SitegenError, OSError):
                return False
            if old is None or outline(old) != outline(new):
                return False
            patched[output_file(article_path(new.slug))] = Page(
                article_path(new.slug), "article.html", article_context(state.derived, new), new.body)
            articles[path] = new
        self.state = replace(state, articles=articles, pages=patched)
        self.generation += 1
        return True

    def scan(self) -> Stamp:
        """Size and mtime of every content and template file (it runs before every request), and for a file
        changed in the last RACY_NS a hash of its bytes too: two quick saves of the same length can fall in
        one tick of the file system's clock. A file that cannot be looked at (a link loop) gets size -1."""
        stamp: Stamp = {}
        known, recent = self.stamp, time.time_ns() - RACY_NS
        for folder in (self.config.content, self.config.templates):
            for _, entry in files_below(folder):
                if entry.name.startswith((".", "#")) or entry.name.endswith(SCRATCH):
                    continue
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
        return stamp


OVERLAY_STYLE = ("position:fixed;inset:auto 1rem 1rem 1rem;z-index:2147483647;max-height:60vh;overflow:auto;"
                 "background:#fff4f4;color:#600;border:2px solid #c00;border-radius:6px;padding:1rem 1.25rem;"
                 "font:15px/1.45 system-ui,sans-serif;box-shadow:0 4px 24px rgba(0,0,0,.3)")


STALE = ("Die letzte Änderung lässt sich nicht bauen – die Vorschau zeigt den letzten guten Stand, bis die "
         "Datei korrigiert ist.")


def overlay(error: SitegenError, lead: str = STALE) -> str:
    """The box that shows an error in the browser: what it means, then file, line, message and fix."""
    line = f", Zeile {error.line}" if error.line else ""
    where = html.escape(str(error.path)) + line if error.path else ""
    rows = [("Datei", where), ("Fehler", html.escape(error.message)), ("Lösung", html.escape(error.fix))]
    cells = "".join(f"<dt style=\"font-weight:bold\">{name}</dt><dd style=\"margin:0 0 .4rem 0\">{text}</dd>"
                    for name, text in rows if text)
    return (f'<div id="sitegen-fehler" role="alert" style="{OVERLAY_STYLE}"><strong>{lead}</strong>'
            f'<dl style="margin:.6rem 0 0 0">{cells}</dl></div>')


def with_overlay(body: bytes, error: SitegenError) -> bytes:
    """An HTML page with the error box at the end of its body."""
    box = overlay(error).encode("utf-8")
    return body.replace(b"</body>", box + b"</body>", 1) if b"</body>" in body else body + box


def error_page(error: SitegenError, lead: str) -> bytes:
    """A page that only shows an error (it reloads by itself once the error is fixed)."""
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Fehler</title></head>'
            f"<body>{overlay(error, lead)}</body></html>").encode()
