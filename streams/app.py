"""The Faust application: topics, the model thread and the three agents."""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import faust

from streams.agents.geocode import register_geocode
from streams.agents.split import register_split
from streams.agents.tag import register_tag
from streams.enrich.factory import Components
from streams.metrics import Metrics, add_web_pages
from streams.settings import Settings

E = TypeVar("E")
log = logging.getLogger("geowire.app")


@dataclass
class Runtime:
    """What the agents share: settings, topics, components and the model thread."""

    settings: Settings
    topics: dict[str, faust.TopicT]
    components: Components
    # One thread for model work: spaCy and the gazetteer are loaded once and
    # called from this thread only, keeping the event loop free.
    executor: ThreadPoolExecutor
    metrics: Metrics

    async def offload(self, fn: Any, *args: Any) -> Any:
        """Run a blocking call in the model thread."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)

    def batch(self, stage: str, items: list[tuple[E, Any]]) -> list[tuple[E, Any]]:
        """Run a pipeline stage over a batch in one call (blocking: offload it).

        When the batch call fails, each record is retried alone so that one bad
        record is dead-lettered without taking its neighbours with it.

        Returns:
            ``(event, result)`` pairs, where a result may be the exception raised.
        """
        pipeline = self.components.pipeline
        run = pipeline.tag if stage == "tag" else lambda xs: [pipeline.geocode(x) for x in xs]
        events = [event for event, _ in items]
        started = time.perf_counter()
        try:
            results = run([x for _, x in items])
            self.metrics.batch_took(stage, time.perf_counter() - started)
            return list(zip(events, results, strict=True))
        except Exception:  # isolate the culprit below
            log.warning("batch of %d failed at %s; retrying one by one", len(items), stage)
        out: list[tuple[E, Any]] = []
        for event, item in items:
            try:
                out.append((event, run([item])[0]))
            except Exception as exc:
                out.append((event, exc))
        return out


def _credentials(settings: Settings) -> Any:
    protocol = settings.kafka_security_protocol
    if protocol.startswith("SASL"):
        assert settings.kafka_password is not None  # checked by Settings
        return faust.SASLCredentials(
            username=settings.kafka_username,
            password=settings.kafka_password.get_secret_value(),
            mechanism=settings.kafka_sasl_mechanism,
            ssl_context=ssl.create_default_context() if protocol == "SASL_SSL" else None,
        )
    if protocol == "SSL":
        return faust.SSLCredentials(ssl.create_default_context())
    return None


def _faust_app(settings: Settings) -> faust.App:
    """The Faust app: raw bytes in and out (agents decode), at-least-once, acks from all."""
    return faust.App(
        settings.app_id,
        broker=f"kafka://{settings.kafka_bootstrap}",
        broker_credentials=_credentials(settings),
        key_serializer="raw",
        value_serializer="raw",
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        producer_max_request_size=settings.max_event_bytes,
        broker_session_timeout=settings.kafka_session_timeout_s,
        broker_heartbeat_interval=min(3.0, settings.kafka_session_timeout_s / 3),
        processing_guarantee="at_least_once",
        web_port=settings.web_port,
        datadir=str(settings.data_dir),
        store="memory://",
    )


def create_app(settings: Settings, components: Components | None = None) -> faust.App:
    """Build the worker app with its agents registered.

    Args:
        settings: validated settings.
        components: the pipeline parts; tests pass fakes, by default the real ones.
    """
    app = _faust_app(settings)
    topics = {
        role: app.topic(name, key_type=bytes, value_type=bytes)
        for role, name in settings.topics.items()
    }
    runtime = Runtime(
        settings=settings,
        topics=topics,
        components=components or Components(settings),
        executor=ThreadPoolExecutor(max_workers=1, thread_name_prefix="geowire-model"),
        metrics=Metrics(),
    )
    add_web_pages(app, runtime.metrics)

    @app.task
    async def load_models() -> None:
        # Load in the model thread at start so the first batch does not wait.
        started = time.monotonic()
        await runtime.offload(lambda: runtime.components.pipeline)
        runtime.metrics.set_ready()
        log.info("load_models done in %.1fs", time.monotonic() - started)

    app.geowire = runtime  # type: ignore[attr-defined]
    register_split(app, runtime)
    register_tag(app, runtime)
    register_geocode(app, runtime)
    return app
