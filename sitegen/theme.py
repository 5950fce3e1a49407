"""The site's look: one Jinja environment over the project's templates/ and sitegen's default templates; a
project file overrides the default of the same name (as Hugo, Zola and MkDocs fall back to the theme)."""
from __future__ import annotations

from contextlib import suppress
from functools import partial
from pathlib import Path

import jinja2

from sitegen.cache import DEFAULT_TEMPLATES
from sitegen.config import Config
from sitegen.i18n import TEXT
from sitegen.model import TAXONOMIES
from sitegen.contexts import FILTERS, GLOBALS
from sitegen.urls import archive_path, search_path, taxonomy_path
from sitegen.workers import files_below


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
    env.globals.update(url=url, absolute_url=partial(_link, absolute), config=config, taxonomies=TAXONOMIES,
                       main_nav=tuple((path, url(path), label) for path, label in nav), **GLOBALS)
    env.filters.update(FILTERS)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    return env


def _link(prefix: str, page: str) -> str:
    """A link to a page path under `prefix`: the base path, or for absolute_url the base URL with a host."""
    return prefix + page.lstrip("/")


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
