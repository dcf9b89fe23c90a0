"""Boosted boundary trees: walking them, reading them, mixing them with the weights."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from streams.core.errors import ConfigError
from streams.split import boundary
from streams.split.trees import boundary_trees, from_dict, load, logit, scores

# tree 1 splits on column 0 at 0.5, then its right child on column 1 at 2.0;
# tree 2 is a single leaf
MODEL = {
    "features": ["a", "b"],
    "baseline": -1.0,
    "trees": [
        [[0, 0.5, 1, 2, 0.0], [0, 0.0, -1, -1, 0.25], [1, 2.0, 3, 4, 0.0],
         [0, 0.0, -1, -1, 1.5], [0, 0.0, -1, -1, -2.0]],
        [[0, 0.0, -1, -1, 0.1]],
    ],
}  # fmt: skip


def test_each_row_lands_on_its_leaf_in_every_tree() -> None:
    trees = from_dict(MODEL)
    rows = np.array([[0.5, 9.0], [0.6, 2.0], [0.6, 2.1]])
    # a value equal to the threshold goes left
    assert trees.raw(rows) == pytest.approx([-1.0 + 0.25 + 0.1, -1.0 + 1.5 + 0.1, -1.0 - 2.0 + 0.1])
    assert trees.depth == 2
    assert trees.raw(np.zeros((0, 2))).shape == (0,)


def test_a_model_fitted_on_other_features_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "trees.json"
    path.write_text(json.dumps(MODEL))
    assert load(path, ["a", "b"]).baseline == -1.0
    with pytest.raises(ConfigError, match="features"):
        load(path, ["a", "c"])


def test_the_packaged_trees_score_the_boundary_features() -> None:
    trees = boundary_trees()
    assert trees.features == boundary.COLUMNS
    assert len(trees.roots) == 100


def _row(**values: float) -> list[float]:
    row = [0.0] * len(boundary.COLUMNS)
    for name, value in values.items():
        row[boundary.FEATURES.index(name)] = value
    return row


def test_a_candidate_gets_the_mean_of_weights_and_trees_except_where_blank_lines_are_rare() -> None:
    rows = np.array([_row(bias=1.0, blank=1.0), _row(bias=1.0, blank=1.0, rare_blank=1.0)])
    linear = rows[:, : len(boundary.WEIGHTS)] @ np.array(boundary.WEIGHTS)
    trees = boundary_trees().raw(rows)
    assert abs(trees[0] - linear[0]) > 0.1  # the mean is not the linear model's value
    assert scores(rows) == pytest.approx([(linear[0] + trees[0]) / 2, linear[1]])
    assert logit(rows[1]) == pytest.approx(linear[1])
    assert scores(np.zeros((0, len(boundary.COLUMNS)))).shape == (0,)
