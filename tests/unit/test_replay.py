"""Choosing dead letters to replay and recovering their original bytes (no broker)."""

from __future__ import annotations

import asyncio
import base64

import orjson
import pytest

from schemas.models import DeadLetterV1
from streams.core.errors import ConfigError, InputError
from streams.service.bookmarks import Bookmark, bookmark_group
from streams.service.codec import dead_letter, decode, encode
from streams.service.replay import LetterFilter, ReplaySummary, original_record, replay
from streams.settings import Settings


def _letter(code: str, stage: str, key: bytes | None = b"k", value: bytes = b"v"):
    error = InputError("written by a test", code=code, stage=stage)
    return dead_letter(error, topic="geowire.raw", partition=1, offset=5, key=key, value=value)


@pytest.mark.parametrize(
    ("codes", "stages", "expected"),
    [
        ((), (), [True, True, True]),
        (("not_utf8",), (), [True, False, False]),
        ((), ("tag",), [False, True, False]),
        (("bad_event",), ("tag",), [False, True, False]),
        (("bad_event", "not_utf8"), ("decode",), [True, False, False]),
    ],
)
def test_a_filter_passes_the_letters_of_its_codes_and_stages(codes, stages, expected) -> None:
    letters = [
        _letter("not_utf8", "decode"),
        _letter("bad_event", "tag"),
        _letter("internal", "geocode"),
    ]
    select = LetterFilter(codes=frozenset(codes), stages=frozenset(stages))
    assert [select.matches(x) for x in letters] == expected


@pytest.mark.parametrize("key", [None, b"", b"\x00\xffkey"])
def test_the_original_key_and_value_bytes_come_back_exactly(key) -> None:
    value = "Café news\n".encode("latin-1") + bytes(range(256))
    # Through the bytes on the topic, as a consumer in any language reads them: the
    # contract says base64 of the original bytes, which any base64 decoder undoes.
    wire = orjson.loads(encode(_letter("not_utf8", "decode", key=key, value=value)))
    assert base64.b64decode(wire["value"]) == value
    assert wire["key"] == (None if key is None else base64.b64encode(key).decode())
    letter = decode(orjson.dumps(wire), DeadLetterV1, stage="replay")
    assert original_record(letter) == (key, value)


def test_the_summary_is_plain_json() -> None:
    summary = ReplaySummary(read=3, matched=2, sent=2, unreadable=1)
    summary.codes.update(["not_utf8", "not_utf8"])
    assert summary.as_dict() == {
        "read": 3, "matched": 2, "sent": 2, "unreadable": 1, "replayed_before": 0,
        "codes": {"not_utf8": 2}, "bookmark": None,
    }  # fmt: skip


def test_replaying_into_the_dead_letter_topic_itself_is_refused() -> None:
    settings = Settings(kafka_bootstrap="localhost:1")
    with pytest.raises(ConfigError, match="dead-letter topic"):
        asyncio.run(replay(settings, LetterFilter(), to_topic=settings.topic_dlq))


def test_a_bookmark_covers_the_letters_its_replay_sent_and_no_others() -> None:
    too_large, internal = _letter("too_large", "decode"), _letter("internal", "tag")
    mark = Bookmark("g", LetterFilter(codes=frozenset({"too_large"})), {1: 10})
    assert mark.covers(too_large, partition=1, offset=9, timestamp_ms=5)
    assert not mark.covers(too_large, partition=1, offset=10, timestamp_ms=5)  # came since
    assert not mark.covers(too_large, partition=0, offset=0, timestamp_ms=5)  # not read there
    assert not mark.covers(internal, partition=1, offset=3, timestamp_ms=5)  # not its filter
    since = Bookmark("g", LetterFilter(since_ms=100), {1: 10})
    assert not since.covers(internal, partition=1, offset=3, timestamp_ms=99)
    assert since.covers(internal, partition=1, offset=3, timestamp_ms=100)


def test_each_target_and_filter_has_its_own_bookmark_which_keeps_the_filter() -> None:
    settings = Settings()
    select = LetterFilter(codes=frozenset({"too_large", "no_text"}), since_ms=7)
    group = bookmark_group(settings, "origin", select)
    assert group.startswith(f"geowire-replay.{settings.topic_dlq}.origin.")
    assert group == bookmark_group(settings, "origin", LetterFilter(
        codes=frozenset({"no_text", "too_large"}), since_ms=7))  # fmt: skip
    assert group != bookmark_group(settings, "elsewhere", select)
    assert group != bookmark_group(settings, "origin", LetterFilter())
    assert LetterFilter.from_json(select.as_json().decode()) == select
