"""The dev server's answers: pages rendered on request from the live model, files from the template's static
folder and the last build (search bundle); nothing outside those folders is ever served.

Free of any web framework: `SiteApp.respond` maps a request path to a `Response`, serve.py sends it."""
from __future__ import annotations

import ipaddress
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

_TEXT_TYPES = ("application/json", "text/javascript", "application/javascript")
MAX_SEGMENT = 255  # bytes: no file system has longer names
LOCAL_NAMES = ("127.0.0.1", "localhost", "::1")
NOT_FOUND = "Nicht gefunden – ist die Seite schon gebaut?".encode()
Render = Callable[[str], "bytes | None"]


@dataclass(frozen=True)
class Response:
    """One answer: status line, headers and body."""

    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes = b""

    @property
    def code(self) -> int:
        """The numeric status."""
        return int(self.status.split()[0])


class SiteApp:
    """Serve the site at `base_path`: rendered pages first, then files of `folders` in order; '/' redirects.
    HTML pages get `script` before their `</head>` (the live-reload client)."""

    def __init__(self, folders: Path | list[tuple[str, Path]], base_path: str = "/",
                 render: Render | None = None, script: bytes = b""):
        self.folders = [("", folders.resolve())] if isinstance(folders, Path) else \
            [(prefix, folder.resolve()) for prefix, folder in folders]
        self.base_path, self.render, self.script = base_path, render, script

    def respond(self, raw_path: str) -> Response:
        """The answer to a GET of `raw_path` (as sent, percent-encoded); a HEAD gets the same without body."""
        try:
            path = unquote(raw_path, errors="strict")
        except UnicodeDecodeError:
            return self._not_found()
        if not path.startswith(self.base_path):
            if path in ("", "/"):
                return Response("302 Found", (("Location", self.base_path),))
            return self._not_found()
        rel = path[len(self.base_path):]
        if "\x00" in rel or "\\" in rel or ".." in rel.split("/") or _too_long(rel):
            return self._not_found()
        name = _page_file(rel)
        rendered = self.render(name) if self.render else None
        if rendered is not None:
            return self._send(rendered, mimetypes.guess_type(name)[0] or "text/html", "200 OK")
        if self.render and not name.endswith("/index.html") and self.render(name + "/index.html") is not None:
            return Response("301 Moved Permanently", (("Location", path + "/"),))
        target = self.resolve(rel)
        return self._file(target, "200 OK") if target else self._not_found()

    def resolve(self, rel: str) -> Path | None:
        """The file for a request path below the base path, or None (missing, unreadable, or outside every
        folder)."""
        if "\x00" in rel or "\\" in rel or _too_long(rel):
            return None
        for prefix, folder in self.folders:
            if not rel.startswith(prefix):
                continue
            try:
                target = (folder / rel[len(prefix):].lstrip("/")).resolve()
                if target != folder and folder not in target.parents:
                    continue
                if target.is_dir():
                    target = target / "index.html"
                if target.is_file():
                    return target
            except (OSError, RuntimeError):  # a link loop (RuntimeError before Python 3.13), a name too long
                continue
        return None

    def _not_found(self) -> Response:
        """The site's own 404 page, with status 404."""
        body = self.render("404.html") if self.render else None
        if body is not None:
            return self._send(body, "text/html", "404 Not Found")
        page = self.resolve("404.html")
        if page is not None:
            return self._file(page, "404 Not Found")
        return Response("404 Not Found", (("Content-Type", "text/plain; charset=utf-8"),), NOT_FOUND)

    def _file(self, target: Path, status: str) -> Response:
        """One file with its content type."""
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        try:
            return self._send(target.read_bytes(), kind, status)
        except OSError:  # removed or made unreadable since it was found
            return Response("404 Not Found", (("Content-Type", "text/plain; charset=utf-8"),), NOT_FOUND)

    def _send(self, body: bytes, kind: str, status: str) -> Response:
        """A response; HTML pages get the live-reload script."""
        if kind == "text/html" and self.script:
            body = body.replace(b"</head>", self.script + b"</head>", 1)
        charset = "; charset=utf-8" if kind.startswith("text/") or kind in _TEXT_TYPES else ""
        return Response(status, (("Content-Type", kind + charset), ("Cache-Control", "no-store")), body)


def host_allowed(host: str, names: tuple[str, ...]) -> bool:
    """True for a Host header naming this machine as the editor reaches it: one of `names` or an IP address
    (a foreign domain name pointed at 127.0.0.1 is a DNS rebinding attack)."""
    name = urlsplit("//" + host).hostname or ""
    if name in names or name in LOCAL_NAMES:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def origin_allowed(origin: str, host: str) -> bool:
    """True when a browser's Origin is the server itself: the same host and port as the Host header."""
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()


def _page_file(rel: str) -> str:
    """The output file a request path names: 'a/b/' -> 'a/b/index.html'."""
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


def _too_long(rel: str) -> bool:
    """True when a path segment is longer than any file name can be."""
    return any(len(part.encode("utf-8", "surrogatepass")) > MAX_SEGMENT for part in rel.split("/"))
