"""Markdown -> sanitised HTML. Plain news paragraphs (text, *emphasis*, **bold**, [links](url)) take a fast
path that writes what Python-Markdown writes, byte for byte (tests/test_markup.py); the rest, through it."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from html import escape
from itertools import groupby

import markdown
import nh3

from sitegen.limits import defuse_markdown

MARKDOWN_EXTENSIONS = ["extra", "sane_lists"]
PYTHON_MARKDOWN = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")

# characters, pairs and line starts that mean more than emphasis and simple links (str.__contains__ each: a
# character class searched by a pattern is slower)
_OTHER_MARKUP = ("\\", "`", "_", "<", ">", "#", "&", "|", "{", "}", "~", "![", "[^", "]:")
_MARKUP_LINE = re.compile(r"\s|[-+>:=]|\*(?!\*?[^\s*])|\d+[.)]")
_HEADING = re.compile(r"(#{1,6}) +([^#\n]*[^#\s])")
_WHOLE_DOCUMENT = re.compile(r"\]:|\[\^|<|```|~~~")
_SPAN = r"[^*\[\]()\s](?:[^*\[\]()\n]*[^*\[\]()\s])?"  # no markers, brackets, line breaks; not space-padded
_INLINE = re.compile(rf"\*\*({_SPAN})\*\*|\*({_SPAN})\*|\[({_SPAN})\]\(([^\s()<>\"'\[\]*]+)\)")
_LINK_OR_HEADING = re.compile(r"<(a|h[1-6])\b[^>]*>.*?</\1>", re.S)


@lru_cache(maxsize=4096)
def markdown_html(text: str) -> str:
    """Markdown -> sanitised HTML: a pure function of the text (raw HTML and scripts are cleaned away)."""
    return nh3.clean(convert_markdown(defuse_markdown(text)), link_rel="noopener noreferrer")


def convert_markdown(text: str) -> str:
    """Python-Markdown's HTML for `text`; blocks the fast path covers skip it, unless the document has
    features that reach across blocks (references, raw HTML, fences)."""
    blocks = _blocks(text)
    if not blocks or _WHOLE_DOCUMENT.search(text):  # also a text with nothing but blank lines
        return PYTHON_MARKDOWN.reset().convert(text)
    fast = [fast_block(*around) for around in zip(blocks, ["", *blocks], [*blocks[1:], ""])]
    parts: list[str] = []
    for slow, run in groupby(zip(blocks, fast), key=lambda pair: pair[1] is None):
        blocks_html = list(run)
        if slow:
            parts.append(PYTHON_MARKDOWN.reset().convert("\n\n".join(block for block, _ in blocks_html)))
        else:
            parts += [html for _, html in blocks_html]
    return "\n".join(parts)


def _blocks(text: str) -> list[str]:
    """The blank-line separated blocks of `text`; consecutive quote blocks are one, as in Python-Markdown."""
    blocks: list[str] = []
    for block in re.split(r"\n(?:[ \t]*\n)+", text.replace("\r\n", "\n").strip("\n")):  # as blank lines
        if block.startswith(">") and blocks and blocks[-1].startswith(">"):
            blocks[-1] += "\n\n" + block
        elif block.strip():
            blocks.append(block)
        elif block:  # a line of only spaces can be an (empty) code block: leave it to Python-Markdown
            return []
    return blocks


def fast_block(block: str, before: str, after: str) -> str | None:
    """The HTML of a simple paragraph, heading, quote or list its neighbours cannot merge with, or None."""
    if after.startswith(":"):  # a definition list takes the block before it as its term
        return None
    if block.startswith("#"):
        return _heading(block)
    if block.startswith(">"):
        return None if _merges(before, after, ">") else _quote(block)
    if block.startswith(("- ", "* ", "+ ")):
        return None if _merges(before, after, "-*+") else _bullets(block)
    return simple_paragraph(block)


def _merges(before: str, after: str, markers: str) -> bool:
    """Whether a neighbouring block may continue a quote or list (Python-Markdown joins them)."""
    if before and simple_paragraph(before) is None and _heading(before) is None:
        return True  # the block before may end in a list or quote, lazily continued
    return any(n[:1] and (n[0] in markers or n[0].isdigit() or n[0].isspace()) for n in (before, after))


def _heading(block: str) -> str | None:
    """'<hN>…</hN>' for a one-line ATX heading without closing hashes."""
    match = _HEADING.fullmatch(block)
    inner = simple_paragraph(match.group(2)) if match else None
    return None if inner is None else f"<h{len(match.group(1))}>{inner[3:-4]}</h{len(match.group(1))}>"


def _quote(block: str) -> str | None:
    """'<blockquote>' around the simple paragraphs of a block whose every line starts with '>'."""
    lines = block.split("\n")
    if not all(line.startswith(">") or not line.strip() for line in lines):
        return None
    inner = "\n".join(line[2:] if line.startswith("> ") else line[1:] for line in lines)
    paragraphs = [simple_paragraph(p) for p in re.split(r"\n(?:[ \t]*\n)+", inner.strip("\n")) if p.strip()]
    if not paragraphs or None in paragraphs:
        return None
    return "<blockquote>\n" + "\n".join(paragraphs) + "\n</blockquote>"  # type: ignore[arg-type]


def _bullets(block: str) -> str | None:
    """'<ul>' for a tight list whose every line is one item of simple text, all with the same marker."""
    items = [simple_paragraph(line[2:]) if line.startswith(block[:2]) else None for line in block.split("\n")]
    if None in items:
        return None
    return "<ul>\n" + "\n".join(f"<li>{item[3:-4]}</li>" for item in items) + "\n</ul>"  # type: ignore[index]


def simple_paragraph(block: str) -> str | None:
    """'<p>…</p>' for a paragraph of text, emphasis, bold and simple links; None for anything else."""
    if any(map(block.__contains__, _OTHER_MARKUP)):
        return None
    if any(_MARKUP_LINE.match(line) or line.endswith((" ", "\t")) or not line for line in block.split("\n")):
        return None  # a line starts like a block element (indent, list, quote, setext rule) or ends in space
    if "*" not in block and "[" not in block and "]" not in block:
        return f"<p>{block}</p>"
    if any(map(_INLINE.sub("", block).__contains__, "*[]")):  # a marker outside the spans
        return None
    return f"<p>{_INLINE.sub(_inline_html, block)}</p>"


def _inline_html(match: re.Match) -> str:
    """One emphasis, bold or link span as Python-Markdown writes it."""
    strong, em, text, href = match.groups()
    if strong is not None:
        return f"<strong>{strong}</strong>"
    return f"<em>{em}</em>" if em is not None else f'<a href="{href}">{text}</a>'


def link_entities(html: str, links: tuple[tuple[str, str], ...], base: str = "/") -> str:
    """`html` with the first mention (whole words of text, not in a link or heading) of each entity linked to
    its page; `links` holds (name as written, page path) pairs, the earliest mention of a path links."""
    if not links:
        return html
    first: dict[str, tuple[int, int]] = {}  # path -> (start, end) of its earliest mention
    closed = [span for match in _LINK_OR_HEADING.finditer(html) for span in match.span()]  # starts and ends
    for name, path in links:
        text = escape(name, quote=False)
        found = _first_mention(html, text, first[path][0] if path in first else len(html), closed)
        if found >= 0:
            first[path] = (found, found + len(text))
    parts, last = [], 0
    for (start, end), path in sorted((span, path) for path, span in first.items()):
        if start >= last:  # a name inside another's link ('Wien' in 'Stadt Wien') stays as it is
            link = f'<a href="{escape(base + path)}">'
            parts += [html[last:start], link, html[start:end], "</a>"]
            last = end
    return "".join(parts) + html[last:]


def _first_mention(html: str, name: str, before: int, closed: list[int]) -> int:
    """Where `name` first occurs in html[:before] as a whole word outside tags and the `closed` spans (the
    starts and ends of links and headings), found with str.find (cheaper than a regular expression); or -1."""
    pos = html.find(name, 0, before)
    while pos >= 0 and (_in_word(html, pos, pos + len(name)) or bisect_right(closed, pos) % 2
                        or html.rfind("<", 0, pos) > html.rfind(">", 0, pos)):
        pos = html.find(name, pos + 1, before)
    return pos


def _in_word(html: str, start: int, end: int) -> bool:
    """Whether html[start:end] is part of a longer word ('Merkels', 'EU-Kommission')."""
    return any(c and (c.isalnum() or c in "-_") for c in (html[start - 1:start], html[end:end + 1]))
