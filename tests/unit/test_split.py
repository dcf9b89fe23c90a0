"""RuleSplitter on dumps written for these tests (tests/data/split/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.split.splitter import RuleSplitter

DATA = Path(__file__).resolve().parents[1] / "data" / "split"


def _read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _starts(text: str, openings: list[str]) -> list[int]:
    """Offsets of the given article openings, each found after the previous one."""
    out: list[int] = []
    pos = 0
    for opening in openings:
        pos = text.index(opening, pos)
        out.append(pos)
        pos += len(opening)
    return out


@pytest.fixture(scope="module")
def splitter() -> RuleSplitter:
    return RuleSplitter()


@pytest.mark.parametrize("text", ["", "   ", "\n\n \t\n"])
def test_blank_input_gives_no_article(splitter: RuleSplitter, text: str) -> None:
    assert splitter.split(text) == []


def test_short_text_is_one_article_without_outer_spaces(splitter: RuleSplitter) -> None:
    text = "\n  Two boats collided near the pier. Nobody was hurt.  \n"
    (seg,) = splitter.split(text)
    assert text[seg.start : seg.end] == text.strip()


def test_blank_lines_between_and_inside_articles(splitter: RuleSplitter) -> None:
    # Single-line paragraphs, blank lines between articles, and one article (the
    # mining story) with an internal blank line that looks like a break.
    text = _read("harbor_dump.txt")
    starts = [s.start for s in splitter.split(text)]
    assert starts == _starts(
        text, ["Harbor Council Approves", "Mining firm Corvane", "A rare white heron"]
    )


def test_headline_and_repeated_standfirst_are_marked(splitter: RuleSplitter) -> None:
    text = _read("harbor_dump.txt")
    first = splitter.split(text)[0]
    article = text[first.start : first.end]
    assert first.headline is not None
    assert article[first.headline.start : first.headline.end] == (
        "Harbor Council Approves Flood Barrier For Port Ellison"
    )
    (dup,) = first.duplicates
    copy = article[dup.start : dup.end]
    original = article[dup.duplicate_of.start : dup.duplicate_of.end]
    assert copy == original
    assert copy.startswith("The Port Ellison harbor council has approved")
    assert dup.duplicate_of.end <= dup.start  # the later copy points at the earlier one


def test_articles_without_headline_have_none(splitter: RuleSplitter) -> None:
    segments = splitter.split(_read("harbor_dump.txt"))
    assert [s.headline is None for s in segments] == [False, True, True]


def test_glued_paragraphs_split_into_sentences(splitter: RuleSplitter) -> None:
    text = _read("harbor_dump.txt")
    first = splitter.split(text)[0]
    article = text[first.start : first.end]
    sentences = [article[s.start : s.end] for s in first.sentences]
    assert any(s.endswith("closed the ferry pier for a week after the storm.") for s in sentences)
    assert any(s.startswith("Since then, residents have asked") for s in sentences)


def test_repeated_title_in_body_is_marked(splitter: RuleSplitter) -> None:
    text = _read("headline_repeat_dump.txt")
    segments = splitter.split(text)
    assert [s.start for s in segments] == _starts(
        text, ["Bakery fire closes", "School board delays vote on new calendar\n"]
    )
    for seg in segments:
        article = text[seg.start : seg.end]
        assert seg.headline is not None
        title = article[seg.headline.start : seg.headline.end]
        dup = seg.duplicates[0]
        assert dup.duplicate_of == seg.headline
        assert article[dup.start : dup.end] == title


def test_long_single_article_is_not_cut(splitter: RuleSplitter) -> None:
    text = _read("long_article.txt")
    (seg,) = splitter.split(text)
    assert (seg.start, seg.end) == (0, len(text.rstrip()))
    assert len(seg.sentences) == 18


def test_split_is_deterministic(splitter: RuleSplitter) -> None:
    text = _read("harbor_dump.txt") + "\n\n" + _read("headline_repeat_dump.txt")
    assert splitter.split(text) == RuleSplitter().split(text)


@pytest.mark.parametrize(
    "name", ["harbor_dump.txt", "headline_repeat_dump.txt", "long_article.txt"]
)
def test_sentences_cover_each_article(splitter: RuleSplitter, name: str) -> None:
    text = _read(name)
    for seg in splitter.split(text):
        article = text[seg.start : seg.end]
        covered = "".join(article[s.start : s.end] for s in seg.sentences)
        assert "".join(covered.split()) == "".join(article.split())
        assert all(0 <= s.start < s.end <= len(article) for s in seg.sentences)
