"""A place's span in a sentence's tags: one over 'im', 'an der' ('St. Johann im Pongau'), cut at 'Ecke', a
region or country glued to the word after it split off, a place opening another kind's name none."""
from __future__ import annotations

from . import cues, lexicon
from .nameforms import street
from .normalize import place_adjective
from .rules import spans
from .tails import PLACE_HEADS_EN
from .words import common_noun

CONNECTORS = ("im", "am", "bei", "ob")  # 'St. Georgen im Attergau'; 'bei' only in GeoNames' names
PART_ENDS = ("gau", "kreis")  # a region's part after 'im': 'St. Johann im Pongau', 'Ried im Innkreis'
SEAS = ("see", "meer", "land")  # no river after 'an der': 'Heiligendamm an der Ostsee'
STREET_ENDS = ("gasse", "straße", "strasse", "weg", "platz", "allee", "ring", "kai", "zeile")
LOCAL_BEFORE = frozenset(("in", "nach", "aus"))  # before an untagged town of data/places_local.txt


def repair(words: list[str], tags: list[str]) -> list[str]:
    """The place repairs of this module, in place; the tags returned."""
    _corners(words, tags)
    _glued_lands(words, tags)
    _connected(words, tags)
    _opened_names(words, tags)
    _english_heads(words, tags)
    _listed_towns(words, tags)
    _placed_people(words, tags)
    _local_towns(words, tags)
    _glued_phrases(words, tags)
    return tags


def _glued_phrases(words: list[str], tags: list[str]) -> None:
    """A span glued to a phrase ending in a place's noun keeps only the name after the noun, as a place:
    'Metropole gelegene Ortschaft Tal Rifaat' -> 'Tal Rifaat'."""
    for a, b, _ in list(spans(tags)):
        k = next((k for k in range(b - 2, a, -1) if cues.place_noun(words[k], tuple(words[:k]))), 0)
        if k and any(w[:1].islower() for w in words[a:k]) and all(w[:1].isupper() for w in words[k + 1:b]):
            tags[a:b] = ["O"] * (k + 1 - a) + ["B-LOC"] + ["I-LOC"] * (b - k - 2)


def _placed_people(words: list[str], tags: list[str]) -> None:
    """A name taken for a person of two or more words after 'in', 'nach' or 'aus' that ends on a town of the
    gazetteers no annotated name has as a person's is a place: 'in Maria Gugging' (not 'in Maria Fekter')."""
    for a, b, cls in list(spans(tags)):
        last = words[b - 1]
        if cls == "PER" and b - a > 1 and a and words[a - 1] in LOCAL_BEFORE and lexicon.town(last) \
                and "PER" not in lexicon.known().get(last, ""):
            tags[a:b] = ["B-LOC"] + ["I-LOC"] * (b - a - 1)


def _listed_towns(words: list[str], tags: list[str]) -> None:
    """A word the tagger left untagged or took for a person or place that goes on over 'an der', 'am', 'im'
    to a town of the gazetteers is that town: 'Bruck' + 'an der Leitha', 'Neumarkt am Wallersee'."""
    for a in range(len(words) - 2):
        if tags[a] not in ("O", "B-PER", "B-LOC") or words[a + 1] not in (*CONNECTORS, "an"):
            continue
        e = next((e for e in range(min(a + 5, len(words)), a + 2, -1) if " ".join(words[a:e])
                  in lexicon.local_places() or " ".join(words[a:e]) in lexicon.multiword_places()), 0)
        if e:
            tags[a:e] = ["B-LOC"] + ["I-LOC"] * (e - a - 1)
            if e < len(tags) and tags[e].startswith("I-"):
                tags[e] = "B-" + tags[e][2:]


def _local_towns(words: list[str], tags: list[str]) -> None:
    """An untagged town of data/places_local.txt after 'in', 'nach', 'aus' or a place's noun is a place ('in
    Eisenstadt', 'in den Bezirk Tulln'), so is a town that is also a word and a word no dictionary knows after
    a place's noun ('am Grenzübergang Spielfeld', 'die Stadt Dogubayazit'); not before a capitalised word."""
    for i in range(1, len(words)):
        if tags[i] != "O" or i + 1 < len(words) and words[i + 1][:1].isupper():
            continue
        noun = cues.place_noun(words[i - 1], tuple(words[:i - 1])) and common_noun(words[i - 1])
        if (words[i - 1] in LOCAL_BEFORE or noun) and words[i] in lexicon.local_places() \
                or noun and (words[i] in lexicon.wordlike_towns() or _unknown_word(words[i])):
            tags[i] = "B-LOC"


def _unknown_word(word: str) -> bool:
    """A capitalised word of letters that neither the dictionary nor a list of given names knows."""
    unknown = not lexicon.pos(word)[1] and word not in lexicon.first_names()
    return word[:1].isupper() and word.isalpha() and unknown


def _land(word: str) -> bool:
    return word in lexicon.regions() or word in lexicon.countries()


