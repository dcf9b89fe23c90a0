"""Evidence read from the page around a block: the topic-shift peak, article-sized blocks."""

from __future__ import annotations

import math

import numpy as np
import pytest

from streams.split.features import NAMES, SIZED_HIGH, SIZED_LOW, _peaks, matrix, sized
from streams.split.layout import read
from streams.split.splitter import STAGE2, Model
from streams.split.topic import WINDOW

NAN = math.nan


def test_a_peak_is_the_largest_shift_among_breaks_whose_windows_overlap() -> None:
    shifts = [NAN, 0.2, 0.7, 0.5, 0.6]
    close = [0, 10, 20, 30, 40]  # paragraphs of ten content words
    assert _peaks(shifts, close) == [0.0, 0.0, 0.7, 0.0, 0.0]


def test_breaks_a_window_apart_are_peaks_of_their_own() -> None:
    # an article a paragraph: every break is read from windows of its own
    shifts = [NAN, 0.6, 0.7, 0.5, 0.65]
    far = [k * (WINDOW + 20) for k in range(5)]
    assert _peaks(shifts, far) == [0.0, 0.6, 0.7, 0.5, 0.65]


def test_no_peak_without_a_positive_shift() -> None:
    assert _peaks([NAN, -0.3, NAN, 0.0], [0, 200, 400, 600]) == [0.0] * 4


def _paragraph(words: list[str], n: int) -> str:
    """A paragraph of ``n`` sentences of six words from ``words``, in a fixed order."""
    sentences = [" ".join(words[(i * 6 + j) % len(words)] for j in range(6)) for i in range(n)]
    return ". ".join(s.capitalize() for s in sentences) + "."


def test_long_paragraphs_on_different_subjects_all_peak() -> None:
    subjects = [
        "harbour seawall flood tide barrier storm quay levy ferry pier surge cellar",
        "orchestra violin concert rehearsal conductor cello symphony audience tickets",
        # shares a word with the one before, so its shift is the lowest of the three
        "wheat harvest tractor barley farmer drought silo grain acreage tickets yields",
        "election ballot candidate campaign polling voters turnout precinct mayor",
    ]
    text = "\n".join(_paragraph(words.split(), 30) for words in subjects)
    rows = matrix(read(text)[1])
    shift, peak = rows[:, NAMES.index("shift")], rows[:, NAMES.index("peak")]
    assert shift[1] < min(shift[0], shift[2])
    assert np.all(peak > 0) and np.allclose(peak, shift)


def test_sized_reads_the_shorter_block_of_each_break_on_a_log_scale() -> None:
    low, high = SIZED_LOW, SIZED_HIGH
    middle = int(math.sqrt(low * high))
    lengths = [300, high * 2, high, middle, low, 50]
    text = "\n".join(("word " * n)[: n - 1] + "." for n in lengths)
    assert sized(read(text)[1]) == pytest.approx([0.0, 1.0, 0.5, 0.0, 0.0], abs=1e-3)
    assert len(sized(read("one block")[1])) == 0


def test_paragraph_sized_blocks_give_stage_2_nothing_to_add() -> None:
    model = Model.load()
    text = "\n\n".join(_paragraph(words.split(), 4) for words in ["alpha beta gamma"] * 6)
    blocks = read(text)[1]
    rows = model.stage2_rows(matrix(blocks), blocks)
    assert np.all(rows[:, STAGE2.index("sized_shift")] == 0.0)


def _numbered_page(digest: bool) -> tuple[str, list[int]]:
    """A digest (each article's title numbered) or one listicle (numbered subheads under
    a title and a lead); the text and where each article starts."""
    from tests.split_texts import article

    parts, starts, text = [], [], ""
    if not digest:
        art = article(0)
        text = f"{art.title}\n\n{art.paragraphs[0]}"
    for n in range(1, 6):
        art = article(11 * n if digest else n)  # a digest's stories: other towns, other topics
        title = f"{n}. {art.title}" if digest else f"{n}. {art.title.split()[0]} and after"
        starts.append(len(text) + (2 if text else 0))
        parts = [title, *art.paragraphs[1:]] if not digest else [title, *art.paragraphs]
        text += ("\n\n" if text else "") + "\n\n".join(parts)
    return text, starts if digest else [0]


def test_a_digest_that_numbers_its_titles_is_cut_at_each_number() -> None:
    from streams.split.splitter import PageSplitter

    text, starts = _numbered_page(digest=True)
    assert [s.start for s in PageSplitter().split(text)] == starts


def test_numbered_subheads_under_a_lead_stay_inside_their_article() -> None:
    from streams.split.splitter import PageSplitter

    text, starts = _numbered_page(digest=False)
    assert [s.start for s in PageSplitter().split(text)] == starts


def test_a_transcript_gives_its_speakers_turns_not_datelines() -> None:
    """A speaker's label in capitals and a colon reads like a dateline ("LAGOS: ...")
    alone; the same label again a few paragraphs on makes it a turn."""
    from streams.split.shapes import shape
    from streams.split.splitter import PageSplitter

    turns = [
        "HOLT: The water came over the quay wall twice before midnight, and by then the "
        "ferry crews had tied every boat they could reach to the inner moorings.",
        "REYES: The harbour board says the reserve paid for the first repairs. Was that "
        "enough to open the pier again before the summer?",
        "HOLT: Not quite. The regional grant paid for the new tide gates a year later, "
        "and the pier stayed shut until the engineers had tested every post.",
        "REYES: The school moved its lessons to the church hall for three weeks. How did "
        "the families on the hill road manage in those weeks?",
        "HOLT: The buses took the long road over the hill, and neighbours drove the "
        "children who lived past the old sluice under the fish market.",
    ]
    text = "Harbour master on the flood year\n\n" + "\n\n".join(turns)
    assert shape(turns[0]).dateline  # alone, a dateline
    assert len(PageSplitter().split(text)) == 1
    _, blocks = read(text)
    rows = matrix(blocks)  # row k is block k + 1: rows 1.. are the second turn on
    assert all(row[NAMES.index("dateline")] == 0.0 for row in rows[1:])


def test_titles_with_the_same_label_are_no_turns() -> None:
    """Short stories under "BREAKING: ..." titles, a few blocks apart: titles, not turns."""
    from tests.split_texts import article

    parts = []
    for n in range(1, 5):
        art = article(11 * n)
        parts += [f"BREAKING: {art.title}", art.paragraphs[0], art.paragraphs[1]]
    _, blocks = read("\n\n".join(parts))
    rows = matrix(blocks)
    titles = [k - 1 for k in range(3, len(blocks), 3)]  # rows of the 2nd, 3rd, 4th titles
    assert all(rows[k][NAMES.index("aside")] == 0.0 for k in titles)
