"""What the agents share at run time: settings, topics, components and the model thread."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import faust

from streams.service.factory import Components
from streams.service.metrics import Metrics
from streams.service.topics import topic_exists
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


def _exit_hard(agent: str) -> None:
    log.critical("the worker did not stop after agent %s crashed: exiting now", agent)
    logging.shutdown()
    os._exit(1)
