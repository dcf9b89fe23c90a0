"""Produce to and read from geowire's topics with aiokafka (used by the CLI and tests)."""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import AsyncIterator, Iterable
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from streams.service.kafka import client_options
from streams.settings import Settings


async def produce(
    settings: Settings,
    records: Iterable[tuple[bytes | None, bytes]],
    *,
    topic: str | None = None,
    on_sent: Any = None,
) -> int:
    """Send ``(key, value)`` records to ``topic`` (default: the raw topic), waiting for acks.

    Returns:
        The number of records the broker acknowledged.
    """
    producer = await start_producer(settings)
    count = 0
    try:
        for key, value in records:
            await producer.send_and_wait(topic or settings.topic_raw, value=value, key=key)
            count += 1
            if on_sent:
                on_sent(len(value))
    finally:
        await producer.stop()
    return count


async def start_producer(settings: Settings) -> AIOKafkaProducer:
    """A started producer that waits for all replicas and takes any record a worker takes.

    The caller stops it.
    """
    producer = AIOKafkaProducer(
        **client_options(settings), acks="all", max_request_size=4 * settings.max_input_bytes
    )
    await producer.start()
    return producer


def record_json(msg: Any) -> dict[str, Any]:
    """A consumed record as a JSON-friendly dict (JSON inlined, else text, else base64).

    Headers, when the record has any, come as text by name.
    """
    value: Any = None
    if msg.value is not None:
        try:
            value = orjson.loads(msg.value)
        except orjson.JSONDecodeError:
            try:
                value = {"text": msg.value.decode("utf-8")}
            except UnicodeDecodeError:
                value = {"base64": base64.b64encode(msg.value).decode("ascii")}
    key = msg.key.decode("utf-8", "replace") if msg.key is not None else None
    record = {
        "topic": msg.topic,
        "partition": msg.partition,
        "offset": msg.offset,
        "key": key,
        "value": value,
    }
    if msg.headers:  # e.g. a dead letter's origin and error
        record["headers"] = {k: v.decode("utf-8", "replace") for k, v in msg.headers}
    return record


async def tail(
    settings: Settings,
    topic: str,
    *,
    from_beginning: bool = False,
    since_ms: int | None = None,
    max_records: int | None = None,
    timeout_s: float | None = None,
) -> AsyncIterator[dict[str, Any]]:
    """Yield a topic's records as dicts: new ones only, unless told where to start.

    Args:
        settings: where the brokers are.
        topic: the topic to read.
        from_beginning: start at the oldest record kept.
        since_ms: start at the first record stamped at or after this time (epoch
            milliseconds), e.g. the moment a script sent its input.
        max_records: stop after this many records.
        timeout_s: stop when this long passes with no record.

    Uses no consumer group, so it never moves the workers' offsets.
    """
    consumer = AIOKafkaConsumer(
        topic,
        **client_options(settings),
        group_id=None,
        enable_auto_commit=False,
        # a partition that appears after ``since_ms`` holds only newer records
        auto_offset_reset="earliest" if from_beginning or since_ms is not None else "latest",
    )
    await consumer.start()
    if since_ms is not None:
        await _seek_to_time(consumer, since_ms)
    seen = 0
    try:
        last = time.monotonic()
        while max_records is None or seen < max_records:
            batch = await consumer.getmany(timeout_ms=500, max_records=100)
            msgs = [m for part in batch.values() for m in part]
            if not msgs:
                if timeout_s is not None and time.monotonic() - last > timeout_s:
                    return
                continue
            last = time.monotonic()
            for msg in msgs:
                yield record_json(msg)
                seen += 1
                if max_records is not None and seen >= max_records:
                    return
    finally:
        await consumer.stop()


async def _seek_to_time(consumer: AIOKafkaConsumer, since_ms: int) -> None:
    """Move each assigned partition to its first record at or after ``since_ms``."""
    parts = sorted(consumer.assignment())
    if not parts:
        return
    for tp, offset in (await offsets_since(consumer, parts, since_ms)).items():
        consumer.seek(tp, offset)


async def offsets_since(
    consumer: AIOKafkaConsumer,
    parts: list[Any],
    since_ms: int,
    ends: dict[Any, int] | None = None,
) -> dict[Any, int]:
    """Offset of each partition's first record stamped at or after ``since_ms``.

    A partition with no such record gets its end offset (``ends``, fetched when the
    caller has not already): nothing there to read. The ends are fetched first: a record
    appended between the two requests then lies at or past its partition's end and is
    read; with the ends fetched second it would lie before them and be skipped.
    """
    if ends is None:
        ends = await consumer.end_offsets(parts)
    found = await consumer.offsets_for_times(dict.fromkeys(parts, since_ms))
    return {tp: hit.offset if (hit := found.get(tp)) is not None else ends[tp] for tp in parts}


def collect(settings: Settings, topic: str, **kwargs: Any) -> list[dict[str, Any]]:
    """Read a topic into a list (blocking helper for scripts and tests)."""

    async def run() -> list[dict[str, Any]]:
        return [r async for r in tail(settings, topic, **kwargs)]

    return asyncio.run(run())
