"""Hand partitions over without redoing delivered work: on a stop and on a rebalance.

The agents acknowledge a record once its outputs are on the broker (``agents.delivery``);
Faust commits acknowledged offsets every ``broker_commit_interval`` (2.8 s). Two paths of
Faust 0.15 lose acknowledgements between those commits, and the next owner of the
partitions redoes those records (same ids, a second copy of each output):

- **Rebalance.** ``Consumer.on_partitions_revoked`` drops the acknowledged offsets of the
  revoked partitions before anything commits them, and Faust's assignor revokes every
  partition of every member. A worker leaving with a SIGTERM starts a rebalance at once,
  while the workers that stay are busy: each redoes what it acknowledged since its last
  commit (all 29 redone copies of one measured run of ``test_recovery.py``).
- **Stop.** With ``stream_wait_empty`` off, the stop cancels the agents right after
  pausing the fetcher (and flushing the producer): a batch whose sends were out is
  delivered but never acknowledged.

``HandoverConsumer`` and ``HandoverApp`` close both: the intake is paused, the agents get
a bounded time to finish the batches they took (deliver, acknowledge), and what is
acknowledged is committed, before Faust drops it (rebalance) or leaves the group (stop).
What does not finish in time stays unacknowledged and is redone: at-least-once.

``HandoverConsumer.seek_to_committed`` also reads a partition that was never committed
from its start when Faust seeks back after dropping records fetched while the flow was
stopped; aiokafka alone leaves it past them, and they are lost.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping
from typing import Any

import faust
from faust.transport.drivers import aiokafka as kafka_driver
from faust.types import TP, AppT, ConsumerT

log = logging.getLogger("geowire.handover")
#: How long a rebalance waits for the agents' batches in flight. The whole group waits
#: for the slowest member to rejoin (Faust's rebalance timeout is 60 s); a batch takes a
#: few seconds on a slow machine, longer only when its sends are being retried.
REVOKE_GRACE_S = 10.0
#: How long a stop waits for them: within the 60 s a pod (``terminationGracePeriodSeconds``)
#: or a compose service (``stop_grace_period``) gets between SIGTERM and SIGKILL.
STOP_GRACE_S = 20.0


async def settle(consumer: ConsumerT, grace_s: float, why: str) -> None:
    """Wait up to ``grace_s`` for every record the agents took to be acknowledged; commit.

    Faust's ``wait_empty`` waits for the records the streams have taken and not yet
    acknowledged (a batch being processed, a take buffer) and commits as they are; it
    has no bound of its own, and a send retried while the broker is away could hold it
    for ever, hence the one here. The intake must be paused first.
    """
    started = time.monotonic()
    try:
        await asyncio.wait_for(consumer.wait_empty(), grace_s)
    except TimeoutError:
        log.warning("%s: records unacknowledged after %.0f s are left to redo", why, grace_s)
        await consumer.commit()
    took = time.monotonic() - started
    log.info("%s: in-flight batches settled and committed in %.2f s", why, took)


def pause_intake(app: AppT, consumer: ConsumerT) -> None:
    """Stop handing records to the agents, as Faust's own revoke path does next.

    No new batch starts; the records queued for the agents are dropped unacknowledged
    (fetched again by whoever owns the partition next). Faust resumes the flow once
    partitions are assigned again.
    """
    consumer.stop_flow()
    app.flow_control.suspend()
    consumer.pause_partitions(consumer.assignment())
    app.flow_control.clear()


class HandoverConsumer(kafka_driver.Consumer):
    """Faust's aiokafka consumer that commits what was delivered before a rebalance."""

    async def on_partitions_revoked(self, revoked: set[TP]) -> None:
        """Settle the batches in flight and commit, then let Faust drop the offsets.

        aiokafka calls this before the member rejoins, while its generation still may
        commit (the heartbeat keeps it alive meanwhile).
        """
        app = self.app
        try:
            if revoked and not app.should_stop:
                pause_intake(app, self)
                await settle(self, REVOKE_GRACE_S, "rebalance")
            elif revoked:  # the stop settles the batches; commit what it has so far
                await self.commit()
        finally:  # Faust's own revoke must run whatever happened above
            await super().on_partitions_revoked(revoked)

    async def seek_to_committed(self) -> Mapping[TP, int]:
        """Seek every assigned partition to its committed offset, or to its start if none.

        Faust drops the records a fetch returns while the flow is stopped (a fetch begun
        before a rebalance may return just after the new assignment) and seeks back to
        the committed offsets; aiokafka seeks only where one is above 0, so a partition
        never committed keeps its position past the dropped records, which nobody then
        processes (the likely cause of 2 inputs of 24 never enriched in one run of
        ``test_recovery.py``). Its start is where ``auto_offset_reset=earliest`` puts
        such a partition anyway.
        """
        committed = await super().seek_to_committed()
        never = [tp for tp, offset in committed.items() if not offset]
        if never:
            await self._thread.seek_to_beginning(*never)
        return committed


class HandoverApp(faust.App):
    """The worker's Faust app: its consumer and its stop hand partitions over."""

    def _new_consumer(self) -> ConsumerT:
        # As faust.App._new_consumer and Transport.create_consumer, with our class.
        transport = self.transport
        if not isinstance(transport, kafka_driver.Transport):
            return super()._new_consumer()
        return HandoverConsumer(
            transport,
            callback=self.topics.on_message,
            on_partitions_revoked=self._on_partitions_revoked,
            on_partitions_assigned=self._on_partitions_assigned,
            beacon=self.beacon,
            loop=transport.loop,
        )

    async def _consumer_wait_empty(self, consumer: ConsumerT, logger: Any) -> None:
        # Faust calls this on stop after pausing the intake and stopping the fetcher, and
        # before it cancels the agents and commits for the last time; on a rebalance,
        # HandoverConsumer has settled already, before the offsets were dropped.
        if self.should_stop and not _agent_crashed(self):
            await settle(consumer, STOP_GRACE_S, "stop")


def _agent_crashed(app: faust.App) -> bool:
    # A crashed agent never acknowledges its batch: waiting for it would only delay the
    # stop that the crash started (and its forced exit after 30 s). The runtime records
    # the crash before the agent's error reaches Faust.
    runtime = getattr(app, "geowire", None)
    return runtime is not None and runtime.metrics.crashed is not None
