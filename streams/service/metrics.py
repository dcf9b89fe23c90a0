"""What a worker counts, and its ``/metrics`` (Prometheus) and ``/health`` web pages.

Faust's own sensor adds the stream metrics (messages in and out per topic, commit and
send latency, rebalances); the counters here are geowire's: records per stage, articles
and places out, dead letters by stage and code, and the time a batch takes.
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
        "ready": Gauge(
            "geowire_ready", "1 once the model and gazetteer are loaded", registry=registry
        ),
    }


@dataclass
class Metrics:
    """A worker's counters, on a registry of its own (so that apps in tests do not clash)."""

    registry: CollectorRegistry = field(default_factory=CollectorRegistry)
    ready: bool = False

    def __post_init__(self) -> None:
        self._c = _counters(self.registry)

    def took_in(self, stage: str, count: int = 1) -> None:
        """Count source records a stage took in."""
        self._c["records"].labels(stage).inc(count)

    def published(self, role: str, articles: int = 0, places: int = 0) -> None:
        """Count the events published to the topic of ``role``."""
        if articles:
            self._c["articles"].labels(role).inc(articles)
        if places:
            self._c["places"].inc(places)

    def dead_lettered(self, stage: str, code: str) -> None:
        """Count one dead letter."""
        self._c["dead_letters"].labels(stage, code).inc()

    def batch_took(self, stage: str, seconds: float) -> None:
        """Record how long one batch of ``stage`` took."""
        self._c["batch_seconds"].labels(stage).observe(seconds)

    def set_ready(self) -> None:
        """Mark the worker ready: its model and gazetteer are loaded."""
        self.ready = True
        self._c["ready"].set(1)

    def value(self, name: str, **labels: str) -> float:
        """The current value of a sample (for tests and checks), 0 when never set."""
        found = self.registry.get_sample_value(name, labels)
        return 0.0 if found is None else found


def add_web_pages(app: faust.App, metrics: Metrics) -> None:
    """Serve ``/metrics`` (Faust's and geowire's) and ``/health`` on the worker's web port.

    ``/health`` answers 503 until the model and gazetteer are loaded, so an orchestrator
    sends no traffic to (and does not count as up) a worker that is still starting.
    """
    registry = metrics.registry
    setup_prometheus_sensors(app, pattern="/metrics", registry=registry, name_prefix="faust")

    @app.page("/health")
    async def health(self: View, request: Request) -> Response:
        status = "ok" if metrics.ready else "starting"
        return self.json({"status": status}, status=200 if metrics.ready else 503)
