"""A broker away for longer than the delivery timeout: the worker waits, retries, loses nothing.

The test owns its broker (free ports, its own data dir) and stops it mid-stream for 25 s,
five times ``GEOWIRE_KAFKA_DELIVERY_TIMEOUT_S``. Sends time out and are retried with
backoff; ``/ready`` says so; when the broker is back every input comes out.
"""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest

from streams.service.client import produce
from tests.integration.conftest import WorkerProcess
from tests.integration.faults import (
    account,
    commits_past_undelivered,
    inputs,
    own_broker,
    plain_settings,
    wait_for,
    worker_env,
)

pytestmark = pytest.mark.integration
OUTAGE_S = 25.0
DOCS = inputs(150)  # more than the worker gets through before the broker stops


def test_a_broker_outage_longer_than_the_delivery_timeout_loses_nothing(tmp_path, capsys):
    keys = [k for k, _ in DOCS]
    with own_broker(tmp_path / "broker") as broker:
        env = worker_env(broker, f"out-{uuid.uuid4().hex[:6]}", tmp_path / "faust")
        env["GEOWIRE_KAFKA_DELIVERY_TIMEOUT_S"] = "5"
        settings = plain_settings(broker, env)
        worker = WorkerProcess(env, tmp_path / "worker.log")
        worker.start()
        try:
            asyncio.run(produce(settings, DOCS))
            assert wait_for(
                lambda: len(account(settings, keys).enriched_sources) >= 1, 120, every=0.2
            )
            before = account(settings, keys)
            broker.stop(timeout=30)
            away = time.monotonic()
            # the worker notices: its sends time out and are retried; it stays alive
            seen = wait_for(lambda: worker.get("/ready")[1].get("status") == "retrying", 20)
            time.sleep(max(0.0, OUTAGE_S - (time.monotonic() - away)))
            assert worker.proc is not None and worker.proc.poll() is None
            assert worker.get("/health")[0] == 200
            broker.start(timeout=180)
            outage = time.monotonic() - away
            wait_for(lambda: len(account(settings, keys).enriched_sources) == len(keys), 240)
            found = account(settings, keys)
            alive = worker.proc.poll() is None
            ready = wait_for(lambda: worker.get("/ready")[0] == 200, 60)
        finally:
            worker.stop()
        with capsys.disabled():
            print(f"\n[fault: broker away {outage:.0f} s] before: {before.line}")
            print(f"[fault: broker away {outage:.0f} s] after: {found.line}")
        assert seen, "/ready never said the worker was retrying"
        assert alive and ready
        assert found.enriched_sources == {k.decode() for k in keys}
        assert sum(found.letters.values()) == 0
        assert commits_past_undelivered(settings) == []