def _connected(words: list[str], tags: list[str]) -> None:
    """A place, 'im', 'am', 'bei', 'ob', and a second place no list knows as a town or region, or a Gau, are
    one, so is one with 'an der' and a river: 'St. Johann im Pongau', 'Spittal an der Drau' (not 'Zwettl im
    Waldviertel')."""
    for a, b, cls in reversed(list(spans(tags))):
        gap = 1 if words[b:b + 1] and words[b] in CONNECTORS else 2 if words[b:b + 2] == ["an", "der"] else 0
        k = b + gap
        if cls != "LOC" or not gap or k >= len(words) or tags[k] != "B-LOC" or _land(" ".join(words[a:b])):
            continue
        e = next((i for i in range(k + 1, len(words)) if tags[i] != "I-LOC"), len(words))
        whole, second = " ".join(words[a:e]), " ".join(words[k:e])
        known = second in lexicon.places() or _land(second) or second in lexicon.multiword_places()
        river = gap == 2 and not second.endswith(SEAS) and second not in lexicon.countries()
        part = second.endswith(PART_ENDS) and second not in lexicon.countries()  # 'Pongau', 'Innkreis'
        near = words[b] == "bei"  # 'Neufahrn bei Freising' (not 'Kaindorf bei Hartberg')
        if whole.replace("St. ", "Sankt ") in lexicon.multiword_places() or e - k == 1 and not near \
                and (river or part or not known):
            tags[b:e] = ["I-LOC"] * (e - b)


def _corners(words: list[str], tags: list[str]) -> None:
    """Two streets joined by 'Ecke' are two places: 'Herrengasse Ecke Stempfergasse'."""
    for a, b, cls in list(spans(tags)):
        for i in range(a + 1, b - 1):
            if words[i] == "Ecke":
                streets = any(w.lower().endswith(STREET_ENDS) for w in words[a:b])
                kind = "LOC" if streets else cls
                tags[a:b] = [f"B-{kind}"] + [f"I-{kind}"] * (i - a - 1) + ["O", f"B-{kind}"] \
                    + [f"I-{kind}"] * (b - i - 2)


def _glued_lands(words: list[str], tags: list[str]) -> None:
    """A place's span that opens with a region or country glued to the word after it: a region's district in
    a list is a place of its own ('Steiermark Murau', 'im Burgenland Rust'), a country's next word is none
    unless a town ('in Marokko Kovalik besiegt', 'im Irak Senfgas')."""
    for a, b, cls in list(spans(tags)):
        whole = " ".join(words[a:b])
        if cls != "LOC" or b - a < 2 or not _land(words[a]) or whole in lexicon.multiword_places() \
                or not words[a + 1][:1].isupper() or "-" in words[a + 1] or _land(whole) or street(whole):
            continue
        rest = " ".join(words[a + 1:b])
        town = rest in lexicon.places() or rest in lexicon.multiword_places()
        district = words[a] in lexicon.regions() and not common_noun(words[a + 1], guessed=True) \
            and lexicon.pos(words[a + 1]) != ("NN", True)
        if words[a] in lexicon.regions() and not district:
            continue  # a region's own name: 'Neusiedler See'
        tags[a + 1:b] = ["B-LOC"] + ["I-LOC"] * (b - a - 2) if town or district else ["O"] * (b - a - 1)


def _opened_names(words: list[str], tags: list[str]) -> None:
    """A one-word place opening untagged words that end in an event's or product's word is part of that name,
    none of its own: 'Tokyo Motor Show', 'Tennessee Whiskey'; so is a town after a festival's compound:
    'Ruhrfestspiele Recklinghausen'."""
    ends = set(lexicon.event_words().get("words", ())) | lexicon.product_words()
    fests = tuple(lexicon.event_words().get("towns", ()))
    for a, b, cls in list(spans(tags)):
        if cls != "LOC" or b - a != 1:
            continue
        stop = min(b + 3, len(words))
        tail = next((i for i in range(b, stop) if tags[i] != "O" or not words[i][:1].isupper()), stop)
        free = a == 0 or lexicon.pos(words[a - 1].lower())[0] not in ("APPR", "APPRART")  # 'in Ried Rennen'
        opened = tail > b and words[tail - 1] in ends - cues.CLAUSE_NOUNS and free
        festival = a > 0 and tags[a - 1] == "O" and fests and words[a - 1].lower().endswith(fests)
        if opened or festival:
            tags[a] = "O"


def _english_heads(words: list[str], tags: list[str]) -> None:
    """An untagged English head of a place's name after a place is part of it: 'Lake Eyre' + 'Basin'."""
    for a, b, cls in list(spans(tags)):
        if cls == "LOC" and b < len(words) and tags[b] == "O" and words[b] in PLACE_HEADS_EN \
                and " ".join(words[a:b]) not in lexicon.countries():
            tags[b] = "I-LOC"


def noun_use(m, toks: tuple[str, ...]) -> bool:
    """A place's name used as a common word: a nominalised verb after 'beim', 'zum', 'vom' ('beim Kauen'), an
    unknown place's adjective before a common noun, a species or a product ('Krainer Greiskraut')."""
    if m.cls != "LOC" or toks[0] in lexicon.countries() or toks[0] in lexicon.regions():
        return False
    before = m.before[-1].lower() if m.before else ""
    if len(toks) == 1:
        return before in ("beim", "zum", "vom") and toks[0][1:].islower() \
            and lexicon.pos(toks[0].lower())[0] == "VV(INF)"
    return len(toks) == 2 and toks[0].endswith("er") and not place_adjective(toks[0]) \
        and toks[0] not in lexicon.places() and common_noun(toks[1], guessed=True) \
        and not toks[1].lower().endswith(lexicon.place_endings())
