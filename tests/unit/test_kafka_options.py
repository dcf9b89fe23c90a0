"""One set of client options for every Kafka client: built for real, for every protocol.

The options go into the real aiokafka clients and into a Faust app's producer, as the
CLI and the worker use them: a missing ``ssl_context`` (aiokafka's "ssl_context is
mandatory") or a wrong keyword fails here, not against a customer's cluster.
"""

from __future__ import annotations

import socket
import ssl
import threading

import faust
import pytest
import trustme
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth
from pydantic import ValidationError

from streams.core.errors import ConfigError
from streams.service.kafka import client_options, faust_credentials
from streams.settings import Settings

PROTOCOLS = ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
MECHANISMS = ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]
REMOTE = "kafka-1.example.net:9093,kafka-2.example.net:9093"


def settings(protocol: str, mechanism: str = "PLAIN", **more) -> Settings:
    creds = {"kafka_username": "svc", "kafka_password": "s3cret"} if "SASL" in protocol else {}
    return Settings(
        kafka_bootstrap=REMOTE,
        kafka_security_protocol=protocol,
        kafka_sasl_mechanism=mechanism,
        **creds,
        **more,
    )


def cases() -> list[tuple[str, str]]:
    return [(p, m) for p in PROTOCOLS for m in (MECHANISMS if "SASL" in p else ["PLAIN"])]


@pytest.mark.parametrize(("protocol", "mechanism"), cases())
async def test_every_client_accepts_the_options(protocol: str, mechanism: str) -> None:
    options = client_options(settings(protocol, mechanism))
    assert options["security_protocol"] == protocol
    assert isinstance(options.get("ssl_context"), ssl.SSLContext) is protocol.endswith("SSL")
    producer = AIOKafkaProducer(**options)
    consumer = AIOKafkaConsumer("t", **options)
    admin = AIOKafkaAdminClient(**options)
    try:
        for inner in (producer.client, consumer._client, admin._client):
            assert inner._security_protocol == protocol
            assert inner._ssl_context is options.get("ssl_context")
            if "SASL" in protocol:
                assert (inner._sasl_mechanism, inner._sasl_plain_username) == (mechanism, "svc")
    finally:
        await producer.stop()
        await consumer.stop()
        await admin.close()


@pytest.mark.parametrize(("protocol", "mechanism"), cases())
async def test_faust_gets_the_same_options(protocol: str, mechanism: str) -> None:
    s = settings(protocol, mechanism)
    auth = credentials_to_aiokafka_auth(faust_credentials(s))
    expected = client_options(s)
    assert {k: v for k, v in auth.items() if k != "ssl_context"} == {
        k: v for k, v in expected.items() if k not in ("ssl_context", "bootstrap_servers")
    }
    assert ("ssl_context" in expected) is (auth.get("ssl_context") is not None)
    # and Faust builds its own producer from them
    app = faust.App("options-test", broker=f"kafka://{REMOTE.split(',')[0]}")
    app.conf.broker_credentials = faust_credentials(s)
    producer = app.producer._new_producer()
    assert producer.client._security_protocol == protocol


def test_sasl_without_credentials_uses_the_local_brokers_user_on_localhost_only() -> None:
    local = Settings(kafka_bootstrap="localhost:9093", kafka_security_protocol="SASL_SSL")
    mechanism, user, password = local.sasl or ("", "", "")
    assert (mechanism, user) == ("SCRAM-SHA-512", "geowire") and password
    with pytest.raises(ValidationError, match="SASL needs"):
        Settings(kafka_bootstrap=REMOTE, kafka_security_protocol="SASL_SSL")
    with pytest.raises(ValidationError, match="SASL needs"):  # half given: not the defaults
        Settings(kafka_bootstrap="localhost:9093", kafka_security_protocol="SASL_SSL",
                 kafka_username="someone")  # fmt: skip


def test_a_bad_ca_file_is_a_config_error_naming_the_setting(tmp_path) -> None:
    bad = tmp_path / "ca.pem"
    bad.write_text("not a certificate\n")
    with pytest.raises(ConfigError) as info:
        client_options(settings("SSL", kafka_ssl_cafile=bad))
    assert info.value.setting == "kafka_ssl_cafile"


def test_a_key_without_a_certificate_is_refused(tmp_path) -> None:
    key = tmp_path / "client.key"
    key.write_text("x")
    with pytest.raises(ValidationError, match="KEYFILE needs"):
        settings("SSL", kafka_ssl_keyfile=key)


def test_mutual_tls_presents_the_client_certificate(tmp_path) -> None:
    """A TLS server that requires a client certificate accepts the one the settings name."""
    ca = trustme.CA()
    server_cert = ca.issue_cert("localhost")
    client_cert = ca.issue_cert("geowire-client.example")
    paths = {name: tmp_path / f"{name}.pem" for name in ("ca", "cert", "key")}
    ca.cert_pem.write_to_path(paths["ca"])
    client_cert.cert_chain_pems[0].write_to_path(paths["cert"])
    client_cert.private_key_pem.write_to_path(paths["key"])
    s = Settings(
        kafka_bootstrap="localhost:9093",
        kafka_security_protocol="SSL",
        kafka_ssl_cafile=paths["ca"],
        kafka_ssl_certfile=paths["cert"],
        kafka_ssl_keyfile=paths["key"],
    )
    context = client_options(s)["ssl_context"]
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_cert.configure_cert(server)
    ca.configure_trust(server)
    server.verify_mode = ssl.CERT_REQUIRED
    seen: list[str] = []
    with socket.create_server(("localhost", 0)) as listener:
        port = listener.getsockname()[1]

        def accept() -> None:
            conn, _ = listener.accept()
            with server.wrap_socket(conn, server_side=True) as tls:
                seen.extend(name for _kind, name in tls.getpeercert()["subjectAltName"])

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        with (
            socket.create_connection(("localhost", port)) as raw,
            context.wrap_socket(raw, server_hostname="localhost"),
        ):
            pass
        thread.join(timeout=10)
    assert seen == ["geowire-client.example"]
