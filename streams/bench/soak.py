"""Benchmark: a worker at half its sustained rate for N minutes: memory, lag and counts.

Usage: ``geowire bench soak [--minutes 10] [--rate R] [--calibrate N] [--interval S]``.
Starts one worker on fresh topics of the broker in ``GEOWIRE_KAFKA_BOOTSTRAP`` (any
security settings apply), measures its sustained rate with a burst of N benchmark
documents (unless ``--rate`` is given), then sends documents at half that rate for the
minutes asked. Every interval it prints the worker's RSS, the consumer lag of the
worker's group on the raw, articles and tagged topics, the inputs sent, the sources
enriched and the dead letters; at the end the RSS at the start and end of the soak and
its growth, the largest lag and the lag when sending stopped, and the counts in and out.
Texts come from ../shared/bench/geoparse (skipped when absent); each input has a key of
its own (``soak-N``), so each is a distinct source with distinct ids.
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass, field

import orjson
from aiokafka import AIOKafkaConsumer
from aiokafka.structs import TopicPartition

from streams.bench.workers import Worker, running_workers
from streams.paths import shared_dir
from streams.service.client import start_producer
from streams.service.codec import decode_letter
from streams.service.kafka import client_options
from streams.service.topics import admin_client
from streams.settings import Settings

SHARED = shared_dir() / "bench" / "geoparse"


@dataclass
class Counts:
    """What came out so far, read from the enriched and dead-letter topics."""

    sent: int = 0
    sources: set[str] = field(default_factory=set)
    records: int = 0
    ids: set[str] = field(default_factory=set)
    letters: int = 0

    @property
    def accounted(self) -> int:
        """Inputs that came out enriched or dead-lettered."""
        return len(self.sources) + self.letters


async def _read_outputs(settings: Settings, counts: Counts) -> None:
    """Count enriched sources and dead letters as they arrive (until cancelled)."""
    consumer = AIOKafkaConsumer(
        settings.topic_enriched,
        settings.topic_dlq,
        **client_options(settings),
        group_id=None,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        while True:
            batch = await consumer.getmany(timeout_ms=500)
            for msg in (m for msgs in batch.values() for m in msgs):
                if msg.topic == settings.topic_dlq:
                    decode_letter(msg.value)
                    counts.letters += 1
                    continue
                value = orjson.loads(msg.value)
                counts.records += 1
                counts.ids.add(value["id"])
                counts.sources.add(value["source_id"])
    finally:
        await consumer.stop()


async def _lag(settings: Settings) -> int:
    """Records on the worker's input topics that its group has not committed yet."""
    topics = [settings.topic_raw, settings.topic_articles, settings.topic_tagged]
    async with admin_client(settings) as admin:
        described = await admin.describe_topics(topics)
        committed = await admin.list_consumer_group_offsets(settings.app_id)
    parts = [TopicPartition(t["topic"], p["partition"]) for t in described for p in t["partitions"]]
    consumer = AIOKafkaConsumer(**client_options(settings), group_id=None)
    await consumer.start()
    try:
        ends = await consumer.end_offsets(parts)
    finally:
        await consumer.stop()
    return sum(end - (committed[tp].offset if tp in committed else 0) for tp, end in ends.items())


async def _send(
    settings: Settings, texts: list[str], counts: Counts, rate: float | None, until: float
) -> None:
    """Send inputs at ``rate`` per second until ``until`` (monotonic).

    Without a rate, send each text once, as fast as the producer takes them.
    """
    producer = await start_producer(settings)
    started, first = time.monotonic(), counts.sent
    try:
        while (now := time.monotonic()) < until:
            if rate is None and counts.sent - first >= len(texts):
                break
            due = started + (counts.sent - first) / rate if rate else now
            if due > now:
                await asyncio.sleep(min(due - now, until - now))
                continue
            key = f"soak-{counts.sent}".encode()
            await producer.send(
                settings.topic_raw, texts[counts.sent % len(texts)].encode(), key=key
            )
            counts.sent += 1
        await producer.flush()
    finally:
        await producer.stop()


