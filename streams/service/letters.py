"""Dead-letter records as Kafka's conventions have them: original key, error in headers.

Kafka Connect (``__connect.errors.*``) and Spring Kafka (``kafka_dlt-*``) publish a failed
record under its original key and carry where it came from and why it failed in headers,
so that tools can route, count and filter letters without parsing their values. geowire
does the same with the headers below (UTF-8 text, numbers in decimal like Connect's, not
Spring's big-endian binary). The value stays the JSON dead letter (``schemas``), which
also holds the original key and value in base64. The failed record's own headers are
passed on, so that a replay can restore them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from streams.service.codec import DeadLetter, Reason, dead_letter, encode

PREFIX = "geowire-dlq-"
# Where the record came from: its topic, partition, offset and timestamp (epoch ms).
TOPIC = PREFIX + "topic"
PARTITION = PREFIX + "partition"
OFFSET = PREFIX + "offset"
TIMESTAMP = PREFIX + "timestamp"
# Why it failed: stage and code (as in the value), message, exception class; and who
# failed it: the worker's consumer group.
STAGE = PREFIX + "stage"
CODE = PREFIX + "code"
MESSAGE = PREFIX + "message"
CLASS = PREFIX + "class"
GROUP = PREFIX + "group"
_MAX_MESSAGE = 2000
Headers = list[tuple[str, bytes]]


@dataclass(frozen=True)
class Failed:
    """The record that failed, as the worker read it."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    timestamp_ms: int | None = None
    headers: Headers = field(default_factory=list)

    @classmethod
    def of(cls, message: Any) -> Failed:
        """The failed record behind a Faust message (its timestamp is in seconds)."""
        stamp = message.timestamp
        return cls(
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            key=message.key,
            value=message.value,
            timestamp_ms=None if stamp is None else round(stamp * 1000),
            headers=header_list(message.headers),
        )

    @property
    def origin(self) -> str:
        """``topic:partition:offset``, for logs."""
        return f"{self.topic}:{self.partition}:{self.offset}"


@dataclass(frozen=True)
class LetterRecord:
    """What goes to the dead-letter topic for one failed record."""

    letter: DeadLetter
    key: bytes | None
    value: bytes
    headers: Headers


def letter_record(
    error: BaseException | Reason, failed: Failed, *, stage: str, group: str
) -> LetterRecord:
    """The dead-letter record of ``failed``: its key, the JSON letter and the headers.

    Args:
        error: why it failed (an exception, or the ``Reason`` of one raised elsewhere).
        failed: the record.
        stage: the stage that caught an error outside geowire's own (``internal``).
        group: the consumer group (app id) of the worker that read it.
    """
    reason = Reason.of(error, stage)
    letter = dead_letter(
        reason,
        topic=failed.topic,
        partition=failed.partition,
        offset=failed.offset,
        key=failed.key,
        value=failed.value,
        stage=stage,
    )
    ours = {
        TOPIC: failed.topic,
        PARTITION: str(failed.partition),
        OFFSET: str(failed.offset),
        TIMESTAMP: None if failed.timestamp_ms is None else str(failed.timestamp_ms),
        STAGE: letter.error.stage,
        CODE: letter.error.code,
        MESSAGE: letter.error.message[:_MAX_MESSAGE],
        CLASS: reason.cls,
        GROUP: group,
    }
    headers = passed_on(failed.headers)
    headers += [(name, text.encode()) for name, text in ours.items() if text is not None]
    return LetterRecord(letter, failed.key, encode(letter), headers)


def header_list(headers: Mapping[str, bytes] | Iterable[tuple[str, bytes]] | None) -> Headers:
    """Headers as a list of ``(name, bytes)``, whichever form a client gave them in."""
    if headers is None:
        return []
    items = headers.items() if isinstance(headers, Mapping) else headers
    return [(str(name), bytes(value or b"")) for name, value in items]


def passed_on(headers: Headers) -> Headers:
    """A record's own headers, without any earlier dead-letter headers (a letter of a letter)."""
    return [(name, value) for name, value in headers if not name.startswith(PREFIX)]


def error_headers(headers: Headers) -> dict[str, str]:
    """The dead-letter headers of a letter record, by name without the prefix."""
    return {
        name.removeprefix(PREFIX): value.decode("utf-8", "replace")
        for name, value in headers
        if name.startswith(PREFIX)
    }
