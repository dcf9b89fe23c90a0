"""Edge lines of articles: headings, credits, captions, sign-offs (tests/data/split/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from streams.split.boundary import (
    COLUMNS,
    FEATURES,
    after_heading,
    context,
    features,
    line_cues,
)
from streams.split.cohesion import tokens
from streams.split.headline import (
    headline_score,
    inline_title,
    is_caption,
    is_dateline,
    read_lines,
)
from streams.split.similarity import default_vectors
from streams.split.splitter import RuleSplitter
from streams.split.trees import logit

DATA = Path(__file__).resolve().parents[1] / "data" / "split"


def _read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _starts(text: str) -> list[str]:
    """The first 20 characters of every article the splitter finds."""
    return [text[s.start : s.start + 20] for s in RuleSplitter().split(text)]


def test_short_heading_line_opens_the_next_article() -> None:
    # A photo credit heads the second article, whose lead was scraped twice: the
    # lead alone would look like the start, but the credit line above it wins.
    text = _read("edge_lines_dump.txt")
    assert _starts(text) == ["The Lowmoor rowing c", "Marta Lind-Pool-Exam"]


def test_after_heading_marks_only_the_line_below_a_short_heading() -> None:
    lines = read_lines(_read("edge_lines_dump.txt"))
    cues = line_cues(lines)
    below = [i for i in range(1, len(lines)) if after_heading(lines, cues, i)]
    assert [lines[i - 1].text for i in below] == ["Marta Lind-Pool-Example Images"]


def test_line_after_an_unsupported_headline_counts_against_a_break() -> None:
    text = "Quiet Harbour\n\nFerry crews struck on Monday over pay and rotas at the port.\n"
    lines = read_lines(text)
    cues = line_cues(lines)
    values = features(lines, cues, 1, context(lines, cues, default_vectors()))
    assert values[FEATURES.index("prev_unsupported")] > 0.0
    assert values[FEATURES.index("prev_headline")] == 0.0


@pytest.mark.parametrize(
    "line",
    [
        "Crowds gathered on the quay to watch the tall ships arrive (Source: Example Images)",
        "The mayor opens the new bridge. (Jane Doe/Example Press)",
        "Photo: the flooded road near the mill",
    ],
)
def test_caption_is_not_a_headline(line: str) -> None:
    text = f"{line}\nThe council said the work would take a month to finish.\n"
    assert is_caption(line)
    assert line_cues(read_lines(text))[0].headline == 0.0


@pytest.mark.parametrize("line", ["Harbour Council Approves New Budget", "Fire near mill (update)"])
def test_plain_headline_is_not_a_caption(line: str) -> None:
    assert not is_caption(line)


def test_inline_title_is_seen_through_a_garbled_quote() -> None:
    # Mojibake turns the opening quote into "â" and drops the rest of its bytes.
    line = "Bridge closed for repairs. â It will take weeks,â the engineer said on Monday."
    end, score = inline_title(line)
    assert line[:end].rstrip() == "Bridge closed for repairs."
    assert score > 0.0


@pytest.mark.parametrize(
    ("title", "plain"),
    [
        ("Ferry service resumes after storm.", "The ferry service was resumed after the storm."),
        ("Mayor backs new tram line.", "Our mayor has backed a new tram line."),
    ],
)
def test_a_first_sentence_with_an_auxiliary_is_a_weaker_inline_title(title, plain) -> None:
    # Headlinese drops auxiliaries as it drops articles: "Ferry service resumes",
    # not "The ferry service was resumed". The body is the same on both lines.
    body = " Boats left the quay at dawn on Monday, and the harbour office expects no delays."
    (_, headline), (_, sentence) = inline_title(title + body), inline_title(plain + body)
    assert headline == 1.0  # 0.75 by the rules, and a quarter more for its headlinese
    assert sentence == 0.25


def test_names_joined_by_ampersand_are_cohesion_keys() -> None:
    assert "^b&q" in tokens("Shoppers queued outside B&Q on Monday.")


def test_long_line_ending_with_contacts_may_still_start_an_article() -> None:
    # Each article is one long line; the middle one ends with a phone number.
    text = _read("one_line_dump.txt")
    cues = line_cues(read_lines(text))
    assert [c.closes for c in cues] == [False, True, False]
    assert not any(c.signoff for c in cues)
    assert _starts(text) == [
        "Ferry fares to rise ",
        "Bakery fire closes M",
        "Choir wins county pr",
    ]


def test_short_contact_line_never_starts_an_article() -> None:
    text = "Harbour works begin.\nFor more information call 555-201-3344.\n"
    (cue,) = line_cues(read_lines(text))[1:]
    assert cue.signoff and cue.closes


@pytest.mark.parametrize(
    "line", ["This story was first printed in", "Follow our reporter Dana Lee at", "Prices for"]
)
def test_line_cut_off_on_a_function_word_is_not_a_headline(line: str) -> None:
    assert headline_score(line) == 0.0


def test_cut_off_last_line_stays_with_its_article() -> None:
    # The first article's last paragraph stops mid-sentence; read as a heading it
    # would open the next article a line too early.
    text = _read("cut_off_dump.txt")
    assert _starts(text) == ["Volunteers planted f", "Bus depot to close f"]


def test_credit_line_closing_an_article_does_not_hide_the_next_headline() -> None:
    # A short credit ends the first article; the headline below it, not the
    # credit, opens the second one.
    text = _read("trailing_credit_dump.txt")
    assert _starts(text) == ["Hundreds of runners ", "Mill Lane bridge reo"]


def test_a_headline_under_a_short_line_may_still_start_an_article() -> None:
    lines = read_lines(_read("trailing_credit_dump.txt"))
    cues = line_cues(lines)
    i = next(n for n, line in enumerate(lines) if line.text.startswith("Mill Lane bridge"))
    assert cues[i - 1].headline > 0.0
    assert not after_heading(lines, cues, i)


def test_a_caption_and_the_line_below_it_count_against_a_break() -> None:
    # A picture's caption sits inside an article, and so does the paragraph after it.
    # The same two lines with the credit dropped from the caption score higher.
    body = (
        "Rain fell on the harbour town of Westby for a third day, and the river rose "
        "over its banks near the old mill on Sunday.\n\n"
    )
    after = (
        "Engineers from the county council said the flood wall would hold for now, "
        "but that pumps were being moved to the low streets by the station.\n"
    )
    caption = "Sandbags were piled along the quay on Saturday (Source: Example Images)"
    scores = {}
    for name, line in (("caption", caption), ("plain", caption.split(" (")[0] + ".")):
        lines = read_lines(body + line + "\n\n" + after)
        cues = line_cues(lines)
        ctx = context(lines, cues, default_vectors())
        values = [dict(zip(COLUMNS, features(lines, cues, i, ctx), strict=True)) for i in (1, 2)]
        scores[name] = values
    assert [v["next_caption"] for v in scores["caption"]] == [1.0, 0.0]
    assert [v["prev_caption"] for v in scores["caption"]] == [0.0, 1.0]
    assert all(v["next_caption"] == v["prev_caption"] == 0.0 for v in scores["plain"])
    for i in (0, 1):
        caption_z = logit(list(scores["caption"][i].values()))
        plain_z = logit(list(scores["plain"][i].values()))
        assert caption_z < plain_z


def _candidate(text: str, line_start: str) -> list[float]:
    """The features of the candidate line that begins with ``line_start``."""
    lines = read_lines(text)
    cues = line_cues(lines)
    index = next(i for i, line in enumerate(lines) if line.text.startswith(line_start))
    return features(lines, cues, index, context(lines, cues, default_vectors()))


@pytest.mark.parametrize(
    ("line", "long", "shouted"),
    [
        ("Dock workers end strike after talks. The union said crews return on Monday.", 0, 0),
        (
            "The harbour board met on Tuesday evening to discuss plans for a larger marina. "
            "Members said the cost was too high.",
            1,
            0,
        ),
        ("SEASON TICKETS SPARED. Holders of annual tickets keep their price.", 0, 1),
    ],
)
def test_an_inline_title_is_described_by_its_length_and_case(
    line: str, long: int, shouted: int
) -> None:
    text = f"Ferry fares rise on the island route this spring.\n\n{line}\n"
    values = _candidate(text, line[:10])
    assert values[FEATURES.index("next_inline_title")] > 0.0
    assert values[FEATURES.index("next_inline_long")] == long
    assert values[FEATURES.index("next_inline_caps")] == shouted


def test_a_shouted_inline_title_is_weaker_evidence_than_a_plain_one() -> None:
    # A crosshead in capitals sits inside an article; the same words in sentence case
    # read more like the headline of a new one.
    article = _read("crosshead_article.txt")
    plain = article.replace("SEASON TICKETS SPARED.", "Season tickets spared.")
    assert logit(_candidate(article, "SEASON")) < logit(_candidate(plain, "Season"))
    assert len(RuleSplitter().split(article)) == 1


def test_a_headline_only_brief_between_two_headlined_articles_stands_alone() -> None:
    # The brief is far shorter than the shortest article otherwise allowed, but both
    # its headline and the next one are strong starts, so it is an article of its own.
    text = _read("teaser_dump.txt")
    assert _starts(text) == ["Ferry service to Gul", "Library to close ear", "Record cherry harves"]


@pytest.mark.parametrize(
    "line",
    [
        "PORT ELLISON (GNS) \u2014 The harbour board said on Monday",
        "PORT ELLISON (GNS) \ufffd The harbour board said on Monday",  # the dash mis-decoded
        "Ellison (GNS) \ufffd The harbour board said on Monday",
    ],
)
def test_a_wire_dateline_is_seen_also_when_its_dash_was_mis_decoded(line: str) -> None:
    assert is_dateline(line)


def test_a_replacement_character_alone_makes_no_dateline() -> None:
    assert not is_dateline("The harbour \ufffd board said on Monday")


def test_a_headline_over_a_standfirst_opens_the_article() -> None:
    # The question under the headline is the lead's first sentence shown on its own;
    # it is repeated where the lead begins, as a repeated title would be, but the
    # headline above it is taken up by that lead, so the article starts there.
    text = _read("standfirst_dump.txt")
    assert _starts(text) == ["Ferry service to Gul", "Farmers hope new can"]


def test_under_headline_marks_a_headline_shaped_line_below_a_headline_its_text_takes_up() -> None:
    text = _read("standfirst_dump.txt")
    at = FEATURES.index("under_headline")
    assert _candidate(text, "Could a canal")[at] == 1.0
    assert _candidate(text, "Farmers hope")[at] == 0.0  # the line above is a paragraph
    # the same two lines after an unrelated short heading: not taken up, not marked
    unrelated = text.replace("Farmers hope new canal will end summer water shortages", "Weather")
    assert _candidate(unrelated, "Could a canal")[at] == 0.0
