"""geowire's one exception root and the errors that map to dead-letter codes.

Every code and stage an error can carry is one of the dead-letter contract's
(``schemas.dead_letter``): any ``GeowireError`` can be dead-lettered as it is.
"""

from __future__ import annotations

from typing import get_args

from schemas.dead_letter import ErrorCodeV2 as ErrorCode
from schemas.dead_letter import StageV2 as Stage

#: Every code and stage an error may carry.
CODES: frozenset[str] = frozenset(get_args(ErrorCode))
STAGES: frozenset[str] = frozenset(get_args(Stage))


class GeowireError(Exception):
    """Root of every error geowire raises on purpose.

    Attributes:
        code: machine-readable reason, the dead-letter ``error.code``.
        stage: pipeline stage that failed (decode, split, tag, geocode, publish, ...).
    """

    code: ErrorCode = "internal"
    stage: Stage = "decode"

    def __init__(
        self, message: str, *, code: ErrorCode | None = None, stage: Stage | None = None
    ) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        if stage is not None:
            self.stage = stage
        # A code outside the contract would make the dead letter itself fail.
        if self.code not in CODES or self.stage not in STAGES:
            bad = f"code {self.code!r}, stage {self.stage!r}"
            raise ValueError(f"{bad}: not in the dead-letter contract ({message})")


class InputError(GeowireError):
    """A raw input that cannot be turned into text (bad bytes, JSON or envelope)."""

    stage = "decode"


class EventError(GeowireError):
    """An internal event on a downstream topic that does not match its schema."""

    code = "bad_event"


class ConfigError(GeowireError):
    """Settings that are invalid or name something that cannot be loaded.

    Attributes:
        setting: the setting at fault (a ``Settings`` field name), when one is.
    """

    code = "config"
    stage = "startup"

    def __init__(self, message: str, *, setting: str | None = None, stage: Stage | None = None):
        super().__init__(message, stage=stage)
        self.setting = setting


class DeliveryError(GeowireError):
    """A send the broker refused for good (not a record's fault): the worker stops."""

    code = "delivery"
    stage = "publish"
