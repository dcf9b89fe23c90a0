"""Every error geowire raises can be dead-lettered, as Kafka's conventions have letters."""

from __future__ import annotations

import itertools

import orjson
import pytest

from schemas.dead_letter import V1_CODES, V1_STAGES, DeadLetterV2
from schemas.models import DeadLetterV1
from streams.broker.tools import BrokerError
from streams.core.errors import CODES, STAGES, ConfigError, GeowireError, InputError
from streams.service.codec import dead_letter, decode_letter, encode
from streams.service.letters import (
    CODE,
    PREFIX,
    STAGE,
    Failed,
    error_headers,
    letter_record,
    passed_on,
)

FAILED = Failed(
    topic="geowire.raw",
    partition=3,
    offset=41,
    key=b"\x00key",
    value=b"[1, 2, 3]",
    timestamp_ms=1_700_000_000_123,
    headers=[("trace", b"t-9"), (CODE, b"old letter's code")],
)


def _subclasses(cls: type) -> list[type]:
    return [cls, *itertools.chain.from_iterable(_subclasses(c) for c in cls.__subclasses__())]


def _make(cls: type[GeowireError]) -> GeowireError:
    return cls("made by a test", reason="port") if cls is BrokerError else cls("made by a test")


@pytest.mark.parametrize(("code", "stage"), sorted(itertools.product(CODES, STAGES)))
def test_every_code_and_stage_is_a_valid_dead_letter(code: str, stage: str) -> None:
    error = GeowireError("made by a test", code=code, stage=stage)
    letter = dead_letter(error, topic="t", partition=0, offset=1, key=None, value=b"v")
    back = decode_letter(encode(letter))
    assert back == letter and (back.error.code, back.error.stage) == (code, stage)
    # version 1 whenever version 1 can say it, so its readers keep working
    v1 = code in V1_CODES and stage in V1_STAGES
    assert isinstance(back, DeadLetterV1 if v1 else DeadLetterV2)


@pytest.mark.parametrize("cls", _subclasses(GeowireError), ids=lambda c: c.__name__)
def test_every_error_class_is_a_valid_dead_letter(cls: type[GeowireError]) -> None:
    error = _make(cls)
    assert (error.code, error.stage) in set(itertools.product(CODES, STAGES))
    record = letter_record(error, FAILED, stage="split", group="geowire")
    assert decode_letter(record.value) == record.letter


def test_a_config_error_is_a_version_2_letter() -> None:
    letter = dead_letter(ConfigError("no model"), topic="t", partition=0, offset=0,
                         key=None, value=b"")  # fmt: skip
    assert isinstance(letter, DeadLetterV2)
    assert (letter.error.code, letter.error.stage) == ("config", "startup")


def test_a_code_outside_the_contract_is_refused_where_it_is_raised() -> None:
    with pytest.raises(ValueError, match="dead-letter contract"):
        GeowireError("x", code="made_up")  # type: ignore[arg-type]


def test_the_letter_record_keeps_the_key_and_carries_the_error_in_headers() -> None:
    record = letter_record(InputError("no words", code="no_text"), FAILED, stage="split",
                           group="geowire-prod")  # fmt: skip
    assert record.key == b"\x00key"
    assert orjson.loads(record.value)["error"] == {
        "stage": "decode", "code": "no_text", "message": "InputError: no words",
    }  # fmt: skip
    assert error_headers(record.headers) == {
        "topic": "geowire.raw",
        "partition": "3",
        "offset": "41",
        "timestamp": "1700000000123",
        "stage": "decode",
        "code": "no_text",
        "message": "InputError: no words",
        "class": "streams.core.errors.InputError",
        "group": "geowire-prod",
    }
    # the record's own headers go along; an earlier letter's do not
    assert passed_on(record.headers) == [("trace", b"t-9")]
    assert all(name.startswith(PREFIX) for name, _ in record.headers[1:])


def test_an_unexpected_error_is_internal_at_the_stage_that_caught_it() -> None:
    record = letter_record(ZeroDivisionError("x"), FAILED, stage="tag", group="g")
    assert dict(record.headers)[STAGE] == b"tag"
    assert dict(record.headers)[CODE] == b"internal"
