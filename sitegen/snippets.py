"""Plain-text pieces of an article body: the sentence naming an entity, a teaser, the reading time; found in
the raw markdown by a few C-speed string searches, so they cost microseconds and need no cache."""
from __future__ import annotations

import re
from functools import lru_cache

PASSAGE_CHARS = 320
SENTENCE_REACH = 600
TEASER_CHARS = 140
WORDS_PER_MINUTE = 200
_SENTENCE_END = re.compile(r"[.!?…]([»«“”\"')]*)\s+(?=[„»\"'(A-ZÄÖÜ0-9])")
_ABBREVIATIONS = frozenset({"dr", "prof", "st", "nr", "bzw", "ca", "vgl", "usw", "etc", "mio", "mrd",
                            "abs", "art", "hr", "fr", "jh", "str", "geb", "gest", "inkl", "evtl", "ggf",
                            "sog", "mag", "ing", "dipl", "bzgl", "max", "min", "tel", "lt"})
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


def passage(body: str, names: tuple[str, ...]) -> tuple[str, int, int]:
    """(the whole sentence naming the first of `names` found, as plain text; where the name starts and ends in
    it), shortened around the name with ellipses beyond PASSAGE_CHARS; ('', 0, 0) when no name occurs. A name
    of several words found in no form as written is looked for inflected ('im niederösterreichischen Landtag'
    for Niederösterreichischer Landtag, 'der Europäischen Kommission')."""
    for name in names:
        pos = body.find(name) if name else -1
        if pos >= 0:
            return _marked(body, pos, len(name), name, inflected=False)
    for name in names:
        found = _inflected(name).search(body) if " " in name else None
        if found:
            return _marked(body, found.start(), len(found.group()), name, inflected=True)
    return "", 0, 0


def _marked(body: str, pos: int, length: int, name: str, inflected: bool) -> tuple[str, int, int]:
    """The plain sentence around body[pos:pos+length], shortened, with the name's place in it."""
    start, stop = _sentence(body, pos, length)
    text = plain(body[start:stop])
    if inflected:
        found = _inflected(name).search(text)
        at, size = (found.start(), len(found.group())) if found else (-1, 0)
    else:
        at, size = text.find(name), len(name)
    if at < 0:  # the name was split by markup: no mark
        return text, 0, 0
    return _shortened(text, at, at + size)


@lru_cache(maxsize=4096)
def _inflected(name: str) -> re.Pattern:
    """A name's words with any adjective ending and either case of the first letter, the last word also in
    the genitive: 'Rotes Kreuz' matches 'dem Roten Kreuz', 'des Roten Kreuzes'."""
    words = name.split()
    stems = [re.sub("e[rsnm]?$", "", word) or word for word in words[:-1]]
    parts = [f"[{re.escape(s[0].upper() + s[0].lower())}]{re.escape(s[1:])}(?:e[rsnm]?)?" for s in stems]
    return re.compile(r"\b" + r"\s+".join([*parts, re.escape(words[-1]) + "(?:e?s)?"]) + r"\b")


def _sentence(body: str, pos: int, length: int) -> tuple[int, int]:
    """Start and end of the sentence around body[pos:pos+length], within its paragraph and SENTENCE_REACH
    characters either side (a longer sentence is shortened anyway)."""
    first = max(body.rfind("\n", 0, pos) + 1, pos - SENTENCE_REACH)
    last = body.find("\n", pos + length, pos + length + SENTENCE_REACH)
    last = min(len(body), pos + length + SENTENCE_REACH) if last < 0 else last
    start, stop = first, last
    for match in _SENTENCE_END.finditer(body, first, last):
        if not _abbreviation(body, match.start()):
            if match.end() <= pos:
                start = match.end()
            elif match.start() >= pos + length:
                stop = match.start() + 1 + len(match.group(1))
                break
    return start, stop


def _abbreviation(body: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation or number ('Dr.', 'z.B.', '5. März')."""
    if body[dot] != ".":
        return False
    word = body[max(0, dot - 12):dot].rsplit(None, 1)[-1:] or [""]
    token = word[0].lstrip("(„»\"'")
    return len(token) <= 1 or token[-1].isdigit() or token.casefold() in _ABBREVIATIONS or "." in token


def _shortened(text: str, at: int, end: int) -> tuple[str, int, int]:
    """The text cut at word boundaries to about PASSAGE_CHARS around text[at:end]; the mark's new place."""
    if len(text) <= PASSAGE_CHARS:
        return text, at, end
    left = max(0, min(at - PASSAGE_CHARS // 3, len(text) - PASSAGE_CHARS))
    left = text.rfind(" ", 0, left) + 1 if left > 0 else 0
    right = text.find(" ", max(end, left + PASSAGE_CHARS))
    right = len(text) if right < 0 else right
    head = "… " if left else ""
    tail = " …" if right < len(text) else ""
    shift = len(head) - left
    return head + text[left:right] + tail, at + shift, end + shift


def name_forms(taxonomy: str, name: str, aliases: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The strings to look for: the name, its registry aliases, for a person the surname alone, and for a
    university 'Uni X' (as the extractor names 'Uni X' 'Universität X')."""
    surname = (name.rsplit(" ", 1)[1],) if taxonomy == "people" and " " in name else ()
    uni = ("Uni " + name.removeprefix("Universität "),) if name.startswith("Universität ") else ()
    return (name, *aliases, *surname, *uni)


@lru_cache(maxsize=20000)  # one article's teaser shows on its page, in feeds, on term pages not naming it
def teaser(body: str) -> str:
    """The opening of the first real paragraph, cut at a word boundary to about TEASER_CHARS characters."""
    for para in body.split("\n\n", 8)[:8]:
        para = para.strip()
        if para and not para.startswith(("#", "-", "*", "|", "<", ">", "!")):
            text = plain(para)
            if len(text) <= TEASER_CHARS:
                return text
            cut = text.rfind(" ", 0, TEASER_CHARS)  # no space so early (a long address): cut in the word
            return text[:cut if cut > 0 else TEASER_CHARS].rstrip(",;:") + " …"
    return ""


def reading_minutes(body: str) -> int:
    """Minutes to read the body at WORDS_PER_MINUTE, at least one (markdown marks count as words)."""
    return max(1, round((body.count(" ") + body.count("\n\n") + 1) / WORDS_PER_MINUTE))


def beyond_title(title: str, text: str) -> str:
    """`text` without the title it opens with (dumps whose headline is the teaser's first sentence): the rest,
    after an ellipsis when the title was cut mid-sentence; '' when nothing else is left."""
    head = title.removesuffix("…").rstrip(" .")
    if not head or not text.startswith(head):
        return text
    rest = text[len(head):].lstrip(" .,;:–-")
    return f"… {rest}" if rest and title.endswith("…") else rest
