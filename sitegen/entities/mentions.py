"""From article text to typed mentions: metadata blanked out, sentences tagged, spans collected."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon, rules, tagger
from .normalize import ARTICLES, key, word_key
from .registry import Registry
from .tokenize import sentences

AGENCIES = (r"(?:APA|dpa|AFP|AP|Reuters|sda|SDA|red|Red|ag|APA-OTS|KNA|epd|AFX|Bloomberg|ORF|DER STANDARD"
            r"|bau|ars|dape)")
AGENCY_TAG = re.compile(
    rf"\(\s*{AGENCIES}(?:\s*[/,]\s*(?:{AGENCIES}|[A-Za-z]{{2,5}}))*(?:\s*[,;]\s*[\d.\s/–-]*)?\s*\)")
_WORD = r"(?:St\.\s?)?[A-ZÄÖÜ][\w'-]*"
_PLACE = rf"{_WORD}(?:\s(?:am|im|an der|bei|de|del|do|ob|upon)\s{_WORD})?"
DATELINE = re.compile(
    rf"(?:^|(?<=[.!?«\"]\s)|(?<=\n))((?:{_PLACE})(?:(?:\s?/\s?|\s)(?:{_PLACE})){{0,3}})\s+[–—-]\s+(?=[A-ZÄÖÜ»„\"])")
PARTICLES = frozenset("van von de der den da di del du la le al el bin ibn ten ter zu vom dos das".split())
NOBILIARY = frozenset("van von de di da du zu del dos ten ter".split())  # may continue a full name
MEDIA_WORDS = ("zeitung", "konzern", "magazin", "sender", "blatt")  # 'Zeitung Tuttosport' names Tuttosport
QUOTES = frozenset("»«„“”\"‚‘’'")
CAPTION_PLACE = re.compile(r"\(([A-ZÄÖÜ][\w-]+), \d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?\)")


@dataclass(frozen=True)
class Mention:
    tokens: tuple[str, ...]
    cls: str  # PER, LOC or ORG
    confidence: float  # lowest marginal probability of the span's tags
    start: int  # character offset in the text
    name: str = ""  # canonical name when a known phrase matched
    initial: bool = False  # the mention opens its sentence
    quoted: bool = False  # the whole mention stands in quotes: a title ('»Mad Men«'), no person or place
    before: tuple[str, ...] = ()  # up to two words before the mention ('das Spiel')
    after: str = ""  # the word after it ('Film' in 'Ridley Scotts Film')


def blank_metadata(text: str) -> tuple[str, list[Mention]]:
    """Agency tags ("(APA, 23.8.)") and datelines ("Wien – ", "Ried/Wien – ": the first near the top, any at a
    paragraph start) replaced by spaces, offsets kept; the datelines' places as mentions."""
    text = AGENCY_TAG.sub(lambda m: " " * len(m.group()), text)
    places: list[Mention] = []
    for m in DATELINE.finditer(text):
        if (m.start() < 500 and not places) or text[m.start() - 1] == "\n":
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
            offset = m.start(1)
            for place in m.group(1).split("/"):
                lead = len(place) - len(place.lstrip())
                words = place.split()
                if len(words) == 2 and (words[0] in lexicon.regions() or words[0] in lexicon.countries()):
                    places.append(Mention(tuple(words[:1]), "LOC", 0.99, offset + lead, words[0]))
                    lead, words = lead + len(words[0]) + 1, words[1:]  # 'Niederösterreich Zwettl – '
                if words and _place_like(words):
                    places.append(Mention(tuple(words), "LOC", 0.99, offset + lead, " ".join(words)))
                offset += len(place) + 1
    return text, places


def _unquote(sent):
    """Drop quote marks that wrap a single capitalised word, so »Sicherheitskonferenz« joins its name."""
    keep = []
    for i, tok in enumerate(sent):
        if tok.text in QUOTES:
            inner = sent[i + 1] if tok.text in "»„\"" and i + 1 < len(sent) else sent[i - 1] if i else None
            if inner is not None and inner.text[:1].isupper() and len(sent) > 2:
                nxt = sent[i + 2] if tok.text in "»„\"" and i + 2 < len(sent) else None
                if tok.text not in "»„\"" or (nxt is not None and nxt.text in QUOTES):
                    continue
        keep.append(tok)
    return keep


@lru_cache(maxsize=1)
def _shipped() -> dict[str, tuple[str, str, int]]:
    return phrase_table(Registry())


