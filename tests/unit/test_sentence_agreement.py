"""Comparing our sentence ends with pysbd's (``streams.evaluate.sentence_agreement``)."""

from __future__ import annotations

import pytest

from streams.evaluate.sentence_agreement import compare

pysbd = pytest.importorskip("pysbd")


def test_agreed_and_one_sided_cuts_are_counted() -> None:
    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    agreed = "The ferry left at dawn. It reached Gull Island by noon."
    # Inside a quotation we cut after each sentence; pysbd keeps the quote whole.
    quoted = "“We waited. Nobody came,” she said."
    counts = compare([agreed, quoted], segmenter)
    assert (counts["ours"], counts["agreed"]) == (2, 1)
    assert counts["ours_only"] == [(quoted, quoted.index(" Nobody"))]
    assert counts["theirs_only"] == []
