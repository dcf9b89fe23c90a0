"""Agent ``tag_articles``: articles in, batched NER and topics off the loop, tagged out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import faust

from schemas.models import ArticleV1
from streams.service.agents.delivery import Outbox, run_stage

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
                async for event, tagged in run_stage(rt, out, events, ArticleV1, "tag"):
                    await out.publish(event, "tagged", [(tagged.article.id, tagged)])
                await out.confirm(events)

    return tag_articles
