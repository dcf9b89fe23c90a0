"""Sending from agents: confirmed delivery and dead letters."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from typing import Any

import faust
from faust.types import EventT

from streams.codec import dead_letter, encode

log = logging.getLogger("geowire.agents")


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


async def send_dead_letter(
    dlq: faust.TopicT, event: EventT, error: BaseException, *, stage: str
) -> None:
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
    await publish(dlq, [(origin(event), letter)])
