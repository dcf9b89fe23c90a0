"""Turn the bytes of a ``geowire.raw`` record into text and its metadata.

A value is UTF-8 text (one article or a dump of several) or, when its first
non-space character is ``{``, a JSON envelope: ``schemas.RawEnvelopeV2`` when it
says ``"schema_version": 2`` or carries ``split``, else ``schemas.RawEnvelopeV1``.

The producer can say that an input is one article, to be kept whole: the
envelope field ``"split": false``, or the record header ``geowire-split: never``
(read by the split agent and passed in as ``split=False``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

import orjson
from pydantic import ValidationError

from schemas.models import RawEnvelopeV1, RawEnvelopeV2
from streams.core.errors import InputError

# Control characters other than tab/newline/CR/form feed: text with many of them
# is a binary blob that happens to decode, not an article.
_CONTROL = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f") | {"\x7f"}
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class RawInput:
    """One decoded input.

    Attributes:
        source_id: the envelope id, else the record key, else ``topic:partition:offset``.
        explicit_id: whether ``source_id`` was given by the producer (and so may
            seed article ids) rather than derived from the record's position.
        split: whether the splitter may cut the text into articles; ``False``
            keeps it one article.
    """

    source_id: str
    text: str
    explicit_id: bool = False
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    split: bool = True


def decode_raw(
    value: bytes | None, key: bytes | None, *, origin: str, max_bytes: int, split: bool = True
) -> RawInput:
    """Decode one raw record.

    Args:
        value: the record value.
        key: the record key, used as ``source_id`` when no envelope id is given.
        origin: ``topic:partition:offset`` (or a file name), the fallback ``source_id``.
        max_bytes: inputs larger than this are refused.
        split: ``False`` keeps the input one article whatever the envelope says
            (a record header or the ``GEOWIRE_SPLIT`` setting said so).

    Raises:
        InputError: with code not_utf8, binary, bad_json, bad_envelope, no_text or too_large.
    """
    if not value:
        raise InputError("empty value", code="no_text")
    if len(value) > max_bytes:
        message = f"value of {len(value)} bytes exceeds the limit of {max_bytes}"
        raise InputError(message, code="too_large")
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"value is not UTF-8 at byte {exc.start}"
        raise InputError(message, code="not_utf8") from exc
    key_text = _key_text(key)
    if text.lstrip().startswith("{"):
        raw = _from_envelope(text, key_text, origin)
        return raw if split else replace(raw, split=False)
    _check_text(text)
    return RawInput(
        source_id=key_text or origin, text=text, explicit_id=key_text is not None, split=split
    )


def _key_text(key: bytes | None) -> str | None:
    if not key:
        return None
    try:
        return key.decode("utf-8")
    except UnicodeDecodeError:
        return key.hex()


def _check_text(text: str) -> None:
    if not text.strip():
        raise InputError("no text: the value is only whitespace", code="no_text")
    controls = sum(1 for ch in text if ch in _CONTROL)
    if controls > max(2, len(text) * _MAX_CONTROL_SHARE):
        message = f"{controls} control characters in {len(text)}: binary data, not text"
        raise InputError(message, code="binary")
    # Digits, punctuation and symbols alone ("[1, 2, 3]") are not an article: no words.
    if not any(ch.isalpha() for ch in text):
        raise InputError("no text: not a letter in any script", code="no_text")


def _from_envelope(text: str, key_text: str | None, origin: str) -> RawInput:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        message = f"value starts with '{{' but is not JSON: {exc}"
        raise InputError(message, code="bad_json") from exc
    if not isinstance(data, dict):
        raise InputError("JSON value is not an object", code="bad_envelope")
    if not isinstance(data.get("text"), str):
        raise InputError("envelope has no string field 'text'", code="no_text")
    model = RawEnvelopeV2 if data.get("schema_version") == 2 or "split" in data else RawEnvelopeV1
    try:
        envelope = model.model_validate(data)
    except ValidationError as exc:
        message = f"envelope does not match {model.__name__}: {str(exc)[:300]}"
        raise InputError(message, code="bad_envelope") from exc
    _check_text(envelope.text)
    explicit = envelope.id or key_text
    return RawInput(
        source_id=explicit or origin,
        text=envelope.text,
        explicit_id=explicit is not None,
        source=envelope.source,
        url=envelope.url,
        published_at=envelope.published_at,
        language=envelope.language,
        split=getattr(envelope, "split", True),
    )
