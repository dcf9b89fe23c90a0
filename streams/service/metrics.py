"""What a worker counts and how it is: ``/metrics`` (Prometheus), ``/health``, ``/ready``.

Faust's own sensor adds the stream metrics (messages in and out per topic, commit and
send latency, rebalances); the counters here are geowire's: records per stage, articles
and places out, dead letters by stage and code, delivery retries, and the time a batch
takes.

``/health`` is liveness: 200 while the worker works, 503 once an agent has crashed (the
worker then stops). ``/ready`` is 200 once the worker consumes (model and gazetteer
loaded, partitions assigned) and while its sends get through; 503 while it starts, while
it retries sends to a broker that is away, and after a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import faust
from faust.sensors.prometheus import setup_prometheus_sensors
from faust.web import Request, Response, View
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

# Spans a one-record geocode (milliseconds) to a full batch of long dumps on spaCy.
_BATCH_BUCKETS = (0.005, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


def _counters(registry: CollectorRegistry) -> dict[str, Any]:
    return {
        "records": Counter(
            "geowire_records_total", "Source records a stage took in", ["stage"], registry=registry
        ),
        "articles": Counter(
            "geowire_articles_total",
            "Article events published, by topic role (articles, tagged, enriched)",
            ["role"],
            registry=registry,
        ),
        "places": Counter("geowire_places_total", "Place events published", registry=registry),
        "dead_letters": Counter(
            "geowire_dead_letters_total",
            "Records sent to the dead-letter topic",
            ["stage", "code"],
            registry=registry,
        ),
        "batch_seconds": Histogram(
            "geowire_batch_seconds",
            "Time a stage took over one batch in the model thread",
            ["stage"],
            buckets=_BATCH_BUCKETS,
            registry=registry,
        ),
        "retries": Counter(
            "geowire_delivery_retries_total",
            "Sends retried after a retriable error (broker away, leader moving)",
            ["topic"],
            registry=registry,
        ),
        "ready": Gauge(
            "geowire_ready", "1 while the worker consumes (what /ready says)", registry=registry
        ),
    }


@dataclass
class Metrics:
    """A worker's counters and state, on a registry of its own (apps in tests do not clash)."""

    registry: CollectorRegistry = field(default_factory=CollectorRegistry)
    loaded: bool = False
    consuming: bool = False
    crashed: str | None = None
    #: topics whose sends are being retried, with the last error
    stalled: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._c = _counters(self.registry)

    def took_in(self, stage: str, count: int = 1) -> None:
        """Count source records a stage took in."""
        self._c["records"].labels(stage).inc(count)

    def published(self, role: str, count: int) -> None:
        """Count ``count`` events delivered to the topic of ``role``."""
        if role == "places":
            self._c["places"].inc(count)
        else:
            self._c["articles"].labels(role).inc(count)

    def dead_lettered(self, stage: str, code: str) -> None:
        """Count one dead letter."""
        self._c["dead_letters"].labels(stage, code).inc()

    def batch_took(self, stage: str, seconds: float) -> None:
        """Record how long one batch of ``stage`` took."""
        self._c["batch_seconds"].labels(stage).observe(seconds)

    def retrying(self, topic: str, error: BaseException) -> None:
        """A send to ``topic`` failed with a retriable error and will be tried again."""
        self._c["retries"].labels(topic).inc()
        self.stalled[topic] = f"{type(error).__name__}: {error}"
        self._update()

    def delivered(self, topic: str) -> None:
        """A send to ``topic`` got through (ends a stall)."""
        if self.stalled.pop(topic, None) is not None:
            self._update()

    def set_loaded(self) -> None:
        """The model and gazetteer are loaded."""
        self.loaded = True
        self._update()

    def set_consuming(self) -> None:
        """The worker has its partitions (possibly none, with more workers than partitions)."""
        self.consuming = True
        self._update()

    def set_crashed(self, agent: str, error: BaseException) -> None:
        """An agent crashed: the worker is no longer alive."""
        self.crashed = f"{agent}: {type(error).__name__}: {error}"
        self._update()

    def health(self) -> tuple[int, dict[str, str]]:
        """The ``/health`` answer: status code and body."""
        if self.crashed:
            return 503, {"status": "crashed", "error": self.crashed}
        return 200, {"status": "ok"}

    def readiness(self) -> tuple[int, dict[str, str]]:
        """The ``/ready`` answer: status code and body."""
        if self.crashed:
            return 503, {"status": "crashed", "error": self.crashed}
        if not (self.loaded and self.consuming):
            return 503, {"status": "starting"}
        if self.stalled:
            topic, error = next(iter(self.stalled.items()))
            return 503, {"status": "retrying", "topic": topic, "error": error}
        return 200, {"status": "ready"}

    def value(self, name: str, **labels: str) -> float:
        """The current value of a sample (for tests and checks), 0 when never set."""
        found = self.registry.get_sample_value(name, labels)
        return 0.0 if found is None else found

    def _update(self) -> None:
        self._c["ready"].set(1 if self.readiness()[0] == 200 else 0)


def add_web_pages(app: faust.App, metrics: Metrics) -> None:
    """Serve ``/metrics`` (Faust's and geowire's), ``/health`` and ``/ready``."""
    registry = metrics.registry
    setup_prometheus_sensors(app, pattern="/metrics", registry=registry, name_prefix="faust")

    @app.page("/health")
    async def health(self: View, request: Request) -> Response:
        status, body = metrics.health()
        return self.json(body, status=status)

    @app.page("/ready")
    async def ready(self: View, request: Request) -> Response:
        status, body = metrics.readiness()
        return self.json(body, status=status)
