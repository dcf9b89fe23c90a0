"""Topic administration against the real broker: create the missing, delete by prefix."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import uuid

import pytest
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from streams.paths import ROOT
from streams.service.topics import admin_client, check_topics, delete_topics, ensure_topics
from streams.settings import Settings

pytestmark = pytest.mark.integration
ROLES = tuple(Settings().topics)


async def _names(settings: Settings) -> set[str]:
    async with admin_client(settings) as admin:
        return set(await admin.list_topics())


def test_topics_are_created_once_and_deleted_by_prefix(it_env) -> None:
    run = f"tt-{uuid.uuid4().hex[:8]}."
    settings = Settings(
        kafka_bootstrap=it_env["GEOWIRE_KAFKA_BOOTSTRAP"],
        **{f"topic_{role}": f"{run}{role}" for role in ROLES},
    )
    created = asyncio.run(ensure_topics(settings))
    assert sorted(created) == sorted(f"{run}{role}" for role in ROLES)
    assert asyncio.run(ensure_topics(settings)) == []
    assert asyncio.run(delete_topics(settings, [run])) == sorted(created)
    # deletion spreads through the cluster's metadata asynchronously
    deadline = time.monotonic() + 15
    left = {t for t in asyncio.run(_names(settings)) if t.startswith(run)}
    while left and time.monotonic() < deadline:
        time.sleep(0.5)
        left = {t for t in asyncio.run(_names(settings)) if t.startswith(run)}
    assert not left


def test_produce_creates_the_topics_it_needs(it_env, tmp_path) -> None:
    # two partitions, where a topic the broker created on first use would get four
    run = f"tp-{uuid.uuid4().hex[:8]}."
    env = {**os.environ, "GEOWIRE_KAFKA_BOOTSTRAP": it_env["GEOWIRE_KAFKA_BOOTSTRAP"]}
    env |= {f"GEOWIRE_TOPIC_{role.upper()}": f"{run}{role}" for role in ROLES}
    env["GEOWIRE_TOPIC_PARTITIONS"] = "2"
    article = tmp_path / "note.txt"
    article.write_text("Ferry services resumed between Oban and Mull on Tuesday.\n")
    cmd = [sys.executable, "-m", "streams.cli.main", "produce", str(article)]
    subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)
    settings = Settings(kafka_bootstrap=env["GEOWIRE_KAFKA_BOOTSTRAP"])
    try:
        partitions = asyncio.run(_partitions(settings, f"{run}raw"))
        assert partitions == 2
    finally:
        asyncio.run(delete_topics(settings, [run]))


async def _partitions(settings: Settings, topic: str) -> int:
    async with admin_client(settings) as admin:
        (described,) = await admin.describe_topics([topic])
        return len(described["partitions"])


async def _configs(settings: Settings, topic: str) -> dict[str, str]:
    async with admin_client(settings) as admin:
        (response,) = await admin.describe_configs(
            [ConfigResource(ConfigResourceType.TOPIC, topic)]
        )
    ((_err, _msg, _type, _name, entries, *_),) = response.resources
    return {entry[0]: entry[1] for entry in entries}


def test_the_dead_letter_topic_keeps_letters_as_long_as_the_settings_say(it_env) -> None:
    run = f"tr-{uuid.uuid4().hex[:8]}."
    settings = Settings(
        kafka_bootstrap=it_env["GEOWIRE_KAFKA_BOOTSTRAP"],
        dlq_retention_days=45,
        topic_partitions=4,
        **{f"topic_{role}": f"{run}{role}" for role in ROLES},
    )
    try:
        asyncio.run(ensure_topics(settings))
        # a new topic's configuration reaches the broker's metadata a moment later
        deadline, dlq = time.monotonic() + 15, {}
        while "retention.ms" not in dlq and time.monotonic() < deadline:
            dlq = asyncio.run(_configs(settings, settings.topic_dlq))
            time.sleep(0.2)
        assert dlq["retention.ms"] == str(45 * 24 * 3600 * 1000)
        assert int(dlq["max.message.bytes"]) > settings.max_event_bytes * 4 // 3
        assert asyncio.run(check_topics(settings)) == []
        # the same topics read with other settings: each difference is a warning
        other = settings.model_copy(update={"dlq_retention_days": 30, "topic_partitions": 12})
        warnings = asyncio.run(check_topics(other))
        few = [w for w in warnings if "partitions" in w]
        assert len(few) == len(ROLES)
        assert f"topic {run}raw has 4 partitions, fewer than GEOWIRE_TOPIC_PARTITIONS (12)" in (
            "\n".join(few)
        )
        # more partitions than asked for cap nothing: no warning
        fewer_asked = settings.model_copy(update={"topic_partitions": 2})
        assert asyncio.run(check_topics(fewer_asked)) == []
        assert [w for w in warnings if "retention.ms" in w] == [
            f"topic {run}dlq has retention.ms={45 * 24 * 3600 * 1000}, "
            f"geowire would set {30 * 24 * 3600 * 1000}"
        ]
    finally:
        asyncio.run(delete_topics(settings, [run]))


def test_geowire_topics_reports_a_topic_with_fewer_partitions(it_env) -> None:
    # topics of an older release (4 partitions); the default is now 12
    run = f"tf-{uuid.uuid4().hex[:8]}."
    names = {f"topic_{role}": f"{run}{role}" for role in ROLES}
    old = Settings(kafka_bootstrap=it_env["GEOWIRE_KAFKA_BOOTSTRAP"], topic_partitions=4, **names)
    env = {**os.environ, "GEOWIRE_KAFKA_BOOTSTRAP": it_env["GEOWIRE_KAFKA_BOOTSTRAP"]}
    env |= {f"GEOWIRE_{key.upper()}": value for key, value in names.items()}
    env.pop("GEOWIRE_TOPIC_PARTITIONS", None)
    try:
        asyncio.run(ensure_topics(old))
        cmd = [sys.executable, "-m", "streams.cli.main", "topics"]
        done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "created: none (all exist)" in done.stdout
        warned = [line for line in done.stderr.splitlines() if "partitions" in line]
        assert len(warned) == len(ROLES), done.stderr
        assert warned[0].startswith(
            f"warning: topic {run}raw has 4 partitions, fewer than GEOWIRE_TOPIC_PARTITIONS (12)"
        )
    finally:
        asyncio.run(delete_topics(old, [run]))
