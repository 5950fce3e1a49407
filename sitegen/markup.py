"""Markdown -> sanitised HTML. Python-Markdown is the reference; common news paragraphs take a fast path.

A news body is mostly plain paragraphs with now and then *emphasis*, **bold** or a [link](url). For such a
paragraph the fast path writes exactly what Python-Markdown writes, byte for byte; anything else (lists,
headings, references, raw HTML, escapes, underscores, nested or unbalanced markers) goes through
Python-Markdown.
tests/test_markup.py checks the equality on generated documents and on real articles."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from html import escape

import markdown
import nh3

from sitegen.cache import digest, producer_key
from sitegen.limits import defuse_markdown

MARKDOWN_EXTENSIONS = ["extra", "sane_lists"]
_MD = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")

# characters and line starts that mean more than emphasis and simple links
_OTHER_MARKUP = re.compile(r"[\\`_<>#&|{}~]")
_OTHER_PAIRS = ("![", "[^", "]:")
_MARKUP_LINE_START = re.compile(r"\s|[-+>:=]|\*(?!\*?[^\s*])|\d+[.)]")
_HEADING = re.compile(r"(#{1,6}) +([^#\n]*[^#\s])")
_WHOLE_DOCUMENT = re.compile(r"\]:|\[\^|<|```|~~~")
_SPAN = r"[^*\[\]()\s](?:[^*\[\]()\n]*[^*\[\]()\s])?"  # no markers, brackets, line breaks; not space-padded
_INLINE = re.compile(rf"\*\*({_SPAN})\*\*|\*({_SPAN})\*|\[({_SPAN})\]\(([^\s()<>\"'\[\]*]+)\)")
_LEFTOVER = re.compile(r"[*\[\]]|\]\(")
_LINK_OR_HEADING = re.compile(r"<(a|h[1-6])\b[^>]*>.*?</\1>", re.S)


def body_key(text: str) -> str:
    """The key of a body's HTML in the cache: the producer key (sitegen's code, markdown's and nh3's versions)
    and the text."""
    return digest(producer_key(), text)


@lru_cache(maxsize=4096)
def markdown_html(text: str) -> str:
    """Markdown -> sanitised HTML: a pure function of the text (raw HTML and scripts are cleaned away)."""
    return nh3.clean(convert_markdown(defuse_markdown(text)), link_rel="noopener noreferrer")


def convert_markdown(text: str) -> str:
    """Python-Markdown's HTML for `text`, byte for byte; simple paragraphs, headings, quotes and lists
    skip it.

    Runs of blocks the fast path does not cover, and documents with features that reach across blocks
    (references, raw HTML, fences), go through Python-Markdown."""
    blocks = _blocks(text)
    if not blocks or _WHOLE_DOCUMENT.search(text):  # also a text with nothing but blank lines
        return _MD.reset().convert(text)
    parts: list[str] = []
    pending: list[str] = []
    for i, block in enumerate(blocks):
        html = fast_block(block, blocks[i - 1] if i else "", blocks[i + 1] if i + 1 < len(blocks) else "")
        if html is None:
            pending.append(block)
            continue
        if pending:
            parts.append(_MD.reset().convert("\n\n".join(pending)))
            pending = []
        parts.append(html)
    if pending:
        parts.append(_MD.reset().convert("\n\n".join(pending)))
    return "\n".join(parts)


def _blocks(text: str) -> list[str]:
    """The blank-line separated blocks of `text`; consecutive quote blocks are one (Python-Markdown joins
    them)."""
    blocks: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip("\n")):
        if block.startswith(">") and blocks and blocks[-1].startswith(">"):
            blocks[-1] += "\n\n" + block
        elif block.strip():
            blocks.append(block)
        elif block:
            # a line of only spaces can be an (empty) code block: leave such a text to Python-Markdown
            return []
    return blocks


def fast_block(block: str, before: str, after: str) -> str | None:
    """The block's HTML when it is a simple paragraph, heading, quote or list and its neighbours cannot merge
    with it; None otherwise."""
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
    paragraphs = [simple_paragraph(p) for p in re.split(r"\n[ \t]*\n", inner.strip("\n")) if p.strip()]
    if not paragraphs or None in paragraphs:
        return None
    return "<blockquote>\n" + "\n".join(paragraphs) + "\n</blockquote>"  # type: ignore[arg-type]


def _bullets(block: str) -> str | None:
    """'<ul>' for a tight list whose every line is one item of simple text, all with the same marker."""
    lines = block.split("\n")
    if not all(line.startswith(block[:2]) for line in lines):
        return None
    items = [simple_paragraph(line[2:]) for line in lines]
    if None in items:
        return None
    return "<ul>\n" + "\n".join(f"<li>{item[3:-4]}</li>" for item in items) + "\n</ul>"  # type: ignore[index]


def simple_paragraph(block: str) -> str | None:
    """'<p>…</p>' for a paragraph of text, emphasis, bold and simple links; None when it holds anything
    else."""
    if _OTHER_MARKUP.search(block) or any(pair in block for pair in _OTHER_PAIRS) or _markup_line(block):
        return None
    if "*" not in block and "[" not in block and "]" not in block:
        return f"<p>{block}</p>"
    html = _INLINE.sub(_inline_html, block)
    if _LEFTOVER.search(_INLINE.sub("", block)):
        return None
    return f"<p>{html}</p>"


def _markup_line(block: str) -> bool:
    """Whether a line starts like a block element (indent, list, quote, setext rule) or ends in whitespace."""
    for line in block.split("\n"):
        if _MARKUP_LINE_START.match(line) or line.endswith((" ", "\t")) or not line:
            return True
    return False


def _inline_html(match: re.Match) -> str:
    """One emphasis, bold or link span as Python-Markdown writes it."""
    strong, em, text, href = match.groups()
    if strong is not None:
        return f"<strong>{strong}</strong>"
    if em is not None:
        return f"<em>{em}</em>"
    return f'<a href="{href}">{text}</a>'


def link_entities(html: str, links: tuple[tuple[str, str], ...], base: str = "/") -> str:
    """`html` with the first mention of each entity linked to its page: `links` holds (name as written, page
    path) pairs, several names per path (the earliest found links). Only text is matched, whole words, never
    inside a link or heading; the text itself is not changed. Names are found with str.find (a regular
    expression of an article's names costs 0.5 ms to compile, ten times the searching)."""
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
            link = f'<a class="entity" href="{escape(base + path)}">'
            parts += [html[last:start], link, html[start:end], "</a>"]
            last = end
    return "".join(parts) + html[last:]


def _first_mention(html: str, name: str, before: int, closed: list[int]) -> int:
    """Where `name` first occurs in html[:before] as a whole word of text outside tags and the `closed` spans
    (links and headings: their starts and ends, in order); -1 when it does not."""
    pos = html.find(name, 0, before)
    while pos >= 0 and (_in_word(html, pos, pos + len(name)) or bisect_right(closed, pos) % 2
                        or html.rfind("<", 0, pos) > html.rfind(">", 0, pos)):
        pos = html.find(name, pos + 1, before)
    return pos


def _in_word(html: str, start: int, end: int) -> bool:
    """Whether html[start:end] is part of a longer word ('Merkels', 'EU-Kommission')."""
    before = html[start - 1] if start else " "
    after = html[end] if end < len(html) else " "
    return before.isalnum() or before in "-_" or after.isalnum() or after in "-_"
