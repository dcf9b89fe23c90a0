"""A worker that joins or leaves a running group: every input is still enriched, once
the group settles, with the same article ids (so any redelivery is recognisable)."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from streams.service.client import collect, produce
from streams.settings import Settings
from tests.integration.conftest import ROOT, WorkerProcess, ids_by_source, wait_enriched

pytestmark = pytest.mark.integration
ARTICLE = (ROOT / "tests" / "data" / "samples" / "quake-report.txt").read_text()


def _inputs(first: int, count: int) -> list[tuple[bytes, bytes]]:
    # Each input is a distinct article (its key seeds its id).
    return [
        (f"doc-{n}".encode(), f"{ARTICLE}\nBulletin number {n}.".encode())
        for n in range(first, first + count)
    ]


def test_a_worker_joining_then_one_leaving_loses_and_invents_nothing(
    group_env, tmp_path, monkeypatch
):
    for name, value in group_env.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    first, second = (WorkerProcess(group_env, tmp_path / f"worker-{n}.log") for n in (1, 2))
    first.start()
    try:
        sent = _inputs(0, 30)
        asyncio.run(produce(settings, sent))
        second.start()  # joins while the first still works through its inputs
        sent += _inputs(30, 16)
        asyncio.run(produce(settings, sent[30:]))
        assert first.proc is not None
        first.proc.terminate()  # leaves (SIGTERM, as an orchestrator scales down)
        first.proc.wait(timeout=60)
        sent += _inputs(46, 8)
        asyncio.run(produce(settings, sent[46:]))

        keys = {key.decode() for key, _ in sent}
        ids = ids_by_source(wait_enriched(settings, keys, timeout=180))
        assert set(ids) == keys
        # a record redone after the hand-over gives the same article id
        assert all(len(found) == 1 for found in ids.values()), ids
        assert collect(settings, settings.topic_dlq, from_beginning=True, timeout_s=2) == []
    finally:
        first.stop()
        second.stop()


def test_workers_on_one_host_take_their_own_web_ports_and_data_dirs(group_env, tmp_path):
    # neither GEOWIRE_WEB_PORT nor GEOWIRE_DATA_DIR: started together, both defaults
    env = {**os.environ, **group_env}
    env.pop("GEOWIRE_WEB_PORT", None)
    env.pop("GEOWIRE_DATA_DIR", None)
    logs = [tmp_path / f"worker-{n}.log" for n in (1, 2)]
    cmd = [sys.executable, "-m", "streams.cli.main", "worker"]
    procs = []
    for log in logs:
        with log.open("wb") as out:
            procs.append(subprocess.Popen(cmd, env=env, cwd=tmp_path, stdout=out, stderr=out))
    try:
        claimed: dict[int, str] = {}
        deadline = time.monotonic() + 240
        while len(claimed) < 2 or not all(_ready(port) for port in claimed):
            assert time.monotonic() < deadline, [log.read_text()[-2000:] for log in logs]
            assert all(p.poll() is None for p in procs), [log.read_text()[-2000:] for log in logs]
            for log in logs:
                found = re.search(r"web port (\d+), data directory (\S+)", log.read_text())
                if found:
                    claimed[int(found[1])] = found[2]
            time.sleep(0.5)
        (a, dir_a), (b, dir_b) = sorted(claimed.items())
        assert a != b and dir_a != dir_b
        assert (tmp_path / dir_a).is_dir() and (tmp_path / dir_b).is_dir()
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=60)


def _ready(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=3) as resp:
            return bool(resp.status == 200)
    except OSError:
        return False
