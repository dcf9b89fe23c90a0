"""The analysis view and the blocks of a page: artefacts normalised, offsets exact."""

from __future__ import annotations

import itertools
import textwrap

import pytest

from streams.split.layout import read, separator, view

PARAGRAPH = (
    "The harbour council in Port Ellison approved a flood barrier on Tuesday after two "
    "winters of storm damage along the waterfront, and engineers said the tide gates "
    "could be built within eighteen months if the regional grant arrives in the spring."
)
SECOND = (
    "Residents asked for clearer warnings after last winter's surge flooded cellars on "
    "Quay Street and closed the ferry pier for a week, the council chair told reporters."
)


def _texts(text: str) -> list[str]:
    """The blocks of ``text`` as the input's own characters."""
    return [text[b.start : b.end] for b in read(text)[1]]


def test_view_keeps_length_and_normalises_spaces_and_breaks() -> None:
    text = "Title\r\nBody\u00a0text\there.\rNext\u2028line\fend"
    seen = view(text)
    assert len(seen) == len(text)
    assert seen == "Title \nBody text here.\nNext\nline\nend"


@pytest.mark.parametrize("text", ["", " ", "\n\n\t \r\n", "\u00a0\u2028"])
def test_blank_input_has_no_blocks(text: str) -> None:
    assert read(text)[1] == []


def test_hard_wrapped_paragraphs_are_joined_with_exact_offsets() -> None:
    text = "Flood barrier approved\n\n" + textwrap.fill(PARAGRAPH, 60)
    text += "\n\n" + textwrap.fill(SECOND, 60)
    joined, blocks = read(text)
    assert [b.text for b in blocks] == ["Flood barrier approved", PARAGRAPH, SECOND]
    for b in blocks:
        assert text[b.start : b.end].replace("\n", " ") == b.text
        assert joined[b.start : b.end] == b.text
    assert len(joined) == len(text)


def test_wrapped_paragraphs_one_line_break_apart_stay_apart() -> None:
    # the last line of a paragraph is short, so the next line starts a new one
    text = textwrap.fill(PARAGRAPH, 70) + "\n" + textwrap.fill(SECOND, 70)
    assert [b.text for b in read(text)[1]] == [PARAGRAPH, SECOND]


def test_a_line_longer_than_the_wrap_width_is_not_joined_to_the_wrap() -> None:
    # the wrapped paragraph's last line nearly fills the width (60 of 63), so the next
    # word would not have fitted; but the next line runs far past the width: no wrap
    text = textwrap.fill(PARAGRAPH, 63) + "\n" + SECOND
    assert [len(line) for line in textwrap.fill(PARAGRAPH, 63).split("\n")][-1] == 60
    assert [b.text for b in read(text)[1]] == [PARAGRAPH, SECOND]


def test_the_longest_line_of_a_wrap_is_joined_to_the_next() -> None:
    # 71 characters, one more than any line near it: the wrap's width is its own length
    lines = [
        "Residents asked the harbour council for clearer flood warnings after",
        "last winter's surge flooded the cellars of every house on lower Dock",
        "Street and closed the ferry pier for a week, and the chair said the",
        "new sirens would sound from the old lighthouse and the fire station on",
        "Quay Street whenever the tide gauge at the pier rose above three metres",
        "October to March, and they would be tested on the first of each month.",
    ]
    text = "\n".join(lines) + "\n\nHarbour sirens to sound from November"
    assert [b.text for b in read(text)[1]] == [
        " ".join(lines),
        "Harbour sirens to sound from November",
    ]


def test_a_block_keeps_the_white_space_before_it_as_written() -> None:
    text = "Title\r\n\r\nFirst line\n\u00a0\n  Second line \n\n\n\n\n\n\tThird\nFourth"
    assert [b.gap for b in read(text)[1]] == ["", "\n\n", "\n\u00a0\n  ", " \n\n\n\n\t", "\n"]
    # carriage returns dropped; more than three blank lines read as three
    assert separator("\r\n \r\n") == "\n \n"
    assert separator("\n\n\n\n\n\n   ") == separator("\n\n\n\n   ") == "\n\n\n\n   "
    assert separator("\n \n") != separator("\n\n")


