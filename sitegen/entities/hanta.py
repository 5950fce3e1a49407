"""HanTa's out-of-context word analysis, computed faster with exactly the same answers.

HanTa's `analyze_forward` asks for the weight of every segment of a word under every tag that may follow
each state; here each (start, tag) row of segment weights is worked out once per word and only the finite
ones are visited, in HanTa's order, so every sum, maximum and tie comes out as in HanTa."""
from __future__ import annotations

import math
from functools import lru_cache
from operator import itemgetter

LOWER_BOUND = -1e6  # HanTa's floor for a path's log probability
START_STATE = (0, 1)  # HanTa's (EMPTY, START)
UNKNOWN = 3


@lru_cache(maxsize=1)
def tagger():
    """HanTa's German model, loaded once per process, its word analysis replaced by `Forward`'s."""
    from HanTa import HanoverTagger as ht  # noqa: PLC0415 - loaded once, on first use

    loaded = ht.HanoverTagger("morphmodel_ger.pgz")
    # pos and lemma of a word, in any case, run the same analysis of its lower-case form: remember it
    loaded.analyze_forward = lru_cache(maxsize=200_000)(Forward(loaded))
    return loaded


class Forward:
    """HanTa's `analyze_forward(word)` (its Viterbi pass over morphemes, summed per part of speech)."""

    def __init__(self, model) -> None:
        from numpy import logaddexp  # noqa: PLC0415 - HanTa has loaded it already

        self.model, self.logaddexp = model, logaddexp
        self.tags_of: dict[str, dict[int, float]] = {}  # morpheme -> {tag: log p(morpheme | tag)}
        for tag, known in model.LP_m_t.items():
            for morpheme, lp in known.items():
                self.tags_of.setdefault(morpheme, {})[tag] = lp
        guessed = () if model.strict else model.LP_m_t
        # a guessed tag's weight by morpheme length, before its suffix's (HanTa's sum, in HanTa's order)
        self.by_length = {t: [model.Int_t + model.LP_hapax_t[t] + lp for lp in model.LP_len_t[t][:25]]
                          for t in guessed if t in model.LP_hapax_t and t in model.LP_s_t}

    def __call__(self, word: str) -> list:
        nonfinal, guessed, n = self.model.LP_trans_nonfinal, self.by_length, len(word)
        table: list[dict] = [{START_STATE: 0}] + [{} for _ in range(n + 1)]
        suffix_lp: dict[tuple[int, int], tuple[float, ...]] = {}
        for i in range(n + 1):
            row, weights = table[i], self._known(word, i)
            bound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else LOWER_BOUND
            for state, lp in row.items():
                if lp < bound:
                    continue
                for tag, lpt in nonfinal.get(state, ()):
                    if tag in guessed and tag not in weights:
                        weights[tag] = self._with_guesses(word, i, tag, weights.get(-tag, ()), suffix_lp)
                    base, new = lp + lpt, (state[1], tag)
                    for j, lpm in weights.get(tag, ()):
                        lp1 = base + lpm
                        if lp1 > LOWER_BOUND:
                            to = table[j]
                            if new not in to or lp1 > to[new]:
                                to[new] = lp1
        return self._finish(table)

    def _known(self, word: str, i: int) -> dict[int, list[tuple[int, float]]]:
        """tag -> (end, log p(word[i:end] | tag)) for the segments from i that the lexicon knows, by end.

        A guessed tag's list is filed under -tag until `_with_guesses` completes it."""
        out: dict[int, list[tuple[int, float]]] = {}
        guessed, tags_of = self.by_length, self.tags_of
        for j in range(i + 1, len(word) + 1):
            found = tags_of.get(word[i:j])
            if found:
                for tag, lp in found.items():
                    out.setdefault(-tag if tag in guessed else tag, []).append((j, lp))
        return out

    def _with_guesses(self, word: str, i: int, tag: int, known, suffix_lp: dict) -> list[tuple[int, float]]:
        """The known segments from i and HanTa's guess for the others (lp_m_t's second half), by end."""
        known, n, by_length, out = dict(known), len(word), self.by_length[tag], []
        for j in range(i + 1, n + 1):
            size = j - i
            if j in known:
                out.append((j, known[j]))
            elif n < 4 or size > 2:
                suffix = suffix_lp.get((tag, j)) or self._suffixes(word, tag, j, suffix_lp)
                lp = by_length[size if size < 24 else 24] + suffix[size if size < 5 else 5]
                out.append((j, lp - 4.6 if size == n else lp))
        return out

    def _suffixes(self, word: str, tag: int, end: int, suffix_lp: dict) -> tuple[float, ...]:
        """By morpheme length (index 5 for five or more) up to `end`: the weight of its longest known
        suffix of at most four characters, shorter than the morpheme (HanTa's lp_suf)."""
        suffixes = self.model.LP_s_t[tag]
        out = [suffixes[""]] * 2  # lengths 0 and 1 have no shorter suffix
        for k in range(1, 5):
            tail = word[end - k:end] if k <= end else ""
            out.append(suffixes[tail] if tail and tail in suffixes else out[-1])
        suffix_lp[tag, end] = tuple(out)
        return suffix_lp[tag, end]

    def _finish(self, table: list[dict]) -> list:
        """The final transitions and the weight of each part of speech, best first (HanTa's code)."""
        final, last = self.model.LP_trans_final, table[-1]
        for state, lp in table[-2].items():
            for tag, lpt in final.get(state, ()):
                lp1, new = lp + lpt, (state[1], tag)
                if lp1 > LOWER_BOUND and (new not in last or lp1 > last[new]):
                    last[new] = lp1
        results: dict = {}
        for state, lp in last.items():
            if lp == -math.inf:
                continue
            pos = -state[1]
            results[pos] = self.logaddexp(results[pos], lp) if pos in results else lp
        ranked = sorted(results.items(), key=itemgetter(1), reverse=True)
        return ranked or [(UNKNOWN, 0)]
