"""Scoring of ``geowire eval geoparse``: distances, error figures, head/tail cut."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from streams.evaluate.geoparse import EARTH_HALF_CIRCUMFERENCE_KM, distance_km, error_figures
from streams.evaluate.recognition import head_size, read_docs, select


def doc(ids: int) -> dict[str, object]:
    return {"toponyms": [{"geonameid": 1}] * ids, "unresolved_toponyms": []}


def test_distance_km() -> None:
    assert distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=2)
    assert distance_km(0, 0, 0, 180) == pytest.approx(EARTH_HALF_CIRCUMFERENCE_KM, rel=2e-3)


def test_error_figures() -> None:
    figures = error_figures([0.0, 100.0, 200.0, EARTH_HALF_CIRCUMFERENCE_KM])
    assert figures["acc161"] == 0.5
    assert figures["median_km"] == 150.0
    assert 0.0 < figures["auc"] < 1.0
    assert error_figures([0.0, 0.0])["auc"] == 0.0
    assert error_figures([EARTH_HALF_CIRCUMFERENCE_KM] * 2)["auc"] == pytest.approx(1.0, abs=1e-4)


def test_head_is_the_first_seventy_percent_of_id_toponyms() -> None:
    docs = [doc(3), doc(3), doc(1), doc(2), doc(1)]  # 10 toponyms; 70% reached after doc 3
    assert head_size(docs) == 3
    assert len(select(docs, "head")) == 3
    assert len(select(docs, "tail")) == 2
    assert len(select(docs, "all")) == 5


def test_read_docs_splits_on_newlines_only(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    rows = [{"id": "a", "text": "one\u2028two"}, {"id": "b", "text": "three"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert [d["id"] for d in read_docs(path)] == ["a", "b"]
