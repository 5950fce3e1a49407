"""Pages -> bytes, and the digest of everything a page depends on. The only module that imports Jinja and Markdown.

Templates see their page's context plus the globals set in make_environment: config, taxonomies, `archive`
(a small summary of the site) and the URL helpers. There is deliberately no global `site`: a page's output must
depend only on what its digest covers, so that unchanged pages can be reused from the last build."""
from __future__ import annotations

import copyreg
import io
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
import markdown
import nh3

from sitegen import __version__
from sitegen.cache import TextCache, digest
from sitegen.config import Config
from sitegen.errors import SitegenError
from sitegen.model import TAXONOMIES, Article
from sitegen.pages import Page
from sitegen.template_api import template_filters, template_globals
from sitegen.urls import Urls

MARKDOWN_EXTENSIONS = ["extra", "sane_lists"]
_MD = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
MARKDOWN_VERSION = digest(markdown.__version__, nh3.__name__, repr(MARKDOWN_EXTENSIONS), __version__)


@dataclass(frozen=True)
class ArchiveInfo:
    """What every page may show about the whole archive (part of every page's digest)."""

    article_count: int


@lru_cache(maxsize=4096)
def markdown_html(text: str) -> str:
    """Markdown -> sanitised HTML: a pure function of the text (raw HTML and scripts are cleaned away)."""
    return nh3.clean(convert_markdown(text), link_rel="noopener noreferrer")


_MARKUP_CHARS = re.compile(r"[\\`*_\[\]<>#&|{}~]")
_MARKUP_LINE = re.compile(r"^(?:\s|[-+*>:=]|\d+[.)])|\s$", re.MULTILINE)
_WHOLE_DOCUMENT = re.compile(r"\]:|\[\^|<|```|~~~")


def convert_markdown(text: str) -> str:
    """Python-Markdown's HTML for `text`, byte for byte; paragraphs without any markup skip the parser.

    A news body is mostly plain paragraphs, and Python-Markdown turns each into '<p>text</p>'. Runs of blocks
    that contain markup, and documents with features that reach across blocks (references, raw HTML, fences),
    go through Python-Markdown as before. tests/test_markup.py checks the equality on generated documents."""
    blocks = [b for b in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip("\n")) if b.strip()]
    if not blocks or _WHOLE_DOCUMENT.search(text):
        return _MD.reset().convert(text)
    parts: list[str] = []
    pending: list[str] = []
    for block in blocks:
        if _is_plain(block):
            if pending:
                parts.append(_MD.reset().convert("\n\n".join(pending)))
                pending = []
            parts.append(f"<p>{block}</p>")
        else:
            pending.append(block)
    if pending:
        parts.append(_MD.reset().convert("\n\n".join(pending)))
    return "\n".join(parts)


def _is_plain(block: str) -> bool:
    """Whether Python-Markdown would make exactly '<p>block</p>' of this block."""
    return not _MARKUP_CHARS.search(block) and not _MARKUP_LINE.search(block)


def make_environment(config: Config) -> jinja2.Environment:
    """A Jinja environment over the project's templates, autoescaping on, undefined names an error."""
    if not (config.templates / "base.html").is_file():
        raise SitegenError("has no base.html", path=config.templates, fix="run sitegen from the archive's folder")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(config.templates)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    urls = Urls(config.base_url, config.base_path)
    env.globals.update(url=urls.url, absolute_url=urls.absolute, config=config, taxonomies=TAXONOMIES)
    env.filters.update(template_filters())
    env.globals.update(template_globals())
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    return env


class Renderer:
    """Renders pages with one Jinja environment; markdown HTML comes from the cache when it can."""

    def __init__(self, config: Config, archive: ArchiveInfo, html_cache: TextCache | None = None):
        self.env = make_environment(config)
        self.env.globals["archive"] = archive
        self.html_cache = html_cache or TextCache(None)
        self.new_html: list[tuple[str, str]] = []
        self.base_digest = digest(__version__, MARKDOWN_VERSION, repr(config), repr(archive),
                                  *template_sources(config.templates))

    def body_html(self, text: str) -> str:
        """Sanitised HTML of a markdown body, from the cache or converted now (and remembered)."""
        key = digest(MARKDOWN_VERSION, text)
        html = self.html_cache.get(key)
        if html is None:
            html = markdown_html(text)
            self.new_html.append((key, html))
        return html

    def render(self, page: Page) -> bytes:
        """The page's bytes."""
        context = page.context
        if page.markdown is not None:
            context = {**context, "body_html": self.body_html(page.markdown)}
        return _render(self.env, page.template, page.path, context)

    def page_digest(self, page: Page) -> str | None:
        """A hash of everything the page depends on, or None when its context cannot be hashed."""
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = _DIGEST_TABLE
        try:
            pickler.dump((page.path, page.template, page.context))
        except (pickle.PicklingError, TypeError, AttributeError):
            return None
        return digest(self.base_digest, buffer.getvalue(), page.markdown or "")


_DIGEST_TABLE = copyreg.dispatch_table.copy()
_DIGEST_TABLE[Article] = lambda article: (str, (article.digest or repr(article),))


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
