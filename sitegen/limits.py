"""What input may be: every size and depth limit and the characters refused, in one place.

Ingest and build apply the same limits, so ingest never writes an article file that the build rejects."""
from __future__ import annotations

import re

MAX_ARTICLE_BYTES = 1_000_000  # one article file; news articles are well under 100 KB
MAX_FIELD_CHARS = 10_000  # one front-matter value: a title, a summary, a name, an author
MAX_NESTING = 20  # depth of nested lists and mappings in YAML and JSON
MAX_YAML_NODES = 100_000  # values in one YAML document, an alias counted at every use
MAX_YAML_BYTES = 5_000_000  # sitegen.yaml, entities.yaml, a sidecar
MAX_ROW_BYTES = MAX_ARTICLE_BYTES  # one CSV field or JSON-lines row: it becomes one article
MAX_PAGE_BYTES = 10_000_000  # one saved web page read by ingest (markup, scripts and styles included)
MIN_YEAR, MAX_YEAR = 1000, 9998  # article dates; the ends of the calendar overflow date arithmetic
MAX_MARKUP_DEPTH = 8  # markdown: nested [ ], quotes and indented lists; deeper ones are flattened to text

# Characters XML 1.0 forbids (C0 controls but tab and line breaks, lone surrogates, U+FFFE, U+FFFF)
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """`text` without the characters XML forbids (raw sources: control characters are never content)."""
    return UNSAFE_CHARS.sub("", text) if UNSAFE_CHARS.search(text) else text


def unsafe_char(text: str) -> tuple[int, str] | None:
    """(line, character as U+XXXX) of the first character XML forbids in `text`, or None."""
    match = UNSAFE_CHARS.search(text)
    if match is None:
        return None
    return text.count("\n", 0, match.start()) + 1, f"U+{ord(match.group()):04X}"


def size_text(size: int) -> str:
    """A byte count for a message: '1,2 MB', '950 KB'."""
    return f"{size / 1e6:.1f} MB".replace(".", ",") if size >= 1e6 else f"{size // 1000} KB"



_MARKUP = re.compile(r"\\.|\]\(|[\[\]()<>]", re.DOTALL)
MAX_UNCLOSED = 16  # '[', '](' or '<' never closed; each makes Python-Markdown scan the rest of its paragraph


_DEEP_QUOTE = re.compile(rf"^((?:[ \t]*>){{{MAX_MARKUP_DEPTH}}})(?:[ \t]*>)+", re.MULTILINE)
_DEEP_INDENT = re.compile(rf"^((?:[ \t]*>)*)[ \t]{{{4 * MAX_MARKUP_DEPTH + 1},}}", re.MULTILINE)


def defuse_markdown(markdown: str) -> str:
    """Markdown with quotes and indented lists nested deeper than MAX_MARKUP_DEPTH flattened to that depth,
    and brackets nested deeper or runs of more than MAX_UNCLOSED unclosed '[', '](' or '<' escaped (shown as
    text): Python-Markdown takes quadratic time or exceeds its recursion limit on them."""
    if ">" in markdown:
        markdown = _DEEP_QUOTE.sub(r"\1", markdown)
    markdown = _DEEP_INDENT.sub(r"\1" + " " * 4 * MAX_MARKUP_DEPTH, markdown)
    if markdown.count("[") <= MAX_UNCLOSED and markdown.count("<") <= MAX_UNCLOSED:
        return markdown
    brackets, parens, deep, angles = [], [], [], []  # open '[', open '(' (None: not a link's), escapes
    for match in _MARKUP.finditer(markdown):
        token, place = match.group(), match.start()
        if token == "[":
            brackets.append(place)
        elif token[0] == "]" and brackets:
            start = brackets.pop()
            if len(brackets) >= MAX_MARKUP_DEPTH:
                deep += (start, place)
        if token in ("(", "]("):
            parens.append(place + len(token) - 1 if token == "](" else None)
        elif token == ")" and parens:
            parens.pop()
        elif token in "<>":
            angles += [place] if token == "<" else []
            if token == ">" and angles:
                angles.pop()
    links = [p for p in parens if p is not None]
    escape = {p: "\\" + markdown[p] for p in deep}
    for places, text in ((brackets, "\\["), (links, "\\("), (angles, "&lt;")):
        if len(places) > MAX_UNCLOSED:
            escape.update(dict.fromkeys(places, text))
    if not escape:
        return markdown
    parts, last = [], 0
    for place in sorted(escape):
        parts += (markdown[last:place], escape[place])
        last = place + 1
    return "".join(parts) + markdown[last:]
