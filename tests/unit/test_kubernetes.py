"""The Kubernetes manifest, checked without a cluster: settings, probes, mounts, user."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from streams.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def manifest() -> dict[str, dict[str, Any]]:
    text = (ROOT / "deploy" / "kubernetes" / "worker.yaml").read_text()
    return {doc["kind"]: doc for doc in yaml.safe_load_all(text)}


@pytest.fixture(scope="module")
def config(manifest: dict[str, dict[str, Any]]) -> dict[str, str]:
    return dict(manifest["ConfigMap"]["data"])


@pytest.fixture(scope="module")
def pod(manifest: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return dict(manifest["Deployment"]["spec"]["template"])


def _container(pod: dict[str, Any]) -> dict[str, Any]:
    (container,) = pod["spec"]["containers"]
    return dict(container)


def test_every_variable_is_a_setting_and_the_config_validates(
    config: dict[str, str], pod: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    fields = {f"GEOWIRE_{name.upper()}" for name in Settings.model_fields}
    names = set(config) | {item["name"] for item in _container(pod).get("env", [])}
    assert names <= fields, names - fields
    for key, value in config.items():
        monkeypatch.setenv(key, value)
    settings = Settings()
    assert settings.web_port == int(config["GEOWIRE_WEB_PORT"])


def test_the_password_comes_from_a_secret(pod: dict[str, Any]) -> None:
    env = {item["name"]: item for item in _container(pod)["env"]}
    assert "secretKeyRef" in env["GEOWIRE_KAFKA_PASSWORD"]["valueFrom"]


def test_probes_and_scraping_use_the_web_port(config: dict[str, str], pod: dict[str, Any]) -> None:
    container = _container(pod)
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    assert ports["web"] == int(config["GEOWIRE_WEB_PORT"])
    for probe in ("startupProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/health", "port": "web"}
    assert container["readinessProbe"]["httpGet"] == {"path": "/ready", "port": "web"}
    annotations = pod["metadata"]["annotations"]
    assert annotations["prometheus.io/port"] == config["GEOWIRE_WEB_PORT"]
    assert annotations["prometheus.io/path"] == "/metrics"


def test_replicas_do_not_outnumber_the_partitions(
    manifest: dict[str, dict[str, Any]], config: dict[str, str]
) -> None:
    assert manifest["Deployment"]["spec"]["replicas"] <= int(config["GEOWIRE_TOPIC_PARTITIONS"])


def test_the_data_dir_is_writable_and_the_baked_gazetteer_is_not_hidden(
    config: dict[str, str], pod: dict[str, Any]
) -> None:
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    match = re.search(r"GEOWIRE_GAZETTEER_PATH=(\S+)", dockerfile)
    assert match is not None
    gazetteer = Path(match.group(1))
    mounts = [Path(m["mountPath"]) for m in _container(pod)["volumeMounts"]]
    data_dir = Path(config["GEOWIRE_DATA_DIR"])
    assert any(data_dir == m or m in data_dir.parents for m in mounts)
    assert not any(gazetteer == m or m in gazetteer.parents for m in mounts)


def test_it_runs_as_the_images_user(pod: dict[str, Any]) -> None:
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    match = re.search(r"useradd --system --uid (\d+)", dockerfile)
    assert match is not None
    context = pod["spec"]["securityContext"]
    assert context["runAsNonRoot"] is True
    assert context["runAsUser"] == int(match.group(1))


# --- the KEDA ScaledObject (deploy/kubernetes/keda.yaml) ---------------------------------

SCALED_OBJECT_SPEC = {
    "scaleTargetRef", "pollingInterval", "cooldownPeriod", "initialCooldownPeriod",
    "idleReplicaCount", "minReplicaCount", "maxReplicaCount", "fallback", "advanced", "triggers",
}  # fmt: skip
# the parameters of KEDA's kafka scaler (keda.sh/docs, "Apache Kafka"), without sasl/tls
KAFKA_TRIGGER = {
    "bootstrapServers", "consumerGroup", "topic", "lagThreshold", "activationLagThreshold",
    "offsetResetPolicy", "allowIdleConsumers", "scaleToZeroOnInvalidOffset",
    "excludePersistentLag", "limitToPartitionsWithLag", "partitionLimitation", "version",
}  # fmt: skip


@pytest.fixture(scope="module")
def scaled_object() -> dict[str, Any]:
    (doc,) = yaml.safe_load_all((ROOT / "deploy" / "kubernetes" / "keda.yaml").read_text())
    assert (doc["apiVersion"], doc["kind"]) == ("keda.sh/v1alpha1", "ScaledObject")
    return dict(doc)


@pytest.fixture(scope="module")
def settings(config: dict[str, str]) -> Settings:
    """The ConfigMap's settings alone (model_validate reads no environment)."""
    return Settings.model_validate(
        {k.removeprefix("GEOWIRE_").lower(): v for k, v in config.items()}
    )


def test_keda_scales_the_worker_deployment(
    scaled_object: dict[str, Any], manifest: dict[str, dict[str, Any]]
) -> None:
    spec = scaled_object["spec"]
    assert set(spec) <= SCALED_OBJECT_SPEC, set(spec) - SCALED_OBJECT_SPEC
    deployment = manifest["Deployment"]
    target = spec["scaleTargetRef"]
    assert target["name"] == deployment["metadata"]["name"]
    assert target.get("kind", "Deployment") == deployment["kind"]
    assert target.get("apiVersion", "apps/v1") == deployment["apiVersion"]
    assert scaled_object["metadata"]["labels"].items() <= deployment["metadata"]["labels"].items()


def test_keda_watches_the_lag_of_the_workers_group_on_the_raw_topic(
    scaled_object: dict[str, Any], settings: Settings
) -> None:
    (trigger,) = scaled_object["spec"]["triggers"]
    assert trigger["type"] == "kafka"
    meta = trigger["metadata"]
    assert set(meta) <= KAFKA_TRIGGER, set(meta) - KAFKA_TRIGGER
    # KEDA's trigger metadata is a map of strings: a bare YAML number or boolean is refused
    assert all(isinstance(value, str) for value in meta.values()), meta
    assert meta["topic"] == settings.topic_raw
    # Faust's consumer group is the app id
    assert meta["consumerGroup"] == settings.app_id
    assert meta["bootstrapServers"] == settings.kafka_bootstrap
    assert int(meta["lagThreshold"]) > 0
    # the workers start from the earliest record when their group has no offset yet
    assert meta.get("offsetResetPolicy", "latest") == "earliest"


def test_keda_adds_no_more_workers_than_partitions(
    scaled_object: dict[str, Any], settings: Settings
) -> None:
    spec = scaled_object["spec"]
    assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"] <= settings.topic_partitions
    assert spec["triggers"][0]["metadata"].get("allowIdleConsumers", "false") == "false"
