"""Agent ``tag_articles``: articles in, batched NER and topics in the model, tagged out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import faust

from streams.service.agents.delivery import Outbox, publish_outputs, run_stage

if TYPE_CHECKING:
    from streams.service.runtime import Runtime


def register_tag(app: faust.App, rt: Runtime) -> faust.types.AgentT:
    """Register the tag agent on ``app``'s articles topic."""
    size, window = rt.settings.batch_size, rt.settings.batch_window_s

    @app.agent(rt.topics["articles"], name="tag_articles")
    async def tag_articles(stream: faust.StreamT) -> None:
        async with rt.crash_guard("tag_articles"):
            async for events in stream.noack().noack_take(size, window):
                out = Outbox(rt, stream)
                async for event, outputs in run_stage(rt, out, events, "tag"):
                    await publish_outputs(out, event, outputs)  # the tagged article
                await out.confirm(events)

    return tag_articles
