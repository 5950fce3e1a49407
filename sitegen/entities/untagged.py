"""Names the tagger left untagged that their neighbours name: a medium after its noun ('die Zeitschrift
Nokta'), a name opening a hyphen compound ('SPÖ-Chef'), a work after its noun ('die App Rumblr'), a person
after a role noun ('Eurogruppen-Chef Jeroen Dijsselbloem'), an institution before its abbreviation."""
from __future__ import annotations

import re
from functools import lru_cache

from . import compounds, extents, lexicon, nameforms, rules, sports
from .cues import LOCATIVE, MEDIA_HEADS, org_context, work_context
from .mention import Mention
from .words import common_noun, role_noun

ABBREVIATION = re.compile(r"[A-ZÄÖÜ]{2,6}")
MEDIUM_TAILS = frozenset(("Radio", "Fernsehen", "Gruppe"))  # nouns a listed name also opens: 'ORF-Radio'


# parties named by their members' plural: 'für die Republikaner kandidieren', 'Kandidat der Demokraten'
PLURAL_PARTIES = {"Republikaner": "Republikaner", "Republikanern": "Republikaner", "Demokraten": "Demokraten"}


def plural_parties(sent, tags) -> list[Mention]:
    """The US parties by their members' plural after a definite article, untagged: 'die Republikaner'."""
    words = [t.text for t in sent]
    return [Mention((words[i],), "ORG", 0.9, sent[i].start, PLURAL_PARTIES[words[i]],
                    before=tuple(words[max(i - 2, 0):i]))
            for i in range(1, len(words)) if words[i] in PLURAL_PARTIES and tags[i] == "O"
            and words[i - 1].lower() in ("die", "der", "den")]


def media_names(sent, tags, known: set[int]) -> list[Mention]:
    """One to three untagged words no dictionary knows as common words right after a noun for a medium are the
    medium's name ('berichtete die Zeitschrift Nokta', 'im Fachblatt Nature Communications'); not when a
    capitalised word the dictionary knows goes on from them."""
    words, out = [t.text for t in sent], []
    padded = words + [""]
    for i in range(1, len(words)):
        media = words[i - 1][:1].isupper() and words[i - 1].lower().removesuffix("s").endswith(MEDIA_HEADS)
        if not media or i in known:
            continue
        j = i
        while j < len(words) and j - i < 3 and tags[j] == "O" and j not in known and _foreign_word(words[j]):
            j += 1
        if j > i and not padded[j][:1].isupper():
            out.append(Mention(tuple(words[i:j]), "ORG", 0.5, sent[i].start,
                               before=tuple(words[max(i - 2, 0):i]), after=padded[j]))
    return out


def _foreign_word(word: str, hyphens: bool = False) -> bool:
    """A capitalised word of letters (with hyphens, hyphens between them) that the dictionary knows only as a
    name, or not at all: 'Nokta'."""
    tag, known = lexicon.pos(word)
    letters = word.replace("-", "") if hyphens else word
    return word[:1].isupper() and letters.isalpha() and (tag in ("NE", "FM") or not known)


def compound_parts(sent, tags) -> list[Mention]:
    """Names opening hyphen compounds outside tagged names: 'SPÖ-Chef' -> SPÖ."""
    out = []
    for i, (tok, tag) in enumerate(zip(sent, tags)):
        if tag == "O" and compounds.body_compound(tok.text):  # 'UN-Sicherheitsrat': the body, not the UN
            out.append(Mention((tok.text,), "ORG", 0.9, tok.start, tok.text))
            continue
        part = compounds.compound_part(tok.text) if tag == "O" else None
        whole = f"{sent[i - 1].text} {tok.text.split('-')[0]}" if i and part else ""
        if whole.casefold() in lexicon.aliases():  # 'Team Stronach-Anfrage' names the party, not the man
            part = (whole, lexicon.aliases()[whole.casefold()][1])
        if part:  # named as the alias list has it: 'US-Präsident' -> USA
            name = lexicon.aliases().get(part[0].casefold(), (part[0],))[0]
            out.append(Mention((part[0],), part[1], 0.9, tok.start, name))
    return out