def phrase_table(registry: Registry) -> dict[str, tuple[str, str, int]]:
    """key -> (canonical, class, length) for shipped phrases and the registry's multi-word names."""
    table = {key(t): (n, c, len(t)) for t, (n, c) in lexicon.phrases().items()}
    if not registry.entries:
        return table
    for e in registry.entries:
        if e.cls != "TAG":
            for form in (e.name,) + e.aliases:
                if " " in form:
                    table[key(form.split())] = (e.name, e.cls, len(form.split()))
    return table


def _phrases(words, taken, table):
    """Known multi-word names in untagged stretches of a sentence: (start, end, name, class)."""
    firsts = {k.split(" ", 1)[0] for k in table}
    lengths = sorted({n for _, _, n in table.values()}, reverse=True)
    i = 0
    while i < len(words):
        if words[i][:1].isupper() and not taken[i] and word_key(words[i]) in firsts:
            for n in lengths:
                hit = table.get(key(words[i:i + n])) if i + n <= len(words) else None
                if hit and True not in taken[i:i + n]:
                    yield i, i + n, hit[0], hit[1]
                    i += n - 1
                    break
        i += 1


def _common_noun(word: str, guessed: bool = False) -> bool:
    """A word HanTa knows (or, with guessed, takes) as a common noun, and no known name or given name."""
    if word in lexicon.known() or word in lexicon.first_names() or word in lexicon.places():
        return False
    if "-" in word.strip("-"):
        return _common_noun(word.rsplit("-", 1)[1], guessed)
    tag, known = lexicon.pos(word)
    return tag == "NN" and (known or guessed)


def _long_compound(word: str) -> bool:
    """A long compound ending in a common noun, glued before a place: 'Jihadistenhochburg Raqqa'."""
    if len(word) < 10 or word in lexicon.places() or word in lexicon.regions():
        return False
    tail = word.rsplit("-", 1)[-1]
    return any(lexicon.pos(tail[-k:].capitalize()) == ("NN", True) for k in range(5, len(tail) + 1))


def _role(word: str, nxt: str) -> bool:
    """A role noun glued before a name: 'Landtagsklubobmann Walter', 'Jagdethiker Winkelmayer'."""
    low = word.lower()
    if word in lexicon.first_names() or word in lexicon.known() and low not in lexicon.cues():
        return False
    return any(low.endswith(cue) for cue in lexicon.cues() if len(cue) > 3) or nxt in lexicon.first_names() \
        and low.endswith(("mann", "frau", "ethiker", "ist", "or", "ent"))


def _other_word(word: str, opening: bool) -> bool:
    """A capitalised word that is, in lower case, a verb or adjective (known, or guessed when it opens the
    sentence) and no name: 'Kuratiert'."""
    tag, known = lexicon.pos(word.lower())
    closed = known and not tag.startswith(("N", "ADJ", "V", "CARD", "FM", "XY"))  # 'Gegen', 'Oder'
    guessed = opening and word.endswith(("iert", "t", "en", "te"))  # 'Kuratiert', not 'Juan'
    return (known or guessed) and (closed or tag.startswith(("V", "ADJ"))) and word not in lexicon.known() \
        and word not in lexicon.places() and word not in lexicon.first_names()


def _surname_like(word: str) -> bool:
    """A word after 'von'/'de' that continues a person's name rather than naming a place or body."""
    if word in lexicon.places() or word in lexicon.countries() or word in lexicon.orgs():
        return False
    if lexicon.pos(word)[0].startswith("ADJ"):
        return False  # 'von der Europäischen
    return word.casefold() not in lexicon.aliases() and not _common_noun(word)


def trim(words, a: int, b: int, cls: str) -> tuple[int, int, str]:
    """Cut role nouns and descriptors off a span ('Bildungsministerin Sonja X', 'Irak Senfgas'), never end it
    on a particle ('Alexander Van' + 'der Bellen')."""
    a, b, cls = _trim_front(words, a, b, cls)
    b = _particles(words, a, b, cls)
    return _trim_back(words, a, b, cls)


