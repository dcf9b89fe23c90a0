"""Synthetic tuning dumps: exact spans, determinism, the layouts they mix."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

from streams.core.interfaces import Segment
from streams.evaluate.synthetic_split import dumps, run, sentences
from streams.split.splitter import RuleSplitter

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


class _Recording(RuleSplitter):
    """A splitter that keeps every input it is given."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def split(self, text: str) -> list[Segment]:
        self.seen.append(text)
        return super().split(text)


def test_run_scores_the_splitter_on_dumps_from_one_part_only(tmp_path: Path) -> None:
    # 21 head lines and 9 tail lines: the tail is the last 30%, and a dump needs 3 to 8
    head = [dict(DOCS[n % 12], id=f"head-{n}") for n in range(21)]
    tail = [
        {key: value.replace("Town", "Village") for key, value in doc.items()} for doc in DOCS[:9]
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in head + tail), encoding="utf-8")
    splitter = _Recording()
    result = run([path], 6, part="tail", seed=4, splitter=splitter)
    assert (result["dumps"], result["part"]) == (6, "tail")
    assert result["articles"] == sum(len(d["articles"]) for d in dumps(tail, 6, seed=4))
    assert all("Village" in text and "Town" not in text for text in splitter.seen)
    assert 0.0 <= result["exact_low"] <= result["exact"] <= result["exact_high"] <= 1.0
