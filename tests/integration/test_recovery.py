"""Two workers share the load; when one dies or is stopped mid-stream the other finishes
its work, and nothing is lost."""

from __future__ import annotations

import asyncio

import pytest

from streams.service.client import collect, produce
from streams.settings import Settings
from tests.integration.conftest import ROOT, WorkerProcess, ids_by_source, wait_enriched

pytestmark = pytest.mark.integration
ARTICLE = (ROOT / "tests" / "data" / "samples" / "quake-report.txt").read_text()


@pytest.mark.parametrize("stop", ["kill", "terminate"])
def test_a_killed_or_stopped_worker_loses_nothing(group_env, tmp_path, monkeypatch, capsys, stop):
    # kill: no clean shutdown, no final commit; terminate (SIGTERM, as Kubernetes and
    # docker stop do): Faust's shutdown path, which must not commit unfinished records
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
        getattr(workers[0].proc, stop)()
        workers[0].proc.wait(timeout=60)
        asyncio.run(produce(settings, inputs[12:]))
        records = wait_enriched(settings, {key.decode() for key, _ in inputs})
        by_source = ids_by_source(records)
        assert set(by_source) == {key.decode() for key, _ in inputs}
        # Redelivered work produces the same ids, so duplicates are recognisable.
        assert all(len(ids) == 1 for ids in by_source.values())
        letters = collect(settings, settings.topic_dlq, from_beginning=True, timeout_s=2)
        ids = [r["value"]["id"] for r in records]
        with capsys.disabled():
            print(
                f"\n[fault: worker {'SIGKILL' if stop == 'kill' else 'SIGTERM'}] "
                f"inputs={len(inputs)} enriched={len(by_source)} "
                f"duplicates={len(ids) - len(set(ids))} dead_letters={len(letters)}"
            )
        assert letters == []
    finally:
        for w in workers:
            w.stop()
