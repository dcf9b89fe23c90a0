"""Topics from weighted trigger terms: cheap, deterministic and explainable.

Every word and two- or three-word phrase of the lowercased text is looked up in the
taxonomy (:mod:`streams.tag.taxonomy`). A topic's raw score sums, over the distinct
terms that matched, ``weight * sqrt(min(count, 3))``: repetition helps, but one word
repeated cannot carry a topic. A topic is emitted when its raw score reaches
:data:`THRESHOLD` with at least :data:`MIN_TERMS` distinct terms; its published score is
``raw / (raw + THRESHOLD)`` (0.5 at the threshold, towards 1 with more evidence) and its
evidence lists the matched terms, strongest first.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from schemas.models import Topic
from streams.tag.taxonomy import TAXONOMY

THRESHOLD = 4.0
MIN_TERMS = 2
MAX_EVIDENCE = 8
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_MIN_STEM = 2


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[tuple[str, float]]], dict[str, list[tuple[str, float]]]]:
    """Exact terms and stems → [(topic, weight)], built once."""
    exact: dict[str, list[tuple[str, float]]] = {}
    stems: dict[str, list[tuple[str, float]]] = {}
    for topic, terms in TAXONOMY.items():
        for term, weight in terms.items():
            if term.endswith("*"):
                stems.setdefault(term[:-1], []).append((topic, float(weight)))
            else:
                exact.setdefault(term, []).append((topic, float(weight)))
    return exact, stems


def _term_counts(text: str) -> tuple[Counter[str], dict[str, str]]:
    """Count taxonomy terms (exact, stem with ``*``) in ``text``, with each term's first
    matching words as written (the evidence a reader recognises: "airstrikes", not "airstrike*").
    """
    exact, stems = _index()
    words = _WORD.findall(text.lower().replace("’", "'"))
    counts: Counter[str] = Counter()
    seen: dict[str, str] = {}
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            gram = " ".join(words[i : i + n])
            if gram in exact:
                counts[gram] += 1
                seen.setdefault(gram, gram)
            # a phrase stem must reach into the phrase's last word ("drone strike*")
            lowest = gram.rfind(" ") + 1 + _MIN_STEM if n > 1 else _MIN_STEM
            for cut in range(len(gram), lowest - 1, -1):
                if gram[:cut] in stems:
                    counts[gram[:cut] + "*"] += 1
                    seen.setdefault(gram[:cut] + "*", gram)
                    break
    return counts, seen


def score_topics(text: str) -> list[Topic]:
    """Return the article's topics, highest score first.

    Args:
        text: the article text (English).

    Returns:
        Topics whose evidence reaches the threshold, each with its matched terms.
    """
    exact, stems = _index()
    raw: dict[str, float] = {}
    evidence: dict[str, list[tuple[float, str]]] = {}
    counts, seen = _term_counts(text)
    for term, count in counts.items():
        entries = stems[term[:-1]] if term.endswith("*") else exact[term]
        for topic, weight in entries:
            gain = weight * math.sqrt(min(count, 3))
            raw[topic] = raw.get(topic, 0.0) + gain
            evidence.setdefault(topic, []).append((gain, seen[term]))
    topics = []
    for topic, score in raw.items():
        terms = sorted(evidence[topic], key=lambda pair: (-pair[0], pair[1]))
        if score >= THRESHOLD and len(terms) >= MIN_TERMS:
            topics.append(
                Topic(
                    label=topic,
                    score=round(score / (score + THRESHOLD), 3),
                    evidence=[term for _, term in terms[:MAX_EVIDENCE]],
                )
            )
    return sorted(topics, key=lambda t: (-t.score, t.label))
