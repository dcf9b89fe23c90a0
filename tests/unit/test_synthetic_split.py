"""Synthetic tuning dumps: exact spans, determinism, the layouts they mix."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from streams.evaluate.synthetic_split import dumps, sentences

DOCS: list[dict[str, Any]] = [
    {
        "id": f"doc-{n}",
        "title": f"Town {n} opens a new library",
        "text": (
            f"Town {n} opened its new library on Monday. The library has two floors. "
            f"Readers queued from early morning.\n\nThe mayor of Town {n} cut a ribbon. "
            "She thanked the builders. Children sang in the hall. The library opens daily."
        ),
    }
    for n in range(12)
]


def test_every_article_span_holds_its_document_words() -> None:
    for row in dumps(DOCS, 20, seed=3):
        text = row["text"]
        assert 3 <= len(row["articles"]) <= 8
        for art in row["articles"]:
            body = text[art["start"] : art["end"]]
            assert body == body.strip()
            assert "Readers queued from early morning." in body
        arts = row["articles"]
        gaps = [text[a["end"] : b["start"]] for a, b in pairwise(arts)]
        assert all(gap.strip() == "" and "\n" in gap for gap in gaps)


def test_same_seed_same_dumps() -> None:
    assert dumps(DOCS, 5, seed=9) == dumps(DOCS, 5, seed=9)
    assert dumps(DOCS, 5, seed=9) != dumps(DOCS, 5, seed=10)


def test_dumps_mix_headlines_and_bare_leads() -> None:
    firsts = [
        row["text"][a["start"] : a["end"]].split("\n", 1)[0]
        for row in dumps(DOCS, 30, seed=1)
        for a in row["articles"]
    ]
    with_headline = sum(line.endswith("opens a new library") for line in firsts)
    assert 0 < with_headline < len(firsts)


def test_sentences_cut_at_gaps_and_keep_decimals() -> None:
    assert sentences("Rates rose 1.5 points. Shops shut. It rained.") == [
        "Rates rose 1.5 points.",
        "Shops shut.",
        "It rained.",
    ]
