"""Send dead letters back to the topics they came from, once their cause is fixed.

A dead letter keeps the original key and value bytes, so a replayed record is the record
that failed, and the ids derived from it are the same: consumers that deduplicate by id
see no new articles for inputs that had already got through.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from schemas.models import DeadLetterV1
from streams.core.errors import ConfigError, EventError
from streams.service.client import offsets_since, start_producer
from streams.service.codec import decode
from streams.service.kafka import client_options
from streams.settings import Settings

REPLAY_HEADER = "geowire-replay-of"


@dataclass(frozen=True)
class LetterFilter:
    """Which dead letters to replay; an empty set lets every value through."""

    codes: frozenset[str] = frozenset()
    stages: frozenset[str] = frozenset()

    def matches(self, letter: DeadLetterV1) -> bool:
        """True if ``letter`` passes the code and stage filters."""
        return (not self.codes or letter.error.code in self.codes) and (
            not self.stages or letter.error.stage in self.stages
        )


@dataclass
class ReplaySummary:
    """What a replay read and did; ``codes`` counts the matched letters by error code."""

    read: int = 0
    matched: int = 0
    sent: int = 0
    unreadable: int = 0
    codes: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        """The summary as a JSON-friendly dict."""
        return {**self.__dict__, "codes": dict(self.codes)}


def original_record(letter: DeadLetterV1) -> tuple[bytes | None, bytes]:
    """The key and value bytes of the record ``letter`` was made from."""
    key = None if letter.key is None else base64.b64decode(letter.key)
    return key, base64.b64decode(letter.value)


async def read_to_end(
    settings: Settings, topic: str, *, since_ms: int | None = None
) -> AsyncGenerator[Any, None]:
    """Yield the records kept on ``topic`` (from ``since_ms`` on, if given) up to its end.

    The end is fixed when reading starts, so records added meanwhile (a replayed record
    that fails again, say) are left for the next run. Uses no consumer group.
    """
    consumer = AIOKafkaConsumer(
        topic, **client_options(settings), group_id=None, enable_auto_commit=False
    )
    await consumer.start()
    try:
        parts = sorted(consumer.assignment())
        ends = await consumer.end_offsets(parts)
        starts = await (
            consumer.beginning_offsets(parts)
            if since_ms is None
            else offsets_since(consumer, parts, since_ms, ends)
        )
        for tp in parts:
            consumer.seek(tp, starts[tp])
        todo = {tp for tp in parts if starts[tp] < ends[tp]}
        while todo:
            batch = await consumer.getmany(*todo, timeout_ms=1000)
            for tp, msgs in batch.items():
                for msg in msgs:
                    if msg.offset < ends[tp]:
                        yield msg
            # checked for every partition: one can reach its end without a record to show
            # for it (transaction markers take offsets too)
            for tp in list(todo):
                if await consumer.position(tp) >= ends[tp]:
                    todo.discard(tp)
    finally:
        await consumer.stop()


async def replay(
    settings: Settings,
    select: LetterFilter,
    *,
    since_ms: int | None = None,
    max_records: int | None = None,
    to_topic: str | None = None,
    dry_run: bool = False,
    on_match: Any = None,
) -> ReplaySummary:
    """Resend the original records of the dead letters that ``select`` matches.

    Args:
        settings: the brokers and the dead-letter topic.
        select: which letters to replay.
        since_ms: only letters stamped at or after this epoch millisecond.
        max_records: stop after this many matched letters.
        to_topic: send every record here instead of to the topic it failed on.
        dry_run: count and report the matches, send nothing.
        on_match: called with each matched letter (for listing them).

    Returns:
        The counts; ``unreadable`` counts records of the topic that are not dead letters.

    Raises:
        ConfigError: ``to_topic`` is the dead-letter topic.
    """
    if to_topic == settings.topic_dlq:
        message = f"will not replay into the dead-letter topic {to_topic} itself"
        raise ConfigError(message)
    summary = ReplaySummary()
    producer = None if dry_run else await start_producer(settings)
    letters = read_to_end(settings, settings.topic_dlq, since_ms=since_ms)
    try:
        async for msg in letters:
            summary.read += 1
            letter = _letter(msg.value)
            if letter is None:
                summary.unreadable += 1
                continue
            if not select.matches(letter) or letter.topic == settings.topic_dlq:
                continue
            summary.matched += 1
            summary.codes[letter.error.code] += 1
            if on_match:
                on_match(letter)
            if producer is not None:
                await _resend(producer, letter, to_topic, f"{msg.partition}:{msg.offset}")
                summary.sent += 1
            if max_records is not None and summary.matched >= max_records:
                break
    finally:
        await letters.aclose()  # stops the consumer now, also after --max breaks off
        if producer is not None:
            await producer.stop()
    return summary


async def _resend(
    producer: AIOKafkaProducer, letter: DeadLetterV1, to_topic: str | None, origin: str
) -> None:
    key, value = original_record(letter)
    # the header tells an operator reading the topic where the record came back from
    headers = [(REPLAY_HEADER, origin.encode())]
    await producer.send_and_wait(to_topic or letter.topic, value=value, key=key, headers=headers)


def _letter(value: bytes | None) -> DeadLetterV1 | None:
    try:
        return decode(value, DeadLetterV1, stage="decode")
    except EventError:
        return None


def letter_line(letter: DeadLetterV1) -> dict[str, Any]:
    """One matched letter as a short JSON-friendly dict, for listings."""
    return {
        "topic": letter.topic,
        "partition": letter.partition,
        "offset": letter.offset,
        "stage": letter.error.stage,
        "code": letter.error.code,
        "message": letter.error.message[:200],
    }