def compass_places(sent, tags) -> list[Mention]:
    """An untagged word of a compass point (or 'Mittel', 'Ober') and a country, continent or region is a place
    ('aus der Westtürkei', 'nach Mitteleuropa'; a genitive as its base: 'Nordsyriens')."""
    words, out = [t.text for t in sent], []
    for i, (tok, tag) in enumerate(zip(sent, tags)):
        name = nameforms.compass_place(tok.text) if tag == "O" else None
        if name:
            out.append(Mention((tok.text,), "LOC", 0.9, tok.start, name, initial=i == 0,
                               before=tuple(words[max(i - 2, 0):i]), after=(words + [""])[i + 1]))
    return out


def named_bodies(sent, tags) -> list[Mention]:
    """An untagged hyphen compound of a name and a body's head is that body ('im Leopold-Museum'), with its
    purpose ('Bernhard-Nocht-Institut für Tropenmedizin')."""
    words, out = [t.text for t in sent], []
    for i, (tok, tag) in enumerate(zip(sent, tags)):
        if tag == "O" and nameforms.named_body(tok.text):
            end = extents.extend(words, i, i + 1)[1]
            out.append(Mention(tuple(words[i:end]), "ORG", 0.9, tok.start, " ".join(words[i:end])))
    return out


def listed_places(sent, tags) -> list[Mention]:
    """Two to four untagged words a gazetteer lists as one place, after a preposition of place or 'Richtung',
    with no capitalised word going on from them: 'nach Abu Dhabi' (not 'in New York Times')."""
    words, out = [t.text for t in sent], []
    padded = words + [""]
    for i in range(1, len(words)):
        if words[i - 1].lower() not in LOCATIVE and words[i - 1] != "Richtung":
            continue
        for n in (4, 3, 2):
            name = " ".join(words[i:i + n])
            if i + n <= len(words) and name in lexicon.multiword_places() and set(tags[i:i + n]) == {"O"} \
                    and not padded[i + n][:1].isupper() and not padded[i + n][:1].isdigit():
                out.append(Mention(tuple(words[i:i + n]), "LOC", 0.9, sent[i].start, name,
                                   before=tuple(words[max(i - 2, 0):i]), after=padded[i + n]))
                break
    return out


def compound_tags(words: list[str], tags: list[str]) -> list[str]:
    """The tags with a one-word organisation span untagged where a listed name and a common noun make it, so
    that the name is the mention ('im ORF-Radio' names the ORF; not 'Mercedes-Benz', 'Daimler-Benz')."""
    return [_part_only(w, tag, nxt) for w, tag, nxt in zip(words, tags, [*tags[1:], "O"])]


def _part_only(word: str, tag: str, nxt: str) -> str:
    """'O' for a one-word organisation span of a listed name and a common noun, else the tag."""
    if tag != "B-ORG" or nxt.startswith("I-") or "-" not in word:
        return tag
    tail = word.rpartition("-")[2]
    whole = word in lexicon.orgs() or word.casefold() in lexicon.aliases() or word in lexicon.companies() \
        or word in lexicon.known()
    noun = tail in MEDIUM_TAILS or tail.lower().endswith(compounds.FIRM_TAILS) \
        or common_noun(tail) and not tail.lower().endswith(_body_heads())
    return "O" if noun and not whole and compounds.compound_part(word) else tag  # not 'ÖVP-Wirtschaftsbund'


@lru_cache(maxsize=1)
def _body_heads() -> tuple[str, ...]:
    """The endings of a body's noun: an institution's head or an organisation's word."""
    return rules.INSTITUTION_HEADS + tuple(w for w in lexicon.org_words() if len(w) > 3)


def cued_works(sent, tags: list[str]) -> list[Mention]:
    """Names the tagger left untagged right after a noun for a work, product or organisation ('die App
    Rumblr', 'seiner Band Motörhead'): mentions that weigh nothing, so that the article's other mentions of
    the name read as that work or organisation too ('Rumblr ist eine App ...')."""
    words, out, i = [t.text for t in sent], [], 1
    while i < len(words):
        j = i
        while j < len(words) and j - i < 3 and tags[j] == "O" and words[j][:1].isupper() \
                and not common_noun(words[j]):
            j += 1
        m = Mention(tuple(words[i:j]), "PER", 0.0, sent[i].start, before=tuple(words[max(i - 2, 0):i]),
                    after=(words + [""])[j], cue=True) if j > i else None
        work = m is not None and (work_context(m) or org_context(m, m.tokens))
        out += [m] if work else []
        i = j if work else i + 1
    return out


