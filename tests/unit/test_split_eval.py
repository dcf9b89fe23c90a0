"""The split benchmark's scoring, the rendered pages and the model fit, on data made here."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pytest

from streams.core.interfaces import Segment
from streams.evaluate.formats import FORMATS, LONG
from streams.evaluate.formats import pages as format_pages
from streams.evaluate.pages import pages
from streams.evaluate.split import load, match_starts, run, run_raw, run_single, score, wilson
from streams.evaluate.split_fit import IDENTITY, MIN_CHARS, logistic, threshold
from streams.split.decode import LengthPrior
from streams.split.features import NAMES
from streams.split.splitter import Model
from tests.split_texts import article, layout, plain

DOCS = [
    {"id": f"doc-{n}", "title": article(n).title, "text": " ".join(article(n).paragraphs)}
    for n in range(30)
]


class Fixed:
    """A splitter that returns the starts it was given (ends are not scored)."""

    def __init__(self, starts: list[int]) -> None:
        self.starts = starts

    def split(self, text: str, *, whole: bool = False) -> list[Segment]:
        return [Segment(start=s, end=s + 1) for s in self.starts]


def test_a_start_anywhere_in_the_glue_counts() -> None:
    text = "First article.\n\nRelated: teaser\n\n   Second article."
    arts = [{"start": 0, "end": 14}, {"glue_start": 14, "start": 33, "end": len(text)}]
    assert match_starts(text, arts, [0, 16]) == (1, [], [])  # at the teaser
    assert match_starts(text, arts, [0, 36]) == (1, [], [])  # at the title (spaces skipped)
    assert match_starts(text, arts, [0, 40]) == (0, [36], [40])  # too far in
    assert match_starts(text, arts, [0, 10]) == (0, [36], [10])  # inside the first article


def test_without_glue_the_tolerance_is_three_characters() -> None:
    text = "a" * 100
    arts = [{"start": 0, "end": 50}, {"start": 50, "end": 100}]
    assert match_starts(text, arts, [0, 47])[0] == 1
    assert match_starts(text, arts, [0, 46])[0] == 0


def _messy(tmp_path: Path) -> Path:
    rows: list[dict[str, Any]] = []
    for part, kind, n in (("head", "dump", 3), ("head", "single", 1), ("tail", "dump", 2)):
        text, starts = layout([article(i) for i in range(n)])
        arts = [{"id": f"a{i}", "start": s, "end": 0} for i, s in enumerate(starts)]
        for a, s in zip(arts[1:], starts[1:], strict=True):
            a["glue_start"] = s - 3
        rows.append(
            {"id": f"{part}-{kind}", "part": part, "kind": kind, "text": text, "articles": arts}
        )
    path = tmp_path / "messy.jsonl"
    path.write_bytes(b"\n".join(orjson.dumps(r) for r in rows))
    return path


def test_load_picks_part_and_kind(tmp_path: Path) -> None:
    path = _messy(tmp_path)
    assert [r["id"] for r in load(path, "head")] == ["head-dump", "head-single"]
    assert [r["id"] for r in load(path, "all", "dump")] == ["head-dump", "tail-dump"]
    assert [r["id"] for r in load(path, "tail", "single")] == []


def test_score_counts_boundaries_dumps_and_singles(tmp_path: Path) -> None:
    rows = load(_messy(tmp_path), "head")
    _, starts = layout([article(i) for i in range(3)])
    result = score(rows, Fixed(starts))  # type: ignore[arg-type]
    # the dump is exact; the single is "cut" at the dump's starts
    assert (result["dumps"], result["exact"], result["singles"], result["whole"]) == (1, 1, 1, 0)
    assert result["precision"] == pytest.approx(2 / 4) and result["recall"] == 1.0
    assert [e["id"] for e in result["errors"]] == ["head-single"]


def test_run_single_and_raw(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_bytes(b"\n".join(orjson.dumps(d) for d in DOCS[:5]))
    assert run_single([docs])["share"] == 1.0
    text, starts = layout([article(i) for i in range(4)])
    raw = tmp_path / "dump.txt"
    raw.write_text(text, encoding="utf-8")
    result = run_raw(raw, starts)
    assert result["predicted"] == starts and result["f1"] == 1.0
    assert "predicted" in capsys.readouterr().out
    assert run(_messy(tmp_path), part="tail")["dumps"] == 1


def test_wilson_interval() -> None:
    low, high = wilson(16, 17)
    assert 0.7 < low < 0.75 and 0.98 < high <= 1.0
    assert wilson(0, 0) == (0.0, 1.0)


def test_pages_have_exact_gold_and_repeat_by_seed() -> None:
    first = pages(DOCS, 40, seed=1)
    assert first == pages(DOCS, 40, seed=1)
    assert first != pages(DOCS, 40, seed=2)
    for page in first:
        text, arts = page["text"], page["articles"]
        assert [a["start"] for a in arts] == sorted(a["start"] for a in arts)
        for a in arts:
            assert not text[a["start"]].isspace()
            assert a.get("glue_start", 0) <= a["start"] < a["end"] <= len(text)
        docs = {d["id"]: d for d in DOCS}
        for a in arts:  # each article holds its document's first words
            assert docs[a["id"]]["text"].split()[1] in text[a["start"] : a["end"]]


def test_logistic_fit_finds_the_sign_of_each_feature() -> None:
    rng = np.random.default_rng(0)
    x = np.column_stack([np.ones(4000), rng.normal(size=(4000, 2))])
    y = (rng.random(4000) < 1 / (1 + np.exp(-(x @ [-1.0, 2.0, -3.0])))).astype(float)
    beta = logistic(x, y, l2=0.1)
    assert beta[1] > 1.5 and beta[2] < -2.5 and abs(beta[0] + 1) < 0.3


def test_threshold_cuts_at_most_the_budget_of_singles() -> None:
    weights = dict.fromkeys(NAMES, 0.0) | {"bias": -4.0, "title": 6.0}
    text, _ = layout([article(i) for i in range(2)])
    singles = [{"text": plain(article(i))} for i in range(10)] + [{"text": text}]
    prior = LengthPrior(mu=math.log(len(plain(article(0)))), sigma=0.75)
    model = Model(weights, 0.0, IDENTITY, 0.0, MIN_CHARS, prior)
    # the page of two articles has a title line to cut at (score 2); the rest have none
    assert threshold(model, singles, budget=0.0) > 2.0
    assert threshold(model, singles, budget=0.1) < -3.9


def test_run_pages_scores_rendered_pages(tmp_path: Path) -> None:
    from streams.evaluate.split import run_pages

    docs = tmp_path / "docs.jsonl"
    docs.write_bytes(b"\n".join(orjson.dumps(d) for d in DOCS))
    result = run_pages([docs], 6, seed=3)
    assert result["dumps"] + result["singles"] == 6
    assert 0.0 <= result["f1"] <= 1.0 and result["boundaries"] > 0


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_format_pages_have_exact_gold_and_repeat_by_seed(name: str) -> None:
    first = format_pages(DOCS, name, 5, seed=1)
    assert first == format_pages(DOCS, name, 5, seed=1)
    assert first != format_pages(DOCS, name, 5, seed=2)
    assert [len(p["articles"]) > 1 for p in first] == [True] * 5 + [False] * 5
    docs = {d["id"]: d for d in DOCS}
    for page in first:
        text, arts = page["text"], page["articles"]
        for before, a in zip([None, *arts], arts, strict=False):
            assert not text[a["start"]].isspace() and not text[a["end"] - 1].isspace()
            assert (before["end"] if before else 0) == a["glue_start"] <= a["start"] < a["end"]
            # each article holds its document's words and no other document's
            assert docs[a["id"]]["text"].split()[3] in text[a["start"] : a["end"]]


def test_run_formats_scores_every_format(tmp_path: Path) -> None:
    from streams.evaluate.split import run_formats

    docs = tmp_path / "docs.jsonl"
    docs.write_bytes(b"\n".join(orjson.dumps(d) for d in DOCS))
    results = run_formats([docs], 2, seed=3)
    assert set(results) == {*FORMATS, "all", "long"}
    assert results["all"]["dumps"] == 2 * len(FORMATS) == results["all"]["singles"]
    assert all(0.0 <= r["f1"] <= 1.0 and r["boundaries"] > 0 for r in results.values())
    # the long dumps: one score and one count of pieces per dump, for every format
    assert results["long"]["dumps"] == len(LONG) * len(FORMATS)
    assert all(len(results[name]["long"]["pieces"]) == len(LONG) for name in FORMATS)


def test_flat_pages_write_each_article_as_one_paragraph() -> None:
    assert pages(DOCS, 20, seed=4, flat=0.0) == pages(DOCS, 20, seed=4)  # no draw is made
    flat = pages(DOCS, 20, seed=4, flat=1.0)
    assert flat != pages(DOCS, 20, seed=4)
    docs = {d["id"]: d for d in DOCS}
    for page in flat:
        text = page["text"]
        for a in page["articles"]:
            words = docs[a["id"]]["text"].split()
            article = text[a["start"] : a["end"]]
            # its last paragraph holds the whole text, in order (it may be hard-wrapped)
            body = re.split(r"\n[^\S\n]*\r?\n", article)[-1]
            assert " ".join(body.split()).endswith(" ".join(words[2:]))


def test_logistic_fits_added_weights_on_top_of_fixed_ones() -> None:
    rng = np.random.default_rng(1)
    x = np.column_stack([np.ones(4000), rng.normal(size=(4000, 2))])
    y = (rng.random(4000) < 1 / (1 + np.exp(-(x @ [-1.0, 2.0, -3.0])))).astype(float)
    fixed = x[:, :2] @ [-1.0, 2.0]
    beta = logistic(x[:, 2:], y, l2=0.1, offset=fixed, bias=False)
    assert abs(beta[0] + 3.0) < 0.3
