"""An article's focus: its main country, first-level division and city (CLIFF's "about").

Each resolved place votes for its country (and division) with the sum of its mentions'
votes (the caller's ``weights``: ``GazetteerGeocoder`` gives the lead's mentions more);
the focus country is the top vote, the focus division the top vote inside it, the focus
city the most-voted city inside those. Scores are vote shares.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping

from schemas.models import Focus, FocusPlace
from streams.gazetteer import Gazetteer
from streams.gazetteer.sources import ADMIN1, CITY, COUNTRY

#: Mentions in an article's first characters (headline and lead: where the story
#: happens) weigh this much more in the focus vote: "rain closed roads around Porto ...
#: the minister told reporters in Lisbon" is about Porto.
LEAD_CHARS = 200
LEAD_WEIGHT = 1.5


def mention_vote(start: int, confidence: float) -> float:
    """One mention's vote for the focus, given where it starts and how sure it is.

    The square root of its confidence: a surer place still counts more, but a capital
    resolved at 0.85 outweighs a town at 0.5 by 1.3 times, not 1.7, so where the lead
    puts the story (``LEAD_WEIGHT``) can decide.
    """
    return math.sqrt(confidence) * (LEAD_WEIGHT if start < LEAD_CHARS else 1.0)


def focus_rows(
    gazetteer: Gazetteer, weights: Mapping[int, float]
) -> tuple[tuple[int | None, float], tuple[int | None, float], tuple[int | None, float]]:
    """Return ``(row, share)`` of the focus country, division and city.

    Args:
        gazetteer: the gazetteer the rows refer to.
        weights: gazetteer row → evidence (sum of its mentions' confidences).

    Returns:
        Country, first-level division and city; ``(None, 0.0)`` where there is none.
    """
    none: tuple[int | None, float] = (None, 0.0)
    total = sum(weights.values())
    countries: dict[str, float] = defaultdict(float)
    for row, weight in weights.items():
        code = gazetteer.country_code(row)
        if code:
            countries[code] += weight
    if total <= 0 or not countries:
        return none, none, none
    code = max(sorted(countries), key=lambda c: countries[c])
    inside = {r: w for r, w in weights.items() if gazetteer.country_code(r) == code}
    divisions: dict[int, float] = defaultdict(float)
    for row, weight in inside.items():
        division = row if gazetteer.kind[row] == ADMIN1 else int(gazetteer.a1row[row])
        if division >= 0 and gazetteer.kind[row] != COUNTRY:
            divisions[division] += weight
    area = max(sorted(divisions), key=lambda r: divisions[r]) if divisions else None
    cities = {
        r: w
        for r, w in inside.items()
        if gazetteer.kind[r] == CITY and (area is None or int(gazetteer.a1row[r]) == area)
    }
    city = max(sorted(cities), key=lambda r: cities[r]) if cities else None
    return (
        (gazetteer.country_rows.get(code), countries[code] / total),
        (area, divisions[area] / total) if area is not None else none,
        (city, cities[city] / total) if city is not None else none,
    )


def article_focus(gazetteer: Gazetteer, weights: Mapping[int, float]) -> Focus:
    """Return the focus of an article from its resolved places.

    Args:
        gazetteer: the gazetteer the rows refer to.
        weights: gazetteer row → evidence (sum of its mentions' confidences).

    Returns:
        The focus; parts without evidence are None.
    """
    country, area, city = focus_rows(gazetteer, weights)
    return Focus(
        country=_focus_place(gazetteer, *country),
        admin1=_focus_place(gazetteer, *area),
        city=_focus_place(gazetteer, *city),
    )


def _focus_place(gazetteer: Gazetteer, row: int | None, score: float) -> FocusPlace | None:
    if row is None:
        return None
    return FocusPlace(
        geonameid=int(gazetteer.gid[row]),
        name=gazetteer.name(row),
        country_code=gazetteer.country_code(row),
        admin1=gazetteer.admin1_code(row),
        lat=round(float(gazetteer.lat[row]), 5),
        lon=round(float(gazetteer.lon[row]), 5),
        score=round(min(1.0, score), 4),
    )
