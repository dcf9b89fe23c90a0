import pytest
from pydantic import ValidationError

from streams.service.kafka import client_options
from streams.settings import Settings, describe_errors


def test_defaults_are_the_documented_topics(monkeypatch):
    for var in ("GEOWIRE_KAFKA_BOOTSTRAP", "GEOWIRE_TOPIC_RAW"):
        monkeypatch.delenv(var, raising=False)
    s = Settings()
    assert s.topics == {
        "raw": "geowire.raw",
        "articles": "geowire.articles",
        "tagged": "geowire.tagged",
        "enriched": "geowire.enriched",
        "places": "geowire.places",
        "dlq": "geowire.dlq",
    }
    assert (s.topic_partitions, s.max_input_bytes, s.kafka_bootstrap) == (
        12,
        512 * 1024,
        "localhost:9092",
    )


def test_environment_overrides_and_validation(monkeypatch):
    monkeypatch.setenv("GEOWIRE_BATCH_SIZE", "64")
    monkeypatch.setenv("GEOWIRE_SPACY_MODEL", "en_core_web_trf")
    assert (Settings().batch_size, Settings().spacy_model) == (64, "en_core_web_trf")
    monkeypatch.setenv("GEOWIRE_BATCH_SIZE", "0")
    with pytest.raises(ValidationError):
        Settings()


def test_sasl_needs_credentials_and_keeps_the_password_secret():
    with pytest.raises(ValidationError):
        Settings(kafka_bootstrap="kafka.example.net:9093", kafka_security_protocol="SASL_SSL")
    s = Settings(kafka_security_protocol="SASL_SSL", kafka_username="u", kafka_password="p4ss")
    assert "p4ss" not in repr(s)
    assert client_options(s)["sasl_plain_password"] == "p4ss"


def test_split_setting(monkeypatch):
    assert Settings().split == "auto"
    monkeypatch.setenv("GEOWIRE_SPLIT", "never")
    assert Settings().split == "never"
    monkeypatch.setenv("GEOWIRE_SPLIT", "sometimes")
    with pytest.raises(ValidationError):
        Settings()


def test_an_invalid_setting_is_named_on_one_line(monkeypatch):
    monkeypatch.setenv("GEOWIRE_BATCH_SIZE", "0")
    monkeypatch.setenv("GEOWIRE_KAFKA_SECURITY_PROTOCOL", "TLS")
    with pytest.raises(ValidationError) as info:
        Settings()
    line = describe_errors(info.value)
    assert "\n" not in line
    assert line.startswith("GEOWIRE_KAFKA_SECURITY_PROTOCOL: Input should be 'PLAINTEXT'")
    assert "GEOWIRE_BATCH_SIZE: Input should be greater than or equal to 1" in line
