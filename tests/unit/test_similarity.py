"""Topic shift from word vectors: windows, the WordLlama vectors, the splitter's use."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from streams.split.boundary import FEATURES, context, features, line_cues
from streams.split.headline import read_lines
from streams.split.similarity import DIM, WordLlamaVectors, default_vectors, window_similarity
from streams.split.splitter import RuleSplitter

_TOPICS = {"harbour": 0, "ferry": 0, "quay": 0, "orchard": 1, "cherry": 1, "harvest": 1}


class TopicVectors:
    """Each topic word points along its topic's axis; other words are zero."""

    def __init__(self) -> None:
        self.calls = 0

    def vectors(self, words: Sequence[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(words), 2), dtype=np.float32)
        for row, word in enumerate(words):
            axis = _TOPICS.get(word.strip(".,").lower())
            if axis is not None:
                out[row, axis] = 1.0
        return out


def _line(topic_word: str, length: int) -> str:
    words = f"The {topic_word} was busy today."
    return (words + " ") * (length // (len(words) + 1)) + words


def test_a_change_of_topic_is_a_low_cosine_and_the_same_topic_a_high_one() -> None:
    # lines of 320 characters: the near window (300 each way) is one line each side
    text = "\n".join(
        [_line("harbour", 320), _line("ferry", 320), _line("orchard", 320), _line("cherry", 320)]
    )
    sims = window_similarity(read_lines(text), TopicVectors())
    assert sims.shape == (4, 2)
    assert np.all(sims[0] == 0.0)  # nothing before the first line
    assert sims[1, 1] == pytest.approx(1.0)
    assert sims[2, 1] == pytest.approx(0.0)  # harbour before, orchard after
    assert sims[3, 1] == pytest.approx(1.0)


def test_the_wide_window_reaches_back_only_to_the_line_that_fills_it() -> None:
    # 1,200 characters are filled by the three quay lines of ~500; the orchard line
    # above them is outside the window, so the cherry line shares nothing with it.
    lines = [_line("orchard", 700), *(_line("quay", 500) for _ in range(3)), _line("cherry", 80)]
    sims = window_similarity(read_lines("\n".join(lines)), TopicVectors())
    assert sims[4, 0] == pytest.approx(0.0)
    shorter = [_line("orchard", 700), _line("quay", 500), _line("cherry", 80)]
    assert window_similarity(read_lines("\n".join(shorter)), TopicVectors())[2, 0] > 0.3


def test_a_single_line_has_no_similarity_to_compute() -> None:
    assert window_similarity(read_lines("One line only."), TopicVectors()).shape == (1, 2)


def test_wordllama_vectors_are_cached_per_word_and_survive_a_full_cache() -> None:
    fresh = WordLlamaVectors()
    small = WordLlamaVectors(cache_size=3)
    words = ["the", "ferry", "crossed", "the", "harbour", "before", "the", "storm", "reached"]
    expected = fresh.vectors(words)
    assert expected.shape == (len(words), DIM)
    assert np.array_equal(expected[0], expected[3])  # "the" twice, one vector
    for _ in range(2):  # the small cache is emptied on every call and refilled
        assert np.array_equal(small.vectors(words), expected)
    assert fresh.vectors([]).shape == (0, DIM)


def _cos(a: str, b: str) -> float:
    va = default_vectors().vectors(a.split()).sum(axis=0)
    vb = default_vectors().vectors(b.split()).sum(axis=0)
    return float(va @ vb / (np.linalg.norm(va) * np.linalg.norm(vb)))


def test_word_vectors_see_a_shared_subject_without_shared_words() -> None:
    match = (
        "The striker scored twice in the second half and the goalkeeper saved a penalty"
        " as the club won the league title."
    )
    same = (
        "Supporters sang in the stands while the forward netted a third goal and the"
        " coach praised the midfield."
    )
    other = (
        "Lawmakers approved the budget after a long debate on taxes, and the finance"
        " minister promised lower spending."
    )
    assert _cos(match, same) > 2 * _cos(match, other)


def test_the_splitter_features_read_similarity_relative_to_the_input() -> None:
    text = "\n".join(
        [_line("harbour", 200), _line("ferry", 200), _line("orchard", 200), _line("cherry", 200)]
    )
    lines = read_lines(text)
    cues = line_cues(lines)
    ctx = context(lines, cues, TopicVectors())
    assert np.median(ctx.similarity[1:], axis=0) == pytest.approx([0.0, 0.0])
    at = {name: FEATURES.index(name) for name in ("similar", "similar_near")}
    values = [features(lines, cues, i, ctx) for i in (1, 2, 3)]
    for column in at.values():
        assert values[1][column] < values[0][column]
        assert values[1][column] < values[2][column]


def test_the_splitter_takes_its_word_vectors_from_what_it_is_given() -> None:
    vectors = TopicVectors()
    RuleSplitter(vectors=vectors).split(_line("harbour", 300) + "\n" + _line("orchard", 300))
    assert vectors.calls == 1
