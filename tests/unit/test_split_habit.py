"""The page's separator habit (stage 2) on pages written for these tests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import orjson
import pytest

from streams.core.errors import ConfigError
from streams.evaluate.split_fit import IDENTITY
from streams.split.habit import habit
from streams.split.splitter import Model, PageSplitter
from tests.split_texts import article


@pytest.fixture(scope="module")
def splitter() -> PageSplitter:
    return PageSplitter()


@pytest.fixture(scope="module")
def stage1() -> PageSplitter:
    """The shipped model without stage 2: stage 1's log-odds at stage 1's own threshold."""
    model = PageSplitter().model
    return PageSplitter(replace(model, stage2=IDENTITY, threshold=model.sure))


def _untitled(n: int, titled: bool, inner: frozenset[int] = frozenset()) -> str:
    """An article of 12 paragraphs on topic ``n % 10`` (three towns), one line break apart.

    The lead has no dateline, so an untitled article opens like any paragraph. A title
    line goes on top when ``titled``; paragraphs in ``inner`` get a blank line before.
    """
    paragraphs = [p for k in range(3) for p in article(n + 10 * k).paragraphs]
    paragraphs[0] = paragraphs[0].split(" — ", 1)[1]
    if titled:
        paragraphs.insert(0, article(n).title)
    text = paragraphs[0]
    for i, p in enumerate(paragraphs[1:], 1):
        text += ("\n\n" if i in inner else "\n") + p
    return text


def _page(parts: list[str]) -> tuple[str, list[int]]:
    """Articles one blank line apart; the text and each article's start."""
    starts = [0]
    for part in parts[:-1]:
        starts.append(starts[-1] + len(part) + 2)
    return "\n\n".join(parts), starts


def test_an_unsure_wide_break_gets_the_habit_of_the_sure_ones() -> None:
    blanks = [0, 0, 1] * 4
    sure = [False, False, True] * 3 + [False, False, False]
    h = habit(blanks, sure)
    assert h[11] > 0.4  # the other wide breaks are all sure starts (shrunk: only 3)
    assert all(h[i] < 0 for i in range(12) if blanks[i] == 0)


def test_blank_lines_written_differently_are_different_kinds() -> None:
    # one blank line everywhere, but a space on it between paragraphs (<p>&nbsp;</p>)
    gaps = ["\n \n", "\n \n", "\n\n"] * 4
    sure = [False, False, True] * 3 + [False, False, False]
    h = habit(gaps, sure)
    assert h[11] > 0.4
    assert all(h[i] < 0 for i in range(12) if gaps[i] != "\n\n")
    assert not np.any(habit([1] * 12, sure))  # read as blank lines alone: one kind


def test_wide_breaks_inside_articles_give_no_habit() -> None:
    # the sure starts come after paragraph breaks; the wide breaks are not starts
    blanks = [0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0]
    sure = [False, False, True, False, False, True, False, False, True, False, False, False]
    h = habit(blanks, sure)
    assert all(h[i] < 0 for i in range(12) if blanks[i] == 1)


def test_a_block_is_not_its_own_evidence() -> None:
    blanks = [0, 1, 0, 1, 0, 1, 0, 2]
    sure = [False, True, False, True, False, False, False, True]
    flipped = list(sure)
    flipped[5] = True
    assert habit(blanks, sure)[5] == pytest.approx(habit(blanks, flipped)[5])
    assert habit(blanks, sure)[7] == 0.0  # the only break of its kind
    assert not np.any(habit([1] * 6, [True, False] * 3))  # one kind: nothing to contrast


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4, 5], [2, 4, 6, 8, 1, 3], [9, 8, 7, 6, 5, 4]])
def test_untitled_articles_are_cut_at_every_blank_line(
    splitter: PageSplitter, stage1: PageSplitter, order: list[int]
) -> None:
    # every other article has a title: stage 1 is sure of those starts only
    text, starts = _page([_untitled(n, titled=k % 2 == 0) for k, n in enumerate(order)])
    assert [s.start for s in splitter.split(text)] == starts
    assert len(stage1.split(text)) < len(starts)  # stage 1 alone misses untitled ones


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4, 5], [2, 4, 6, 8, 1, 3]])
def test_blank_lines_inside_articles_too_are_not_cut(
    splitter: PageSplitter, order: list[int]
) -> None:
    parts = [_untitled(n, k % 2 == 0, frozenset({3 + n % 5, 8})) for k, n in enumerate(order)]
    text, starts = _page(parts)
    assert set(s.start for s in splitter.split(text)) <= set(starts)


@pytest.mark.parametrize("inner", [{4}, {6}, {2, 9}])
@pytest.mark.parametrize("n", range(0, 10, 3))
@pytest.mark.parametrize("titled", [False, True])
def test_one_article_with_a_random_blank_line_is_kept_whole(
    splitter: PageSplitter, n: int, inner: set[int], titled: bool
) -> None:
    assert len(splitter.split(_untitled(n, titled, frozenset(inner)))) == 1


def test_the_model_reads_back_what_it_writes_and_refuses_one_stage(tmp_path: Path) -> None:
    model = Model.load()
    path = tmp_path / "weights.json"
    path.write_bytes(model.to_json())
    assert Model.load(path) == model
    one_stage = orjson.loads(model.to_json())
    del one_stage["sure"], one_stage["stage2"]
    path.write_bytes(orjson.dumps(one_stage))
    with pytest.raises(ConfigError):
        Model.load(path)


def _spaced(n: int, titled: bool, spacer: str) -> str:
    """An article of 12 paragraphs on topic ``n % 10``, ``spacer`` between paragraphs."""
    paragraphs = [p for k in range(2) for p in article(n + 10 * k).paragraphs]
    return spacer.join([article(n).title, *paragraphs] if titled else paragraphs)


@pytest.mark.parametrize("spacer", ["\n\u00a0\n", "\n \n"])
@pytest.mark.parametrize("order", [list(range(10)), list(range(9, -1, -1))])
def test_a_blank_line_written_only_between_articles_finds_untitled_ones(
    splitter: PageSplitter, stage1: PageSplitter, spacer: str, order: list[int]
) -> None:
    # paragraphs a blank line with a space on it apart, articles an empty blank line
    # apart; every other article has a title: stage 1 is sure of those starts only
    text, starts = _page([_spaced(n, k % 2 == 0, spacer) for k, n in enumerate(order)])
    found = [s.start for s in splitter.split(text)]
    assert set(found) <= set(starts)
    assert len(found) > len(stage1.split(text)) == len(starts) // 2
    for k, n in enumerate(order):  # each article alone is kept whole
        assert len(splitter.split(_spaced(n, k % 2 == 0, spacer))) == 1
