"""docker-compose.yml and the Kafka image's entry point, checked without a container engine.

What needs an engine (the images build, the stack starts, articles come out enriched, the
workers scale) is checked for real by `make test-containers` (tests/containers/run.sh).
These tests check what can fail without one: the settings the services pass validate, the
Kafka listeners agree with each other for any host port, and the image's entry point turns
the compose environment into the broker configuration it means.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from streams.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
START = ROOT / "deploy" / "kafka" / "bin" / "kafka-container-start.sh"
VARIABLE = re.compile(r"\$\{(\w+)(?::-([^}]*))?\}")


def _compose(env: dict[str, str] | None = None) -> dict[str, Any]:
    """The compose file with ${VAR:-default} filled in from ``env``, as Compose does."""
    env = env or {}
    text = VARIABLE.sub(lambda m: env.get(m.group(1), m.group(2) or ""), COMPOSE.read_text())
    return dict(yaml.safe_load(text))


def _env(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


def _listeners(value: str) -> dict[str, tuple[str, int]]:
    """``NAME://host:port,...`` as {name: (host, port)}."""
    out = {}
    for item in value.split(","):
        name, _, address = item.partition("://")
        host, _, port = address.rpartition(":")
        out[name] = (host, int(port))
    return out


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    return dict(_compose()["services"])


