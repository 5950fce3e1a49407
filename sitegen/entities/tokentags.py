"""Word-level rules of the tagger's BIO output (`sitegen tag`, GermEval's format), each checked against
GermEval's training sentences; an article's entities apply the same judgements in `keep.py`."""
from __future__ import annotations

import re

from . import cues, keep, lexicon, nameforms, rules
from .mention import QUOTES, Mention
from .sports import CLUB_WORDS, club_number
from .words import role_noun

AGENCIES = (r"(?:APA|dpa|AFP|AP|Reuters|sda|SDA|red|Red|ag|APA-OTS|KNA|epd|AFX|Bloomberg|ORF|DER STANDARD"
            r"|bau|ars|dape)")  # credits and editors' marks an article's entities leave out: '(APA, 23.8.)'
CREDIT = re.compile(r"dpa(?:/\w+)?|ots|APA(?:-OTS)?|AFP|AP|Reuters|ddp|dapd|sid|SDA|sda|KNA|kna|epd|AFX")
ORDINAL = re.compile(r"[12]\.")
SURNAME = re.compile(r"[A-ZÄÖÜ][a-zäöüßé]+(?:-[A-ZÄÖÜ][a-zäöüßé]+)?")
SPEAKING = frozenset(("sagte", "sagt", "so", "erklärte", "erklärt", "betonte", "betont", "meinte", "meint",
                      "ergänzte", "berichtete", "kritisierte", "warnte", "bestätigte", "schrieb", "schreibt"))


def fixed(words: list[str], tags: list[str]) -> list[str]:
    """The tags with the word rules (`_word_tag`) and then the span rules (`_mend_span`) applied."""
    for i in range(len(words)):
        tags[i] = _word_tag(words, tags, i)
    for a, b, cls in list(rules.spans(tags)):
        _mend_span(words, tags, a, b, cls)
    return tags


def _word_tag(words: list[str], tags: list[str], i: int) -> str:
    """An agency's credit is an organisation, as GermEval tags it ('( dpa )'; an article's entities leave it
    out), and so a listed organisation or country left untagged (the training sentences tag 42 of 45 and 307
    of 317 so); a listed company typed otherwise alone is an organisation ('Haribo'), a name of the alias
    list has its type ('EU' typed as a place); a sentence's first word that is a function word is no name
    alone ('Oder ...'), nor a common noun typed as an organisation ('Polizei')."""
    word, tag = words[i], tags[i]
    alone = not (tags[i + 1:i + 2] or ["O"])[0].startswith("I-")
    credit = 0 < i < len(words) - 1 and words[i - 1] == "(" and words[i + 1] in (")", "/", ",")
    if tag == "O" and credit and CREDIT.fullmatch(word):
        return "B-ORG"
    if tag == "O" and _speaker(words, i):
        return "B-PER"
    if tag in ("O", "B-ORG") and alone and _dateline(words, i):
        return "B-LOC"
    if tag == "O" and alone:
        return _listed_tag(word)
    if tag in ("B-PER", "B-LOC") and alone and word in lexicon.companies():
        return "B-ORG"
    listed = lexicon.aliases().get(word.casefold(), ("", tag[2:]))[1]
    if tag.startswith("B-") and alone and listed in ("PER", "LOC", "ORG"):
        tag = f"B-{listed}"  # the alias list's type: 'EU' (98 of 101 names of the training sentences)
    opener = i == 0 or words[i - 1] in QUOTES
    if tag.startswith("B-") and alone and opener and keep.function_word(word) \
            or tag == "B-ORG" and alone and keep.lone_common_noun(word):
        return "O"
    return tag


