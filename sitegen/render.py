"""Site -> {output path: bytes}. The only module that imports Jinja and Markdown."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
import jinja2
import markdown
import nh3
from babel.dates import format_date

from sitegen.config import Config
from sitegen.errors import SitegenError
from sitegen.model import TAXONOMIES, Site
from sitegen.pages import plan
from sitegen.urls import Urls, article_path, output_file, taxonomy_path, term_path
_MD = markdown.Markdown(extensions=["extra", "sane_lists"], output_format="html")


@lru_cache(maxsize=None)
def markdown_html(text: str) -> str:
    """Markdown -> sanitised HTML: a pure function of the text (raw HTML and scripts are cleaned away)."""
    html = _MD.reset().convert(text)
    return nh3.clean(html, link_rel="noopener noreferrer")


def german_date(value: dt.date | None) -> str:
    """'31. Dezember 2021', or 'Datum unbekannt'."""
    if value is None:
        return "Datum unbekannt"
    return format_date(value, format="long", locale="de_DE")


def iso_date(value: dt.date | None) -> str:
    """The machine-readable date for <time datetime>."""
    return "" if value is None else value.isoformat()


def make_environment(config: Config) -> jinja2.Environment:
    """A Jinja environment over the project's templates, autoescaping on, undefined names an error."""
    if not (config.templates / "base.html").is_file():
        raise SitegenError("has no base.html", path=config.templates, fix="run sitegen from the archive's folder")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(config.templates)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    urls = Urls(config.base_url, config.base_path)
    env.filters.update(german_date=german_date, iso_date=iso_date)
    env.globals.update(url=urls.url, absolute_url=urls.absolute, config=config, taxonomies=TAXONOMIES,
                       article_path=article_path, term_path=term_path, taxonomy_path=taxonomy_path)
    return env


def render_site(site: Site, config: Config) -> dict[str, bytes]:
    """Every page and asset of the site, by output path; a path claimed twice is an error."""
    env = make_environment(config)
    env.globals.update(site=site)
    pages: dict[str, bytes] = {}
    for page in plan(site, config):
        out = output_file(page.path)
        if out in pages:
            raise SitegenError(f"two pages want the same file {out!r}", path=page.template,
                               fix="rename one of the entities or articles")
        context = page.context
        if page.markdown is not None:
            context = {**context, "body_html": markdown_html(page.markdown)}
        pages[out] = _render(env, page.template, page.path, context)
    pages.update(static_files(config.templates / "static"))
    return pages


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
