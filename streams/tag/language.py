"""Cheap language identification for articles (py3langid, naive Bayes over byte n-grams).

Policy (see docs/tagging.md): geowire tags English only. A non-English article is passed
through with ``language`` set to its ISO 639-1 code and no entities or topics; it is never
dead-lettered. Texts too short to judge fall back to the producer's hint, else English.
"""

from __future__ import annotations

import threading
from collections import Counter
from functools import lru_cache
from typing import Any

#: Fewer letters than this and identification is a coin toss: trust the hint instead.
MIN_LETTERS = 40
#: Below this normalised probability the guess is not trusted either.
MIN_CONFIDENCE = 0.5
#: Identification looks at the start of the text only (bounded cost), in windows that vote,
#: so an English article quoting a paragraph of Tagalog stays English.
SAMPLE_CHARS = 3600
WINDOW_CHARS = 600
DEFAULT_LANGUAGE = "en"

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _normalise_hint(hint: str | None) -> str | None:
    if not hint:
        return None
    # "en-GB", "en_US" -> "en"
    code = hint.strip().replace("_", "-").split("-")[0].lower()
    return code if len(code) == 2 and code.isalpha() else None


def detect_language(text: str, hint: str | None = None) -> str:
    """Return the ISO 639-1 code of ``text``.

    Args:
        text: the article text.
        hint: the producer's language (``ArticleV1.language_hint``), e.g. "en" or "de-AT".

    Returns:
        A two-letter code. Short or low-confidence texts get the hint, else "en".
    """
    fallback = _normalise_hint(hint) or DEFAULT_LANGUAGE
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return fallback
    votes: Counter[str] = Counter()
    with _lock:  # the identifier keeps scratch state; taggers may share it across threads
        for start in range(0, len(sample), WINDOW_CHARS):
            window = sample[start : start + WINDOW_CHARS]
            if sum(ch.isalpha() for ch in window) < MIN_LETTERS:
                continue
            code, confidence = _identifier().classify(window)
            if confidence >= MIN_CONFIDENCE:
                votes[str(code)] += 1
    if not votes:
        return fallback
    # most_common keeps first-seen order on ties, so the opening window decides a tie
    return votes.most_common(1)[0][0]


def is_english(code: str) -> bool:
    """Whether geowire's English-only tagging applies to a language code."""
    return code == "en"
