# SPDX-License-Identifier: LGPL-3.0-or-later
# Follows the word analysis of HanTa 1.2.1 (Christian Wartena, LGPL-3.0-or-later), so this file is under that
# licence; the rest of sitegen is MIT.
"""HanTa's analysis of a word out of context, with exactly HanTa's answers: each (start, tag) row of segment
weights is worked out once per word and visited in HanTa's order, so sums, maxima and ties are the same."""
from __future__ import annotations

import math
from functools import lru_cache
from importlib.metadata import version
from operator import itemgetter

LOWER_BOUND = -1e6  # HanTa's floor for a path's log probability
EMPTY, START, UNKNOWN, END_UNKNOWN = 0, 1, 3, -3  # HanTa's reserved tags
REPEATS = "1.2.1"  # the HanTa whose analysis `Analysis` repeats; with any other, HanTa's own code runs


@lru_cache(maxsize=1)
def tagger():
    """HanTa's German model, loaded once per process, with `Analysis` doing its word analysis."""
    from HanTa import HanoverTagger as ht  # noqa: PLC0415 - loaded once, on first use

    loaded = ht.HanoverTagger("morphmodel_ger.pgz")
    if version("HanTa") == REPEATS:
        analysis = Analysis(loaded)
        loaded.analyze_forward, loaded.analyze_viterbi = analysis.forward, analysis.viterbi
    # pos and lemma of a word, in any case, run the same analysis of its lower-case form: remember it
    loaded.analyze_forward = lru_cache(maxsize=200_000)(loaded.analyze_forward)
    return loaded


