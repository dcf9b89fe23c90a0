"""The page's template: lines written with every article, at its top or its foot."""

from __future__ import annotations

import pytest

from streams.core.interfaces import Segment
from streams.split.splitter import PageSplitter
from streams.split.template import signature
from tests.split_texts import Article, article, layout


@pytest.fixture(scope="module")
def splitter() -> PageSplitter:
    return PageSplitter()


def _starts(segments: list[Segment]) -> list[int]:
    return [s.start for s in segments]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("LOAD-DATE: June 17, 2026", "LOAD-DATE: Oct. 9, 2026"),
        ("17 of 40 DOCUMENTS", "3 of 40 DOCUMENTS"),
        ("March 4, 2026 Tuesday", "Nov. 19, 2026 Friday"),
        ("Document HRBCR00020260304ea3k0001x", "Document HRBCR00020260911eb2m00042"),
    ],
)
def test_a_line_with_other_values_has_the_same_signature(one: str, other: str) -> None:
    assert signature(one) == signature(other)


def test_a_title_after_a_label_keeps_its_words() -> None:
    one = signature("UPDATE: Council approves flood barrier for Marrowby")
    assert one != signature("UPDATE: Fire closes bakery on Ashgrove high street")


def _database(art: Article, n: int) -> str:
    """A news database's export: a record number, source and date over the title,
    fields under it, and at the foot, a wider break below the body, a load date, a
    language and the rights."""
    head = (
        f"{n} of 12 DOCUMENTS\n\nThe Harbour Courier\n\nMarch {n + 3}, 2026 Tuesday\n\n"
        f"{art.title}\n\nBYLINE: {art.byline[3:]}\n\nSECTION: REGION; Pg. {n + 2}\n\n"
        f"LENGTH: {sum(len(p.split()) for p in art.paragraphs)} words\n\n\n"
    )
    foot = (
        f"\n\n\nLOAD-DATE: March {n + 4}, 2026\n\nLANGUAGE: ENGLISH\n\n"
        "PUBLICATION-TYPE: Newspaper\n\nCopyright 2026 The Harbour Courier\nAll Rights Reserved"
    )
    return head + "\n\n".join(art.paragraphs) + foot


def test_a_database_export_cuts_at_each_record_number(splitter: PageSplitter) -> None:
    """The load date at a record's foot reads like a date line over the next title."""
    records = iter(range(1, 7))
    text, starts = layout(
        [article(n) for n in range(6)], lambda a: _database(a, next(records)), between="\n\n\n"
    )
    segments = splitter.split(text)
    assert _starts(segments) == starts
    for seg in segments:
        assert text[seg.start : seg.end].endswith("All Rights Reserved")


def _release(art: Article) -> str:
    """A press release: the same "About" paragraph, contact and source line at its foot."""
    about = "About Harbour Holdings\nHarbour Holdings runs the ferries and berths of the coast."
    contact = "Media contact:\nPress office\npress@example.org"
    body = "\n\n".join([f"MARROWBY, March 4, 2026 -- {art.paragraphs[0]}", *art.paragraphs[1:]])
    return f"{art.title}\n\n{body}\n\n{about}\n\n{contact}\n\nSOURCE Harbour Holdings"


def test_press_releases_end_on_their_boilerplate(splitter: PageSplitter) -> None:
    """The boilerplate's title-like "About ..." line is the foot of the release above."""
    text, starts = layout([article(n) for n in range(6)], _release, between="\n\n")
    segments = splitter.split(text)
    assert _starts(segments) == starts
    for seg in segments:
        assert text[seg.start : seg.end].endswith("SOURCE Harbour Holdings")


def _clipping(art: Article, n: int) -> str:
    """A clippings service: title, then fields with no blank line, then a document id."""
    words = sum(len(p.split()) for p in art.paragraphs)
    fields = f"{words} words\n{n + 3} March 2026\nThe Harbour Courier\nHRBCR\nEnglish"
    rights = "(c) 2026 The Harbour Courier. All rights reserved."
    body = "\n\n".join(art.paragraphs)
    return f"{art.title}\n{fields}\n{rights}\n\n{body}\n\nDocument HRBCR0002026030{n}ea3k000{n}x"


def test_a_clippings_export_cuts_after_each_document_id(splitter: PageSplitter) -> None:
    """No line over the title says a record starts; the id line at each foot does."""
    records = iter(range(1, 7))
    text, starts = layout(
        [article(n) for n in range(6)], lambda a: _clipping(a, next(records)), between="\n\n\n"
    )
    assert _starts(splitter.split(text)) == starts


def test_lines_repeated_inside_one_article_do_not_cut_it(splitter: PageSplitter) -> None:
    """An ad label and a share line between paragraphs, and again at the foot."""
    art = article(3)
    parts = [art.title, art.byline]
    for paragraph in art.paragraphs:
        parts += [paragraph, "Advertisement", "Share this story"]
    text = "\n\n".join(parts)
    assert len(splitter.split(text)) == 1
