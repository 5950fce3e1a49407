"""Words that may be topic tags: noun lemmas checked against HanTa's lexicon, and the nouns that never are."""
from __future__ import annotations

from functools import lru_cache

from . import lexicon

# Plurals whose sense differs from HanTa's singular ("Daten" are not dates), and common short forms.
AS_WRITTEN = frozenset({"Daten", "Medien", "Eltern", "Leute", "Kosten", "Ferien", "Finanzen", "Wahlen", "Spiele",
                        "Olympische", "Grünen", "Neos"})


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Nouns that are never a tag (data/topic_stop.txt)."""
    return lexicon._words("topic_stop.txt")


@lru_cache(maxsize=1)
def stop_endings() -> tuple[str, ...]:
    """Endings of nouns that are never a tag (data/topic_endings.txt), longest first."""
    return tuple(sorted(lexicon._words("topic_endings.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Variant -> the one tag (data/topic_synonyms.tsv)."""
    lines = (lexicon.DATA / "topic_synonyms.tsv").read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=200_000)
def _analysis(word: str) -> tuple[str, str]:
    """HanTa's (lemma, tag) of the word out of context."""
    try:
        lem, tag = lexicon._hanta().analyze(word)
    except Exception:  # noqa: BLE001 - HanTa fails on odd characters
        return word, "UNK"
    return str(lem), str(tag)


@lru_cache(maxsize=200_000)
def noun_lemma(word: str) -> str | None:
    """The tag form of a common noun ('Verhandlungen' -> 'Verhandlung'). HanTa's lemma counts only when it passes
    the dictionary test; else the word stays as written ('Balkanroute', never 'Balkanrout'). None for anything but
    a common noun."""
    if len(word) < 4 or not word[:1].isupper() or not word.replace("-", "").isalpha() or word.isupper():
        return None
    if "-" in word:
        head, _, tail = word.rpartition("-")
        tail_lemma = noun_lemma(tail) if len(head) >= 2 and head.replace("-", "").isalpha() else None
        return f"{head}-{tail_lemma}" if tail_lemma else None
    if lexicon.pos(word)[0] != "NN":
        return None
    lem, tag = _analysis(word)
    if tag != "NN":
        return None
    lem = lem[:1].upper() + lem[1:]
    if word in AS_WRITTEN or lem == word or not word.startswith(lem[:3]):
        return word
    return lem if dictionary_form(lem) else word


@lru_cache(maxsize=1)
def attested() -> frozenset[str]:
    """Nouns (lower case) known to occur in German text: the nouns of HanTa's lexicon of frequent words and
    data/noun_forms.txt (GermEval 2014, built by tools/tags/build_noun_forms.py)."""
    hanta = lexicon._hanta()
    noun = hanta.tag2int["NN"]
    frequent = (w for w, tags in hanta.cache.items() if w.isalpha() and tags and tags[0][0] == noun)
    return frozenset(frequent) | frozenset(w.lower() for w in lexicon._lines("noun_forms.txt"))


@lru_cache(maxsize=200_000)
def dictionary_form(lemma: str) -> bool:
    """The dictionary test: the lemma, or its last part (four letters or more after three or more), is a known noun
    ('Auffangzentrum', 'Balkanroute'; never 'Auffangzentr', 'Balkanrout', 'Smartphon')."""
    low, words = lemma.lower(), attested()
    return low in words or any(low[i:] in words for i in range(3, len(low) - 3))


@lru_cache(maxsize=200_000)
def never_a_tag(lemma: str) -> bool:
    """Time words, quantities, generic people and speech, nationalities, organisations, places."""
    low = lemma.lower()
    if lemma in stop_words() or lemma in lexicon.orgs() or lemma in lexicon.places() or lemma in lexicon.countries():
        return True
    tail = low.rpartition("-")[2]
    if "-" in lemma and lemma.rpartition("-")[2] in stop_words():
        return True
    if any(tail.endswith(end) and len(low) > len(end) for end in stop_endings()):
        return True
    return inhabitant(lemma)


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    """Lower-case country, region and place names for the inhabitant rule."""
    return frozenset(n.lower() for n in lexicon.places() | lexicon.countries())


IRREGULAR_INHABITANTS = frozenset("""Deutsche Deutscher Russe Türke Pole Grieche Franzose Brite Ungar Kroate Serbe
Schwede Däne Finne Chinese Afghane Tschetschene Kurde Slowake Slowene Bulgare Rumäne Tscheche Jude Araber Palästinenser
Israeli Amerikaner Europäer Asiate Afrikaner Bosnier Albaner Kosovare Mazedonier Montenegriner Ukrainer Weißrusse Georgier
Armenier Aserbaidschaner Iraker Iraner Syrer Libyer Ägypter Tunesier Marokkaner Algerier Nigerianer Somalier Eritreer
Pakistaner Inder Japaner Koreaner Vietnamese Mexikaner Brasilianer Argentinier Kanadier Australier Schotte Ire Waliser
Engländer Niederländer Holländer Belgier Luxemburger Schweizer Österreicher Italiener Spanier Portugiese Norweger Isländer
Este Lette Litauer Moldauer Zypriot Malteser Sudanese Kongolese Äthiopier Kenianer Ghanaer Senegalese Kubaner Venezolaner
Kolumbianer Peruaner Chilene Jemenit Saudi Katarer Libanese Jordanier Afghanin Flame Wallone Bayer Sachse Schwabe Tiroler
Vorarlberger Kärntner Steirer Burgenländer Niederösterreicher Oberösterreicher Salzburger Wiener Grazer Linzer""".split())


def inhabitant(lemma: str) -> bool:
    """'Spanier', 'Burgenländer', 'Wienerin': a nationality or an inhabitant of a known place."""
    word = lemma.removesuffix("innen").removesuffix("in") if lemma.endswith(("in", "innen")) else lemma
    if {word, lemma, lemma.removesuffix("n"), lemma.removesuffix("en")} & IRREGULAR_INHABITANTS:
        return True
    if not word.endswith("er") or len(word) < 5:
        return False
    base = word[:-2].lower()
    plain = base.replace("ä", "a").replace("ö", "o").replace("ü", "u")
    keys = _place_keys()
    return any(b + s in keys for b in {base, plain} for s in ("", "en", "ien", "land", "a", "e", "n"))
