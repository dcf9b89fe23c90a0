"""Agent ``split_inputs``: raw text or envelopes in, one event per article out."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import faust

from streams.core.intake import decode_raw
from streams.core.pipeline import split_articles
from streams.service.agents.delivery import deliver, origin, send_dead_letter, split_allowed

if TYPE_CHECKING:
    from streams.service.runtime import Runtime


def register_split(app: faust.App, rt: Runtime) -> faust.types.AgentT:
    """Register the split agent on ``app``'s raw topic."""

    @app.agent(rt.topics["raw"], name="split_inputs")
    async def split_inputs(stream: faust.StreamT) -> None:
        async for event in stream.events():
            msg = event.message
            rt.metrics.took_in("split")
            try:
                raw = decode_raw(
                    msg.value,
                    msg.key,
                    origin=origin(event),
                    max_bytes=rt.settings.max_input_bytes,
                    split=rt.settings.split == "auto" and split_allowed(msg.headers),
                )
                # Splitting is cheap but a large dump takes a while: keep the loop free.
                articles = await asyncio.get_running_loop().run_in_executor(
                    None, split_articles, rt.components.splitter, raw
                )
            except Exception as exc:  # every failure is dead-lettered, never fatal
                await send_dead_letter(rt, event, exc, stage="split")
                continue
            await deliver(rt, event, "articles", [(a.id, a) for a in articles])

    return split_inputs
