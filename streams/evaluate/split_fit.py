"""``geowire eval split-fit``: fit the splitter's model on head material only.

The examples are the block starts of three kinds of page, all made from the head
(tuning) documents of the geoparse benchmark or taken from benchmark heads:

* pages rendered in many styles (:mod:`streams.evaluate.pages`);
* the head records of messy.jsonl;
* the head dumps of dumps.jsonl.

A block start is positive when a gold article starts there. The weights are an
L2-penalised logistic regression fitted by Newton's method (the bias is not
penalised). The threshold is then set for precision: the lowest threshold at
which no more than ``budget`` of a separate set of rendered single articles is
cut. The result is written as JSON (``streams/split/data/weights.json``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from streams.evaluate.pages import pages
from streams.evaluate.split import SHARED, load
from streams.split.features import NAMES, matrix
from streams.split.layout import read
from streams.split.splitter import WEIGHTS, Model

#: Shortest article allowed (characters from its start to the next start).
MIN_CHARS = 250
L2 = 1.0
#: Share of rendered single articles the threshold may cut.
BUDGET = 0.01


def head_documents() -> list[dict[str, Any]]:
    """The head (tuning) documents of the geoparse benchmark."""
    files = [SHARED / "geoparse" / "geowebnews.jsonl", SHARED / "geoparse" / "lgl.jsonl"]
    return [doc for f in files for doc in load(f, "head")]


def examples(rows: Sequence[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of every block start but the first of each record.

    The first article's own start is left out when furniture comes before it (a
    page's navigation): it reads as a start, but the first article has none to find.
    """
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for row in rows:
        text, articles = row["text"], row["articles"]
        _, blocks = read(text)
        if len(blocks) < 2:
            continue
        gold = {_skip_space(text, a["start"]) for a in articles[1:]}
        first = _skip_space(text, articles[0]["start"])
        keep = np.array([b.start != first for b in blocks[1:]])
        xs.append(matrix(blocks)[keep])
        ys.append(np.array([float(b.start in gold) for b in blocks[1:]])[keep])
    return np.vstack(xs), np.concatenate(ys)


def logistic(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 50) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method; column 0 is the bias."""
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        grad = x.T @ (p - y) + penalty * beta
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-9:
            break
    return beta


def threshold(weights: dict[str, float], singles: Sequence[dict[str, Any]], budget: float) -> float:
    """The lowest threshold (a multiple of 0.1) that cuts at most ``budget`` of ``singles``.

    A single article is cut exactly when one of its block starts that leaves both
    parts at least ``MIN_CHARS`` long scores above the threshold, so each article
    needs only its highest such score.
    """
    vector = np.array([weights[name] for name in NAMES])
    tops = []
    for row in singles:
        _, blocks = read(row["text"])
        end = blocks[-1].end if blocks else 0
        ok = [MIN_CHARS <= b.start <= end - MIN_CHARS for b in blocks[1:]]
        scores = matrix(blocks) @ vector if len(blocks) > 1 else np.zeros(0)
        tops.append(max((z for z, fine in zip(scores, ok, strict=True) if fine), default=-99.0))
    allowed = int(budget * len(tops))
    top = sorted(tops, reverse=True)[allowed] if len(tops) > allowed else -99.0
    return math.floor(top * 10 + 1) / 10  # the next tenth above it


def fit(out: Path = WEIGHTS, *, count: int = 2000, seed: int = 5, budget: float = BUDGET) -> Model:
    """Fit the model on head material and write it to ``out``.

    Args:
        out: where to write the JSON.
        count: rendered pages to fit on.
        seed: seed of the rendered pages (the single articles for the
            threshold use ``seed + 1``).
        budget: share of rendered single articles the threshold may cut.

    Returns:
        The model written.
    """
    docs = head_documents()
    rows = pages(docs, count, seed)
    rows += load(SHARED / "split" / "messy.jsonl", "head")
    rows += load(SHARED / "split" / "dumps.jsonl", "head")
    x, y = examples(rows)
    beta = logistic(x, y)
    weights = {name: round(float(b), 4) for name, b in zip(NAMES, beta, strict=True)}
    singles = pages(docs, 400, seed + 1, singles=1.0)
    model = Model(weights, threshold(weights, singles, budget), MIN_CHARS)
    out.write_bytes(model.to_json())
    print(f"fitted on {len(rows)} pages, {len(y)} block starts, {int(y.sum())} article starts")
    for name, w in weights.items():
        print(f"  {name:15s} {w:+.4f}")
    print(f"  threshold       {model.threshold:+.1f} (at most {budget:.1%} of singles cut)")
    return model


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i
