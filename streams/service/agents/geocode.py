"""Agent ``geocode_articles``: tagged articles in, enriched articles and place events out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import faust

from streams.service.agents.delivery import Outbox, publish_outputs, run_stage

if TYPE_CHECKING:
    from streams.service.runtime import Runtime


def register_geocode(app: faust.App, rt: Runtime) -> faust.types.AgentT:
    """Register the geocode agent on ``app``'s tagged topic."""
    size, window = rt.settings.batch_size, rt.settings.batch_window_s

    @app.agent(rt.topics["tagged"], name="geocode_articles")
    async def geocode_articles(stream: faust.StreamT) -> None:
        async with rt.crash_guard("geocode_articles"):
            async for events in stream.noack().noack_take(size, window):
                out = Outbox(rt, stream)
                async for event, outputs in run_stage(rt, out, events, "geocode"):
                    # the enriched article, then its place events
                    await publish_outputs(out, event, outputs)
                await out.confirm(events)

    return geocode_articles
