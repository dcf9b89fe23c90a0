"""geowire topic contracts: versioned pydantic models and their JSON Schema."""

from pydantic import BaseModel

from schemas.dead_letter import DeadLetterV2, ErrorInfoV2
from schemas.models import (
    ArticleV1,
    DeadLetterV1,
    Duplicate,
    EnrichedArticleV1,
    Entity,
    ErrorInfo,
    Focus,
    FocusPlace,
    Mention,
    Place,
    PlaceEventV1,
    RawEnvelopeV1,
    RawEnvelopeV2,
    Span,
    TaggedArticleV1,
    Topic,
)

#: Every released event model, by the file name its JSON Schema is exported to.
EXPORTED: dict[str, type[BaseModel]] = {
    "raw-envelope.v1": RawEnvelopeV1,
    "raw-envelope.v2": RawEnvelopeV2,
    "article.v1": ArticleV1,
    "tagged-article.v1": TaggedArticleV1,
    "enriched-article.v1": EnrichedArticleV1,
    "place-event.v1": PlaceEventV1,
    "dead-letter.v1": DeadLetterV1,
    "dead-letter.v2": DeadLetterV2,
}

__all__ = [
    "EXPORTED",
    "ArticleV1",
    "DeadLetterV1",
    "DeadLetterV2",
    "Duplicate",
    "EnrichedArticleV1",
    "Entity",
    "ErrorInfo",
    "ErrorInfoV2",
    "Focus",
    "FocusPlace",
    "Mention",
    "Place",
    "PlaceEventV1",
    "RawEnvelopeV1",
    "RawEnvelopeV2",
    "Span",
    "TaggedArticleV1",
    "Topic",
]
