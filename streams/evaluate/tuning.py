"""Fitting the splitter's boundary weights on the tuning parts of the benchmarks.

``tune`` prints the weights for ``streams.split.boundary.WEIGHTS``; how the data
were chosen and weighted is in docs/splitting.md ("Tuning").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

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
    trees: Path | None = None,
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
    ``streams.split.boundary.WEIGHTS``. With ``trees``, the boosted trees are
    fitted on the lines among the same examples that the splitter scores
    (:func:`fit_trees`) and written there.

    Returns:
        Feature name to fitted weight.
    """
    from streams.evaluate.synthetic_split import dumps
    from streams.split.boundary import FEATURES, FIXED

    docs = [(r["text"], [a["start"] for a in r["articles"]], 1.0) for r in load(path, "head")]
    heads = [row for single in singles for row in load(single, "head")]
    docs += [(r["text"], [], single_weight) for r in heads]
    if heads and synthetic:
        for seed in seeds:
            for r in dumps(heads, synthetic, seed):
                docs.append((r["text"], [a["start"] for a in r["articles"]], synthetic_weight))
    x, y, weight, scored = _line_examples(docs)
    # the linear model reads the weighted features; the trees also the descriptors
    w = _fit_logistic(x[:, : len(FEATURES)], y, weight, l2=l2)
    fitted = {name: round(float(v), 2) for name, v in zip(FEATURES, w, strict=True)}
    fitted.update(FIXED)
    print("WEIGHTS = (" + ", ".join(f"{v:.2f}" for v in fitted.values()) + ")")
    if trees is not None:
        fit_trees(x[scored], y[scored], weight[scored], out=trees)
    return fitted


def fit_trees(
    x: Any,
    y: Any,
    weight: Any,
    *,
    out: Path,
    iterations: int = 100,
    learning_rate: float = 0.05,
    leaves: int = 15,
) -> Path:
    """Fit the boundary trees by gradient boosting and write them for the splitter.

    ``x``, ``y`` and ``weight`` are the features, labels and weights of the lines
    the splitter scores (not sign-offs, not lines under a heading). scikit-learn
    fits the trees here only (it is in the ``dev`` extra); the written file is
    read by :mod:`streams.split.trees`. The settings (100 trees of 15 leaves,
    learning rate 0.05, no early stopping) were chosen by cross-validation over
    the tuning dumps; see docs/splitting.md (ninth round).

    Raises:
        GeowireError: the written trees do not reproduce the fitted model.
    """
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from threadpoolctl import threadpool_limits

    from streams.core.errors import GeowireError
    from streams.split.boundary import COLUMNS
    from streams.split.trees import from_dict

    model = HistGradientBoostingClassifier(
        max_iter=iterations,
        learning_rate=learning_rate,
        max_leaf_nodes=leaves,
        l2_regularization=1.0,
        early_stopping=False,
        random_state=0,
    )
    with threadpool_limits(1):  # so the fit cannot depend on how threads share the work
        model.fit(x, y, sample_weight=weight)
    data = _tree_json(model, COLUMNS)
    drift = float(np.max(np.abs(from_dict(data).raw(x) - model.decision_function(x))))
    if drift > 1e-9:
        message = f"exported trees differ from the fitted model by {drift}"
        raise GeowireError(message)
    out.write_bytes(orjson.dumps(data))
    return out


def _tree_json(model: Any, features: Sequence[str]) -> dict[str, Any]:
    """The fitted trees of a binary ``HistGradientBoostingClassifier`` as plain lists."""
    import numpy as np

    trees = []
    for (predictor,) in model._predictors:
        tree = []
        for node in predictor.nodes:
            if node["is_leaf"]:
                tree.append([0, 0.0, -1, -1, float(node["value"])])
            else:
                split = [int(node["feature_idx"]), float(node["num_threshold"])]
                tree.append([*split, int(node["left"]), int(node["right"]), 0.0])
        trees.append(tree)
    baseline = float(np.ravel(model._baseline_prediction)[0])
    return {"features": list(features), "baseline": baseline, "trees": trees}


def _line_examples(
    docs: Sequence[tuple[str, Sequence[int], float]],
) -> tuple[Any, Any, Any, Any]:
    """Features, labels and weights of every non-first line of ``(text, starts, weight)``.

    The fourth array marks the lines the splitter scores (``boundary.scored_lines``),
    the trees' examples; the features are computed once for both fits.
    """
    import numpy as np

    from streams.split.boundary import context, features, line_cues, scored_lines
    from streams.split.headline import read_lines
    from streams.split.similarity import default_vectors

    xs: list[list[float]] = []
    ys: list[float] = []
    sw: list[float] = []
    marks: list[bool] = []
    for text, gold, weight in docs:
        lines = read_lines(text)
        cues = line_cues(lines)
        ctx = context(lines, cues, default_vectors())
        scored = set(scored_lines(lines, cues))
        for i in range(1, len(lines)):
            xs.append(features(lines, cues, i, ctx))
            ys.append(float(any(abs(g - lines[i].start) <= TOLERANCE for g in gold)))
            sw.append(weight)
            marks.append(i in scored)
    return np.array(xs), np.array(ys), np.array(sw), np.array(marks, dtype=bool)


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


def fit_headlinese(
    singles: Sequence[Path], *, l2: float = 10.0, min_count: int = 10, out: Path | None = None
) -> Path:
    """Fit the headline-style model on the head documents; write its weights.

    Positives are the documents' titles; negatives are their other sentences
    (12 to 160 characters), weighted so both classes count the same. Features
    seen fewer than ``min_count`` times are dropped.

    Args:
        singles: geoparse benchmark files; only their head parts are read.
        l2: L2 penalty of the logistic fit.
        min_count: features seen fewer times are dropped.
        out: where to write; by default ``streams/split/data/headlinese.json``.

    Returns:
        The path written.
    """
    import numpy as np
    import wordfreq

    from streams.evaluate.synthetic_split import sentences
    from streams.split.headlinese import features

    common = frozenset(wordfreq.top_n_list("en", 300))
    titles, others = [], []
    for row in (r for single in singles for r in load(single, "head")):
        title = (row.get("title") or "").strip()
        titles += [title] if title else []
        for block in re.split(r"\s*\n\s*", row["text"].strip()):
            others += [
                s
                for s in sentences(block)
                if 12 <= len(s) <= 160 and s.rstrip(" .") != title.rstrip(" .")
            ]
    rows = [features(s, common) for s in titles + others]
    counts = Counter(f for row in rows for f in row)
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}
    x = np.zeros((len(rows), len(vocab) + 1))
    x[:, -1] = 1.0
    for r, row in enumerate(rows):
        x[r, [vocab[f] for f in row if f in vocab]] = 1.0
    y = np.array([1.0] * len(titles) + [0.0] * len(others))
    w = _fit_logistic(x, y, np.where(y == 1.0, len(others) / len(titles), 1.0), l2=l2)
    out = out or Path(__file__).resolve().parents[1] / "split" / "data" / "headlinese.json"
    weights = {f: round(float(w[i]), 4) for f, i in vocab.items()}
    data = {"common": sorted(common), "bias": round(float(w[-1]), 4), "weights": weights}
    out.write_bytes(orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
    return out
