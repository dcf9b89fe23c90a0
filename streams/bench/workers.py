"""The workers a benchmark runs: ``geowire worker`` subprocesses on a run's own topics.

Each benchmark run gets topic names and an app id of its own (``bench-RUN.*``,
``geowire-bench-RUN``), so it never sees other runs' records; :func:`run_prefixes`
names what to delete when it ends. Every worker gets a free web port and a data
directory of its own, and counts as ready when its ``/ready`` page says it consumes.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from streams.paths import ROOT
from streams.service.startup import probe
from streams.service.topics import admin_client, delete_topics
from streams.settings import Settings

ROLES = ("raw", "articles", "tagged", "enriched", "places", "dlq")


def run_env(run: str, data_dir: Path) -> dict[str, str]:
    """GEOWIRE_* of a benchmark run: its own app id, data dir and topics."""
    env = {"GEOWIRE_APP_ID": f"geowire-bench-{run}", "GEOWIRE_DATA_DIR": str(data_dir)}
    env |= {f"GEOWIRE_TOPIC_{role.upper()}": f"bench-{run}.{role}" for role in ROLES}
    return env


def run_prefixes(run: str) -> list[str]:
    """The names of a run's topics start with one of these (Faust's own included)."""
    return [f"bench-{run}.", f"geowire-bench-{run}"]


def run_settings(env: dict[str, str]) -> Settings:
    """Settings as the run's workers see them (the environment plus ``env``)."""
    fields = {k.removeprefix("GEOWIRE_").lower(): v for k, v in env.items()}
    return Settings(**fields)  # keyword values take precedence over the environment


def check_broker(settings: Settings) -> None:
    """Reach the broker as the workers will (TLS, SASL).

    Raises:
        ConfigError: no broker answers, or not with these settings.
    """
    asyncio.run(probe(settings))


def local_broker(settings: Settings) -> psutil.Process | None:
    """The broker's process when it runs on this machine (``geowire broker``), else None."""
    hosts = {server.rsplit(":", 1)[0] for server in settings.kafka_bootstrap.split(",")}
    if not hosts <= {"localhost", "127.0.0.1", "::1", "[::1]"}:
        return None
    for proc in psutil.process_iter(["cmdline"]):
        if "kafka.Kafka" in (proc.info["cmdline"] or []):
            return proc
    return None


