"""Sentence segmentation with offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from streams.split.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gov. Alder met Mr. Quist and Dr. Vane in St. Albans on Jan. 5. They talked.",
            ["Gov. Alder met Mr. Quist and Dr. Vane in St. Albans on Jan. 5.", "They talked."],
        ),
        (
            "The U.S. Navy paid 1.5 million. It was late. Sales rose in the U.S. The end.",
            [
                "The U.S. Navy paid 1.5 million.",
                "It was late.",
                "Sales rose in the U.S.",
                "The end.",
            ],
        ),
        (
            "Windows shook after the explosions.Since then, residents have left.",
            ["Windows shook after the explosions.", "Since then, residents have left."],
        ),
        (
            'She said: "We will rebuild." Then she left. "Why?" he asked. It is No. 1 here.',
            [
                'She said: "We will rebuild."',
                "Then she left.",
                '"Why?" he asked.',
                "It is No. 1 here.",
            ],
        ),
        (
            "John F. Kennedy airport reopened. Acme Inc. The firm grew.",
            ["John F. Kennedy airport reopened.", "Acme Inc.", "The firm grew."],
        ),
        (
            "Headline without stop\nBody one. Body two!",
            ["Headline without stop", "Body one.", "Body two!"],
        ),
        (
            "See example.com for details. Write to desk@example.org today.",
            ["See example.com for details.", "Write to desk@example.org today."],
        ),
        ("He said no. She agreed.", ["He said no.", "She agreed."]),
        ("The fence was about 1. 5 metres high.", ["The fence was about 1. 5 metres high."]),
        (  # opening quotes mis-decoded to "â": still a new sentence
            "The river rose, said engineer Jo Pike. â Itâ s the ice. â If it holds, fine.",
            ["The river rose, said engineer Jo Pike.", "â Itâ s the ice.", "â If it holds, fine."],
        ),
        ("It cost 5 â 6 euros. â lower case stays.", ["It cost 5 â 6 euros. â lower case stays."]),
    ],
)
def test_sentence_cases(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aB .!?\n\"”'(1é…"))))
def test_sentences_tile_non_space_text(text: str) -> None:
    spans = split_sentences(text)
    prev = 0
    for span in spans:
        assert prev <= span.start < span.end <= len(text)
        assert not text[span.start].isspace() and not text[span.end - 1].isspace()
        assert text[prev : span.start].strip() == ""
        prev = span.end
    assert text[prev:].strip() == ""
