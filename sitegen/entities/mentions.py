"""From article text to typed mentions: metadata blanked out, sentences tagged, spans collected."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from . import appositions, innernames, institutions, lexicon, particles, placespans, rules, sports, tagger
from . import tokentags, untagged
from .mention import QUOTES, Mention
from .normalize import key, place_adjective, word_key
from .registry import Registry
from .tokentags import AGENCIES
from .tokenize import EXPANDED, sentences
from .trimming import trim
from .words import common_noun

AGENCY_TAG = re.compile(
    rf"\(\s*{AGENCIES}(?:\s*[/,]\s*(?:{AGENCIES}|[A-Za-z]{{2,5}}))*(?:\s*[,;]\s*[\d.\s/–-]*)?\s*\)")
_WORD = r"(?:St\.\s?)?[A-ZÄÖÜÀ-ÖØ-ÞĀ-Ž][\w'-]*"  # also 'Šentilj'
_PLACE = rf"{_WORD}(?:\s(?:am|im|an der|bei|de|del|do|ob|upon)\s{_WORD})?"
DATELINE = re.compile(
    rf"(?:^|(?<=[.!?«\"]\s)|(?<=\n))((?:{_PLACE})(?:(?:\s?/\s?|\s)(?:{_PLACE})){{0,3}})\s+[–—-]\s+(?=[A-ZÄÖÜ»„\"])")
CAPTION_PLACE = re.compile(r"\(([A-ZÄÖÜ][\w-]+), \d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?\)")


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
                if len(words) == 2 and (words[0] in lexicon.regions() or words[0] in lexicon.countries()) \
                        and place.strip() not in lexicon.multiword_places():  # 'Iowa City / Wien –'
                    places.append(Mention(tuple(words[:1]), "LOC", 0.99, offset + lead, words[0],
                                          dateline=True))
                    lead, words = lead + len(words[0]) + 1, words[1:]  # 'Niederösterreich Zwettl – '
                if words and _place_like(words):
                    places.append(Mention(tuple(words), "LOC", 0.99, offset + lead, " ".join(words),
                                          dateline=True))
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


def _phrases(words, tags, table):
    """Known multi-word names of a sentence that cut no tagged span (they may hold one: 'Team Stronach'
    over a tagged 'Stronach'): (start, end, name, class)."""
    firsts = {k.split(" ", 1)[0] for k in table}
    lengths = sorted({n for _, _, n in table.values()}, reverse=True)
    i = 0
    while i < len(words):
        if words[i][:1].isupper() and (not tags[i].startswith("I-") or _noun_lead(words, tags, i)) \
                and word_key(words[i]) in firsts:
            for n in lengths:
                hit = table.get(key(words[i:i + n])) if i + n <= len(words) else None
                if hit and not _goes_on(words, tags, i + n):
                    yield i, i + n, hit[0], hit[1]
                    i += n - 1
                    break
        i += 1


def _goes_on(words: list[str], tags: list[str], i: int) -> bool:
    """Whether a tagged span goes on into word i with a word (not with a score: 'Kapfenberger SV' + '4:2')."""
    return i < len(words) and tags[i].startswith("I-") and not words[i][:1].isdigit()


def _span_start(tags: list[str], i: int) -> int:
    """Where the tagged span holding word i starts."""
    while i > 0 and tags[i].startswith("I-"):
        i -= 1
    return i


def _noun_lead(words: list[str], tags: list[str], i: int) -> bool:
    """Word i goes on a tagged span of common nouns (and a place's adjective) only: 'Zeitung' of 'Zeitung
    Welt' + 'am Sonntag', 'Pariser Blatt' + 'Le Canard enchaîné'."""
    return all(w[1:].islower() and (lexicon.pos(w) == ("NN", True) or place_adjective(w))
               for w in words[_span_start(tags, i):i])


def bio(words: list[str]) -> list[str]:
    """BIO tags of one tokenised sentence: the tagger's, plus shipped multi-word names it missed; an
    abbreviated adjective before a name is read written out ('Wr.' 'Neustadt' as 'Wiener Neustadt')."""
    words = [EXPANDED[w[:-1]] if w[:-1] in EXPANDED and w[-1] == "." and i + 1 < len(words)
             and words[i + 1][:1].isupper() else w for i, w in enumerate(words)]
    tags = particles.join(words, placespans.repair(words, rules.repair(words, tagger.tag(words))))
    for a, b, _, cls in _phrases(words, tags, _shipped()):
        lead = _span_start(tags, a)
        tags[lead:b] = ["O"] * (a - lead) + [f"B-{cls}"] + [f"I-{cls}"] * (b - a - 1)  # no 'Zeitung'
        while b < len(tags) and tags[b].startswith("I-"):  # a score the tagger took in: '4:2'
            tags[b], b = "O", b + 1
        if "in" in words[a + 1:b - 1]:  # GermEval's 'Evangelische Kirche' 'in' 'Deutschland', as it trains
            i = words.index("in", a + 1)
            tags[i:b] = ["O", "B-LOC"] + ["I-LOC"] * (b - i - 2)
    return tokentags.fixed(words, tags)


def _place_like(words: list[str]) -> bool:
    """Whether a dateline's words can name a place: no common noun or function word ('Gegen Slowaken')."""
    return not any(common_noun(w) or lexicon.pos(w.lower())[0] in ("APPR", "ART", "KON", "PPER")
                   for w in words if w[:1].isupper() and not lexicon.town(w))


def _caption_places(text: str) -> list[Mention]:
    """'(Sotschi, 7.12.2021)': the place of a photo caption."""
    found = CAPTION_PLACE.finditer(text)
    return [Mention((m.group(1),), "LOC", 0.9, m.start(1), dateline=True) for m in found]


def mentions(text: str, registry: Registry | None = None) -> list[Mention]:
    """Every PER, LOC and ORG mention in the text, in order."""
    table = phrase_table(registry or Registry())
    text, out = blank_metadata(text)
    towns: list[tuple[str, int]] = []
    out += _caption_places(text)
    out += [Mention(("STANDARD",), "ORG", 0.95, i, name) for i, name in rules.self_names(text)]
    out += [Mention(tuple(name.split()), "PER", 0.99, i, name, player=True)
            for i, name in sports.sports_people(text)]
    sport = sports.SPORT.search(text) is not None  # no club in a text without sport
    for sent in sentences(text):
        sent = _unquote(sent)
        if len(sent) == 2 and sent[1].text == "!":
            continue  # a one-word exclamation: 'Bam!'
        found, tags = _sentence_mentions(sent, table, sport)
        out += found
        towns += [(t.text.split("-")[0], t.start) for t, tag in zip(sent, tags)
                  if tag == "O" and "-" in t.text]
    named = {m.tokens[0] for m in out if m.tokens[1:] == () and m.cls == "LOC"}  # 'Wien-Besuch' counts
    # when the article names the place Wien on its own ('Zagreb-Spieler' after 'Dinamo Zagreb' does not)
    out += [Mention((town,), "LOC", 0.9, i) for town, i in towns
            if town in named and town in lexicon.places()]
    out = _without_next_teams(out)
    return sorted(_clubs(out) if sport else out, key=lambda m: m.start)


def _without_next_teams(out: list[Mention]) -> list[Mention]:
    """Without the tagger's names that run from a line-up's last player into the next team's name before its
    colon ('Ouedraogo' + 'Mattersburg:'); the player stays."""
    players = {m.start: len(m.tokens) for m in out if m.player}
    return [m for m in out if m.player or m.after != ":" or len(m.tokens) <= players.get(m.start, 99)]


def _sentence_mentions(sent, table, sport: bool) -> tuple[list[Mention], list[str]]:
    """One sentence's mentions (shipped phrases, result-line teams, listed names, the tagger's spans) and
    its tags after the sentence rules."""
    words = [t.text for t in sent]
    given, probs = tagger.tag_marginals(words)
    tags = particles.join(words, placespans.repair(words, rules.repair(words, list(given))))
    tags = untagged.compound_tags(words, institutions.tag(words, tags))
    tags = innernames.journals(words, innernames.expansions(words, tags))
    inner = innernames.institution_towns(words, tags) + innernames.state_bodies(words, tags)
    out = [Mention(tuple(words[a:b]), "ORG", 0.9, sent[a].start, name) for a, b, name in inner]
    phrases = list(_phrases(words, tags, table))
    known = {i for a, b, _, _ in phrases for i in range(a, b)}
    teams = [(a, b) for a, b in sports.result_spans(words) if known.isdisjoint(range(a, b))]
    phrases += [(a, b, " ".join(words[a:b]), "ORG") for a, b in teams]
    known |= {i for a, b in teams for i in range(a, b)}
    listed = _listed(sent, tags, known)
    out += [Mention(tuple(words[a:b]), cls, 0.99, sent[a].start, name) for a, b, name, cls in phrases]
    out += [Mention((sent[i].text,), "ORG", 0.9, sent[i].start, name, before=tuple(words[max(i - 2, 0):i]),
                    after=(words + [""])[i + 1]) for i, name in listed.items()]
    spans = [(a, b, cls) for a, b, cls in rules.spans(tags)  # not over a known name, nor a listed one
             if known.isdisjoint(range(a, b)) and (b - a > 1 or a not in listed)]
    out += _tagged(sent, spans, (given, probs, tags), sport)
    out += untagged.compound_parts(sent, tags) + untagged.media_names(sent, tags, known | set(listed))
    out += untagged.compass_places(sent, tags) + untagged.listed_places(sent, tags)
    out += untagged.plural_parties(sent, tags)
    out += untagged.named_bodies(sent, tags) + untagged.affiliations(sent, tags)
    out += untagged.role_people(sent, tags) + untagged.abbreviated_bodies(sent, tags)
    return out + untagged.cued_works(sent, tags), tags


def _tagged(sent, spans, tagging, sport: bool) -> list[Mention]:
    """The mentions of the tagger's spans of a sentence, trimmed, with their context and lowest confidence."""
    given, probs, tags = tagging
    words = [t.text for t in sent]
    sporty, out = sports.is_result(words), []
    for a0, b0, cls0 in spans:
        conf = min(p if t == g else 0.9 for p, t, g in zip(probs[a0:b0], tags[a0:b0], given[a0:b0]))
        for a, b, cls in appositions.split(words, *trim(words, a0, b0, cls0), start=a0):
            if a > 0 and words[a - 1] in ("#", "@") or sports.result_code(words, a, b) or a >= b \
                    or _unit(words, a, b):
                continue  # a hashtag or handle ('#Greece'), a country code in a result list, '512 GB'
            cls = sports.town_or_club(words, a, b, cls, sporty, sport)
            match = sport and a > 0 and words[a - 1] == "gegen" and lexicon.town(" ".join(words[a:b]))
            conf = max(conf, 0.9) if cls == "ORG" and match else conf  # 'beim 3:2 gegen Grödig'
            quoted = 0 < a and b < len(words) and words[a - 1] in QUOTES and words[b] in QUOTES
            after = words[b] if b < len(words) else ""
            out.append(Mention(tuple(words[a:b]), cls, conf, sent[a].start, initial=a == 0, quoted=quoted,
                               before=tuple(words[max(a - 2, 0):a]), after=after))
    return out


UNITS = frozenset("GB MB TB KB PS".split())  # units written like a place's or a body's code


def _unit(words: list[str], a: int, b: int) -> bool:
    """A unit after a figure: '512 GB', '90 PS'."""
    return b == a + 1 and a > 0 and words[a] in UNITS and re.fullmatch(r"\d[\d.,]*", words[a - 1]) is not None


def _clubs(out: list[Mention]) -> list[Mention]:
    """In a text with sport, a town that names its club once ('2:0 gegen Malmö') or in its club's full name
    ('Bayer Leverkusen') is the club wherever it is not the venue or the dateline (not 'in Malmö')."""
    clubs = {m.tokens[0] for m in out if m.cls == "ORG" and not m.name and m.tokens[1:] == ()
             and sports.club_town(list(m.tokens))}
    venues = {m.tokens[0] for m in out
              if m.dateline or m.before[-1:] and m.before[-1].lower() in sports.VENUES}
    held = sports.held_towns([m.tokens for m in out if m.cls == "ORG" and m.tokens[1:]]) - venues
    out = [replace(m, cls="ORG") if m.cls in ("LOC", "PER") and m.tokens[1:] == () and not m.name
           and ({m.tokens[0], m.tokens[0].removesuffix("s")} & clubs
                and m.before[-1:] not in (("in",), ("nach",), ("bei",)) or m.tokens[0] in held) else m
           for m in out]
    clubs |= held
    return sports.players_first(out, clubs)


def _listed(sent, tags, known: set[int]) -> dict[int, str]:
    """Where a one-word organisation of the alias list or a well-known company stands untagged or tagged alone
    ('die Neos', 'sagte Activision', 'des Europaparlamentes') outside a known name, but agency credits, the
    paper's own name and a word opening an unknown name ('Guardian Angels'): its position and listed form."""
    alone = [t == "O" or t[:2] == "B-" and not n.startswith("I-") for t, n in zip(tags, [*tags[1:], "O"])]
    found = {i: _listed_form(tok.text) for i, (tok, one) in enumerate(zip(sent, alone))
             if one and i not in known and not re.fullmatch(AGENCIES, tok.text) and tok.text != "STANDARD"}
    nxt = [t.text for t in sent[1:]] + [""]
    return {i: name for i, name in found.items() if name and not _name_word(nxt[i])}


def _name_word(word: str) -> bool:
    """A capitalised word of letters whose lemma is no noun of the training texts: 'Angels' of 'Guardian
    Angels' (not 'Versionen')."""
    return word[:1].isupper() and word.isalpha() and lexicon.lemma(word) not in lexicon.common_nouns()


def _listed_form(word: str) -> str:
    """The listed organisation the word is, in the nominative ('Europaparlamentes' -> 'Europaparlament')."""
    names = lexicon.listed_organisations()
    bases = (word, word[:-2] if word.endswith("es") else "", word[:-1] if word.endswith("s") else "")
    return next((b for b in bases if b in names), "")
