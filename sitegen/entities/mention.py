"""A mention: the words of one name in an article, its type, confidence and the words around it."""
from __future__ import annotations

from dataclasses import dataclass

QUOTES = frozenset("»«„“”\"‚‘’'")


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
    dateline: bool = False  # the place a report or a photo comes from ('Wien – ', '(Sotschi, 7.12.2021)')
    player: bool = False  # a name a line-up or scorer list gives ('Schmitz, Miranda, Hinteregger')
    cue: bool = False  # weighs nothing, only its cue counts: a name after a kind's noun (untagged.cued_works)


Surfaces = list[tuple[Mention, tuple[str, ...]]]  # mentions with the words of the name each stands for
