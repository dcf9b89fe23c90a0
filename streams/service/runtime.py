"""What the agents share at run time: settings, topics, components and the model thread."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import faust

from streams.service.factory import Components
from streams.service.metrics import Metrics
from streams.service.model.stages import Model, Outcome, Stage
from streams.service.topics import topic_exists
from streams.settings import Settings

log = logging.getLogger("geowire.app")


@dataclass
class Runtime:
    """What the agents share: settings, topics, components and the model thread."""

    settings: Settings
    topics: dict[str, faust.TopicT]
    components: Components
    # One thread for model work: spaCy and the gazetteer are loaded once and
    # called from this thread only, keeping the event loop free. With the model in a
    # process of its own, this thread hands the batches over and waits for them.
    executor: ThreadPoolExecutor
    metrics: Metrics
    # Runs the tag and geocode stages on record values (streams.service.model.stages).
    model: Model
    # Seconds a crashed worker has to stop before it exits by force (None: never, as in
    # tests). Faust's shutdown sometimes hangs after a crash (in the consumer thread,
    # after the group is left); the acked offsets are committed by then.
    exit_after_crash_s: float | None = None

    @contextlib.asynccontextmanager
    async def crash_guard(self, agent: str) -> AsyncIterator[None]:
        """Around an agent's loop: an error escaping it marks the worker crashed.

        Per-record errors never get here (they are dead-lettered); what does is a send
        the broker refused for good, or a bug. Faust's crashing supervisor then stops
        the worker, which exits with a non-zero status.
        """
        try:
            yield
        except Exception as exc:
            log.error("agent %s crashed, the worker stops: %s", agent, exc)
            self.metrics.set_crashed(agent, exc)
            if self.exit_after_crash_s is not None:
                timer = threading.Timer(self.exit_after_crash_s, _exit_hard, args=(agent,))
                timer.daemon = True  # a worker that stops in time exits at once
                timer.start()
            raise

    async def topic_missing(self, name: str) -> bool:
        """True if the broker answers and has no topic ``name`` (deleted under us)."""
        return await topic_exists(self.settings, name) is False

    async def offload(self, fn: Any, *args: Any) -> Any:
        """Run a blocking call in the model thread."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)

    def batch(self, stage: Stage, values: Sequence[bytes | None]) -> list[Outcome]:
        """Run a model stage over a batch of record values (blocking: offload it).

        Returns:
            One outcome per value: its encoded output records, or why it failed.
        """
        outcomes, seconds = self.model.run(stage, values)
        self.metrics.batch_took(stage, seconds)
        return outcomes


def _exit_hard(agent: str) -> None:
    log.critical("the worker did not stop after agent %s crashed: exiting now", agent)
    logging.shutdown()
    os._exit(1)
