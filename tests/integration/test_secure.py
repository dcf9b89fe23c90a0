"""Over SASL_SSL (SCRAM-SHA-512, a local CA) with settings only: produce, enrich, tail, replay.

The broker is the session's own (``own_secure_broker``), started like
``geowire broker start --secure``. The commands run as a user runs them, in subprocesses
whose only configuration is ``GEOWIRE_*`` variables; on localhost no username or password
is set: the local broker's documented user is the default.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid

import orjson
import pytest
from aiokafka.admin import NewTopic

from streams.service.topics import admin_client
from streams.settings import Settings
from tests.integration.conftest import ROOT, WorkerProcess
from tests.integration.faults import worker_env

pytestmark = pytest.mark.integration
SAMPLES = ROOT / "tests" / "data" / "samples"


def geowire(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``geowire ARGS`` with ``env`` (and nothing else of GEOWIRE_* from this process)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("GEOWIRE_")}
    return subprocess.run(
        [sys.executable, "-m", "streams.cli.main", *args],
        env={**base, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def secure_env(own_secure_broker, tmp_path_factory) -> dict[str, str]:
    return worker_env(
        own_secure_broker, f"sec-{uuid.uuid4().hex[:6]}", tmp_path_factory.mktemp("faust")
    )


@pytest.fixture(scope="module")
def secure_worker(secure_env, tmp_path_factory):
    proc = WorkerProcess(secure_env, tmp_path_factory.mktemp("secure-worker") / "worker.log")
    proc.start()
    yield proc
    proc.stop()


def _lines(out: str) -> list[dict]:
    return [orjson.loads(line) for line in out.splitlines() if line.startswith("{")]


def test_produce_enrich_and_tail_over_sasl_ssl_with_settings_only(secure_env, secure_worker):
    assert "GEOWIRE_KAFKA_PASSWORD" not in secure_env
    sent = geowire(secure_env, "produce", str(SAMPLES / "wire-dump.txt"))
    assert sent.returncode == 0, sent.stderr
    tail = geowire(
        secure_env, "tail", secure_env["GEOWIRE_TOPIC_ENRICHED"], "--from-beginning",
        "--max", "3", "--timeout", "90",
    )  # fmt: skip
    assert tail.returncode == 0, tail.stderr
    headlines = sorted(r["value"]["headline"] for r in _lines(tail.stdout))
    assert headlines == [
        "Chicago council approves new transit budget",
        "Floods close roads across northern Portugal",
        "Kenya and Tanzania agree to build a cross-border railway",
    ]


def _create(broker, topic: str) -> None:
    async def run() -> None:
        async with admin_client(Settings(kafka_bootstrap=broker.bootstrap)) as admin:
            await admin.create_topics([NewTopic(topic, 1, 1)])

    asyncio.run(run())


def test_a_bad_input_is_dead_lettered_and_replayed_once(
    secure_env, secure_worker, own_secure_broker, tmp_path
):
    numbers = tmp_path / "numbers.txt"
    numbers.write_text("[1, 2, 3]")
    assert geowire(secure_env, "produce", str(numbers)).returncode == 0
    tail = geowire(
        secure_env, "tail", secure_env["GEOWIRE_TOPIC_DLQ"], "--from-beginning",
        "--max", "1", "--timeout", "90",
    )  # fmt: skip
    (letter,) = _lines(tail.stdout)
    assert letter["key"] == "numbers.txt"  # the original key, as Connect and Spring keep it
    assert letter["value"]["error"]["code"] == "no_text"
    assert letter["headers"]["geowire-dlq-code"] == "no_text"
    assert letter["headers"]["geowire-dlq-topic"] == secure_env["GEOWIRE_TOPIC_RAW"]

    def replay(*flags: str) -> dict:
        done = geowire(secure_env, "replay", "--code", "no_text", *flags)
        assert done.returncode == 0, done.stderr
        return orjson.loads(done.stderr.strip().splitlines()[-1])

    # to a topic no worker reads, so that no replayed record comes back as a new letter
    side = secure_env["GEOWIRE_TOPIC_RAW"] + "-replayed"
    missing = geowire(secure_env, "replay", "--to", side)  # this broker creates no topics
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines()[-1].startswith(f"delivery: cannot send to {side}")
    _create(own_secure_broker, side)
    first = replay("--to", side)
    assert (first["sent"], first["replayed_before"]) == (1, 0)
    second = replay("--to", side)
    assert (second["sent"], second["replayed_before"]) == (0, 1)
    again = replay("--to", side, "--again")
    assert (again["sent"], again["replayed_before"]) == (1, 0)
    tail = geowire(secure_env, "tail", side, "--from-beginning", "--max", "2", "--timeout", "30")
    replayed = _lines(tail.stdout)
    assert [(r["key"], r["value"]) for r in replayed] == [("numbers.txt", [1, 2, 3])] * 2
    assert all("geowire-replay-of" in r["headers"] for r in replayed)


@pytest.mark.parametrize("command", [["produce", "README.md"], ["worker"]])
def test_a_wrong_password_exits_with_one_clear_line(secure_env, command):
    env = {
        **secure_env,
        "GEOWIRE_KAFKA_USERNAME": "geowire",
        "GEOWIRE_KAFKA_PASSWORD": "not-the-password",
        "GEOWIRE_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
        "GEOWIRE_WEB_PORT": "0",
    }
    done = geowire(env, *command, timeout=180)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert lines[-1].startswith("invalid setting GEOWIRE_KAFKA_PASSWORD: ")
    assert "wrong username or password" in lines[-1]
    assert "Traceback" not in done.stderr + done.stdout


def test_an_untrusted_broker_certificate_names_the_ca_setting(secure_env):
    env = {k: v for k, v in secure_env.items() if k != "GEOWIRE_KAFKA_SSL_CAFILE"}
    done = geowire(env, "topics")
    assert done.returncode == 2
    assert (
        done.stderr.strip()
        .splitlines()[-1]
        .startswith("invalid setting GEOWIRE_KAFKA_SSL_CAFILE: the certificate of ")
    )