class Analysis:
    """HanTa's `analyze_forward` and `analyze_viterbi` over one loaded model."""

    def __init__(self, model) -> None:
        from numpy import logaddexp  # noqa: PLC0415 - HanTa has loaded it already

        self.model, self.logaddexp = model, logaddexp
        self.tags_of: dict[str, dict[int, float]] = {}  # morpheme -> {tag: log p(morpheme | tag)}
        for tag, known in model.LP_m_t.items():
            for morpheme, lp in known.items():
                self.tags_of.setdefault(morpheme, {})[tag] = lp
        # and every beginning of a morpheme (None), so that a search through a word stops where none goes on
        self.starts = {m[:k]: None for m in self.tags_of for k in range(1, len(m))} | self.tags_of
        # the tags HanTa guesses for unknown morphemes: weight by length before the suffix's, summed as HanTa
        self.by_length = {t: [model.Int_t + model.LP_hapax_t[t] + lp for lp in model.LP_len_t[t][:25]]
                          for t in model.LP_m_t if t in model.LP_hapax_t and t in model.LP_s_t}
        # HanTa's suffix lists (the same for every tag in its German model), and the tags of each
        self.suffix_sets = sorted({frozenset(model.LP_s_t[t]) for t in self.by_length}, key=sorted)
        self.suffix_set = {t: self.suffix_sets.index(frozenset(model.LP_s_t[t])) for t in self.by_length}
        self.suffixes = lru_cache(maxsize=1 << 16)(self._suffixes)
        self.steps = lru_cache(maxsize=None)(self._steps)

    def forward(self, word: str) -> list:
        """Each part of speech with its log weight, best first (HanTa's `analyze_forward`)."""
        table = self._table(word, not self.model.strict)
        last = table[-1]
        for state, lp in table[-2].items():
            for tag, lpt in self.model.LP_trans_final.get(state, ()):
                lp1, new = lp + lpt, (state[1], tag)
                if lp1 > LOWER_BOUND and (new not in last or lp1 > last[new]):
                    last[new] = lp1
        results: dict = {}
        for state, lp in last.items():
            if lp == -math.inf:
                continue
            pos = -state[1]
            results[pos] = self.logaddexp(results[pos], lp) if pos in results else lp
        return sorted(results.items(), key=itemgetter(1), reverse=True) or [(UNKNOWN, 0)]

    def viterbi(self, word: str, target: int) -> list:
        """The best path of morphemes to the final tag `target`: (tag, end) pairs (HanTa's
        `analyze_viterbi`), first without guessed morphemes, then with them if that finds none."""
        n = len(word)
        for strict in (True, False):
            back: list[dict] = [{} for _ in range(n + 2)]
            table = self._table(word, not strict, target, back)
            last = table[-1]
            for state, lp in table[-2].items():
                lpt = dict(self.model.LP_trans_final.get(state, ())).get(target)
                new = (state[1], target)
                if lpt is not None and lp + lpt > LOWER_BOUND and (new not in last or lp + lpt > last[new]):
                    last[new], back[-1][new] = lp + lpt, (state, n)
            if last:
                break
        return _path(table[-1], back)

    def _table(self, word: str, guess: bool, target: int | None = None,
               back: list[dict] | None = None) -> list[dict]:
        """HanTa's table of best log weights per (previous tag, tag) state at each position of the word;
        with `target`, only through tags that can lead to it, noting each state's best way in in `back`."""
        steps, guessed, n, low = self.steps(guess, target), self.by_length, len(word), LOWER_BOUND
        table: list[dict] = [{(EMPTY, START): 0}] + [{} for _ in range(n + 1)]
        ends: dict[int, list[tuple[str, ...]]] = {}  # suffix list -> the suffixes at each end of the word
        for i in range(n + 1):
            row, weights = table[i], self._known(word, i)
            bound = sorted(row.values(), reverse=True)[3] - 1 if len(row) > 3 else LOWER_BOUND
            for state, lp in row.items():
                if lp < bound:
                    continue
                for key, lpt, new in steps.get(state, ()):
                    segments = weights.get(key)
                    if segments is None:
                        if key not in guessed:
                            continue
                        group = self.suffix_set[key]
                        if group not in ends:
                            ends[group] = [self.suffixes(group, word[max(0, j - 4):j]) for j in range(n + 1)]
                        segments = weights[key] = self._with_guesses(word, i, key, weights.get(-key, ()),
                                                                     ends[group])
                    base = lp + lpt
                    for j, lpm in segments:
                        lp1 = base + lpm
                        if lp1 > low:
                            to = table[j]
                            if new not in to or lp1 > to[new]:
                                to[new] = lp1
                                if back is not None:
                                    back[j][new] = (state, i)
        return table

    def _steps(self, guess: bool, target: int | None) -> dict[tuple[int, int], tuple]:
        """state -> (weights key, log p(tag | state), next state) for each tag that may follow it, or with
        `target` only those that can lead to it; a guessed tag's key is -tag when guesses are off."""
        reachable = None if target is None else self.model.reachability.get(target, frozenset())
        return {state: tuple((tag if guess or tag not in self.by_length else -tag, lpt, (state[1], tag))
                             for tag, lpt in followers if reachable is None or tag in reachable)
                for state, followers in self.model.LP_trans_nonfinal.items()}

    def _known(self, word: str, i: int) -> dict[int, list[tuple[int, float]]]:
        """tag -> (end, log p(word[i:end] | tag)) for the segments from i that the lexicon knows, by end;
        a guessed tag's list is filed under -tag."""
        out: dict[int, list[tuple[int, float]]] = {}
        guessed, starts = self.by_length, self.starts
        for j in range(i + 1, len(word) + 1):
            found = starts.get(word[i:j], False)
            if found is False:  # no morpheme begins with word[i:j]
                break
            if found:
                for tag, lp in found.items():
                    out.setdefault(-tag if tag in guessed else tag, []).append((j, lp))
        return out

    def _with_guesses(self, word: str, i: int, tag: int, known, ends: list) -> list[tuple[int, float]]:
        """The known segments from i and HanTa's guess for the others (lp_m_t's second half), by end;
        `ends` holds the tag's suffixes at each end of the word."""
        known, n, by_length, out = dict(known), len(word), self.by_length[tag], []
        suffixes = self.model.LP_s_t[tag]
        for j in range(i + 1, n + 1):
            size = j - i
            if j in known:
                out.append((j, known[j]))
            elif n < 4 or size > 2:
                lp = by_length[size if size < 24 else 24] + suffixes[ends[j][size if size < 5 else 5]]
                out.append((j, lp - 4.6 if size == n else lp))
        return out

    def _suffixes(self, group: int, tail: str) -> tuple[str, ...]:
        """By morpheme length (index 5 for five or more) for a morpheme ending in `tail`: its longest suffix
        of at most four characters in the suffix list, shorter than the morpheme (HanTa's lp_suf)."""
        known = self.suffix_sets[group]
        out = ["", ""]  # lengths 0 and 1 have no shorter suffix
        for k in range(1, 5):
            out.append(tail[-k:] if k <= len(tail) and tail[-k:] in known else out[-1])
        return tuple(out)


def _path(last: dict, back: list[dict]) -> list[tuple[int, int]]:
    """(tag, end) of each morpheme on the best path into the last row (HanTa's backtrace)."""
    best, top = (EMPTY, EMPTY), -math.inf
    for state, lp in last.items():
        if lp > top:
            top, best = lp, state
    i = len(back) - 1
    if best == (EMPTY, EMPTY):
        return [(UNKNOWN, i - 1), (END_UNKNOWN, i)]
    states, state = [(best, i)], best
    while i > 0:
        state, i = back[i][state]
        states.append((state, i))
    return [(s[1], end) for s, end in states[-2::-1]]
