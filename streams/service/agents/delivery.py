"""What the agents share: sends confirmed per batch, acks after delivery, dead letters.

At-least-once that survives failed sends. The agents read with
``stream.noack().noack_take(...)``, so Faust acknowledges nothing by itself: its
``take_events`` acks a batch in a ``finally``, even when the agent raised, and
``noack_take`` alone puts the stream's acks back on when it ends, so that a crashed agent's
stream would ack what it still reads while the worker stops; a ``noack()`` stream has them
off for good. An ``Outbox`` starts the sends of a batch as the agent makes
them, waits for the broker's confirmation of all of them together, and acknowledges
each source record, in order, once everything made from it (its events, or its dead
letter) is on the broker. So a committed offset never passes an undelivered record.

- Retriable errors (broker away, leader moving, timeouts) are retried with backoff, for
  as long as it takes; ``/ready`` reports it meanwhile.
- An event too large for its topic dead-letters its source record (``too_large``).
- Anything else (not authorised, the output topic deleted, ...) raises
  ``DeliveryError``: the agent crashes, the worker stops without acknowledging that
  record or any after it, and the next worker redoes them.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import faust
from aiokafka.errors import (
    KafkaConnectionError,
    KafkaTimeoutError,
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    RecordTooLargeError,
)
from faust.exceptions import ProducerSendError
from faust.types import EventT

from streams.core.errors import DeliveryError, GeowireError
from streams.service.codec import Reason
from streams.service.letters import Failed, Headers, letter_record
from streams.service.model.stages import Outputs, Stage

if TYPE_CHECKING:
    from streams.service.runtime import Runtime

log = logging.getLogger("geowire.agents")
#: Record header by which a producer says how to split an input ("never": keep it whole).
SPLIT_HEADER = "geowire-split"
_TOO_LARGE = (MessageSizeTooLargeError, RecordTooLargeError, RecordListTooLargeError)
_BACKOFF_S = (1.0, 30.0)  # first wait, longest wait; doubled between attempts


def split_allowed(headers: Any) -> bool:
    """False if the record's headers say ``geowire-split: never``.

    Faust gives headers as a list of ``(key, bytes)`` pairs or as a mapping.
    """
    pairs = headers.items() if isinstance(headers, Mapping) else (headers or ())
    for key, value in pairs:
        name = key.decode() if isinstance(key, bytes) else str(key)
        if name.lower() == SPLIT_HEADER:
            text = value.decode(errors="replace") if isinstance(value, bytes) else str(value)
            return text.strip().lower() != "never"
    return True


def cause(exc: BaseException) -> BaseException:
    """The Kafka error behind ``exc`` (Faust wraps what aiokafka's ``send`` raises)."""
    while isinstance(exc, ProducerSendError) and exc.__cause__ is not None:
        exc = exc.__cause__
    return exc


def too_large(exc: BaseException) -> bool:
    """Whether a send failed because the record is over a size limit."""
    return isinstance(cause(exc), _TOO_LARGE)


def retriable(exc: BaseException) -> bool:
    """Whether a send may succeed if tried again (broker away, leader moving, timeout)."""
    found = cause(exc)
    transient = (KafkaTimeoutError, KafkaConnectionError, asyncio.TimeoutError)
    return isinstance(found, transient) or bool(getattr(found, "retriable", False))


@dataclass
class Send:
    """One record on its way to a topic."""

    topic: faust.TopicT
    key: bytes | None
    value: bytes
    headers: Headers | None = None
    role: str = "dlq"
    #: called once the broker has the record (counts it)
    done: Callable[[], None] | None = None
    pending: Any = None
    error: BaseException | None = None

    async def start(self) -> None:
        """Hand the record to the producer (it batches); failures are kept for ``outcome``."""
        try:
            self.pending, self.error = (
                await self.topic.send(
                    key=self.key, value=self.value, headers=self.headers, force=True
                ),
                None,
            )
        except Exception as exc:
            self.pending, self.error = None, exc

    async def outcome(self) -> BaseException | None:
        """Wait for the broker's answer: None once it has the record, else the error."""
        if self.error is None and self.pending is not None:
            try:
                await self.pending
            except Exception as exc:
                self.error = exc
            self.pending = None
        return self.error


@dataclass
class Outbox:
    """The sends a batch of source events made, confirmed together, then acknowledged."""

    rt: Runtime
    stream: faust.StreamT
    sends: dict[int, list[Send]] = field(default_factory=dict)
    lettered: set[int] = field(default_factory=set)

    async def publish(
        self, event: EventT, role: str, records: Iterable[tuple[bytes, bytes]]
    ) -> None:
        """Start sending the encoded ``(key, value)`` records made from ``event`` to the
        topic of ``role``."""
        records = list(records)
        count = functools.partial(self.rt.metrics.published, role, len(records))
        for n, (key, value) in enumerate(records):
            # the event's records are counted once, when the first is delivered
            send = Send(self.rt.topics[role], key, value, role=role)
            send.done = count if n == 0 else None
            await self._start(event, send)

    async def dead_letter(
        self, event: EventT, error: BaseException | Reason, *, stage: str
    ) -> None:
        """Log a failed record and start sending it, with its original bytes, to the DLQ."""
        await self._start(event, self._letter(event, error, stage))

    async def confirm(self, events: Sequence[EventT]) -> None:
        """Wait until everything sent for ``events`` is delivered; acknowledge them in order.

        Raises:
            DeliveryError: a send failed for good; the record and those after it stay
                unacknowledged.
        """
        for event in events:
            for send in self.sends.pop(id(event), []):
                await self._deliver(event, send)
            await self.stream.ack(event)

    def _letter(self, event: EventT, error: BaseException, stage: str) -> Send:
        failed = Failed.of(event.message)
        record = letter_record(error, failed, stage=stage, group=self.rt.settings.app_id)
        where, code = record.letter.error.stage, record.letter.error.code
        log.warning(
            "dead-lettering %s (%s/%s): %s",
            failed.origin,
            where,
            code,
            record.letter.error.message,
            # a Reason's traceback was logged where it was raised (the model's side)
            exc_info=code == "internal" and isinstance(error, BaseException),
        )
        self.lettered.add(id(event))
        done = functools.partial(self.rt.metrics.dead_lettered, where, code)
        return Send(self.rt.topics["dlq"], record.key, record.value, record.headers, done=done)

    async def _start(self, event: EventT, send: Send) -> None:
        await send.start()
        self.sends.setdefault(id(event), []).append(send)

    async def _deliver(self, event: EventT, send: Send) -> None:
        delay = _BACKOFF_S[0]
        while (error := await send.outcome()) is not None:
            name = send.topic.get_topic_name()
            if too_large(error) and send.role != "dlq":
                await self._too_large(event, name, error)
                return
            if not retriable(error) or await self.rt.topic_missing(name):
                found = cause(error)
                message = f"cannot deliver to {name}: {type(found).__name__}: {found}"
                raise DeliveryError(message) from error
            log.warning("sending to %s failed (%r); retrying in %.0f s", name, cause(error), delay)
            self.rt.metrics.retrying(name, error)
            await asyncio.sleep(delay)
            delay = min(delay * 2, _BACKOFF_S[1])
            await send.start()
        self.rt.metrics.delivered(send.topic.get_topic_name())
        if send.done is not None:
            send.done()

    async def _too_large(self, event: EventT, topic: str, error: BaseException) -> None:
        # Over the topic's size limit a record never fits, so retrying is pointless: the
        # source record is dead-lettered instead (once, whichever of its events failed).
        if id(event) in self.lettered:
            return
        message = f"an event for {topic} is too large: {cause(error)}"
        error = GeowireError(message, code="too_large", stage="publish")
        letter = self._letter(event, error, "publish")
        await letter.start()
        await self._deliver(event, letter)


async def run_stage(
    rt: Runtime, out: Outbox, events: Sequence[EventT], stage: Stage
) -> AsyncIterator[tuple[EventT, Outputs]]:
    """Run a model stage on a batch of events' values, off the event loop.

    The model decodes, runs and encodes (``streams.service.model.stages``); every record that
    failed there is dead-lettered here with its reason, and the successes are yielded as
    ``(event, outputs)`` in order.
    """
    rt.metrics.took_in(stage, len(events))
    outcomes = await rt.offload(rt.batch, stage, [event.message.value for event in events])
    for event, outcome in zip(events, outcomes, strict=True):
        if isinstance(outcome, Reason):
            await out.dead_letter(event, outcome, stage=stage)
        else:
            yield event, outcome


async def publish_outputs(out: Outbox, event: EventT, outputs: Outputs) -> None:
    """Start sending everything the model made from ``event``, role by role."""
    for role, records in outputs.by_role:
        await out.publish(event, role, records)
