"""What /health and /ready answer as a worker starts, consumes, retries and crashes."""

from __future__ import annotations

from streams.service.metrics import Metrics


def test_ready_once_loaded_and_consuming_and_not_while_sends_are_retried() -> None:
    m = Metrics()
    assert m.health() == (200, {"status": "ok"})
    assert m.readiness() == (503, {"status": "starting"})
    m.set_loaded()
    assert m.readiness()[0] == 503  # loaded, not yet given partitions
    m.set_consuming()
    assert m.readiness() == (200, {"status": "ready"})
    assert m.value("geowire_ready") == 1
    m.retrying("geowire.enriched", TimeoutError("broker away"))
    status, body = m.readiness()
    assert (status, body["status"], body["topic"]) == (503, "retrying", "geowire.enriched")
    assert m.health()[0] == 200  # alive: waiting for the broker is not a reason to restart
    assert m.value("geowire_ready") == 0
    m.delivered("geowire.enriched")
    assert m.readiness() == (200, {"status": "ready"})


def test_a_crashed_agent_makes_the_worker_neither_alive_nor_ready() -> None:
    m = Metrics()
    m.set_loaded()
    m.set_consuming()
    m.set_crashed("geocode_articles", RuntimeError("refused"))
    assert m.health() == (
        503,
        {"status": "crashed", "error": "geocode_articles: RuntimeError: refused"},
    )
    assert m.readiness()[0] == 503
    assert m.value("geowire_ready") == 0
