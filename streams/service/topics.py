"""geowire's topics on the broker: create the missing ones, delete a run's by prefix."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams.service.kafka import client_options
from streams.settings import Settings

log = logging.getLogger(__name__)


@asynccontextmanager
async def admin_client(settings: Settings) -> AsyncIterator[AIOKafkaAdminClient]:
    """A started admin client for the configured cluster, closed on exit."""
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
        yield admin
    finally:
        await admin.close()


async def ensure_topics(settings: Settings) -> list[str]:
    """Create every missing geowire topic; return the names created."""
    async with admin_client(settings) as admin:
        existing = set(await admin.list_topics())
        missing = [name for name in settings.topics.values() if name not in existing]
        if missing:
            await admin.create_topics(
                [
                    NewTopic(
                        name=name,
                        num_partitions=settings.topic_partitions,
                        replication_factor=settings.topic_replication,
                        topic_configs={"max.message.bytes": str(settings.max_event_bytes)},
                    )
                    for name in missing
                ]
            )
            log.info("created topics %s", ", ".join(missing))
        return missing


async def delete_topics(settings: Settings, prefixes: Sequence[str]) -> list[str]:
    """Delete the topics whose names start with one of ``prefixes``; return them.

    Test and benchmark runs use their own topic names (and Faust adds internal topics
    named after the app id); this removes them when a run ends.
    """
    async with admin_client(settings) as admin:
        doomed = sorted(t for t in await admin.list_topics() if t.startswith(tuple(prefixes)))
        if doomed:
            await admin.delete_topics(doomed)
            log.info("deleted topics %s", ", ".join(doomed))
        return doomed
