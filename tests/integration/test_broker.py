"""A second, throwaway LocalBroker on free ports: start, no-op start, stop, restart with its data.

It never touches the broker on localhost:9092 that the other integration tests use.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from streams.broker.local import LocalBroker
from tests.integration.faults import free_ports

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(shutil.which("java") is None, reason="needs a Java runtime"),
]

ROOT = Path(__file__).resolve().parents[2]
TOPIC = "geowire.broker-test"


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[LocalBroker]:
    port, controller_port = free_ports(2)
    local = LocalBroker(ROOT, port=port, controller_port=controller_port, data_dir=tmp_path)
    yield local
    local.stop(timeout=30)


async def _produce(bootstrap: str, value: bytes) -> None:
    from aiokafka import AIOKafkaProducer

    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(TOPIC, value)
    finally:
        await producer.stop()


async def _consume_all(bootstrap: str) -> list[bytes]:
    from aiokafka import AIOKafkaConsumer

    consumer = AIOKafkaConsumer(
        TOPIC, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None
    )
    await consumer.start()
    try:
        batches = await consumer.getmany(timeout_ms=10_000)
        return [message.value for batch in batches.values() for message in batch if message.value]
    finally:
        await consumer.stop()


def test_second_broker_lifecycle_keeps_its_data(broker: LocalBroker) -> None:
    assert broker.start(timeout=120) is True
    status = broker.status()
    assert status.running
    assert status.pid is not None
    assert status.bootstrap == f"localhost:{broker.port}"
    meta = (broker.log_dirs / "meta.properties").read_text()

    # Another instance on the same data dir sees the same broker and leaves it alone.
    ports = {"port": broker.port, "controller_port": broker.controller_port}
    twin = LocalBroker(ROOT, data_dir=broker.data_dir, **ports)
    assert twin.start() is False
    assert twin.status().pid == status.pid

    asyncio.run(_produce(broker.bootstrap, b"kept across restarts"))

    assert broker.stop() is True
    assert broker.status().running is False
    assert broker.status().pid is None
    assert broker.stop() is False

    assert broker.start(timeout=120) is True
    assert broker.status().running
    assert (broker.log_dirs / "meta.properties").read_text() == meta
    assert asyncio.run(_consume_all(broker.bootstrap)) == [b"kept across restarts"]
