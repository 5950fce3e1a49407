"""The one frozen Config: paths, base URL, title, language; read from sitegen.yaml and the command line."""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from sitegen.errors import SitegenError

CONFIG_FILE = "sitegen.yaml"
BUILTIN_TEMPLATES = Path(__file__).resolve().parent / "default_templates"


@dataclass(frozen=True)
class Config:
    """Where things are and how the site presents itself."""

    root: Path = Path(".")
    content: Path = Path("content")
    templates: Path = Path("templates")
    out: Path = Path("_site")
    cache: Path | None = None  # where this archive's cache lives; default: under the user's cache folder
    base_url: str = "/"
    title: str = "Nachrichtenarchiv"
    description: str = "Ein durchsuchbares Archiv von Nachrichtenartikeln"
    language: str = "de"
    cname: str = ""
    strict: bool = False

    @property
    def articles_dir(self) -> Path:
        """Folder of the article files."""
        return self.content / "articles"

    @property
    def registry_file(self) -> Path:
        """The editors' entity registry."""
        return self.content / "entities.yaml"

    @property
    def base_path(self) -> str:
        """The URL path the site lives under, with slashes at both ends ('/' or '/archiv/')."""
        path = urlsplit(self.base_url).path.strip("/")
        return f"/{path}/" if path else "/"


def load_config(root: Path = Path("."), **overrides: object) -> Config:
    """Read `sitegen.yaml` under root (if present) and apply the non-None overrides."""
    settings: dict[str, object] = {}
    path = root / CONFIG_FILE
    if path.is_file():
        settings = _read_settings(path)
    settings.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(Config)}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise SitegenError(f"unknown setting {unknown[0]!r}", path=path,
                           fix=f"use one of: {', '.join(sorted(known - {'root'}))}")
    config = replace(Config(root=root), **settings)
    return _resolve(config)


def _read_settings(path: Path) -> dict[str, object]:
    """The settings in a config file, as a dict."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise SitegenError("is not valid YAML", path=path, line=None if line is None else line + 1,
                           fix="check indentation and quotes") from None
    if not isinstance(data, dict):
        raise SitegenError("must be a mapping of settings", path=path,
                           fix="write lines like 'title: Mein Archiv'")
    return data


def archive_cache(content: Path, base: Path | None) -> Path:
    """This archive's own cache folder: below `base` (or the user's cache folder), named by the content
    folder's path, so that two archives never share a cache."""
    from sitegen.cache import digest, user_cache_home

    return (base or user_cache_home() / "sitegen").resolve() / digest(str(content))[:16]


def _resolve(config: Config) -> Config:
    """Make every path absolute against root and check the base URL."""
    root = Path(config.root).resolve()
    paths = {name: (root / Path(getattr(config, name))).resolve() for name in ("content", "templates", "out")}
    paths["cache"] = archive_cache(paths["content"], root / config.cache if config.cache else None)
    if not paths["templates"].is_dir() and Path(config.templates) == Path("templates"):
        paths["templates"] = BUILTIN_TEMPLATES
    base_url = str(config.base_url)
    parts = urlsplit(base_url)
    if parts.scheme not in ("", "http", "https") or (parts.scheme and not parts.netloc):
        raise SitegenError(f"base URL {base_url!r} is not a web address", path=CONFIG_FILE,
                           fix="use e.g. https://user.github.io/archiv/ or /")
    if not base_url.endswith("/"):
        base_url += "/"
    return replace(config, root=root, base_url=base_url, **paths)
