"""The workers a benchmark runs: ``geowire worker`` subprocesses on a run's own topics."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psutil

from streams.service.startup import probe
from streams.settings import Settings

ROLES = ("raw", "articles", "tagged", "enriched", "places", "dlq")


def run_env(run: str, tmp: Path) -> dict[str, str]:
    """GEOWIRE_* of a benchmark run: its own app id, data dir and topics."""
    env = {"GEOWIRE_APP_ID": f"geowire-bench-{run}", "GEOWIRE_DATA_DIR": str(tmp)}
    env |= {f"GEOWIRE_TOPIC_{role.upper()}": f"bench-{run}.{role}" for role in ROLES}
    return env


def run_prefixes(run: str) -> list[str]:
    """The names of a run's topics start with one of these (Faust's own included)."""
    return [f"bench-{run}.", f"geowire-bench-{run}"]


def check_broker(settings: Settings) -> None:
    """Reach the broker as the workers will (TLS, SASL).

    Raises:
        ConfigError: no broker answers, or not with these settings.
    """
    asyncio.run(probe(settings))


@dataclass
class BenchWorker:
    """One worker process, its web port and its log."""

    proc: subprocess.Popen[bytes]
    port: int
    log: Path

    def ready(self) -> bool:
        """Whether its ``/ready`` page says it consumes."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/ready", timeout=3) as r:
                return r.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def rss_mb(self) -> float:
        """Its resident memory in MB."""
        return psutil.Process(self.proc.pid).memory_info().rss / 1e6


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_workers(env: dict[str, str], count: int, tmp: Path) -> list[BenchWorker]:
    """Start ``count`` workers and wait until each consumes.

    Raises:
        RuntimeError: a worker exits, or they are not ready in three minutes.
    """
    workers = []
    for n in range(count):
        port, log = _free_port(), tmp / f"worker-{n}.log"
        worker_env = {**os.environ, **env, "GEOWIRE_WEB_PORT": str(port)}
        cmd = [sys.executable, "-m", "streams.cli.main", "worker"]
        with log.open("wb") as out:
            proc = subprocess.Popen(cmd, env=worker_env, stdout=out, stderr=subprocess.STDOUT)
        workers.append(BenchWorker(proc, port, log))
    deadline = time.monotonic() + 180
    while not all(w.ready() for w in workers):
        for n, w in enumerate(workers):
            if w.proc.poll() is not None:
                text = w.log.read_text(errors="replace")[-2000:]
                stop_workers(workers)
                raise RuntimeError(f"worker {n} exited with {w.proc.returncode}:\n{text}")
        if time.monotonic() > deadline:
            stop_workers(workers)
            raise RuntimeError("workers did not start in time")
        time.sleep(0.5)
    return workers


def stop_workers(workers: list[BenchWorker]) -> None:
    """Stop the workers (SIGTERM, then SIGKILL after a minute)."""
    for w in workers:
        if w.proc.poll() is None:
            w.proc.terminate()
    for w in workers:
        try:
            w.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            w.proc.kill()
