"""Language of an article's text, by py3langid (BSD) limited to the languages a European archive meets."""
from __future__ import annotations

from functools import lru_cache

LANGUAGES = ("de", "en", "fr", "it", "es", "pt", "nl", "da", "sv", "no", "pl", "cs", "sk", "hu", "sl", "hr",
             "ro", "tr", "ru", "uk", "el")
MIN_LETTERS = 60
MIN_PROBABILITY = 0.9


@lru_cache(maxsize=1)
def _identifier():
    """The py3langid model, loaded once and limited to LANGUAGES."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def load_model() -> None:
    """Load the model now (before worker processes start, so that they share it)."""
    _identifier()


def detect_language(text: str, default: str = "de") -> str:
    """The text's language code; `default` when the text is too short or the model is unsure."""
    sample = text[:3000]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return default
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= MIN_PROBABILITY else default
