"""Check a built site before publishing: internal links and anchors resolve, GitHub Pages limits hold."""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

from sitegen.errors import SitegenError
from sitegen.i18n import number
from sitegen.limits import size_text, unsafe_char
from sitegen.model import Term
from sitegen.views import has_page
from sitegen.workers import default_jobs, files_below, fork_map

MAX_SITE_BYTES = 1_000_000_000  # GitHub Pages: a published site may be at most 1 GB
MAX_FILE_BYTES = 100 * 1024 * 1024  # GitHub rejects files over 100 MiB
PARALLEL_FROM = 500  # pages; below this a process pool costs more than it saves
_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")  # has a scheme, or is protocol-relative
SHOWN_ITEMS = 5  # names of one finding in the summary


@dataclass(frozen=True)
class Finding:
    """One problem: its kind (for the summary), its line, and the names it lists, if any."""

    kind: str
    text: str
    items: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.text + (": " + ", ".join(self.items) if self.items else "")

    def short(self) -> str:
        """The line with at most SHOWN_ITEMS of its names."""
        more = len(self.items) - SHOWN_ITEMS
        return str(self) if more <= 0 else \
            f"{self.text}: {', '.join(self.items[:SHOWN_ITEMS])} … und {number(more)} weitere"


@dataclass(frozen=True)
class CheckReport:
    """What check_output found: errors block a deploy, warnings do not."""

    errors: tuple[Finding, ...] = ()
    warnings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class ParsedPage:
    """One parsed HTML page: its ids, its links as (line, url), and its <base href> if any."""

    ids: frozenset[str]
    links: tuple[tuple[int, str], ...]
    base: str | None = None
    bad_char: tuple[int, str] | None = None  # (line, U+XXXX) of the first character XML forbids


class _PageParser(HTMLParser):
    """Collects ids (and <a name>), href/src/srcset values and the first <base href>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # text is ignored; attribute values are still unescaped
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif tag == "base" and name == "href":
                self.base = value.strip() if self.base is None else self.base
            elif name in ("href", "src"):
                self.links.append((self.getpos()[0], value.strip()))
            elif name == "srcset":
                line = self.getpos()[0]
                self.links.extend((line, part.split()[0]) for part in value.split(",") if part.split())


def parse_page(path: Path) -> ParsedPage:
    """The ids and links of the HTML file at `path`."""
    parser = _PageParser()
    text = path.read_text(encoding="utf-8", errors="replace")
    parser.feed(text)
    parser.close()
    return ParsedPage(frozenset(parser.ids), tuple(parser.links), parser.base, unsafe_char(text))


def base_prefix(base_path: str) -> str:
    """The path the site is served under, with slashes at both ends."""
    path = unquote(base_path).strip("/")
    return f"/{path}/" if path else "/"


class Resolver:
    """Maps links to output files under the prefix; a link to another host is external."""

    origin, netloc = "http://site.invalid", "site.invalid"

    def __init__(self, files: set[str], pages: Mapping[str, ParsedPage], prefix: str):
        self.files, self.pages, self.prefix = files, pages, prefix
        self.resolve = lru_cache(maxsize=200_000)(self._resolve)

    def problems(self, rel: str) -> list[Finding]:
        """One finding per broken link, anchor or escape in page `rel`."""
        page, url = self.pages[rel], self.origin + quote(self.prefix + rel)
        url = urljoin(url, page.base) if page.base else url  # its own <base href>
        found = []
        folder = url.rsplit("/", 1)[0] + "/"
        for line, link in page.links:
            relative = link[:1] not in ("", "#", "?", "/") and not _ABSOLUTE.match(link)  # 'a/b', '../x'
            if rel == "404.html" and relative and not page.base:  # GitHub Pages shows it at every missing URL
                found.append(Finding("relativer Link auf der 404-Seite", f"{rel}:{line}: Link {link!r} ist "
                                     f"relativ, aber GitHub Pages zeigt {rel} unter jeder fehlenden Adresse "
                                     "(schreibe den Link ab der Wurzel, mit / am Anfang)"))
                continue
            root = link[:1] == "/" and link[:2] != "//"  # the cache key: it means the same on every page
            base = url if link[:1] in ("", "#", "?") else self.origin + "/" if root else folder
            problem = self.resolve(base, link)
            if problem:
                found.append(Finding(problem[0], f"{rel}:{line}: Link {link!r} {problem[1]}"))
        return found

    def _resolve(self, base: str, link: str) -> tuple[str, str] | None:
        """What is wrong with `link` seen from the URL `base`, as (kind, text); None when fine or external."""
        parts = urlsplit(urljoin(base, link))
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != self.netloc:
            return None  # external: another host, mailto:, tel:, javascript:, data:
        path = unquote(parts.path)
        if not (path + "/").startswith(self.prefix):
            return "Link verlässt den Basispfad", f"verlässt den Basispfad {self.prefix}"
        rel = path[len(self.prefix):].lstrip("/")  # what GitHub Pages serves for it:
        candidates = (rel + "index.html",) if rel == "" or rel.endswith("/") else \
            (rel, rel + "/index.html", rel + ".html")
        target = next((c for c in candidates if c in self.files), None)
        if target is None:
            return "Link ins Leere", f"zeigt auf {path}, das es in der Ausgabe nicht gibt"
        fragment = unquote(parts.fragment)
        if fragment in ("", "top") or target not in self.pages or fragment in self.pages[target].ids:
            return None
        return "fehlender Anker", f"nennt #{fragment}, aber {target} hat keine solche id"


def size_problems(sizes: Mapping[str, int]) -> tuple[list[Finding], list[Finding]]:
    """Errors over GitHub's limits and warnings from 80 % of them: per file and for the site."""
    errors: list[Finding] = []
    warnings: list[Finding] = []
    checks = [(f"{rel}: Datei", size, MAX_FILE_BYTES) for rel, size in sorted(sizes.items())]
    for what, size, limit in [*checks, ("Website: Gesamtgröße", sum(sizes.values()), MAX_SITE_BYTES)]:
        if size >= 0.8 * limit:
            where, found = ("über dem", errors) if size > limit else ("nahe am", warnings)
            text = f"{what} {size_text(size)} liegt {where} Limit von GitHub Pages ({size_text(limit)})"
            found.append(Finding(f"{where} Limit von GitHub Pages", text))
    return errors, warnings


