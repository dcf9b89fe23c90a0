"""The client's reading from a moment on (``geowire tail --since-ms``), without a broker."""

from __future__ import annotations

import asyncio
from typing import Any

from aiokafka.structs import OffsetAndTimestamp, TopicPartition

from streams.service.client import offsets_since

TP = TopicPartition("enriched", 0)


class _GrowingPartition:
    """One partition that a worker appends to while the client asks where to start.

    Holds records stamped ``stamps``; every request the client makes is answered first,
    and then one more record (stamped 200) is appended, as a busy worker would.
    """

    def __init__(self, stamps: list[int]) -> None:
        self.stamps = list(stamps)

    def _append(self) -> None:
        self.stamps.append(200)

    async def end_offsets(self, parts: list[Any]) -> dict[Any, int]:
        answer = {TP: len(self.stamps)}
        self._append()
        return answer

    async def offsets_for_times(self, times: dict[Any, int]) -> dict[Any, Any]:
        since = times[TP]
        hit = next((n for n, ts in enumerate(self.stamps) if ts >= since), None)
        self._append()
        return {TP: None if hit is None else OffsetAndTimestamp(hit, self.stamps[hit])}


def test_a_record_appended_while_the_start_is_found_is_not_skipped():
    # Nothing stamped at or after 150 yet: the start is the end, taken before the
    # record the worker appends next, so that record (offset 2) is read.
    partition = _GrowingPartition([100, 120])
    start = asyncio.run(offsets_since(partition, [TP], since_ms=150))
    assert start == {TP: 2}
    assert partition.stamps[2] >= 150  # the record at the start is a new one


def test_the_start_is_the_first_record_stamped_at_or_after_the_moment():
    partition = _GrowingPartition([100, 160, 170])
    assert asyncio.run(offsets_since(partition, [TP], since_ms=150)) == {TP: 1}


def test_ends_given_by_the_caller_are_used():
    partition = _GrowingPartition([100])
    assert asyncio.run(offsets_since(partition, [TP], since_ms=150, ends={TP: 1})) == {TP: 1}
