"""Create geowire's topics on the broker when they are missing."""

from __future__ import annotations

import logging

from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from streams.kafka import client_options
from streams.settings import Settings

log = logging.getLogger(__name__)


async def ensure_topics(settings: Settings) -> list[str]:
    """Create every missing geowire topic; return the names created."""
    admin = AIOKafkaAdminClient(**client_options(settings))
    await admin.start()
    try:
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
    finally:
        await admin.close()
