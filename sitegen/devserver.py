"""A WSGI app that serves the built site folder under the base path, refusing anything outside it."""
from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote

_TEXT_TYPES = ("application/json", "text/javascript", "application/javascript")


class SiteApp:
    """Serve files of `folder` at `base_path`; '/' redirects there; 404.html for what is missing."""

    def __init__(self, folder: Path, base_path: str = "/"):
        self.folder = folder.resolve()
        self.base_path = base_path

    def __call__(self, environ: dict, start_response):
        path = unquote(environ.get("PATH_INFO", "/"))
        if not path.startswith(self.base_path):
            if path in ("", "/"):
                start_response("302 Found", [("Location", self.base_path)])
                return [b""]
            return self._not_found(start_response)
        target = self.resolve(path[len(self.base_path):])
        if target is None:
            return self._not_found(start_response)
        return self._file(target, "200 OK", start_response)

    def resolve(self, rel: str) -> Path | None:
        """The file for a request path below the base path, or None (missing, or outside the folder)."""
        if "\x00" in rel or "\\" in rel:
            return None
        target = (self.folder / rel.lstrip("/")).resolve()
        if target != self.folder and self.folder not in target.parents:
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def _not_found(self, start_response):
        """The site's own 404 page, with status 404."""
        page = self.folder / "404.html"
        if page.is_file():
            return self._file(page, "404 Not Found", start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return ["Nicht gefunden – ist die Seite schon gebaut?".encode("utf-8")]

    def _file(self, target: Path, status: str, start_response):
        """One file with its content type; non-HTML bodies are guarded against live-reload injection."""
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        body = target.read_bytes()
        if kind in _TEXT_TYPES:
            body = body.replace(b"</head>", b"<\\/head>")
        charset = "; charset=utf-8" if kind.startswith("text/") or kind in _TEXT_TYPES else ""
        start_response(status, [("Content-Type", kind + charset), ("Cache-Control", "no-store")])
        return [body]
