"""Descriptors of how a candidate line is written, for the boundary trees (``shape``)."""

from __future__ import annotations

import math

import pytest

from streams.split.boundary import COLUMNS, FEATURES, WEIGHTS
from streams.split.headline import read_lines
from streams.split.shape import SHAPE, describe

DUMP = (
    "The ferry linking Port Ellison and Gull Island returned to service on Monday. "
    "Engineers replaced its worn propeller shaft, the harbour board said on Tuesday.\n\n"
    "Council approves budget for new library branch\n\n"
    "3 arrested after night of vandalism in Tallow Bay\n"
)


def _described(index: int) -> dict[str, float]:
    return dict(zip(SHAPE, describe(read_lines(DUMP), index), strict=True))


def test_lengths_are_of_the_line_and_its_neighbours() -> None:
    lines = read_lines(DUMP)
    values = _described(1)
    assert values["length"] == pytest.approx(math.log1p(len(lines[1].text)))
    assert values["prev_length"] == pytest.approx(math.log1p(len(lines[0].text)))
    assert values["next_length"] == pytest.approx(math.log1p(len(lines[2].text)))
    assert _described(2)["next_length"] == 0.0  # the last line has none after it


def test_style_reads_the_first_sentence_and_the_previous_lines_last() -> None:
    values = _described(1)
    # a headline after a story's last sentence
    assert values["style"] > 0.0 > values["prev_style"]
    # the previous line's last sentence is read: changing it changes the value
    last = DUMP.replace(" Engineers", " New engineers").replace("on Tuesday.", "to reporters.")
    assert describe(read_lines(last), 1)[SHAPE.index("prev_style")] != values["prev_style"]


def test_capitals_and_a_leading_digit() -> None:
    assert _described(1)["capitals"] == pytest.approx(1 / 7)
    assert _described(2)["digit"] == 1.0
    assert _described(1)["digit"] == 0.0


def test_the_descriptors_are_columns_for_the_trees_only() -> None:
    assert COLUMNS == FEATURES + SHAPE
    assert len(WEIGHTS) == len(FEATURES)
