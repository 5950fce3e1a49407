"""German tokeniser and sentence splitter with character offsets, close to GermEval's conventions."""
from __future__ import annotations

import re
from dataclasses import dataclass

ABBREV = frozenset(("Dr Prof St Nr ca Mio Mrd vgl bzw usw etc Abs Jh Str Hr Fr Mag Ing Dipl Bd ggf inkl\n"
                    "evtl Tel Jan Feb Apr Jun Jul Aug Sep Sept Okt Nov Dez Mr Mrs Ms sog ehem geb gest Co Inc"
                    " Ltd Corp jun sen").split())
EXPANDED = {"Wr": "Wiener"}  # 'Wr. Neustadt' is tagged and named as 'Wiener Neustadt'
BEFORE_NAME = re.compile(r"\.[ \t]*[A-ZÄÖÜ]")  # the abbreviation's stop, then the name it opens
TOKEN = re.compile(
    r"https?://\S+[\w/]|www\.\S+\w"          # URLs
    r"|(?:[A-Za-zÄÖÜäöü]\.){2,}"              # z.B., u.a., U.S.
    r"|\d+[a-zäöüß]{2,}(?:-[^\W\d_]\w*)*"   # a number and letters: '49ers', '3sat', '20er-Jahre'
    r"|\d+(?:[.,:/]\d+)*(?:\.(?=\s+[a-zäöüA-ZÄÖÜ]))?"  # numbers, dates, ordinals
    r"|[^\W\d_](?:[\w&]|[-'’.](?=\w))*-?"     # words, hyphenated compounds, Nord-
    r"|\w+"
    r"|\.{3}|\S"
)
INNER_STOP = re.compile(r"([^\W\d_]{2,})\.([A-ZÄÖÜ][a-zäöüß]{2,})")  # 'Ende.Der'
GLUED = re.compile(r"([A-ZÄÖÜ][a-zäöüß]{3,})([A-ZÄÖÜ][a-zäöüß]{2,}\S*)")  # 'GrazGoldberg-Stadion'
SCORER = re.compile(r"([A-ZÄÖÜ][a-zäöüß]{2,})(\d{1,2})")  # 'Ouedraogo2' of 'Ouedraogo2:0 (51.)'
HEADINGS = frozenset(("Abstract", "Link", "Links", "Quelle", "Foto"))  # glued to its line's first word
MONTHS = frozenset(("Januar Jänner Februar März April Mai Juni Juli August September Oktober November"
                    " Dezember").split())


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokens(text: str, offset: int = 0) -> list[Token]:
    """All tokens, their offsets shifted by `offset`; an abbreviation or an initial keeps its full stop, an
    abbreviated adjective before a name is written out ('Wr. Neustadt' -> 'Wiener', offsets of the
    abbreviation; a sentence's stop after 'Wr' stays one)."""
    out: list[Token] = []
    pos = 0
    while (m := TOKEN.search(text, pos)) is not None:
        word, start, end = m.group(), m.start(), m.end()
        if end < len(text) and text[end] == "." and (word in ABBREV or (len(word) == 1 and word.isupper())):
            word, end = word + ".", end + 1
        elif word in EXPANDED and BEFORE_NAME.match(text, end):
            word, end = EXPANDED[word], end + 1
        out.append(Token(word, start + offset, end + offset))
        pos = end
    return _split_glued(out)


def _split_glued(toks: list[Token]) -> list[Token]:
    """'Ende.Der' (missing space) becomes three tokens, and a town, given name or heading glued to the next
    line's first word two ('MattersburgErnst-Happel-Stadion', 'AbstractNature'), and so is a scorer glued
    to the score after him ('Ouedraogo2:0'); 'allinrechner.at', 'YouTube', 'PricewaterhouseCoopers' stay
    one."""
    out = []
    for i, t in enumerate(toks):
        plain = t.text[1:].islower() or not t.text[:1].isupper()  # most words: no capital after the first
        if plain and "." not in t.text and not t.text[-1].isdigit():
            out.append(t)
            continue
        m = INNER_STOP.fullmatch(t.text) if "." in t.text else None
        glued = None if m else GLUED.fullmatch(t.text)
        if not (m or glued) and t.text[-1].isdigit() and _score_follows(toks, i):
            glued = SCORER.fullmatch(t.text)
        if m:
            a = t.start + len(m.group(1))
            out += [Token(m.group(1), t.start, a), Token(".", a, a + 1), Token(m.group(2), a + 1, t.end)]
        elif glued and (glued.re is SCORER or _line_end(glued.group(1))):
            a = t.start + len(glued.group(1))
            out += [Token(glued.group(1), t.start, a), Token(glued.group(2), a, t.end)]
        else:
            out.append(t)
    return out


def _score_follows(toks: list[Token], i: int) -> bool:
    return i + 2 < len(toks) and toks[i + 1].text == ":" and toks[i + 2].text[:1].isdigit()


def _line_end(word: str) -> bool:
    """A word that ends a heading or a line of a results box: a heading's word, a town, a given name."""
    from . import lexicon  # noqa: PLC0415 - the lists load only when a glued word turns up

    town = lexicon.town(word) and lexicon.pos(word)[0] == "NE"  # not 'Mobile', 'Magenta'
    return word in HEADINGS or town or word in lexicon.first_names()


# words before a number that make it an ordinal, not a sentence's end
ORDINAL_BEFORE = frozenset("der die das dem den des am im zum zur vom beim ins ihr ihre ihrem ihren ihrer "
                           "ihres sein seine seinem seinen seiner seines eine einem einen einer jeder jede "
                           "jedem".split())


def _ends(toks: list[Token], i: int) -> bool:
    """Whether a sentence ends after token i."""
    t = toks[i]
    if t.text not in {".", "!", "?", "...", "…"} and not (t.text[-1] == "." and t.text[:-1].isdigit()):
        return False
    if i + 1 >= len(toks):
        return True
    nxt = toks[i + 1].text
    ordinal = i > 0 and toks[i - 1].text.lower() in ORDINAL_BEFORE  # 'in der 20. Minute', 'zum 100. Tag'
    if t.text[-1] == "." and t.text[:-1].isdigit() and (nxt in MONTHS or not nxt[0].isupper() or ordinal):
        return False
    return nxt[0].isupper() or nxt[0] in "»«\"„“'(" or nxt[0].isdigit()


CLOSING = frozenset({"«", "“", '"', ")", "'"})


def _closing_next(toks: list[Token], i: int) -> bool:
    return i + 1 < len(toks) and toks[i + 1].text in CLOSING and toks[i].text in {".", "!", "?", "«", "“"}


def sentences(text: str) -> list[list[Token]]:
    """Sentences of a text; a blank line always ends one."""
    out: list[list[Token]] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        toks = tokens(para.group(), para.start())
        cur: list[Token] = []
        for i, t in enumerate(toks):
            cur.append(t)
            after_stop = t.text in CLOSING and len(cur) > 1 and cur[-2].text in {".", "!", "?"}
            if (after_stop or _ends(toks, i)) and not _closing_next(toks, i):
                out.append(cur)
                cur = []
        if cur:
            out.append(cur)
    return out
