"""Agents under ``agent.test_context()`` with fake components and recording topics."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from functools import cached_property

import pytest
from aiokafka.errors import MessageSizeTooLargeError
from faust.exceptions import ProducerSendError

from streams.core.pipeline import Pipeline
from streams.service.app import create_app
from streams.settings import Settings
from tests.fakes import BlankLineSplitter, DictGeocoder, DictTagger


@dataclass
class FakeComponents:
    tagger: DictTagger = field(default_factory=DictTagger)
    splitter: BlankLineSplitter = field(default_factory=BlankLineSplitter)
    geocoder: DictGeocoder = field(default_factory=DictGeocoder)

    @cached_property
    def pipeline(self) -> Pipeline:
        return Pipeline(splitter=self.splitter, tagger=self.tagger, geocoder=self.geocoder)


class RecordingTopic:
    """Stands in for an output topic: keeps what the agent sends.

    ``failures`` are raised by the next sends, one each, as the real producer does: from
    ``send`` itself (Faust wraps aiokafka's error in ``ProducerSendError``) when
    ``raise_on_send``, else from the future the send returns.
    """

    def __init__(self, name: str = "recording", max_bytes: int | None = None) -> None:
        self.name = name
        self.max_bytes = max_bytes
        self.sent: list[tuple[bytes | None, bytes]] = []
        self.headers: list[list[tuple[str, bytes]]] = []
        self.failures: list[BaseException] = []
        self.raise_on_send = False
        self.attempts = 0

    def get_topic_name(self) -> str:
        return self.name

    async def send(
        self, *, key: bytes | None, value: bytes, headers=None, force: bool = False
    ) -> asyncio.Future:
        assert force, "geowire's sends are not attached to the source offset"
        self.attempts += 1
        done = asyncio.get_running_loop().create_future()
        error: BaseException | None = None
        if self.max_bytes is not None and len(value) > self.max_bytes:
            error = MessageSizeTooLargeError(f"{len(value)} bytes")
        elif self.failures:
            error = self.failures.pop(0)
        if error is not None and self.raise_on_send:
            raise ProducerSendError(f"Error while sending: {error!r}") from error
        if error is not None:
            done.set_exception(error)
            return done
        self.sent.append((key, value))
        self.headers.append(list(headers or []))
        done.set_result(None)
        return done


@pytest.fixture()
def harness(tmp_path):
    settings = Settings(data_dir=tmp_path, batch_size=4, batch_window_s=0.05, max_input_bytes=2000)
    app = create_app(settings, components=FakeComponents())
    app.finalize()
    app.conf.store = "memory://"
    app.flow_control.resume()
    rt = app.geowire
    for role in ("articles", "tagged", "enriched", "places", "dlq"):
        rt.topics[role] = RecordingTopic(role)

    async def never_missing(name: str) -> bool:
        return False

    rt.topic_missing = never_missing
    return app, rt
