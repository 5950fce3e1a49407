"""Pages -> bytes, and the digest of everything a page depends on. The only module that imports Jinja.

Templates see their page's context plus the globals set in make_environment: config, taxonomies, `archive`
(a small summary of the site) and the URL helpers. There is deliberately no global `site`: a page's output must
depend only on what its digest covers, so that unchanged pages can be reused from the last build."""
from __future__ import annotations

import copyreg
import io
import pickle
from array import array
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import meta

from sitegen import __version__
from sitegen.cache import TextCache, digest, load_pickle, save_pickle
from sitegen.config import Config
from sitegen.errors import SitegenError
from sitegen.markup import MARKDOWN_VERSION, body_key, markdown_html
from sitegen.model import TAXONOMIES, Article
from sitegen.pages import Page
from sitegen.template_api import template_filters, template_globals
from sitegen.urls import Urls

TEMPLATE_SUFFIXES = (".html", ".xml", ".txt")  # the files of the template folder that are templates


@dataclass(frozen=True)
class ArchiveInfo:
    """What every page may show about the whole archive (part of every page's digest)."""

    article_count: int


def make_environment(config: Config) -> jinja2.Environment:
    """A Jinja environment over the project's templates, autoescaping on, undefined names an error."""
    if not (config.templates / "base.html").is_file():
        raise SitegenError("has no base.html", path=config.templates, fix="run sitegen from the archive's folder")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(config.templates)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             auto_reload=False)  # a changed template makes a new Renderer (see preview.py)
    urls = Urls(config.base_url, config.base_path)
    env.globals.update(url=urls.url, absolute_url=urls.absolute, config=config, taxonomies=TAXONOMIES,
                       main_nav=main_nav(urls))
    env.filters.update(template_filters())
    env.globals.update(template_globals())
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    return env


def main_nav(urls: Urls) -> tuple[tuple[str, str, str], ...]:
    """The navigation on every page as (page path, link, label): worked out once, not on 20,000 pages."""
    from sitegen.i18n import TEXT
    from sitegen.urls import archive_path, search_path, taxonomy_path

    paths = [("", TEXT["newest"]), *((taxonomy_path(t.key), t.title) for t in TAXONOMIES),
             (archive_path(), TEXT["archive"]), (search_path(), TEXT["search"])]
    return tuple((path, urls.url(path), label) for path, label in paths)


class Renderer:
    """Renders pages with one Jinja environment; markdown HTML comes from the cache when it can.

    Every page gets two keys. The full digest hashes the page's gathered context (an Article counts by the
    digest of its file). The quick key hashes the site's outline (everything but the bodies, see
    site.outline_digest) with the digests of the articles that context held: while the outline stays, the
    same page holds the same articles, so an equal quick key means an equal context, without gathering it."""

    def __init__(self, config: Config, archive: ArchiveInfo, html_cache: TextCache | None = None,
                 articles: tuple[Article, ...] = (), outline: str = ""):
        self.env = make_environment(config)
        sources = template_sources(config.templates)
        used = repr(archive) if reads_archive(self.env, config.cache, sources) else ""  # else adding an article
        self.base_digest = digest(__version__, MARKDOWN_VERSION, repr(config), used, *sources)  # changes all
        self.env.globals["archive"] = archive  # after template_names: Jinja does not report globals
        self.html_cache = html_cache or TextCache(None)
        self.new_html: list[tuple[str, str]] = []
        self._digest_table = _digest_table()
        self.slots = {article.slug: i for i, article in enumerate(articles)}
        self.digests = [article.digest.encode("ascii") for article in articles]  # 32 hex digits each
        complete = outline and all(self.digests) and len(self.slots) == len(articles)
        self.quick_base = digest(self.base_digest, outline) if complete else ""

    def warm(self) -> "Renderer":
        """Compile every template now (the dev server does it in the background, not on the first request)."""
        for name in self.env.list_templates(filter_func=lambda n: n.endswith(TEMPLATE_SUFFIXES)):
            try:
                self.env.get_template(name)
            except jinja2.TemplateError:
                pass  # rendering reports it, naming the page
        return self

    def body_html(self, text: str) -> str:
        """Sanitised HTML of a markdown body, from the cache or converted now (and remembered)."""
        key = body_key(text)
        html = self.html_cache.get(key)
        if html is None:
            html = markdown_html(text)
            self.new_html.append((key, html))
        return html

    def render(self, page: Page) -> bytes:
        """The page's bytes."""
        context = page.resolved().context
        if page.markdown is not None:
            context = {**context, "body_html": self.body_html(page.markdown)}
        return _render(self.env, page.template, page.path, context)

    def page_digest(self, page: Page) -> tuple[str | None, bytes | None]:
        """A hash of everything the page depends on (None when its context cannot be hashed), and the slots
        of the articles its context holds (for quick_key; None when one of them is not the site's)."""
        page = page.resolved()
        shown: list[int] = []
        table = self._digest_table
        table[Article] = lambda article: _article_reduce(article, self.slots, shown)
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = table
        try:
            pickler.dump((page.path, page.template, page.context))
        except (pickle.PicklingError, TypeError, AttributeError):
            return None, None
        full = digest(self.base_digest, buffer.getvalue(), page.markdown or "")
        return full, array("I", sorted(set(shown))).tobytes() if -1 not in shown else None

    def quick_key(self, path: str, slots: bytes | None) -> str:
        """The quick key of page `path` whose context held the articles in `slots`; '' when there is none."""
        if not self.quick_base or slots is None:
            return ""
        indexes = array("I")
        indexes.frombytes(slots)
        digests = self.digests
        if indexes and indexes[-1] >= len(digests):
            return ""
        return digest(self.quick_base, path, b"".join(map(digests.__getitem__, indexes)))  # fixed widths