async def _wait(counts: Counts, target: int, timeout: float) -> float:
    started = time.monotonic()
    while counts.accounted < target and time.monotonic() - started < timeout:
        await asyncio.sleep(0.2)
    return time.monotonic() - started


def _row(elapsed: float, worker: Worker, lag: int, counts: Counts) -> str:
    return (
        f"{elapsed:7.0f} {worker.rss_mb()[1]:9.1f} {lag:6d} {counts.sent:7d} "
        f"{len(counts.sources):9d} {counts.letters:8d}"
    )


async def _soak(
    settings: Settings, worker: Worker, texts: list[str], args: SoakArgs
) -> dict[str, float]:
    counts = Counts()
    reader = asyncio.create_task(_read_outputs(settings, counts))
    try:
        rate = args.rate
        if rate is None:
            burst = texts[: args.calibrate]
            started = time.monotonic()
            await _send(settings, burst, counts, None, until=started + 600)
            await _wait(counts, len(burst), 600)
            took = time.monotonic() - started
            sustained = counts.accounted / took
            rate = sustained / 2
            print(f"calibration: {len(burst)} documents in {took:.1f} s, {sustained:.2f} docs/s")
        print(
            f"soak: {rate:.2f} docs/s for {args.minutes:g} min; load average "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        )
        print("    t_s    rss_mb    lag    sent  enriched  letters")
        rss_start = worker.rss_mb()[1]
        started = time.monotonic()
        until = started + args.minutes * 60
        sender = asyncio.create_task(_send(settings, texts, counts, rate, until))
        lags = []
        while not sender.done():
            await asyncio.wait({sender}, timeout=args.interval)
            lags.append(await _lag(settings))
            print(_row(time.monotonic() - started, worker, lags[-1], counts), flush=True)
        await sender
        rss_end, lag_end = worker.rss_mb()[1], lags[-1]
        drained = await _wait(counts, counts.sent, 300)
        print(_row(time.monotonic() - started, worker, await _lag(settings), counts))
    finally:
        reader.cancel()
    figures = {
        "rate_docs_per_s": round(rate, 2),
        "rss_start_mb": round(rss_start, 1),
        "rss_end_mb": round(rss_end, 1),
        "rss_growth_pct": round(100 * (rss_end - rss_start) / rss_start, 2),
        "lag_max": max(lags),
        "lag_at_end": lag_end,
        "drain_s": round(drained, 1),
        "inputs": counts.sent,
        "enriched_sources": len(counts.sources),
        "enriched_records": counts.records,
        "duplicates": counts.records - len(counts.ids),
        "dead_letters": counts.letters,
    }
    return figures


@dataclass(frozen=True)
class SoakArgs:
    """What the soak runs: how long, how fast, how it calibrates and how often it samples."""

    minutes: float = 10.0
    rate: float | None = None
    calibrate: int = 120
    interval: float = 30.0


def run(args: SoakArgs) -> dict[str, float] | None:
    """Run the soak and print its figures.

    Returns:
        The figures, or None when the benchmark data is absent (skipped).

    Raises:
        ConfigError: no broker answers at ``GEOWIRE_KAFKA_BOOTSTRAP`` with these settings.
    """
    paths = [SHARED / "lgl.jsonl", SHARED / "geowebnews.jsonl"]
    if not paths[0].exists():
        print(f"skipped: {paths[0]} is absent")
        return None
    texts = [orjson.loads(line)["text"] for p in paths if p.exists() for line in p.open("rb")]
    with running_workers(1, tag="soak-") as (settings, (worker,)):
        print(f"worker ready, rss {worker.rss_mb()[1]:.1f} MB")
        figures = asyncio.run(_soak(settings, worker, texts, args))
    for key, value in figures.items():
        print(f"{key:>17}: {value}")
    return figures
