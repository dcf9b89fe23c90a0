"""Event contracts of geowire's topics, version 1.

These models are released contracts: never edit a released model. Add a V2 beside
it and export both. Every model is frozen and carries ``schema_version``.
Offsets are Python ``str`` (code point) offsets.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    """Base for contract models: immutable, unknown fields rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    """A half-open character range ``[start, end)``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Duplicate(Frozen):
    """A range of an article's text that repeats an earlier range (e.g. a standfirst)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    duplicate_of: Span


class Entity(Frozen):
    """A named-entity mention, offsets relative to the article text."""

    text: str
    label: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    canonical: str
    country_code: str | None = None


class Topic(Frozen):
    """A topic of the article with its score and the terms that triggered it."""

    label: str
    score: float
    evidence: list[str] = Field(default_factory=list)


class Mention(Frozen):
    """Where a place is mentioned, offsets relative to the article text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Place(Frozen):
    """A GeoNames place with its mentions in one article."""

    geonameid: int
    name: str
    country_code: str | None
    admin1: str | None
    feature_class: str
    feature_code: str
    lat: float
    lon: float
    population: int = 0
    confidence: float = Field(ge=0.0, le=1.0)
    mentions: list[Mention] = Field(default_factory=list)


class FocusPlace(Frozen):
    """One of an article's focus places (what it is about, as CLIFF's "about")."""

    geonameid: int
    name: str
    country_code: str | None
    admin1: str | None
    lat: float
    lon: float
    score: float


class Focus(Frozen):
    """An article's main country, first-level division and city."""

    country: FocusPlace | None = None
    admin1: FocusPlace | None = None
    city: FocusPlace | None = None


class RawEnvelopeV1(Frozen):
    """Optional JSON envelope on ``geowire.raw``; plain UTF-8 text is accepted too."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str | None = None
    text: str
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    language: str | None = None


class RawEnvelopeV2(Frozen):
    """JSON envelope on ``geowire.raw``, version 2: version 1 and a ``split`` field.

    ``split: false`` tells the splitter that the text is one article, to be kept
    whole. An envelope is read as version 2 when it says ``"schema_version": 2``
    or carries ``split``; any other envelope is read as version 1, as before.
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    schema_version: Literal[2] = 2
    id: str | None = None
    text: str
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    split: bool = True


class ArticleV1(Frozen):
    """One article cut from an input, as published on ``geowire.articles``."""

    schema_version: Literal[1] = 1
    id: str
    source_id: str
    index: int = Field(ge=0)
    span: Span
    headline: str | None
    headline_span: Span | None = None
    text: str
    sentences: list[Span]
    duplicates: list[Duplicate] = Field(default_factory=list)
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    language_hint: str | None = None


class TaggedArticleV1(Frozen):
    """An article with entities and topics, as published on ``geowire.tagged``."""

    schema_version: Literal[1] = 1
    article: ArticleV1
    language: str
    entities: list[Entity]
    topics: list[Topic]


class EnrichedArticleV1(Frozen):
    """The final enriched article, as published on ``geowire.enriched``."""

    schema_version: Literal[1] = 1
    id: str
    source_id: str
    index: int = Field(ge=0)
    span: Span
    headline: str | None
    text: str
    sentences: list[Span]
    duplicates: list[Duplicate] = Field(default_factory=list)
    entities: list[Entity]
    topics: list[Topic]
    places: list[Place]
    focus: Focus
    language: str
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None


class PlaceEventV1(Frozen):
    """One place of one article, as published on ``geowire.places``."""

    schema_version: Literal[1] = 1
    id: str
    article_id: str
    source_id: str
    headline: str | None
    place: Place
    mentions: int = Field(ge=0)
    is_focus: bool
    published_at: datetime | None = None


ErrorCode = Literal[
    "not_utf8",
    "bad_json",
    "bad_envelope",
    "no_text",
    "too_large",
    "unsupported_language",
    "binary",
    "bad_event",
    "internal",
]
Stage = Literal["decode", "split", "tag", "geocode", "publish"]


class ErrorInfo(Frozen):
    """Why a record was dead-lettered."""

    stage: Stage
    code: ErrorCode
    message: str


class DeadLetterV1(Frozen):
    """A record that could not be processed, with its original bytes."""

    schema_version: Literal[1] = 1
    topic: str
    partition: int
    offset: int
    key: str | None = Field(description="original key, base64")
    value: str = Field(description="original value, base64")
    error: ErrorInfo
    failed_at: datetime
