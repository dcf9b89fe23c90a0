"""Agent ``tag_articles``: articles in, batched NER and topics off the loop, tagged out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import faust

from schemas.models import ArticleV1
from streams.agents.delivery import publish, send_dead_letter
from streams.codec import decode

if TYPE_CHECKING:
    from streams.app import Runtime


def register_tag(app: faust.App, rt: Runtime) -> faust.types.AgentT:
    """Register the tag agent on ``app``'s articles topic."""

    @app.agent(rt.topics["articles"], name="tag_articles")
    async def tag_articles(stream: faust.StreamT) -> None:
        async for events in stream.take_events(rt.settings.batch_size, rt.settings.batch_window_s):
            good = []
            for event in events:
                try:
                    good.append((event, decode(event.message.value, ArticleV1, stage="tag")))
                except Exception as exc:
                    await send_dead_letter(rt.topics["dlq"], event, exc, stage="tag")
            for event, tagged in await rt.offload(rt.batch, "tag", good):
                if isinstance(tagged, BaseException):
                    await send_dead_letter(rt.topics["dlq"], event, tagged, stage="tag")
                else:
                    await publish(rt.topics["tagged"], [(tagged.article.id, tagged)])

    return tag_articles
