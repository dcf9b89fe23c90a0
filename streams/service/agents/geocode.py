"""Agent ``geocode_articles``: tagged articles in, enriched articles and place events out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import faust

from schemas.models import TaggedArticleV1
from streams.core.pipeline import place_events
from streams.service.agents.delivery import Outbox, run_stage

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
                async for event, article in run_stage(rt, out, events, TaggedArticleV1, "geocode"):
                    await out.publish(event, "enriched", [(article.id, article)])
                    places = [(p.article_id, p) for p in place_events(article)]
                    await out.publish(event, "places", places)
                await out.confirm(events)

    return geocode_articles
