"""The headline-style model: closed-class features, shipped weights, and its fit."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from streams.evaluate.tuning import fit_headlinese
from streams.split.headline import inline_title
from streams.split.headlinese import features, odds

TITLES = [
    "Council backs plan to widen harbour road",
    "Ferry service resumes after six-week repair",
    "Two hurt as bus hits wall in Port Ellison",
]
SENTENCES = [
    "The council said on Tuesday that it had approved the plan",
    "He said the work would take until the spring",
    "It was the third time this year that the road had flooded",
]


@pytest.mark.parametrize("title", TITLES)
def test_a_headline_reads_as_headlinese(title: str) -> None:
    assert odds(title) > 2.0


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_story_sentence_does_not(sentence: str) -> None:
    assert odds(sentence) < -2.0


def test_only_common_words_are_kept_as_words() -> None:
    found = features("Harbour board approves the ferry fares", frozenset({"the"}))
    assert "w:the" in found
    words = ("harbour", "board", "approves", "ferry", "fares")
    assert not any(w in f.lower() for f in found for w in words)
    assert {"<Cap>", "<low-s>", "^<Cap>", "$<low-s>", "<low-s>_w:the"} <= found


def test_the_style_moves_an_inline_title_score_by_a_quarter() -> None:
    body = " Port Ellison's mayor, Ana Ruiz, will run again, she said on Monday."
    # rules alone: 0.75 (no article) and 0.25 (article and auxiliary)
    assert inline_title("Mayor to seek third term." + body)[1] == 1.0
    assert inline_title(SENTENCES[2] + "." + body)[1] == 0.0


def test_fit_writes_weights_that_tell_titles_from_sentences(tmp_path: Path) -> None:
    rows = [
        {"id": f"d{i}", "title": title, "text": f"{title}. {sentence}. {SENTENCES[0]}."}
        for i, (title, sentence) in enumerate(zip(TITLES * 4, SENTENCES[1:] * 6, strict=False))
    ]
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = fit_headlinese([source], min_count=1, l2=1.0, out=tmp_path / "style.json")
    data = orjson.loads(out.read_bytes())
    assert len(data["common"]) == 300
    common = frozenset(data["common"])

    def score(text: str) -> float:
        return data["bias"] + sum(data["weights"].get(f, 0.0) for f in features(text, common))

    assert all(score(t) > 0 > score(s) for t in TITLES for s in SENTENCES)
