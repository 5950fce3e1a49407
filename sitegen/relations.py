"""Related articles, and the entities named specifically with a term, from the terms' article lists: never
every article against every other, only the WINDOW nearest of each shared entity, SCAN articles per term."""
from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Mapping

from sitegen.model import Article, Site, Term

ENTITY_KEYS = ("people", "places", "organisations")
WINDOW = 12
RELATED = 3
SCAN = 200
CO_MENTIONS = 10
MIN_SHARED = 2  # named together once is a coincidence of one article, not 'often'
SHARE_OF = 25  # ... nor, for a term of many articles, named together in fewer than 1 in 25 of them


@dataclass(frozen=True)
class Relations:
    """Relations between articles and terms of one Site; `rank` is an article's place, newest first."""

    site: Site
    rank: Mapping[str, int]

    @classmethod
    def of(cls, site: Site) -> "Relations":
        """Index the site once."""
        return cls(site, {a.slug: i for i, a in enumerate(site.articles)})

    def related(self, article: Article) -> list[Article]:
        """The RELATED articles sharing the most entities with `article`; a tie goes to the one found first
        (the nearest in time in the article's first shared entity)."""
        me = self.rank[article.slug]
        shared: Counter[str] = Counter()
        for key in ENTITY_KEYS:
            for name in article.terms(key):
                slugs = self.site.term(key, name).articles
                if len(slugs) > 1:
                    pos = bisect_left(slugs, me, key=self.rank.__getitem__)
                    shared.update(slugs[max(0, pos - WINDOW):pos][::-1])
                    shared.update(slugs[pos + 1:pos + 1 + WINDOW])
        return [self.site.by_slug[slug] for slug, _ in shared.most_common(RELATED)]

    def co_mentions(self, term: Term) -> list[tuple[Term, int]]:
        """The entities most specific to `term`'s newest SCAN articles (pointwise mutual information), with
        how many they share; only those named together often, so that names found everywhere lead no page."""
        counts = {key: Counter() for key in ENTITY_KEYS}
        scanned = term.articles[:SCAN]
        for slug in scanned:
            article = self.site.by_slug[slug]
            for key in ENTITY_KEYS:
                counts[key].update(article.terms(key))
        counts.get(term.taxonomy, Counter()).pop(term.name, None)
        least = max(MIN_SHARED, len(scanned) // SHARE_OF)
        total, ranked = len(self.site.articles), []
        for key in ENTITY_KEYS:
            for name, n in counts[key].items():
                if n >= least:
                    other = self.site.term(key, name)
                    score = math.log(n * total / (len(scanned) * len(other.articles)))
                    ranked.append((-score, -n, name, other))
        return [(other, -n) for _, n, _, other in heapq.nsmallest(CO_MENTIONS, ranked, key=lambda r: r[:3])]
