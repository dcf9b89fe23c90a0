"""Start a Faust worker: create missing topics, then run the agents until stopped."""

from __future__ import annotations

import asyncio
import logging

import faust

from streams.service.app import create_app
from streams.service.topics import ensure_topics
from streams.settings import Settings

log = logging.getLogger("geowire.worker")


def run_worker(settings: Settings) -> None:
    """Run a worker in the foreground; several workers share the consumer group."""
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s %(message)s"
    )
    # Topics are created before the agents subscribe, with geowire's partition count,
    # so that no consumer ever triggers a broker-side auto-create with other settings.
    asyncio.run(ensure_topics(settings))
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = create_app(settings)
    worker = faust.Worker(
        app,
        loglevel=settings.log_level.lower(),
        override_logging=False,
    )
    worker.execute_from_commandline()
