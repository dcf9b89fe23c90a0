"""Toponym recognition scoring on GeoWebNews / LGL style JSONL.

Definitions (overlap, not exact match, as in the issue):

* gold spans = a document's ``toponyms`` plus ``unresolved_toponyms``;
* a **true positive** is a predicted toponym span that overlaps at least one gold span;
* a **false positive** is a predicted span that overlaps no gold span;
* a **false negative** is a gold span that no predicted span overlaps.

Precision = tp / (tp + fp); recall = (gold - fn) / gold; F1 their harmonic mean.

A predicted toponym is an entity with a place label (GPE, LOC, FAC: what the geocoder
resolves) or, by default, a NORP demonym with a country code: both corpora annotate
demonyms ("Iranian") as toponyms, and geowire publishes them as NORP with the country
they point to (``--places-only`` scores place labels alone). Parts: ``head`` is the first
70% (for tuning, see :func:`head_size`), ``tail`` the rest, ``all`` every line.

Usage: ``geowire eval recognition FILE [--part head|tail|all]``.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

from schemas.models import Entity
from streams.core.interfaces import PLACE_LABELS

Part = Literal["head", "tail", "all"]
HEAD_FRACTION = 0.7


class TextTagger(Protocol):
    """What the runner needs: tag plain texts (``SpacyTagger.tag_texts``)."""

    def tag_texts(self, texts: Sequence[str]) -> list[list[Entity]]: ...


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two half-open ``(start, end)`` spans share a character."""
    return a[0] < b[1] and b[0] < a[1]


def score_recognition(
    predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]
) -> tuple[int, int, int]:
    """Count overlap hits of predicted toponym spans against gold spans.

    Args:
        predicted: ``(start, end)`` of each predicted toponym.
        gold: ``(start, end)`` of each gold toponym.

    Returns:
        ``(tp, fp, fn)``: predicted spans overlapping a gold span, predicted spans
        overlapping none, gold spans overlapped by no prediction.
    """

    tp = sum(1 for p in predicted if any(overlaps(p, g) for g in gold))
    fn = sum(1 for g in gold if not any(overlaps(p, g) for p in predicted))
    return tp, len(predicted) - tp, fn


def toponym_spans(entities: Sequence[Entity], demonyms: bool = True) -> list[tuple[int, int]]:
    """The spans scored as predicted toponyms: place labels, and demonyms if asked."""
    return [
        (e.start, e.end)
        for e in entities
        if e.label in PLACE_LABELS or (demonyms and e.label == "NORP" and e.country_code)
    ]


def gold_spans(doc: dict[str, Any]) -> list[tuple[int, int]]:
    """Gold toponym spans of one benchmark document (resolved and unresolved)."""
    rows = list(doc.get("toponyms", [])) + list(doc.get("unresolved_toponyms", []))
    return [(int(t["start"]), int(t["end"])) for t in rows]


def head_size(docs: Sequence[dict[str, Any]]) -> int:
    """Number of documents in the head: the shortest prefix holding 70% of the toponyms
    with a GeoNames id (the cut the shared README uses: GeoWebNews tail from line 139,
    LGL from line 414); 70% of the documents when there are no ids.
    """
    ids = [sum(1 for t in d.get("toponyms", []) if t.get("geonameid")) for d in docs]
    total = sum(ids)
    if not total:
        return math.ceil(len(docs) * HEAD_FRACTION)
    running = 0
    for i, count in enumerate(ids):
        running += count
        if running >= HEAD_FRACTION * total:
            return i + 1
    return len(docs)


def read_docs(path: Path) -> list[dict[str, Any]]:
    """Read one JSON document per line."""
    # split on "\n" only: str.splitlines() also breaks on U+2028 and U+0085 inside strings
    lines = path.read_text(encoding="utf-8").split("\n")
    return [json.loads(line) for line in lines if line.strip()]


def read_part(path: Path, part: Part) -> list[dict[str, Any]]:
    """Read the JSONL documents of one part (see :func:`head_size`)."""
    return select(read_docs(path), part)


def select(docs: list[dict[str, Any]], part: Part) -> list[dict[str, Any]]:
    """Return the head, the tail or all documents (see :func:`head_size`)."""
    cut = head_size(docs)
    return docs[:cut] if part == "head" else docs[cut:] if part == "tail" else docs


def prf(tp: int, fp: int, fn: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from the counts (0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = (n_gold - fn) / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run(path: Path, *, part: Part = "all", tagger: TextTagger, demonyms: bool = True) -> dict:  # type: ignore[type-arg]
    """Tag one benchmark part, print P/R/F1 and return the figures.

    Args:
        path: a GeoWebNews/LGL JSONL file.
        part: "head" (tuning), "tail" (held out) or "all".
        tagger: anything with ``tag_texts`` (e.g. ``SpacyTagger``).
        demonyms: count NORP demonyms with a country code as toponyms.

    Returns:
        ``{"file", "part", "docs", "gold", "tp", "fp", "fn", "precision", "recall", "f1",
        "seconds"}``.
    """
    docs = read_part(path, part)
    started = time.perf_counter()
    tagged = tagger.tag_texts([d["text"] for d in docs])
    tp = fp = fn = n_gold = 0
    for doc, entities in zip(docs, tagged, strict=True):
        gold = gold_spans(doc)
        t, f, n = score_recognition(toponym_spans(entities, demonyms), gold)
        tp, fp, fn, n_gold = tp + t, fp + f, fn + n, n_gold + len(gold)
    precision, recall, f1 = prf(tp, fp, fn, n_gold)
    result = {
        "file": path.name,
        "part": part,
        "docs": len(docs),
        "gold": n_gold,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(
        f"{path.name:18} {part:4} docs={len(docs):4} gold={n_gold:5} tp={tp:5} fp={fp:4} "
        f"fn={fn:4}  P={precision:.3f} R={recall:.3f} F1={f1:.3f}"
    )
    return result


def _tagger(model: str, gazetteer: Path | None) -> TextTagger:
    from streams.tag.tagger import SpacyTagger

    oracle = None
    if gazetteer is not None:
        from streams.gazetteer import load_gazetteer

        oracle = load_gazetteer(gazetteer)
    return SpacyTagger(model, oracle=oracle)


def run_files(
    files: Sequence[Path],
    parts: Sequence[Part],
    *,
    model: str,
    gazetteer: Path,
    use_gazetteer: bool = True,
    demonyms: bool = True,
) -> None:
    """Score recognition on each file and part (``geowire eval recognition``).

    Args:
        files: GeoWebNews/LGL style JSONL files; skipped when one is missing.
        parts: the parts to score in each file.
        model: the spaCy model of the tagger.
        gazetteer: the gazetteer index path.
        use_gazetteer: give the tagger the gazetteer as its place oracle.
        demonyms: count demonyms as toponyms.
    """
    missing = [f for f in files if not f.exists()]
    if missing:
        print(f"skipped: not found: {', '.join(map(str, missing))}")
        return
    tagger = _tagger(model, gazetteer if use_gazetteer else None)
    for path in files:
        for part in parts:
            run(path, part=part, tagger=tagger, demonyms=demonyms)
