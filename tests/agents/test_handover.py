"""A rebalance and a stop commit what the agents delivered before Faust lets it go.

The consumer's Kafka side is stubbed: these check the order of the steps (pause the
intake, let the batches in flight finish, commit, then Faust's own revoke or stop) and
the bounds. ``tests/integration/test_recovery.py`` checks the outcome on a real broker.
"""

from __future__ import annotations

import asyncio
import inspect

import faust
import pytest
from faust.transport import consumer as faust_consumer
from faust.types import TP

from streams.service import handover
from streams.service.app import create_app
from streams.settings import Settings
from tests.agents.conftest import FakeComponents

TP0 = TP("geowire.raw", 0)


@pytest.fixture()
def app(tmp_path):
    return create_app(Settings(data_dir=tmp_path), components=FakeComponents())


@pytest.fixture()
def steps(app, monkeypatch):
    """The consumer's steps, in the order they were taken."""
    taken: list[str] = []
    consumer = app.consumer

    async def wait_empty() -> None:
        taken.append("wait for the batches")

    async def commit(*args, **kwargs) -> bool:
        taken.append("commit")
        return True

    async def faust_revoke(self, revoked) -> None:
        taken.append("faust drops the acknowledged offsets")

    monkeypatch.setattr(consumer, "assignment", lambda: {TP0})
    monkeypatch.setattr(consumer, "stop_flow", lambda: taken.append("stop the flow"))
    monkeypatch.setattr(consumer, "pause_partitions", lambda tps: taken.append("pause"))
    monkeypatch.setattr(consumer, "wait_empty", wait_empty)
    monkeypatch.setattr(consumer, "commit", commit)
    monkeypatch.setattr(faust_consumer.Consumer, "on_partitions_revoked", faust_revoke)
    return taken


def test_the_worker_app_and_consumer_hand_over(app):
    assert isinstance(app, handover.HandoverApp)
    assert isinstance(app.consumer, handover.HandoverConsumer)
    # the Faust hooks this relies on (a Faust upgrade that renames them fails here)
    assert "_consumer_wait_empty" in inspect.getsource(faust.App._stop_consumer)
    assert "_acked.pop" in inspect.getsource(faust_consumer.Consumer.on_partitions_revoked)


async def test_a_rebalance_settles_and_commits_before_faust_drops_the_offsets(app, steps):
    await app.consumer.on_partitions_revoked({TP0})
    # wait_empty commits as the batches are acknowledged (stubbed here)
    assert steps == [
        "stop the flow",
        "pause",
        "wait for the batches",
        "faust drops the acknowledged offsets",
    ]
    assert not app.flow_control.is_active()


async def test_a_rebalance_waits_for_its_batches_only_so_long(app, steps, monkeypatch):
    async def never_empty() -> None:
        await asyncio.Event().wait()

    monkeypatch.setattr(app.consumer, "wait_empty", never_empty)
    monkeypatch.setattr(handover, "REVOKE_GRACE_S", 0.05)
    await asyncio.wait_for(app.consumer.on_partitions_revoked({TP0}), 5)
    # what was acknowledged in time is committed; the rest is redone by the next owner
    assert steps[-2:] == ["commit", "faust drops the acknowledged offsets"]


async def test_nothing_to_settle_when_nothing_is_revoked(app, steps):
    await app.consumer.on_partitions_revoked(set())  # the first join
    assert steps == ["faust drops the acknowledged offsets"]


async def test_a_rebalance_during_a_stop_commits_what_the_stop_has_settled(app, steps):
    app._stopped.set()
    await app.consumer.on_partitions_revoked({TP0})
    assert steps == ["commit", "faust drops the acknowledged offsets"]


async def test_a_stop_settles_the_batches_before_the_agents_are_cancelled(app, steps):
    await app._consumer_wait_empty(app.consumer, None)  # a rebalance: settled already
    assert steps == []
    app._stopped.set()
    await app._consumer_wait_empty(app.consumer, None)
    assert steps == ["wait for the batches"]


async def test_a_stop_after_an_agent_crashed_does_not_wait_for_its_batch(app, steps):
    app._stopped.set()
    app.geowire.metrics.set_crashed("tag_articles", RuntimeError("boom"))
    await app._consumer_wait_empty(app.consumer, None)
    assert steps == []


async def test_faust_revokes_even_when_the_settling_failed(app, steps, monkeypatch):
    async def failing() -> None:
        raise RuntimeError("commit refused")

    monkeypatch.setattr(app.consumer, "wait_empty", failing)
    with pytest.raises(RuntimeError):
        await app.consumer.on_partitions_revoked({TP0})
    assert steps[-1] == "faust drops the acknowledged offsets"


async def test_a_partition_never_committed_is_read_again_from_its_start(app, monkeypatch):
    # aiokafka seeks only where a committed offset is above 0: records Faust dropped
    # while the flow was stopped would be passed over in a partition never committed
    tp1, tp2 = TP("geowire.articles", 1), TP("geowire.articles", 2)
    thread = app.consumer._thread
    rewound: list[TP] = []

    async def seek_to_committed():
        return {TP0: 5, tp1: None, tp2: 0}

    async def seek_to_beginning(*tps):
        rewound.extend(tps)

    monkeypatch.setattr(thread, "seek_to_committed", seek_to_committed)
    monkeypatch.setattr(thread, "seek_to_beginning", seek_to_beginning)
    assert await app.consumer.seek_to_committed() == {TP0: 5, tp1: None, tp2: 0}
    assert rewound == [tp1, tp2]