def free_port() -> int:
    """A TCP port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Worker:
    """A ``geowire worker`` subprocess with a log, a web port and a data dir of its own."""

    env: dict[str, str]
    workdir: Path
    name: str
    started_at: float = 0.0  # epoch seconds
    port: int = 0
    proc: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def log(self) -> Path:
        """The worker's log file."""
        return self.workdir / f"{self.name}.log"

    def start(self) -> None:
        """Spawn the worker (returns at once; see :meth:`ready`)."""
        self.port = free_port()
        env = {
            **os.environ,
            **self.env,
            "GEOWIRE_WEB_PORT": str(self.port),
            "GEOWIRE_DATA_DIR": str(self.workdir / f"{self.name}-data"),
        }
        cmd = [sys.executable, "-m", "streams.cli.main", "worker"]
        with self.log.open("ab") as out:
            self.started_at = time.time()
            self.proc = subprocess.Popen(
                cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT
            )

    def ready(self) -> bool:
        """Whether its ``/ready`` page says it consumes (partitions assigned, sends pass).

        Raises:
            RuntimeError: the worker exited.
        """
        assert self.proc is not None
        if self.proc.poll() is not None:
            text = self.log.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"{self.name} exited with {self.proc.returncode}:\n{text}")
        url = f"http://127.0.0.1:{self.port}/ready"
        try:
            with urllib.request.urlopen(url, timeout=3) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def assignments(self) -> int:
        """How many partition assignments (rebalances) the worker has gone through."""
        return self.log.read_text(errors="replace").count("newly assigned partitions")

    def partitions(self, topic: str) -> set[int]:
        """The partitions of ``topic`` in the worker's latest assignment (from its log)."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        assigned = [line for line in text.splitlines() if "newly assigned partitions" in line]
        if not assigned:
            return set()
        pattern = rf"topic='{re.escape(topic)}', partition=(\d+)"
        return {int(n) for n in re.findall(pattern, assigned[-1])}

    def rss_mb(self) -> tuple[float, float]:
        """Peak (VmHWM) and current resident memory of the worker's processes, in MB.

        A worker that runs part of its work in child processes is the sum of them all.
        """
        assert self.proc is not None
        root = psutil.Process(self.proc.pid)
        peak = now = 0.0
        for proc in [root, *root.children(recursive=True)]:
            status = Path(f"/proc/{proc.pid}/status")
            fields = (
                dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
                if status.exists()
                else {}
            )
            current = float(proc.memory_info().rss) / 2**20
            now += current
            peak += int(fields["VmHWM"].split()[0]) / 1024 if "VmHWM" in fields else current
        return peak, now

    def cpu_parts(self) -> tuple[float, float]:
        """CPU seconds used so far by the worker's own process (the shell: Faust, the
        event loop, Kafka clients) and by its child processes (the model)."""
        assert self.proc is not None
        root = psutil.Process(self.proc.pid)
        kids = [p.cpu_times() for p in root.children(recursive=True)]
        own = root.cpu_times()
        return own.user + own.system, float(sum(t.user + t.system for t in kids))

    def stop(self, timeout: float = 60) -> None:
        """SIGTERM, then SIGKILL when it has not ended in ``timeout`` seconds."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def wait_ready(workers: list[Worker], timeout: float = 240) -> None:
    """Block until every worker is ready.

    Raises:
        RuntimeError: a worker exited or was not ready in time.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(w.ready() for w in workers):
            return
        time.sleep(0.25)
    raise RuntimeError(f"workers not ready in {timeout:.0f}s")


def start_workers(env: dict[str, str], count: int, workdir: Path) -> list[Worker]:
    """Start ``count`` workers and wait until each consumes.

    Raises:
        RuntimeError: a worker exits, or they are not ready in four minutes.
    """
    workers = [Worker(env, workdir, f"worker-{n}") for n in range(count)]
    try:
        for worker in workers:
            worker.start()
        wait_ready(workers)
    except BaseException:
        stop_workers(workers)
        raise
    return workers


def stop_workers(workers: list[Worker]) -> None:
    """Stop the workers (SIGTERM to all at once, then SIGKILL after a minute)."""
    for worker in workers:
        if worker.proc is not None and worker.proc.poll() is None:
            worker.proc.terminate()
    for worker in workers:
        worker.stop()


async def wait_group_stable(settings: Settings, members: int, timeout: float = 120) -> None:
    """Wait until the app's consumer group is Stable with ``members`` members.

    Raises:
        RuntimeError: the group did not settle in time.
    """
    deadline = time.monotonic() + timeout
    state = "unknown"
    async with admin_client(settings) as admin:
        while time.monotonic() < deadline:
            response = (await admin.describe_consumer_groups([settings.app_id]))[0]
            group = response.groups[0]
            # (error_code, group_id, state, protocol_type, protocol, members, ...)
            state, count = group[2], len(group[5])
            if state == "Stable" and count == members:
                return
            await asyncio.sleep(0.5)
    message = f"group {settings.app_id} did not settle with {members} members ({state})"
    raise RuntimeError(message)


@contextmanager
def running_workers(count: int, tag: str = "") -> Iterator[tuple[Settings, list[Worker]]]:
    """``count`` started workers on topics of a run of their own, and the run's settings.

    The workers are stopped and the run's topics deleted when the block ends.

    Raises:
        ConfigError: no broker answers with these settings.
        RuntimeError: a worker exited or was not ready in time.
    """
    run = tag + uuid.uuid4().hex[:8]
    with tempfile.TemporaryDirectory(prefix="geowire-bench-") as tmp:
        env = run_env(run, Path(tmp))
        settings = run_settings(env)
        check_broker(settings)
        workers = start_workers(env, count, Path(tmp))
        try:
            yield settings, workers
        finally:
            stop_workers(workers)
            asyncio.run(delete_topics(settings, run_prefixes(run)))
