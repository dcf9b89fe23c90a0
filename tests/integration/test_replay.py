"""Replaying dead letters against the real broker."""

from __future__ import annotations

import asyncio
import time

import orjson
import pytest
from typer.testing import CliRunner

from schemas.models import DeadLetterV1
from streams.cli.main import app
from streams.core.errors import InputError
from streams.service.client import produce
from streams.service.codec import dead_letter, decode, encode
from streams.service.replay import REPLAY_HEADER, LetterFilter, original_record, read_to_end, replay

pytestmark = pytest.mark.integration


def _letter(topic: str, offset: int, code: str, key: bytes | None, value: bytes) -> bytes:
    error = InputError(f"written by a test ({code})", code=code)
    return encode(dead_letter(error, topic=topic, partition=0, offset=offset, key=key, value=value))


def _records(settings, topic: str) -> list:
    async def run() -> list:
        return [m async for m in read_to_end(settings, topic)]

    return asyncio.run(run())


@pytest.fixture
def dlq_settings(it_run, it_settings, request):
    """Settings whose dead-letter topic is this test's own, so no worker reads the replays."""
    name = f"it-{it_run}.{request.node.name[-20:]}"
    return it_settings.model_copy(update={"topic_dlq": f"{name}.dlq"}), name


def test_replay_resends_the_original_key_and_bytes_of_the_matching_letters(dlq_settings) -> None:
    settings, name = dlq_settings
    source = f"{name}.src"
    letters = [
        (None, _letter(source, 7, "not_utf8", b"k1", b"caf\xe9 au lait")),
        (None, _letter(source, 8, "bad_json", None, b'{"id": 1,')),
        (None, _letter(source, 9, "internal", b"k3", b"fine text")),
        (None, b"not a dead letter"),
    ]
    asyncio.run(produce(settings, letters, topic=settings.topic_dlq))
    select = LetterFilter(codes=frozenset({"not_utf8", "bad_json"}))
    summary = asyncio.run(replay(settings, select))
    assert summary.as_dict() == {
        "read": 4, "matched": 2, "sent": 2, "unreadable": 1, "replayed_before": 0,
        "codes": {"not_utf8": 1, "bad_json": 1}, "bookmark": summary.bookmark,
    }  # fmt: skip
    back = _records(settings, source)
    assert sorted(((m.key, m.value) for m in back), key=str) == sorted(
        [(b"k1", b"caf\xe9 au lait"), (None, b'{"id": 1,')], key=str
    )
    # each replayed record names the dead letter it came back from
    kept = {
        f"{m.partition}:{m.offset}".encode(): m.value
        for m in _records(settings, settings.topic_dlq)
    }
    for m in back:
        letter = decode(kept[dict(m.headers)[REPLAY_HEADER]], DeadLetterV1, stage="decode")
        assert original_record(letter) == (m.key, m.value)
    # a second replay sends nothing: it remembers what the first one sent
    again = asyncio.run(replay(settings, select))
    assert (again.sent, again.replayed_before, again.bookmark) == (0, 2, summary.bookmark)
    # another filter's letters were not replayed yet; --again sends the first ones again
    other = asyncio.run(replay(settings, LetterFilter(codes=frozenset({"internal"}))))
    assert (other.sent, other.replayed_before) == (1, 0)
    assert asyncio.run(replay(settings, select, again=True)).sent == 2
    assert asyncio.run(replay(settings, LetterFilter())).sent == 0  # all replayed by now


def test_a_dry_run_lists_the_letters_and_sends_nothing(dlq_settings, it_env) -> None:
    settings, name = dlq_settings
    source, elsewhere = f"{name}.src", f"{name}.other"
    before = int(time.time() * 1000) - 1
    letters = [(None, _letter(source, n, "too_large", None, b"x" * n)) for n in (1, 2, 3)]
    asyncio.run(produce(settings, letters, topic=settings.topic_dlq))
    env = {**it_env, "GEOWIRE_TOPIC_DLQ": settings.topic_dlq}
    result = CliRunner().invoke(app, ["replay", "--dry-run", "--stage", "decode"], env=env)
    assert result.exit_code == 0, result.output
    listed = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert sorted((x["topic"], x["offset"], x["code"]) for x in listed) == [
        (source, 1, "too_large"), (source, 2, "too_large"), (source, 3, "too_large")
    ]  # fmt: skip
    assert _records(settings, source) == []
    # --max and --to: one matching letter only (partitions are read in no fixed order),
    # to another topic
    result = CliRunner().invoke(
        app, ["replay", "--max", "1", "--to", elsewhere, "--since-ms", str(before)], env=env
    )
    assert result.exit_code == 0, result.output
    assert [len(m.value) for m in _records(settings, elsewhere)] in ([1], [2], [3])
    assert _records(settings, source) == []
