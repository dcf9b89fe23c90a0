"""What ``geowire replay`` has replayed: a committed consumer group per target and filter.

After a replay, the offsets it read up to on the dead-letter topic are committed for a
consumer group named after the dead-letter topic, the target (``origin``: the topics the
letters came from, else the ``--to`` topic) and the filter; the filter itself is kept in
the commit's metadata. A letter was replayed before if some bookmark of the same target
has a filter that matches it and has committed past its offset. So ``--code too_large``
and then ``--code internal`` replay both kinds, and a plain replay afterwards sends
neither again. Bookmarks are ordinary consumer groups: ``kafka-consumer-groups`` lists
them, and deleting one forgets it.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer
from aiokafka.structs import OffsetAndMetadata, TopicPartition

from streams.service.kafka import client_options
from streams.service.topics import admin_client
from streams.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LetterFilter:
    """Which dead letters to replay; an empty set lets every value through."""

    codes: frozenset[str] = frozenset()
    stages: frozenset[str] = frozenset()
    since_ms: int | None = None

    def matches(self, letter: Any, timestamp_ms: int | None = None) -> bool:
        """True if ``letter`` (stamped ``timestamp_ms`` on the topic) passes the filter."""
        return (
            (not self.codes or letter.error.code in self.codes)
            and (not self.stages or letter.error.stage in self.stages)
            and (self.since_ms is None or (timestamp_ms or 0) >= self.since_ms)
        )

    def as_json(self) -> bytes:
        """The filter as canonical JSON (its bookmark's metadata)."""
        return orjson.dumps(
            {"codes": sorted(self.codes), "stages": sorted(self.stages), "since_ms": self.since_ms}
        )

    @classmethod
    def from_json(cls, data: str) -> LetterFilter:
        """The filter a bookmark's metadata holds."""
        raw = orjson.loads(data)
        return cls(frozenset(raw["codes"]), frozenset(raw["stages"]), raw.get("since_ms"))


@dataclass(frozen=True)
class Bookmark:
    """One replay's filter and how far it read each partition of the dead-letter topic."""

    group: str
    select: LetterFilter
    offsets: dict[int, int] = field(default_factory=dict)

    def covers(self, letter: Any, partition: int, offset: int, timestamp_ms: int | None) -> bool:
        """Whether this replay already sent the letter at ``partition``/``offset``."""
        done = offset < self.offsets.get(partition, 0)
        return done and self.select.matches(letter, timestamp_ms)


def prefix(settings: Settings, target: str) -> str:
    """The start of the bookmark group names for ``target``."""
    return f"geowire-replay.{settings.topic_dlq}.{target}."


def bookmark_group(settings: Settings, target: str, select: LetterFilter) -> str:
    """The consumer group that bookmarks replays of ``select`` to ``target``."""
    return prefix(settings, target) + hashlib.sha1(select.as_json()).hexdigest()[:12]


async def read_bookmarks(settings: Settings, target: str) -> list[Bookmark]:
    """Every bookmark of replays to ``target`` (unreadable ones are skipped)."""
    start = prefix(settings, target)
    marks = []
    async with admin_client(settings) as admin:
        groups = [g[0] for g in await admin.list_consumer_groups() if g[0].startswith(start)]
        for group in groups:
            committed = await admin.list_consumer_group_offsets(group)
            offsets = {
                tp.partition: meta.offset
                for tp, meta in committed.items()
                if tp.topic == settings.topic_dlq
            }
            metadata = next((m.metadata for m in committed.values() if m.metadata), None)
            try:
                marks.append(Bookmark(group, LetterFilter.from_json(metadata or ""), offsets))
            except (orjson.JSONDecodeError, KeyError, TypeError):
                log.warning("bookmark %s has no readable filter; ignored", group)
    return marks


async def save_bookmark(settings: Settings, mark: Bookmark) -> None:
    """Commit ``mark``'s offsets, with its filter as metadata, for its group."""
    if not mark.offsets:
        return
    consumer = AIOKafkaConsumer(
        **client_options(settings), group_id=mark.group, enable_auto_commit=False
    )
    await consumer.start()
    try:
        parts = {p: TopicPartition(settings.topic_dlq, p) for p in mark.offsets}
        consumer.assign(list(parts.values()))
        metadata = mark.select.as_json().decode()
        await consumer.commit(
            {parts[p]: OffsetAndMetadata(offset, metadata) for p, offset in mark.offsets.items()}
        )
    finally:
        await consumer.stop()