@pytest.mark.parametrize("service", ["topics-init", "worker"])
def test_geowire_services_pass_settings_that_validate(
    services: dict[str, Any], service: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = _env(services[service])
    fields = {f"GEOWIRE_{name.upper()}" for name in Settings.model_fields}
    assert set(env) <= fields, set(env) - fields
    for key in list(os.environ):
        if key.startswith("GEOWIRE_"):
            monkeypatch.delenv(key)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    settings = Settings()
    # they reach Kafka through the listener it advertises inside the compose network
    kafka = _env(services["kafka"])
    host, _, port = settings.kafka_bootstrap.rpartition(":")
    internal = _listeners(kafka["KAFKA_ADVERTISED_LISTENERS"])["INTERNAL"]
    assert (host, int(port)) == internal
    assert host == services["kafka"]["hostname"]


def test_topics_are_made_by_geowire_before_any_worker_starts(services: dict[str, Any]) -> None:
    init, worker = services["topics-init"], services["worker"]
    assert init["image"] == worker["image"]
    assert init["build"] == worker["build"]
    assert (ROOT / worker["build"]["context"] / worker["build"]["dockerfile"]).is_file()
    assert worker["depends_on"]["topics-init"]["condition"] == "service_completed_successfully"
    for service in (init, worker):
        assert service["depends_on"]["kafka"]["condition"] == "service_healthy"
    # the image's entry point is `geowire`: the command must be one of its commands
    geowire = shutil.which("geowire", path=str(Path(sys.executable).parent))
    assert geowire is not None
    done = subprocess.run([geowire, *init["command"], "--help"], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_kafka_listeners_agree(services: dict[str, Any]) -> None:
    env = _env(services["kafka"])
    listeners = _listeners(env["KAFKA_LISTENERS"])
    advertised = _listeners(env["KAFKA_ADVERTISED_LISTENERS"])
    protocols = dict(
        item.split(":") for item in env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(",")
    )
    assert set(listeners) <= set(protocols)
    assert set(advertised) <= set(listeners)
    assert env["KAFKA_INTER_BROKER_LISTENER_NAME"] in advertised
    controller = env["KAFKA_CONTROLLER_LISTENER_NAMES"]
    assert controller in listeners and controller not in advertised
    voter_id, _, voter = env["KAFKA_CONTROLLER_QUORUM_VOTERS"].partition("@")
    assert voter_id == env["KAFKA_NODE_ID"]
    assert voter == f"{services['kafka']['hostname']}:{listeners[controller][1]}"
    # the health check asks the broker on a listener it advertises under a name that
    # resolves inside its own container
    check = " ".join(services["kafka"]["healthcheck"]["test"])
    port = int(re.search(r"--bootstrap-server localhost:(\d+)", check).group(1))  # type: ignore[union-attr]
    assert port == advertised["INTERNAL"][1] == listeners["INTERNAL"][1]


@pytest.mark.parametrize("host_port", [None, "19092"])
def test_the_host_port_is_published_and_advertised_alike(host_port: str | None) -> None:
    env = {"GEOWIRE_HOST_KAFKA_PORT": host_port} if host_port else {}
    kafka = _compose(env)["services"]["kafka"]
    (mapping,) = kafka["ports"]
    published, _, container = str(mapping).partition(":")
    assert published == (host_port or "9092")
    kafka_env = _env(kafka)
    assert _listeners(kafka_env["KAFKA_ADVERTISED_LISTENERS"])["EXTERNAL"] == (
        "localhost",
        int(published),
    )
    assert _listeners(kafka_env["KAFKA_LISTENERS"])["EXTERNAL"][1] == int(container)


def test_images_can_be_chosen() -> None:
    chosen = _compose({"KAFKA_IMAGE": "localhost/geowire-kafka:4.1.1", "GEOWIRE_IMAGE": "g:1"})
    assert chosen["services"]["kafka"]["image"] == "localhost/geowire-kafka:4.1.1"
    assert chosen["services"]["worker"]["image"] == "g:1"
    default = _compose()["services"]["kafka"]["image"]
    image, _, tag = default.partition(":")
    assert image == "apache/kafka" and tag.split(".")[0] == "4"


def _rendered(defaults: str, env: dict[str, str], home: Path) -> list[str]:
    """The property lines the image's entry point writes from ``defaults`` and ``env``."""
    (home / "config").mkdir()
    (home / "config" / "server.properties").write_text(defaults)
    done = subprocess.run(
        ["bash", str(START), "--print-config"],
        env={"PATH": os.environ["PATH"], "KAFKA_HOME": str(home), **env},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return [line for line in done.stdout.splitlines() if line and not line.startswith("#")]


def test_the_kafka_entry_point_renders_the_compose_environment(
    services: dict[str, Any], tmp_path: Path
) -> None:
    env = _env(services["kafka"])
    defaults = (ROOT / "deploy" / "kafka" / "server.properties").read_text()
    lines = _rendered(defaults, env, tmp_path)
    keys = [line.split("=", 1)[0] for line in lines]
    assert len(keys) == len(set(keys)), "a key is set twice"
    config = dict(line.split("=", 1) for line in lines)
    assert config["controller.quorum.voters"] == "1@kafka:9093"
    assert config["listener.security.protocol.map"] == env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"]
    assert config["inter.broker.listener.name"] == "INTERNAL"
    assert config["log.dirs"] == "/var/lib/kafka/data"
    assert "heap.opts" not in config  # JVM options are not broker settings
    # what compose does not set keeps the defaults of deploy/kafka/server.properties
    assert config["log.retention.hours"] == "168"


def test_the_kafka_entry_point_maps_names_like_apache_kafka(tmp_path: Path) -> None:
    env = {"KAFKA_NODE_ID": "7", "KAFKA_SOME__ODD___NAME": "x", "KAFKA_OPTS": "-Dx=1"}
    lines = _rendered("node.id=1\nlog.dirs=/data\n", env, tmp_path)
    assert sorted(lines) == ["log.dirs=/data", "node.id=7", "some_odd-name=x"]


def test_worker_can_be_scaled_out(services: dict[str, Any]) -> None:
    worker = services["worker"]
    assert "container_name" not in worker
    # A fixed host port would clash between replicas.
    for port in worker.get("ports", []):
        assert ":" not in str(port), port


def test_dockerignore_keeps_local_state_out_of_the_image() -> None:
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".venv", "var", "deploy/kafka/lib", ".git"} <= ignored
    assert "lib" in (ROOT / "deploy" / "kafka" / ".dockerignore").read_text().split()
