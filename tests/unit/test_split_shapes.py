"""How blocks are read: titles, bylines and date lines, datelines, chrome, asides."""

from __future__ import annotations

import math
import random
import re
from collections import Counter

import pytest

from streams.split.headers import kicker
from streams.split.shapes import shape
from streams.split.topic import keys, name_novelty, similarities


def kind(text: str) -> str:
    s = shape(text)
    if s.chrome:
        return "chrome"
    if s.meta:
        return "meta"
    if s.aside:
        return "aside"
    return "title" if s.title else "text"


@pytest.mark.parametrize(
    "text",
    [
        "Council approves flood barrier for Port Ellison",
        "FIRE CLOSES BAKERY ON HIGH STREET",
        "Rare Heron Nests On Marsh Near Saltmarsh",
        "Why did the bridge repairs take so long?",
        "Mayor heads to D.C.",
        "Storm leaves town without power...",
    ],
)
def test_title_lines(text: str) -> None:
    assert kind(text) == "title"


@pytest.mark.parametrize(
    "text",
    [
        "The council approved the barrier on Tuesday.",  # a sentence
        "Follow the reporter on the news desk at",  # cut off
        "and the fish market would be protected by the seawall",  # lower case
        "In the Honda, driver Virginia L.",  # broken at an initial
    ],
)
def test_sentences_and_fragments_are_not_titles(text: str) -> None:
    assert kind(text) == "text"


@pytest.mark.parametrize(
    "text",
    [
        "By Maren Holt",
        "BY TOMAS REYES",
        "Ines Okafor, Staff Writer",
        "Posted: 14 June 2016",
        "March 3, 2017",
        "Updated 3:45 p.m. ET, Tue April 4, 2017",
        "2019-05-01",
        "5 hours ago",
        "Source: The Harbour Courier",
        "URL: https://example.org/news/ferry-timetable-changes",
        "Author: Dana Whitlock",
        "Section: Local news",
        "Harbour TV Westmere Published Friday, May 4, 2018 9:05AM EST",  # an outlet before it
        "Dana Whitlock Updated Mon, Apr 22, 2019",
    ],
)
def test_bylines_and_date_lines(text: str) -> None:
    assert kind(text) == "meta"


@pytest.mark.parametrize(
    "text",
    [
        "Fumo, free on bail, will be sentenced July 13",
        "Ferry fares to rise in March 2019",  # lower-case words: a title, not a date line
        "Page 3 models protest outside court",  # a page number starts no title
    ],
)
def test_a_title_with_a_date_in_it_is_a_title(text: str) -> None:
    assert kind(text) == "title"


@pytest.mark.parametrize(
    "text",
    [
        "Share this:",
        "Facebook",
        "Share | Tweet | Email | Print",
        "Advertisement",
        "* * *",
        "----------",
        "•",
        "Related: Bus route changes anger riders in Westmere",
        "READ MORE: Library extends opening hours",
        "More from the Harbor Ledger",
        "Comments (3)",
        "© 2021 The Harbor Ledger. All rights reserved.",
        "Contact the reporter at desk@example.org",
        "Sign up for our morning newsletter",
        "— Reporting by staff",
        "THE HARBOUR LEDGER                Page 4",  # a printed page's running header
        "Page 2 of 9",
        "Page 3 | The Harbour Ledger",
        "References",  # a text browser's list of the page's links
        "Visible links",
        "12. https://example.org/harbour/ferry-fares",
        "www.example.org/harbour",
    ],
)
def test_site_furniture_and_sign_offs_are_chrome(text: str) -> None:
    assert kind(text) == "chrome"


def test_a_long_paragraph_mentioning_a_newsletter_is_not_chrome() -> None:
    text = (
        "The historical society will feature the winners in its spring newsletter and on "
        "the town's cable channel, organisers said, and the prizes will be handed out in May."
    )
    assert kind(text) == "text"


@pytest.mark.parametrize(
    "text",
    [
        "Photo: Ada Dunmore/Valley Courier",
        "- first item of a list",
        "A view of the pier. (Photo: Cleo Pike)",
        "Crews at the quay on Monday. Cleo Pike/The Harbour Courier",
        "Q: When did the ferry stop running?",
        "Q. Who will pay for the new seawall?",
        "A: The council hopes the regional grant covers most of it.",
        "Question: What comes next for the harbour?",
    ],
)
def test_captions_list_items_and_interview_turns_are_asides(text: str) -> None:
    assert kind(text) == "aside"


def test_a_sentence_naming_two_sides_is_no_caption() -> None:
    assert kind("The talks were held in Marrowby. Holt/Reyes said little after them.") == "text"


def test_a_title_over_a_photo_caption_still_has_its_body_under_it() -> None:
    """A lead photo's caption, ending on its credit, between a title and its body."""
    from streams.split.features import NAMES, matrix
    from streams.split.layout import read

    text = (
        "Storm closes ferry pier\n\nThe quay at low tide. Cleo Pike/The Harbour Courier\n\n"
        "The ferry pier at Marrowby was closed on Sunday after the storm tore away two of its "
        "mooring posts, and the harbour board said repairs would take a month."
    )
    _, blocks = read("Earlier story\n\n" + text)
    row = matrix(blocks)[0]  # the title, block 1
    assert row[NAMES.index("title_body")] == 1.0


