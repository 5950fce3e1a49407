"""Pages -> files of the new site, in worker processes: a page that Reuse (the one place deciding reuse) finds
unchanged is taken from the live site, the others rendered by the one Jinja environment from their context."""
from __future__ import annotations

import copyreg
import gzip
import io
import json
import operator
import os
import pickle
import zlib
from contextlib import suppress
from dataclasses import dataclass, field, fields
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, NamedTuple, Sequence

import jinja2
from markupsafe import Markup

from sitegen.cache import DEFAULT_TEMPLATES, Cache, digest, producer_key, tree_bytes
from sitegen.config import Config
from sitegen.content import read_text, shown_path
from sitegen.contexts import FILTERS, GLOBALS
from sitegen.errors import SitegenError
from sitegen.i18n import TEXT
from sitegen.markup import markdown_html
from sitegen.model import TAXONOMIES, Article, Site, outline
from sitegen.pages import Page
from sitegen.urls import archive_path, output_file, search_path, taxonomy_path
from sitegen.views import Item, Pager, TermRef
from sitegen.workers import Progress, files_below, fork_map

if TYPE_CHECKING:  # the new site's folder is the write stage's: pages are written into it as they render
    from sitegen.output import OutputFolder

CHUNK = 200  # pages a worker renders at a time
PARALLEL_FROM = 400  # pages; below this one process is faster than starting workers
HTML_TABLE = "body_html"
MACROS = "_macros.html"  # its macros are every template's globals
RECORDS = ".sitegen-pages.json.gz"  # in the output folder, beside its files; deploy leaves it out


class PageRecord(NamedTuple):
    """One written page: its key, its file's size and time, and the positions of the articles its context
    held (None: not known); stored as a JSON list."""

    key: str
    size: int
    mtime_ns: int
    shows: Sequence[int] | None


@dataclass(frozen=True)
class BuildRecord:
    """A build's key, the site's outline, each article's file hash (in site order), a record per page."""

    build: str = ""
    outline: str = ""
    articles: tuple[str, ...] = ()
    pages: Mapping[str, PageRecord] = field(default_factory=dict)

    @classmethod
    def read(cls, folder: Path) -> "BuildRecord":
        """The record in an output folder; an empty one when it is missing or damaged (that costs speed)."""
        try:
            data = json.loads(gzip.decompress((folder / RECORDS).read_bytes()))
            pages = {rel: PageRecord(key, size, mtime, None if shows is None else tuple(shows))
                     for rel, (key, size, mtime, shows) in data["pages"].items()}  # wrong values: damaged
            return cls(data["build"], data["outline"], tuple(data["articles"]), pages)
        except (OSError, ValueError, TypeError, KeyError, EOFError, zlib.error):
            return cls()

    def write(self, folder: Path) -> None:
        """Save the record into the output folder."""
        (folder / RECORDS).write_bytes(gzip.compress(json.dumps(vars(self)).encode(), 1, mtime=0))


class Reuse:
    """For one build of `site`: which pages are unchanged since the last one, in the output folder `live`."""

    def __init__(self, config: Config, site: Site, live: Path):
        self.last, self.live, articles = BuildRecord.read(live), f"{live}/", site.articles
        # what changes every page: producer key, configuration, the project's templates, fixed build time
        build = digest(producer_key(), repr(config), os.environ.get("SOURCE_DATE_EPOCH", ""),
                       *tree_bytes(config.templates))
        # the site as other pages show it: every article but its body, and the entity registry
        registry = config.registry_file.read_bytes() if config.registry_file.is_file() else b""
        shown = digest(registry, *(repr(outline(article)) for article in articles))
        self.now = BuildRecord(build, shown, tuple(a.digest for a in articles))
        self.slots = {article.slug: i for i, article in enumerate(articles)}
        self.changed = None  # the positions of the articles whose files changed, while the outline stayed
        if (self.last.build, self.last.outline, len(self.last.articles)) == (build, shown, len(articles)):
            pairs = enumerate(zip(self.last.articles, self.now.articles))
            self.changed = {i for i, (a, b) in pairs if a != b or not a}

    def unchanged(self, rel: str, key: str | None = None) -> PageRecord | None:
        """The record of file `rel` when its page is unchanged (by the quick test, or by its `key` when given)
        and its live file is still the one the record describes."""
        record = self.last.pages.get(rel)
        if record is None or (record.key != key if key is not None else record.shows is None
                              or self.changed is None or self.changed.intersection(record.shows)):
            return None
        try:
            stat = os.stat(self.live + rel)
        except OSError:
            return None
        return record if (stat.st_size, stat.st_mtime_ns) == (record.size, record.mtime_ns) else None

    def key(self, page: Page) -> tuple[str | None, tuple[int, ...] | None]:
        """The key of a page whose context is gathered (None when its context cannot be pickled), and the
        positions of the articles it holds (None when one is not the site's)."""
        buffer, shown = io.BytesIO(), []
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = {**copyreg.dispatch_table, **BY_FIELDS,
                                  Article: lambda a: self._as_digest(a, shown)}
        try:
            pickler.dump((page.path, page.template, page.context))
        except (pickle.PicklingError, TypeError, AttributeError):
            return None, None
        key = digest(self.now.build, buffer.getvalue(), page.markdown or "")
        return key, tuple(sorted(set(shown))) if -1 not in shown else None

    def _as_digest(self, article: Article, shown: list[int]) -> tuple:
        """Pickle an Article as the hash of its file and its slug (which other files can change), noting its
        position (-1: not one of the site's)."""
        shown.append(self.slots.get(article.slug, -1) if article.digest else -1)
        return (str, (f"{article.digest}:{article.slug}" if article.digest else repr(article),))


