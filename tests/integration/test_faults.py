"""Sends that fail for good, on a real broker the test owns: nothing is lost, nothing skipped.

Mid-stream, the worker's user is forbidden to write the enriched topic (an ACL), or the
places topic is deleted (with auto-create off). The worker must stop with a non-zero
status without committing past a record whose outputs are not on the broker; a worker
started once the cause is fixed redoes those records, so every input comes out.
"""

from __future__ import annotations

import asyncio
import uuid

import pytest

from streams.service.client import produce
from streams.service.topics import admin_client
from tests.integration.conftest import WorkerProcess
from tests.integration.faults import (
    account,
    commits_past_undelivered,
    deny_writes,
    inputs,
    plain_settings,
    wait_for,
    worker_env,
)

pytestmark = pytest.mark.integration
FIRST, SECOND = inputs(20), inputs(20, start=20)


def _enriched(settings, keys) -> int:
    return len(account(settings, keys).enriched_sources)


async def _delete(settings, topic: str) -> None:
    async with admin_client(settings) as admin:
        await admin.delete_topics([topic])


def _run_fault(own_secure_broker, tmp_path, capsys, name: str, inject, undo) -> None:
    run = f"flt-{name.replace(' ', '-')}-{uuid.uuid4().hex[:6]}"
    env = worker_env(own_secure_broker, run, tmp_path / "faust")
    env["GEOWIRE_KAFKA_DELIVERY_TIMEOUT_S"] = "5"
    settings = plain_settings(own_secure_broker, env)
    keys = [k for k, _ in FIRST + SECOND]
    first = WorkerProcess(env, tmp_path / "worker-1.log")
    first.start()
    try:
        asyncio.run(produce(settings, FIRST))
        assert wait_for(lambda: _enriched(settings, keys) >= 3, 120), "nothing enriched"
        inject(settings)
        asyncio.run(produce(settings, SECOND))
        status = first.wait_exit(180)
        log = first.log.read_text(errors="replace")
        assert status not in (None, 0), f"the worker did not stop: {status}\n{log[-3000:]}"
        assert "DeliveryError" in log
        # stopped without committing past a record whose outputs are not on the broker
        assert commits_past_undelivered(settings) == []
        stopped_at = account(settings, keys)
    finally:
        first.stop()
    undo(settings)
    second = WorkerProcess(env, tmp_path / "worker-2.log")
    second.start()
    try:
        wait_for(lambda: _enriched(settings, keys) == len(keys), 240)
        found = account(settings, keys)
    finally:
        second.stop()
    with capsys.disabled():
        print(f"\n[fault: {name}] when it stopped: {stopped_at.line}")
        print(f"[fault: {name}] after a restart: {found.line}")
    assert found.enriched_sources == {k.decode() for k in keys}
    assert "internal" not in found.letters and sum(found.letters.values()) == 0
    assert commits_past_undelivered(settings) == []


def test_a_topic_the_worker_may_no_longer_write_stops_it_and_loses_nothing(
    own_secure_broker, tmp_path, capsys
) -> None:
    def forbid(settings) -> None:
        deny_writes(settings, settings.topic_enriched)

    def allow(settings) -> None:
        deny_writes(settings, settings.topic_enriched, deny=False)

    _run_fault(own_secure_broker, tmp_path, capsys, "not authorised", forbid, allow)


def test_a_deleted_output_topic_stops_the_worker_and_loses_nothing(
    own_secure_broker, tmp_path, capsys
) -> None:
    def delete(settings) -> None:
        asyncio.run(_delete(settings, settings.topic_places))

    def nothing(settings) -> None:
        pass  # the next worker creates the missing topic before it subscribes

    _run_fault(own_secure_broker, tmp_path, capsys, "topic deleted", delete, nothing)
