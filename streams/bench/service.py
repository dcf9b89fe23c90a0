"""Benchmark: the service against offline enrichment, in one table (``geowire bench``).

Usage: ``geowire bench [service] [--docs N] [--latency-seconds S] [--part all|head|tail]``.
On the articles of ../shared/bench/geoparse/lgl.jsonl (skips when absent) it measures:

- offline articles/s: the pipeline in this process, model loaded, batches of
  ``GEOWIRE_BATCH_SIZE``; run before and after the streaming phases (the mean is the bar);
- streaming articles/s with one worker and with two: every input produced at once to a
  running group, until the last enriched article arrives;
- end-to-end latency p50/p95/p99 (input sent to enriched article received) with one
  worker, inputs sent evenly at half the one-worker rate;
- the workers' peak RSS, and their CPU seconds per article beside the offline path's;
- seconds from a cold start (worker process spawned, inputs waiting) to the first
  enriched event.

Each streaming phase uses topics and an app id of its own on the broker of
``GEOWIRE_KAFKA_BOOTSTRAP`` and deletes them when it ends.
"""

from __future__ import annotations

import asyncio
import logging
import math
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import orjson

from streams.bench.handover import handover
from streams.bench.report import Offline, commit, print_table, rows
from streams.bench.traffic import Arrival, Collector, percentile, send
from streams.bench.workers import (
    Worker,
    check_broker,
    local_broker,
    run_env,
    run_prefixes,
    run_settings,
    wait_group_stable,
)
from streams.core.intake import decode_raw
from streams.core.pipeline import Pipeline
from streams.paths import shared_dir
from streams.service.factory import Components
from streams.service.topics import delete_topics, ensure_topics
from streams.settings import Settings

LGL = shared_dir() / "bench" / "geoparse" / "lgl.jsonl"
WARM_UP = 8
HANDOVER_S = 75.0  # long enough for the joining worker to load and join


def load_texts(part: str, docs: int | None) -> list[str]:
    """The LGL texts: all, the first 70% (``head``) or the last 30% (``tail``)."""
    texts = [orjson.loads(line)["text"] for line in LGL.open("rb")]
    cut = round(len(texts) * 0.7)
    texts = {"head": texts[:cut], "tail": texts[cut:]}.get(part, texts)
    return texts[:docs] if docs else texts


def offline(pipeline: Pipeline, settings: Settings, texts: list[str]) -> Offline:
    """Enrich the texts in this process as ``geowire enrich`` does, batched."""
    started, cpu = time.perf_counter(), time.process_time()
    raws = [
        decode_raw(t.encode(), f"off-{n}".encode(), origin=f"off:{n}", max_bytes=1 << 30)
        for n, t in enumerate(texts)
    ]
    counts = dict.fromkeys((r.source_id for r in raws), 0)
    for article in pipeline.enrich(raws, batch_size=settings.batch_size):
        counts[article.source_id] += 1
    seconds, cpu_s = time.perf_counter() - started, time.process_time() - cpu
    return Offline(list(counts.values()), seconds, cpu_s)


async def _until(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what}: not done in {timeout:.0f}s")
        await asyncio.sleep(0.2)


async def _cold_start(
    settings: Settings, workers: list[Worker], texts: list[str], counts: list[int], col: Collector
) -> float:
    """Send one input per raw partition, spawn the workers; seconds to the first article."""
    probes = min(settings.topic_partitions, len(texts))
    await send(
        settings,
        [(f"probe-{n}", texts[n].encode()) for n in range(probes)],
        partitions=list(range(probes)),
    )
    for worker in workers:
        worker.start()
    await _until(lambda: bool(col.of("probe-")), 300, "first enriched event")
    first = col.of("probe-")[0].received - workers[0].started_at
    await col.wait_for("probe-", sum(counts[:probes]), timeout=300)
    await _until(lambda: all(w.ready() for w in workers), 300, "workers ready")
    await wait_group_stable(settings, len(workers))
    return first


def _cpu(settings: Settings, workers: list[Worker]) -> dict[str, float]:
    """CPU seconds so far: the workers' shells and models, the local broker (when there
    is one) and this process (it sends the inputs and reads the results)."""
    shells, models = zip(*(w.cpu_parts() for w in workers), strict=True)
    out = {"shell": sum(shells), "model": sum(models), "client": time.process_time()}
    if (broker := local_broker(settings)) is not None:
        times = broker.cpu_times()
        out["broker"] = times.user + times.system
    return out


def _busiest(settings: Settings, workers: list[Worker], got: list[Arrival]) -> float:
    """The largest share of the articles that one worker tagged and geocoded.

    Article keys hash onto partitions, so a finite input is never split evenly; the
    whole run ends when the busiest worker is done.
    """
    if len(workers) < 2:
        return 1.0
    # an article's key puts it on the same partition number in every stage's topic
    mine = [w.partitions(settings.topic_tagged) for w in workers]
    return max(sum(a.partition in parts for a in got) for parts in mine) / len(got)


async def _throughput(
    settings: Settings, workers: list[Worker], texts: list[str], total: int, col: Collector
) -> dict[str, float]:
    """Every input at once; articles/s until the last one arrives, CPU per article."""
    assigned, cpu = sum(w.assignments() for w in workers), _cpu(settings, workers)
    sent = await send(settings, [(f"tp-{n}", t.encode()) for n, t in enumerate(texts)])
    got = await col.wait_for("tp-", total, timeout=120 + total)
    seconds = max(a.received for a in got) - min(sent.values())
    parts = {k: 1000 * (v - cpu[k]) / total for k, v in _cpu(settings, workers).items()}
    return {
        "rate": total / seconds,
        "sustained": sustained([a.received for a in got]),
        "cpu_ms": parts["shell"] + parts["model"],
        "cpu_parts": parts,
        "busiest": _busiest(settings, workers, got),
        "duplicates": col.duplicates("tp-"),
        "dead": sum(a.dead for a in got),
        "rebalances": sum(w.assignments() for w in workers) - assigned,
    }