def check_output(site: Path, base_path: str = "/") -> CheckReport:
    """Check every internal link and anchor of the built `site` served under `base_path`, the characters of
    its pages and feeds, and its size."""
    if not site.is_dir():
        raise SitegenError("der Ordner der Website fehlt", path=site,
                           fix="baue sie zuerst mit `sitegen build`")
    sizes = {rel: entry.stat().st_size for rel, entry in files_below(site, follow=True) if entry.is_file()}
    rels = [rel for rel in sorted(sizes) if rel.lower().endswith((".html", ".htm"))]
    with fork_map(parse_page, [site / rel for rel in rels], default_jobs(), PARALLEL_FROM) as parsed:
        pages = dict(zip(rels, parsed))
    resolver = Resolver(set(sizes), pages, base_prefix(base_path))
    errors = [problem for rel in pages for problem in resolver.problems(rel)]
    bad = {rel: page.bad_char for rel, page in pages.items()}  # and in feeds and sitemaps:
    bad.update((rel, unsafe_char((site / rel).read_text(encoding="utf-8", errors="replace")))
               for rel in sizes if rel.endswith(".xml"))
    errors += [Finding("Steuerzeichen, das XML verbietet", f"{rel}:{where[0]}: enthält das Steuerzeichen "
                       f"{where[1]}, das XML verbietet (entferne es aus der Quelle und baue neu)")
               for rel, where in sorted(bad.items()) if where]
    size_errors, warnings = size_problems(sizes)
    return CheckReport(tuple(errors + size_errors), tuple(warnings))


def clutter(terms: Mapping[str, tuple[Term, ...]]) -> list[Finding]:
    """Warnings for names of one article, which get no page (views.has_page): one per taxonomy."""
    found = []
    for taxonomy, entries in terms.items():
        lonely = sorted({t.name for t in entries if not has_page(t)},
                        key=lambda name: (name.casefold(), name))
        if lonely:
            text = f"{taxonomy}: {len(lonely)} von {len(entries)} Namen nennt nur ein Artikel"
            found.append(Finding("nur von einem Artikel genannt", text, tuple(lonely)))
    return found


def summary(report: CheckReport, everything: bool = False) -> list[str]:
    """The lines `sitegen check` prints: per kind its count and the first few (`everything`: all of them)."""
    lines = [f"check: {len(report.errors)} Fehler, {len(report.warnings)} Warnungen"]
    cut = False
    for level, findings in (("Fehler", report.errors), ("Warnung", report.warnings)):
        for kind in dict.fromkeys(finding.kind for finding in findings):  # in the order they first occur
            group = [finding for finding in findings if finding.kind == kind]
            lines.append(f"{level} – {kind}: {len(group)}")
            shown = group if everything else group[:3]
            lines += [f"  {finding if everything else finding.short()}" for finding in shown]
            cut = cut or len(shown) < len(group) or any(len(f.items) > SHOWN_ITEMS for f in shown)
    if cut and not everything:
        lines.append("(gekürzt: alle mit --all, maschinenlesbar mit --json)")
    return lines


def as_json(report: CheckReport) -> str:
    """Every finding as JSON: {"fehler": [...], "warnungen": [...]}, each with art, meldung and namen."""
    rows = {key: [{"art": f.kind, "meldung": f.text, "namen": list(f.items)} for f in findings]
            for key, findings in (("fehler", report.errors), ("warnungen", report.warnings))}
    return json.dumps(rows, ensure_ascii=False, indent=1)
