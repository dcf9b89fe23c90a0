"""Topic administration against the real broker: create the missing, delete by prefix."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from aiokafka.admin import AIOKafkaAdminClient

from streams.kafka import client_options
from streams.settings import Settings
from streams.topics import delete_topics, ensure_topics

pytestmark = pytest.mark.integration


async def _names(settings: Settings) -> set[str]:
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
        return set(await admin.list_topics())
    finally:
        await admin.close()


def test_topics_are_created_once_and_deleted_by_prefix(it_env) -> None:
    run = f"tt-{uuid.uuid4().hex[:8]}."
    roles = ("raw", "articles", "tagged", "enriched", "places", "dlq")
    settings = Settings(
        kafka_bootstrap=it_env["GEOWIRE_KAFKA_BOOTSTRAP"],
        **{f"topic_{role}": f"{run}{role}" for role in roles},
    )
    created = asyncio.run(ensure_topics(settings))
    assert sorted(created) == sorted(f"{run}{role}" for role in roles)
    assert asyncio.run(ensure_topics(settings)) == []
    assert asyncio.run(delete_topics(settings, [run])) == sorted(created)
    # deletion spreads through the cluster's metadata asynchronously
    deadline = time.monotonic() + 15
    left = {t for t in asyncio.run(_names(settings)) if t.startswith(run)}
    while left and time.monotonic() < deadline:
        time.sleep(0.5)
        left = {t for t in asyncio.run(_names(settings)) if t.startswith(run)}
    assert not left
