"""Organisation-typed spans that name no organisation: a work after its kind's noun inside the span."""
from __future__ import annotations

from . import lexicon, rules
from .mentions import Mention


def work_opener(m: Mention) -> bool:
    """The span holds a noun for a work and goes on with its name: 'der Blog Fortress Europe', 'von der EP
    Gretzn', 'im Android Media Framework Stagefright'; not a given name ('Roman Kienast') nor before an
    organisation's word ('National Film Board of Canada')."""
    toks = m.tokens
    at = next((i for i, t in enumerate(toks[:-1]) if t in lexicon.work_cues() and toks[i + 1][:1].isupper()
               and t not in lexicon.first_names()), None)
    rest = {t.lower() for t in toks[at or 0:]}
    return m.cls != "PER" and at is not None and not rest & lexicon.org_words() \
        and not set(toks) & set(rules.LEGAL_FORMS)
