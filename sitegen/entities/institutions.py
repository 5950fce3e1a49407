"""Institutions the tagger missed or cut, tagged (in place): 'Österreichische Hagelversicherung',
'Landwirtschaftskammer Steiermark', 'Porsche Holding', 'Brookings Institution'."""
from __future__ import annotations

import re

from . import lexicon
from .rules import ENGLISH_HEADS, INSTITUTION_HEADS, LEGAL_FORMS, PURPOSE_HEADS, TOWN_HEADS
from .rules import plural_noun, spans

# words that make a founder's name a company: 'Hubert Burda Media', 'Heinrich Böll Stiftung'
FIRM_WORDS = frozenset("Media Group Gruppe Verlag Stiftung Foundation Records Pictures Studios".split())


def tag(words: list[str], tags: list[str]) -> list[str]:
    """Tags with institutions the tagger missed or cut: 'Österreichische Hagelversicherung',
    'Landwirtschaftskammer Steiermark', 'Porsche Holding'; the list is changed in place and returned."""
    for i, word in enumerate(words):
        if tags[i] != "O" or not word[:1].isupper():
            continue
        firm = word in FIRM_WORDS and tags[i - 1].endswith("-PER")  # 'Hubert Burda Media'
        if (word in LEGAL_FORMS or firm) and i > 0 and words[i - 1][:1].isupper() \
                and (tags[i - 1] != "O" or i > 1):
            start = i - 1
            while start > 0 and tags[start].startswith("I-"):
                start -= 1
            _set(tags, start, i + 1)
        elif word.lower().endswith(INSTITUTION_HEADS) and i > 0 and tags[i - 1] == "O" \
                and _adjective(words[i - 1]):
            _set(tags, i - 1, i + 1)
        elif word.lower().endswith(PURPOSE_HEADS) and i > 1 and tags[i - 1] == "O" \
                and _adjective(words[i - 1]) and words[i + 1:i + 2] == ["für"]:
            _set(tags, i - 1, i + 1)  # 'Syrische Beobachtungsstelle' + 'für Menschenrechte'
        elif i == 1 and words[0] in ("Der", "Die", "Das") and _named_compound(word):
            _set(tags, i, i + 1)  # a compound opening the sentence: 'Der Raiffeisenverband ist ...'
    for i in range(1, len(words)):  # the tagger found the head alone: 'Österreichischen' 'Hagelversicherung'
        alone = tags[i] == "B-ORG" and (i + 1 == len(tags) or not tags[i + 1].startswith("I-"))
        if alone and words[i].lower().endswith(INSTITUTION_HEADS) and tags[i - 1] == "O" \
                and _adjective(words[i - 1]):
            _set(tags, i - 1, i + 1)
    for i in range(1, len(words)):
        head, end = words[i - 1], i + 1
        while end < len(tags) and tags[end] == "I-LOC":
            end += 1  # 'Landesgericht St. Pölten'
        institution = head.lower().endswith(INSTITUTION_HEADS + TOWN_HEADS) and head[:1].isupper()
        if tags[i] == "B-LOC" and institution and (end == len(tags) or not tags[end].startswith("I-")):
            if tags[i - 1] == "O" and i > 1:
                tags[i - 1] = "B-ORG"
            if tags[i - 1].endswith("-ORG"):
                tags[i:end] = ["I-ORG"] * (end - i)  # 'Landwirtschaftskammer Steiermark'
    _longer_institutions(words, tags)
    return tags


def _longer_institutions(words: list[str], tags: list[str]) -> None:
    """Institutions the tagger cut short (in place): a name before an English head ('Brookings' +
    'Institution'), an English name with 'of' going on after 'and' ('Institute of Science' + 'and Technology
    Austria'), an English name going on with 'on' ('The Independent on' + 'Sunday'), a purpose's head before
    the genitive of a plural ('Universität' + 'der Künste'), a lone head before a place ('Universität' +
    'Kalifornien')."""
    for a, b, cls in list(spans(tags)):
        head = words[b - 1].lower()
        if b < len(words) and tags[b] == "O" and words[b] in ENGLISH_HEADS:
            _set(tags, a, b + 1)
        elif cls == "ORG" and "of" in words[a:b] and words[b:b + 1] == ["and"] and b + 1 < len(words) \
                and tags[b + 1][2:] in ("ORG", "LOC") and tags[b + 1].startswith("B-"):
            end = next((i for i in range(b + 2, len(tags)) if not tags[i].startswith("I-")), len(tags))
            _set(tags, a, end)
        elif cls == "ORG" and head.endswith(INSTITUTION_HEADS + PURPOSE_HEADS) and words[b:b + 1] == ["der"] \
                and b + 1 < len(words) and tags[b + 1] == "O" and plural_noun(words[b + 1]):
            _set(tags, a, b + 2)
        elif cls == "ORG" and b - a == 1 and a > 1 and words[a - 1] == "on" and _english(words[a - 2]):
            start = a - 2  # 'The Independent on' + 'Sunday'
            while start > 0 and start > a - 5 and _english(words[start - 1]) and tags[start - 1] == "O":
                start -= 1
            _set(tags, start, b)
        elif cls == "ORG" and b - a == 1 and head.endswith(PURPOSE_HEADS) and b < len(words) \
                and tags[b] == "B-LOC" and (b + 1 == len(tags) or not tags[b + 1].startswith("I-")):
            _set(tags, a, b + 1)


def _english(word: str) -> bool:
    """A capitalised word HanTa takes for a name, as it does English words: 'The', 'Independent'."""
    return word[:1].isupper() and lexicon.pos(word)[0] in ("NE", "FM")


def _named_compound(word: str) -> bool:
    """An institution's head after a name, no common noun: 'Raiffeisenverband', 'EU-Kommission' (not
    'Datenbank', 'Finanzamt')."""
    head = next((h for h in INSTITUTION_HEADS if word.lower().endswith(h) and len(word) > len(h)), None)
    if head is None or word in lexicon.orgs():
        return head is not None
    if "-" not in word and lexicon.pos(word)[1]:
        return False  # a compound HanTa knows: 'Finanzamt'
    modifier = word.split("-")[0] if "-" in word else word[:-len(head)].removesuffix("s").capitalize()
    return lexicon.pos(modifier) != ("NN", True)


def _adjective(word: str) -> bool:
    """A capitalised adjective before an institution: 'Österreichische', 'Steirischen', 'Wiener' (not a
    determiner: 'Jeder', 'Unser')."""
    if not word[:1].isupper() or lexicon.pos(word.lower())[0].startswith(("P", "ART")):
        return False
    return bool(re.search(r"(?:isch|che|chen|ches|er)$", word)) and lexicon.pos(word)[0] != "NN"


def _set(tags: list[str], start: int, end: int) -> None:
    tags[start:end] = ["B-ORG"] + ["I-ORG"] * (end - start - 1)
