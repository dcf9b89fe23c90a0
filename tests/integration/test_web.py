"""A running worker's /health and /metrics pages (real worker, real broker)."""

from __future__ import annotations

import asyncio
import time
import urllib.error
import urllib.request

import orjson
import pytest

from streams.service.client import produce

pytestmark = pytest.mark.integration


def _get(worker, path: str) -> tuple[int, bytes]:
    url = f"http://127.0.0.1:{worker.env['GEOWIRE_WEB_PORT']}{path}"
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _sample(text: str, name: str, **labels: str) -> float:
    want = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        series, _, value = line.rpartition(" ")
        if series.startswith(name + "{") or series == name:
            got = series[len(name) + 1 : -1] if "{" in series else ""
            if ",".join(sorted(got.split(","))) == want:
                return float(value)
    return 0.0


def test_a_consuming_worker_is_alive_and_ready(worker) -> None:
    status, body = _get(worker, "/health")
    assert (status, orjson.loads(body)) == (200, {"status": "ok"})
    status, body = _get(worker, "/ready")
    assert (status, orjson.loads(body)) == (200, {"status": "ready"})


def test_metrics_count_what_the_worker_dead_letters(worker, it_settings) -> None:
    def dead(text: str) -> float:
        return _sample(text, "geowire_dead_letters_total", stage="decode", code="bad_json")

    before = dead(_get(worker, "/metrics")[1].decode())
    asyncio.run(produce(it_settings, [(b"web-bad", b'{"text": "unfinished')]))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status, body = _get(worker, "/metrics")
        text = body.decode()
        if dead(text) > before:
            break
        time.sleep(0.5)
    assert status == 200
    assert dead(text) == before + 1
    assert _sample(text, "geowire_ready") == 1
    assert "faust_messages_received" in text  # Faust's own stream metrics ride along
