"""A worker with the model in a process of its own (``GEOWIRE_MODEL_PROCESS=true``, the
default): it enriches, dead-letters a bad event with its reason and original bytes, and
stops with a non-zero status when its model process dies. With ``false`` the model runs
in a thread of the worker's: no child, the same outputs."""

from __future__ import annotations

import asyncio
import base64
import re
import signal

import psutil
import pytest

from streams.service.client import collect, produce
from streams.settings import Settings
from tests.integration.conftest import ROOT, WorkerProcess, ids_by_source, wait_enriched

pytestmark = pytest.mark.integration
ARTICLE = (ROOT / "tests" / "data" / "samples" / "quake-report.txt").read_text()


def _start(group_env, tmp_path, monkeypatch, model_process: str) -> tuple[Settings, WorkerProcess]:
    env = {**group_env, "GEOWIRE_MODEL_PROCESS": model_process}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    worker = WorkerProcess(env, tmp_path / "worker.log")
    worker.start()
    assert worker.proc is not None
    return Settings(), worker


def _enriches_and_dead_letters(settings: Settings) -> None:
    """Three inputs are enriched; a bad article event is dead-lettered with its bytes."""
    inputs = [(f"doc-{n}".encode(), f"{ARTICLE}\nReport {n}.".encode()) for n in range(3)]
    asyncio.run(produce(settings, inputs))
    bad = b'{"id": "not an article"}'
    asyncio.run(produce(settings, [(b"bad", bad)], topic=settings.topic_articles))
    records = wait_enriched(settings, {key.decode() for key, _ in inputs})
    assert set(ids_by_source(records)) == {key.decode() for key, _ in inputs}
    [letter] = collect(settings, settings.topic_dlq, from_beginning=True, timeout_s=30)
    assert letter["value"]["error"]["code"] == "bad_event"
    assert letter["value"]["error"]["stage"] == "tag"
    assert base64.b64decode(letter["value"]["value"]) == bad


def test_a_worker_with_a_model_process_enriches_and_stops_when_the_process_dies(
    group_env, tmp_path, monkeypatch
):
    settings, worker = _start(group_env, tmp_path, monkeypatch, "true")
    try:
        assert worker.proc is not None
        [child] = [
            p
            for p in psutil.Process(worker.proc.pid).children()
            if "streams.service.model.process" in " ".join(p.cmdline())
        ]
        _enriches_and_dead_letters(settings)
        child.send_signal(signal.SIGKILL)  # the worker is idle now
        status = worker.wait_exit(timeout=90)
        assert status not in (None, 0), worker.log.read_text()[-3000:]
        assert "the model process ended" in worker.log.read_text()
    finally:
        worker.stop()


def test_a_worker_with_the_model_in_a_thread_enriches_without_a_child(
    group_env, tmp_path, monkeypatch
):
    settings, worker = _start(group_env, tmp_path, monkeypatch, "false")
    try:
        assert worker.proc is not None
        assert psutil.Process(worker.proc.pid).children() == []
        _enriches_and_dead_letters(settings)
        assert re.search(r"model and gazetteer loaded in \d", worker.log.read_text())
    finally:
        worker.stop()
