"""Small fakes of the core's Protocols, so shell and pipeline tests need no model."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from schemas.models import ArticleV1, Duplicate, Entity, Focus, FocusPlace, Mention, Place, Span
from streams.core.errors import ConfigError
from streams.core.interfaces import PLACE_LABELS, GeocodeResult, Segment, TagResult
from streams.core.pipeline import Pipeline

PLACES = {
    "Lisbon": Place(
        geonameid=2267057,
        name="Lisbon",
        country_code="PT",
        admin1="Lisbon",
        feature_class="P",
        feature_code="PPLC",
        lat=38.72,
        lon=-9.13,
        population=517802,
        confidence=0.9,
    ),
    "Porto": Place(
        geonameid=2735943,
        name="Porto",
        country_code="PT",
        admin1="Porto",
        feature_class="P",
        feature_code="PPLA",
        lat=41.15,
        lon=-8.61,
        population=249633,
        confidence=0.9,
    ),
}


class BlankLineSplitter:
    """Splits on blank lines; the first line of each block is its headline."""

    def split(self, text: str, *, whole: bool = False) -> list[Segment]:
        segments = []
        pattern = r"\S.*\S|\S" if whole else r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)"
        for m in re.finditer(pattern, text, re.S):
            first = m.group().split("\n", 1)[0]
            segments.append(
                Segment(
                    start=m.start(),
                    end=m.end(),
                    headline=Span(start=0, end=len(first)),
                    sentences=[Span(start=0, end=m.end() - m.start())],
                )
            )
        return segments


class DictTagger:
    """Tags known place names as GPE and 'Ana Costa' as a PERSON."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.fail_on = fail_on
        self.batches: list[int] = []

    def tag_batch(self, articles: Sequence[ArticleV1]) -> list[TagResult]:
        self.batches.append(len(articles))
        out = []
        for art in articles:
            if self.fail_on and self.fail_on in art.text:
                message = f"tagger cannot handle {self.fail_on!r}"
                raise RuntimeError(message)
            ents = [
                Entity(
                    text=m.group(), label="GPE", start=m.start(), end=m.end(), canonical=m.group()
                )
                for m in re.finditer("|".join(PLACES), art.text)
            ]
            ents += [
                Entity(
                    text=m.group(),
                    label="PERSON",
                    start=m.start(),
                    end=m.end(),
                    canonical="Ana Costa",
                )
                for m in re.finditer("Ana Costa", art.text)
            ]
            out.append(
                TagResult(language="en", entities=sorted(ents, key=lambda e: e.start), topics=[])
            )
        return out


class DictGeocoder:
    """Resolves the names in PLACES; focus is the most mentioned one."""

    def geocode(
        self, text: str, entities: Sequence[Entity], duplicates: Sequence[Duplicate] = ()
    ) -> GeocodeResult:
        found: dict[str, list[Mention]] = {}
        for e in entities:
            if e.label in PLACE_LABELS and e.text in PLACES:
                found.setdefault(e.text, []).append(Mention(start=e.start, end=e.end, text=e.text))
        places = [PLACES[n].model_copy(update={"mentions": ms}) for n, ms in sorted(found.items())]
        focus = Focus()
        if places:
            top = max(places, key=lambda p: len(p.mentions))
            focus = Focus(
                city=FocusPlace(
                    geonameid=top.geonameid,
                    name=top.name,
                    country_code=top.country_code,
                    admin1=top.admin1,
                    lat=top.lat,
                    lon=top.lon,
                    score=1.0,
                )
            )
        return GeocodeResult(places=places, focus=focus)

    def resolve(self, text: str, spans: Sequence[Span]) -> list[Place | None]:
        return [PLACES.get(text[s.start : s.end]) for s in spans]


# Module-level builders for the model process's tests: the spawned child imports them by
# name. Each takes the Settings the worker passes.


def model_pipeline(settings: object) -> Pipeline:
    """The fakes' pipeline; the tagger fails on texts containing 'Kaboom'."""
    return Pipeline(BlankLineSplitter(), DictTagger(fail_on="Kaboom"), DictGeocoder())


class DyingTagger(DictTagger):
    """Ends its process at once on a text containing 'Die' (a crash inside the model)."""

    def tag_batch(self, articles: Sequence[ArticleV1]) -> list[TagResult]:
        if any("Die" in article.text for article in articles):
            os._exit(3)
        return super().tag_batch(articles)


def dying_pipeline(settings: object) -> Pipeline:
    """A pipeline whose tagger kills its process on 'Die'."""
    return Pipeline(BlankLineSplitter(), DyingTagger(), DictGeocoder())


def unloadable_pipeline(settings: object) -> Pipeline:
    """A model that cannot be loaded as set."""
    raise ConfigError("cannot load spaCy model 'nope'", setting="spacy_model")
