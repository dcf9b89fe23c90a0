"""How geowire connects to Kafka: one set of client options for every client it makes.

``client_options`` is the only place that turns settings into connection options: the
CLI's and the tests' producers, consumers and admin clients take them as keyword
arguments, and the worker's Faust app gets the same options as ``broker_credentials``
(``faust_credentials``). PLAINTEXT, SSL, SASL_PLAINTEXT and SASL_SSL; PLAIN and
SCRAM-SHA-256/512; a CA file, and a client certificate and key for mutual TLS.
"""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING, Any

from aiokafka.helpers import create_ssl_context

from streams.core.errors import ConfigError
from streams.settings import Settings

if TYPE_CHECKING:
    from faust.types.auth import CredentialsT


def client_options(settings: Settings) -> dict[str, Any]:
    """aiokafka keyword arguments: bootstrap servers, security protocol and credentials.

    Raises:
        ConfigError: a CA, certificate or key file cannot be loaded.
    """
    protocol = settings.kafka_security_protocol
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap,
        "security_protocol": protocol,
    }
    if protocol in ("SSL", "SASL_SSL"):
        options["ssl_context"] = ssl_context(settings)
    if sasl := settings.sasl:
        mechanism, username, password = sasl
        options |= {
            "sasl_mechanism": mechanism,
            "sasl_plain_username": username,
            "sasl_plain_password": password,
        }
    return options


def ssl_context(settings: Settings) -> ssl.SSLContext:
    """A TLS context that verifies the broker, with this client's certificate if one is set.

    Raises:
        ConfigError: a file cannot be loaded; the message names its setting.
    """
    cafile = settings.ssl_cafile
    try:
        context = create_ssl_context(cafile=cafile)
    except (OSError, ssl.SSLError) as exc:
        message = f"cannot load the CA certificates in {cafile}: {exc}"
        raise ConfigError(message, setting="kafka_ssl_cafile") from exc
    certfile, keyfile = settings.kafka_ssl_certfile, settings.kafka_ssl_keyfile
    if certfile is not None:
        try:
            context.load_cert_chain(certfile, keyfile)
        except (OSError, ssl.SSLError) as exc:
            message = f"cannot load the client certificate {certfile} (key {keyfile}): {exc}"
            raise ConfigError(message, setting="kafka_ssl_certfile") from exc
    return context


def faust_credentials(settings: Settings) -> CredentialsT | None:
    """The same options as ``client_options``, in the form Faust's ``broker_credentials`` takes."""
    from faust.auth import SASLCredentials, SSLCredentials

    options = client_options(settings)
    context = options.get("ssl_context")
    if "sasl_mechanism" in options:
        return SASLCredentials(
            username=options["sasl_plain_username"],
            password=options["sasl_plain_password"],
            mechanism=options["sasl_mechanism"],
            ssl_context=context,
        )
    if context is not None:
        return SSLCredentials(context)
    return None
