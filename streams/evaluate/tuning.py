"""Fitting the splitter's boundary weights on the tuning parts of the benchmarks.

``tune`` prints the weights for ``streams.enrich.boundary.WEIGHTS``; how the data
were chosen and weighted is in docs/splitting.md ("Tuning").
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from streams.evaluate.split import TOLERANCE, load


def tune(
    path: Path,
    singles: Sequence[Path] = (),
    *,
    single_weight: float = 10.0,
    l2: float = 1.0,
    synthetic: int = 600,
    synthetic_weight: float = 0.25,
    seeds: Sequence[int] = (7, 8),
) -> dict[str, float]:
    """Fit the boundary weights on the head (tuning) parts of the benchmarks.

    Every non-first line of every dump is an example; it is positive when a gold
    article starts within :data:`TOLERANCE` characters of it. The lines of the
    single documents (head parts of ``singles``) are negatives, weighted by
    ``single_weight``: they teach that a long article's paragraphs are not
    breaks. ``synthetic`` dumps per seed, built at run time from those same head
    documents (:mod:`streams.evaluate.synthetic_split`), add examples weighted by
    ``synthetic_weight``. The weights are those of an L2-regularised logistic
    regression (Newton's method); they are printed for
    ``streams.enrich.boundary.WEIGHTS``.

    Returns:
        Feature name to fitted weight.
    """
    from streams.enrich.boundary import FEATURES, FIXED
    from streams.evaluate.synthetic_split import dumps

    docs = [(r["text"], [a["start"] for a in r["articles"]], 1.0) for r in load(path, "head")]
    heads = [row for single in singles for row in load(single, "head")]
    docs += [(r["text"], [], single_weight) for r in heads]
    if heads and synthetic:
        for seed in seeds:
            for r in dumps(heads, synthetic, seed):
                docs.append((r["text"], [a["start"] for a in r["articles"]], synthetic_weight))
    w = _fit_logistic(*_line_examples(docs), l2=l2)
    fitted = {name: round(float(v), 2) for name, v in zip(FEATURES, w, strict=True)}
    fitted.update(FIXED)
    print("WEIGHTS = (" + ", ".join(f"{v:.2f}" for v in fitted.values()) + ")")
    return fitted


def _line_examples(docs: Sequence[tuple[str, Sequence[int], float]]) -> tuple[Any, Any, Any]:
    """Features, labels and weights of every non-first line of ``(text, starts, weight)``."""
    import numpy as np

    from streams.enrich.boundary import context, features, line_cues
    from streams.enrich.headline import read_lines

    xs: list[list[float]] = []
    ys: list[float] = []
    sw: list[float] = []
    for text, gold, weight in docs:
        lines = read_lines(text)
        cues = line_cues(lines)
        ctx = context(lines, cues)
        for i in range(1, len(lines)):
            xs.append(features(lines, cues, i, ctx))
            ys.append(float(any(abs(g - lines[i].start) <= TOLERANCE for g in gold)))
            sw.append(weight)
    return np.array(xs), np.array(ys), np.array(sw)


def _fit_logistic(x: Any, y: Any, s: Any, *, l2: float) -> Any:
    """Weighted L2 logistic regression by Newton's method (30 steps)."""
    import numpy as np

    w = np.zeros(x.shape[1])
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (s * (p - y)) + l2 * w
        hess = (x.T * (s * p * (1 - p))) @ x + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return w
