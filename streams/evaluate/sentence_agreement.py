"""How often our sentence ends agree with pysbd's, a rule-based reference segmenter.

There is no gold for sentences in the shared benchmarks, so this compares
:func:`streams.split.sentences.split_sentences` with pysbd (Sadvilkar & Neumann
2020, "Golden Rules") on every paragraph of the geoparse documents. A cut one
side makes and the other does not, within 2 characters, is a disagreement:
reading a sample of each kind shows which side is wrong. The ends of paragraphs
are left out (both always cut there).

``geowire eval sentences [--part head] [--examples N]``;
needs the ``dev`` extra (pysbd) and skips cleanly without it or the data.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import Any

from streams.evaluate.split import SHARED, Part, load
from streams.split.sentences import split_sentences

SLACK = 2


def _ours(paragraph: str) -> set[int]:
    return {s.end for s in split_sentences(paragraph)}


def _theirs(paragraph: str, segmenter: Any) -> set[int]:
    ends = set()
    for sentence in segmenter.segment(paragraph):
        end = sentence.end
        while end > 0 and paragraph[end - 1].isspace():
            end -= 1
        ends.add(end)
    return ends


def compare(paragraphs: Iterable[str], segmenter: Any) -> dict[str, Any]:
    """Count agreed and one-sided sentence ends over ``paragraphs``.

    Args:
        paragraphs: texts without line breaks.
        segmenter: a ``pysbd.Segmenter`` with ``char_span=True``.

    Returns:
        ``ours``, ``theirs`` (cuts made), ``agreed``, and the one-sided cuts as
        ``ours_only`` / ``theirs_only`` lists of ``(paragraph, offset)``.
    """
    counts: dict[str, Any] = {"ours": 0, "theirs": 0, "agreed": 0}
    ours_only: list[tuple[str, int]] = []
    theirs_only: list[tuple[str, int]] = []
    for paragraph in paragraphs:
        last = len(paragraph.rstrip())
        ours = _ours(paragraph) - {last}
        theirs = _theirs(paragraph, segmenter) - {last}
        counts["ours"] += len(ours)
        counts["theirs"] += len(theirs)
        for end in ours:
            if any(abs(end - t) <= SLACK for t in theirs):
                counts["agreed"] += 1
            else:
                ours_only.append((paragraph, end))
        theirs_only += [(paragraph, t) for t in theirs if all(abs(t - o) > SLACK for o in ours)]
    counts.update(ours_only=ours_only, theirs_only=theirs_only)
    return counts


def _print(counts: dict[str, Any], examples: int) -> None:
    for key in ("ours", "theirs", "agreed"):
        print(f"  {key:12s} {counts[key]}")
    for key in ("ours_only", "theirs_only"):
        print(f"  {key:12s} {len(counts[key])}")
    rng = random.Random(0)
    for key in ("ours_only", "theirs_only"):
        cases = counts[key]
        for paragraph, end in rng.sample(cases, min(examples, len(cases))):
            print(f"  {key}: {paragraph[max(0, end - 40) : end]!r} | {paragraph[end : end + 30]!r}")


def run(part: Part = "head", examples: int = 0) -> dict[str, Any] | None:
    """Compare on the shared geoparse documents; skip without them or pysbd.

    Args:
        part: which part of the geoparse files to read.
        examples: how many disagreements to print.

    Returns:
        The counts, or None when skipped.
    """
    try:
        import pysbd
    except ImportError:
        print("skipped: pysbd is not installed (pip install -e '.[dev]')")
        return None
    files = sorted((SHARED / "geoparse").glob("*.jsonl"))
    if not files:
        print(f"skipped: no geoparse files under {SHARED}")
        return None
    paragraphs = [
        p
        for path in files
        for row in load(path, part)
        for p in row["text"].split("\n")
        if p.strip()
    ]
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    print(f"sentence ends against pysbd [{part}], {len(paragraphs)} paragraphs")
    counts = compare(paragraphs, segmenter)
    _print(counts, examples)
    return counts
