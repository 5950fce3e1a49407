"""Reader for plain-text articles as delivered: an optional photo line, then paragraphs."""
from __future__ import annotations

import re

from sitegen.model import Image

_AGENCIES = {"REUTERS", "AFP", "AP", "DPA", "APA", "EPA", "KEYSTONE", "IMAGO", "ANP", "KNA", "EFE", "ANSA",
             "XINHUA"}
_CREDIT_LEAD = re.compile(r"^(Foto|Fotos|Bild|Bildquelle|Quelle|©)\s*:?\s*", re.IGNORECASE)
_CREDIT_TAIL = re.compile(r"\s+(?:Foto|Bild|©)\s*:?\s*(\S.{0,80})$")
_SENTENCE_END = re.compile(r"(?<=[.!?«])\s+(?=[»„\"A-ZÄÖÜ0-9])")
_ABBREVIATION = re.compile(r"(?:\b(?:[a-z]|bzw|ca|etc|vgl|Nr|Dr|Prof|St|Abs|Hr|Fr|Mio|Mrd|Jh|ggf|usw|sog|bzw)"
                           r"\.|\b\d{1,2}\.)$")
_MD_INLINE = re.compile(r"([\\`*_\[\]])")
_MD_BLOCK_START = re.compile(r"^(?:(#|>|[-+*](?=\s))|(\d+)([.)])(?=\s))")


def split_photo_line(line: str) -> tuple[str, str] | None:
    """(caption, credit) when `line` is a photo line such as 'Name/Agentur via REUTERS Caption'; else None."""
    line = " ".join(line.split())
    tail = _CREDIT_TAIL.search(line)
    if tail:
        return line[: tail.start()].strip(), tail.group(1).strip()
    lead = _CREDIT_LEAD.match(line)
    tokens = line[lead.end():].split(" ") if lead else line.split(" ")
    end = _credit_end(tokens)
    if end is None or end >= len(tokens) or not tokens[end][:1].isupper():
        return None
    return " ".join(tokens[end:]), " ".join(tokens[:end])


def _is_credit_token(token: str) -> bool:
    """A token that only a credit has: 'Name/Agentur', or an agency in capitals."""
    return ("/" in token and not token.startswith("http")) or token.upper().strip(",;") in _AGENCIES and (
        token.isupper() or token.lower() == "imago")


def _credit_end(tokens: list[str]) -> int | None:
    """The index just past the credit at the start of tokens, or None when there is none."""
    first = next((i for i, t in enumerate(tokens[:5]) if _is_credit_token(t)), None)
    if first is None:
        return None
    end = first + 1
    if first == 0 and "/" in tokens[0] and end < len(tokens) and tokens[0].rsplit("/", 1)[1][:1].isupper():
        end += 1  # 'REUTERS/Kevin Lamarque': the photographer's surname follows the slash
    while end < len(tokens):
        if tokens[end].lower() in ("via", "/", "|", "und") and end + 1 < len(tokens):
            end += 2
        elif _is_credit_token(tokens[end]):
            end += 1
        else:
            return end
    return end


def paragraphs_of(text: str) -> list[str]:
    """The text's paragraphs (blank-line separated), each on one line."""
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", text) if block.strip()]


def sentences_of(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations and ordinal dates together."""
    parts = _SENTENCE_END.split(paragraph)
    sentences: list[str] = []
    for part in parts:
        if sentences and _ABBREVIATION.search(sentences[-1]):
            sentences[-1] += " " + part
        else:
            sentences.append(part)
    return sentences


def headline_from(paragraph: str, limit: int = 90) -> str:
    """A headline from the first sentence: whole when short, else cut at a word boundary with an ellipsis."""
    sentence = sentences_of(paragraph)[0].rstrip(".")
    if len(sentence) <= limit:
        return sentence
    head = sentence[:limit]
    clause = max(head.rfind(","), head.rfind(";"), head.rfind(" – "))
    cut = head[:clause] if clause >= 40 else head.rsplit(" ", 1)[0]
    return cut.rstrip(",;:–- ") + " …"


def summary_from(paragraphs: list[str], limit: int = 300) -> str:
    """The first sentences of the text, up to about `limit` characters."""
    summary = ""
    for sentence in sentences_of(paragraphs[0]) if paragraphs else []:
        if summary and len(summary) + len(sentence) > limit:
            break
        summary = f"{summary} {sentence}".strip()
    return summary


def to_markdown(paragraphs: list[str]) -> str:
    """Paragraphs as markdown: characters markdown would read as markup are escaped; » « stay as they are."""
    blocks = []
    for paragraph in paragraphs:
        escaped = _MD_INLINE.sub(r"\\\1", paragraph).replace("<", "&lt;")
        blocks.append(_MD_BLOCK_START.sub(_escape_block_start, escaped))
    return "\n\n".join(blocks)


def _escape_block_start(match: re.Match) -> str:
    """'# x' -> '\\# x', '1. x' -> '1\\. x': block markup at a paragraph's start stays text."""
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


def read_plain(text: str) -> tuple[list[str], Image | None]:
    """The body paragraphs and the photo (caption, credit) of a plain-text article."""
    paragraphs = paragraphs_of(text)
    image = None
    if len(paragraphs) > 1:
        photo = split_photo_line(paragraphs[0])
        if photo:
            image = Image(caption=photo[0], credit=photo[1])
            paragraphs = paragraphs[1:]
    return paragraphs, image
