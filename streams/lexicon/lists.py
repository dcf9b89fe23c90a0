"""Lists of names: the items of one list are things of one kind.

"ferries to Oban and Mallaig", "between Leeds and Wakefield": when the model tags one
item a place and the next a person or firm, the list is evidence that both are places.
Only token positions are read here; the place rules decide what to relabel.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: Words joining the last items of a list.
AND_WORDS = frozenset({"and", "or", "&"})


def coordinated(doc: Doc, start: int, end: int, starts: set[int], ends: set[int]) -> bool:
    """Whether tokens ``[start, end)`` are listed beside a place the model tagged.

    "ferries to Oban and Mallaig", "shops in Leeds, Wakefield, Halifax and York": the
    items of one list are things of one kind. A comma alone links only inside a list
    ("In Texas, Smith said" is no list), so an item joined by a comma must have another
    join on its other side.

    Args:
        doc: the parsed article.
        start: first token of the item.
        end: token after the item.
        starts: first tokens of the place mentions.
        ends: tokens after the place mentions.
    """
    before, after = _join_before(doc, start), _join_after(doc, end)
    if before is not None and before[1] in ends and (before[0] == "and" or after is not None):
        return True
    return after is not None and after[1] in starts and (after[0] == "and" or before is not None)


def _join_before(doc: Doc, i: int) -> tuple[str, int] | None:
    """The join before token ``i`` and the token after the previous item."""
    if i >= 1 and doc[i - 1].lower_ in AND_WORDS:
        j = i - 1
        return "and", j - 1 if j >= 1 and doc[j - 1].text == "," else j
    if i >= 1 and doc[i - 1].text == ",":
        return "comma", i - 1
    return None


def _join_after(doc: Doc, i: int) -> tuple[str, int] | None:
    """The join at token ``i`` and the first token of the next item."""
    if i < len(doc) and doc[i].lower_ in AND_WORDS:
        return "and", i + 1
    if i < len(doc) and doc[i].text == ",":
        if i + 1 < len(doc) and doc[i + 1].lower_ in AND_WORDS:
            return "and", i + 2
        return "comma", i + 1
    return None
