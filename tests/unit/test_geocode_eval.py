"""Scoring of ``geowire eval geoparse``: distances, error figures, head/tail cut."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas.models import Place
from streams.evaluate.coverage import coverage_figures
from streams.evaluate.geoparse import (
    error_figures,
    gold_span_figures,
    gold_span_misses,
    placed_counts,
)
from streams.evaluate.gold import EARTH_HALF_CIRCUMFERENCE_KM
from streams.evaluate.recognition import head_size, read_docs, select
from streams.gazetteer import load_gazetteer
from streams.geocode.geocoder import GazetteerGeocoder
from streams.geocode.guesses import distance_km
from streams.settings import Settings


@pytest.fixture(scope="module")
def geocoder() -> GazetteerGeocoder:
    return GazetteerGeocoder(load_gazetteer(Settings().gazetteer_path))


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


class _FixedGeocoder:
    """Answers every span with the next of a fixed list of places."""

    def __init__(self, places: list[Place | None]) -> None:
        self.places = places

    def resolve(self, text: str, spans: list[object]) -> list[Place | None]:
        return self.places[: len(spans)]


def _place(lat: float, lon: float) -> Place:
    return Place(
        geonameid=1, name="Somewhere", country_code="FR", admin1=None, feature_class="P",
        feature_code="PPL", lat=lat, lon=lon, confidence=0.5,
    )  # fmt: skip


def test_misses_list_the_answers_beyond_161_km_and_the_unplaced() -> None:
    text = "Lyon and Lille and Nice"
    docs = [{
        "id": "d1", "text": text, "unresolved_toponyms": [],
        "toponyms": [
            {"start": 0, "end": 4, "name": "Lyon", "lat": 45.76, "lon": 4.84},
            {"start": 9, "end": 14, "name": "Lille", "lat": 50.63, "lon": 3.06},
            {"start": 19, "end": 23, "name": "Nice", "lat": 43.70, "lon": 7.27},
        ],
    }]  # fmt: skip
    geocoder = _FixedGeocoder([_place(45.75, 4.85), _place(45.75, 4.85), None])
    misses = gold_span_misses(geocoder, docs)  # type: ignore[arg-type]
    assert [(m["name"], m["answer"] is None) for m in misses] == [("Lille", False), ("Nice", True)]
    assert misses[0]["km"] == pytest.approx(distance_km(45.75, 4.85, 50.63, 3.06), abs=0.1)
    assert misses[1]["km"] == EARTH_HALF_CIRCUMFERENCE_KM
    figures = gold_span_figures(geocoder, docs)  # type: ignore[arg-type]
    assert figures["acc161"] == pytest.approx(1 / 3)


def test_a_published_mention_is_placed_only_at_the_right_place() -> None:
    doc = {
        "toponyms": [
            {"start": 0, "end": 4, "lat": 45.76, "lon": 4.84},  # Lyon
            {"start": 9, "end": 14, "lat": 50.63, "lon": 3.06},  # Lille
            {"start": 19, "end": 23, "lat": 43.70, "lon": 7.27},  # Nice, not published
        ],
        "unresolved_toponyms": [{"start": 30, "end": 36}],
    }
    pred = [
        ((0, 4), _place(45.75, 4.85)),  # right
        ((9, 14), _place(45.75, 4.85)),  # on a toponym, 500 km off
        ((24, 28), _place(45.75, 4.85)),  # on no toponym
        ((30, 36), _place(45.75, 4.85)),  # on a toponym without a point: not judged
    ]
    assert placed_counts(pred, doc) == (1, 3, 1, 3)


def test_coverage_separates_the_rankers_choice_from_the_datas_limits(
    geocoder: GazetteerGeocoder,
) -> None:
    text = (
        "Flooding closed the Quillfeather Footbridge in Lyon on Monday, "
        "and a ferry stopped near Paris."
    )
    docs = [{
        "id": "d1", "text": text, "unresolved_toponyms": [],
        "toponyms": [
            # no candidate of its own, and its point is on another continent: unreachable
            {"start": 20, "end": 43, "name": "Quillfeather Footbridge", "lat": -33.9, "lon": 151.2,
             "geonameid": None},
            {"start": 47, "end": 51, "name": "Lyon", "lat": 45.75, "lon": 4.85,
             "geonameid": 2996944},
            # answered as Paris, France; Paris, Texas is a candidate, so a choice could be right
            {"start": 88, "end": 93, "name": "Paris", "lat": 33.66, "lon": -95.56,
             "geonameid": 4717560},
            # an id that no gazetteer of towns lists (a made-up building's)
            {"start": 47, "end": 51, "name": "Lyon", "lat": 45.75, "lon": 4.85,
             "geonameid": 999999999},
        ],
    }]  # fmt: skip
    figures = coverage_figures(geocoder, docs)
    assert gold_span_figures(geocoder, docs)["acc161"] == pytest.approx(2 / 4)
    assert figures["ceiling_acc161"] == pytest.approx(3 / 4)
    assert figures["with_id_count"] == 3
    assert figures["with_id_acc161"] == pytest.approx(2 / 3)
    assert figures["gold_id_listed"] == pytest.approx(2 / 3)