def _by_fields(cls: type) -> Callable[[object], tuple]:
    """Pickle a slotted dataclass as its class and field values: dataclasses' own way looks its fields up
    again for every object, a third of the time a page's key takes."""
    values = operator.attrgetter(*(f.name for f in fields(cls)))
    return lambda obj: (cls, values(obj))


BY_FIELDS = {cls: _by_fields(cls) for cls in (Item, Pager, TermRef)}  # the views pages hold by the hundred


# The site's look: the project's templates/ over sitegen's default templates; a project file overrides the
# default of the same name (as Hugo, Zola and MkDocs fall back to the theme).
def make_environment(config: Config) -> jinja2.Environment:
    """A Jinja environment over both template folders; autoescaping on, undefined names an error."""
    loader = jinja2.FileSystemLoader(list(dict.fromkeys([str(config.templates), str(DEFAULT_TEMPLATES)])))
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True,
                             auto_reload=False)  # a changed template makes a new environment
    url = partial(_link, config.base_path)
    absolute = config.base_url if "://" in config.base_url else config.base_path
    nav = [("", TEXT["newest"]), *((taxonomy_path(t.key), t.title) for t in TAXONOMIES),  # linked once, here
           (archive_path(), TEXT["archive"]), (search_path(), TEXT["search"])]
    main_nav = tuple((path, url(path), label) for path, label in nav)
    env.globals.update(url=url, absolute_url=partial(_link, absolute), config=config, taxonomies=TAXONOMIES,
                       main_nav=main_nav, nav_links=_nav_links(main_nav), **GLOBALS)
    env.filters.update(FILTERS, url=url, absolute_url=env.globals["absolute_url"],  # a filter costs no call
                       **{name: path for name, path in GLOBALS.items() if name.endswith("_path")})
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    return env


def _link(prefix: str, page: str) -> str:
    """A link to a page path under `prefix`: the base path, or for absolute_url the base URL with a host."""
    return prefix + page.lstrip("/")


def _nav_links(main_nav: tuple[tuple[str, str, str], ...]) -> Callable[[str], Markup]:
    """nav_links(page): the navigation's links, the page's own marked as current; made once, not per page."""
    made = {page: Markup(" ").join(Markup('<a href="{}"{}>{}</a>').format(
        href, Markup(' aria-current="page"') * (path == page), label) for path, href, label in main_nav)
        for page in [*(path for path, _, _ in main_nav), None]}
    return lambda page: made.get(page, made[None])


def shared_macros(env: jinja2.Environment) -> dict[str, jinja2.runtime.Macro]:
    """The macros of `_macros.html` as globals, made once: a page that imports them makes Jinja compare
    every global name per page, a tenth of rendering an article."""
    try:
        module = env.get_template(MACROS).module
    except jinja2.TemplateNotFound:
        return {}
    except jinja2.TemplateSyntaxError as exc:
        raise SitegenError(f"Template-Fehler: {exc.message}", path=exc.filename or MACROS, line=exc.lineno,
                           fix="das Template korrigieren") from None
    except jinja2.TemplateError as exc:
        raise SitegenError(f"Template-Fehler: {exc.message}", path=MACROS,
                           fix="nur Namen verwenden, die das README nennt") from None
    return {name: value for name, value in vars(module).items() if isinstance(value, jinja2.runtime.Macro)}


def warm(env: jinja2.Environment) -> None:
    """Compile every template now (the dev server does it in the background, not on the first request)."""
    for name in env.list_templates(extensions=("html", "xml", "txt")):  # not the static files
        with suppress(jinja2.TemplateError):  # rendering reports it, naming the page
            env.get_template(name)


def static_files(config: Config) -> dict[str, bytes]:
    """The files under static/: the defaults', each replaced by the project's file of the same name."""
    return {f"static/{rel}": Path(entry.path).read_bytes()
            for folder in (DEFAULT_TEMPLATES / "static", config.templates / "static")
            for rel, entry in sorted(files_below(folder)) if entry.is_file()}


class Renderer:
    """Renders pages with one Jinja environment; body HTML comes from the cache where it can."""

    def __init__(self, config: Config, cache: Cache | None = None):
        for rel, entry in files_below(config.templates):  # one not in UTF-8 is named (else: internal error)
            if (rel.endswith((".html", ".xml", ".txt", ".json")) and not rel.startswith("static/")
                    and not entry.name.startswith((".", "#")) and entry.is_file()):  # no editor's scratch
                read_text(Path(entry.path), shown_path(Path(entry.path), config.root))
        self.env = make_environment(config)
        self.env.globals.update(shared_macros(self.env))
        self.cache = cache or Cache(None)
        self.globals = dict(self.env.globals)  # every template's: Jinja would merge them key by key per page

    def render(self, page: Page, body: str | None = None) -> bytes:
        """The page's bytes; `body` is its body HTML when the caller has it."""
        context = page.resolved().context
        if page.markdown is not None:
            body = bodies_html([page.markdown], self.cache)[0] if body is None else body
            context = {**context, "body_html": body}
        try:  # a template error names the template, its line and the page
            template = self.env.get_template(page.template)  # with the globals as one dict (not a ChainMap)
            made = template.new_context({**self.globals, **context, "page": page.path}, shared=True)
            return self.env.concat(template.root_render_func(made)).encode("utf-8")
        except jinja2.TemplateSyntaxError as exc:
            raise SitegenError(f"Template-Fehler: {exc.message}", path=exc.filename or page.template,
                               line=exc.lineno, fix="das Template korrigieren") from None
        except jinja2.UndefinedError as exc:
            raise SitegenError(f"Template-Fehler beim Rendern von {page.path or 'home'}: {exc.message}",
                               path=page.template, fix="nur Namen verwenden, die das README nennt") from None


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
    output.taken.update(output_file(page.path) for page in pages)  # workers' sets are their own
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

