"""The dead-letter contract, version 2: version 1 with room for every error geowire has.

Version 1 (``schemas.models.DeadLetterV1``) is released and stays as it is. Its code and
stage enums cannot name the errors of start-up, configuration, the local broker or
delivery. Version 2 adds them and changes nothing else. geowire keeps writing version 1
for every letter that version 1 can express, so its consumers keep reading what they
read before; a letter whose code or stage is new is written as version 2. Readers tell
them apart by ``schema_version``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal, get_args

from pydantic import Field

from schemas.models import ErrorCode as ErrorCodeV1
from schemas.models import Frozen
from schemas.models import Stage as StageV1

ErrorCodeV2 = Literal[
    "not_utf8",
    "bad_json",
    "bad_envelope",
    "no_text",
    "too_large",
    "unsupported_language",
    "binary",
    "bad_event",
    "internal",
    # new in version 2
    "config",
    "broker",
    "delivery",
]
StageV2 = Literal["decode", "split", "tag", "geocode", "publish", "startup", "broker"]

#: Codes and stages a version 1 letter can carry.
V1_CODES: frozenset[str] = frozenset(get_args(ErrorCodeV1))
V1_STAGES: frozenset[str] = frozenset(get_args(StageV1))


class ErrorInfoV2(Frozen):
    """Why a record was dead-lettered (version 2 codes and stages)."""

    stage: StageV2
    code: ErrorCodeV2
    message: str


class DeadLetterV2(Frozen):
    """A record that could not be processed, with its original bytes."""

    schema_version: Literal[2] = 2
    topic: str
    partition: int
    offset: int
    key: str | None = Field(description="original key, base64")
    value: str = Field(description="original value, base64")
    error: ErrorInfoV2
    failed_at: datetime
