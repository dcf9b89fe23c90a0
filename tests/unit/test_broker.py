"""LocalBroker without a JVM: config rendering, pid-file handling, readiness probe, CLI."""

from __future__ import annotations

import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from streams.broker.local import BrokerError, LocalBroker
from streams.broker.tools import (
    api_versions_ok,
    broker_serving,
    new_cluster_id,
    render_properties,
    uses_external_broker,
)
from streams.cli.broker import broker_app

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("localhost", 0))
        return int(sock.getsockname()[1])


def _read_properties(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines())
    return {kv[0]: kv[1] for kv in pairs if len(kv) == 2 and not kv[0].startswith("#")}


@pytest.fixture
def broker(tmp_path: Path) -> LocalBroker:
    return LocalBroker(ROOT, port=_free_port(), controller_port=_free_port(), data_dir=tmp_path)


@pytest.fixture
def fake_broker(broker: LocalBroker) -> Iterator[subprocess.Popen[bytes]]:
    """A sleeping process whose command line looks like this data dir's broker."""
    broker.render_config()
    code = "import time; time.sleep(60)"
    argv = [sys.executable, "-c", code, "kafka.Kafka", str(broker.properties_path)]
    proc = subprocess.Popen(argv)
    # Popen returns as soon as exec starts; the new command line shows a moment later
    # (an empty /proc/<pid>/cmdline until then, which made this fixture flaky under load)
    cmdline = Path(f"/proc/{proc.pid}/cmdline")
    deadline = time.monotonic() + 10
    while b"kafka.Kafka" not in cmdline.read_bytes() and time.monotonic() < deadline:
        time.sleep(0.01)
    broker.pid_path.write_text(f"{proc.pid}\n")
    yield proc
    proc.kill()
    proc.wait()


def test_render_properties_overrides_keeps_comments_and_appends() -> None:
    template = "# a=comment\na=1\nb = 2\n! c=3\n"
    rendered = render_properties(template, {"a": "10", "b": "20", "c": "30", "d": "40"})
    assert rendered.splitlines() == ["# a=comment", "a=10", "b=20", "! c=3", "c=30", "d=40"]


def test_render_config_uses_ports_and_data_dir(tmp_path: Path) -> None:
    broker = LocalBroker(ROOT, port=19092, controller_port=19093, data_dir=tmp_path / "k")
    props = _read_properties(broker.render_config())
    assert props["listeners"] == "PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093"
    assert props["advertised.listeners"] == "PLAINTEXT://localhost:19092"
    assert props["controller.quorum.voters"] == "1@localhost:19093"
    assert props["log.dirs"] == str(tmp_path / "k" / "data")
    assert props["process.roles"] == "broker,controller"
    assert props["offsets.topic.replication.factor"] == "1"
    assert props["transaction.state.log.replication.factor"] == "1"
    assert props["group.initial.rebalance.delay.ms"] == "0"
    assert broker.bootstrap == "localhost:19092"


def test_default_ports_leave_9093_to_the_secure_listener() -> None:
    broker = LocalBroker(ROOT)
    assert (broker.port, broker.secure_port, broker.controller_port) == (9092, 9093, 9094)


def test_secure_config_adds_a_sasl_ssl_listener(tmp_path: Path) -> None:
    broker = LocalBroker(
        ROOT,
        port=29092,
        secure_port=29093,
        controller_port=29094,
        data_dir=tmp_path / "k",
        secure=True,
        extra={"auto.create.topics.enable": "false"},
    )
    props = _read_properties(broker.render_config())
    assert props["listeners"] == (
        "PLAINTEXT://localhost:29092,SASL_SSL://localhost:29093,CONTROLLER://localhost:29094"
    )
    assert props["advertised.listeners"] == "PLAINTEXT://localhost:29092,SASL_SSL://localhost:29093"
    assert "SASL_SSL:SASL_SSL" in props["listener.security.protocol.map"].split(",")
    assert props["inter.broker.listener.name"] == "PLAINTEXT"
    assert props["sasl.enabled.mechanisms"] == "SCRAM-SHA-512"
    jaas = props["listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config"]
    assert jaas.startswith("org.apache.kafka.common.security.scram.ScramLoginModule required")
    assert props["ssl.keystore.location"] == str(tmp_path / "k" / "tls" / "broker.p12")
    assert props["auto.create.topics.enable"] == "false"
    assert broker.status().secure_bootstrap == "localhost:29093"
    plain = LocalBroker(ROOT, data_dir=tmp_path / "p")
    plain.render_config()
    assert plain.status().secure_bootstrap is None


def test_default_data_dir_is_var_kafka_under_root() -> None:
    assert LocalBroker(ROOT).data_dir == ROOT / "var" / "kafka"


def test_cluster_id_is_made_once_and_kept(broker: LocalBroker) -> None:
    first = broker.cluster_id()
    again = LocalBroker(ROOT, data_dir=broker.data_dir).cluster_id()
    assert first == again
    assert len(first) == 22
    assert not first.startswith("-")
    assert len({new_cluster_id() for _ in range(50)}) == 50


def test_dead_pid_in_pid_file_is_stale(broker: LocalBroker) -> None:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    broker.data_dir.mkdir(parents=True, exist_ok=True)
    broker.pid_path.write_text(f"{finished.pid}\n")
    status = broker.status()
    assert (status.running, status.pid) == (False, None)
    assert broker.stop() is False
    assert not broker.pid_path.exists()


