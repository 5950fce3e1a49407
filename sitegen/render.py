"""Pages -> files of the new site, in worker processes; the only module that renders with Jinja.

Templates see their page's context plus the globals of theme.make_environment. There is deliberately no
global `site`: a page's bytes depend only on what its key covers (see reuse.py), so that a page whose inputs
are unchanged is taken from the live site instead of rendered again."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import jinja2

from sitegen.cache import Cache
from sitegen.config import Config
from sitegen.errors import SitegenError
from sitegen.markup import body_key, markdown_html
from sitegen.pages import Page
from sitegen.progress import Progress
from sitegen.reuse import PageRecord, Reuse
from sitegen.theme import make_environment
from sitegen.urls import output_file
from sitegen.workers import fork_map

if TYPE_CHECKING:  # the new site's folder is the write stage's: render only writes into it
    from sitegen.output import OutputFolder

CHUNK = 200  # pages a worker renders at a time
PARALLEL_FROM = 400  # pages; below this one process is faster than starting workers
HTML_TABLE = "body_html"


class Renderer:
    """Renders pages with one Jinja environment; body HTML comes from the cache where it can."""

    def __init__(self, config: Config, cache: Cache | None = None):
        self.env = make_environment(config)
        self.cache = cache or Cache(None)
        self.new_html: dict[str, str] = {}

    def body_html(self, text: str) -> str:
        """Sanitised HTML of a markdown body, from the cache or converted now (and kept for the cache)."""
        key = body_key(text)
        html = self.cache.get(HTML_TABLE, key)
        if not isinstance(html, str):
            html = self.new_html[key] = markdown_html(text)
        return html

    def render(self, page: Page) -> bytes:
        """The page's bytes."""
        context = page.resolved().context
        if page.markdown is not None:
            context = {**context, "body_html": self.body_html(page.markdown)}
        return _render(self.env, page.template, page.path, context)

    def store_html(self) -> None:
        """Put the body HTML converted since the last call into the cache."""
        self.cache.put_many(HTML_TABLE, self.new_html)
        self.new_html = {}


@dataclass
class Rendered:
    """What the render stage did: a record per page file, and how many pages were rendered or reused."""

    records: dict[str, PageRecord] = field(default_factory=dict)
    rendered: int = 0
    reused: int = 0


def render_pages(pages: list[Page], renderer: Renderer, reuse: Reuse, output: OutputFolder, jobs: int,
                 progress: bool = False) -> Rendered:
    """Render every page into the new site, or take it from the live site when reuse says it is unchanged."""
    chunks = [(pages[start:start + CHUNK], renderer, reuse, output) for start in range(0, len(pages), CHUNK)]
    renderer.cache.close()  # each worker opens its own connection
    total, bar = Rendered(), Progress(len(pages) if progress else 0, "Seiten")
    with fork_map(_render_chunk, chunks, jobs, PARALLEL_FROM // CHUNK, ordered=False) as results:
        for part in results:
            total.records.update(part.records)
            total.rendered += part.rendered
            total.reused += part.reused
            bar.update(total.rendered + total.reused)
    return total


def _render_chunk(job: tuple[list[Page], Renderer, Reuse, OutputFolder]) -> Rendered:
    """Worker: render or reuse one chunk of pages; the body HTML it converted goes into the cache here."""
    pages, renderer, reuse, output = job
    done = Rendered()
    for page in pages:
        rel = output_file(page.path)
        record = reuse.unchanged(rel)
        if record is None:
            page = page.resolved()
            key, shows = reuse.key(page)
            record = reuse.same_key(rel, key)
            if record is None:
                output.write(rel, renderer.render(page))
                done.rendered += 1
                if key:
                    stat = output.stat(rel)
                    done.records[rel] = PageRecord(key, stat.st_size, stat.st_mtime_ns, shows)
                continue
        output.keep(rel)
        done.reused += 1
        done.records[rel] = record
    renderer.store_html()
    return done


def _render(env: jinja2.Environment, template: str, page: str, context: dict) -> bytes:
    """One page; a template error names the template, its line and the page."""
    try:
        return env.get_template(template).render(page=page, **context).encode("utf-8")
    except jinja2.TemplateSyntaxError as exc:
        raise SitegenError(f"Template-Fehler: {exc.message}", path=exc.filename or template, line=exc.lineno,
                           fix="das Template korrigieren") from None
    except jinja2.UndefinedError as exc:
        raise SitegenError(f"Template-Fehler beim Rendern von {page or 'home'}: {exc.message}", path=template,
                           fix="nur Namen verwenden, die die Template-Schnittstelle bietet (siehe README)"
                           ) from None
