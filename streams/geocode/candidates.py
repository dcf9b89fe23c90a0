"""What a name alone tells: its candidate places and the fixed part of their scores.

The same in any article, so each name is worked out once. A name is looked up as
written, then as a division with its generic word ("Sokoto State"), as a feature with
its feature word ("Lake Chad": only features), as a resident name ("Ontarians") or as
a longer name holding a known place ("Bank of England"). Small places of the extracts
are flagged for the article's support (:class:`~streams.geocode.context.DocContext`).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from streams.gazetteer.index import NO_CANDIDATES, SKELETON, STRICT, Candidates, Gazetteer
from streams.gazetteer.normalize import article_key, normalize, similarity
from streams.gazetteer.sources import ADMIN1, ADMIN2, CITY, COUNTRY, FEATURE, REGION
from streams.geocode.variants import Variants
from streams.lexicon.words import STREET_HEADS


class NameWeights(Protocol):
    """The weights :class:`Names` reads (see ``ranking.Weights``)."""

    @property
    def country(self) -> float: ...
    @property
    def admin1(self) -> float: ...
    @property
    def admin2(self) -> float: ...
    @property
    def region(self) -> float: ...
    @property
    def feature(self) -> float: ...
    @property
    def capital(self) -> float: ...
    @property
    def alternate(self) -> float: ...
    @property
    def shadowed(self) -> float: ...
    @property
    def article_match(self) -> float: ...
    @property
    def skeleton_match(self) -> float: ...
    @property
    def partial(self) -> float: ...
    @property
    def namesake(self) -> float: ...


#: Last words of street names, which are English and never transliterations.
_STREET_WORDS = STREET_HEADS | {"St"}
#: Towns below this population are "small" for the alternate-name penalty.
SMALL_TOWN = 100_000
#: The population a village of the extracts counts when its source gives none.
VILLAGE = 1_000
#: A facility named after a city this big stands for it ("Baghdad International Airport").
BIG_CITY = 100_000
#: Names whose candidates are kept worked out.
_FOUND_CACHE = 1 << 16


@dataclass(frozen=True)
class Found:
    """What a name alone tells: candidates, their fixed scores, how loose the match is.

    ``fixed_key`` is set for adjectives and landmarks, whose one sense needs no qualifier.
    """

    rows: np.ndarray
    fixed: np.ndarray
    derived: bool
    fixed_key: str | None
    gated: np.ndarray | None = None


class Names:
    """Candidates of names, against one gazetteer, with a bounded cache."""

    def __init__(self, gazetteer: Gazetteer, weights: NameWeights, area: np.ndarray) -> None:
        self.gaz = gazetteer
        self.w = weights
        self.area = area
        self.prior = self._priors()
        self.variants = Variants(gazetteer)
        self._found: OrderedDict[str, Found] = OrderedDict()

    def _priors(self) -> np.ndarray:
        gaz, w = self.gaz, self.w
        kind = gaz.kind
        population = np.where(kind == REGION, np.maximum(gaz.population, 10**8), gaz.population)
        # a village of the extracts with no count is at least a hamlet of GeoNames' size
        village = gaz.extract & (kind == CITY)
        population = np.where(village, np.maximum(population, VILLAGE), population)
        prior = np.log10(population.astype(np.float64) + 10.0)
        prior += np.select(
            [kind == COUNTRY, kind == ADMIN1, kind == ADMIN2, kind == REGION, kind == FEATURE],
            [w.country, w.admin1, w.admin2, w.region, w.feature],
            0.0,
        )
        prior += gaz.capital * w.capital
        return prior

    def candidates(self, surface: str) -> Found:
        """Candidates of a name and the fixed part of their scores, the same in any text.

        Names repeat across articles, so each is worked out once (in a bounded cache:
        a long-running worker meets an endless stream of new names).
        """
        cached = self._found.get(surface)
        if cached is not None:
            self._found.move_to_end(surface)
            return cached
        found = self._work_out(surface)
        self._found[surface] = found
        while len(self._found) > _FOUND_CACHE:
            self._found.popitem(last=False)
        return found

    def _work_out(self, surface: str) -> Found:
        adjective = self.variants.adjective(surface)
        adjective = adjective if adjective is not None else self.variants.landmark(surface)
        if adjective is not None:
            rows = np.array([adjective], dtype=np.int32)
            return Found(rows, self.prior[rows], False, str(adjective))
        feature = self.variants.feature(surface)
        found = feature if feature is not None else self._lookup(surface)
        penalty, loose = 0.0, False
        if feature is None and self._named_after_city(surface, found):
            found = NO_CANDIDATES  # its city, found as a part of the name below
        if feature is None and (not len(found.rows) or found.level == SKELETON):
            # a resident name or a known place inside a longer name beats a vowel skeleton
            derived = self.variants.resident(surface)
            derived = derived if len(derived.rows) else self.variants.partial(surface)
            if len(derived.rows):
                found, penalty, loose = derived, self.w.partial, True
        rows = found.rows
        fixed = self.prior[rows] - self._alternate_penalty(rows, found.alternate) - penalty
        if found.level == SKELETON:
            key = article_key(surface)
            keep = np.array(
                [similarity(key, normalize(self.gaz.name(int(r)))) >= 0.6 for r in rows]
            )
            rows, fixed = rows[keep], fixed[keep] - self.w.skeleton_match
            # a sound-alike is as loose a guess as a part name ("Anfield" is not Enfield)
            loose = True
        elif found.level:
            fixed = fixed - self.w.article_match
        fixed = fixed - self.w.namesake * self._namesake_divisions(rows)
        if feature is not None:  # the feature word says what it is: a lake, not a town
            kind = self.gaz.kind[rows]
            fixed = fixed + self.w.feature * ((kind == FEATURE) | (kind == REGION))
        # small places of the extracts wait for the article's support; a feature named
        # with its feature word is what the name says, however small
        gated = self.gaz.small[rows] & (feature is None)
        return Found(rows, fixed, loose, None, gated)

    def _named_after_city(self, surface: str, found: Candidates) -> bool:
        """Whether a name found only as small places of the extracts (an airport, a
        neighbourhood) holds the name of a big city beside them.

        "Baghdad International Airport" stands for Baghdad in news, as other facilities
        named after a city of 100,000+ do; an airport with a name of its own ("Ben
        Gurion Airport") is the airport.
        """
        gaz = self.gaz
        rows = found.rows.tolist()
        if not rows or not gaz.small[rows].all() or len(surface.split()) < 2:
            return False
        for city in self.variants.partial(surface).rows.tolist():
            if gaz.kind[city] == CITY and gaz.population[city] >= BIG_CITY:
                near = np.hypot(gaz.lat[rows] - gaz.lat[city], gaz.lon[rows] - gaz.lon[city])
                if near.min() < 1.0:  # about 100 km
                    return True
        return False

    def _lookup(self, surface: str) -> Candidates:
        """The gazetteer's candidates, or a division named with its generic word."""
        found = self.gaz.lookup(surface)
        if found.level == SKELETON and surface.split()[-1] in _STREET_WORDS:
            found = NO_CANDIDATES  # "Main St." sounds like Minnesota only to a vowel skeleton
        if not len(found.rows) or found.level != STRICT:
            division = self.variants.division(surface)
            found = division if len(division.rows) else found
        return found

    def _alternate_penalty(self, rows: np.ndarray, alternate: np.ndarray) -> np.ndarray:
        """Penalty of alternate-name matches, larger for a small town when another
        candidate has the name as its own (an old or variant name of a town rarely means
        it over the towns so called today: "Maryville" is not Beeville). Division short
        forms ("Berkeley" for Berkeley County) and big cities' common names ("New York")
        keep the usual penalty."""
        town = (self.gaz.kind[rows] == CITY) & (self.gaz.population[rows] < SMALL_TOWN)
        shadowed = town * (self.w.shadowed * (~alternate).any())
        result: np.ndarray = alternate * (self.w.alternate + shadowed)
        return result

    def _namesake_divisions(self, rows: np.ndarray) -> np.ndarray:
        """1 for a first-level division whose own city shares its name (Baghdad governorate).

        News means the city; the division is still chosen when the context says so.
        """
        kind = self.gaz.kind[rows]
        flags = np.zeros(len(rows))
        if (kind == CITY).any() and (kind == ADMIN1).any():
            city_areas = self.area[rows[kind == CITY]]
            flags[kind == ADMIN1] = np.isin(rows[kind == ADMIN1], city_areas)
        return flags
