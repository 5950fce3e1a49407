"""Pages -> files of the new site, in worker processes; the only module that renders with Jinja. Templates see
their context and theme's globals, no global `site`: a page's bytes depend only on its key (reuse.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

import jinja2

from sitegen.cache import Cache, digest, producer_key
from sitegen.config import Config
from sitegen.errors import SitegenError
from sitegen.markup import markdown_html
from sitegen.pages import Page
from sitegen.reuse import PageRecord, Reuse
from sitegen.theme import make_environment
from sitegen.urls import output_file
from sitegen.workers import Progress, fork_map

if TYPE_CHECKING:  # the new site's folder is the write stage's: pages are written into it as they render
    from sitegen.output import OutputFolder

CHUNK = 200  # pages a worker renders at a time
PARALLEL_FROM = 400  # pages; below this one process is faster than starting workers
HTML_TABLE = "body_html"


class Renderer:
    """Renders pages with one Jinja environment; body HTML comes from the cache where it can."""

    def __init__(self, config: Config, cache: Cache | None = None):
        self.env = make_environment(config)
        self.cache = cache or Cache(None)

    def render(self, page: Page, body: str | None = None) -> bytes:
        """The page's bytes; `body` is its body HTML when the caller has it."""
        context = page.resolved().context
        if page.markdown is not None:
            body = bodies_html([page.markdown], self.cache)[0] if body is None else body
            context = {**context, "body_html": body}
        try:  # a template error names the template, its line and the page
            return self.env.get_template(page.template).render(page=page.path, **context).encode("utf-8")
        except jinja2.TemplateSyntaxError as exc:
            raise SitegenError(f"Template-Fehler: {exc.message}", path=exc.filename or page.template,
                               line=exc.lineno, fix="das Template korrigieren") from None
        except jinja2.UndefinedError as exc:
            raise SitegenError(f"Template-Fehler beim Rendern von {page.path or 'home'}: {exc.message}",
                               path=page.template,
                               fix="nur Namen verwenden, die die Template-Schnittstelle bietet (siehe README)"
                               ) from None


def bodies_html(texts: Sequence[str], cache: Cache) -> list[str]:
    """The sanitised HTML of markdown bodies: from the cache, the others converted now and stored there (for
    the renderer and the search index, whichever comes second)."""
    producer = producer_key()
    keys = [digest(producer, text) for text in texts]
    found = cache.get_many(HTML_TABLE, keys) if keys else {}
    new = {key: markdown_html(text) for key, text in zip(keys, texts) if key not in found}
    cache.put_many(HTML_TABLE, new)
    return [new[key] if key in new else found[key] for key in keys]


@dataclass
class Rendered:
    """What the render stage did: a record per page file, and how many pages were rendered or reused."""

    records: dict[str, PageRecord] = field(default_factory=dict)
    rendered: int = 0
    reused: int = 0


def render_pages(pages: list[Page], renderer: Renderer, reuse: Reuse, output: OutputFolder, jobs: int
                 ) -> Rendered:
    """Render every page into the new site, or take it from the live site when reuse says it is unchanged."""
    chunks = [(pages[start:start + CHUNK], renderer, reuse, output) for start in range(0, len(pages), CHUNK)]
    renderer.cache.close()  # each worker opens its own connection
    total, bar = Rendered(), Progress(len(pages) if len(pages) > 20000 else 0, "Seiten")
    with fork_map(_render_chunk, chunks, jobs, PARALLEL_FROM // CHUNK, ordered=False) as results:
        for part in results:
            total.records.update(part.records)
            total.rendered += part.rendered
            total.reused += part.reused
            bar.update(total.rendered + total.reused)
    return total


def _render_chunk(job: tuple[list[Page], Renderer, Reuse, OutputFolder]) -> Rendered:
    """Worker: reuse what is unchanged of a chunk of pages, render the rest, their bodies' HTML in one go."""
    pages, renderer, reuse, output = job
    done, todo = Rendered(), []
    for page in pages:
        rel = output_file(page.path)
        record = reuse.unchanged(rel)
        if record is None:
            page = page.resolved()
            key, shows = reuse.key(page)
            record = reuse.unchanged(rel, key) if key else None
            if record is None:
                todo.append((rel, page, key, shows))
                continue
        output.keep(rel)
        done.reused += 1
        done.records[rel] = record
    bodies = iter(bodies_html([page.markdown for _, page, _, _ in todo if page.markdown is not None],
                              renderer.cache))
    for rel, page, key, shows in todo:
        stat = output.write(rel, renderer.render(page, None if page.markdown is None else next(bodies)))
        if key:
            done.records[rel] = PageRecord(key, stat.st_size, stat.st_mtime_ns, shows)
    done.rendered = len(todo)
    return done

