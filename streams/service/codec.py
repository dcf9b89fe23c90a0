"""The one codec at the Kafka boundary: pydantic models <-> orjson bytes."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import NamedTuple, TypeVar

import orjson
from pydantic import BaseModel, ValidationError

from schemas.dead_letter import V1_CODES, V1_STAGES, DeadLetterV2
from schemas.models import DeadLetterV1
from streams.core.errors import EventError, GeowireError

M = TypeVar("M", bound=BaseModel)
#: A dead letter as written: version 1 when version 1 can say it, else version 2.
DeadLetter = DeadLetterV1 | DeadLetterV2


def encode(model: BaseModel) -> bytes:
    """Serialise a contract model to compact JSON bytes."""
    return orjson.dumps(model.model_dump(mode="json"))


def decode(data: bytes | None, model: type[M], *, stage: str) -> M:
    """Parse JSON bytes into ``model``.

    Raises:
        EventError: the bytes are not JSON or do not match the model.
    """
    if data is None:
        message = f"empty value where a {model.__name__} was expected"
        raise EventError(message, stage=stage)
    try:
        return model.model_validate(orjson.loads(data))
    except (orjson.JSONDecodeError, ValidationError) as exc:
        message = f"not a valid {model.__name__}: {str(exc)[:500]}"
        raise EventError(message, stage=stage) from exc


def b64(data: bytes | None) -> str | None:
    """Base64 of raw bytes, None stays None."""
    return None if data is None else base64.b64encode(data).decode("ascii")


class Reason(NamedTuple):
    """Why a record failed, in plain strings: what a dead letter says about its error.

    The model process reports failures this way (an exception does not cross the
    process boundary, and its traceback is logged where it was raised).
    """

    code: str
    stage: str
    message: str
    #: the exception's class, ``module.QualName``
    cls: str

    @classmethod
    def of(cls, error: BaseException | Reason, stage: str | None = None) -> Reason:
        """The reason of ``error``; ``stage`` is the catching stage's, for errors outside
        geowire's hierarchy (``internal``), which geowire's own errors carry themselves.
        """
        if isinstance(error, Reason):
            return error
        if isinstance(error, GeowireError):
            code, err_stage = error.code, error.stage
        else:
            code, err_stage = "internal", stage or "decode"
        kind = type(error)
        message = f"{kind.__name__}: {error}"
        return cls(code, err_stage, message, f"{kind.__module__}.{kind.__qualname__}")


def dead_letter(
    error: BaseException | Reason,
    *,
    topic: str,
    partition: int,
    offset: int,
    key: bytes | None,
    value: bytes | None,
    stage: str | None = None,
) -> DeadLetter:
    """Build the dead letter for a record that failed with ``error``.

    Errors outside geowire's hierarchy are unexpected: they get the code ``internal``
    and the ``stage`` of the agent that caught them; geowire's own errors know theirs.
    ``error`` may also be the ``Reason`` of one raised elsewhere (the model process).
    The letter is a ``DeadLetterV1`` unless its code or stage is new in version 2.
    """
    code, err_stage, message, _ = Reason.of(error, stage)
    fields = {
        "topic": topic,
        "partition": partition,
        "offset": offset,
        "key": b64(key),
        "value": b64(value) or "",
        "failed_at": datetime.now(UTC),
    }
    info = {"stage": err_stage, "code": code, "message": message}
    if code in V1_CODES and err_stage in V1_STAGES:
        return DeadLetterV1.model_validate({**fields, "error": info})
    return DeadLetterV2.model_validate({**fields, "error": info})


def decode_letter(data: bytes | None) -> DeadLetter:
    """Parse a dead letter of either version (told apart by ``schema_version``).

    Raises:
        EventError: the bytes are not a dead letter.
    """
    try:
        version = orjson.loads(data or b"null").get("schema_version")
    except (orjson.JSONDecodeError, AttributeError):
        version = None
    return decode(data, DeadLetterV2 if version == 2 else DeadLetterV1, stage="decode")
