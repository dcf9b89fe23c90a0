import orjson
import pytest

from streams.core.errors import GeowireError, InputError
from streams.core.intake import decode_raw

ORIGIN = "geowire.raw:0:7"


def decode(value, key=None, max_bytes=1000):
    return decode_raw(value, key, origin=ORIGIN, max_bytes=max_bytes)


def test_plain_text_uses_key_then_origin_as_source_id():
    assert decode(b"Rain in Lisbon.").source_id == ORIGIN
    keyed = decode(b"Rain in Lisbon.", key=b"feed-1")
    assert (keyed.source_id, keyed.explicit_id, keyed.text) == ("feed-1", True, "Rain in Lisbon.")


def test_envelope_fields_and_id_win_over_key():
    env = {
        "id": "doc-9",
        "text": "Rain.",
        "source": "wire",
        "url": "http://x",
        "language": "en",
        "published_at": "2026-01-02T03:04:05Z",
    }
    raw = decode(orjson.dumps(env), key=b"k")
    assert raw.source_id == "doc-9" and raw.source == "wire" and raw.language == "en"
    assert raw.published_at is not None and raw.published_at.year == 2026


def test_envelope_without_id_falls_back_to_key():
    assert decode(b'  {"text": "Rain."}', key=b"k").source_id == "k"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (b"", "no_text"),
        (b"   \n\t ", "no_text"),
        (b"\xff\xfe\x00bad", "not_utf8"),
        (b"{not json", "bad_json"),
        (b'{"text": 5}', "no_text"),
        (b'{"title": "x"}', "no_text"),
        (b'{"text": "ok", "published_at": "yesterday-ish"}', "bad_envelope"),
        (b'{"text": "   "}', "no_text"),
        (b"\x00\x01\x02\x03\x04\x05 text", "binary"),
        (b"x" * 1001, "too_large"),
        (b"[1, 2, 3]", "no_text"),
        (b"2026-01-02 03:04 +0100 ... 42%", "no_text"),
        ("\u00a9 \u2014 \u20ac12 \U0001f600".encode(), "no_text"),
        (b'{"text": "[1, 2, 3]"}', "no_text"),
    ],
)
def test_bad_inputs_raise_with_codes(value, code):
    with pytest.raises(InputError) as info:
        decode(value)
    assert info.value.code == code
    assert isinstance(info.value, GeowireError) and info.value.stage == "decode"


def test_envelope_v2_can_keep_an_input_whole():
    raw = decode(orjson.dumps({"schema_version": 2, "text": "Rain.", "split": False}))
    assert raw.split is False
    # a "split" field alone makes it a version 2 envelope
    assert decode(b'{"text": "Rain.", "split": false}').split is False
    assert decode(b'{"schema_version": 2, "text": "Rain."}').split is True


def test_envelope_v1_still_decodes_and_may_be_split():
    raw = decode(orjson.dumps({"id": "doc-1", "text": "Rain.", "source": "wire"}))
    assert (raw.source_id, raw.source, raw.split) == ("doc-1", "wire", True)


def test_bad_split_field_is_a_bad_envelope():
    with pytest.raises(InputError) as err:
        decode(b'{"text": "Rain.", "split": "sometimes"}')
    assert err.value.code == "bad_envelope"


def test_caller_can_keep_any_input_whole():
    assert decode_raw(b"Rain.", None, origin=ORIGIN, max_bytes=99, split=False).split is False
    env = b'{"text": "Rain.", "split": true}'
    assert decode_raw(env, None, origin=ORIGIN, max_bytes=99, split=False).split is False


@pytest.mark.parametrize(
    "text",
    [
        "7 killed",
        "\u0645\u0637\u0631 2",
        "\u5317\u4eac 3",
        "\u0928\u0908 4",
        "\u0414\u043e\u0436\u0434\u044c",
    ],
)
def test_one_letter_in_any_script_is_text(text):
    # Arabic, Chinese, Devanagari and Cyrillic letters count as much as Latin ones
    assert decode(text.encode()).text == text
