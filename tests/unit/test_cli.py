"""The offline commands of ``geowire`` (real model and gazetteer, no Kafka)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from streams.cli.main import _summary, app

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "quake-report.txt"
runner = CliRunner()


def test_enrich_prints_one_article_per_line_keyed_by_file_name() -> None:
    result = runner.invoke(app, ["enrich", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    (article,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert article["source_id"] == "quake-report.txt"
    assert article["headline"] == "Strong earthquake shakes central Chile"
    assert {"Chile", "Santiago"} <= {p["name"] for p in article["places"]}
    assert "Strong earthquake shakes central Chile" in _summary(article)


def test_enrich_jsonl_reports_bad_lines_and_keeps_going(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok-1", "text": "Flooding closed schools in Porto on Monday."}),
        "{broken",
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = runner.invoke(app, ["enrich", "--jsonl", str(path)])
    assert result.exit_code == 1
    (article,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert article["source_id"] == "ok-1"
    assert "bad_json" in result.stderr


def test_resolve_answers_one_place_or_null_per_span(tmp_path: Path) -> None:
    text = "Officials in Nairobi and Mombasa met the Xqzzy delegation."
    spans = [
        {"start": text.index(n), "end": text.index(n) + len(n)} for n in ("Nairobi", "Mombasa")
    ]
    path = tmp_path / "spans.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": text, "spans": spans}) + "\n")
    result = runner.invoke(app, ["resolve", str(path)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["id"] == "d1"
    assert [(p["name"], p["country_code"]) for p in out["places"]] == [
        ("Nairobi", "KE"),
        ("Mombasa", "KE"),
    ]


def test_replay_refuses_an_unknown_error_code_before_reaching_any_broker() -> None:
    # a typo would otherwise match no letter and look like an empty dead-letter topic
    result = runner.invoke(
        app, ["replay", "--code", "not-utf8"], env={"GEOWIRE_KAFKA_BOOTSTRAP": "localhost:1"}
    )
    assert result.exit_code == 2
    assert "not_utf8" in result.output


def test_eval_split_scores_a_raw_dump_against_given_starts(tmp_path: Path) -> None:
    from tests.split_texts import article, layout

    text, starts = layout([article(n) for n in range(4)])
    dump = tmp_path / "dump.txt"
    dump.write_text(text, encoding="utf-8")
    arg = ",".join(map(str, starts))
    result = runner.invoke(app, ["eval", "split", str(dump), "--starts", arg])
    assert result.exit_code == 0, result.output
    assert "f1           1.0000" in result.stdout
    assert f"predicted    {starts}" in result.stdout
