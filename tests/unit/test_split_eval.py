"""The split evaluation: matching, Pk, and the run/run_single/tune entry points."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from streams.evaluate.split import load, match_starts, pk, run, run_raw, run_single, wilson
from streams.evaluate.tuning import tune
from streams.split.splitter import RuleSplitter
from streams.split.trees import load as load_trees

DATA = Path(__file__).resolve().parents[1] / "data" / "split"


def test_match_within_tolerance_one_to_one() -> None:
    hits, missed, spurious = match_starts([100, 200, 300], [102, 199, 250, 301])
    assert hits == 3
    assert missed == []
    assert spurious == [250]
    hits, missed, spurious = match_starts([100], [98, 101])
    assert (hits, missed, len(spurious)) == (1, [], 1)  # a gold start counts once
    hits, missed, spurious = match_starts([100], [104])
    assert (hits, missed, spurious) == (0, [100], [104])


def test_wilson_interval_is_wide_for_few_dumps_and_narrows_with_more() -> None:
    low, high = wilson(14, 17)
    assert (round(low, 3), round(high, 3)) == (0.590, 0.938)
    low, high = wilson(140, 170)
    assert 0.75 < low < 0.8235 < high < 0.88
    assert wilson(0, 0) == (0.0, 1.0)
    assert wilson(5, 5)[1] == 1.0
    assert wilson(0, 5)[0] == 0.0


def test_pk_is_zero_for_a_perfect_cut_and_positive_for_a_missed_one() -> None:
    gold = [0, 50]
    assert pk(gold, gold, 100, [50, 50]) == 0.0
    assert pk(gold, [0], 100, [50, 50]) > 0.2
    assert pk(gold, [0, 48], 100, [50, 50]) < 0.1


def _dump_file(tmp_path: Path) -> Path:
    parts = [(DATA / n).read_text(encoding="utf-8").strip() for n in ("harbor_dump.txt",)]
    text = parts[0]
    openings = ["Harbor Council Approves", "Mining firm Corvane", "A rare white heron"]
    starts = [text.index(o) for o in openings]
    ends = [*[s - 2 for s in starts[1:]], len(text)]
    row = {
        "id": "t-0",
        "text": text,
        "articles": [{"start": s, "end": e} for s, e in zip(starts, ends, strict=True)],
    }
    bad = dict(row, id="t-1", articles=row["articles"][:1])
    path = tmp_path / "dumps.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [row, bad]) + "\n", encoding="utf-8")
    return path


def test_run_reports_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = run(_dump_file(tmp_path), part="all", splitter=RuleSplitter())
    # dump t-0 is cut right; t-1 claims one article, so its two real breaks are spurious
    assert result["dumps"] == 2
    assert result["boundaries"] == 2
    assert result["recall"] == 1.0
    assert result["precision"] == pytest.approx(0.5)
    assert result["exact"] == pytest.approx(0.5)
    assert result["exact_dumps"] == 1
    assert result["exact_low"] < 0.5 < result["exact_high"]
    assert result["errors"][0]["id"] == "t-1"
    assert "f1" in capsys.readouterr().out


def test_run_raw_scores_a_text_dump_against_given_starts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = DATA / "harbor_dump.txt"
    text = path.read_text(encoding="utf-8")
    starts = [text.index(o) for o in ("Harbor Council Approves", "Mining firm Corvane", "A rare")]
    right = run_raw(path, starts)
    assert (right["exact"], right["f1"], right["predicted"]) == (1.0, 1.0, starts)
    assert str(starts) in capsys.readouterr().out
    wrong = run_raw(path, [starts[0], starts[2]])  # one true break left out of the gold
    assert wrong["exact"] == 0.0
    assert wrong["errors"] == [{"id": path.name, "missed": [], "spurious": [starts[1]]}]


def test_head_and_tail_parts(tmp_path: Path) -> None:
    path = tmp_path / "ten.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": "x"}) + "\n" for i in range(10)))
    assert [r["id"] for r in load(path, "head")] == [str(i) for i in range(7)]
    assert [r["id"] for r in load(path, "tail")] == ["7", "8", "9"]


def test_run_single_counts_documents_kept_whole(tmp_path: Path) -> None:
    docs = [
        {"id": "long", "text": (DATA / "long_article.txt").read_text(encoding="utf-8")},
        {"id": "dump", "text": (DATA / "harbor_dump.txt").read_text(encoding="utf-8")},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    result = run_single([path])
    assert result["documents"] == 2
    assert result["single"] == 1
    assert result["cut"] == [{"id": "dump", "articles": 3}]


def _singles_file(tmp_path: Path) -> Path:
    """Single articles for tuning: each paragraph of the long article, twice."""
    long_text = (DATA / "long_article.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in long_text.split("\n") if p.strip()]
    docs = [
        {"id": f"d{i}", "title": f"Story number {i} for the test", "text": p}
        for i, p in enumerate(paragraphs * 2)
    ]
    singles = tmp_path / "docs.jsonl"
    singles.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return singles


def test_tune_fits_on_dumps_singles_and_synthetic_dumps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from streams.split.boundary import FEATURES, FIXED

    singles = _singles_file(tmp_path)
    fitted = tune(_dump_file(tmp_path), [singles], synthetic=4, seeds=(1,))
    assert list(fitted) == list(FEATURES)
    assert fitted["rare_blank"] == FIXED["rare_blank"]
    assert "WEIGHTS = (" in capsys.readouterr().out


def test_tune_also_fits_the_boundary_trees_the_same_way_every_time(tmp_path: Path) -> None:
    from streams.split.boundary import COLUMNS

    singles = _singles_file(tmp_path)
    written = []
    for name in ("one.json", "two.json"):
        out = tmp_path / name
        tune(_dump_file(tmp_path), [singles], synthetic=20, seeds=(1,), trees=out)
        written.append(out.read_bytes())
    assert written[0] == written[1]
    trees = load_trees(tmp_path / "one.json", COLUMNS)
    assert len(trees.roots) == 100
    assert trees.depth >= 1  # the trees learnt something from the examples
