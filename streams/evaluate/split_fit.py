"""``geowire eval split-fit``: fit the splitter's model on head material only.

The examples are the block starts of three kinds of page, all made from the head
(tuning) documents of the geoparse benchmark or taken from benchmark heads:

* pages rendered in many styles (:mod:`streams.evaluate.pages`);
* the head records of messy.jsonl;
* the head dumps of dumps.jsonl.

A block start is positive when a gold article starts there. The weights are an
L2-penalised logistic regression fitted by Newton's method (the bias is not
penalised). The decoder's article-length prior is the mean and standard
deviation of the log of the gold articles' lengths on the same pages. The
threshold is then set for precision: the lowest threshold at which the decoder
cuts no more than ``budget`` of a separate set of rendered single articles. The
result is written as JSON (``streams/split/data/weights.json``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from streams.evaluate.pages import pages
from streams.evaluate.split import SHARED, load
from streams.split.decode import LengthPrior, decode
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


def length_prior(rows: Sequence[dict[str, Any]]) -> LengthPrior:
    """The log-normal of article lengths: from each start to the next, as the decoder counts.

    The first article runs from the input's start (furniture above it included),
    the last to the input's last non-space character.
    """
    logs: list[float] = []
    for row in rows:
        text = row["text"]
        starts = [0, *(_skip_space(text, a["start"]) for a in row["articles"][1:])]
        ends = [*starts[1:], len(text.rstrip())]
        logs += [math.log(b - a) for a, b in zip(starts, ends, strict=True) if b > a]
    values = np.array(logs)
    return LengthPrior(round(float(values.mean()), 4), round(float(values.std()), 4))


def threshold(
    weights: dict[str, float], prior: LengthPrior, singles: Sequence[dict[str, Any]], budget: float
) -> float:
    """The lowest threshold (a multiple of 0.1) at which at most ``budget`` of ``singles`` is cut.

    A lower threshold raises every choice with a cut and leaves the choice of none
    as it is, so the share cut falls as the threshold rises and the threshold is
    found by bisection over tenths (the page's prior follows the sure starts, so
    this holds nearly always; the threshold returned meets the budget in any case).
    """
    vector = np.array([weights[name] for name in NAMES])
    inputs = []
    for row in singles:
        _, blocks = read(row["text"])
        if len(blocks) > 1:
            scores = (matrix(blocks) @ vector).tolist()
            inputs.append(([b.start for b in blocks[1:]], scores, blocks[-1].end))
    allowed = int(budget * len(singles))

    def cut(tenths: int) -> int:
        return sum(
            bool(decode(offsets, [z - tenths / 10 for z in scores], end, MIN_CHARS, prior))
            for offsets, scores, end in inputs
        )

    low, high = -100, 100  # cut(high) <= allowed is assumed, then kept true
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if cut(middle) <= allowed else (middle, high)
    return high / 10


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
    prior = length_prior(rows)
    singles = pages(docs, 400, seed + 1, singles=1.0)
    model = Model(weights, threshold(weights, prior, singles, budget), MIN_CHARS, prior)
    out.write_bytes(model.to_json())
    print(f"fitted on {len(rows)} pages, {len(y)} block starts, {int(y.sum())} article starts")
    for name, w in weights.items():
        print(f"  {name:15s} {w:+.4f}")
    print(f"  threshold       {model.threshold:+.1f} (at most {budget:.1%} of singles cut)")
    print(f"  length prior    ln L ~ N({prior.mu}, {prior.sigma}): median {math.exp(prior.mu):.0f}")
    return model


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i
