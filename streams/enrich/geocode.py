"""The gazetteer-backed geocoder: place mentions → GeoNames places, plus article focus."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from schemas.models import Duplicate, Entity, Mention, Place, Span
from streams.enrich.demonyms import bloc_region, demonym_country
from streams.enrich.focus import article_focus, focus_rows, mention_vote
from streams.enrich.gazetteer import Gazetteer
from streams.enrich.gazetteer.ranking import Mention as Candidate
from streams.enrich.gazetteer.ranking import Ranker, Weights, confidence
from streams.enrich.gazetteer.sources import ADMIN1, ADMIN2, CITY, COUNTRY
from streams.enrich.interfaces import PLACE_LABELS, GeocodeResult

#: Below this confidence a tagger's mention is not published as a place (likely not one);
#: 0.1 trades 0.3 points of recognition F1 for ~0.6 points of accuracy on the tuning heads.
MIN_CONFIDENCE = 0.1
#: A demonym ("Iranian") is published as a mention of its country, GDELT-style; it
#: weighs less than a named mention in the focus vote, and a country known only from
#: demonyms gets this confidence.
DEMONYM_WEIGHT = 0.5
DEMONYM_CONFIDENCE = 0.8
#: Confidence of a gold-span answer that is only the article's focus locality.
FALLBACK_CONFIDENCE = 0.01
#: Confidence of a gold-span answer taken from the place the text puts the span in.
ENCLOSED_CONFIDENCE = 0.1
#: A town found inside a longer name, farther than this from the article's focus, is
#: not taken (the focus is): see ``GazetteerGeocoder._stray``.
STRAY_KM = 150.0
#: A town resolved with less confidence than this is as loose a guess as a part-name
#: match (figures on the heads were the same or better from 0.15 to 0.3).
WEAK_CONFIDENCE = 0.2
#: A city this big is meant even when its namesakes leave it a low confidence.
BIG_TOWN = 100_000
#: Kinds of place a loose guess is checked against the focus for: towns and counties.
_LOCAL = (CITY, ADMIN2)
#: "X in Y", "X, Y", "X near Y": Y is where X is.
_AFTER = re.compile(r"\s*(?:,|\s(?:in|near|outside|at))\s+(?:the\s+)?")
#: "Y's X": Y is where X is.
_BEFORE = re.compile(r"['’]s\s+$")


class GazetteerGeocoder:
    """Resolves place mentions against the offline gazetteer (a ``Geocoder``)."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights | None = None) -> None:
        self.gazetteer = gazetteer
        self.ranker = Ranker(gazetteer, weights)

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
            row = self.gazetteer.country_rows.get(e.country_code) if e.country_code else None
            if row is None:  # the demonym table, then region adjectives ("European")
                row = self.ranker.variants.adjective(e.text)
            after = text[e.end : e.end + 40]
            if row is None and bloc_region(e.text, after):  # not "Anglo-Americans"
                row = self.ranker.variants.bloc(e.text, after)
            if row is not None:
                skip = any(s <= e.start and e.end <= t for s, t in repeated)
                mention = None if skip else Mention(start=e.start, end=e.end, text=e.text)
                out.append((int(row), mention))
        return out

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
        self._locate(text, resolved)
        return [
            self._place(row, conf, [Mention(start=m.start, end=m.end, text=m.text)])
            if row is not None
            else None
            for m, row, conf in resolved
        ]

    def _locate(self, text: str, resolved: list[tuple[Candidate, int | None, float]]) -> None:
        """Place the spans the gazetteer lacks, and those it only matched in part.

        The place the text puts a span in ("X in Y", "Y's X") wins when it is a town or
        county, or when nothing more specific inside it is known; else the article's
        focus locality is the guess.
        """
        fallback = self._fallback(resolved)
        loose = [self._loose(m, row, conf) for m, row, conf in resolved]
        found = {
            (m.start, m.end): (row, c)
            for (m, row, c), guess in zip(resolved, loose, strict=True)
            if row is not None and not guess
        }
        for i, (m, row, conf) in enumerate(resolved):
            if row is not None and not loose[i]:
                continue
            around = _enclosing(text, m.start, m.end, found)
            if row is not None and fallback is not None and self._stray(m, row, fallback):
                row, conf = None, 0.0
            guess = row if row is not None else fallback
            if around is None:
                resolved[i] = (m, guess, conf if row is not None else FALLBACK_CONFIDENCE)
            elif guess is not None and self._inside(guess, around[0]):
                resolved[i] = (m, guess, conf if row is not None else ENCLOSED_CONFIDENCE)
            else:
                resolved[i] = (m, around[0], min(around[1], ENCLOSED_CONFIDENCE))

    def _loose(self, m: Candidate, row: int | None, conf: float) -> bool:
        """Whether an answer is only a guess: a derived name, or a town barely preferred.

        "Franklin" with no state in a Colorado story: the Franklin, Tennessee that wins on
        size at 0.09 is less likely than a place of that name near the story.
        """
        if m.derived:
            return True
        gaz = self.gazetteer
        if row is None or conf >= WEAK_CONFIDENCE or gaz.kind[row] not in _LOCAL:
            return False
        # Geneva, Switzerland shares its name with many US towns, but is no mere guess
        return bool(gaz.population[row] < BIG_TOWN)

    def _stray(self, m: Candidate, row: int, focus: int) -> bool:
        """Whether a loose guess should yield to the article's focus locality.

        "Rogers Centre" in a Toronto story is not in Rogers, Arkansas; a facility named
        after a town is usually where the story is, unless that town is nearby. A place
        named with a country's adjective ("the French Quarter", "the British School")
        is not at the country's centre either: a focus town is the better guess.
        """
        gaz = self.gazetteer
        if gaz.kind[row] == COUNTRY:
            code = gaz.country_code(row)
            words = m.text.split()
            return (
                gaz.kind[focus] == CITY
                and len(words) > 1
                and any(demonym_country(w) == code for w in words)
            )
        if gaz.kind[row] not in _LOCAL or (
            gaz.kind[focus] == COUNTRY and gaz.cc[row] == gaz.cc[focus]
        ):
            return False
        km = distance_km(gaz.lat[row], gaz.lon[row], gaz.lat[focus], gaz.lon[focus])
        return km > STRAY_KM

    def _inside(self, row: int, area: int) -> bool:
        """Whether ``row`` lies in the country or first-level division ``area``."""
        gaz, kind = self.gazetteer, self.gazetteer.kind[area]
        if row == area or kind not in (COUNTRY, ADMIN1):
            return False
        if kind == COUNTRY:
            return bool(gaz.cc[row] == gaz.cc[area])
        return bool(self.ranker.area[row] == area)

    def _fallback(self, resolved: list[tuple[Candidate, int | None, float]]) -> int | None:
        """The article's focus locality, for spans of places the gazetteer lacks.

        A span given as a place but unknown to the gazetteer (a street, a building, a
        river) most likely lies where the article is: its focus city, else division.
        """
        weights: dict[int, float] = defaultdict(float)
        for _, row, conf in resolved:
            if row is not None:
                weights[row] += conf
        country, area, city = focus_rows(self.gazetteer, weights)
        return city[0] if city[0] is not None else area[0] if area[0] is not None else country[0]

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


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _enclosing(
    text: str, start: int, end: int, found: dict[tuple[int, int], tuple[int, float]]
) -> tuple[int, float] | None:
    """The resolved place a span lies in, as the text says: "X in Y", "X, Y", "Y's X".

    A street, park or building the gazetteer lacks is usually followed by its town or
    preceded by its state in the possessive; that place is a far better guess than the
    article's focus, and than a town that merely shares a word of the name.
    """
    after = _AFTER.match(text, end, min(len(text), end + 12))
    before = _BEFORE.search(text, max(0, start - 4), start)
    for (a, b), value in found.items():
        if after is not None and a == after.end():
            return value
        if before is not None and b == before.start():
            return value
    return None


def _mentions(text: str, items: list[tuple[Candidate, float]]) -> list[Mention]:
    """Mentions of one place, in text order."""
    mentions = [Mention(start=m.start, end=m.end, text=text[m.start : m.end]) for m, _ in items]
    return sorted(mentions, key=lambda x: (x.start, x.end))
