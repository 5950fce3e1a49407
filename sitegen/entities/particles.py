"""A person's name the tagger cut at a nobiliary particle, joined again: 'Danny' + 'da Costa', 'Walther' +
'von der Vogelweide'."""
from __future__ import annotations

from . import lexicon, rules
from .trimming import surname_like

RUNS = (("von", "der"), ("van", "der"), ("van", "den"), ("de", "la"), ("von",), ("van",), ("de",), ("da",),
        ("di",), ("dos",), ("del",), ("du",))  # longest first


def join(words: list[str], tags: list[str]) -> list[str]:
    """Tags (in place) with a person's span ending on a given name, or a one-word person before two particles,
    joined with the particles and the capitalised surname after them ('Danny da Costa'; not 'Peter von
    Siemens', 'Schulz von der SPD', 'Müller von Birdlife')."""
    for a, b, cls in list(rules.spans(tags)):
        given = words[b - 1] in lexicon.first_names()
        if cls != "PER" or not given and b - a > 1:
            continue
        for run in RUNS if given else RUNS[:4]:
            end = b + len(run)
            if end < len(words) and tuple(words[b:end]) == run and set(tags[b:end]) == {"O"} \
                    and tags[end] in ("O", "B-PER") and words[end][:1].isupper() and surname_like(words[end]):
                stop = end + 1
                while stop < len(tags) and tags[stop] == "I-PER":
                    stop += 1
                tags[a:stop] = ["B-PER"] + ["I-PER"] * (stop - a - 1)
                break
    return tags
