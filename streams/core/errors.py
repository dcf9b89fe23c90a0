"""geowire's one exception root and the errors that map to dead-letter codes."""

from __future__ import annotations


class GeowireError(Exception):
    """Root of every error geowire raises on purpose.

    Attributes:
        code: machine-readable reason, the dead-letter ``error.code``.
        stage: pipeline stage that failed (decode, split, tag, geocode, publish).
    """

    code: str = "internal"
    stage: str = "decode"

    def __init__(self, message: str, *, code: str | None = None, stage: str | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code
        if stage is not None:
            self.stage = stage


class InputError(GeowireError):
    """A raw input that cannot be turned into text (bad bytes, JSON or envelope)."""

    stage = "decode"


class EventError(GeowireError):
    """An internal event on a downstream topic that does not match its schema."""

    code = "bad_event"


class ConfigError(GeowireError):
    """Settings that are invalid or name something that cannot be loaded."""

    code = "config"
    stage = "startup"
