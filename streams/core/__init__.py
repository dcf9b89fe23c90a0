"""The pipeline core shared by every stage: interfaces, intake, the pipeline and errors.

In: raw bytes (text or a JSON envelope) and its Kafka key. Out: ``ArticleV1``,
``TaggedArticleV1`` and ``EnrichedArticleV1`` events (``schemas``), through the stage
Protocols in :mod:`streams.core.interfaces`. Plain Python: no Kafka, no settings.
"""