def role_people(sent, tags: list[str]) -> list[Mention]:
    """Two or three capitalised words the tagger left untagged right after a role noun, none a word the
    dictionary or a list of places and organisations knows, are a person ('Topspieler Mensur Suljovic')."""
    words = [t.text for t in sent]
    out = []
    for i in range(1, len(words) - 1):
        if not (words[i - 1][:1].isupper() and role_noun(words[i - 1], words[i])) or tags[i - 1] != "O":
            continue
        j = i
        while j < len(words) and j - i < 3 and tags[j] == "O" and _unknown_name_word(words[j]):
            j += 1
        if j - i >= 2 and (j == len(words) or not words[j][:1].isupper()):
            out.append(Mention(tuple(words[i:j]), "PER", 0.5, sent[i].start,
                               before=tuple(words[max(i - 2, 0):i]), after=(words + [""])[j]))
    return out


def _unknown_name_word(word: str) -> bool:
    """A foreign word (hyphens allowed) no list knows as a place or an organisation, and no common noun."""
    listed = word in lexicon.places() or word in lexicon.countries() or word in lexicon.orgs()
    return _foreign_word(word, hyphens=True) and not listed and not common_noun(word)


def abbreviated_bodies(sent, tags: list[str]) -> list[Mention]:
    """An untagged compound for an institution that the dictionary does not know as a word, right before its
    abbreviation in parentheses, is an organisation: 'im Kraftfahrt-Bundesamt (KBA)' (glue names it by the
    abbreviation; not a kind's noun: 'Tennisverband (ITF)', 'Volkspartei (PP)')."""
    words, out = [t.text for t in sent], []
    for i in range(len(words) - 3):
        word = words[i]
        body = word[:1].isupper() and word.lower().endswith(rules.INSTITUTION_HEADS)
        bracketed = words[i + 1:i + 4:2] == ["(", ")"] and ABBREVIATION.fullmatch(words[i + 2]) is not None
        if tags[i] == "O" and body and bracketed and not lexicon.pos(word)[1]:
            out.append(Mention((word,), "ORG", 0.9, sent[i].start, before=tuple(words[max(i - 2, 0):i]),
                               after="("))
    return out


AFFILIATION_WORD = re.compile(r"[A-ZÄÖÜ][\w&.'-]*|[a-zäöü]{2,}")


def affiliations(sent, tags) -> list[Mention]:
    """A name in parentheses right after a person's is where the person works: 'Sandra Kegel (FAZ)',
    'Maria Huber (Kunstverein Hamburg)'; not a role, an injury, a place, a result's code or a work
    ('(Vorsitzender)', '(Rückenbeschwerden)', '(Österreich)', '(AUT) 1:42', '(Die Kathedrale)')."""
    words, out = [t.text for t in sent], []
    for i in range(2, len(words) - 2):
        if words[i] != "(" or tags[i - 1] not in ("B-PER", "I-PER"):
            continue
        j = i + 1
        while j < len(words) and j - i <= 8 and AFFILIATION_WORD.fullmatch(words[j]):
            j += 1
        name = words[i + 1:j]
        if j < len(words) and words[j] in (")", ",") and name and name[-1][:1].isupper() \
                and _affiliation(words, i + 1, j):
            out.append(Mention(tuple(name), "ORG", 0.9, sent[i + 1].start, " ".join(name),
                               before=tuple(words[i - 1:i + 1]), after=words[j]))
    return out


def _affiliation(words: list[str], a: int, b: int) -> bool:
    """Whether words[a:b] name an organisation: an acronym, a listed organisation, or a name holding an
    organisation's word ('Kunstverein Hamburg'); no place, no result's code."""
    name = " ".join(words[a:b])
    if name in lexicon.countries() or lexicon.town(name) or name in lexicon.multiword_places() \
            or sports.result_code(words, a, b):
        return False
    acronym = b - a == 1 and ABBREVIATION.fullmatch(name) is not None
    held = any(w.lower().endswith(_body_heads() + rules.PURPOSE_HEADS) for w in words[a:b] if w[:1].isupper())
    return acronym or held or name in lexicon.org_names()
