"""One article's mentions to its distinct canonical entities: genitives, surnames, registry, confidence."""
from __future__ import annotations

from dataclasses import dataclass, replace

from . import cues, descriptions, extents, genitives, glue, lexicon, notorgs, placespans, rules, surnames
from .mention import Mention
from .normalize import ARTICLES, abbreviates, folded, key, listed_party_form, nominative
from .keep import MIN_MULTI, common_noun_name, in_gazetteer, kept_type
from .registry import Registry
from .words import common_noun, role_noun


@dataclass(frozen=True)
class Found:
    name: str
    cls: str
    first: int  # character offset of the first mention


def _open(m: Mention) -> bool:
    """The mention may be a piece of a longer name: a capitalised word follows it, or a name's word stands
    before the noun before it ('Neo Magazin Royal')."""
    head = m.before[-2] if len(m.before) > 1 else ""
    return m.after[:1].isupper() or head[:1].isupper() and lexicon.pos(head)[0] in ("NN", "NE")


def _in_name(m: Mention) -> bool:
    """The mention may be a piece of a name the tagger cut: a capitalised word follows it, or a word that
    is no common noun stands right before it ('Privatfirma Walan ICC', 'RMS Top')."""
    prev = m.before[-1] if m.before else ""
    return m.after[:1].isupper() or prev[:1].isupper() and lexicon.pos(prev)[0] != "NN" and not m.initial


def _surface(m: Mention) -> tuple[str, ...]:
    if m.name:
        return tuple(m.name.split())
    toks = [t.strip("»«„“”\"'‚‘’()[]") for t in m.tokens]
    toks = list(extents.comma_joined(tuple(t for t in toks if t)))  # 'Demner, Merlicek & Bergmann'
    article = m.before[-1].lower() if m.before and m.before[-1].lower() in ARTICLES else ""
    while toks and toks[0].lower() in ARTICLES and " ".join(toks) not in lexicon.multiword_places() \
            and " ".join(toks).casefold() not in lexicon.aliases():  # 'Den Haag', 'Die Presse'
        article, toks = toks[0].lower(), toks[1:]
    if not toks:
        return ()
    if m.cls == "PER" or " ".join(toks).casefold() in lexicon.aliases() \
            or " ".join(toks) in lexicon.multiword_places():  # 'Den Haag'

        return tuple(toks)
    return listed_party_form(nominative(tuple(toks), article))  # 'Die Wiener Grünen'


