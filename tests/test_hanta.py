"""sitegen's word analysis gives exactly HanTa's own answers: every weight, in the same order, bit for bit."""
from __future__ import annotations

from importlib.metadata import version

import pytest
from HanTa.HanoverTagger import HanoverTagger

from conftest import SEED, SHARED_DATA
from sitegen.entities.hanta import REPEATS, Analysis, tagger
from sitegen.entities.tokenize import tokens

# short, long, compound, hyphenated, abbreviated, foreign, odd: the corners of HanTa's search
WORDS = ["a", "zu", "ÖVP", "Wien", "x", "3er", "U-Bahn", "Asylwerbern", "Donaudampfschifffahrtsgesellschaft",
         "Nationalratsabgeordnete", "bzw.", "Ping-Pong-Diplomatie", "iPhone", "e-mail", "Hyperloop",
         "Straßenbahnhaltestellen", "Ölpreisverfall", "vergaß", "hochkarätig", "Schlußfolgerung", "ca.",
         "zweiundzwanzigsten", "Twitter-Account", "Anti-Terror-Einheit", "Erdoğan", "ß", "Ende.Der", ""]


def sample() -> list[str]:
    """The words above, the seed's, and every 20th word type of GermEval's development set if present."""
    words = WORDS + [t.text for t in tokens(SEED.read_text(encoding="utf-8"))]
    germeval = SHARED_DATA / "germeval2014" / "NER-de-dev.tsv"
    if germeval.is_file():
        lines = germeval.read_text(encoding="utf-8").splitlines()
        words += sorted({c[1] for line in lines if len(c := line.split("\t")) > 2})[::20]
    return sorted({w.lower() for w in words})


@pytest.fixture(scope="module")
def model():
    return tagger()


def exact(result) -> list[tuple[object, str, str]]:
    """A result with each weight's exact digits and type, so that a last-bit difference fails."""
    return [(tag, repr(float(lp)), type(lp).__name__) for tag, lp in result]


def test_forward_analysis_is_hantas(model):
    words = sample()
    assert len(words) > 100
    for word in words:
        assert exact(model.analyze_forward(word)) == exact(HanoverTagger.analyze_forward(model, word)), word


def test_viterbi_analysis_is_hantas_for_every_likely_tag(model):
    for word in sample()[::3]:
        for tag, _ in HanoverTagger.analyze_forward(model, word)[:3]:
            assert model.analyze_viterbi(word, -tag) == HanoverTagger.analyze_viterbi(model, word, -tag), word


def test_words_outside_the_model_fail_or_guess_as_in_hanta(model):
    for word in ("", "\u200b", "–", "ǆ"):
        assert exact(model.analyze_forward(word)) == exact(HanoverTagger.analyze_forward(model, word))
        assert model.analyze_viterbi(word, -3) == HanoverTagger.analyze_viterbi(model, word, -3)


def test_the_analysis_is_sitegens_with_the_hanta_it_repeats_else_hantas_own(model):
    ours = isinstance(getattr(model.analyze_viterbi, "__self__", None), Analysis)
    assert ours == (version("HanTa") == REPEATS)
