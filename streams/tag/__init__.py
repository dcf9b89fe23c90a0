"""Stage 2, tag: articles in, entities, canonical names, topics and language out.

In: ``ArticleV1`` events. Out: ``TagResult`` (:class:`streams.tag.tagger.SpacyTagger`),
spaCy NER made consistent per article.
"""
