"""A person's name the tagger cut at a nobiliary particle or an Arabic name's `bin`, joined again: 'Danny' +
'da Costa', 'Walther' + 'von der Vogelweide', 'Osama' + 'bin Laden'."""
from __future__ import annotations

from . import lexicon, rules
from .words import surname_like

RUNS = (("von", "der"), ("van", "der"), ("van", "den"), ("de", "la"), ("von",), ("van",), ("de",), ("da",),
        ("di",), ("dos",), ("del",), ("du",))  # longest first
LINEAGE = ("bin", "ibn", "bint")  # 'son/daughter of' in Arabic names: a name always follows


def join(words: list[str], tags: list[str]) -> list[str]:
    """Tags (in place) with a person's span ending on a given name, or a one-word person before two particles,
    joined with the particles and the capitalised surname after them ('Danny da Costa'; not 'Peter von
    Siemens', 'Schulz von der SPD', 'Müller von Birdlife'); a person before `bin` and a capitalised word goes
    on over them ('Osama bin Laden')."""
    for a, b, cls in list(rules.spans(tags)):
        if a > 0 and tags[a] == tags[a - 1] == "I-PER":  # joined into the person before it
            continue
        if cls == "PER" and b + 1 < len(words) and words[b] in LINEAGE and tags[b] == "O" \
                and tags[b + 1] in ("O", "B-PER") and words[b + 1][:1].isupper():
            _join_to(tags, a, b + 2)  # 'Osama' + 'bin Laden', 'Ahmed' + 'bin' + 'Mohammed al-Mansuri'
            continue
        given = words[b - 1] in lexicon.first_names()
        if cls != "PER" or not given and b - a > 1:
            continue
        for run in RUNS if given else RUNS[:4]:
            end = b + len(run)
            if end < len(words) and tuple(words[b:end]) == run and set(tags[b:end]) == {"O"} \
                    and tags[end] in ("O", "B-PER") and words[end][:1].isupper() and surname_like(words[end]):
                _join_to(tags, a, end + 1)
                break
    return tags


def _join_to(tags: list[str], a: int, end: int) -> None:
    """One person from `a` to `end` and on over the person's words after it (in place)."""
    while end < len(tags) and tags[end] == "I-PER":
        end += 1
    tags[a:end] = ["B-PER"] + ["I-PER"] * (end - a - 1)
