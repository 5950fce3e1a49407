"""The one frozen Config: paths, base URL, title, description; read from sitegen.yaml and the command line."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from sitegen.cache import digest, user_cache_home
from sitegen.content import read_text
from sitegen.errors import SitegenError
from sitegen.limits import compose_yaml

CONFIG_FILE = "sitegen.yaml"
PATHS = ("content", "templates", "out", "cache")  # taken as written, spaces too
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
    """Read `sitegen.yaml` under root (if present) and apply the non-None overrides (the command line's)."""
    path = root / CONFIG_FILE
    data, node = compose_yaml(read_text(path) if path.is_file() else "", path, "prüfe Einrückung und "
                              "Anführungszeichen")
    if not isinstance(data or {}, dict):
        raise SitegenError("muss Einstellungen als 'key: value' enthalten", path=path,
                           fix="schreibe Zeilen wie 'title: Mein Archiv'")
    keys = yaml.constructor.SafeConstructor()  # a key as the data has it ('true:' is True), with its line
    where = {str(keys.construct_object(key)): (path, key.start_mark.line + 1) for key, _ in node.value
             if isinstance(key, yaml.ScalarNode)} if data else {}
    settings = {str(key): value for key, value in (data or {}).items()}
    for name, value in overrides.items():
        if value is not None:
            settings[name], where[name] = value, ("--" + name.replace("_", "-"), None)
    settings = {name: setting_value(name, value, root, *where.get(name, (path, None)))
                for name, value in settings.items()}
    return _resolve(replace(Config(root=root), **settings))


def setting_value(name: str, value: object, root: Path, path: object, line: int | None) -> object:
    """A setting's value as Config needs it: strict is true or false, a path is taken as written, other
    texts without spaces at their ends; base_url a web address, cname a domain name."""
    known = sorted(f.name for f in fields(Config) if f.name != "root")
    if name not in known:
        raise SitegenError(f"unbekannte Einstellung {name!r}", path, line,
                           fix=f"nimm eine von: {', '.join(known)}")
    if name == "strict":
        if not isinstance(value, bool):
            raise SitegenError(f"'strict' muss true oder false sein, nicht {value!r}"[:200], path, line,
                               fix="schreibe 'strict: true'")
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Path)) or not str(value).strip():
        raise SitegenError(f"'{name}' muss ein Text sein", path, line, fix=f"schreibe '{name}: \"...\"'")
    text = str(value)
    if name in PATHS and text != text.strip() and not (root / text).exists():
        raise SitegenError(f"'{name}' ist {text!r}, mit Leerzeichen am Anfang oder Ende – so heißt kein "
                           "Ordner", path, line, fix=f"entferne sie: {text.strip()!r}")
    if name == "base_url" and not _web_address(text.strip()):
        raise SitegenError(f"base_url {text!r} ist keine Webadresse", path, line,
                           fix="nimm z. B. https://user.github.io/archiv/ oder /")
    return text if name in PATHS else domain_name(text, path, line) if name == "cname" else text.strip()


def _web_address(url: str) -> bool:
    """Whether `url` is a path, or an http(s) address with a host."""
    try:
        parts = urlsplit(url)
    except ValueError:  # an unclosed [ of an IPv6 host
        return False
    return bool(parts.netloc) if parts.scheme in ("http", "https") else not parts.scheme


def _resolve(config: Config) -> Config:
    """Make every path absolute against root; the cache folder is the archive's own, named by the content
    folder's path below the configured one (or the user's cache folder)."""
    root = Path(config.root).resolve()
    paths = {name: (root / Path(getattr(config, name))).resolve() for name in ("content", "templates", "out")}
    caches = root / config.cache if config.cache else user_cache_home() / "sitegen"
    paths["cache"] = caches.resolve() / digest(str(paths["content"]))[:16]
    return replace(config, root=root, base_url=config.base_url.rstrip("/") + "/", **paths)


def domain_name(cname: str, path: object, line: int | None) -> str:
    """The CNAME domain in ASCII (münchen.de as xn--mnchen-3ya.de); anything but a domain name is an error."""
    try:
        ascii_name = cname.strip().rstrip(".").encode("idna").decode("ascii").lower()
    except UnicodeError:
        ascii_name = ""
    labels = ascii_name.split(".")
    if len(labels) < 2 or len(ascii_name) > 253 or not all(_HOST_LABEL.fullmatch(label) for label in labels):
        raise SitegenError(f"cname {cname[:100]!r} ist kein Domainname", path, line,
                           fix="schreibe nur den Namen ohne https:// und Pfad, z. B. 'cname: "
                               "archiv.example.de'")
    return ascii_name
