"""``geowire eval geoparse``: geocoding accuracy on GeoWebNews / LGL style JSONL.

With gold spans the geocoder only resolves (as Mordecai3 is evaluated): accuracy within
161 km, mean and median error, the AUC of the log-error curve (Gritta et al.; lower is
better) and the GeoNames id match rate. End to end a tagger finds the mentions first:
recognition precision/recall/F1 against all gold spans (scored with
:func:`streams.evaluate.recognition.score_recognition`: a predicted place mention that
overlaps any gold span is a hit), once for the tagger's toponyms (``recognition_*``) and
once for the mentions of the places the geocoder publishes (``published_*``: minus the
mentions it cannot place or finds unlikely), then accuracy on the recognised gold toponyms.
``placed_*`` scores the published mentions as a user meets them: a mention is right only
when it overlaps a gold toponym *and* its place lies within 161 km of it.

The tuning head of a file is its first 70% of GeoNames-id toponyms, cut at a document
boundary (for the shared files: GeoWebNews lines 1-138, LGL lines 1-413); the tail is
the rest.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from schemas.models import ArticleV1, Place, Span
from streams.evaluate.coverage import coverage_figures
from streams.evaluate.gold import (
    ACC_KM,
    EARTH_HALF_CIRCUMFERENCE_KM,
    Resolution,
    error_km,
    resolved_gold,
)
from streams.evaluate.recognition import (
    Part,
    overlaps,
    prf,
    read_docs,
    score_recognition,
    select,
    toponym_spans,
)
from streams.geocode.geocoder import GazetteerGeocoder


def error_figures(errors: Sequence[float]) -> dict[str, float]:
    """Acc@161, mean/median error and AUC of a list of errors in km."""
    if not errors:
        return {"acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 0.0}
    ordered = np.sort(np.asarray(errors, dtype=np.float64))
    logs = np.log(ordered + 1.0)
    span = max(len(ordered) - 1, 1)
    auc = float(np.trapezoid(logs) / span / math.log(EARTH_HALF_CIRCUMFERENCE_KM))
    return {
        "acc161": float(np.mean(ordered <= ACC_KM)),
        "mean_km": float(ordered.mean()),
        "median_km": float(np.median(ordered)),
        "auc": auc,
    }


def comparable_toponyms(docs: list[dict[str, Any]], model: str) -> set[tuple[int, int]]:
    """Select the toponyms Mordecai3's published evaluation kept.

    Mordecai3 scores only gold toponyms with a GeoNames id whose span spaCy tags GPE or
    LOC; this applies the same filter with the given spaCy model.

    Returns:
        ``{(document index, toponym index)}`` of the kept toponyms.
    """
    import spacy

    nlp = spacy.load(model)
    kept: set[tuple[int, int]] = set()
    texts = (d["text"] for d in docs)
    for i, (doc, parsed) in enumerate(zip(docs, nlp.pipe(texts, batch_size=16), strict=True)):
        ents = [(e.start_char, e.end_char) for e in parsed.ents if e.label_ in ("GPE", "LOC")]
        for j, t in enumerate(doc["toponyms"]):
            if t.get("geonameid") and any(overlaps((t["start"], t["end"]), e) for e in ents):
                kept.add((i, j))
    return kept


def gold_span_figures(
    geocoder: GazetteerGeocoder,
    docs: list[dict[str, Any]],
    keep: set[tuple[int, int]] | None = None,
    resolved: Sequence[Resolution] | None = None,
) -> dict[str, Any]:
    """Resolve every gold toponym span and score the answers (only ``keep`` if given).

    ``resolved`` is :func:`resolved_gold` of the same documents, when already computed.
    """
    errors: list[float] = []
    id_hits = id_total = 0
    for i, j, toponym, place, km in resolved or resolved_gold(geocoder, docs):
        if keep is not None and (i, j) not in keep:
            continue
        errors.append(km)
        if toponym.get("geonameid"):
            id_total += 1
            id_hits += int(place is not None and place.geonameid == toponym["geonameid"])
    figures: dict[str, Any] = error_figures(errors)
    figures.update(count=len(errors), geonameid_match=id_hits / id_total if id_total else 0.0)
    return figures


#: What a miss shows of the answer.
_ANSWER_FIELDS = {"geonameid", "name", "feature_code", "admin1", "country_code", "confidence"}


def gold_span_misses(
    geocoder: GazetteerGeocoder,
    docs: list[dict[str, Any]],
    resolved: Sequence[Resolution] | None = None,
) -> list[dict[str, Any]]:
    """The gold toponyms resolved more than 161 km off, for error analysis.

    Meant for the tuning head: reading the tail's misses would stop it being held out.
    ``resolved`` is :func:`resolved_gold` of the same documents, when already computed.

    Returns:
        One row per miss: document id, span, gold name and point, the answer, km.
    """
    misses: list[dict[str, Any]] = []
    for i, _, toponym, place, km in resolved or resolved_gold(geocoder, docs):
        if km <= ACC_KM:
            continue
        answer = None if place is None else place.model_dump(include=_ANSWER_FIELDS)
        misses.append({
            "doc": docs[i].get("id"), "start": toponym["start"], "end": toponym["end"],
            "name": toponym["name"], "lat": toponym["lat"], "lon": toponym["lon"],
            "geonameid": toponym.get("geonameid"), "answer": answer, "km": round(km, 1),
        })  # fmt: skip
    return misses


def end_to_end_figures(
    geocoder: GazetteerGeocoder, tagger: Any, docs: list[dict[str, Any]]
) -> dict[str, Any]:
    """Tag, geocode and score recognition and resolution of the recognised."""
    articles = [
        ArticleV1(
            id=str(d["id"]), source_id=str(d["id"]), index=0,
            span=Span(start=0, end=len(d["text"])), headline=None, text=d["text"], sentences=[],
        )
        for d in docs
    ]  # fmt: skip
    results = tagger.tag_batch(articles)
    tagged = [0, 0, 0]  # the tagger's toponyms: place labels and country demonyms
    published = [0, 0, 0]  # the mentions of the places the geocoder publishes
    gold_total = 0
    placed = [0, 0, 0, 0]  # right mentions, judged mentions, gold found, located gold
    errors: list[float] = []
    for doc, result in zip(docs, results, strict=True):
        places = geocoder.geocode(doc["text"], result.entities).places
        pred = [((m.start, m.end), p) for p in places for m in p.mentions]
        for i, n in enumerate(placed_counts(pred, doc)):
            placed[i] += n
        gold_spans = [(t["start"], t["end"]) for t in doc["toponyms"] + doc["unresolved_toponyms"]]
        for counts, spans in (
            (tagged, toponym_spans(result.entities)),
            (published, [s for s, _ in pred]),
        ):
            for i, n in enumerate(score_recognition(spans, gold_spans)):
                counts[i] += n
        gold_total += len(gold_spans)
        for toponym in doc["toponyms"]:
            span = (toponym["start"], toponym["end"])
            match = next((p for s, p in pred if overlaps(s, span)), None)
            if match is not None:
                errors.append(error_km(match, toponym))
    figures: dict[str, Any] = {}
    for name, (tp, fp, fn) in (("recognition", tagged), ("published", published)):
        precision, recall, f1 = prf(tp, fp, fn, gold_total)
        figures |= {f"{name}_precision": precision, f"{name}_recall": recall, f"{name}_f1": f1}
    right, judged, found, located = placed
    precision, recall, f1 = prf(right, judged - right, located - found, located)
    figures |= {"placed_precision": precision, "placed_recall": recall, "placed_f1": f1}
    figures.update({f"recognised_{k}": v for k, v in error_figures(errors).items()})
    figures["recognised_count"] = len(errors)
    return figures


def placed_counts(
    pred: Sequence[tuple[tuple[int, int], Place]], doc: dict[str, Any]
) -> tuple[int, int, int, int]:
    """Count published mentions that are at the right place, not only on a toponym.

    A mention is right when it overlaps a gold toponym and its place lies within 161 km
    of that toponym's point. Mentions overlapping only gold toponyms without a point
    cannot be judged and are left out.

    Returns:
        ``(right, judged, found, located)``: right mentions, judged mentions, gold
        toponyms with a point that a right mention overlaps, gold toponyms with a point.
    """
    gold = doc["toponyms"]
    unplaced = [(t["start"], t["end"]) for t in doc["unresolved_toponyms"]]
    right = judged = 0
    found: set[int] = set()
    for span, place in pred:
        hits = [i for i, t in enumerate(gold) if overlaps(span, (t["start"], t["end"]))]
        if not hits and any(overlaps(span, u) for u in unplaced):
            continue
        judged += 1
        near = [i for i in hits if error_km(place, gold[i]) <= ACC_KM]
        right += bool(near)
        found.update(near)
    return right, judged, len(found), len(gold)


def run(
    path: Path,
    *,
    gold_spans: bool,
    part: Part = "all",
    tagger: Any = None,
    geocoder: GazetteerGeocoder,
    comparable_model: str | None = None,
    misses: Path | None = None,
) -> dict[str, Any]:
    """Evaluate geocoding on one benchmark file, print a report and return the figures.

    Args:
        path: a GeoWebNews/LGL style JSONL file.
        gold_spans: resolve the gold spans (True) or tag end to end (False).
        part: "head" (tuning), "tail" (held out) or "all".
        tagger: an object with ``tag_batch(articles)``; required end to end.
        geocoder: the geocoder to use.
        comparable_model: with gold spans, also score the Mordecai3-comparable subset
            (toponyms this spaCy model tags GPE/LOC), reported as ``comparable_*``.
        misses: with gold spans, write the misses (:func:`gold_span_misses`) here as
            JSON lines.

    Returns:
        The figures, with ``file``, ``part``, ``mode`` and ``docs``.
    """
    if not gold_spans and tagger is None:
        raise ValueError("end-to-end evaluation needs a tagger")
    docs = select(read_docs(path), part)
    if gold_spans:
        resolved = list(resolved_gold(geocoder, docs))  # once for every figure below
        figures = gold_span_figures(geocoder, docs, resolved=resolved)
        figures |= coverage_figures(geocoder, docs, resolved)
        if comparable_model:
            keep = comparable_toponyms(docs, comparable_model)
            subset = gold_span_figures(geocoder, docs, keep, resolved)
            figures.update({f"comparable_{k}": v for k, v in subset.items()})
        if misses is not None:
            rows = gold_span_misses(geocoder, docs, resolved)
            misses.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    else:
        figures = end_to_end_figures(geocoder, tagger, docs)
    mode = "gold spans" if gold_spans else "end to end"
    figures = {"file": path.name, "part": part, "mode": mode, "docs": len(docs), **figures}
    print(format_report(figures))
    return figures


def format_report(figures: dict[str, Any]) -> str:
    """Render the figures as a short readable report."""
    lines = [f"geoparse {figures['file']} [{figures['part']}, {figures['mode']}]"]
    for key, value in figures.items():
        if key in ("file", "part", "mode"):
            continue
        shown = f"{value:.4f}" if isinstance(value, float) else str(value)
        lines.append(f"  {key:<24} {shown}")
    return "\n".join(lines)
