"""The Faust application: topics, the model thread and the three agents."""

from __future__ import annotations

import logging
import ssl
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import faust

from streams.service.agents.geocode import register_geocode
from streams.service.agents.split import register_split
from streams.service.agents.tag import register_tag
from streams.service.factory import Components
from streams.service.metrics import Metrics, add_web_pages
from streams.service.runtime import Runtime
from streams.settings import Settings

log = logging.getLogger("geowire.app")


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
