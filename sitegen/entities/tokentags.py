"""Word-level rules of the tagger's BIO output (`sitegen tag`, GermEval's format), each checked against
GermEval's training sentences; an article's entities apply the same judgements in `keep.py`."""
from __future__ import annotations

import re

from . import keep, lexicon
from .mention import QUOTES
from .sports import CLUB_WORDS
from .words import role_noun

AGENCIES = (r"(?:APA|dpa|AFP|AP|Reuters|sda|SDA|red|Red|ag|APA-OTS|KNA|epd|AFX|Bloomberg|ORF|DER STANDARD"
            r"|bau|ars|dape)")  # credits and editors' marks an article's entities leave out: '(APA, 23.8.)'
CREDIT = re.compile(r"dpa(?:/\w+)?|ots|APA(?:-OTS)?|AFP|AP|Reuters|ddp|dapd|sid|SDA|sda|KNA|kna|epd|AFX")
ORDINAL = re.compile(r"[12]\.")


def fixed(words: list[str], tags: list[str]) -> list[str]:
    """The tags with an agency's credit an organisation, as GermEval tags it ('( dpa )'; an article's
    entities leave it out), and so a listed organisation or country left untagged (the training sentences
    tag 42 of 45 and 307 of 317 so); a listed company typed otherwise alone is an organisation ('Haribo');
    a club's or league's ordinal opens its name ('1. FC Kaiserslautern'); a sentence's first word that is
    a function word is no name alone ('Oder ...'), nor a common noun typed as an organisation ('Polizei');
    a role noun opens no person's name ('Schlussmann Fabien Barthez')."""
    for i, word in enumerate(words):
        alone = not (tags[i + 1:i + 2] or ["O"])[0].startswith("I-")
        credit = 0 < i < len(words) - 1 and words[i - 1] == "(" and words[i + 1] in (")", "/", ",")
        if tags[i] == "O" and credit and CREDIT.fullmatch(word):
            tags[i] = "B-ORG"
        elif tags[i] == "O" and alone:
            tags[i] = _listed_tag(word)
        elif tags[i] in ("B-PER", "B-LOC") and alone and word in lexicon.companies():
            tags[i] = "B-ORG"
        opener = i == 0 or words[i - 1] in QUOTES
        if tags[i].startswith("B-") and alone and opener and keep.function_word(word) \
                or tags[i] == "B-ORG" and alone and keep.lone_common_noun(word):
            tags[i] = "O"
        if tags[i] == "B-ORG" and i and tags[i - 1] == "O" and ORDINAL.fullmatch(words[i - 1]) \
                and (word in CLUB_WORDS or word.endswith("Bundesliga")):
            tags[i - 1:i + 1] = ["B-ORG", "I-ORG"]
        if tags[i] == "B-PER" and tags[i + 1:i + 2] == ["I-PER"] and role_noun(word, words[i + 1]):
            tags[i:i + 2] = ["O", "B-PER"]  # no name of the training sentences opens with one
    return tags


def _listed_tag(word: str) -> str:
    """B-ORG for a listed organisation of one word (not an agency), B-LOC for a country, or its genitive,
    that is no common noun ('Welt'); else O."""
    if word in lexicon.listed_organisations() and not re.fullmatch(AGENCIES, word):
        return "B-ORG"
    country = word in lexicon.countries() or word.endswith("s") and word[:-1] in lexicon.countries()
    return "B-LOC" if country and not keep.common_noun_name(word) else "O"
