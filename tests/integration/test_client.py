"""The command-line client's reader against the real broker."""

from __future__ import annotations

import asyncio
import time

import pytest

from streams.service.client import collect, produce

pytestmark = pytest.mark.integration


def test_tail_since_a_moment_reads_only_what_came_after_it(it_run, it_settings) -> None:
    # `make run` reads the enriched topic from the moment it sent the samples, so
    # events of earlier runs kept on the topic are not shown again
    topic = f"it-{it_run}.since"
    asyncio.run(produce(it_settings, [(b"a", b'"old 1"'), (b"b", b'"old 2"')], topic=topic))
    time.sleep(0.05)
    since = int(time.time() * 1000)
    asyncio.run(produce(it_settings, [(b"a", b'"new 1"'), (b"b", b'"new 2"')], topic=topic))
    new = collect(it_settings, topic, since_ms=since, timeout_s=3)
    assert sorted(r["value"] for r in new) == ["new 1", "new 2"]
    everything = collect(it_settings, topic, from_beginning=True, timeout_s=3)
    assert len(everything) == 4
    later = int(time.time() * 1000) + 60_000
    assert collect(it_settings, topic, since_ms=later, timeout_s=2) == []
