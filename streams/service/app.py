"""The Faust application: topics, the model thread and the three agents."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import faust
import mode

from streams.service.agents.geocode import register_geocode
from streams.service.agents.split import register_split
from streams.service.agents.tag import register_tag
from streams.service.factory import Components
from streams.service.handover import HandoverApp
from streams.service.host import DATA_ROOT
from streams.service.kafka import faust_credentials
from streams.service.metrics import Metrics, add_web_pages
from streams.service.model.process import ModelProcess, ModelProcessDied
from streams.service.model.stages import LocalModel, Model
from streams.service.runtime import Runtime
from streams.service.topics import letter_bytes
from streams.settings import Settings

log = logging.getLogger("geowire.app")


def _faust_app(settings: Settings) -> faust.App:
    """The Faust app: raw bytes in and out (agents decode), at-least-once, acks from all.

    The agents acknowledge a record themselves once its outputs are delivered
    (``agents.delivery``), so:

    - ``stream_wait_empty`` is off: on stop and on rebalance Faust would otherwise wait,
      for ever, for records whose sends failed. ``HandoverApp`` waits for them instead, a
      bounded time and before Faust drops or stops committing their offsets
      (``handover``); what is still unacknowledged then is redone.
    - ``agent_supervisor`` crashes the worker when an agent crashes, instead of restarting
      the agent past the records it left unacknowledged.
    - ``producer_request_timeout`` is how long a send waits for the broker before the
      agent retries it.
    """
    brokers = ";".join(
        f"kafka://{server.strip()}" for server in settings.kafka_bootstrap.split(",")
    )
    return HandoverApp(
        settings.app_id,
        broker=brokers,
        broker_credentials=faust_credentials(settings),
        key_serializer="raw",
        value_serializer="raw",
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        # the dead letter of the largest record is the largest thing sent; each topic's
        # max.message.bytes still bounds what it takes
        producer_max_request_size=letter_bytes(settings),
        producer_request_timeout=settings.kafka_delivery_timeout_s,
        broker_session_timeout=settings.kafka_session_timeout_s,
        broker_heartbeat_interval=min(3.0, settings.kafka_session_timeout_s / 3),
        processing_guarantee="at_least_once",
        stream_wait_empty=False,
        agent_supervisor=mode.CrashingSupervisor,
        web_port=settings.web_port,
        datadir=str(settings.data_dir or DATA_ROOT),
        store="memory://",
    )


def create_app(
    settings: Settings,
    components: Components | None = None,
    *,
    executor: ThreadPoolExecutor | None = None,
    model: Model | None = None,
) -> faust.App:
    """Build the worker app with its agents registered.

    Args:
        settings: validated settings.
        components: the pipeline parts; tests pass fakes, by default the real ones.
        executor: the model thread (the one that loaded the components), else a new one.
        model: runs the tag and geocode stages (a started ``ModelProcess``), else the
            components' pipeline in the model thread.
    """
    app = _faust_app(settings)
    topics = {
        role: app.topic(name, key_type=bytes, value_type=bytes)
        for role, name in settings.topics.items()
    }
    parts = components or Components(settings)
    runtime = Runtime(
        settings=settings,
        topics=topics,
        components=parts,
        executor=executor or ThreadPoolExecutor(max_workers=1, thread_name_prefix="geowire-model"),
        metrics=Metrics(),
        model=model or LocalModel(lambda: parts.pipeline),
    )
    add_web_pages(app, runtime.metrics)

    @app.on_partitions_assigned.connect
    async def consuming(sender: Any, *args: Any, **kwargs: Any) -> None:
        if not runtime.metrics.consuming:
            log.info("consuming: partitions assigned")
        runtime.metrics.set_consuming()

    app.geowire = runtime  # type: ignore[attr-defined]
    register_split(app, runtime)
    register_tag(app, runtime)
    register_geocode(app, runtime)
    if isinstance(runtime.model, ModelProcess):
        _watch(app, runtime, runtime.model)
    return app


def _watch(app: faust.App, runtime: Runtime, model: ModelProcess) -> None:
    """Crash the worker when the model process ends while it runs, even between batches.

    A batch waiting for the process fails on its own (``ModelProcessDied``); this catches
    a death while the stream is quiet, so that /health and the exit status show it.
    """

    @app.task
    async def watch_model_process() -> None:
        loop = asyncio.get_running_loop()
        died: asyncio.Future[ModelProcessDied] = loop.create_future()
        model.on_death(lambda error: loop.call_soon_threadsafe(died.set_result, error))
        try:
            # as an agent's crash: /health says so, a worker that does not stop is ended
            async with runtime.crash_guard("model process"):
                raise await died
        except ModelProcessDied as error:
            await app.crash(error)  # an app task's own exception would go unnoticed
