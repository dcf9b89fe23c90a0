"""Agent ``geocode_articles``: tagged articles in, enriched articles and place events out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import faust

from schemas.models import TaggedArticleV1
from streams.core.pipeline import place_events
from streams.service.agents.delivery import deliver, run_stage

if TYPE_CHECKING:
    from streams.service.runtime import Runtime


def register_geocode(app: faust.App, rt: Runtime) -> faust.types.AgentT:
    """Register the geocode agent on ``app``'s tagged topic."""

    @app.agent(rt.topics["tagged"], name="geocode_articles")
    async def geocode_articles(stream: faust.StreamT) -> None:
        async for events in stream.take_events(rt.settings.batch_size, rt.settings.batch_window_s):
            async for event, article in run_stage(rt, events, TaggedArticleV1, "geocode"):
                await deliver(rt, event, "enriched", [(article.id, article)])
                places = [(p.article_id, p) for p in place_events(article)]
                await deliver(rt, event, "places", places)

    return geocode_articles
