"""Editor topics as data (data/topic_vocab.tsv, whose header says how evidence matches): a topic is found
when the text gives enough evidence for it."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import DATA
from .tokenize import Token

DECISIVE, PLAIN = 3, 1  # the weight of a piece of evidence, counted once a mention up to three (plain: two)
ENOUGH = 4  # the evidence a topic needs (a decisive word twice or in the opening)
OUTSIDE = 4  # a topic outside the article's Ressort needs OUTSIDE times the evidence
OPENING = 40  # tokens: the headline and teaser, about; evidence there counts BONUS mentions more
BONUS = 1
LATE = 3  # a topic the opening does not name needs LATE times the evidence
ENDINGS = ("", "e", "en", "n", "s", "es", "er", "ern", "in", "innen")


@dataclass(frozen=True)
class Topic:
    name: str
    sections: frozenset[str]  # casefolded Ressorts it belongs to; empty: any
    broader: str = ""  # the topic it is part of ('Champions League': Fußball), which shares its evidence


@dataclass(frozen=True)
class Vocabulary:
    topics: tuple[Topic, ...]
    stems: dict[str, tuple[tuple[int, str], ...]]  # lower-case stem -> (topic index, evidence)
    names: dict[str, tuple[tuple[int, str], ...]]  # name as written -> (topic index, evidence)
    weights: dict[str, int]  # evidence -> weight
    broader: dict[int, int]  # topic index -> the index of its broader topic, the narrowest topics first
    people: dict[str, str]  # a person's full name, lower-case -> its last word, a name of the vocabulary


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shipped topics and an index of their evidence."""
    topics, weights = [], {}
    stems, names = defaultdict(list), defaultdict(list)
    for line in (DATA / "topic_vocab.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, broader, sections, words = line.split("\t")
        for word in words.split():
            key = word.rstrip("!").replace("_", " ")
            weights[word] = DECISIVE if word.endswith("!") else PLAIN
            if " " in key or not key[:1].isupper():
                stems[key.lower()].append((len(topics), word))
            else:
                names[key].append((len(topics), word))
        wanted = frozenset(s.casefold() for s in sections.split(",") if s != "-")
        topics.append(Topic(name, wanted, "" if broader == "-" else broader))
    index = {t.name: i for i, t in enumerate(topics)}
    broader = {i: index[t.broader] for i, t in enumerate(topics) if t.broader}
    people = _people(weights, names)
    return Vocabulary(tuple(topics), {k: tuple(v) for k, v in stems.items() if k not in people},
                      {k: tuple(v) for k, v in names.items()}, weights,
                      dict(sorted(broader.items(), key=lambda kv: -_depth(kv[0], broader))), people)


def _people(weights: dict[str, int], names: dict[str, list[tuple[int, str]]]) -> dict[str, str]:
    """Full names (Alexis_Tsipras) that only tell their last word, a name as strong, means the person."""
    full: dict[str, int] = defaultdict(int)  # a name written for several topics counts by its strongest
    for w in weights:
        if "_" in w and w[:1].isupper():
            key = w.rstrip("!").replace("_", " ")
            full[key] = max(full[key], weights[w])
    return {f.lower(): f.split()[-1] for f, weight in full.items()
            if any(weights[w] >= weight for _, w in names.get(f.split()[-1], ()))}


def _depth(topic: int, broader: dict[int, int]) -> int:
    """How many broader topics a topic has above it."""
    return 1 + _depth(broader[topic], broader) if topic in broader else 0


@lru_cache(maxsize=100_000)
def _evidence(word: str) -> tuple[tuple[int, str], ...]:
    """(topic index, evidence) of every piece of evidence a word (or its parts) bears."""
    vocab = vocabulary()
    keys = {word, word.partition("-")[0], word.removesuffix("s")}
    found = {e for key in keys for e in vocab.names.get(key, ())}
    for part in {word, *word.split("-")}:
        low = part.lower()
        if not part[:1].isupper():
            found.update(e for end in ENDINGS if low.endswith(end)
                         for e in vocab.stems.get(low[: len(low) - len(end)], ()))
            continue
        for cut in range(3, len(low) + 1):
            found.update(vocab.stems.get(low[:cut], ()))
        for cut in range(3, len(low) - 4):
            tail = low[cut:]
            found.update(e for end in ENDINGS if tail.endswith(end)
                         for e in vocab.stems.get(tail[: len(tail) - len(end)], ()))
    return tuple(sorted(found))


def evidence(toks: list[Token], names: frozenset[str] = frozenset()) -> dict[int, tuple[int, int]]:
    """Topic index -> (weight of its evidence in the text, token index of the first piece); `names`: words of
    people's names in it (Vogel, Chelsea), no evidence but in a phrase (Van_der_Bellen) or once the text names
    the person the vocabulary means (Alexis Tsipras: Tsipras)."""
    vocab = vocabulary()
    text = f" {' '.join(t.text.lower() for t in toks)} "
    names = names - {last for full, last in vocab.people.items() if f" {full} " in text}
    counts: dict[tuple[int, str], int] = defaultdict(int)
    first: dict[int, int] = {}
    decisive: set[int] = set()
    opening: set[tuple[int, str]] = set()
    words = [t.text.lower() for t in toks] + ["", ""]
    for i, tok in enumerate(toks):
        if not tok.text[:1].isalpha():
            continue
        pair, triple = f"{words[i]} {words[i + 1]}", f"{words[i]} {words[i + 1]} {words[i + 2]}"
        name = tok.text in names or tok.text.removesuffix("s") in names
        pieces = (*(() if name else _evidence(tok.text)), *vocab.stems.get(pair, ()),
                  *vocab.stems.get(triple, ()))
        strongest = _strongest(pieces) if len(pieces) > 1 else pieces
        decisive.update(_decided(strongest))
        for found in strongest:
            counts[found] += 1
            first.setdefault(found[0], i)
            if i < OPENING:
                opening.add(found)
    weight: dict[int, int] = defaultdict(int)
    for (topic, word), n in counts.items():
        n = min(n, 3 if vocab.weights[word] == DECISIVE else 2) + BONUS * ((topic, word) in opening)
        weight[topic] += vocab.weights[word] * n
    for topic, up in vocab.broader.items():  # narrowest first; a topic found by decisive evidence lends it
        found = topic in decisive and enough(vocab.topics[topic].name, weight[topic], "", first[topic])
        if found and weight[topic] > weight.get(up, 0):
            weight[up], first[up] = weight[topic], min(first[topic], first.get(up, first[topic]))
        decisive.update([up] if found else [])
    return {t: (weight[t], first[t]) for t in weight if t in decisive}


def _decided(found: list[tuple[int, str]] | tuple[tuple[int, str], ...]) -> set[int]:
    """The topic a word decides: its decisive evidence names one topic (or one and those above it), not
    several ('Flüchtling' alone decides no narrower topic of the refugee crisis)."""
    vocab = vocabulary()
    topics = {topic for topic, word in found if vocab.weights[word] == DECISIVE}
    above = {up for topic in topics for up in _above(topic, vocab.broader)}
    narrowest = topics - above
    return narrowest if len(narrowest) == 1 else set()


def _above(topic: int, broader: dict[int, int]) -> list[int]:
    """The topics above a topic, nearest first."""
    return [broader[topic], *_above(broader[topic], broader)] if topic in broader else []


@lru_cache(maxsize=1_000)
def above(topic: str) -> frozenset[str]:
    """The names of the topics a topic of the vocabulary is part of ('Champions League': Fußball)."""
    vocab = vocabulary()
    index = next((i for i, t in enumerate(vocab.topics) if t.name == topic), None)
    ups = _above(index, vocab.broader) if index is not None else []
    return frozenset(vocab.topics[u].name for u in ups)


def _strongest(found: tuple[tuple[int, str], ...]) -> list[tuple[int, str]]:
    """A word is one mention of each topic it bears evidence for, by its strongest (then longest) evidence."""
    weights = vocabulary().weights
    best: dict[int, str] = {}
    for topic, word in found:
        if topic not in best or (weights[word], len(word)) > (weights[best[topic]], len(best[topic])):
            best[topic] = word
    return list(best.items())


def enough(topic: str, weight: int, section: str, first: int = 0) -> bool:
    """The text's evidence is enough for the vocabulary's topic (by its name in the vocabulary, whatever the
    registry calls it), given the article's Ressort ('' when unknown)."""
    wanted = next((t.sections for t in vocabulary().topics if t.name == topic), frozenset())
    outside = bool(section and wanted and section.casefold() not in wanted)
    return weight >= ENOUGH * (OUTSIDE if outside else 1) * (LATE if first >= OPENING else 1)


@lru_cache(maxsize=1)
def competitions() -> dict[str, str]:
    """Topic -> 'league' or 'cup', for a sport's competitions (data/topic_competitions.tsv)."""
    lines = (DATA / "topic_competitions.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line.strip() and not line.startswith("#"))