def _trim_front(words, a: int, b: int, cls: str) -> tuple[int, int, str]:
    """Referee marks, role nouns, opening verbs and descriptors before a name; a given name inside starts
    one."""
    if words[a] == "SR" and b - a > 1:
        a, cls = a + 1, "PER"  # the referee: 'SR Harkam'
    start = a
    given = next((i for i in range(a + 1, b - 1) if words[i] in lexicon.first_names()), None)
    if cls != "PER" and given is not None and not words[given - 1].islower():
        a, cls = given, "PER"  # 'Salzburger Mike Vogl'
    inner = next((i for i in range(a + 1, b - 1)
                  if words[i].islower() and words[i + 1] in lexicon.first_names()), None)
    b = b if inner is None else inner  # 'Oscar für Mark Rylance'
    while b - a > 1 and words[b - 1] in ("St.", "Dr."):
        b -= 1  # 'Paris St.'
    while b - a > 1 and (_other_word(words[a], opening=a == 0) or _role(words[a], words[a + 1])
                         or cls == "LOC" and _long_compound(words[a])
                         or cls == "ORG" and b - a == 2 and _long_compound(words[a])
                         and words[b - 1] in lexicon.orgs()):
        a += 1  # 'Kuratiert von ...', 'Gegen Slowaken ...', 'Landtagsklubobmann Walter Steidl'
    genitive = words[a].endswith("s") and words[a] not in lexicon.first_names()
    if cls in ("PER", "ORG") and b - a > 1 and genitive and (_common_noun(words[a + 1])
                                                            or _long_compound(words[a + 1])):
        a, b = (a + 2, b) if b - a > 2 else (a, a + 1)  # 'Benficas Erzrivalen FC Porto', 'Frodenos Triumph'
    while cls == "PER" and b - a > 1 and lexicon.pos(words[b - 1])[0].startswith("ADJ"):
        b -= 1  # 'Edomwonyi Gelbe (Karten)'
    if b - a > 2 and words[a].lower() in ARTICLES and _describer(words[a + 1]):
        a += 1  # 'Der Zeitung Haaretz zufolge'
    while b - a > 1 and words[a + 1][:1].isupper() and (_describer(words[a]) or _common_noun(words[a])
                                                         and not _institution(words[a])
                                                         and words[a].lower() not in lexicon.org_words()):
        a += 1
        if words[a] in lexicon.first_names():
            cls = "PER"
    if cls == "LOC" and a > start and b - a > 1 and not _has_place(words[a:b]):
        cls = "PER"  # a role noun cut off a place-typed name: 'Neurochirurg Ben Carson'
    return a, b, cls


def _has_place(words) -> bool:
    """The name, or its first word, is a known place: 'Rio de Janeiro', 'Wien Hietzing'."""
    return any(w in lexicon.places() or w in lexicon.countries() or w in lexicon.regions()
               for w in (" ".join(words), words[0]))


def _institution(word: str) -> bool:
    """A noun that heads an institution's name ('Landesbank', 'Landtag')."""
    return word.lower().endswith(lexicon.ORG_SUFFIXES)


def _describer(word: str) -> bool:
    """A noun that describes the name after it: 'Zeitung Tuttosport', 'Tageszeitung Kurier'."""
    return word.lower().endswith(MEDIA_WORDS) and lexicon.pos(word)[0] == "NN"


def _particles(words, a: int, b: int, cls: str) -> int:
    """The span's end, carried over particles to the name they belong to."""
    j = b
    while j < len(words) and words[j].lower() in PARTICLES:
        j += 1
    ends_on_particle = b - a > 1 and words[b - 1].lower() in PARTICLES
    named = j < len(words) and words[j][:1].isupper()
    nobiliary = named and j == b + 1 and cls == "PER" and b - a > 1 and words[b].lower() in NOBILIARY \
        and not words[j].isupper()  # 'Müller von Blumencron', not 'Maričić von ADRA', '... von der Uni'
    if named and (ends_on_particle or nobiliary and _surname_like(words[j])):
        b = j + 1  # 'Alexander Van' + 'der Bellen', 'Mathias Müller' + 'von Blumencron'
    return b


def _trim_back(words, a: int, b: int, cls: str) -> tuple[int, int, str]:
    """Common nouns, particles and lower-case words after a name; the class its last word suggests."""
    limit = {"PER": 2, "LOC": 1}.get(cls)
    if limit is not None and (cls == "PER" or words[a] in lexicon.places()
                              or words[a] in lexicon.countries()):
        b = next((i for i in range(a + limit, b) if _common_noun(words[i], guessed=cls == "LOC")
                  and words[i - 1].lower() not in PARTICLES), b)  # 'Van der Bellen' keeps its 'Bellen'
    last = words[b - 1].lower()
    if cls == "ORG" and b - a > 2 and _common_noun(words[b - 1]) and last not in lexicon.org_words() \
            and not last.endswith(rules.INSTITUTION_HEADS):
        if words[b - 1] in lexicon.work_cues():
            return a, a, cls  # a work: 'Rocky Horror Picture Show'
        b -= 1  # 'SV Ried Wiedergutmachung', 'Nobelpreis für Medizin'
    while b - a > 1 and (words[b - 1].lower() in PARTICLES or not words[b - 1][:1].isupper()
                         and not words[b - 1][:1].isdigit()):
        b -= 1  # 'Psaki von »...«': a name does not end in a particle or a lower-case word
    genitive = next((i for i in range(a + 1, b - 1) if cls == "PER" and words[i].endswith("s")
                     and words[i] not in lexicon.first_names() and words[i].lower() not in PARTICLES), None)
    b = b if genitive is None else genitive + 1  # 'Ridley Scotts Blade Runner'
    first = set(words[a].split("-")) & lexicon.first_names()
    if cls == "ORG" and first and b - a > 1 and not set(words[a + 1:b]) & lexicon.orgs():
        cls = "PER"  # 'Matt Jakubowski', 'Anna-Sophie Berger'
    if cls == "PER" and b - a > 1 and lexicon.org_words() & {words[b - 1].lower(), words[a].lower()}:
        cls = "ORG"  # 'Unión Patriótica'

    if b < len(words) and cls == "PER" and re.match(r"(?:al|el|as|ad|bin|ibn)-[A-Z]", words[b]):
        b += 1
    return a, b, cls


