"""Timed traffic for the service benchmarks: send inputs, watch enriched articles arrive.

Every input is keyed ``PHASE-N``; the key becomes the articles' ``source_id``, so each
arrival is matched to the moment its input was sent, and phases on the same topics
never mix.
"""

from __future__ import annotations

import asyncio
import base64
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import TracebackType

import orjson
from aiokafka import AIOKafkaConsumer

from streams.service.client import start_producer
from streams.service.kafka import client_options
from streams.settings import Settings


@dataclass(frozen=True)
class Arrival:
    """One enriched article (or dead letter) as the collector saw it."""

    source_id: str
    article_id: str
    received: float  # epoch seconds
    dead: bool = False
    partition: int = -1  # of the enriched topic (an article's partition in every stage)


async def send(
    settings: Settings,
    records: Sequence[tuple[str, bytes]],
    *,
    rate: float | None = None,
    partitions: Sequence[int | None] | None = None,
) -> dict[str, float]:
    """Send ``(key, value)`` records to the raw topic, as fast as possible or at ``rate``/s.

    Returns:
        The epoch second at which each key was handed to the producer.
    """
    producer = await start_producer(settings)
    sent: dict[str, float] = {}
    futures = []
    try:
        started = time.monotonic()
        for n, (key, value) in enumerate(records):
            if rate:
                await asyncio.sleep(max(0.0, started + n / rate - time.monotonic()))
            part = partitions[n] if partitions else None
            sent[key] = time.time()
            futures.append(
                await producer.send(settings.topic_raw, value, key=key.encode(), partition=part)
            )
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    return sent


@dataclass
class Collector:
    """Reads the enriched and dead-letter topics in the background while a phase runs."""

    settings: Settings
    arrivals: list[Arrival] = field(default_factory=list)
    #: distinct article ids per phase (the key's text before its first "-"), so that
    #: waiting for a phase costs nothing per arrival while the workers are measured
    _seen: dict[str, set[str]] = field(default_factory=dict)
    _task: asyncio.Task[None] | None = None
    _consumer: AIOKafkaConsumer | None = None

    async def __aenter__(self) -> Collector:
        self._consumer = AIOKafkaConsumer(
            self.settings.topic_enriched,
            self.settings.topic_dlq,
            **client_options(self.settings),
            group_id=None,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            fetch_max_wait_ms=50,
            max_partition_fetch_bytes=16 * 2**20,
        )
        await self._consumer.start()
        self._task = asyncio.create_task(self._read())
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._task is not None and self._consumer is not None
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)
        await self._consumer.stop()

    async def _read(self) -> None:
        assert self._consumer is not None
        while True:
            batch = await self._consumer.getmany(timeout_ms=200)
            received = time.time()
            for msg in (m for part in batch.values() for m in part):
                value = orjson.loads(msg.value)
                if msg.topic == self.settings.topic_dlq:
                    key = base64.b64decode(value.get("key") or "").decode(errors="replace")
                    self._add(Arrival(key, f"dlq:{msg.offset}", received, dead=True))
                else:
                    source, article = value["source_id"], value["id"]
                    self._add(Arrival(source, article, received, partition=msg.partition))

    def _add(self, arrival: Arrival) -> None:
        self.arrivals.append(arrival)
        phase = arrival.source_id.split("-", 1)[0]
        self._seen.setdefault(phase, set()).add(arrival.article_id)

    def count(self, prefix: str) -> int:
        """How many distinct articles of a phase have arrived (``prefix`` as for ``of``)."""
        phase, dash, rest = prefix.partition("-")
        if dash and not rest:
            return len(self._seen.get(phase, ()))
        return len(self.of(prefix))

    def of(self, prefix: str) -> list[Arrival]:
        """The arrivals of one phase: first arrival of each article id, in order."""
        seen: set[str] = set()
        out = []
        for a in self.arrivals:
            if a.source_id.startswith(prefix) and a.article_id not in seen:
                seen.add(a.article_id)
                out.append(a)
        return out

    def duplicates(self, prefix: str) -> int:
        """How many arrivals of a phase repeat an article id already seen."""
        mine = [a for a in self.arrivals if a.source_id.startswith(prefix)]
        return len(mine) - len({a.article_id for a in mine})

    async def wait(self, done: Callable[[], bool], timeout: float) -> bool:
        """Wait until ``done()`` holds; False when ``timeout`` seconds pass first."""
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                return False
            await asyncio.sleep(0.05)
        return True

    async def wait_for(self, prefix: str, articles: int, timeout: float) -> list[Arrival]:
        """Wait for ``articles`` distinct articles (or dead letters) of a phase.

        Raises:
            RuntimeError: they did not all arrive in time.
        """
        if not await self.wait(lambda: self.count(prefix) >= articles, timeout):
            got = self.of(prefix)
            dead = sum(a.dead for a in got)
            message = f"{prefix}: {len(got)} of {articles} articles ({dead} dead letters)"
            raise RuntimeError(f"{message} after {timeout:.0f}s")
        return self.of(prefix)


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) by the nearest-rank method."""
    ordered = sorted(values)
    rank = min(len(ordered), max(1, math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]
