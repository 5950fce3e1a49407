"""Plain-text pieces of an article body: the sentence naming an entity, a teaser, a word count.

Each works on the raw markdown with a few C-speed string searches, so a snippet costs microseconds and
nothing is cached: term pages can ask for any (article, name) pair in any order."""
from __future__ import annotations

import re

SNIPPET_CHARS = 56
TEASER_CHARS = 140
_ENDS = (". ", "! ", "? ", "\n")
_MARKUP = [  # (a character that must occur for the pattern to matter, pattern, replacement)
    ("\n", re.compile(r"^\s*(#{1,6}|[-+*]|\d+\.|>)\s+", re.M), ""),  # headings, list items, quotes
    ("](", re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),        # links and images keep their text
    ("<", re.compile(r"<[^>]*>"), ""),                              # raw HTML tags
    ("*", re.compile(r"\*+"), ""),                                  # emphasis
    ("`", re.compile(r"`+"), ""),                                    # code
    ("  ", re.compile(r"\s+"), " "),
]


def plain(text: str) -> str:
    """Markdown -> one line of plain text."""
    for mark, pattern, repl in _MARKUP:
        if mark in text or (mark == "\n" and text[:1] in "#-+*>"):
            text = pattern.sub(repl, text)
    return text.strip().replace("\n", " ")


def sentence_with(body: str, names: tuple[str, ...]) -> str:
    """The sentence of `body` where the first of `names` that occurs is mentioned, as plain text; '' if none."""
    for name in names:
        pos = body.find(name) if name else -1
        if pos >= 0:
            return _around(body, pos, len(name))
    return ""


def _around(body: str, pos: int, length: int) -> str:
    """The sentence around body[pos:pos+length], shortened to about SNIPPET_CHARS with ellipses."""
    start = 0
    for end in _ENDS:
        found = body.rfind(end, start, pos)
        if found >= 0:
            start = found + len(end)
    stop = min((i + 1 for i in (body.find(e, pos + length) for e in _ENDS) if i >= 0), default=len(body))
    text = body[start:stop]
    cut = pos - start
    if len(text) > SNIPPET_CHARS:
        left = max(0, min(cut - SNIPPET_CHARS // 3, len(text) - SNIPPET_CHARS))
        left = text.rfind(" ", 0, left) + 1 if left else 0
        right = text.rfind(" ", 0, left + SNIPPET_CHARS)
        text = ("… " if left else "") + text[left:right if right > cut else left + SNIPPET_CHARS] + " …"
    return plain(text)


def name_forms(taxonomy: str, name: str, aliases: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The strings to look for: the name, its registry aliases, and for a person the surname alone."""
    forms = [name, *aliases]
    if taxonomy == "people" and " " in name:
        forms.append(name.rsplit(" ", 1)[1])
    return tuple(forms)


def teaser(body: str, limit: int = TEASER_CHARS) -> str:
    """The opening of the first real paragraph, cut at a word boundary to about `limit` characters."""
    for para in body.split("\n\n", 8)[:8]:
        para = para.strip()
        if para and not para.startswith(("#", "-", "*", "|", "<", ">", "!")):
            text = plain(para)
            if len(text) <= limit:
                return text
            return text[:text.rfind(" ", 0, limit)].rstrip(",;:") + " …"
    return ""


def word_count(body: str) -> int:
    """Words in the body (markdown marks count as nothing worth correcting for)."""
    return body.count(" ") + body.count("\n\n") + 1 if body.strip() else 0