def test_an_interview_written_as_questions_and_answers_stays_whole() -> None:
    """Each question reads like a short title on its own, and each answer turns to a
    subject of its own."""
    from streams.split.splitter import PageSplitter

    turns = [
        (
            "What did you see from the pier that night?",
            "The water came over the quay "
            "wall twice before midnight and the ferry crews tied every boat to the inner "
            "moorings.",
        ),
        (
            "Who paid for the repairs afterwards?",
            "The harbour board spent its reserve "
            "first, and the regional grant covered the new tide gates a year later.",
        ),
        (
            "How did the school cope with the closures?",
            "Teachers moved lessons to the "
            "church hall for three weeks and the buses took the long road over the hill.",
        ),
        (
            "What worries you most about next winter?",
            "The old sluice under the fish "
            "market has not been tested since the storm, and nobody owns it.",
        ),
    ]
    parts = [
        "Harbour master looks back on the flood year",
        "By Ines Okafor",
        "Orrin Pike has run the Marrowby harbour for eleven years, and the winter of the "
        "great surge was the hardest of them. We asked him about the months that followed.",
    ]
    for question, answer in turns:
        parts += [f"Q: {question}", f"A: {answer}"]
    assert len(PageSplitter().split("\n\n".join(parts))) == 1


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("CAIRO — The ministry said on Monday that talks would resume.", True),
        ("NEW YORK, May 3, 2018 (Reuters) - Shares rose on Thursday.", True),
        ("Hanoi (VNA) – The government approved the plan.", True),
        ("LAGOS: Flooding closed the main road.", True),
        ("ALSO: Library extends opening hours", False),  # a teaser label
        ('Mr Holt, the chair, said: "We are ready."', False),
        ("The council met on Monday — and voted.", False),
    ],
)
def test_datelines(text: str, dateline: bool) -> None:
    assert shape(text).dateline is dateline


def test_openings_that_point_back() -> None:
    assert shape("But the council said the plan would wait.").anaphora
    assert not shape("Pope Francis celebrated the vigil on Saturday.").anaphora


def _brute(words: list[str], first: int, before: int, after: int) -> float:
    b, a = Counter(words[max(0, first - before) : first]), Counter(words[first : first + after])
    if min(sum(b.values()), sum(a.values())) < 25:
        return math.nan
    dot = sum(v * a[k] for k, v in b.items())
    return dot / math.sqrt(sum(v * v for v in b.values()) * sum(v * v for v in a.values()))


@pytest.mark.parametrize("seed", range(5))
def test_sliding_windows_equal_a_direct_count(seed: int) -> None:
    rng = random.Random(seed)
    vocab = ["harbour", "barrier", "council", "bakery", "ovens", "heron", "marsh", "bridge"]
    blocks = [" ".join(rng.choices(vocab, k=rng.randint(0, 40))) for _ in range(60)]
    words: list[str] = []
    firsts = []
    for text in blocks:
        firsts.append(len(words))
        words.extend(keys(text))
    for before, after in ((80, 80), (240, 80), (30, 50)):
        got = similarities(blocks, before, after)
        want = [_brute(words, f, before, after) for f in firsts]
        for g, w in zip(got, want, strict=True):
            assert (math.isnan(g) and math.isnan(w)) or abs(g - w) < 1e-9


def test_a_change_of_subject_is_a_low_cosine() -> None:
    harbour = "The harbour council approved the flood barrier and the seawall gates. " * 12
    bakery = "Firefighters fought the bakery blaze near the ovens and the flour store. " * 12
    sims = similarities([harbour, harbour, bakery, bakery])
    assert sims[1] > 0.9 and sims[2] < 0.1


def test_names_new_to_the_text_before() -> None:
    texts = [
        "The council, led by Maren Holt, met in Port Ellison on Tuesday.",
        "Holt said Port Ellison would pay for the gates.",
        "In Saltmarsh, warden Ines Okafor counted the herons.",
    ]
    assert name_novelty(texts) == [0.0, -1.0, 1.0]


def test_keys_drop_stop_words_and_cut_words() -> None:
    assert keys("The Councillors said they approved it") == ["counci", "approv"]
    assert re.fullmatch(r"[a-z']+", "".join(keys("Ports, harbours; quays!")))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WORLD", True),
        ("LOCAL NEWS", True),
        ("News › Harbour towns", True),
        ("Home / Local", True),
        ("Harbour Courier Service", False),  # a credit in title case
        ("Photo/Rina Vos", False),  # a photo credit: no breadcrumb marks around the slash
        ("(HARBOUR COURIER)", False),
        ("FIRE DESTROYS THE OLD MILL AT HARBOUR POINT TONIGHT", False),  # too long
        ("Share | Tweet | Email", False),  # page chrome stays with the article before
        ("NOTE: read this", False),
    ],
)
def test_kickers(text: str, expected: bool) -> None:
    assert kicker(text) is expected


@pytest.mark.parametrize("text", ["May 19, 2026", "3 May 2026", "Published May 4, 2026 10:12"])
def test_a_date_in_may_is_a_date_line_not_chrome(text: str) -> None:
    assert kind(text) == "meta"  # "may" is also an interface word ("You may also like")
