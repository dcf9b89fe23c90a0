"""A source record is acknowledged only once what it made is delivered (``test_context``).

The recording topics fail sends the way the real producer does: from the future it
returns, or from ``send`` itself wrapped in Faust's ``ProducerSendError``.
"""

from __future__ import annotations

import asyncio

import orjson
import pytest
from aiokafka.errors import KafkaTimeoutError, NotLeaderForPartitionError
from aiokafka.errors import TopicAuthorizationFailedError as NotAuthorised

from streams.core.errors import DeliveryError
from streams.service.agents import delivery
from streams.service.letters import CLASS, CODE, GROUP, OFFSET, PARTITION, STAGE, TOPIC
from tests.agents.test_agents import DUMP, until

DOC = b"Storm reaches Lisbon\nHeavy rain hit Lisbon overnight."


@pytest.fixture(autouse=True)
def quick_backoff(monkeypatch):
    monkeypatch.setattr(delivery, "_BACKOFF_S", (0.01, 0.02))


async def _put_all(agent, values):
    events = []
    for n, value in enumerate(values):
        events.append(await agent.put(value, key=f"doc-{n}".encode(), wait=False))
    return events


@pytest.mark.parametrize("raise_on_send", [False, True])
async def test_a_refused_send_stops_the_agent_and_leaves_its_record_unacknowledged(
    harness, raise_on_send
):
    app, rt = harness
    articles = rt.topics["articles"]
    articles.raise_on_send = raise_on_send
    # the third input's article is refused for good: the broker says not authorised
    articles.failures = [None, None, NotAuthorised("geowire.articles")]
    async with app.agents["split_inputs"].test_context() as agent:
        events = await _put_all(agent, [DOC, DOC + b" Two.", DOC + b" Three.", DOC + b" Four."])
        await until(lambda: rt.metrics.crashed is not None)
        # records still arriving while the worker stops are not acknowledged either
        events += await _put_all(agent, [DOC + b" Five.", DOC + b" Six."])
        await asyncio.sleep(0.2)
    # acknowledged up to the refused record, and not past it
    assert [e.message.acked for e in events] == [True, True, False, False, False, False]
    # the fourth went out with the batch, but unacknowledged it is redone (same ids)
    assert [orjson.loads(v)["source_id"] for _, v in articles.sent] == ["doc-0", "doc-1", "doc-3"]
    assert rt.metrics.health()[0] == 503
    assert "TopicAuthorizationFailedError" in (rt.metrics.crashed or "")
    assert rt.topics["dlq"].sent == []  # not the record's fault: no dead letter


async def test_retriable_errors_are_retried_until_delivered(harness, monkeypatch):
    monkeypatch.setattr(delivery, "_BACKOFF_S", (0.3, 0.3))
    app, rt = harness
    rt.metrics.set_loaded()
    rt.metrics.set_consuming()
    articles = rt.topics["articles"]
    articles.failures = [KafkaTimeoutError(), NotLeaderForPartitionError()]
    async with app.agents["split_inputs"].test_context() as agent:
        (event,) = await _put_all(agent, [DOC])
        await until(lambda: rt.metrics.stalled)
        # while the broker is away the worker is alive but says it is not ready
        assert rt.metrics.health()[0] == 200
        status, body = rt.metrics.readiness()
        assert (status, body["status"], body["topic"]) == (503, "retrying", "articles")
        assert not event.message.acked
        await until(lambda: event.message.acked)
    assert event.message.acked and len(articles.sent) == 1 and articles.attempts == 3
    assert rt.metrics.value("geowire_delivery_retries_total", topic="articles") == 2
    assert rt.metrics.readiness() == (200, {"status": "ready"})


async def test_dead_letters_keep_the_key_and_carry_the_error_in_headers(harness):
    app, rt = harness
    async with app.agents["split_inputs"].test_context() as agent:
        event = await agent.put(b"[1, 2, 3]", key=b"\x00raw-key", headers={"trace": b"t-1"})
        await until(lambda: event.message.acked)
    ((key, value),) = rt.topics["dlq"].sent
    (headers,) = rt.topics["dlq"].headers
    assert key == b"\x00raw-key"
    letter = orjson.loads(value)
    assert (letter["schema_version"], letter["error"]["code"]) == (1, "no_text")
    named = dict(headers)
    assert named["trace"] == b"t-1"  # the record's own headers are passed on
    assert named[CODE] == b"no_text" and named[STAGE] == b"decode"
    assert (named[TOPIC], named[PARTITION], named[OFFSET]) == (
        event.message.topic.encode(),
        b"0",
        str(event.message.offset).encode(),
    )
    assert named[CLASS] == b"streams.core.errors.InputError"
    assert named[GROUP] == rt.settings.app_id.encode()


async def test_a_batch_is_acknowledged_in_order_once_all_of_it_is_delivered(harness):
    app, rt = harness
    articles = rt.topics["articles"]
    gate = asyncio.Event()
    real_send = articles.send

    async def slow_send(**kwargs):
        sent = await real_send(**kwargs)

        async def later():
            await gate.wait()
            return await sent

        return asyncio.ensure_future(later())

    articles.send = slow_send
    async with app.agents["split_inputs"].test_context() as agent:
        events = await _put_all(agent, [DUMP, DOC])
        await until(lambda: len(articles.sent) == 3)
        await asyncio.sleep(0.1)
        assert not any(e.message.acked for e in events)  # sent, not yet confirmed
        gate.set()
        await until(lambda: all(e.message.acked for e in events))
    assert all(e.message.acked for e in events)


def test_delivery_errors_are_geowire_errors_at_publish():
    error = DeliveryError("cannot deliver to x")
    assert (error.code, error.stage) == ("delivery", "publish")
