"""Boosted regression trees over the boundary features, evaluated with numpy alone.

A linear model adds its evidence up, so it cannot express that one cue matters
only when another is absent (a blank line, say, where nothing else speaks against
a break). A small ensemble of trees, fitted by gradient boosting on the same
examples as :data:`streams.split.boundary.WEIGHTS`
(``streams.evaluate.tuning.fit_trees``, with scikit-learn at tuning time only),
can. Here the fitted trees are only read and walked, so the
service needs no machine-learning library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from streams.core.errors import ConfigError
from streams.split.boundary import COLUMNS, FEATURES, WEIGHTS

#: Where the fitted trees of the boundary model are kept, in ``streams/split/data``.
BOUNDARY_TREES = "boundary_trees.json"
#: Share of the trees in a candidate's log-odds; the linear model has the rest.
#: Trees alone lost two tuning dumps in cross-validation; the mean kept all.
TREE_SHARE = 0.5
_RARE_BLANK = FEATURES.index("rare_blank")


@dataclass(frozen=True)
class Trees:
    """An additive ensemble of binary trees, all nodes in flat arrays.

    A row goes left at a node when its value of ``feature`` is at most
    ``threshold``. A leaf's children are the leaf itself, so walking every tree
    ``depth`` steps lands each row on its leaf in every tree at once.

    Attributes:
        features: the feature names, in the column order the trees expect.
        baseline: the log-odds before any tree.
        roots: the node index of each tree's root.
        feature, threshold, left, right, value: one entry per node.
        depth: steps from a root to its deepest leaf, over all trees.
    """

    features: tuple[str, ...]
    baseline: float
    roots: np.ndarray
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    depth: int

    def raw(self, rows: np.ndarray) -> np.ndarray:
        """Log-odds of each row (one row per candidate, one column per feature)."""
        if rows.shape[0] == 0:
            return np.zeros(0)
        node = np.tile(self.roots, (rows.shape[0], 1))
        index = np.arange(rows.shape[0])[:, None]
        for _ in range(self.depth):
            go_left = rows[index, self.feature[node]] <= self.threshold[node]
            node = np.where(go_left, self.left[node], self.right[node])
        return np.asarray(self.baseline + self.value[node].sum(axis=1), dtype=float)


def from_dict(data: dict[str, Any]) -> Trees:
    """Build :class:`Trees` from their JSON form (see ``tuning.fit_trees``).

    Each tree is a list of nodes ``[feature, threshold, left, right, value]``
    with child indices inside the tree and ``left == -1`` for a leaf.
    """
    roots: list[int] = []
    columns: list[list[float]] = [[], [], [], [], []]
    depth = 0
    for tree in data["trees"]:
        base = len(columns[0])
        roots.append(base)
        for n, (feature, threshold, left, right, value) in enumerate(tree):
            leaf = left < 0
            node = (
                (0, 0.0, base + n, base + n, value)
                if leaf
                else (feature, threshold, base + left, base + right, 0.0)
            )
            for column, v in zip(columns, node, strict=True):
                column.append(v)
        depth = max(depth, _depth(tree))
    return Trees(
        features=tuple(data["features"]),
        baseline=float(data["baseline"]),
        roots=np.array(roots, dtype=np.int64),
        feature=np.array(columns[0], dtype=np.int64),
        threshold=np.array(columns[1], dtype=float),
        left=np.array(columns[2], dtype=np.int64),
        right=np.array(columns[3], dtype=np.int64),
        value=np.array(columns[4], dtype=float),
        depth=depth,
    )


def _depth(tree: Sequence[Sequence[float]]) -> int:
    """Edges on the longest path from node 0 to a leaf."""
    deepest, stack = 0, [(0, 0)]
    while stack:
        n, d = stack.pop()
        left, right = int(tree[n][2]), int(tree[n][3])
        if left < 0:
            deepest = max(deepest, d)
        else:
            stack += [(left, d + 1), (right, d + 1)]
    return deepest


def load(path: Path | None, features: Sequence[str]) -> Trees:
    """Read a tree model and check that it scores exactly ``features``.

    Args:
        path: a JSON file; ``None`` reads the packaged boundary trees.
        features: the names of the columns the caller will pass, in order.

    Raises:
        ConfigError: the model was fitted on other features.
    """
    if path is None:
        raw = (resources.files("streams.split") / "data" / BOUNDARY_TREES).read_bytes()
    else:
        raw = path.read_bytes()
    trees = from_dict(orjson.loads(raw))
    if trees.features != tuple(features):
        message = f"tree model features {trees.features} differ from {tuple(features)}"
        raise ConfigError(message)
    return trees


@cache
def boundary_trees() -> Trees:
    """The packaged boundary trees, read once per process."""
    return load(None, COLUMNS)


def logit(values: Sequence[float]) -> float:
    """Log-odds that the candidate described by ``values`` starts an article."""
    return float(scores(np.array([values], dtype=float))[0])


def scores(rows: np.ndarray) -> np.ndarray:
    """Log-odds of many candidates at once, one row of ``boundary.features`` each.

    The linear model (``boundary.WEIGHTS``, over the first columns) and the
    boosted trees (over all of them) each give a log-odds, and a candidate gets
    their mean (:data:`TREE_SHARE`). Where ``rare_blank`` fires the linear model
    decides alone: that feature never fires in the tuning data, so the trees have
    never seen such a line, and its weight was set by hand (``boundary.FIXED``).
    """
    if not rows.shape[0]:
        return np.zeros(0)
    linear = rows[:, : len(WEIGHTS)] @ np.asarray(WEIGHTS)
    trees = boundary_trees().raw(rows)
    mixed = TREE_SHARE * trees + (1.0 - TREE_SHARE) * linear
    return np.asarray(np.where(rows[:, _RARE_BLANK] > 0.0, linear, mixed), dtype=float)
