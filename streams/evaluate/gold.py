"""Gold toponym spans resolved by the geocoder: the distances every geoparse figure reads."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from schemas.models import Place, Span
from streams.geocode.geocoder import GazetteerGeocoder
from streams.geocode.guesses import distance_km

EARTH_HALF_CIRCUMFERENCE_KM = 20039.0
#: An answer this close to the gold point counts as right (Acc@161).
ACC_KM = 161.0

#: One resolved gold span: document index, toponym index, gold toponym, answer, error km.
Resolution = tuple[int, int, dict[str, Any], Place | None, float]


def resolved_gold(geocoder: GazetteerGeocoder, docs: list[dict[str, Any]]) -> Iterator[Resolution]:
    """Resolve every gold toponym span.

    Yields:
        ``(document index, toponym index, gold toponym, place or None, error km)``;
        a span the geocoder cannot place counts as half the earth's circumference.
    """
    for i, doc in enumerate(docs):
        gold = doc["toponyms"]
        spans = [Span(start=t["start"], end=t["end"]) for t in gold]
        for j, (toponym, place) in enumerate(
            zip(gold, geocoder.resolve(doc["text"], spans), strict=True)
        ):
            km = EARTH_HALF_CIRCUMFERENCE_KM
            if place is not None:
                km = error_km(place, toponym)
            yield i, j, toponym, place, km


def error_km(place: Place, toponym: dict[str, Any]) -> float:
    """Distance in km from an answer to a gold toponym's point."""
    return distance_km(place.lat, place.lon, toponym["lat"], toponym["lon"])
