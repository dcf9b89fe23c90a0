"""Fail fast: a worker checks what it needs before it subscribes, and says what is wrong.

Settings are validated when they are read. Then the worker loads the spaCy model and the
gazetteer, enriches one short text (``warm_up``: lazy caches are filled before the worker
takes partitions, not on their first records), reaches the broker with its own options
(TLS, SASL) and creates or checks its topics, and only then joins the consumer group. A
problem stops it with one line naming the setting at fault, instead of a worker that takes
partitions and drops their records.
"""

from __future__ import annotations

import asyncio
import logging
import ssl

from aiokafka.conn import create_conn
from aiokafka.errors import (
    AuthenticationFailedError,
    KafkaError,
    SaslAuthenticationFailed,
    UnsupportedSaslMechanismError,
)

from streams.core.errors import ConfigError
from streams.core.intake import decode_raw
from streams.core.interfaces import Splitter
from streams.core.pipeline import split_articles
from streams.service.codec import Reason, encode
from streams.service.kafka import client_options
from streams.service.model.stages import Model, Outcome, Stage
from streams.service.topics import check_topics, ensure_topics
from streams.settings import Settings

log = logging.getLogger("geowire.startup")
_PROBE_TIMEOUT_S = 15.0
# Enriched once before the worker joins the group: the first enrichment after loading
# fills lazy caches and takes about a second, which a joining worker would otherwise
# spend on the first records of the partitions it takes over.
_WARM_UP_TEXT = (
    "Ferry crossings between Oban and Craignure were cancelled on Monday after gales "
    "reached the west coast of Scotland, the operator said in Glasgow."
)


def warm_up(splitter: Splitter, model: Model) -> int:
    """Enrich one short text of our own through every stage, as the agents do; return
    its places.

    Call it in the model thread: the model's stages run where they will run for the
    stream (in that thread, or handed from it to the model process).

    Raises:
        RuntimeError: a stage failed (the worker then stops before joining the group).
    """
    raw = decode_raw(_WARM_UP_TEXT.encode(), b"warm-up", origin="warm-up", max_bytes=1 << 20)
    articles = [encode(article) for article in split_articles(splitter, raw)]
    tagged = _outputs(model, "tag", articles, "tagged")
    return len(_outputs(model, "geocode", tagged, "places"))


def _outputs(model: Model, stage: Stage, values: list[bytes], role: str) -> list[bytes]:
    outcomes: list[Outcome] = model.run(stage, values)[0]
    for outcome in outcomes:
        if isinstance(outcome, Reason):
            raise RuntimeError(f"the warm-up failed at {stage}: {outcome.message}")
    return [v for o in outcomes for r, records in o.by_role if r == role for _, v in records]


async def probe(settings: Settings) -> None:
    """Connect to the bootstrap servers as every client will: TLS, SASL, a first request.

    Returns as soon as one server answers.

    Raises:
        ConfigError: naming the setting at fault: the password, the CA, the protocol,
            or the bootstrap servers when none answers.
    """
    options = client_options(settings)
    sasl = settings.sasl
    failures = []
    for server in settings.kafka_bootstrap.split(","):
        host, _, port = server.strip().rpartition(":")
        try:
            conn = await asyncio.wait_for(
                create_conn(
                    host or "localhost",
                    int(port),
                    client_id="geowire-probe",
                    request_timeout_ms=int(_PROBE_TIMEOUT_S * 1000),
                    security_protocol=options["security_protocol"],
                    ssl_context=options.get("ssl_context"),
                    sasl_mechanism=sasl[0] if sasl else None,
                    sasl_plain_username=sasl[1] if sasl else None,
                    sasl_plain_password=sasl[2] if sasl else None,
                ),
                _PROBE_TIMEOUT_S,
            )
        except (SaslAuthenticationFailed, AuthenticationFailedError) as exc:
            who = f"user {sasl[1]!r} ({sasl[0]})" if sasl else "this client"
            message = f"{server} refused {who}: wrong username or password ({exc})"
            raise ConfigError(message, setting="kafka_password") from exc
        except UnsupportedSaslMechanismError as exc:
            message = f"{server} does not offer {sasl[0] if sasl else 'SASL'}: {exc}"
            raise ConfigError(message, setting="kafka_sasl_mechanism") from exc
        except ssl.SSLCertVerificationError as exc:
            message = f"the certificate of {server} is not trusted: {exc.verify_message}"
            raise ConfigError(message, setting="kafka_ssl_cafile") from exc
        except ssl.SSLError as exc:
            protocol = settings.kafka_security_protocol
            message = f"no TLS handshake with {server} (is it a {protocol} listener?): {exc}"
            raise ConfigError(message, setting="kafka_security_protocol") from exc
        except (OSError, TimeoutError, KafkaError, ValueError) as exc:
            failures.append(f"{server}: {type(exc).__name__}: {exc}".rstrip(": "))
            continue
        conn.close()
        return
    message = f"no Kafka broker answers ({'; '.join(failures)})"
    if settings.kafka_security_protocol != "PLAINTEXT":
        message += f"; is every server a {settings.kafka_security_protocol} listener?"
    raise ConfigError(message, setting="kafka_bootstrap")


async def prepare_broker(settings: Settings) -> None:
    """Reach the broker, create the missing topics and warn about ones set up otherwise.

    Topics are created before the agents subscribe, with geowire's partition count and
    configuration, so that no consumer triggers a broker-side auto-create with others.
    """
    await probe(settings)
    await ensure_topics(settings)
    for warning in await check_topics(settings):
        log.warning("%s", warning)
