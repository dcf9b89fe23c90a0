"""Benchmark: end-to-end throughput of running workers on a real broker.

Usage: ``geowire bench stream [--docs N] [--workers W]``. Starts W
``geowire worker`` processes on fresh topics of the broker in
``GEOWIRE_KAFKA_BOOTSTRAP`` (default localhost:9092), produces N benchmark documents
from ../shared/bench/geoparse (skips when absent) and prints how long it took until
every enriched article arrived.
"""

from __future__ import annotations

import asyncio
import time

import orjson

from streams.bench.workers import running_workers
from streams.paths import shared_dir
from streams.service.client import collect, produce

SHARED = shared_dir() / "bench" / "geoparse"


def run(docs: int, workers: int) -> dict[str, float] | None:
    """Produce ``docs`` documents through ``workers`` workers and time the enrichment.

    Returns:
        The figures, or None when the benchmark data is absent (skipped).

    Raises:
        ConfigError: no broker answers at ``GEOWIRE_KAFKA_BOOTSTRAP``.
    """
    path = SHARED / "lgl.jsonl"
    if not path.exists():
        print(f"skipped: {path} is absent")
        return None
    texts = [orjson.loads(line)["text"] for line in path.open("rb")][:docs]
    with running_workers(workers) as (settings, _procs):
        records = [(f"doc-{i}".encode(), t.encode()) for i, t in enumerate(texts)]
        started = time.monotonic()
        asyncio.run(produce(settings, records))
        out = collect(
            settings,
            settings.topic_enriched,
            from_beginning=True,
            max_records=len(texts),
            timeout_s=120,
        )
        elapsed = time.monotonic() - started
    figures = {
        "workers": workers,
        "docs": len(texts),
        "enriched": len(out),
        "seconds": round(elapsed, 2),
        "docs_per_s": round(len(out) / elapsed, 1),
    }
    for key, value in figures.items():
        print(f"{key:>10}: {value}")
    return figures