def _link_surnames(names: list[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Part of a name to the full name used elsewhere ('Biden' -> 'Joseph Biden'), when unambiguous."""
    longer = sorted({n for n in names if len(n) > 1}, key=len, reverse=True)
    given = [f for f in longer if f[0] in lexicon.first_names()]
    links = {}
    for n in set(names):
        tail = _folded(n)  # a particle opening the sentence: 'De la Calle' of 'Humberto de la Calle'
        full = [f for f in longer if len(f) > len(n) and (_folded(f[-len(n):]) == tail
                                                          or (len(n) == 1 and f[0] == n[0]))]
        if n[0] not in lexicon.first_names():
            full = full or [f for f in given if f[-1] == n[-1] and f != n]
        if len(full) > 1 and any(f[0] in lexicon.first_names() for f in full):
            full = [f for f in full if f[0] in lexicon.first_names()]
        if full and all(f == full[0][-len(f):] for f in full):
            links[n] = full[0]
    return links


def _folded(name: tuple[str, ...]) -> tuple[str, ...]:
    """The name in lower case, an Arabic article off its last word ('al-Assad' -> 'assad')."""
    *first, last = (w.casefold() for w in name)
    head, _, rest = last.partition("-")
    return (*first, rest if rest and head in ("al", "el", "as", "ad", "ar", "an", "at") else last)


def _surnames_as_people(surfaces):
    """A one-word place that is the surname, or the given name spelt otherwise, of a person the article names
    ('Newton' for 'Cam Newton', 'Jaroslaw' for 'Jarosław Kaczyński'; not 'Orlando' for 'Orlando Bloom'); a
    one-word organisation that is such a surname ('McLean' after 'Brett McLean'), but right after a noun
    only a firm is ('der Drogeriemarktkette Schlecker' beside 'Anton Schlecker')."""
    people = [s for m, s in surfaces if m.cls == "PER" and len(s) > 1]
    names = {folded(s[0]): s[0] for s in people} | {folded(s[-1]): s[-1] for s in people}
    surnames = {s[-1] for s in people}
    known = lexicon.countries() | lexicon.regions() | lexicon.orgs()
    out = []
    for m, s in surfaces:
        person = names.get(folded(s[0])) if m.cls in ("LOC", "ORG") and len(s) == 1 else None
        given = person == s[0] and person not in surnames and s[0] in lexicon.places()  # 'Orlando Bloom'
        given = given or m.cls == "ORG" and person not in surnames  # 'McLean' after 'Brett McLean'
        firm = m.cls == "ORG" and cues.firm_noun_before(m)  # 'der Drogeriemarktkette Schlecker'
        listed = s[0] in known or s[0].casefold() in lexicon.aliases()
        if person and not given and not firm and not listed:
            m, s = replace(m, cls="PER"), (person,)
        out.append((m, s))
    return out


def _link_short_orgs(names: list[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """A one-word organisation to the article's only longer one that starts or ends with it ('LASK' ->
    'LASK Linz', 'Ried' -> 'SV Ried'), ends before its legal form ('Casinos Austria AG') or whose initials it
    is ('CCB' -> 'Corporative Commercial Bank', 'WAC' -> 'Wolfsberger AC')."""
    longer = {n for n in names if len(n) > 1}
    links = {}
    for n in {n for n in names if len(n) == 1}:
        full = [f for f in longer if n[0] in (f[0], f[-1]) or abbreviates(n[0], f)
                or f[-1] in rules.LEGAL_FORMS and f[-2] == n[0]]  # 'Austria' of 'Casinos Austria AG'
        if len(full) == 1:
            links[n] = full[0]
    return links


PLACE_LINKS = frozenset("de del da do di am an im ob upon".split())  # 'Rio de Janeiro', 'Frankfurt am Main'


def _link_short_places(names: list[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """A one-word place to the article's only longer one it opens before a linking word ('Santiago' ->
    'Santiago de Chile', 'Frankfurt' -> 'Frankfurt am Main'; not 'Wien' -> 'Wien Mitte')."""
    longer = {n for n in names if len(n) > 2 and n[1] in PLACE_LINKS}
    links = {}
    for n in {n for n in names if len(n) == 1}:
        full = [f for f in longer if f[0] == n[0]]
        if len(full) == 1:
            links[n] = full[0]
    return links


def canonical(name: str, cls: str, registry: Registry, shipped: bool = True) -> tuple[str, str]:
    """The registry's name and type for a surface form, else (with shipped) the shipped alias list's name and
    type, else the form itself (with the alias list's type)."""
    entry = registry.lookup(name)
    if entry is None and cls == "ORG" and name.startswith("Uni "):
        name = "Universität" + name[3:]  # 'Uni Wien' is the Universität Wien
        entry = registry.lookup(name)
    group = lexicon.aliases().get(name.casefold())
    if entry is None and group is not None:
        entries = (registry.lookup(f) for f in lexicon.alias_forms(group[0]))
        entry = next((e for e in entries if e is not None), None)
        name, cls = group if shipped else (name, group[1])
    if entry is not None and entry.cls != "TAG":
        return entry.name, entry.cls
    return name, cls


def _work_abbreviations(surfaces: list[tuple[Mention, tuple[str, ...]]]) -> set[tuple[str, ...]]:
    """Abbreviations in parentheses right after a work's or device's name: 'Teilchenbeschleuniger Large
    Hadron Collider (LHC)' (its other mentions are the device's too)."""
    ordered = sorted(surfaces, key=lambda pair: pair[0].start)
    return {s for (prev, _), (m, s) in zip(ordered, ordered[1:]) if len(s) == 1 and s[0].isupper()
            and prev.after == "(" and m.before[-1:] == ("(",) and (cues.work_context(prev) or any(
                w in lexicon.work_cues() or cues.work_compound(w) for w in prev.tokens[:-1]))}


def _cued_people(surfaces: list[tuple[Mention, tuple[str, ...]]]) -> set[int]:
    """Where (by start) a person's name of two or more words follows a role noun ('Präsidentschaftskandidat
    Mikola Statkewitsch') or a surer person's name and a comma or 'und' ('Waskowitsch und Artjom
    Prokopenko')."""
    works = {s for m, s in surfaces if cues.work_context(m)}  # 'den Filmen Blade Runner, Full Metal Jacket'
    sure = {m.tokens[-1] for m, s in surfaces
            if m.cls == "PER" and m.confidence >= MIN_MULTI and s not in works}
    out = set()
    for m, s in surfaces:
        prev = m.before[-1] if m.before else ""
        role = prev[:1].isupper() and role_noun(prev, s[0])
        listed = prev in (",", "und", "sowie") and len(m.before) > 1 and m.before[-2] in sure
        owner = s[0].endswith("s") and s[0] not in lexicon.first_names() or common_noun(s[-1])
        if m.cls == "PER" and len(s) > 1 and (role or listed) and not owner:
            out.add(m.start)  # not a description: 'Margot Rest, Christandls Rechtsanwältin'
    return out


def _spellings(names: list[tuple[str, bool]]) -> dict[str, str]:
    """Each name to the one spelling of the names alike but for hyphens and spaces: the one written most
    often, on a tie the one the article wrote as a word ('Al-Jazeera' beside 'Al Jazeera', the shipped name
    its compound 'Al-Jazeera-Journalisten' gives), else the first."""
    by_key: dict[str, list[str]] = {}
    written = {name for name, as_word in names if as_word}
    for name, _ in names:
        by_key.setdefault(name.replace("-", " ").casefold(), []).append(name)
    out = {}
    for forms in by_key.values():
        best = max(forms, key=lambda f: (forms.count(f), f in written, -forms.index(f)))
        out.update(dict.fromkeys(forms, best))
    return out


def _longest_forms(forms: list[str]) -> dict[str, str]:
    """Shipped alias group -> the longest of its forms this article uses ('EU' and 'Europäische Union')."""
    out: dict[str, str] = {}
    for form in forms:
        group = lexicon.aliases().get(form.casefold())
        if group and key(form.split()) == key(group[0].split()):
            form = group[0]  # 'Vereinten Nationen': the nominative of the list
        best = out.get(group[0], "") if group else ""
        if group and best != group[0] and (form == group[0] or len(form) > len(best)):
            out[group[0]] = form
    return out


def _cue_flags(groups: dict[str, dict], cued: list[Mention], registry: Registry) -> None:
    """What an untagged name right after a noun for a work or an organisation says of the article's other
    mentions of it (mentions._cued_works): 'die App Rumblr', 'seine Band Motörhead'."""
    for m in cued:
        g = groups.get(canonical(" ".join(m.tokens), m.cls, registry, shipped=False)[0])
        if g is not None:
            g["work"] = g["work"] or cues.work_context(m)
            g["org"] = g["org"] or cues.org_context(m, m.tokens)


def _surfaces(mentions: list[Mention], registry: Registry) -> tuple[list, set[str]]:
    """Each mention's name as this article settles it (genitives off, surnames and tails sorted out), and
    every word and name the article writes."""
    surfaces = [(m, _surface(m)) for m in mentions if not m.cue]
    surfaces = [(m, s) for m, s in surfaces
                if s and not (not m.name and (cues.described(m) or cues.part_of_other_name(m)))
                and not glue.nominalised_adjective(m) and not glue.era(m)]  # 'der Erste, der ...'
    seen = {t for _, s in surfaces for t in s} | {" ".join(s) for _, s in surfaces}
    surfaces = genitives.nominatives(surfaces, seen, registry)
    surfaces = [(m, s if m.name else glue.genitive_opener(m, s)) for m, s in surfaces]  # 'Austrias Kayode'
    surfaces = [(m, s) for m, s in surfaces if s]  # 'Googles Software'
    surfaces = glue.person_tails(_surnames_as_people(glue.institution_towns(surfaces)))  # 'TASR Fico'
    surfaces = glue.employer_tails(surfaces)  # 'Gabor Wichmann von Birdlife'
    surfaces = surnames.as_people(surfaces)  # 'Hofer (FPÖ)' after 'Norbert Hofer'
    return descriptions.retyped(descriptions.described(surfaces)), seen  # 'Bundesrat Efgani Dönmez'


def _named(m: Mention, s: tuple[str, ...], toks: tuple[str, ...], longest: dict[str, str],
           registry: Registry) -> tuple[str, str]:
    """(canonical name, type) of a mention written s, linked to toks: its context may make it an organisation
    or a place."""
    land = s[0] in lexicon.countries() or s[0] in lexicon.regions()
    cls = "ORG" if m.cls != "ORG" and not land and cues.org_context(m, s) else m.cls  # 'Hersteller X'
    cls = "LOC" if notorgs.placed(m) else cls  # 'oberhalb der Weißen Wand'
    name, cls = canonical(" ".join(toks), cls, registry, shipped=False)
    if registry.lookup(name) is None:
        name = longest.get(lexicon.aliases().get(name.casefold(), ("",))[0], name)
    return name, cls


def _count(g: dict, m: Mention, s: tuple[str, ...], multi: bool, cls: str, work: bool) -> None:
    """Add one mention's weight, type vote and context flags to its entity's group."""
    g["conf"] = max(g["conf"], m.confidence)
    g["votes"][cls] = g["votes"].get(cls, 0.0) + m.confidence
    g["n"] += 1
    g["multi"] |= multi
    g["initial"] = g.get("initial", True) and m.initial
    g["player"] = g.get("player") or m.player  # a line-up's: 'Trauner' is no adjective of Traun
    g["quoted"] = g.get("quoted", True) and m.quoted
    g["work"] = g.get("work") or work  # 'Blog Fortress Europe'
    g["plain"] = g.get("plain") or not work
    g["noun"] = g.get("noun", True) and (cues.noun_use(m, s) or placespans.noun_use(m, s))  # 'am Zug'
    g["cut"] = g.get("cut") or len(s) == 1 and not m.name and m.after in ("für", "der", "des")
    g["org"] = g.get("org") or cues.org_context(m, s)  # 'die Band Eagles of Death Metal'
    g["firm"] = g.get("firm") or cues.firm_context(m, s)  # 'der Tourismuskonzern Thomas Cook'
    g["medium"] = g.get("medium") or cues.report_context(m)  # 'schreibt Techradar'
    g["open"] = g.get("open", True) and _open(m)  # 'Walan' + 'ICC', 'Neo Magazin' + 'Royal'
    g["piece"] = g.get("piece", True) and _in_name(m)
    g["cue"] = g.get("cue") or cues.type_context(m, s)
    g["at"] = g.get("at") or cues.locative(m)  # 'in Madison', a dateline
    g["det"] = g.get("det") or cues.after_determiner(m)  # 'das Essen', 'in ihrem Essen'


def resolve(mentions: list[Mention], registry: Registry) -> list[Found]:
    """Distinct entities of one article, ordered by first mention."""
    surfaces, seen = _surfaces(mentions, registry)
    links = _link_surnames([s for m, s in surfaces if m.cls == "PER"])
    links.update(_link_short_orgs([s for m, s in surfaces if m.cls == "ORG"]))
    places = _link_short_places([s for m, s in surfaces if m.cls == "LOC"])
    links.update(glue.bracketed_abbreviations(surfaces))  # 'Kraftfahrt-Bundesamt (KBA)'
    longest = _longest_forms([" ".join(s) for _, s in surfaces])
    works, cued = _work_abbreviations(surfaces), _cued_people(surfaces)
    groups: dict[str, dict] = {}
    named = []
    for m, s in surfaces:
        known = registry.lookup(" ".join(s)) is not None
        toks = s if known else links.get(s, s) if m.cls in ("PER", "ORG") else places.get(s, s)
        named.append((m, s, toks, *_named(m, s, toks, longest, registry)))
    spelled = _spellings([(name, not m.name) for m, *_, name, _ in named])
    for m, s, toks, name, cls in named:
        name = spelled[name]
        g = groups.setdefault(name, {"first": m.start, "conf": 0.0, "votes": {}, "n": 0, "multi": False})
        work = cues.work_context(m) or s in works or notorgs.work_opener(m)
        _count(g, m, s, len(m.tokens) > 1 or len(toks) > 1, cls, work)
        g["cued"] = g.get("cued") or m.start in cued  # 'Präsidentschaftskandidat Mikola Statkewitsch'
        g["gaz"] = g.get("gaz") or in_gazetteer(name, cls)
        g["common"] = common_noun_name(name)
        g["reg"] = g.get("reg") or registry.lookup(name) is not None
        if name in glue.LEFT_FORMS:  # how the article writes it: 'Die Linke', 'zur Linken'
            g.setdefault("forms", set()).update({" ".join(m.tokens), " ".join(m.before[-1:] + m.tokens)})
    _cue_flags(groups, [m for m in mentions if m.cue], registry)  # cue-only mentions weigh nothing
    found = [Found(name, cls, g["first"]) for name, g in groups.items()
             if not registry.ignored(name) and (cls := kept_type(name, g, seen))]
    return sorted(glue.without_the_left(found, groups), key=lambda f: (f.first, f.name))
