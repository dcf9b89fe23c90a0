"""The global choice of article starts (``streams.split.segmentation``)."""

from __future__ import annotations

from collections import Counter

from streams.split.segmentation import best_starts

# Three units of 100 characters each, all with the same words: the word model alone
# never pays for a cut, so the local evidence and the length rule decide.
UNITS = [Counter({"river": 2, "boat": 1})] * 3
SPANS = [(0, 100), (101, 201), (202, 302)]


def _choose(evidence: list[float], strong: float = float("inf")) -> list[int]:
    return best_starts(UNITS, [1, 2], evidence, 0.0, spans=SPANS, min_chars=150, strong=strong)


def test_an_article_shorter_than_the_minimum_is_not_allowed_by_default() -> None:
    assert _choose([30.0, 30.0]) == []
    assert _choose([5.0, 30.0]) == []


def test_a_short_article_between_two_strong_starts_stands() -> None:
    assert _choose([30.0, 30.0], strong=20.0) == [1, 2]
    # the input's start and end count as strong ends
    assert _choose([5.0, 30.0], strong=20.0) == [2]
    assert _choose([30.0, 5.0], strong=20.0) == [1]


def test_a_weak_start_still_cannot_open_or_close_a_short_article() -> None:
    # unit 1 alone would need a strong start at 1 and at 2
    assert 1 not in _choose([5.0, 30.0], strong=20.0)
    assert 2 not in _choose([30.0, 5.0], strong=20.0)


def test_a_short_item_that_heads_the_text_after_it_does_not_stand_alone() -> None:
    # unit 1 is a headline over a byline-led article at unit 2: between two strong
    # starts it would be a short article of its own, unless it heads what follows
    calls: list[tuple[int, int]] = []

    def heads(first: int, start: int) -> bool:
        calls.append((first, start))
        return (first, start) == (1, 2)

    chosen = best_starts(
        UNITS, [1, 2], [30.0, 30.0], 0.0, spans=SPANS, min_chars=150, strong=20.0, heads=heads
    )
    assert chosen == [1]
    assert (1, 2) in calls


def test_heads_is_asked_only_about_short_articles_between_strong_starts() -> None:
    calls: list[tuple[int, int]] = []

    def heads(first: int, start: int) -> bool:
        calls.append((first, start))
        return True

    best_starts(
        UNITS, [1, 2], [30.0, 5.0], 0.0, spans=SPANS, min_chars=150, strong=20.0, heads=heads
    )
    # unit 0 alone lies between the input's start and a strong start; unit 1 alone
    # would end at a weak one, and unit 2 alone at the input's end, with nothing after
    assert calls == [(0, 1)]
