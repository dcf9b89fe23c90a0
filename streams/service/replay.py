"""Send dead letters back to the topics they came from, once their cause is fixed.

A dead letter keeps the original key and value bytes, so a replayed record is the record
that failed, and the ids derived from it are the same: consumers that deduplicate by id
see no new articles for inputs that had already got through. The record's own headers
come back too. A replay remembers what it sent (``streams.service.bookmarks``), so a
second run sends only letters that came since, unless told ``again``.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.errors import KafkaError

from streams.core.errors import ConfigError, DeliveryError, EventError
from streams.service.bookmarks import (
    Bookmark,
    LetterFilter,
    bookmark_group,
    read_bookmarks,
    save_bookmark,
)
from streams.service.client import offsets_since, start_producer
from streams.service.codec import DeadLetter, decode_letter
from streams.service.kafka import client_options
from streams.service.letters import header_list, passed_on
from streams.settings import Settings

__all__ = ["LetterFilter", "ReplaySummary", "letter_line", "original_record", "replay"]

REPLAY_HEADER = "geowire-replay-of"


@dataclass
class ReplaySummary:
    """What a replay read and did; ``codes`` counts the matched letters by error code."""

    read: int = 0
    matched: int = 0
    sent: int = 0
    unreadable: int = 0
    #: matching letters a replay to the same target had sent before (skipped)
    replayed_before: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    #: the consumer group that remembers this replay (None for a dry run)
    bookmark: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The summary as a JSON-friendly dict."""
        return {**self.__dict__, "codes": dict(self.codes)}


def original_record(letter: DeadLetter) -> tuple[bytes | None, bytes]:
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
    max_records: int | None = None,
    to_topic: str | None = None,
    dry_run: bool = False,
    again: bool = False,
    on_match: Any = None,
) -> ReplaySummary:
    """Resend the original records of the dead letters that ``select`` matches.

    Args:
        settings: the brokers and the dead-letter topic.
        select: which letters to replay (codes, stages, stamped since).
        max_records: stop after this many matched letters.
        to_topic: send every record here instead of to the topic it failed on.
        dry_run: count and report the matches, send nothing (and remember nothing).
        again: also send letters that an earlier replay to the same target sent.
        on_match: called with each matched letter (for listing them).

    Returns:
        The counts; ``unreadable`` counts records of the topic that are not dead letters.

    Raises:
        ConfigError: ``to_topic`` is the dead-letter topic.
    """
    if to_topic == settings.topic_dlq:
        message = f"will not replay into the dead-letter topic {to_topic} itself"
        raise ConfigError(message)
    target = to_topic or "origin"
    marks = [] if again else await read_bookmarks(settings, target)
    group = bookmark_group(settings, target, select)
    done = dict(next((m.offsets for m in marks if m.group == group), {}))
    summary = ReplaySummary(bookmark=None if dry_run else group)
    producer = None if dry_run else await start_producer(settings)
    letters = read_to_end(settings, settings.topic_dlq, since_ms=select.since_ms)
    try:
        async for msg in letters:
            summary.read += 1
            done[msg.partition] = max(done.get(msg.partition, 0), msg.offset + 1)
            letter = _letter(msg.value)
            if letter is None:
                summary.unreadable += 1
                continue
            if not select.matches(letter, msg.timestamp) or letter.topic == settings.topic_dlq:
                continue
            if any(m.covers(letter, msg.partition, msg.offset, msg.timestamp) for m in marks):
                summary.replayed_before += 1
                continue
            summary.matched += 1
            summary.codes[letter.error.code] += 1
            if on_match:
                on_match(letter)
            if producer is not None:
                await _resend(producer, letter, msg, to_topic)
                summary.sent += 1
            if max_records is not None and summary.matched >= max_records:
                break
    finally:
        await letters.aclose()  # stops the consumer now, also after --max breaks off
        if producer is not None:
            await producer.stop()
    if not dry_run:
        await save_bookmark(settings, Bookmark(group, select, done))
    return summary


async def _resend(
    producer: AIOKafkaProducer, letter: DeadLetter, msg: Any, to_topic: str | None
) -> None:
    key, value = original_record(letter)
    # the record's own headers come back, and one naming the letter it came back from
    headers = passed_on(header_list(msg.headers))
    headers.append((REPLAY_HEADER, f"{msg.partition}:{msg.offset}".encode()))
    topic = to_topic or letter.topic
    try:
        await producer.send_and_wait(topic, value=value, key=key, headers=headers)
    except KafkaError as exc:
        raise DeliveryError(f"cannot send to {topic}: {type(exc).__name__}: {exc}") from exc


def _letter(value: bytes | None) -> DeadLetter | None:
    try:
        return decode_letter(value)
    except EventError:
        return None


def letter_line(letter: DeadLetter) -> dict[str, Any]:
    """One matched letter as a short JSON-friendly dict, for listings."""
    return {
        "topic": letter.topic,
        "partition": letter.partition,
        "offset": letter.offset,
        "stage": letter.error.stage,
        "code": letter.error.code,
        "message": letter.error.message[:200],
    }
