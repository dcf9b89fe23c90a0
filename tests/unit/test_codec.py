import base64

import pytest

from schemas.models import ArticleV1, Span
from streams.core.errors import EventError, InputError
from streams.service.codec import dead_letter, decode, encode


def article() -> ArticleV1:
    return ArticleV1(
        id="a1",
        source_id="s",
        index=0,
        span=Span(start=0, end=5),
        headline=None,
        text="Hello",
        sentences=[Span(start=0, end=5)],
    )


def test_roundtrip():
    assert decode(encode(article()), ArticleV1, stage="tag") == article()


@pytest.mark.parametrize("data", [None, b"{", b'{"id": "a1"}', b"[]"])
def test_decode_rejects_with_event_error(data):
    with pytest.raises(EventError) as info:
        decode(data, ArticleV1, stage="tag")
    assert (info.value.code, info.value.stage) == ("bad_event", "tag")


def test_dead_letter_keeps_original_bytes_and_reason():
    letter = dead_letter(
        InputError("bad", code="bad_json"),
        topic="t",
        partition=2,
        offset=9,
        key=b"k1",
        value=b"\xff{",
        stage="split",
    )
    assert base64.b64decode(letter.value) == b"\xff{" and base64.b64decode(letter.key) == b"k1"
    assert (letter.error.code, letter.error.stage) == ("bad_json", "decode")
    assert (letter.topic, letter.partition, letter.offset) == ("t", 2, 9)


def test_unexpected_errors_are_internal_at_the_agent_stage():
    letter = dead_letter(
        ZeroDivisionError("x"),
        topic="t",
        partition=0,
        offset=0,
        key=None,
        value=b"v",
        stage="geocode",
    )
    assert (letter.error.code, letter.error.stage, letter.key) == ("internal", "geocode", None)


def test_split_header_says_whether_to_split():
    from streams.service.agents.delivery import split_allowed

    assert split_allowed(None) and split_allowed([]) and split_allowed({"other": b"never"})
    assert not split_allowed([(b"geowire-split", b"never")])
    assert not split_allowed({"Geowire-Split": b" NEVER "})
    assert split_allowed([("geowire-split", b"auto")])
