"""The enrichment pipeline: split -> tag -> geocode, as plain functions over contracts.

The Faust agents call one stage each; the offline CLI calls them in a row, so both
give identical articles for the same input.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from schemas.models import (
    ArticleV1,
    EnrichedArticleV1,
    PlaceEventV1,
    Span,
    TaggedArticleV1,
)
from streams.core.intake import RawInput
from streams.core.interfaces import Geocoder, Segment, Splitter, Tagger


def article_id(raw: RawInput, segment: Segment) -> str:
    """A deterministic article id.

    The same input always gives the same ids. A producer-given id (envelope id or
    record key) seeds it; otherwise the id depends on the text alone, so a record
    redelivered at another offset keeps its ids and consumers can deduplicate.
    """
    seed = raw.source_id if raw.explicit_id else ""
    digest = hashlib.blake2b(digest_size=10)
    digest.update(f"{seed}\x1f{segment.start}\x1f{segment.end}\x1f".encode())
    digest.update(raw.text[segment.start : segment.end].encode())
    return "a" + digest.hexdigest()


@dataclass(frozen=True)
class Pipeline:
    """The three stages, wired to the implementations chosen by settings."""

    splitter: Splitter
    tagger: Tagger
    geocoder: Geocoder

    def split(self, raw: RawInput) -> list[ArticleV1]:
        """Cut one decoded input into articles."""
        return split_articles(self.splitter, raw)

    def tag(self, articles: Sequence[ArticleV1]) -> list[TaggedArticleV1]:
        """Tag a batch of articles in one model call (run this off the event loop)."""
        results = self.tagger.tag_batch(articles)
        return [
            TaggedArticleV1(
                article=article, language=r.language, entities=r.entities, topics=r.topics
            )
            for article, r in zip(articles, results, strict=True)
        ]

    def geocode(self, tagged: TaggedArticleV1) -> EnrichedArticleV1:
        """Resolve the places of one tagged article."""
        art = tagged.article
        result = self.geocoder.geocode(art.text, tagged.entities, art.duplicates)
        return EnrichedArticleV1(
            id=art.id,
            source_id=art.source_id,
            index=art.index,
            span=art.span,
            headline=art.headline,
            text=art.text,
            sentences=art.sentences,
            duplicates=art.duplicates,
            entities=tagged.entities,
            topics=tagged.topics,
            places=result.places,
            focus=result.focus,
            language=tagged.language,
            source=art.source,
            url=art.url,
            published_at=art.published_at,
        )

    def enrich(self, raws: Iterable[RawInput], batch_size: int = 16) -> Iterator[EnrichedArticleV1]:
        """Run every stage over the inputs, tagging ``batch_size`` articles at a time."""
        articles = (a for raw in raws for a in self.split(raw))
        while batch := list(islice(articles, batch_size)):
            for tagged in self.tag(batch):
                yield self.geocode(tagged)


def split_articles(splitter: Splitter, raw: RawInput) -> list[ArticleV1]:
    """Cut one decoded input into articles with deterministic ids.

    An input the producer marked as one article (``raw.split`` is false) is kept whole.
    """
    segments = splitter.split(raw.text, whole=not raw.split)
    return [_article(raw, index, seg) for index, seg in enumerate(segments)]


def place_events(article: EnrichedArticleV1) -> list[PlaceEventV1]:
    """One event per place of an article, flagged when it is a focus place."""
    focus_ids = {
        f.geonameid for f in (article.focus.country, article.focus.admin1, article.focus.city) if f
    }
    return [
        PlaceEventV1(
            id=f"{article.id}:{place.geonameid}",
            article_id=article.id,
            source_id=article.source_id,
            headline=article.headline,
            place=place,
            mentions=len(place.mentions),
            is_focus=place.geonameid in focus_ids,
            published_at=article.published_at,
        )
        for place in article.places
    ]


def _article(raw: RawInput, index: int, seg: Segment) -> ArticleV1:
    text = raw.text[seg.start : seg.end]
    headline = text[seg.headline.start : seg.headline.end] if seg.headline else None
    return ArticleV1(
        id=article_id(raw, seg),
        source_id=raw.source_id,
        index=index,
        span=Span(start=seg.start, end=seg.end),
        headline=headline,
        headline_span=seg.headline,
        text=text,
        sentences=seg.sentences,
        duplicates=seg.duplicates,
        source=raw.source,
        url=raw.url,
        published_at=raw.published_at,
        language_hint=raw.language,
    )
