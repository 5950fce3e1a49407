"""Topic tags settled against the archive once per ingest: `settle` keeps each article's one to six most
specific candidates (`topics.choose`) as its proposed tags; the merge decides whether a file takes them."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from sitegen.model import Article

Extractor = Callable[[str], object]
# a text that makes the extractor load every model and word list it uses
WARM_UP = ("Bundeskanzlerin Angela Merkel hat am Montag in Berlin mit dem französischen Präsidenten über "
           "die Flüchtlingskrise, die Europäische Union und die Wirtschaft der Eurozone gesprochen. Die "
           "Gespräche der Regierungen sollen nächste Woche in Brüssel fortgesetzt werden, sagte ein Sprecher "
           "der SPD.")


def candidate_extractor(registry_file) -> Extractor:
    """The German entity extractor with the archive's registry, its tags replaced by all tag candidates."""
    from sitegen.entities import Registry, extract, load_registry
    from sitegen.entities.topics import candidates, encode

    registry = load_registry(registry_file) if registry_file else Registry()

    def run(text: str):
        found = extract(text, registry)
        names = {w for n in found.people + found.places + found.organisations for w in n.split()}
        people = frozenset(w for n in found.people for w in n.split())
        return replace(found, tags=encode(candidates(text, frozenset(names), registry, people)))

    return run


def load_models(extractor: Extractor) -> None:
    """Have the extractor load its models now (before worker processes start, so that they share them)."""
    extractor(WARM_UP)


def settle(proposals: list[Article], others: list[Article]) -> list[Article]:
    """The proposals with their tags chosen from their candidates, ranked by the document frequency over the
    proposals' candidates and the other articles' tags; proposals with plain tags are left as they are."""
    from sitegen.entities.topics import DocFreq, choose, decode, merged, singulars

    found = {i: decode(p.tags) for i, p in enumerate(proposals) if p.language == "de"}
    found = {i: cands for i, cands in found.items() if cands is not None}
    singular = singulars({c.name for cands in found.values() for c in cands})
    found = {i: merged(cands, singular) for i, cands in found.items()}
    counts: Counter[str] = Counter()
    repeated: Counter[str] = Counter()
    for cands in found.values():
        counts.update({c.name for c in cands})
        repeated.update({c.name for c in cands if c.count > 1})
    for article in others:
        counts.update(set(article.tags))
    df = DocFreq(len(found) + len(others), dict(counts), dict(repeated))
    settled = list(proposals)
    for i, cands in found.items():
        section = str(proposals[i].extra.get("section") or "").casefold()
        kept = tuple(c for c in cands if c.name.casefold() != section)
        settled[i] = replace(proposals[i], tags=choose(kept, df, section=section))
    return settled
