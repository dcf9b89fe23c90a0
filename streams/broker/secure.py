"""The local broker's secured listener: a self-signed CA, a broker certificate, SCRAM users.

``geowire broker start --secure`` adds a SASL_SSL listener (SCRAM-SHA-512) next to the
PLAINTEXT one. The JDK's ``keytool`` makes a CA and a broker certificate for
``localhost``/``127.0.0.1`` signed by it, once, under ``<data dir>/tls/``; clients trust
``<data dir>/tls/ca.pem``. The SCRAM user is written into the storage when it is
formatted (``StorageTool format --add-scram``) and, for a data dir formatted before,
added to the running broker with ``kafka.admin.ConfigCommand`` (both ship in the
``kafka_2.13`` jar that ``deploy/kafka/pom.xml`` resolves).

The credentials below are for a development broker on this machine only: they are
documented, and geowire uses them when it talks to a broker on localhost over SASL
without credentials of its own. Stdlib only, like the rest of ``streams.broker``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from streams.broker.tools import BrokerError, run_checked

#: The local broker's SCRAM user (documented in the README; never use them elsewhere).
LOCAL_USERNAME = "geowire"
LOCAL_PASSWORD = "geowire-local-secret"
MECHANISM = "SCRAM-SHA-512"
#: The listener name in server.properties.
LISTENER = "SASL_SSL"
# Protects the PKCS12 key stores; the CA key never leaves the data dir.
_STORE_PASSWORD = "geowire-local-store"
_VALID_DAYS = "3650"
_CA_NAME = "CN=geowire local CA"
# The broker's certificate: for this machine's names, for TLS servers only.
_BROKER_EXTENSIONS = (
    *("-validity", _VALID_DAYS, "-ext", "SAN=dns:localhost,ip:127.0.0.1"),
    *("-ext", "KU=digitalSignature,keyEncipherment", "-ext", "EKU=serverAuth"),
)


@dataclass(frozen=True)
class TlsFiles:
    """The key stores and the CA certificate of one data dir."""

    directory: Path

    @property
    def ca_pem(self) -> Path:
        """The CA certificate clients trust (GEOWIRE_KAFKA_SSL_CAFILE)."""
        return self.directory / "ca.pem"

    @property
    def ca_store(self) -> Path:
        """The CA's key pair (PKCS12)."""
        return self.directory / "ca.p12"

    @property
    def keystore(self) -> Path:
        """The broker's key and certificate chain (PKCS12)."""
        return self.directory / "broker.p12"

    def exist(self) -> bool:
        """Whether the broker's key store and the CA certificate are both there."""
        return self.keystore.exists() and self.ca_pem.exists()


def make_tls(tls: TlsFiles) -> TlsFiles:
    """Make a CA and a broker certificate signed by it, unless they exist.

    Raises:
        BrokerError: no ``keytool`` is found, or it fails.
    """
    if tls.exist():
        return tls
    tls.directory.mkdir(parents=True, exist_ok=True)
    for stale in (tls.ca_store, tls.keystore, tls.ca_pem):
        stale.unlink(missing_ok=True)
    tool = _keytool()
    store = ["-storetype", "PKCS12", "-storepass", _STORE_PASSWORD, "-keypass", _STORE_PASSWORD]
    key = ["-keyalg", "RSA", "-keysize", "2048", "-validity", _VALID_DAYS]
    ca = ["-alias", "ca", "-keystore", str(tls.ca_store), *store]
    keystore = ["-keystore", str(tls.keystore), *store]
    broker = ["-alias", "broker", *keystore]
    csr, crt = tls.directory / "broker.csr", tls.directory / "broker.crt"
    sign = ["-gencert", *ca, "-infile", str(csr), "-outfile", str(crt), "-rfc"]
    steps: list[tuple[str, Sequence[str]]] = [
        ("making the CA", ["-genkeypair", *ca, *key, "-dname", _CA_NAME, "-ext", "bc:c"]),
        ("making the broker key", ["-genkeypair", *broker, *key, "-dname", "CN=localhost"]),
        ("requesting the broker certificate", ["-certreq", *broker, "-file", str(csr)]),
        ("signing the broker certificate", [*sign, *_BROKER_EXTENSIONS]),
        ("exporting the CA certificate", ["-exportcert", *ca, "-rfc", "-file", str(tls.ca_pem)]),
        (
            "importing the CA",
            ["-importcert", "-noprompt", "-alias", "ca", *keystore, "-file", str(tls.ca_pem)],
        ),
        ("importing the broker certificate", ["-importcert", *broker, "-file", str(crt)]),
    ]
    for what, args in steps:
        run_checked([tool, *args], what, "tls")
    csr.unlink(missing_ok=True)
    crt.unlink(missing_ok=True)
    return tls


def secure_overrides(tls: TlsFiles) -> dict[str, str]:
    """server.properties keys of the SASL_SSL listener, but for its address.

    The caller adds ``SASL_SSL://host:port`` to ``listeners`` and ``advertised.listeners``.
    """
    prefix = f"listener.name.{LISTENER.lower()}.{MECHANISM.lower()}"
    return {
        "sasl.enabled.mechanisms": MECHANISM,
        f"{prefix}.sasl.jaas.config": (
            "org.apache.kafka.common.security.scram.ScramLoginModule required;"
        ),
        "ssl.keystore.type": "PKCS12",
        "ssl.keystore.location": str(tls.keystore),
        "ssl.keystore.password": _STORE_PASSWORD,
        "ssl.key.password": _STORE_PASSWORD,
        "ssl.client.auth": "none",
        "listener.security.protocol.map": (
            f"PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,{LISTENER}:{LISTENER}"
        ),
    }


def scram_format_args() -> list[str]:
    """StorageTool arguments that write the local SCRAM user into a new storage."""
    return ["--add-scram", f"{MECHANISM}=[name={LOCAL_USERNAME},password={LOCAL_PASSWORD}]"]


def scram_user_args(bootstrap: str) -> list[str]:
    """``kafka.admin.ConfigCommand`` arguments that create (or reset) the local SCRAM user.

    Args:
        bootstrap: the running broker's PLAINTEXT address.
    """
    return [
        "--bootstrap-server",
        bootstrap,
        "--alter",
        "--add-config",
        f"{MECHANISM}=[password={LOCAL_PASSWORD}]",
        "--entity-type",
        "users",
        "--entity-name",
        LOCAL_USERNAME,
    ]


def _keytool() -> str:
    java_home = os.environ.get("JAVA_HOME")
    tool = str(Path(java_home) / "bin" / "keytool") if java_home else shutil.which("keytool")
    if not tool or not Path(tool).exists():
        message = "no `keytool` (it comes with the JDK) to make the local broker's certificates"
        raise BrokerError(message, reason="tls")
    return tool