def sustained(received: list[float], trim: float = 0.1) -> float:
    """Articles/s while the stream flowed: between the arrivals at the ``trim`` and
    ``1 - trim`` quantiles, the articles that arrived after the first and by the second.

    The first articles wait for every stage to fill, and the last ones come from
    whichever worker had the larger share of a finite input (keys hash unevenly onto
    partitions), so the whole run understates what a running group sustains.
    """
    times = sorted(received)
    first = times[int(trim * (len(times) - 1))]
    last = times[math.ceil((1 - trim) * (len(times) - 1))]
    if last <= first:  # the middle arrived at one instant: no rate to tell
        return math.nan
    return sum(first < t <= last for t in times) / (last - first)


async def _latency(
    settings: Settings,
    texts: list[str],
    counts: list[int],
    rate: float,
    seconds: float,
    col: Collector,
) -> dict[str, float]:
    """Inputs sent evenly at ``rate`` articles/s; latency of each article in seconds."""
    per_doc = sum(counts) / len(counts)
    n = max(1, min(len(texts), math.ceil(rate / per_doc * seconds)))
    records = [(f"lat-{i}", t.encode()) for i, t in enumerate(texts[:n])]
    sent = await send(settings, records, rate=rate / per_doc)
    got = await col.wait_for("lat-", sum(counts[:n]), timeout=120 + n)
    waits = [a.received - sent[a.source_id] for a in got]
    return {
        "offered": rate,
        "inputs": n,
        **{f"p{q}": percentile(waits, q) for q in (50, 95, 99)},
        "max": max(waits),
    }


async def _phase(
    settings: Settings,
    workers: list[Worker],
    texts: list[str],
    counts: list[int],
    latency_s: float,
    handover_rate: float | None = None,
) -> dict[str, Any]:
    async with Collector(settings) as col:
        cold = await _cold_start(settings, workers, texts, counts, col)
        out: dict[str, Any] = {"cold_s": cold}
        out |= await _throughput(settings, workers, texts, sum(counts), col)
        if latency_s > 0:
            out["latency"] = await _latency(
                settings, texts, counts, out["sustained"] / 2, latency_s, col
            )
        rss = [w.rss_mb() for w in workers]
        out["rss_mb"], out["rss_now_mb"] = max(p for p, _ in rss), max(n for _, n in rss)
        if handover_rate:
            per_doc = sum(counts) / len(counts)
            spawn = partial(Worker, workers[0].env, workers[0].workdir, "w-joined")
            out["handover"] = await handover(
                settings, workers, texts, handover_rate / per_doc, HANDOVER_S, col, spawn
            )
    return out


def streaming(
    texts: list[str],
    counts: list[int],
    workers: int,
    latency_s: float,
    handover_rate: float | None = None,
) -> dict[str, Any]:
    """One streaming phase on fresh topics with ``workers`` workers.

    With ``handover_rate`` (articles/s), it ends with a worker leaving and one joining.
    """
    run = uuid.uuid4().hex[:8]
    with tempfile.TemporaryDirectory(prefix="geowire-bench-") as tmp:
        settings = run_settings(run_env(run, Path(tmp)))
        procs = [Worker(run_env(run, Path(tmp)), Path(tmp), f"w{n}") for n in range(workers)]
        try:
            asyncio.run(ensure_topics(settings))
            return asyncio.run(_phase(settings, procs, texts, counts, latency_s, handover_rate))
        finally:
            for proc in procs:
                proc.stop()
            asyncio.run(delete_topics(settings, run_prefixes(run)))


def run(
    settings: Settings, docs: int | None, latency_s: float, part: str = "all", rounds: int = 1
) -> dict[str, Any] | None:
    """Run every phase ``rounds`` times and print the table; None without the data.

    Each streaming phase sits between two offline passes, so it is compared with the
    speed the machine had around it (other work on a shared machine changes it).

    Raises:
        ConfigError: no broker answers at ``GEOWIRE_KAFKA_BOOTSTRAP``.
    """
    if not LGL.exists():
        print(f"skipped: {LGL} is absent")
        return None
    check_broker(settings)
    # New topics have no leader for a moment; aiokafka logs each retry (not a failure).
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    texts = load_texts(part, docs)
    pipeline = Components(settings).pipeline
    offline(pipeline, settings, texts[:WARM_UP])  # lazy caches, as a worker's probe does
    figures: dict[str, Any] = {"texts": len(texts), "part": part, "rounds": []}
    figures |= {"commit": commit(), "started": f"{datetime.now(UTC):%Y-%m-%d %H:%M}"}
    for _ in range(rounds):
        first = offline(pipeline, settings, texts)
        one = streaming(texts, first.counts, 1, latency_s)
        middle = offline(pipeline, settings, texts)
        two = streaming(texts, first.counts, 2, 0, handover_rate=one["sustained"] / 2)
        last = offline(pipeline, settings, texts)
        figures["rounds"].append({"offline": [first, middle, last], "one": one, "two": two})
    print_table(settings, figures, rows(figures))
    return figures
