"""Helpers of the fault tests: brokers a test owns, ACLs, and accounting for every input.

A broker a test owns runs on free ports from its own data dir, so a test may stop it, deny
a topic or delete one without touching the broker other tests (and people) share.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from aiokafka.protocol.admin import CreateAclsRequest, DeleteAclsRequest

from streams.broker.local import LocalBroker
from streams.broker.secure import LOCAL_USERNAME
from streams.paths import ROOT
from streams.service.codec import decode_letter
from streams.service.replay import read_to_end
from streams.service.topics import admin_client
from streams.settings import Settings

#: An authorizer that lets everyone do everything until a test adds an ACL, and no topic
#: created on first use (so a deleted topic stays deleted). PLAINTEXT clients are
#: ANONYMOUS, a super user: the test's own clients; the worker is the SCRAM user.
FAULT_PROPERTIES = {
    "authorizer.class.name": "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
    "allow.everyone.if.no.acl.found": "true",
    "super.users": "User:ANONYMOUS",
    "auto.create.topics.enable": "false",
}
ARTICLE = (ROOT / "tests" / "data" / "samples" / "quake-report.txt").read_text()
ROLES = ("raw", "articles", "tagged", "enriched", "places", "dlq")


def free_ports(count: int) -> list[int]:
    """Ports nothing listens on now."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("localhost", 0))
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


@contextlib.contextmanager
def own_broker(data_dir: Path) -> Iterator[LocalBroker]:
    """A secured broker with an authorizer, on free ports, stopped at the end."""
    port, secure_port, controller_port = free_ports(3)
    broker = LocalBroker(
        ROOT,
        port=port,
        secure_port=secure_port,
        controller_port=controller_port,
        data_dir=data_dir,
        secure=True,
        extra=FAULT_PROPERTIES,
    )
    broker.start(timeout=180)
    try:
        yield broker
    finally:
        broker.stop(timeout=30)


def worker_env(broker: LocalBroker, run: str, data_dir: Path) -> dict[str, str]:
    """GEOWIRE_* for a worker on ``broker`` over SASL_SSL, by settings only.

    No username or password: on localhost the worker uses the local broker's user.
    """
    env = {
        "GEOWIRE_KAFKA_BOOTSTRAP": broker.secure_bootstrap,
        "GEOWIRE_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
        "GEOWIRE_KAFKA_SSL_CAFILE": str(broker.tls.ca_pem),
        "GEOWIRE_APP_ID": f"geowire-{run}",
        "GEOWIRE_DATA_DIR": str(data_dir),
        "GEOWIRE_BATCH_WINDOW_S": "0.2",
        "GEOWIRE_KAFKA_SESSION_TIMEOUT_S": "8",
    }
    env |= {f"GEOWIRE_TOPIC_{role.upper()}": f"{run}.{role}" for role in ROLES}
    return env


def plain_settings(broker: LocalBroker, env: dict[str, str]) -> Settings:
    """The test's own view of the same topics, over PLAINTEXT (a super user: no ACLs)."""
    topics = {f"topic_{role}": env[f"GEOWIRE_TOPIC_{role.upper()}"] for role in ROLES}
    return Settings(kafka_bootstrap=broker.bootstrap, app_id=env["GEOWIRE_APP_ID"], **topics)


def inputs(count: int, start: int = 0) -> list[tuple[bytes, bytes]]:
    """Distinct one-article inputs, keyed ``doc-N`` (the key seeds their ids)."""
    return [
        (f"doc-{n}".encode(), f"{ARTICLE}\nReport number {n}.".encode())
        for n in range(start, start + count)
    ]


async def _acl(settings: Settings, topic: str, deny: bool) -> None:
    # TOPIC (2), LITERAL (3), WRITE (4), DENY (2): what kafka-acls --deny-principal does;
    # aiokafka has the requests but no admin method for them
    args = (2, topic, 3, f"User:{LOCAL_USERNAME}", "*", 4, 2)
    request = CreateAclsRequest(*args) if deny else DeleteAclsRequest(*args)
    async with admin_client(settings) as admin:
        response = await admin._send_request(request)
    results = getattr(response, "creation_responses", None) or response.filter_responses
    assert all(r[0] == 0 for r in results), response


