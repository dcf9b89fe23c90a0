"""What the gazetteer allows on a gold-span benchmark, whatever the ranker chooses.

Acc@161 with gold spans mixes two limits: the ranker's choice among a span's candidates,
and the gazetteer's data (a building, street or hamlet it does not list has no candidate
near its gold point, so no choice can be right). :func:`coverage_figures` separates them:

* ``ceiling_acc161``: the share of gold toponyms that the answer gets right *or* that
  have some candidate within 161 km of the gold point: what a perfect choice among the
  gazetteer's candidates would score (the answer counts too, since a guess from context
  can be right without a candidate of its own);
* ``with_id_acc161`` over ``with_id_count``: Acc@161 on the toponyms that carry a
  GeoNames id, the population that GeoWebNews' paper and Mordecai3's evaluation score;
* ``gold_id_listed``: the share of those ids the gazetteer lists at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from streams.evaluate.gold import ACC_KM, Resolution, resolved_gold
from streams.geocode.geocoder import GazetteerGeocoder
from streams.geocode.guesses import distance_km


def coverage_figures(
    geocoder: GazetteerGeocoder,
    docs: list[dict[str, Any]],
    resolved: Sequence[Resolution] | None = None,
) -> dict[str, Any]:
    """Score the data's limits on gold spans (see the module docstring).

    Args:
        geocoder: the geocoder whose gazetteer and ranker give the candidates.
        docs: GeoWebNews/LGL style documents with ``toponyms``.
        resolved: ``resolved_gold`` of the same documents, when already computed.

    Returns:
        ``ceiling_acc161``, ``with_id_acc161``, ``with_id_count`` and ``gold_id_listed``.
    """
    listed = {int(gid) for gid in geocoder.gazetteer.gid}
    total = reachable = with_id = right_with_id = id_listed = 0
    for i, _, toponym, _, km in resolved or resolved_gold(geocoder, docs):
        right = km <= ACC_KM
        total += 1
        if right or _has_near_candidate(geocoder, docs[i]["text"], toponym):
            reachable += 1
        if toponym.get("geonameid"):
            with_id += 1
            right_with_id += right
            id_listed += int(toponym["geonameid"]) in listed
    return {
        "ceiling_acc161": reachable / total if total else 0.0,
        "with_id_acc161": right_with_id / with_id if with_id else 0.0,
        "with_id_count": with_id,
        "gold_id_listed": id_listed / with_id if with_id else 0.0,
    }


def _has_near_candidate(geocoder: GazetteerGeocoder, text: str, toponym: dict[str, Any]) -> bool:
    """Whether any gazetteer candidate of the gold span lies within 161 km of its point."""
    gaz = geocoder.gazetteer
    rows = geocoder.ranker.mention(text, toponym["start"], toponym["end"]).rows
    return any(
        distance_km(float(gaz.lat[r]), float(gaz.lon[r]), toponym["lat"], toponym["lon"]) <= ACC_KM
        for r in rows.tolist()
    )
