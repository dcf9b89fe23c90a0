"""What the agents share: confirmed delivery, dead letters and batched stages."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import faust
from aiokafka.errors import MessageSizeTooLargeError
from faust.types import EventT
from pydantic import BaseModel

from streams.core.errors import GeowireError
from streams.service.codec import dead_letter, decode, encode

if TYPE_CHECKING:
    from streams.service.runtime import Runtime

log = logging.getLogger("geowire.agents")


#: Record header by which a producer says how to split an input ("never": keep it whole).
SPLIT_HEADER = "geowire-split"


def split_allowed(headers: Any) -> bool:
    """False if the record's headers say ``geowire-split: never``.

    Faust gives headers as a list of ``(key, bytes)`` pairs or as a mapping.
    """
    pairs = headers.items() if isinstance(headers, Mapping) else (headers or ())
    for key, value in pairs:
        name = key.decode() if isinstance(key, bytes) else str(key)
        if name.lower() == SPLIT_HEADER:
            text = value.decode(errors="replace") if isinstance(value, bytes) else str(value)
            return text.strip().lower() != "never"
    return True


def origin(event: EventT) -> str:
    """``topic:partition:offset`` of the record behind an event."""
    msg = event.message
    return f"{msg.topic}:{msg.partition}:{msg.offset}"


async def publish(topic: faust.TopicT, records: Iterable[tuple[str, Any]]) -> None:
    """Send ``(key, model)`` records and wait until the broker has them all.

    ``force=True`` sends now instead of attaching to the source offset, so the
    source record is only acknowledged (and later committed) after delivery.
    """
    futures = [
        await topic.send(key=key.encode(), value=encode(model), force=True)
        for key, model in records
    ]
    if futures:
        await asyncio.gather(*futures)


async def deliver(
    rt: Runtime, event: EventT, role: str, records: Sequence[tuple[str, Any]]
) -> None:
    """Publish what one source record produced; dead-letter the record when too large.

    An event over the topic's size limit can never be published, so retrying is
    pointless: the source record goes to the DLQ with code ``too_large``. Other send
    errors (broker down) propagate, the record stays unacknowledged and is redone.
    """
    try:
        await publish(rt.topics[role], records)
    except MessageSizeTooLargeError as exc:
        message = f"an event for {rt.topics[role].get_topic_name()} is too large: {exc}"
        error = GeowireError(message, code="too_large", stage="publish")
        await send_dead_letter(rt, event, error, stage="publish")
        return
    if role == "places":
        rt.metrics.published(role, places=len(records))
    else:
        rt.metrics.published(role, articles=len(records))


async def send_dead_letter(rt: Runtime, event: EventT, error: BaseException, *, stage: str) -> None:
    """Log a failed record and publish it, with its original bytes, to the DLQ."""
    msg = event.message
    letter = dead_letter(
        error,
        topic=msg.topic,
        partition=msg.partition,
        offset=msg.offset,
        key=msg.key,
        value=msg.value,
        stage=stage,
    )
    log.warning(
        "dead-lettering %s (%s/%s): %s",
        origin(event),
        letter.error.stage,
        letter.error.code,
        letter.error.message,
        exc_info=letter.error.code == "internal",
    )
    await publish(rt.topics["dlq"], [(origin(event), letter)])
    rt.metrics.dead_lettered(letter.error.stage, letter.error.code)


async def run_stage(
    rt: Runtime, events: Sequence[EventT], model: type[BaseModel], stage: str
) -> AsyncIterator[tuple[EventT, Any]]:
    """Decode a batch of events, run a pipeline stage on it in the model thread.

    Every record that fails to decode or to process is dead-lettered here; the
    successes are yielded as ``(event, result)`` in order.
    """
    rt.metrics.took_in(stage, len(events))
    good = []
    for event in events:
        try:
            good.append((event, decode(event.message.value, model, stage=stage)))
        except Exception as exc:
            await send_dead_letter(rt, event, exc, stage=stage)
    for event, result in await rt.offload(rt.batch, stage, good):
        if isinstance(result, BaseException):
            await send_dead_letter(rt, event, result, stage=stage)
        else:
            yield event, result
