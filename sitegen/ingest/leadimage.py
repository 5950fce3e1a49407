"""The lead image of a news page: caption and credit from <figure>, JSON-LD `image`, or og:image."""
from __future__ import annotations

import json
import re
from urllib.parse import urljoin

from lxml.html import HtmlElement

from sitegen.ingest.text import split_photo_line
from sitegen.model import Image

ARTICLE_TYPES = {"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "BlogPosting", "WebPage", "ReviewNewsArticle", "Report"}
_CREDIT_CLASS = re.compile(r"credit|copyright|source|quelle|urheber|author|autor|photographer|fotograf", re.I)
_CREDIT_PREFIX = re.compile(r"^(?:Foto|Fotos|Bild|Bildquelle|Quelle|Copyright|Credit|Photo)\s*:\s*|^©\s*",
                            re.I)


def json_ld_article(tree: HtmlElement) -> dict:
    """The page's JSON-LD article object (NewsArticle and kin), or {} when it has none."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        for item in _flatten(data):
            kinds = item.get("@type")
            kinds = set(kinds) if isinstance(kinds, list) else {kinds}
            if kinds & ARTICLE_TYPES:
                return item
    return {}


def _flatten(data: object) -> list[dict]:
    """The objects of a JSON-LD document: top level, lists and @graph."""
    if isinstance(data, list):
        return [obj for item in data for obj in _flatten(item)]
    if isinstance(data, dict):
        return [data, *_flatten(data.get("@graph", []))]
    return []


def lead_image(tree: HtmlElement, ld: dict, page_url: str) -> tuple[Image | None, str]:
    """(caption and credit, image URL) of the lead image; either may be empty."""
    fig_caption, fig_credit, fig_src = _figure(tree)
    ld_caption, ld_credit, ld_src = _ld_image(ld.get("image"))
    og = {m.get("property"): m.get("content", "").strip() for m in tree.xpath("//meta[@property][@content]")}
    caption = fig_caption or ld_caption or og.get("og:image:alt", "")
    credit = fig_credit or ld_credit
    src = fig_src or ld_src or og.get("og:image", "")
    image = Image(caption=caption, credit=credit) if caption or credit else None
    return image, urljoin(page_url, src) if src else ""


def _figure(tree: HtmlElement) -> tuple[str, str, str]:
    """Caption, credit and image URL of the first captioned figure, in the article when there is one."""
    figures = tree.xpath("//article//figure[.//figcaption]") or tree.xpath("//figure[.//figcaption]")
    if not figures:
        return "", "", ""
    figure = figures[0]
    caption_el = figure.xpath(".//figcaption")[0]
    credit = ""
    for node in caption_el.xpath(".//*[@class or self::small or self::cite]"):
        if node.tag in ("small", "cite") or _CREDIT_CLASS.search(node.get("class", "")):
            credit = _clean_credit(node.text_content())
            node.drop_tree()
            break
    caption = " ".join(caption_el.text_content().split())
    if not credit and split_photo_line(caption):
        caption, credit = split_photo_line(caption)  # type: ignore[misc]
    img = figure.xpath(".//img[@src]")
    return caption, credit, img[0].get("src", "") if img else ""


def _ld_image(value: object) -> tuple[str, str, str]:
    """Caption, credit and URL of a JSON-LD `image` (a URL, an ImageObject, or a list of them)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return "", "", value
    if not isinstance(value, dict):
        return "", "", ""
    credit = value.get("creditText") or _name(value.get("copyrightHolder")) or _name(value.get("author"))
    return (" ".join(str(value.get("caption") or "").split()), _clean_credit(str(credit or "")),
            str(value.get("url") or value.get("contentUrl") or ""))


def _name(value: object) -> str:
    """The name of a JSON-LD person or organisation given as text, object or list."""
    if isinstance(value, list):
        return ", ".join(filter(None, (_name(v) for v in value)))
    if isinstance(value, dict):
        return str(value.get("name") or "")
    return str(value or "")


def _clean_credit(text: str) -> str:
    """A credit without 'Foto:' or '©' in front (the templates add their own)."""
    return _CREDIT_PREFIX.sub("", " ".join(text.split())).strip()
