"""Agent ``split_inputs``: raw text or envelopes in, one event per article out."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import faust

from streams.core.intake import decode_raw
from streams.core.pipeline import split_articles
from streams.service.agents.delivery import Outbox, split_allowed
from streams.service.codec import encode
from streams.service.letters import Failed

if TYPE_CHECKING:
    from streams.service.runtime import Runtime


def register_split(app: faust.App, rt: Runtime) -> faust.types.AgentT:
    """Register the split agent on ``app``'s raw topic."""
    size, window = rt.settings.batch_size, rt.settings.batch_window_s
    limit = rt.settings.max_input_bytes

    @app.agent(rt.topics["raw"], name="split_inputs")
    async def split_inputs(stream: faust.StreamT) -> None:
        async with rt.crash_guard("split_inputs"):
            async for events in stream.noack().noack_take(size, window):
                out = Outbox(rt, stream)
                for event in events:
                    msg = event.message
                    rt.metrics.took_in("split")
                    try:
                        origin = Failed.of(msg).origin
                        raw = decode_raw(
                            msg.value,
                            msg.key,
                            origin=origin,
                            max_bytes=limit,
                            split=rt.settings.split == "auto" and split_allowed(msg.headers),
                        )
                        # Splitting is cheap but a large dump takes a while: keep the loop free.
                        articles = await asyncio.get_running_loop().run_in_executor(
                            None, split_articles, rt.components.splitter, raw
                        )
                    except Exception as exc:  # every failure is dead-lettered, never fatal
                        await out.dead_letter(event, exc, stage="split")
                        continue
                    records = [(a.id.encode(), encode(a)) for a in articles]
                    await out.publish(event, "articles", records)
                await out.confirm(events)

    return split_inputs