def test_wrap_with_first_line_indent_and_crlf() -> None:
    wrapped = textwrap.fill(PARAGRAPH, 64, initial_indent="    ")
    text = ("Flood barrier approved\n" + wrapped + "\n\n" + textwrap.fill(SECOND, 64)).replace(
        "\n", "\r\n"
    )
    _, blocks = read(text)
    # the CR of each CRLF reads as a space
    assert [" ".join(b.text.split()) for b in blocks] == [
        "Flood barrier approved",
        PARAGRAPH,
        SECOND,
    ]
    assert blocks[1].indent == 4
    assert text[blocks[2].start : blocks[2].end].startswith("Residents asked")


def test_title_over_byline_is_not_taken_for_a_wrap() -> None:
    # titles of similar length over bylines must not look like a wrapped paragraph
    parts = []
    for title in ("Council approves flood barrier for Port", "School board delays a vote"):
        parts.append(f"{title}\nBy Maren Holt\n\n{PARAGRAPH}")
    blocks = read("\n\n".join(parts * 3))[1]
    assert sum(b.text == "By Maren Holt" for b in blocks) == 6


def test_deeper_indent_or_bullet_opens_a_new_block() -> None:
    text = textwrap.fill(PARAGRAPH, 60) + "\n        " + SECOND + "\n- one item\n- another item"
    assert _texts(text)[1:] == [SECOND, "- one item", "- another item"]


def test_blank_line_runs_and_indentation_are_counted() -> None:
    text = "Title\n\n\n\n\t  First paragraph.\n \n\u00a0\nSecond paragraph."
    _, blocks = read(text)
    assert [(b.blank, b.indent) for b in blocks] == [(0, 0), (3, 3), (2, 0)]
    assert [b.text for b in blocks] == ["Title", "First paragraph.", "Second paragraph."]


def test_lower_case_continuation_is_joined_whatever_the_width() -> None:
    text = "The council said on Tuesday that the barrier would protect the\nfish market and homes."
    assert [b.text for b in read(text)[1]] == [text.replace("\n", " ")]


def test_every_non_space_character_is_in_one_block() -> None:
    text = "  A\n\n\tB b b\r\n\u00a0C\n" + textwrap.fill(PARAGRAPH, 50) + "\n\n D "
    blocks = read(text)[1]
    covered = "".join(text[b.start : b.end] for b in blocks)
    assert "".join(covered.split()) == "".join(text.split())
    assert all(b.start < b.end for b in blocks)
    assert all(a.end <= b.start for a, b in itertools.pairwise(blocks))


def test_a_tab_between_a_title_and_its_body_reads_as_a_line_break() -> None:
    text = f"Council approves flood barrier\t{PARAGRAPH}\r\nResidents want sirens\t \t{SECOND}"
    seen = view(text)
    assert len(seen) == len(text)
    assert seen.index("\n") == text.index("\t")
    blocks = read(text)[1]
    assert [text[b.start : b.end] for b in blocks] == [
        "Council approves flood barrier",
        PARAGRAPH,
        "Residents want sirens",
        SECOND,
    ]
    assert [b.blank for b in blocks] == [0, 0, 0, 0]


@pytest.mark.parametrize(
    "text",
    [
        "Team\tPlayed\tWon\tLost\nHarbour Rovers\t12\t8\t4",  # a table: short fields
        f"\t{PARAGRAPH}",  # an indent
        f"The council met. It voted.\t{PARAGRAPH}",  # sentences before the tab
        f"Council approves flood barrier\t{PARAGRAPH[:80]}",  # too short to be a body
        f"Council approves\tflood barrier\t{PARAGRAPH}",  # two tabs: a row of fields
    ],
)
def test_other_tabs_read_as_spaces(text: str) -> None:
    assert view(text).count("\n") == text.count("\n")
    assert len(read(text)[1]) == text.count("\n") + 1
