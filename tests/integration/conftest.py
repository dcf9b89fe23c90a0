"""Integration fixtures: a real Kafka broker and real geowire workers as subprocesses.

The broker is the one ``make test`` starts (or ``GEOWIRE_KAFKA_BOOTSTRAP``). Each test
session uses its own topic names and consumer group, so runs never see each other's data.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from streams.broker.local import LocalBroker
from streams.paths import ROOT, shared_dir
from streams.service.client import collect
from streams.service.topics import delete_topics
from streams.settings import Settings

SHARED = shared_dir()


def _reachable(bootstrap: str) -> bool:
    host, _, port = bootstrap.split(",")[0].rpartition(":")
    try:
        with socket.create_connection((host or "localhost", int(port)), timeout=2):
            return True
    except OSError:
        return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def it_run() -> str:
    """This test session's id, in all its topic names and app ids."""
    return uuid.uuid4().hex[:8]


@pytest.fixture(scope="session")
def it_env(it_run, tmp_path_factory) -> Iterator[dict[str, str]]:
    """GEOWIRE_* variables of this test session: the broker and fresh topic names.

    The session's topics (``it-RUN.*``, ``rec-RUN-*.*`` and Faust's own, named after the
    app ids) are deleted when it ends.
    """
    bootstrap = os.environ.get("GEOWIRE_KAFKA_BOOTSTRAP", "localhost:9092")
    if not _reachable(bootstrap):
        pytest.fail(f"no Kafka broker at {bootstrap}: run `make test` or `geowire broker start`")
    run = it_run
    env = {
        "GEOWIRE_KAFKA_BOOTSTRAP": bootstrap,
        "GEOWIRE_APP_ID": f"geowire-it-{run}",
        "GEOWIRE_DATA_DIR": str(tmp_path_factory.mktemp("faust")),
        "GEOWIRE_MAX_INPUT_BYTES": str(64 * 1024),
        "GEOWIRE_BATCH_WINDOW_S": "0.2",
    }
    for role in ("raw", "articles", "tagged", "enriched", "places", "dlq"):
        env[f"GEOWIRE_TOPIC_{role.upper()}"] = f"it-{run}.{role}"
    yield env
    prefixes = [f"it-{run}.", f"geowire-it-{run}", f"rec-{run}-", f"geowire-rec-{run}-"]
    asyncio.run(delete_topics(Settings(kafka_bootstrap=bootstrap), prefixes))


@pytest.fixture(scope="session")
def it_settings(it_env) -> Settings:
    """Settings matching the workers of this session."""
    saved = dict(os.environ)
    os.environ.update(it_env)
    try:
        return Settings()
    finally:
        os.environ.clear()
        os.environ.update(saved)


@pytest.fixture()
def group_env(it_env, it_run) -> dict[str, str]:
    """Variables of a consumer group of its own (topics and app id) for one test.

    Prefixed with the session's id, so the session's teardown deletes its topics too; a
    short session timeout lets the group notice a killed worker quickly.
    """
    run = f"{it_run}-{uuid.uuid4().hex[:8]}"
    env = {**it_env, "GEOWIRE_APP_ID": f"geowire-rec-{run}", "GEOWIRE_KAFKA_SESSION_TIMEOUT_S": "8"}
    for role in ("raw", "articles", "tagged", "enriched", "places", "dlq"):
        env[f"GEOWIRE_TOPIC_{role.upper()}"] = f"rec-{run}.{role}"
    return env


def wait_enriched(settings: Settings, keys: set[str], timeout: float = 120) -> list[dict]:
    """Wait until articles of every input in ``keys`` are enriched (or ``timeout``).

    Returns:
        Every enriched record read (redeliveries included).
    """
    deadline, records = time.monotonic() + timeout, []
    while time.monotonic() < deadline:
        records = collect(settings, settings.topic_enriched, from_beginning=True, timeout_s=3)
        if set(ids_by_source(records)) >= keys:
            break
    return records


def ids_by_source(records: list[dict]) -> dict[str, set[str]]:
    """The article ids of each source id (several when a redelivery changed one)."""
    ids: dict[str, set[str]] = {}
    for r in records:
        ids.setdefault(r["value"]["source_id"], set()).add(r["value"]["id"])
    return ids


class WorkerProcess:
    """A ``geowire worker`` subprocess with its log file."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.log = log
        self.env = {**os.environ, **env, "GEOWIRE_WEB_PORT": str(_free_port())}
        self.proc: subprocess.Popen[bytes] | None = None

    def get(self, path: str) -> tuple[int, dict]:
        """GET a page of the worker's web server: status and JSON body (0 if none answers)."""
        url = f"http://127.0.0.1:{self.env['GEOWIRE_WEB_PORT']}{path}"
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                return resp.status, orjson.loads(resp.read())
        except urllib.error.HTTPError as exc:
            return exc.code, orjson.loads(exc.read())
        except (OSError, orjson.JSONDecodeError):
            return 0, {}

    def start(self, timeout: float = 180) -> None:
        """Start it and wait until ``/ready`` says it consumes."""
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "streams.cli.main", "worker"],
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.get("/ready")[0] == 200:
                return
            if self.proc.poll() is not None:
                text = self.log.read_text(errors="replace")
                pytest.fail(f"worker exited {self.proc.returncode}:\n{text[-4000:]}")
            time.sleep(0.5)
        pytest.fail(f"worker not ready in {timeout}s:\n{self.log.read_text()[-4000:]}")

    def wait_exit(self, timeout: float) -> int | None:
        """Wait for the worker to exit on its own; its status, or None if it still runs."""
        assert self.proc is not None
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()


@pytest.fixture(scope="session")
def worker(it_env, tmp_path_factory) -> Iterator[WorkerProcess]:
    """One running worker for the session (real model, gazetteer and broker)."""
    proc = WorkerProcess(it_env, tmp_path_factory.mktemp("worker") / "worker.log")
    proc.start()
    yield proc
    proc.stop()


@pytest.fixture(scope="session")
def own_secure_broker(tmp_path_factory) -> Iterator[LocalBroker]:
    """A broker of this session's own: SASL_SSL, an authorizer, no auto-create (faults.py)."""
    from tests.integration.faults import own_broker

    if shutil.which("java") is None:
        pytest.skip("needs a Java runtime")
    with own_broker(tmp_path_factory.mktemp("own-broker")) as broker:
        yield broker
