"""The gazetteer-backed geocoder: place mentions → GeoNames places, plus article focus."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from schemas.models import Duplicate, Entity, Mention, Place, Span
from streams.core.interfaces import PLACE_LABELS, GeocodeResult
from streams.gazetteer import Gazetteer
from streams.gazetteer.sources import COUNTRY
from streams.geocode.focus import article_focus, mention_vote
from streams.geocode.guesses import Guesser, distance_km
from streams.geocode.ranking import Mention as Candidate
from streams.geocode.ranking import Ranker, Weights, confidence
from streams.lexicon.demonyms import demonym_country

__all__ = ["GazetteerGeocoder", "distance_km"]  # distance_km lived here before guesses.py

#: Below this confidence a tagger's mention is not published as a place (likely not one);
#: 0.1 trades 0.3 points of recognition F1 for ~0.6 points of accuracy on the tuning heads.
MIN_CONFIDENCE = 0.1
#: A demonym ("Iranian") is published as a mention of its country, GDELT-style; it
#: weighs less than a named mention in the focus vote, and a country known only from
#: demonyms gets this confidence.
DEMONYM_WEIGHT = 0.5
DEMONYM_CONFIDENCE = 0.8


class GazetteerGeocoder:
    """Resolves place mentions against the offline gazetteer (a ``Geocoder``)."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights | None = None) -> None:
        self.gazetteer = gazetteer
        self.ranker = Ranker(gazetteer, weights)
        self.guesser = Guesser(gazetteer, self.ranker)

    def geocode(
        self, text: str, entities: Sequence[Entity], duplicates: Sequence[Duplicate] = ()
    ) -> GeocodeResult:
        """Resolve an article's place entities and find its focus.

        Args:
            text: the article text the entity offsets refer to.
            entities: tagged entities; GPE/LOC/FAC are resolved; NORP entities with a
                country are context for the others and mentions of that country.
            duplicates: repeated ranges (e.g. a standfirst); mentions inside them count
                as context only, never as mentions.

        Returns:
            One place per distinct GeoNames place, sorted by first mention, and the focus.
        """
        spans = [(e.start, e.end) for e in entities if e.label in PLACE_LABELS]
        repeated = [(d.start, d.end) for d in duplicates]
        context_only = [any(s <= a and b <= e for s, e in repeated) for a, b in spans]
        countries: dict[str, float] = defaultdict(float)
        demonyms = self._demonyms(text, entities, repeated)
        for row, _ in demonyms:
            if self.gazetteer.kind[row] == COUNTRY:
                countries[self.gazetteer.country_code(row) or ""] += 0.5
        resolved = self._resolve(text, spans, context_only, countries)
        self.guesser.drop_missions(resolved)
        self.guesser.drop_strays(resolved)
        self.guesser.drop_lone_towns(resolved)
        self.guesser.drop_far_features(resolved)
        self.guesser.drop_odd_aliases(resolved, countries)
        by_row = self._group(resolved, context_only, MIN_CONFIDENCE)
        weights = {row: sum(mention_vote(m.start, c) for m, c in ms) for row, ms in by_row.items()}
        by_demonym = self._demonym_mentions(demonyms)
        for row in by_demonym:
            weights[row] = weights.get(row, 0.0) + DEMONYM_WEIGHT * len(by_demonym[row])
        places = [
            self._place(
                row,
                max([c for _, c in by_row.get(row, [])] or [DEMONYM_CONFIDENCE]),
                sorted(
                    _mentions(text, by_row.get(row, [])) + by_demonym.get(row, []),
                    key=lambda x: (x.start, x.end),
                ),
            )
            for row in {**by_row, **by_demonym}
        ]
        places.sort(key=lambda p: (p.mentions[0].start, p.geonameid))
        return GeocodeResult(places=places, focus=article_focus(self.gazetteer, weights))

    def _demonyms(
        self, text: str, entities: Sequence[Entity], repeated: Sequence[tuple[int, int]]
    ) -> list[tuple[int, Mention | None]]:
        """Rows of the countries and regions NORP entities name ("Iranian", "European",
        "Western" before "countries"), each with a mention unless inside a repeated range."""
        out: list[tuple[int, Mention | None]] = []
        for e in entities:
            if e.label != "NORP":
                continue
            row = self._demonym_row(e)
            if row is not None:
                skip = any(s <= e.start and e.end <= t for s, t in repeated)
                mention = None if skip else Mention(start=e.start, end=e.end, text=e.text)
                out.append((int(row), mention))
        return out

    def _demonym_row(self, e: Entity) -> int | None:
        """The place a NORP entity names: the people of a state or province ("Ohioans",
        whose country the tagger gives too) their division; a demonym its country; a
        region adjective ("European") its region."""
        division = (
            None if demonym_country(e.text) else self.ranker.variants.residents_division(e.text)
        )
        if division is not None:
            return division
        row = self.gazetteer.country_rows.get(e.country_code) if e.country_code else None
        return row if row is not None else self.ranker.variants.adjective(e.text)

    @staticmethod
    def _demonym_mentions(
        demonyms: Sequence[tuple[int, Mention | None]],
    ) -> dict[int, list[Mention]]:
        """Demonym mentions by row: "Iranian" is a mention of Iran (as in GDELT)."""
        by_row: dict[int, list[Mention]] = defaultdict(list)
        for row, mention in demonyms:
            if mention is not None:
                by_row[row].append(mention)
        return by_row

    def resolve(self, text: str, spans: Sequence[Span]) -> list[Place | None]:
        """Resolve given spans (gold-span mode), using each other as context.

        Args:
            text: the document text.
            spans: the toponym spans to resolve.

        Returns:
            One place (with that single mention) or None per span, in order.
        """
        pairs = [(s.start, s.end) for s in spans]
        resolved = self._resolve(text, pairs, [False] * len(pairs), {})
        self.guesser.drop_missions(resolved)
        self.guesser.drop_far_features(resolved)
        self.guesser.locate(text, resolved)
        return [
            self._place(row, conf, [Mention(start=m.start, end=m.end, text=m.text)])
            if row is not None
            else None
            for m, row, conf in resolved
        ]

    def _resolve(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        context_only: Sequence[bool],
        countries: dict[str, float],
    ) -> list[tuple[Candidate, int | None, float]]:
        mentions = [
            self.ranker.mention(text, a, b, context_only=c)
            for (a, b), c in zip(spans, context_only, strict=True)
        ]
        self.ranker.share_senses(mentions)
        self.ranker.rank(mentions, countries, text)
        out: list[tuple[Candidate, int | None, float]] = []
        for m in mentions:
            scores = m.scores
            if scores is None or not len(m.rows):
                out.append((m, None, 0.0))
                continue
            out.append((m, int(m.rows[int(np.argmax(scores))]), confidence(scores)))
        return out

    @staticmethod
    def _group(
        resolved: list[tuple[Candidate, int | None, float]],
        context_only: Sequence[bool],
        threshold: float,
    ) -> dict[int, list[tuple[Candidate, float]]]:
        """Group published mentions by gazetteer row."""
        by_row: dict[int, list[tuple[Candidate, float]]] = defaultdict(list)
        for (m, row, conf), skip in zip(resolved, context_only, strict=True):
            if row is not None and not skip and conf >= threshold:
                by_row[row].append((m, conf))
        return by_row

    def _place(self, row: int, conf: float, mentions: list[Mention]) -> Place:
        gaz = self.gazetteer
        feature_class, feature_code = gaz.feature(row)
        return Place(
            geonameid=int(gaz.gid[row]),
            name=gaz.name(row),
            country_code=gaz.country_code(row),
            admin1=gaz.admin1_code(row),
            feature_class=feature_class,
            feature_code=feature_code,
            lat=round(float(gaz.lat[row]), 5),
            lon=round(float(gaz.lon[row]), 5),
            population=int(gaz.population[row]),
            confidence=round(min(1.0, max(0.0, conf)), 4),
            mentions=mentions,
        )


def _mentions(text: str, items: list[tuple[Candidate, float]]) -> list[Mention]:
    """Mentions of one place, in text order; a mention holding a shorter one of the same
    place is one mention ("Kanawha County" in "Kanawha County Family Court")."""
    spans = sorted({(m.start, m.end) for m, _ in items})
    inner = [
        (a, b)
        for a, b in spans
        if not any(a <= s and e <= b and (s, e) != (a, b) for s, e in spans)
    ]
    return [Mention(start=a, end=b, text=text[a:b]) for a, b in inner]
