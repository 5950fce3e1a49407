"""Words that may be topic tags: noun lemmas checked against HanTa's lexicon, and the nouns that never are."""
from __future__ import annotations

from functools import lru_cache

from . import lexicon
from .hanta import tagger

# Plurals whose sense differs from HanTa's singular ("Daten" are not dates), and common short forms.
AS_WRITTEN = frozenset({"Daten", "Medien", "Eltern", "Leute", "Kosten", "Ferien", "Finanzen", "Wahlen",
                        "Spiele"})


def _data_words(name: str) -> list[str]:
    """The words of a shipped list (data/NAME), comment lines left out."""
    lines = (lexicon.DATA / name).read_text(encoding="utf-8").splitlines()
    return [w for line in lines if not line.startswith("#") for w in line.split()]


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Nouns that are never a tag (data/topic_stop.txt)."""
    return frozenset(_data_words("topic_stop.txt"))


@lru_cache(maxsize=1)
def stop_endings() -> tuple[str, ...]:
    """Endings of nouns that are never a tag (data/topic_endings.txt), longest first."""
    return tuple(sorted(set(_data_words("topic_endings.txt")), key=len, reverse=True))


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Variant -> the one tag (data/topic_synonyms.tsv)."""
    lines = (lexicon.DATA / "topic_synonyms.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=200_000)
def noun_lemma(word: str) -> str | None:
    """The tag form of a common noun ('Regenwälder' -> 'Regenwald', 'Beschluß' -> 'Beschluss', 'Balkanroute'
    as written), as `_lemma` finds it; None for anything but a common noun."""
    if len(word) < 4 or not word[:1].isupper() or not word.replace("-", "").isalpha() or word.isupper():
        return None
    if "-" in word:
        head, _, tail = word.rpartition("-")
        tail_lemma = noun_lemma(tail) if len(head) >= 2 and head.replace("-", "").isalpha() else None
        return f"{head}-{tail_lemma}" if tail_lemma else None
    if lexicon.pos(word)[0] != "NN":
        return None
    return _modern(word if word in AS_WRITTEN else _lemma(word))


def _lemma(word: str) -> str:
    """HanTa's lemma when checked; else the lemma of the compound's longest known last part; else as is."""
    lem = lexicon.lemma(word)
    lem = lem[:1].upper() + lem[1:]
    plural = word.lower() in attested() and word.endswith(("en", "n", "er"))  # 'Sanktionen', not 'Smartphone'
    if lem != word and regular(word, lem) and (dictionary_form(lem) or plural):
        return lem
    return word if word.lower() in attested() else _by_part(word) or word


def _by_part(word: str) -> str | None:
    """'Fitnessbänder' -> 'Fitnessband': the compound with the lemma of its longest attested last part."""
    for i in range(3, len(word) - 3):
        tail = word[i:].capitalize()
        if tail.lower() in attested():
            lem = lexicon.lemma(tail)
            return word[:i] + lem.lower() if regular(tail, lem) else word
    return None


ENDINGS = ("", "e", "en", "n", "s", "es", "ns", "nen")


def regular(word: str, lemma: str) -> bool:
    """The word is a regular form of the lemma ('Wälder' of 'Wald', 'Zentren' of 'Zentrum'; not 'Schlager'
    of 'Schlag': an -er plural takes the umlaut where it can)."""
    low, lem = word.lower(), lemma.lower()
    umlaut = _umlaut(lem)
    stems = {lem, umlaut} | {lem[: -len(end)] for end in ("um", "us", "on", "a") if lem.endswith(end)}
    return any(low == stem + end for stem in stems for end in ENDINGS)\
        or low in (umlaut + "er", umlaut + "ern")


def _umlaut(word: str) -> str:
    """The word with its last a, o, u or au umlauted ('wald' -> 'wäld', 'baum' -> 'bäum')."""
    i = max(word.rfind(v) for v in "aou")
    if i < 0:
        return word
    if word[i] == "u" and word[i - 1: i] == "a":
        i -= 1
    return word[:i] + {"a": "ä", "o": "ö", "u": "ü"}[word[i]] + word[i + 1:]


def _modern(word: str) -> str:
    """'Beschluß' -> 'Beschluss': the spelling of 1996 for an ß after a short vowel, known by its inflected
    forms ('Grüße' keeps 'Gruß') and the ss form being a known word."""
    at = word.rfind("ß")
    if at < 0 or word[at + 1: at + 2] in tuple("aeiouäöü"):
        return word
    stem = word[: at + 1].lower()
    modern = word.replace("ß", "ss")
    parts = [stem[i:] for i in range(max(len(stem) - 3, 1))]  # 'Freistoß': 'stoß' keeps it ('Stöße')
    if any(form in attested() for p in parts for form in (p + "e", p + "es", _umlaut(p) + "e", p + "en")):
        return word
    return modern if dictionary_form(modern) else word


@lru_cache(maxsize=1)
def attested() -> frozenset[str]:
    """Nouns (lower case) known to occur in German text: the nouns of HanTa's lexicon of frequent words and
    data/noun_forms.txt (GermEval 2014, built by tools/tags/build_noun_forms.py)."""
    hanta = tagger()  # its preloaded table of frequent word forms and their tags is the lexicon
    noun = hanta.tag2int["NN"]
    frequent = (w for w, tags in hanta.cache.items() if w.isalpha() and tags and tags[0][0] == noun)
    return frozenset(frequent) | frozenset(w.lower() for w in _data_words("noun_forms.txt"))


@lru_cache(maxsize=200_000)
def dictionary_form(lemma: str) -> bool:
    """The dictionary test: the lemma, or its last part (4+ letters after 3+), is a known noun
    ('Auffangzentrum', 'Balkanroute'; never 'Auffangzentr', 'Balkanrout', 'Smartphon')."""
    low, words = lemma.lower(), attested()
    return low in words or any(low[i:] in words for i in range(3, len(low) - 3))


def compound(word: str) -> bool:
    """'Flüchtlingskrise', 'EU-Gipfel': a hyphenated word, or one whose last part (4+ letters after 3+) is
    a known noun."""
    low = word.lower()
    return "-" in word or " " in word or any(low[i:] in attested() for i in range(3, len(low) - 3))


@lru_cache(maxsize=200_000)
def never_a_tag(lemma: str) -> bool:
    """Time words, quantities, generic people and speech, nationalities, organisations, places."""
    low = lemma.lower()
    if _singulars(lemma) & stop_words() or lemma in lexicon.orgs():
        return True
    if lemma in lexicon.places() or lemma in lexicon.countries() or lemma in _country_words():
        return True
    if "-" in lemma and lemma.rpartition("-")[2] in stop_words():
        return True
    tails = {form.lower() for form in _singulars(low.rpartition("-")[2])}
    ends = stop_endings()
    if any(tail.endswith(end) and len(low) > len(end)
           for tail in tails if tail.endswith(ends) for end in ends):
        return True
    if low.endswith(_roles()):
        return True
    return inhabitant(lemma)


@lru_cache(maxsize=1)
def _roles() -> tuple[str, ...]:
    """Words that stand before a person's name (data/cues.txt: 'Professor', 'Generalsekretär'), 5+ letters."""
    return tuple(w for w in lexicon.cues() if len(w) >= 5 and w.isalpha())


def _singulars(word: str) -> set[str]:
    """The word and its possible singulars ('Gründe' -> 'Grund', 'Sätze' -> 'Satz'), for the stop list."""
    stems = {word} | {word[: -len(end)] for end in ("e", "en", "n", "er", "s") if word.endswith(end)}
    plain = str.maketrans("äöü", "aou")
    return stems | {s.translate(plain) for s in stems}


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """The words of country names of more than one word ('Republik Moldau', 'Vereinigtes Königreich')."""
    from babel import Locale

    return frozenset(w for n in Locale("de").territories.values() if " " in n for w in n.split())


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    """Lower-case country, region and place names for the inhabitant rule."""
    return frozenset(n.lower() for n in lexicon.places() | lexicon.countries())




def inhabitant(lemma: str) -> bool:
    """'Burgenländer', 'Wienerin', 'Südafrikaner': an inhabitant of a known place (irregular ones are in
    topic_stop.txt)."""
    word = lemma.removesuffix("innen").removesuffix("in") if lemma.endswith(("in", "innen")) else lemma
    if not word.endswith("er") or len(word) < 5:
        return False
    base = word[:-2].lower()
    plain = base.replace("ä", "a").replace("ö", "o").replace("ü", "u")
    bases = {base, plain, base.removesuffix("n")}
    keys = _place_keys()
    return any(b + s in keys for b in bases for s in ("", "en", "ien", "land", "a", "e", "n"))
