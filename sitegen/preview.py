"""The dev server's live model: pages are rendered on request from the current content, not from _site/.

Each request first checks (by file size and mtime) whether content or templates changed. An edit that only
touches one article's text is re-planned at once from the kept derived data (so its page shows the edit
immediately) and the whole model is refreshed in the background; anything else refreshes the model first.
A refresh that fails keeps the last good model and says why."""
from __future__ import annotations

import html
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from sitegen.config import Config
from sitegen.content import load_article
from sitegen.errors import SitegenError
from sitegen.loading import load_articles
from sitegen.model import Article, outline
from sitegen.pages import Derived, Page, article_context, plan_derived
from sitegen.render import Renderer
from sitegen.search import shards
from sitegen.site import build_site
from sitegen.theme import warm
from sitegen.urls import article_path, output_file
from sitegen.walk import files_below

Stamp = dict[str, tuple[int, int]]  # by path


@dataclass(frozen=True)
class State:
    """One consistent model: the articles by file, derived data, pages by output file, and a renderer."""

    articles: dict[Path, Article]
    derived: Derived
    pages: dict[str, Page]
    renderer: Renderer


class Preview:
    """The current archive for the dev server."""

    def __init__(self, config: Config, log: Callable[[str], None] = print):
        self.config, self.log = config, log
        self.lock = threading.Lock()
        self.stamp: Stamp = {}
        self.state: State | None = None
        self.refresh()

    def page(self, rel: str) -> bytes | None:
        """The bytes of output file `rel` from the current model, or None when there is no such page."""
        self.refresh()
        state = self.state
        page = state.pages.get(rel) if state else None
        if page is None:
            return None
        try:
            return state.renderer.render(page)
        except SitegenError as exc:
            self.log(f"sitegen: Fehler: {exc}")
            return error_page(str(exc))

    def refresh(self) -> None:
        """Bring the model up to date with the files, as cheaply as the change allows."""
        with self.lock:
            stamp = self._scan()
            if stamp == self.stamp:
                return
            changed = [Path(p) for p in stamp if stamp[p] != self.stamp.get(p)]
            same_files, self.stamp = stamp.keys() == self.stamp.keys(), stamp
            if self.state is not None and same_files and self._patch(changed):
                threading.Thread(target=self._reload, args=(stamp,), daemon=True).start()
                return
            state = self._try_load()
            if state is not None:
                self._take(state)

    def _reload(self, stamp: Stamp) -> None:
        """Background: the whole model again, taken only if no newer change came meanwhile."""
        state = self._try_load()
        with self.lock:
            if state is not None and self.stamp == stamp:
                self._take(state)

    def _take(self, state: State) -> None:
        """Make `state` the current model."""
        self.state = state
        self.log(f"Vorschau aktualisiert: {len(state.pages)} Seiten")

    def _try_load(self) -> State | None:
        """A fresh State, or None (the error said) when the files do not make a site."""
        try:
            return self._load()
        except SitegenError as exc:
            self.log(f"sitegen: Fehler: {exc} – die Vorschau zeigt den letzten guten Stand")
            return None

    def _load(self) -> State:
        """A fresh State from the files."""
        articles = load_articles(self.config)
        site = build_site(articles)
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
            except SitegenError:
                return False
            if old is None or outline(old) != outline(new):
                return False
            patched[output_file(article_path(new.slug))] = Page(
                article_path(new.slug), "article.html", article_context(state.derived, new), new.body)
            articles[path] = new
        self.state = replace(state, articles=articles, pages=patched)
        return True

    def _scan(self) -> Stamp:
        """Size and mtime of every content and template file (it runs before every request)."""
        stamp: Stamp = {}
        for folder in (self.config.content, self.config.templates):
            for _, entry in files_below(folder):
                if entry.is_file() and not entry.name.startswith("."):
                    info = entry.stat()
                    stamp[entry.path] = (info.st_size, info.st_mtime_ns)
        return stamp


def error_page(message: str) -> bytes:
    """A page that shows a render error in the browser (it reloads by itself once the error is fixed)."""
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Fehler</title></head>'
            f"<body><h1>Diese Seite lässt sich nicht rendern</h1><pre>{html.escape(message)}</pre>"
            "</body></html>"
            ).encode("utf-8")
