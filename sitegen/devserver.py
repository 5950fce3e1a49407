"""The dev server's WSGI app: pages rendered on request from the live model, files from the template's
static folder and the last build (search bundle); nothing outside those folders is ever served."""
from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Callable
from urllib.parse import unquote

_TEXT_TYPES = ("application/json", "text/javascript", "application/javascript")
Render = Callable[[str], "bytes | None"]


class SiteApp:
    """Serve the site at `base_path`: rendered pages first, then files of `folders` in order; '/' redirects."""

    def __init__(self, folders: Path | list[tuple[str, Path]], base_path: str = "/", render: Render | None = None):
        self.folders = [("", folders.resolve())] if isinstance(folders, Path) else \
            [(prefix, folder.resolve()) for prefix, folder in folders]
        self.base_path, self.render = base_path, render

    def __call__(self, environ: dict, start_response):
        path = unquote(environ.get("PATH_INFO", "/"))
        if not path.startswith(self.base_path):
            if path in ("", "/"):
                start_response("302 Found", [("Location", self.base_path)])
                return [b""]
            return self._not_found(start_response)
        rel = path[len(self.base_path):]
        if "\x00" in rel or "\\" in rel or ".." in rel.split("/"):
            return self._not_found(start_response)
        name = _page_file(rel)
        rendered = self.render(name) if self.render else None
        if rendered is not None:
            return self._send(rendered, mimetypes.guess_type(name)[0] or "text/html", "200 OK", start_response, name)
        if self.render and not name.endswith("/index.html") and self.render(name + "/index.html") is not None:
            start_response("301 Moved Permanently", [("Location", path + "/")])
            return [b""]
        target = self.resolve(rel)
        return self._file(target, "200 OK", start_response) if target else self._not_found(start_response)

    def resolve(self, rel: str) -> Path | None:
        """The file for a request path below the base path, or None (missing, or outside every folder)."""
        if "\x00" in rel or "\\" in rel:
            return None
        for prefix, folder in self.folders:
            if not rel.startswith(prefix):
                continue
            target = (folder / rel[len(prefix):].lstrip("/")).resolve()
            if target != folder and folder not in target.parents:
                continue
            if target.is_dir():
                target = target / "index.html"
            if target.is_file():
                return target
        return None

    def _not_found(self, start_response):
        """The site's own 404 page, with status 404."""
        body = self.render("404.html") if self.render else None
        if body is not None:
            return self._send(body, "text/html", "404 Not Found", start_response, "404.html")
        page = self.resolve("404.html")
        if page is not None:
            return self._file(page, "404 Not Found", start_response)
        start_response("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
        return ["Nicht gefunden – ist die Seite schon gebaut?".encode("utf-8")]

    def _file(self, target: Path, status: str, start_response):
        """One file with its content type."""
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        return self._send(target.read_bytes(), kind, status, start_response, target.name)

    def _send(self, body: bytes, kind: str, status: str, start_response, name: str):
        """A response; non-HTML bodies are guarded against the live-reload script injection."""
        if kind in _TEXT_TYPES or not kind.startswith("text/html"):
            body = body.replace(b"</head>", b"<\\/head>")
        charset = "; charset=utf-8" if kind.startswith("text/") or kind in _TEXT_TYPES else ""
        start_response(status, [("Content-Type", kind + charset), ("Cache-Control", "no-store")])
        return [body]


def _page_file(rel: str) -> str:
    """The output file a request path names: 'a/b/' -> 'a/b/index.html'."""
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel
