"""The one frozen Config: paths, base URL, title, description; read from sitegen.yaml and the command line."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlsplit

from sitegen.cache import digest, user_cache_home
from sitegen.content import read_text
from sitegen.errors import SitegenError
from sitegen.limits import load_yaml

CONFIG_FILE = "sitegen.yaml"
_HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


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
    cname: str = ""
    strict: bool = False

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
    path = root / CONFIG_FILE
    data = (load_yaml(read_text(path), path, fix="prüfe Einrückung und Anführungszeichen") if path.is_file()
            else None) or {}
    if not isinstance(data, dict):
        raise SitegenError("muss Einstellungen als 'key: value' enthalten", path=path,
                           fix="schreibe Zeilen wie 'title: Mein Archiv'")
    settings = {str(key): value for key, value in data.items()}
    settings.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(Config)}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise SitegenError(f"unbekannte Einstellung {unknown[0]!r}", path=path,
                           fix=f"nimm eine von: {', '.join(sorted(known - {'root'}))}")
    settings = {name: _setting(name, value, path) for name, value in settings.items()}
    return _resolve(replace(Config(root=root), **settings))


def _setting(name: str, value: object, path: Path) -> object:
    """A setting's value as Config needs it: strict is true or false, paths and texts are text."""
    if name == "strict":
        if not isinstance(value, bool):
            raise SitegenError(f"'strict' muss true oder false sein, nicht {value!r}"[:200], path=path,
                               fix="schreibe 'strict: true'")
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Path)) or not str(value).strip():
        raise SitegenError(f"'{name}' muss ein Text sein", path=path, fix=f"schreibe '{name}: \"...\"'")
    return str(value).strip()


def _resolve(config: Config) -> Config:
    """Make every path absolute against root and check the base URL; the cache folder is the archive's own,
    named by the content folder's path below the configured one (or the user's cache folder)."""
    root = Path(config.root).resolve()
    paths = {name: (root / Path(getattr(config, name))).resolve() for name in ("content", "templates", "out")}
    caches = root / config.cache if config.cache else user_cache_home() / "sitegen"
    paths["cache"] = caches.resolve() / digest(str(paths["content"]))[:16]
    base_url = str(config.base_url)
    parts = urlsplit(base_url)
    if parts.scheme not in ("", "http", "https") or (parts.scheme and not parts.netloc):
        raise SitegenError(f"base_url {base_url!r} ist keine Webadresse", path=CONFIG_FILE,
                           fix="nimm z. B. https://user.github.io/archiv/ oder /")
    return replace(config, root=root, base_url=base_url if base_url.endswith("/") else base_url + "/",
                   cname=domain_name(config.cname), **paths)


def domain_name(cname: str) -> str:
    """The CNAME domain in ASCII (münchen.de as xn--mnchen-3ya.de); anything but a domain name is an error."""
    if not cname:
        return ""
    try:
        ascii_name = cname.strip().rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError:
        ascii_name = ""
    labels = ascii_name.split(".")
    if len(labels) < 2 or len(ascii_name) > 253 or not all(_HOST_LABEL.fullmatch(label) for label in labels):
        raise SitegenError(f"cname {cname[:100]!r} ist kein Domainname", path=CONFIG_FILE,
                           fix="schreibe nur den Namen ohne https:// und Pfad, z. B. 'cname: "
                               "archiv.example.de'")
    return ascii_name
