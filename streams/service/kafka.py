"""Kafka connection options shared by the worker, the CLI and the tests."""

from __future__ import annotations

from typing import Any

from streams.settings import Settings


def client_options(settings: Settings) -> dict[str, Any]:
    """aiokafka client keyword arguments (bootstrap servers and credentials)."""
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap,
        "security_protocol": settings.kafka_security_protocol,
    }
    if settings.kafka_security_protocol.startswith("SASL"):
        assert settings.kafka_password is not None  # checked by Settings
        options |= {
            "sasl_mechanism": settings.kafka_sasl_mechanism,
            "sasl_plain_username": settings.kafka_username,
            "sasl_plain_password": settings.kafka_password.get_secret_value(),
        }
    return options
