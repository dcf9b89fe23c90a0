"""Benchmark: end-to-end throughput of running workers on a real broker.

Usage: ``geowire bench stream [--docs N] [--workers W]``. Starts W
``geowire worker`` processes on fresh topics of the broker in
``GEOWIRE_KAFKA_BOOTSTRAP`` (default localhost:9092), produces N benchmark documents
from ../shared/bench/geoparse (skips when absent) and prints how long it took until
every enriched article arrived.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import orjson

from streams.broker.tools import api_versions_ok
from streams.core.errors import ConfigError
from streams.paths import shared_dir
from streams.service.client import collect, produce
from streams.service.topics import delete_topics
from streams.settings import Settings

SHARED = shared_dir() / "bench" / "geoparse"


def _env(run: str, tmp: Path) -> dict[str, str]:
    env = {"GEOWIRE_APP_ID": f"geowire-bench-{run}", "GEOWIRE_DATA_DIR": str(tmp)}
    for role in ("raw", "articles", "tagged", "enriched", "places", "dlq"):
        env[f"GEOWIRE_TOPIC_{role.upper()}"] = f"bench-{run}.{role}"
    return env


def _start_workers(env: dict[str, str], count: int, tmp: Path) -> list[subprocess.Popen[bytes]]:
    procs = []
    for n in range(count):
        log = (tmp / f"worker-{n}.log").open("wb")
        worker_env = {**os.environ, **env, "GEOWIRE_WEB_PORT": str(16070 + n)}
        cmd = [sys.executable, "-m", "streams.cli.main", "worker"]
        procs.append(subprocess.Popen(cmd, env=worker_env, stdout=log, stderr=subprocess.STDOUT))
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        logs = [(tmp / f"worker-{n}.log").read_text(errors="replace") for n in range(count)]
        if all("load_models done" in text for text in logs):
            return procs
        for n, proc in enumerate(procs):
            if proc.poll() is not None:
                message = f"worker {n} exited with {proc.returncode}:\n{logs[n][-2000:]}"
                raise RuntimeError(message)
        time.sleep(0.5)
    raise RuntimeError("workers did not start in time")


def _broker_answers(bootstrap: str) -> bool:
    """Whether the first broker of ``bootstrap`` answers Kafka requests."""
    host, _, port = bootstrap.split(",")[0].strip().rpartition(":")
    return api_versions_ok(host or "localhost", int(port or 9092))


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
    run_id = uuid.uuid4().hex[:8]
    with tempfile.TemporaryDirectory() as tmp_name:
        env = _env(run_id, Path(tmp_name))
        os.environ.update(env)
        settings = Settings()
        if not _broker_answers(settings.kafka_bootstrap):
            message = (
                f"no Kafka broker answers at {settings.kafka_bootstrap}: start one with "
                "`geowire broker start` or set GEOWIRE_KAFKA_BOOTSTRAP"
            )
            raise ConfigError(message)
        procs = _start_workers(env, workers, Path(tmp_name))
        try:
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
        finally:
            for proc in procs:
                proc.terminate()
                proc.wait(timeout=60)
            asyncio.run(delete_topics(settings, [f"bench-{run_id}.", f"geowire-bench-{run_id}"]))
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
