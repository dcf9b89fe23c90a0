"""Global word rarity (wordfreq) in the splitter's cohesion weights, on text written here."""

from __future__ import annotations

from streams.split.cohesion import Weights, overlap, tokens
from streams.split.rarity import rarity
from streams.split.splitter import RuleSplitter

DUMP = """\
Dredger loses power in estuary

City police said on Tuesday that a dredger working the estuary had struck an old \
mooring chain and lost power near the harbour mouth.

The dredger's crew of six were taken off by the pilot launch, and the estuary was \
closed to shipping for most of the afternoon while divers checked the hull.

A police spokesman said there had been no injuries and that the city's ferry service \
would run as normal on Wednesday.

Wine stolen from vineyard cellar

Police in the city are investigating the theft of more than two hundred bottles of \
wine from a vineyard cellar on the edge of town, officials said.

The vineyard's sommelier found the cellar door forced on Monday morning. Among the \
missing bottles were vintages kept back for a charity auction.

The sommelier said the vineyard would still hold the auction next month.
"""


def test_rarity_orders_common_below_rare_and_unknown_words() -> None:
    # content keys are cut to six letters; names keep the whole word
    assert 0.0 < rarity("police") < rarity("dredge") <= 1.0
    assert rarity("^london") < rarity("^wexmouth") == 1.0
    assert rarity("zzqxvw") == 1.0


def test_a_shared_rare_word_counts_for_more_than_a_shared_common_one() -> None:
    # "police" and "dredger" each occur on two of the four lines, so the
    # in-input weights alone cannot tell them apart; English at large can
    lines = [
        "The police closed the quay.",
        "The dredger left at dawn.",
        "A police boat and the dredger met.",
        "Nothing else happened.",
    ]
    weights = Weights([tokens(line) for line in lines])
    after = tokens("The police boat and the dredger met.")
    common = overlap(weights, tokens("The police closed the quay."), after)
    rare = overlap(weights, tokens("The dredger left at dawn."), after)
    assert rare > common > 0.0


def test_dump_on_one_city_splits_where_the_rare_words_change() -> None:
    # both articles share the city's common words (police, city, officials)
    starts = [DUMP[s.start : s.start + 20] for s in RuleSplitter().split(DUMP)]
    assert starts == ["Dredger loses power ", "Wine stolen from vin"]
