"""The model's stages on Kafka bytes: record values in, encoded output records out.

Both ways of running the model serve batches with ``serve``: the model thread of the
worker's own process (``LocalModel``) and the model process (``streams.service.model.process``).
What crosses between the agents and the model is bytes and plain strings only: the values
of the records read, and per record either its output records, already encoded, or the
``Reason`` it failed for. Decoding, the model's work and encoding all happen on the model's
side, so that the event loop does no pydantic work for the tag and geocode stages.

No faust here: the model process imports this module.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import Any, Literal, NamedTuple, Protocol

from schemas.models import ArticleV1, TaggedArticleV1
from streams.core.pipeline import Pipeline, place_events
from streams.service.codec import Reason, decode, encode

log = logging.getLogger("geowire.model")
Stage = Literal["tag", "geocode"]
#: Records for one topic role: ``(key, value)`` pairs, both encoded.
Records = list[tuple[bytes, bytes]]


class Outputs(NamedTuple):
    """What one source record made: its records by output role, in publishing order."""

    by_role: list[tuple[str, Records]]


#: Per source record: its outputs, or why it failed (to be dead-lettered).
Outcome = Outputs | Reason


class Model(Protocol):
    """Runs a stage over a batch of record values (blocking: call it off the event loop)."""

    def run(self, stage: Stage, values: Sequence[bytes | None]) -> tuple[list[Outcome], float]:
        """One outcome per value, in order, and the seconds the model's work took."""
        ...


def serve(pipeline: Pipeline, stage: Stage, values: Sequence[bytes | None]) -> list[Outcome]:
    """Decode ``values``, run ``stage`` over them in one batch, encode the results.

    A value that does not decode fails alone. When the batch call fails, each record is
    retried alone, so that one bad record is dead-lettered without its neighbours.
    """
    model = ArticleV1 if stage == "tag" else TaggedArticleV1
    outcomes: list[Outcome | None] = []
    good: list[tuple[int, Any]] = []
    for value in values:
        try:
            good.append((len(outcomes), decode(value, model, stage=stage)))
            outcomes.append(None)
        except Exception as exc:
            outcomes.append(_reason(exc, stage))
    results = _isolating(_runner(pipeline, stage), [x for _, x in good], stage)
    for (n, _), result in zip(good, results, strict=True):
        outcomes[n] = result if isinstance(result, Reason) else _outputs(stage, result)
    return [outcome for outcome in outcomes if outcome is not None]


def _runner(pipeline: Pipeline, stage: Stage) -> Callable[[list[Any]], list[Any]]:
    if stage == "tag":
        return pipeline.tag  # type: ignore[return-value]
    return lambda xs: [pipeline.geocode(x) for x in xs]


def _isolating(run: Callable[[list[Any]], list[Any]], items: list[Any], stage: str) -> list[Any]:
    """``run(items)``; if that fails, each item alone, a failure becoming its ``Reason``."""
    if not items:
        return []
    try:
        return run(items)
    except Exception:  # isolate the culprit below
        log.warning("batch of %d failed at %s; retrying one by one", len(items), stage)
    out: list[Any] = []
    for item in items:
        try:
            out.append(run([item])[0])
        except Exception as exc:
            out.append(_reason(exc, stage))
    return out


def _reason(error: Exception, stage: str) -> Reason:
    reason = Reason.of(error, stage)
    # the traceback does not cross the process boundary: log it where it was raised
    if reason.code == "internal":
        log.error("unexpected error at %s: %s", stage, reason.message, exc_info=True)
    return reason


def _outputs(stage: Stage, result: Any) -> Outputs:
    if stage == "tag":
        return Outputs([("tagged", [(result.article.id.encode(), encode(result))])])
    places = [(p.article_id.encode(), encode(p)) for p in place_events(result)]
    return Outputs([("enriched", [(result.id.encode(), encode(result))]), ("places", places)])


class LocalModel:
    """The model in this process: the worker's model thread calls ``run``."""

    def __init__(self, pipeline: Callable[[], Pipeline]) -> None:
        """Args: pipeline: returns the loaded pipeline (lazily: the first call loads it)."""
        self._pipeline = pipeline

    def run(self, stage: Stage, values: Sequence[bytes | None]) -> tuple[list[Outcome], float]:
        """One outcome per value, in order, and the seconds the batch took."""
        started = time.perf_counter()
        outcomes = serve(self._pipeline(), stage, values)
        return outcomes, time.perf_counter() - started