def _article_reduce(article: Article, slots: dict[str, int], shown: list[int]) -> tuple:
    """Pickle an Article as the digest of its file, noting its slot (-1: not one of the site's articles)."""
    slot = slots.get(article.slug, -1)
    shown.append(slot if article.digest and slot >= 0 else -1)
    return (str, (article.digest or repr(article),))


def _digest_table() -> dict:
    """How page contexts are pickled for their digest: the small view dataclasses as their fields (quicker
    than the generic dataclass path), an Article as the digest of its file (set per page, see page_digest)."""
    from dataclasses import fields

    from sitegen.paging import Pager
    from sitegen.views import Item, TermRef

    table = copyreg.dispatch_table.copy()
    for kind in (Item, TermRef, Pager):
        names = tuple(f.name for f in fields(kind))
        table[kind] = lambda obj, kind=kind, names=names: (kind, tuple(getattr(obj, n) for n in names))
    return table


def reads_archive(env: jinja2.Environment, cache: Path, sources: list[bytes]) -> bool:
    """Whether a template reads `archive`; remembered in the cache by the templates' bytes, as parsing every
    template costs a fifth of a second."""
    key, path = digest(__version__, *sources), cache / "template-names.pickle"
    known = load_pickle(path).get(key)
    if isinstance(known, bool):
        return known
    answer = "archive" in template_names(env)
    try:
        save_pickle(path, {key: answer})
    except OSError:  # a cache that cannot be written costs only speed
        pass
    return answer


def template_names(env: jinja2.Environment) -> set[str]:
    """Every name the templates read from outside themselves but the environment's globals."""
    names: set[str] = set()
    for name in env.list_templates(filter_func=lambda n: n.endswith(TEMPLATE_SUFFIXES)):
        try:
            names |= meta.find_undeclared_variables(env.parse(env.loader.get_source(env, name)[0]))
        except jinja2.TemplateSyntaxError:
            names.add("archive")  # rendering will report the error; until then assume the worst
    return names


def template_sources(folder: Path) -> list[bytes]:
    """Every file under the template folder, name and bytes, in a fixed order."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return [p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes() for p in files]


def _render(env: jinja2.Environment, template: str, page: str, context: dict) -> bytes:
    """One page; a template error names the template, its line and the page."""
    try:
        return env.get_template(template).render(page=page, **context).encode("utf-8")
    except jinja2.TemplateSyntaxError as exc:
        raise SitegenError(f"template error: {exc.message}", path=exc.filename or template, line=exc.lineno,
                           fix="correct the template") from None
    except jinja2.UndefinedError as exc:
        raise SitegenError(f"template error while rendering {page or 'home'}: {exc.message}", path=template,
                           fix="use only names the template API offers (see README)") from None


def static_files(folder: Path) -> dict[str, bytes]:
    """The template folder's static assets, copied under static/."""
    if not folder.is_dir():
        return {}
    return {f"static/{p.relative_to(folder).as_posix()}": p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}