def _mend_span(words: list[str], tags: list[str], a: int, b: int, cls: str) -> None:
    """A club's or league's ordinal opens its name ('1. FC Kaiserslautern'), its number ends it ('TSV
    München 1860', 'Hamborn 07'), and so does an acronym after it ('Fraunhofer FIT'); a role noun opens no
    person's name ('Schlussmann Fabien Barthez'); a town
    twice is two ('in Chemnitz Chemnitz ( ots )': a headline and a dateline); a place spelled as a
    nominalised verb needs a place's cue and no determiner, as in an article's entities ('zum Essen')."""
    club = any(w in CLUB_WORDS for w in words[a:b]) or words[a].endswith("Bundesliga")
    if cls == "ORG" and a and tags[a - 1] == "O" and ORDINAL.fullmatch(words[a - 1]) and club:
        tags[a - 1:a + 1] = ["B-ORG", "I-ORG"]
    if tags[b:b + 1] == ["O"] and club_number(words, a, b):
        tags[a:b + 1] = ["B-ORG"] + ["I-ORG"] * (b - a)
    elif cls == "ORG" and tags[b:b + 1] == ["O"] and _acronym_after(words, b):
        tags[b] = "I-ORG"  # 'Mitsubishi UFJ', 'Fraunhofer FIT': 16 of 17 in the training sentences
    if cls == "PER" and b - a > 1 and role_noun(words[a], words[a + 1]):
        tags[a:a + 2] = ["O", "B-PER"]  # no name of the training sentences opens with one
    if b - a == 2 and words[a] == words[a + 1] and words[a] in lexicon.places():
        tags[a + 1] = f"B-{cls}"
    if cls == "LOC" and b - a == 1 and nameforms.verbal_noun(words[a]):
        m = Mention((words[a],), cls, 1.0, 0, before=tuple(words[max(a - 2, 0):a]))
        if cues.after_determiner(m) or not cues.locative(m):  # 'zum Essen' (not 'in Essen')
            tags[a] = "O"


def _listed_tag(word: str) -> str:
    """B-ORG for a listed organisation of one word (not an agency) or a named body's compound, B-LOC for a
    country, or its genitive, that is no common noun ('Welt'); else O."""
    listed = word in lexicon.listed_organisations() and not re.fullmatch(AGENCIES, word)
    if listed or nameforms.named_body(word):
        return "B-ORG"
    country = word in lexicon.countries() or word.endswith("s") and word[:-1] in lexicon.countries()
    return "B-LOC" if country and not keep.common_noun_name(word) else "O"


def _speaker(words: list[str], i: int) -> bool:
    """One capitalised word no list knows after a quote's or clause's verb of saying, before punctuation, is
    the person who said it ('" , so Barth .', ', sagte Alt .'; 14 of 15 in the training sentences)."""
    word = words[i]
    if not (1 < i < len(words) - 1 and words[i - 1] in SPEAKING and words[i + 1] in ".,;:("):
        return False
    if words[i - 2] not in (",", *QUOTES) or not SURNAME.fullmatch(word):
        return False
    other = word in lexicon.places() or word in lexicon.countries() or word in lexicon.orgs() \
        or word in lexicon.companies()
    return not other and not keep.function_word(word) and not keep.common_noun_name(word)


def _dateline(words: list[str], i: int) -> bool:
    """A report's first word in capitals that is a listed town or country is its dateline's place ('RIEDLINGEN
    - Thema ...', 'TOKIO ( Dow Jones )'; the training sentences tag all 3 so)."""
    word = words[i]
    if i or len(word) < 3 or not word.isalpha() or not word.isupper() or len(words) < 2:
        return False
    name = word[0] + word[1:].lower()
    return lexicon.town(name) or name in lexicon.countries() or name in lexicon.regions()


def _acronym_after(words: list[str], b: int) -> bool:
    """An acronym of two to four capitals right after a name not in capitals, before no capitalised word."""
    nxt = words[b + 1] if b + 1 < len(words) else ""
    return re.fullmatch(r"[A-ZÄÖÜ]{2,4}", words[b]) is not None and not words[b - 1].isupper() \
        and not nxt[:1].isupper()

