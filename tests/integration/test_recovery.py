"""Two workers share the load; when one dies or is stopped mid-stream the other finishes
its work, and nothing is lost; after a stop (SIGTERM) nothing is redone either."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from streams.service.client import collect, produce
from streams.settings import Settings
from tests.integration.conftest import ROOT, WorkerProcess, ids_by_source, wait_enriched

pytestmark = pytest.mark.integration
ARTICLE = (ROOT / "tests" / "data" / "samples" / "quake-report.txt").read_text()


def trickle(
    settings: Settings, records: list[tuple[bytes, bytes]], every_s: float
) -> threading.Thread:
    """Send ``records`` one by one, ``every_s`` apart, from a thread started here."""

    async def send() -> None:
        for record in records:
            await produce(settings, [record])
            await asyncio.sleep(every_s)

    thread = threading.Thread(target=asyncio.run, args=(send(),), daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("stop", ["kill", "terminate"])
def test_a_killed_or_stopped_worker_loses_nothing(group_env, tmp_path, monkeypatch, capsys, stop):
    # kill: no clean shutdown, no final commit: what was acknowledged since the last
    # periodic commit is redone (at-least-once: some copies, same ids). terminate
    # (SIGTERM, as Kubernetes and docker stop do): the stopped worker lets its batches
    # in flight finish and commits them before it leaves, and the one that stays does
    # the same before the rebalance takes its partitions (streams.service.handover).
    # So 0 copies, exactly: a record is redone only if a wait runs out (20 s on stop,
    # 10 s on a rebalance, where a batch here takes well under a second; the worker
    # logs "left to redo") or a send failed, and neither is expected here.
    for name, value in group_env.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    workers = [WorkerProcess(group_env, tmp_path / f"worker-{n}.log") for n in (1, 2)]
    for w in workers:
        w.start()
    try:
        # Each input is a distinct article (its key seeds its id).
        inputs = [
            (f"doc-{n}".encode(), f"{ARTICLE}\nReport number {n}.".encode()) for n in range(24)
        ]
        asyncio.run(produce(settings, inputs[:12]))
        first = collect(
            settings, settings.topic_enriched, from_beginning=True, max_records=3, timeout_s=60
        )
        assert first, "no enriched article before the kill"
        # The rest arrive over the stop and the rebalance after it, so both workers are
        # acknowledging records when it comes: what either leaves uncommitted is redone.
        feeder = trickle(settings, inputs[12:], every_s=0.25)
        time.sleep(0.5)
        getattr(workers[0].proc, stop)()
        status = workers[0].proc.wait(timeout=60)
        feeder.join(timeout=60)
        records = wait_enriched(settings, {key.decode() for key, _ in inputs})
        by_source = ids_by_source(records)
        assert set(by_source) == {key.decode() for key, _ in inputs}
        # Redelivered work produces the same ids, so duplicates are recognisable.
        assert all(len(ids) == 1 for ids in by_source.values())
        letters = collect(settings, settings.topic_dlq, from_beginning=True, timeout_s=2)
        ids = [r["value"]["id"] for r in records]
        duplicates = len(ids) - len(set(ids))
        with capsys.disabled():
            print(
                f"\n[fault: worker {'SIGKILL' if stop == 'kill' else 'SIGTERM'}] "
                f"inputs={len(inputs)} enriched={len(by_source)} "
                f"duplicates={duplicates} dead_letters={len(letters)} exit={status}"
            )
        assert letters == []
        if stop == "terminate":
            assert status == 0, workers[0].log.read_text()[-4000:]
            assert duplicates == 0, "a SIGTERM left delivered records to redo"
    finally:
        for w in workers:
            w.stop()