def bio(words: list[str]) -> list[str]:
    """BIO tags of one tokenised sentence: the tagger's, plus shipped multi-word names it missed."""
    tags = rules.repair(words, tagger.tag(words))
    for a, b, _, cls in _phrases(words, [t != "O" for t in tags], _shipped()):
        tags[a:b] = [f"B-{cls}"] + [f"I-{cls}"] * (b - a - 1)
    return tags


def _place_like(words: list[str]) -> bool:
    """Whether a dateline's words can name a place: no common noun or function word ('Gegen Slowaken')."""
    return not any(_common_noun(w) or lexicon.pos(w.lower())[0] in ("APPR", "ART", "KON", "PPER")
                   for w in words if w not in lexicon.places() and w[:1].isupper())


def _caption_places(text: str) -> list[Mention]:
    """'(Sotschi, 7.12.2021)': the place of a photo caption."""
    return [Mention((m.group(1),), "LOC", 0.9, m.start(1)) for m in CAPTION_PLACE.finditer(text)]


def mentions(text: str, registry: Registry | None = None) -> list[Mention]:
    """Every PER, LOC and ORG mention in the text, in order."""
    table = phrase_table(registry or Registry())
    text, out = blank_metadata(text)
    towns: list[tuple[str, int]] = []
    out += _caption_places(text)
    out += [Mention(("STANDARD",), "ORG", 0.95, i, name) for i, name in rules.self_names(text)]
    out += [Mention(tuple(name.split()), "PER", 0.99, i, name) for i, name in rules.sports_people(text)]
    for sent in sentences(text):
        sent = _unquote(sent)
        words = [t.text for t in sent]
        given, probs = tagger.tag_marginals(words)
        tags = rules.institutions(words, rules.repair(words, list(given)))
        sporty = rules.is_result(words)
        for a, b, cls in rules.spans(tags):
            conf = min(p if t == g else 0.9 for p, t, g in zip(probs[a:b], tags[a:b], given[a:b]))
            a, b, cls = trim(words, a, b, cls)
            if a > 0 and words[a - 1] in ("#", "@"):
                continue  # a hashtag or handle: '#Greece'
            venue = a > 0 and words[a - 1] in ("in", "nach")  # '2:0 in Wolfsburg' names the town
            cls = "ORG" if sporty and cls == "LOC" and rules.club_town(words[a:b]) and not venue else cls
            if a < b:
                quoted = 0 < a and b < len(words) and words[a - 1] in QUOTES and words[b] in QUOTES
                out.append(Mention(tuple(words[a:b]), cls, conf, sent[a].start, initial=a == 0,
                                   quoted=quoted, before=tuple(words[max(a - 2, 0):a]),
                                   after=words[b] if b < len(words) else ""))
        taken = [t != "O" for t in tags]
        for a, b, name, cls in _phrases(words, taken, table):
            out.append(Mention(tuple(words[a:b]), cls, 0.99, sent[a].start, name))
        out += _compound_parts(sent, tags)
        towns += [(t.text.split("-")[0], t.start) for t, tag in zip(sent, tags)
                  if tag == "O" and "-" in t.text]
    named = {m.tokens[-1] for m in out}  # 'Wien-Besuch' counts when the article names Wien on its own
    out += [Mention((town,), "LOC", 0.9, i) for town, i in towns
            if town in named and town in lexicon.places()]
    return sorted(out, key=lambda m: m.start)


def _compound_parts(sent, tags) -> list[Mention]:
    """Names opening hyphen compounds outside tagged names: 'SPÖ-Chef' -> SPÖ."""
    out = []
    for tok, tag in zip(sent, tags):
        part = rules.compound_part(tok.text) if tag == "O" else None
        if part:  # named as the alias list has it: 'US-Präsident' -> USA
            name = lexicon.aliases().get(part[0].casefold(), (part[0],))[0]
            out.append(Mention((part[0],), part[1], 0.9, tok.start, name))
    return out

