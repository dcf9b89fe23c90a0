"""Article context for ranking: beliefs over all groups' candidates, updated jointly.

All candidates of all mention groups of an article sit in flat arrays (group by group),
so one update is a handful of vectorised numpy operations whatever the article size.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np

from streams.gazetteer.index import Gazetteer
from streams.gazetteer.sources import ADMIN1, COUNTRY, REGION

EARTH_RADIUS_KM = 6371.0
#: Candidates below this tempered belief are ignored by the proximity term.
MIN_BELIEF = 0.01


class ContextWeights(Protocol):
    """The weights :class:`DocContext` reads (see ``ranking.Weights``)."""

    @property
    def context_country(self) -> float: ...
    @property
    def context_admin1(self) -> float: ...
    @property
    def proximity(self) -> float: ...
    @property
    def proximity_km(self) -> float: ...
    @property
    def temperature(self) -> float: ...
    @property
    def damping(self) -> float: ...
    @property
    def context_neighbour(self) -> float: ...
    @property
    def gate(self) -> float: ...
    @property
    def support_km(self) -> float: ...


class DocContext:
    """Candidate scores of one article, re-estimated from the other groups' beliefs.

    Beliefs are tempered softmax distributions over each group's candidates, so a pair
    of unlikely but mutually consistent readings (a small town and its county) can
    support each other before either wins.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        area: np.ndarray,
        groups: Sequence[tuple[np.ndarray, np.ndarray, int, np.ndarray]],
        countries: Mapping[str, float],
        weights: ContextWeights,
        located: np.ndarray,
        neighbours: np.ndarray | None = None,
    ) -> None:
        self.w = weights
        rows = np.concatenate([g[0] for g in groups])
        self.fixed = np.concatenate([g[1] for g in groups]).astype(np.float64)
        sizes = np.array([len(g[0]) for g in groups])
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        self.group = np.repeat(np.arange(len(groups)), sizes)
        self.mentions = np.array([g[2] for g in groups], dtype=np.float64)[self.group]
        self.n_groups = len(groups)
        self.n_cc = gazetteer.country_count
        self.cc = gazetteer.cc[rows].astype(np.int64)
        areas, self.area = np.unique(area[rows], return_inverse=True)
        self.area_valid = (areas[self.area] >= 0).astype(np.float64)
        self.n_area = len(areas)
        kind = gazetteer.kind[rows]
        self.counted = (kind != REGION).astype(np.float64)
        # A name that can be a country is decided by priors and country shares, not by
        # nearby towns inside that country ("Mexico" among Mexican cities is still the
        # country); its namesakes abroad still gain from their neighbours (Lebanon,
        # Indiana, in a story that names Boone County).
        country_cc = np.full(self.n_groups, -1, dtype=np.int64)
        country_cc[self.group[kind == COUNTRY]] = self.cc[kind == COUNTRY]
        self.spatial = located[rows] & (country_cc[self.group] != self.cc)
        self.lat = np.radians(gazetteer.lat[rows].astype(np.float64))
        self.lon = np.radians(gazetteer.lon[rows].astype(np.float64))
        self.extra_cc = np.zeros(self.n_cc, dtype=np.float64)
        for code, value in countries.items():
            if code in gazetteer.country_rows:
                self.extra_cc[gazetteer.cc[gazetteer.country_rows[code]]] += value
        # Small places of the extracts whose name a bigger place also bears are taken
        # only with support; where none does they compete as they are. "Bigger" is by
        # the name alone (the fixed score): a hamlet that lists "Sahara" among its old
        # names does not make the desert wait for support.
        gated = np.concatenate([g[3] for g in groups])
        known = np.where(gated, -np.inf, self.fixed)
        major = np.maximum.reduceat(known, self.starts)[self.group]
        self.gated = gated & (major >= self.fixed)
        self.small = gated
        self.is_country = (kind == COUNTRY).astype(np.float64)
        self.is_admin1 = (kind == ADMIN1).astype(np.float64)
        self.support = np.zeros(len(rows))
        self._neighbours = self._neighbour_links(kind, neighbours)
        self._near = self._near_pairs(kind) if gated.any() else None
        self.scores = self.fixed.copy()
        self._belief: np.ndarray | None = None

    def beliefs(self) -> np.ndarray:
        """Tempered softmax of the scores within each group."""
        top = np.maximum.reduceat(self.scores, self.starts)[self.group]
        p = np.exp((self.scores - top) / self.w.temperature)
        result: np.ndarray = p / np.add.reduceat(p, self.starts)[self.group]
        return result

    def update(self) -> None:
        """Recompute all scores from the other groups' current (damped) beliefs."""
        belief = self.beliefs()
        if self._belief is not None:
            belief = self.w.damping * self._belief + (1.0 - self.w.damping) * belief
        self._belief = belief
        mass = belief * self.mentions * self.counted
        group_mass = np.bincount(self.group, mass, minlength=self.n_groups)
        others = group_mass.sum() + self.extra_cc.sum() - group_mass[self.group]
        cc_share = self._share(self.cc, self.n_cc, mass) + self.extra_cc[self.cc]
        a1_share = self._share(self.area, self.n_area, mass * self.area_valid) * self.area_valid
        context = self.w.context_country * cc_share + self.w.context_admin1 * a1_share
        if self._neighbours is not None:
            countries, links, extra = self._neighbours
            context = context + self.w.context_neighbour * (links @ mass[countries] + extra)
        context = np.divide(context, others, out=np.zeros_like(context), where=others > 1e-9)
        self.scores = self.fixed + context
        if self.w.proximity and self.n_groups > 1:
            self.scores = self.scores + self.w.proximity * self._proximity(belief)
        if self.small.any():
            self.support = self._support(belief)
            self.scores = self.scores - self.w.gate * self.gated * (1.0 - self.support)

    def _neighbour_links(
        self, kind: np.ndarray, neighbours: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """The other groups' country candidates next to each candidate's country.

        Returns:
            The country candidates, a (candidates x country candidates) 0/1 matrix of
            neighbourhood between the candidate's country and the other group's country,
            and the demonym evidence of the neighbours of each candidate's country; None
            when the article names no country.
        """
        if neighbours is None or not self.w.context_neighbour:
            return None
        countries = np.flatnonzero(kind == COUNTRY)
        named = np.flatnonzero(self.extra_cc)
        if not len(countries) and not len(named):
            return None
        links = neighbours[np.ix_(self.cc, self.cc[countries])]
        links = links * (self.group[:, None] != self.group[countries][None, :])
        extra = neighbours[np.ix_(self.cc, named)] @ self.extra_cc[named]
        return countries, links, extra

    def _share(self, keys: np.ndarray, n_keys: int, mass: np.ndarray) -> np.ndarray:
        """Per candidate: mass of *other* groups' candidates with the same key."""
        total = np.bincount(keys, mass, minlength=n_keys)[keys]
        own_key = self.group * n_keys + keys
        own = np.bincount(own_key, mass, minlength=self.n_groups * n_keys)[own_key]
        result: np.ndarray = total - own
        return result

    def _proximity(self, belief: np.ndarray) -> np.ndarray:
        """Per candidate: belief of each other group's nearest likely place, summed."""
        idx = np.flatnonzero(self.spatial & (belief >= MIN_BELIEF))
        support = np.zeros(len(self.scores))
        if len(idx) < 2:
            return support
        grp = self.group[idx]
        lat, lon = self.lat[idx], self.lon[idx]
        x = (lon[:, None] - lon[None, :]) * np.cos((lat[:, None] + lat[None, :]) / 2)
        dist = EARTH_RADIUS_KM * np.hypot(x, lat[:, None] - lat[None, :])
        near = np.exp(-dist / self.w.proximity_km) * belief[idx][None, :]
        near[grp[:, None] == grp[None, :]] = 0.0
        starts = np.flatnonzero(np.concatenate(([True], grp[1:] != grp[:-1])))
        support[idx] = np.maximum.reduceat(near, starts, axis=1).sum(axis=1)
        return support

    def _near_pairs(self, kind: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Small candidates, the other groups' places with a point of their own (not a
        country's or region's centre), and which of those lie within ``support_km``:
        positions do not change between updates, so this is worked out once."""
        small = np.flatnonzero(self.small)
        local = np.flatnonzero((kind != COUNTRY) & (kind != REGION))
        lat, lon = self.lat, self.lon
        x = (lon[small, None] - lon[None, local]) * np.cos(
            (lat[small, None] + lat[None, local]) / 2
        )
        close = EARTH_RADIUS_KM * np.hypot(x, lat[small, None] - lat[None, local])
        close = (close <= self.w.support_km) & (self.group[small, None] != self.group[None, local])
        return small, local, close

    def _support(self, belief: np.ndarray) -> np.ndarray:
        """Per candidate, 0..1: the other groups' belief in its country (or a demonym
        of it), in its first-level division, or in a place within ``support_km``."""
        mass = belief * self.mentions
        country = self._share(self.cc, self.n_cc, mass * self.is_country) + self.extra_cc[self.cc]
        valid = self.area_valid
        division = self._share(self.area, self.n_area, mass * self.is_admin1 * valid) * valid
        support = np.maximum(country, division)
        if self._near is not None:
            small, local, close = self._near
            likely = belief[local] * (belief[local] >= 0.1)
            if len(local):
                near = (close * likely[None, :]).max(axis=1)
                support[small] = np.maximum(support[small], near)
        result: np.ndarray = np.minimum(support, 1.0)
        return result

    def group_scores(self) -> list[np.ndarray]:
        """Current scores split back per group."""
        return np.split(self.scores, self.starts[1:])
