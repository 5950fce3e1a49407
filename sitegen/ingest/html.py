"""Reader for article pages saved from a news site: trafilatura finds the text, htmldate the date."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import lxml.html
import trafilatura
from htmldate import find_date
from lxml.etree import _Element
from trafilatura.xml import xmltotxt

from sitegen.errors import SitegenError
from sitegen.ingest.base import apply_meta, read_source
from sitegen.limits import MAX_PAGE_BYTES
from sitegen.ingest.leadimage import json_ld_article, lead_image
from sitegen.ingest.sidecar import read_sidecar
from sitegen.ingest.text import headline_from, paragraphs_of, summary_from
from sitegen.model import Article
from sitegen.slug import slugify

_LANG = re.compile(r"^([a-z]{2,3})\b", re.I)


def read_html_source(path: Path, shown: str, date: dt.date | None) -> list[Article]:
    """One article from a saved news page: headline, date, author, lead, markdown body, lead image.

    A NAME.yaml sidecar beside the page wins over what the page says of itself."""
    raw = _page_bytes(path, shown)
    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_formatting=True, include_tables=True,
                                      include_comments=False, include_images=False, deduplicate=False)
    body = body_markdown(doc.body) if doc is not None else ""
    if not body:
        raise SitegenError("hat keinen Artikeltext, der sich finden lässt", path=shown,
                           fix="speichere die Artikelseite selbst (mit ihrem <article>-Text), keine "
                               "Übersichtsseite")
    tree = lxml.html.document_fromstring(raw)
    ld = json_ld_article(tree)
    image, image_url = lead_image(tree, ld, doc.url or "")
    blocks = paragraphs_of(body)
    paragraphs = [p for p in blocks if not p.startswith("#")] or [p.lstrip("# ") for p in blocks]
    lead = blocks[0].lstrip("# ") if blocks[0].startswith("#") else headline_from(paragraphs[0])
    title = " ".join((doc.title or lead).split())
    body = _without_headline(body, title)
    article = Article(title=title, slug=slugify(title), body=body, date=page_date(raw) or date, source=shown,
                      language=page_language(tree, ld), image=image,
                      summary=" ".join((doc.description or summary_from(paragraphs)).split()))
    meta = {"author": doc.author, "url": doc.url, "section": (doc.categories or [""])[0],
            "image_url": image_url}
    article = apply_meta(article, {k: " ".join(v.split()) for k, v in meta.items() if v})
    return [apply_meta(article, read_sidecar(path))]


def _page_bytes(path: Path, shown: str) -> bytes:
    """A saved page's bytes; a binary file or one larger than MAX_PAGE_BYTES is refused before it is
    parsed."""
    raw = read_source(path, shown, MAX_PAGE_BYTES, "eine Artikelseite")
    if b"\x00" in raw:
        raise SitegenError("ist eine Binärdatei, keine Webseite", path=shown, fix="nimm sie aus den Quellen")
    return raw


def body_markdown(body: _Element | None) -> str:
    """The extracted body as markdown: paragraphs, subheads, lists, and blockquotes marked with '>'."""
    if body is None:
        return ""
    blocks = []
    for child in body:
        text = re.sub(r"\n{3,}", "\n\n", xmltotxt(child, True)).strip()
        if not text:
            continue
        if child.tag == "quote":
            text = "\n".join(f"> {line}" if line.strip() else ">" for line in text.splitlines())
        blocks.append(text)
    return "\n\n".join(blocks)


def _without_headline(body: str, title: str) -> str:
    """The body without a leading '# headline' that repeats the title."""
    first, _, rest = body.partition("\n\n")
    if first.startswith("#") and " ".join(first.lstrip("#").split()) == title and rest:
        return rest
    return body


def page_date(raw: bytes) -> dt.date | dt.datetime | None:
    """The publication date (with its time when the page gives one) that htmldate finds."""
    found = find_date(raw, outputformat="%Y-%m-%dT%H:%M:%S%z", original_date=True, extensive_search=False)
    if not found:
        return None
    stamp = dt.datetime.strptime(found,
                                 "%Y-%m-%dT%H:%M:%S%z" if found[-5:-4] in "+-" else "%Y-%m-%dT%H:%M:%S")
    if stamp.time() == dt.time(0, 0) and stamp.utcoffset() in (None, dt.timedelta(0)):
        return stamp.date()
    return stamp


def page_language(tree: lxml.html.HtmlElement, ld: dict) -> str:
    """The language the page declares (html lang, JSON-LD inLanguage, og:locale), 'de' when it declares
    none."""
    locale = tree.xpath('string(//meta[@property="og:locale"]/@content)')
    for value in (tree.get("lang"), ld.get("inLanguage"), locale):
        match = _LANG.match(str(value or ""))
        if match:
            return match.group(1).lower()
    return "de"


