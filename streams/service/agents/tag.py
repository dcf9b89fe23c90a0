"""Agent ``tag_articles``: articles in, batched NER and topics off the loop, tagged out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import faust

from schemas.models import ArticleV1
from streams.service.agents.delivery import deliver, run_stage

if TYPE_CHECKING:
    from streams.service.runtime import Runtime


def register_tag(app: faust.App, rt: Runtime) -> faust.types.AgentT:
    """Register the tag agent on ``app``'s articles topic."""

    @app.agent(rt.topics["articles"], name="tag_articles")
    async def tag_articles(stream: faust.StreamT) -> None:
        async for events in stream.take_events(rt.settings.batch_size, rt.settings.batch_window_s):
            async for event, tagged in run_stage(rt, events, ArticleV1, "tag"):
                await deliver(rt, event, "tagged", [(tagged.article.id, tagged)])

    return tag_articles
