"""An organisation's name going on beyond the tagger's span: its purpose ('Max-Planck-Institut für
Plasmaphysik'), the body it is part of ('Zoologisches Institut der Universität Basel'), an English opener
('Worried' + 'Men Skiffle Group'), its owner before a business's legal form ('Kommunalkredit' +
'Vermögensverwaltungs-GmbH'), a second noun after 'und' ('Gruppe Idee und Klang'), a firm of several names
('Demner, Merlicek & Bergmann')."""
from __future__ import annotations

from . import lexicon, rules
from .normalize import ARTICLES
from .trimming import describer
from .words import role_noun

UNITS = ("institut", "instituts", "fakultät", "klinik", "lehrstuhl", "abteilung", "stiftung")
GROUPS = frozenset("Gruppe Band Duo Trio Kollektiv Ensemble Initiative".split())
Span = tuple[int, int]


def extend(words: list[str], a: int, b: int) -> Span:
    """The span (a, b) of an organisation widened to the words of its name the tagger left out."""
    a = _owner(words, _english_opener(words, a, b))
    b = _purpose(words, a, b)
    b = _parent_body(words, a, b)
    if b - a == 2 and words[a] in GROUPS and b + 2 <= len(words) and words[b] == "und" \
            and _noun(words[b + 1]) and (b + 2 == len(words) or not words[b + 2][:1].isupper()):
        b += 2  # 'die Gruppe Idee und Klang versucht'
    return a, b


def _cap(word: str) -> bool:
    return word[:1].isupper() and word.isalpha()


def _noun(word: str) -> bool:
    return _cap(word) and lexicon.pos(word)[0] == "NN"


def _owner(words: list[str], a: int) -> int:
    """The owner's name the tagger left out before a business's compound with its legal form: 'die damalige
    Kommunalkredit' + 'Vermögensverwaltungs-GmbH & Co OG' (not 'Die' + 'Vermögensverwaltungs-GmbH')."""
    legal = words[a].rsplit("-", 1)[-1] in rules.LEGAL_FORMS and "-" in words[a]
    before = words[a - 1] if a > 0 else ""
    name = _cap(before) and before.lower() not in ARTICLES and lexicon.pos(before)[0] in ("NN", "NE") \
        and not lexicon.pos(before.lower())[0].startswith(("ART", "P", "ADJ"))
    return a - 1 if legal and name else a


def _english_opener(words: list[str], a: int, b: int) -> int:
    """A foreign word the tagger left out before an organisation's name of two or more words: 'Worried' +
    'Men Skiffle Group', 'New' + 'England Patriots', 'Population' + 'Reference Bureau' (not 'Medien')."""
    if b - a < 2 or a < 2 or not all(map(_cap, words[a - 1:b])) or words[a - 1].lower() in ARTICLES:
        return a
    word = words[a - 1]
    if len(word) > 12 or word.endswith("s"):
        return a  # a compound describing it, a genitive: 'Satellitenfernsehanbieters', 'Stögers FC Köln'
    foreign = lexicon.pos(word.lower())[0] in ("NE", "FM") and lexicon.pos(words[a])[0] in ("NE", "FM", "NN")
    if not foreign or word in lexicon.first_names() or role_noun(word, words[a]) or describer(word):
        return a
    return a - 1


def _purpose(words: list[str], a: int, b: int) -> int:
    """'Zoologisches Institut' + 'für Evolution'; 'Instituts für Angewandte' + 'Systemanalyse';
    'Max-Planck-Instituts' + 'für Plasmaphysik'."""
    n = len(words)
    if b < n and "für" in words[a:b] and _adjective(words[b - 1]) and _noun(words[b]):
        return b + 1
    if b + 1 < n and words[b] == "für" and words[b - 1].lower().endswith(UNITS + rules.PURPOSE_HEADS):
        end = b + 1  # its adjectives also in lower case: 'Institut für medizinische Informatik'
        while end < n - 1 and _adjective(words[end][:1].upper() + words[end][1:]) and _cap(words[end + 1]):
            end += 1
        if not (_noun(words[end]) or _cap(words[end]) and not lexicon.pos(words[end])[1]):
            return b
        return _listed_purposes(words, end + 1)
    return _listed_purposes(words, b) if "für" in words[a:b] else b


def _listed_purposes(words: list[str], end: int) -> int:
    """A purpose goes on with the nouns listed after it: 'Bundesministerium für Wissenschaft' + ', Forschung
    und Wirtschaft' (the list ends with 'und' and a noun)."""
    n, k = len(words), end
    while k + 2 < n and words[k] == "," and _noun(words[k + 1]) and words[k + 2] in (",", "und"):
        k += 2
    last = words[k + 2] if k + 2 < n else ""
    listed = k > end or words[k - 2] == ","  # after a comma it ends here: '..., Forschung und Wirtschaft'
    if k + 1 < n and words[k] == "und" and _noun(words[k + 1]) and (listed or not last[:1].isupper()):
        return k + 2
    return end


def _parent_body(words: list[str], a: int, b: int) -> int:
    """'Zoologischen Institut' + 'der Universität Basel': a unit of a body named in the genitive."""
    if b + 1 >= len(words) or words[b] not in ("der", "des") or not words[b - 1].lower().endswith(UNITS):
        return b
    head = words[b + 1]
    if not (_cap(head) and head.lower().endswith(("universität", "hochschule", "akademie", "klinik"))):
        return b
    end = b + 2
    return end + 1 if end < len(words) and words[end] in lexicon.places() else end


def _adjective(word: str) -> bool:
    tag, known = lexicon.pos(word.lower())
    return _cap(word) and known and tag.startswith("ADJ") and word.endswith(("e", "en", "er", "es"))


def firm(words: list[str], a: int, b: int) -> Span | None:
    """A firm of several names, 'X, Y & Z' (None when there is none): the whole from its first name; an
    empty span for the later names."""
    n = len(words)
    if b - a == 1 and b + 3 < n and words[b] == "," and words[b + 2] == "&" \
            and _cap(words[b + 1]) and _cap(words[b + 3]):
        return a, b + 4
    if b - a == 1 and a >= 2 and words[a - 1] == "," and _cap(words[a - 2]) and b + 1 < n \
            and words[b] == "&" and _cap(words[b + 1]):
        return a, a
    return None


def comma_joined(toks: tuple[str, ...]) -> tuple[str, ...]:
    """A firm's or a purpose list's tokens with their commas glued to the word before: 'Demner,' 'Merlicek'
    '&' 'Bergmann'; 'für' 'Wissenschaft,' 'Forschung' 'und' 'Wirtschaft'."""
    if "," not in toks[1:-1] or not ("&" in toks or "für" in toks and "und" in toks):
        return toks
    out: list[str] = []
    for t in toks:
        if t == "," and out:
            out[-1] += ","
        else:
            out.append(t)
    return tuple(out)