def deny_writes(settings: Settings, topic: str, deny: bool = True) -> None:
    """Forbid (or allow again) the worker's user to write to ``topic``."""
    asyncio.run(_acl(settings, topic, deny))


def records(settings: Settings, topic: str) -> list[Any]:
    """Every record kept on ``topic`` (none if it does not exist)."""

    async def run() -> list[Any]:
        return [m async for m in read_to_end(settings, topic)]

    return asyncio.run(run())


def committed(settings: Settings) -> dict[tuple[str, int], int]:
    """The worker group's committed offsets by (topic, partition)."""

    async def run() -> dict[tuple[str, int], int]:
        async with admin_client(settings) as admin:
            found = await admin.list_consumer_group_offsets(settings.app_id)
        return {(tp.topic, tp.partition): meta.offset for tp, meta in found.items()}

    return asyncio.run(run())


def commits_past_undelivered(settings: Settings) -> list[str]:
    """Source records below their committed offset whose outputs are nowhere.

    A record below the committed offset of its topic must have its events on the next
    topic, or a dead letter. Checked for each stage: raw -> articles (by source id),
    articles -> tagged and tagged -> enriched (by article id).
    """
    offsets = committed(settings)
    lettered = set()
    for msg in records(settings, settings.topic_dlq):
        letter = decode_letter(msg.value)
        lettered.add((letter.topic, letter.partition, letter.offset))

    def values(topic: str) -> list[dict[str, Any]]:
        return [orjson.loads(m.value) for m in records(settings, topic)]

    made = {
        settings.topic_raw: {a["source_id"] for a in values(settings.topic_articles)},
        settings.topic_articles: {t["article"]["id"] for t in values(settings.topic_tagged)},
        settings.topic_tagged: {e["id"] for e in values(settings.topic_enriched)},
    }

    def ident(topic: str, msg: Any) -> str:
        if topic == settings.topic_raw:  # the inputs of these tests are all keyed
            return str(msg.key.decode())
        value = orjson.loads(msg.value)
        return str(value["id"] if topic == settings.topic_articles else value["article"]["id"])

    missing = []
    for topic, outputs in made.items():
        for msg in records(settings, topic):
            below = msg.offset < offsets.get((topic, msg.partition), 0)
            done = ident(topic, msg) in outputs or (topic, msg.partition, msg.offset) in lettered
            if below and not done:
                missing.append(f"{topic}:{msg.partition}:{msg.offset} ({ident(topic, msg)})")
    return missing


@dataclass
class Accounting:
    """What came out for a set of inputs."""

    inputs: int
    enriched_sources: set[str] = field(default_factory=set)
    enriched_records: int = 0
    duplicates: int = 0
    letters: Counter[str] = field(default_factory=Counter)

    @property
    def line(self) -> str:
        """The counts on one line, for the test log."""
        letters = sum(self.letters.values())
        return (
            f"inputs={self.inputs} enriched={len(self.enriched_sources)} "
            f"duplicates={self.duplicates} dead_letters={letters} {dict(self.letters)}"
        )


def account(settings: Settings, keys: list[bytes]) -> Accounting:
    """Count the enriched articles and dead letters of the inputs keyed ``keys``."""
    wanted = {k.decode() for k in keys}
    found = Accounting(inputs=len(wanted))
    ids: list[str] = []
    for msg in records(settings, settings.topic_enriched):
        value = orjson.loads(msg.value)
        if value["source_id"] in wanted:
            found.enriched_sources.add(value["source_id"])
            ids.append(value["id"])
    found.enriched_records = len(ids)
    found.duplicates = len(ids) - len(set(ids))
    for msg in records(settings, settings.topic_dlq):
        found.letters[decode_letter(msg.value).error.code] += 1
    return found


def wait_for(check: Any, timeout: float, every: float = 1.0) -> Any:
    """Call ``check`` until it returns something true or ``timeout`` passes; its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(every)
