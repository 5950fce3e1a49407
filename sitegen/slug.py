"""German-aware URL slugs: Müller -> mueller, Straße -> strasse; safe as a folder name anywhere."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
MAX_LENGTH = 80


def slugify(text: str) -> str:
    """A lowercase ASCII slug of `text`; never empty, never a reserved device name, never '..'."""
    ascii_text = unicodedata.normalize("NFKD", text.lower().translate(_GERMAN))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii")
    slug = _NON_WORD.sub("-", ascii_text).strip("-")
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0] or slug[:MAX_LENGTH]
    if not slug:
        return "t-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return slug + "-1" if slug in _RESERVED else slug


def unique_slugs(names: list[str]) -> tuple[dict[str, str], list[list[str]]]:
    """Each name's slug (of names whose slugs collide, 'Müller', 'Mueller', all but the first numbered, in
    order), and the groups of names that collide."""
    by_slug: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_slug.setdefault(slugify(name), []).append(name)
    taken = set(by_slug)  # and each numbered slug, as it is given
    slugs = {name: free_slug(slug, taken) if i else slug
             for slug, group in sorted(by_slug.items()) for i, name in enumerate(group)}
    return slugs, [group for group in by_slug.values() if len(group) > 1]


def free_slug(stem: str, taken: set[str]) -> str:
    """`stem`, else the first of `stem-2`, `stem-3`, ... that is not `taken`; taken from now on."""
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    taken.add(candidate)
    return candidate
