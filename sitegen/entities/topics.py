"""Topic tags: `candidates` (a pure function of the text) finds the vocabulary's topics and the text's nouns
and phrases; `choose` keeps the most telling, ranked against document frequencies."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import lexicon
from .registry import Registry
from .tokenize import Token, tokens
from .topic_words import attested, compound, dictionary_form, never_a_tag, noun_lemma, synonyms
from .topic_words import noun_lemma as lemma  # the lemmas build_df counts
from .topic_vocab import OPENING, above, competitions, enough, evidence, vocabulary

__all__ = ["DF_PATH", "Candidate", "DocFreq", "candidates", "choose", "decode", "encode", "lemma", "merged",
           "singulars", "tags", "words"]
DF_PATH = Path(__file__).parent / "data" / "noun_df.tsv"
MIN_WORDS, MIN_TAGS, MAX_TAGS, MAX_TOPICS = 20, 3, 6, 6
FALLBACK = 6  # evidence the strongest topic of an article without an evident one needs
NARROWER = 6  # evidence a narrower topic of a kept one needs (a decisive word twice, or once in the opening)
TOPIC_SHARE = 0.7  # a topic's evidence against the main topic's, at least
EVIDENT = 9  # evidence beyond this (three decisive mentions) makes a topic no more evident
PRIOR_DOCS = 400  # how many archive documents the shipped counts weigh as
REPEAT_RATE, REPEAT_PRIOR = 0.3, 4  # usual share of articles that mention a noun again; weighs as 4 articles
SIMPLE_MENTIONS = 3  # a simple word ('Schule', 'Geschäft') is a topic only when the article takes it up
FEMININE = ("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "ie", "enz", "anz", "ur", "krise")
RELATIVE = 0.4  # a tag's weight against the best one's, at least
PARTICLES = frozenset({"van", "Van", "von", "de", "De", "di", "da", "del", "du", "ter", "zu"})
RELATIONAL = ("isch",)  # relational adjectives (strategisch); evaluative ones (mögliche, maximale) are not


@dataclass(frozen=True)
class Candidate:
    name: str
    count: int  # mentions; for a topic of the vocabulary, the weight of its evidence
    first: int  # token index of the first mention
    topic: str = ""  # the vocabulary's topic it stands for (topic_vocab.py); '' for a word of the text


@dataclass(frozen=True)
class DocFreq:
    """Document frequencies: the shipped counts, and the archive's at ingest (`repeated`: articles mentioning
    a tag twice or more), the ranked article left out, so a small archive ranks as none does."""

    docs: int = 0
    counts: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    repeated: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    def _others(self, cand: Candidate) -> tuple[int, int, int]:
        """(articles, articles with the tag, articles repeating it) in the archive but the ranked article."""
        own = 1 if self.docs else 0
        repeated = self.repeated.get(cand.name, 0) - (own if cand.count > 1 else 0)
        return self.docs - own, self.counts.get(cand.name, 0) - own, repeated

    def idf(self, cand: Candidate) -> float:
        """Inverse document frequency, the shipped counts a prior worth PRIOR_DOCS archive articles."""
        shipped_docs, shipped = _shipped()
        docs, having, _ = self._others(cand)
        share = (shipped.get(cand.name, 0) + 0.5) / (shipped_docs + 1)
        return -math.log((having + PRIOR_DOCS * share) / (docs + PRIOR_DOCS))

    def topicality(self, cand: Candidate) -> float:
        """How often an article that mentions the tag mentions it again, against the usual rate: a topic is
        taken up again, an everyday word is mentioned once (Church and Gale's adaptation)."""
        _, having, repeated = self._others(cand)
        return (repeated + REPEAT_PRIOR * REPEAT_RATE) / (having + REPEAT_PRIOR) / REPEAT_RATE


@lru_cache(maxsize=1)
def _shipped() -> tuple[int, dict[str, int]]:
    """(number of documents, document frequency of noun lemmas) from build_df (rare lemmas are absent)."""
    lines = DF_PATH.read_text(encoding="utf-8").splitlines()
    head = lines[0].split() if lines and lines[0].startswith("#") else []
    docs = next((int(w) for w in head if w.isdigit()), 1)
    return docs, {n: int(c) for n, c in (line.split("\t") for line in lines if not line.startswith("#"))}


def tags(text: str, exclude: set[str], registry: Registry, people: frozenset[str] = frozenset()
         ) -> tuple[str, ...]:
    """The article's topic tags (none for a short text), ranked against the shipped counts."""
    return choose(candidates(text, frozenset(exclude), registry, people), DocFreq())


@lru_cache(maxsize=8)
def candidates(text: str, exclude: frozenset[str], registry: Registry,
               people: frozenset[str] = frozenset()) -> tuple[Candidate, ...]:
    """Every possible tag of the article with its count (`exclude`: the words of its names, `people`: those
    of people's names); empty when the text is too short to say."""
    toks = tokens(text)
    if sum(t.text[:1].isalpha() for t in toks) < MIN_WORDS:
        return ()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, name in _mentions(toks, exclude, registry):
        counts[name] += 1
        first.setdefault(name, i)
    found = tuple(Candidate(n, c, first[n]) for n, c in counts.items() if c > 1 or " " not in n or "-" in n)
    return merged(found, singulars(set(counts))) + _topics(toks, people, registry)


def _topics(toks: list[Token], people: frozenset[str], registry: Registry) -> tuple[Candidate, ...]:
    """The vocabulary's topics the text gives evidence for (Vogel, Roman, people's names, for none of their
    stems), under the registry's tag for each."""
    names = [t.name for t in vocabulary().topics]
    return tuple(Candidate(_mapped(names[t], registry) or names[t], weight, at, topic=names[t])
                 for t, (weight, at) in evidence(toks, people).items() if enough(names[t], weight, ""))


PLURAL_ENDINGS = ("en", "n", "e", "s", "er", "ern", "nen")


def singulars(names: set[str]) -> dict[str, str]:
    """Plural as written -> the singular among the names ('Balkanrouten' -> 'Balkanroute')."""
    return {n: n[: -len(end)] for n in names for end in PLURAL_ENDINGS
            if n.endswith(end) and n[: -len(end)] in names and len(n) - len(end) >= 4}


def merged(cands: tuple[Candidate, ...], singular: dict[str, str]) -> tuple[Candidate, ...]:
    """The candidates with plurals counted under their singular."""
    counts: Counter[tuple[str, bool]] = Counter()
    first: dict[tuple[str, bool], int] = {}
    for c in cands:
        key = (c.name if c.topic else singular.get(c.name, c.name), c.topic)
        counts[key] += c.count
        first[key] = min(first.get(key, c.first), c.first)
    return tuple(Candidate(n, k, first[n, t], t) for (n, t), k in counts.items())


def _mentions(toks: list[Token], exclude: frozenset[str], registry: Registry):
    """(token index, tag) of every noun or phrase that may be a tag, and of the nouns a hyphenated compound
    is made of ('Fußball-Bundesliga-Runde' mentions Fußball)."""
    for i, tok in enumerate(toks):
        lem = noun_lemma(tok.text)
        if lem is None or _in_name(toks, i):
            continue
        parts = [(p, noun_lemma(p)) for p in tok.text.split("-")[:-1] if p.lower() in attested()]
        for word, part_lemma in [(tok.text, lem), *parts]:
            name = _tag(word, part_lemma, exclude, registry)
            if name:
                yield i, name
        phrase = _phrase(toks[i - 1].text if i else "", tok.text, lem)
        if phrase:
            yield i - 1, phrase


def _tag(word: str, lem: str | None, exclude: frozenset[str], registry: Registry) -> str | None:
    """The tag a noun as written and its lemma stand for, if any."""
    if lem is None or word in exclude or lem in exclude or registry.ignored(lem):
        return None
    name = _mapped(lem, registry) or _mapped(word, registry)
    if name is None:
        name = synonyms().get(lem) or (None if never_a_tag(lem) else lem)
    return name


def _in_name(toks: list[Token], i: int) -> bool:
    """'Van der Bellen', 'de Maizière': a capitalised word after a particle of a surname."""
    return any(toks[j].text in PARTICLES for j in range(max(i - 2, 0), i))


def _mapped(word: str, registry: Registry) -> str | None:
    """The registry's tag for the word; '' when the registry names it as a person, place or organisation."""
    entry = registry.lookup(word)
    if entry is None:
        return None
    return entry.name if entry.type == "tag" else ""


def _phrase(before: str, word: str, lem: str) -> str | None:
    """'russisch-amerikanischen Beziehungen' -> 'Russisch-amerikanische Beziehungen': a relational adjective
    and a feminine noun (its gender known from its ending), in the nominative."""
    if not before[:1].islower() or "-" in lem or not lem.endswith(FEMININE) or len(before) < 6:
        return None
    stem = before.removesuffix("en") if before.endswith("en") else before.removesuffix("e")
    if stem == before or not stem.endswith(RELATIONAL) or lexicon.pos(before)[0] != "ADJ(A)":
        return None
    if "-" not in stem and (never_a_tag(lem) or national(stem)):
        return None
    noun = word if word != lem and word.endswith("en") else lem
    return f"{stem[:1].upper()}{stem[1:]}e {noun}"


@lru_cache(maxsize=1)
def _territories() -> tuple[str, ...]:
    """Lower-case German names of countries and regions (CLDR via Babel)."""
    from babel import Locale

    return tuple(n.lower() for n in Locale("de").territories.values())


OTHER_NATIONAL = ("französisch", "chinesisch", "britisch", "europäisch", "arabisch", "afrikanisch",
                  "asiatisch", "westlich", "östlich", "international", "national", "ausländisch", "heimisch")


@lru_cache(maxsize=10_000)
def national(stem: str) -> bool:
    """'russisch', 'amerikanisch': an adjective of a country or region (CLDR names by their start)."""
    if stem in OTHER_NATIONAL:
        return True
    root = stem.removesuffix("isch").removesuffix("an")
    return stem.endswith("isch") and len(root) >= 3 and any(t.startswith(root) for t in _territories())


def weight(cand: Candidate, df: DocFreq) -> float:
    """tf-idf with a damped count, times topicality; compounds, phrases and the opening favoured."""
    length = 1.0 + 0.03 * min(len(cand.name), 20) + (0.3 if " " in cand.name else 0.0)
    opening = 1.3 if cand.first < OPENING else 1.0
    return (1.0 + math.log(cand.count)) * df.idf(cand) * df.topicality(cand) * length * opening


def choose(cands: tuple[Candidate, ...], df: DocFreq, section: str = "") -> tuple[str, ...]:
    """Up to six vocabulary topics with enough evidence (the Ressort as context): the main one, those nearly
    as evident the opening names and their narrower topics, most specific first; else the telling word."""
    found = [c for c in cands if c.topic and enough(c.topic, c.count, section, c.first)] or _weaker(cands)
    best = max((min(c.count, EVIDENT) for c in found), default=0)
    main = max((c.count for c in found), default=0)
    kept = [c for c in found if min(c.count, EVIDENT) >= TOPIC_SHARE * best and (c.count == main
                                                                                or c.first < OPENING)]
    kept += [c for c in found if c not in kept and _narrower(c, kept)]
    topics = sorted(_competitions(kept), key=lambda c: (-c.count * df.idf(c), c.first))[:MAX_TOPICS]
    if topics:
        return tuple(c.name for c in topics)
    nouns = sorted(words(tuple(c for c in cands if not c.topic), df), key=lambda c: -weight(c, df))
    return tuple(c.name for c in [c for c in nouns if _telling(c)][:1] or nouns[:1])


def _weaker(cands: tuple[Candidate, ...]) -> list[Candidate]:
    """For an article no topic is evident enough for: its strongest topic, if a decisive word names it twice
    (or once in the opening), whatever its Ressort; a better guess than a word of its text."""
    topics = [c for c in cands if c.topic and c.count >= FALLBACK]
    return sorted(topics, key=lambda c: (-c.count, c.first))[:1]


def _competitions(kept: list[Candidate]) -> list[Candidate]:
    """Of a sport's leagues and cups the one with the most evidence stays: a league's clubs are named in any
    match of a cup, and a cup in an aside of a league's report ('Champions-League-Finalist'); beside the
    strongest cup other cups stay (a draw for two cups)."""
    kinds = competitions()
    best = {above(c.topic): c for c in sorted((c for c in kept if c.topic in kinds),
                                               key=lambda c: (c.count, -c.first))}
    return [c for c in kept if c.topic not in kinds or c is best[above(c.topic)]
            or kinds[c.topic] == kinds[best[above(c.topic)].topic] == "cup"]


def _narrower(cand: Candidate, kept: list[Candidate]) -> bool:
    """A narrower topic of a kept one, with evidence of its own (Champions League beside Fußball): the kind
    of the main topic, not a side issue, so the opening need not name it."""
    return cand.count >= NARROWER and any(k.topic in above(cand.topic) for k in kept)


def _telling(cand: Candidate) -> bool:
    """Mentioned again, and a phrase or a compound whose first part is a word of its own
    ('Staatsschutzgesetz', not 'Rückschlag' or 'Vorschau')."""
    low = cand.name.lower()
    parts = "-" in low or " " in low or any(low[i:] in attested() for i in range(5, len(low) - 3))
    return _strong(cand) and parts


def words(cands: tuple[Candidate, ...], df: DocFreq) -> list[Candidate]:
    """Up to six known words of the text: the repeated ones near the best, filled up to three (repeated, then
    the opening's), the opening's best noun always among them; else the best single mention."""
    known = [c for c in cands if _known(c.name)]
    known = [c for c in known if compound(c.name) or c.count >= SIMPLE_MENTIONS] or known
    ranked = sorted(known, key=lambda c: (not _strong(c), -weight(c, df), c.first))
    if not ranked:
        return []
    best = weight(ranked[0], df)
    chosen = [c for c in ranked if _strong(c) and weight(c, df) >= RELATIVE * best][: MAX_TAGS - 1]
    opening = [c for c in ranked if c not in chosen and c.first < OPENING]
    spare = [c for c in ranked if c not in chosen and c.count > 1]
    spare += [c for c in opening if c not in spare]
    chosen += spare[: max(MIN_TAGS - len(chosen), 0)]
    if opening and all(c.first >= OPENING for c in chosen):
        chosen.append(opening[0])
    return chosen or ranked[:1]


def _strong(cand: Candidate) -> bool:
    """Mentioned twice or more, or a bilateral phrase ('Russisch-amerikanische Beziehungen')."""
    return cand.count > 1 or "-" in cand.name.partition(" ")[0] and " " in cand.name


def _known(name: str) -> bool:
    """The dictionary test on a tag's last word, or on its plural ('Sanktion': 'Sanktionen' is attested)."""
    last = name.rpartition(" ")[2].rpartition("-")[2]
    return any(dictionary_form(last + end) for end in ("", "en", "n"))


def encode(cands: tuple[Candidate, ...]) -> tuple[str, ...]:
    """Candidates as strings for ingest's entity cache and worker pipes ('name<TAB>count<TAB>first', then
    '<TAB>topic' for a topic)."""
    return tuple("\t".join((c.name, str(c.count), str(c.first), c.topic)).rstrip("\t") for c in cands)


def decode(values: tuple[str, ...]) -> tuple[Candidate, ...] | None:
    """The candidates of `encode`; None when the values are plain tags (an extractor of its own)."""
    parts = [v.split("\t") for v in values]
    if not all(len(p) in (3, 4) and p[1].isdigit() and p[2].isdigit() for p in parts):
        return None
    return tuple(Candidate(p[0], int(p[1]), int(p[2]), *p[3:]) for p in parts)