@pytest.mark.parametrize("content", ["", "not a pid\n", "-5\n", "0\n"])
def test_garbage_pid_file_is_stale(broker: LocalBroker, content: str) -> None:
    broker.data_dir.mkdir(parents=True, exist_ok=True)
    broker.pid_path.write_text(content)
    assert broker.status().pid is None
    assert broker.stop() is False
    assert not broker.pid_path.exists()


def test_recycled_pid_of_another_program_is_not_signalled(broker: LocalBroker) -> None:
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        broker.data_dir.mkdir(parents=True, exist_ok=True)
        broker.pid_path.write_text(f"{other.pid}\n")
        assert broker.status().pid is None
        assert broker.stop() is False
        assert other.poll() is None
    finally:
        other.kill()
        other.wait()


def test_broker_process_is_found_and_stopped(
    broker: LocalBroker, fake_broker: subprocess.Popen[bytes]
) -> None:
    status = broker.status()
    assert (status.running, status.pid) == (False, fake_broker.pid)
    with socket.create_server(("localhost", broker.port)):
        assert broker.status().running is True
    assert broker.stop(timeout=10) is True
    assert fake_broker.wait(timeout=5) is not None
    assert not broker.pid_path.exists()
    assert broker.stop() is False


def test_start_refuses_a_port_taken_by_something_else(broker: LocalBroker) -> None:
    with socket.create_server(("localhost", broker.port)), pytest.raises(BrokerError) as info:
        broker.start(timeout=5)
    assert (info.value.code, info.value.reason) == ("broker", "port")
    assert not broker.pid_path.exists()


def test_a_port_clash_names_the_data_dir_whose_broker_holds_it(
    broker: LocalBroker, fake_broker: subprocess.Popen[bytes], tmp_path: Path
) -> None:
    mine = LocalBroker(
        ROOT, port=broker.port, controller_port=_free_port(), data_dir=tmp_path / "mine"
    )
    with socket.create_server(("localhost", broker.port)), pytest.raises(BrokerError) as info:
        mine.start(timeout=5)
    assert f"a broker runs from {broker.data_dir}" in str(info.value)


def test_the_broker_serving_a_port_is_found_by_its_config(
    broker: LocalBroker, fake_broker: subprocess.Popen[bytes]
) -> None:
    assert broker_serving(broker.port) == broker.data_dir
    assert broker_serving(broker.controller_port) is None


@pytest.mark.parametrize(
    ("bootstrap", "external"),
    [
        (None, False),
        ("", False),
        ("localhost:9092", False),
        ("127.0.0.1:9092", False),
        ("localhost:9092,127.0.0.1:9092", False),
        ("kafka:29092", True),
        ("localhost:19092", True),
        ("localhost:9092,broker2:9092", True),
        ("localhost:9093", False),
    ],
)
def test_uses_external_broker(bootstrap: str | None, external: bool) -> None:
    assert uses_external_broker(bootstrap, 9092, 9093) is external


def _serve_once(reply: bytes) -> tuple[int, threading.Thread]:
    server = socket.create_server(("localhost", 0))
    port = int(server.getsockname()[1])

    def answer() -> None:
        with server, server.accept()[0] as conn:
            size = struct.unpack(">i", conn.recv(4))[0]
            request = conn.recv(size)
            api_key, version, correlation_id = struct.unpack(">hhi", request[:8])
            assert (api_key, version) == (18, 0)
            conn.sendall(reply.replace(b"CORR", struct.pack(">i", correlation_id)))

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    return port, thread


@pytest.mark.parametrize(("error_code", "ok"), [(0, True), (35, False)])
def test_api_versions_probe(error_code: int, ok: bool) -> None:
    body = b"CORR" + struct.pack(">hi", error_code, 0)
    port, thread = _serve_once(struct.pack(">i", len(body)) + body)
    assert api_versions_ok("localhost", port) is ok
    thread.join(timeout=5)


def test_api_versions_probe_on_a_closed_port() -> None:
    assert api_versions_ok("localhost", _free_port(), timeout=1) is False


def _cli(broker: LocalBroker, action: str) -> list[str]:
    ports = ["--port", str(broker.port), "--controller-port", str(broker.controller_port)]
    return [action, "--data-dir", str(broker.data_dir), *ports]


def test_cli_status_exit_codes(broker: LocalBroker) -> None:
    result = CliRunner().invoke(broker_app, _cli(broker, "status"))
    assert result.exit_code == 1
    assert "not running" in result.stdout


def test_cli_leaves_the_local_broker_alone_for_an_external_one(
    broker: LocalBroker, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GEOWIRE_KAFKA_BOOTSTRAP", "kafka.example:9092")
    result = CliRunner().invoke(broker_app, _cli(broker, "start"))
    assert result.exit_code == 0
    assert "using that broker" in result.stdout
    assert not broker.pid_path.exists()


def test_cli_status_finds_a_running_broker(
    broker: LocalBroker, fake_broker: subprocess.Popen[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("streams.broker.local.port_open", lambda host, port: True)
    result = CliRunner().invoke(broker_app, _cli(broker, "status"))
    assert result.exit_code == 0
    assert f"running (pid {fake_broker.pid})" in result.stdout
