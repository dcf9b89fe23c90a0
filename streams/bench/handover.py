"""Benchmark phase: a worker leaves a running group of two, then a new one joins.

Inputs go in evenly at a rate one worker can keep up with. A third of the way in one
worker is stopped (SIGTERM, as an orchestrator scales down); two thirds in a fresh
worker is spawned, and joins once loaded. The longest wait of an article sent after
each event, against the median before the first, shows how long the hand-overs stall
the stream.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable

from streams.bench.traffic import Collector, percentile, send
from streams.bench.workers import Worker
from streams.settings import Settings


async def handover(
    settings: Settings,
    workers: list[Worker],
    texts: list[str],
    rate: float,
    seconds: float,
    col: Collector,
    spawn: Callable[[], Worker],
) -> dict[str, float]:
    """Run the phase; ``spawn`` makes the joining worker (added to ``workers``).

    Args:
        settings: the run's settings.
        workers: the running group (two workers).
        texts: inputs, one article each on average (``rate`` counts inputs).
        rate: inputs per second.
        seconds: how long to send.
        col: the run's collector.
        spawn: a factory for the worker that joins.

    Returns:
        Latencies in seconds: ``steady`` (median before the leave), ``leave`` and
        ``join`` (the longest of articles sent after each), the number of inputs and
        the articles that arrived more than once (``duplicates``).
    """
    # the texts again under new keys when they run out, so that traffic lasts the phase
    n = max(3, math.ceil(rate * seconds))
    records = [(f"ho-{i}", texts[i % len(texts)].encode()) for i in range(n)]
    sending = asyncio.create_task(send(settings, records, rate=rate))
    await asyncio.sleep(seconds / 3)
    left = time.time()
    await asyncio.to_thread(workers[0].stop)
    await asyncio.sleep(max(0.0, left + seconds / 3 - time.time()))
    joined = time.time()
    workers.append(spawn())
    workers[-1].start()
    sent = await sending
    got = await col.wait_for("ho-", n, timeout=300 + n)
    waits = [(sent[a.source_id], a.received - sent[a.source_id]) for a in got]
    before = [w for at, w in waits if at < left]
    return {
        "inputs": n,
        "steady": percentile(before, 50) if before else 0.0,
        "leave": max((w for at, w in waits if left <= at < joined), default=0.0),
        "join": max((w for at, w in waits if at >= joined), default=0.0),
        "duplicates": col.duplicates("ho-"),
    }
