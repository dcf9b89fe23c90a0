"""Agents under ``agent.test_context()`` with fake components and recording topics."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from functools import cached_property

import pytest
from aiokafka.errors import MessageSizeTooLargeError

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
    """Stands in for an output topic: keeps what the agent sends."""

    def __init__(self, name: str = "recording", max_bytes: int | None = None) -> None:
        self.name = name
        self.max_bytes = max_bytes
        self.sent: list[tuple[bytes, bytes]] = []

    def get_topic_name(self) -> str:
        return self.name

    async def send(self, *, key: bytes, value: bytes, force: bool = False) -> asyncio.Future:
        if self.max_bytes is not None and len(value) > self.max_bytes:
            raise MessageSizeTooLargeError(f"{len(value)} bytes")
        self.sent.append((key, value))
        done = asyncio.get_running_loop().create_future()
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
    return app, rt
