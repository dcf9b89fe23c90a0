"""The seams of the enrichment core: small Protocols and their result types.

The pipeline depends only on these; the real implementations (rule splitter,
spaCy tagger, gazetteer geocoder) are chosen by settings, and tests hand in fakes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from schemas.models import ArticleV1, Duplicate, Entity, Focus, Place, Span, Topic


@dataclass(frozen=True)
class Segment:
    """One article found in an input.

    ``start``/``end`` are offsets into the input; ``headline``, ``sentences`` and
    ``duplicates`` are relative to the article text ``input[start:end]``.
    """

    start: int
    end: int
    headline: Span | None = None
    sentences: list[Span] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


class Splitter(Protocol):
    """Cuts an input text into articles whose spans tile its non-space characters."""

    def split(self, text: str, *, whole: bool = False) -> list[Segment]:
        """Cut ``text`` into articles; with ``whole``, keep it one article."""
        ...


@dataclass(frozen=True)
class TagResult:
    """What the tagger found in one article."""

    language: str
    entities: list[Entity]
    topics: list[Topic]


class Tagger(Protocol):
    """Tags a batch of articles (one ``nlp.pipe`` call, run off the event loop)."""

    def tag_batch(self, articles: Sequence[ArticleV1]) -> list[TagResult]: ...


class PlaceOracle(Protocol):
    """The gazetteer's opinion of whether a string names a known place."""

    def place_prior(self, name: str) -> float:
        """Return 0..1: how likely ``name`` is a place name when seen in text."""
        ...

    def resident_country(self, name: str) -> str | None:
        """Return the ISO code of the country whose state or province ``name`` names
        the people of ("Ohioans": US), else None."""
        ...


@dataclass(frozen=True)
class GeocodeResult:
    """Places of one article and its focus."""

    places: list[Place]
    focus: Focus


class Geocoder(Protocol):
    """Resolves place mentions to GeoNames places."""

    def geocode(
        self, text: str, entities: Sequence[Entity], duplicates: Sequence[Duplicate] = ()
    ) -> GeocodeResult: ...

    def resolve(self, text: str, spans: Sequence[Span]) -> list[Place | None]: ...


#: Entity labels the geocoder resolves; recognition scoring counts these as toponyms.
PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
