"""geowire's topics on the broker: create the missing, check the existing, delete a run's."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import KafkaError

from streams.service.kafka import client_options
from streams.settings import Settings

log = logging.getLogger(__name__)
_DAY_MS = 24 * 3600 * 1000
_UNKNOWN_TOPIC = 3  # the UNKNOWN_TOPIC_OR_PARTITION error code
# Room for the JSON and the headers around a dead letter's base64 key and value.
_LETTER_OVERHEAD = 64 * 1024


def letter_bytes(settings: Settings) -> int:
    """The largest dead letter: any record the input topics take, in base64, with its error."""
    return settings.max_event_bytes * 4 // 3 + _LETTER_OVERHEAD


def topic_configs(settings: Settings, role: str) -> dict[str, str]:
    """The configuration geowire gives the topic of ``role`` when it creates it.

    Every topic takes events up to ``GEOWIRE_MAX_EVENT_BYTES``; the dead-letter topic
    takes a letter for any of them and keeps letters ``GEOWIRE_DLQ_RETENTION_DAYS`` (the
    broker's default, often 7 days, is shorter than the time a fix takes to ship).
    """
    if role == "dlq":
        return {
            "max.message.bytes": str(letter_bytes(settings)),
            "retention.ms": str(settings.dlq_retention_days * _DAY_MS),
        }
    return {"max.message.bytes": str(settings.max_event_bytes)}


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
        missing = {role: name for role, name in settings.topics.items() if name not in existing}
        if missing:
            await admin.create_topics(
                [
                    NewTopic(
                        name=name,
                        num_partitions=settings.topic_partitions,
                        replication_factor=settings.topic_replication,
                        topic_configs=topic_configs(settings, role),
                    )
                    for role, name in missing.items()
                ]
            )
            log.info("created topics %s", ", ".join(missing.values()))
        return list(missing.values())


async def check_topics(settings: Settings) -> list[str]:
    """Say how existing topics differ from what the settings would create.

    A topic made by hand, by an older release (4 partitions by default before 12) or by
    a broker's auto-create may have fewer partitions than ``GEOWIRE_TOPIC_PARTITIONS``
    (fewer workers can share it) or a shorter dead-letter retention. More partitions
    than asked for are no problem and not reported.

    Returns:
        One warning per difference (empty when all match).
    """
    names = settings.topics
    resources = [ConfigResource(ConfigResourceType.TOPIC, name) for name in names.values()]
    async with admin_client(settings) as admin:
        described = {t["topic"]: t for t in await admin.describe_topics(list(names.values()))}
        configs: dict[str, dict[str, str]] = {}
        for response in await admin.describe_configs(resources):
            for _err, _msg, _type, name, entries, *_ in response.resources:
                configs[name] = {entry[0]: entry[1] for entry in entries}
    warnings = []
    for role, name in names.items():
        topic = described.get(name)
        if topic is None or topic["error_code"]:
            continue
        count = len(topic["partitions"])
        if count < settings.topic_partitions:
            warnings.append(_few_partitions(name, count, settings.topic_partitions))
        for key, wanted in topic_configs(settings, role).items():
            have = configs.get(name, {}).get(key)
            if have is not None and have != wanted:
                warnings.append(f"topic {name} has {key}={have}, geowire would set {wanted}")
    return warnings


def _few_partitions(name: str, count: int, wanted: int) -> str:
    # More partitions than asked for harm nothing; fewer cap the workers that can share
    # the topic (one consumer per partition), whatever else scales.
    return (
        f"topic {name} has {count} partitions, fewer than GEOWIRE_TOPIC_PARTITIONS "
        f"({wanted}): at most {count} workers can share it. Add partitions with "
        f"kafka-topics.sh --alter --topic {name} --partitions {wanted} (records of a key "
        "then go to another partition than before)"
    )


async def topic_exists(settings: Settings, name: str) -> bool | None:
    """Whether the broker has topic ``name``; None when the broker cannot be asked."""
    try:
        async with admin_client(settings) as admin:
            (topic,) = await admin.describe_topics([name])
    except (KafkaError, OSError) as exc:
        log.info("cannot ask the broker whether %s exists: %r", name, exc)
        return None
    return topic["error_code"] != _UNKNOWN_TOPIC


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
