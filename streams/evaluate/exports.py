"""Exported records as formats: a head document written the way an export writes it.

Researchers often get news text from exports rather than pages: records with
their fields ("Title:", "Source:", "URL:"), a news database's records (a record
number, the source and a date over the title, fields under it, a load date and
the rights at the foot), a clippings service's (the title, then fields with no
blank line between, a document id at the foot), and press releases (the same
"About" paragraph, contact and source line at the foot of each). The lines an
export writes with every record are its template (``streams.split.template``).
Also the helpers every format writes a document with: :func:`paragraphs` and
:func:`title`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from streams.evaluate.pages import sentences

Doc = dict[str, Any]
#: A format: one document as one article, and the text put before it on a page.
Format = Callable[[Doc, random.Random], tuple[str, str]]
_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct."]


def paragraphs(doc: Doc, rng: random.Random) -> list[str]:
    """The document's sentences, two to four a paragraph."""
    found = sentences(doc["text"])
    out, i = [], 0
    while i < len(found):
        size = rng.randint(2, 4)
        out.append(" ".join(found[i : i + size]))
        i += size
    return out


def title(doc: Doc) -> str:
    """The document's title, or the first words of its first sentence."""
    if doc.get("title"):
        return str(doc["title"])
    first = sentences(doc["text"])[0].rstrip(".")
    return " ".join(first.split()[:12])


def _fields(doc: Doc, rng: random.Random) -> tuple[str, str]:
    slug = "-".join(title(doc).lower().split()[:5])
    stamp = f"2026-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T10:2{rng.randint(0, 9)}:00Z"
    head = f"Title: {title(doc)}\nSource: The Daily Ledger\nPublished: {stamp}\n"
    body = "\n\n".join(paragraphs(doc, rng))
    return f"{head}URL: https://example.org/news/{slug}\n\n{body}", "\n\n"


def _database(doc: Doc, rng: random.Random) -> tuple[str, str]:
    body = paragraphs(doc, rng)
    words = sum(len(p.split()) for p in body)
    day = f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, 2026"
    head = (
        f"{rng.randint(1, 40)} of 40 DOCUMENTS\n\n\nThe Daily Ledger\n\n{day} Tuesday\n\n"
        f"{title(doc)}\n\nBYLINE: Jana Pell\n\nSECTION: REGION; Pg. {rng.randint(1, 30)}\n\n"
        f"LENGTH: {words} words\n\n\n"
    )
    foot = (
        f"\n\n\nLOAD-DATE: {day}\n\nLANGUAGE: ENGLISH\n\nPUBLICATION-TYPE: Newspaper\n\n"
        "Copyright 2026 The Daily Ledger\nAll Rights Reserved"
    )
    return head + "\n\n".join(body) + foot, "\n\n\n"


def _clippings(doc: Doc, rng: random.Random) -> tuple[str, str]:
    body = paragraphs(doc, rng)
    words = sum(len(p.split()) for p in body)
    head = (
        f"{title(doc)}\n{words} words\n{rng.randint(1, 28)} May 2026\nThe Daily Ledger\nDLEDG\n"
        "English\n(c) 2026 The Daily Ledger. All rights reserved.\n\n"
    )
    ident = f"Document DLEDG0002026{rng.randint(1000, 9999)}e{rng.randint(1, 99)}"
    return head + "\n\n".join(body) + f"\n\n{ident}", "\n\n\n"


def _release(doc: Doc, rng: random.Random) -> tuple[str, str]:
    body = paragraphs(doc, rng)
    day = f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, 2026"
    body[0] = f"LAKEVIEW, {day} /Ledger Newswire/ -- {body[0]}"
    about = "About Ledger Group\nLedger Group publishes local newspapers and a wire for reporters."
    contact = "Media contact:\nJana Pell\npress@example.org"
    foot = [about, contact, "SOURCE Ledger Group"]
    return f"{title(doc)}\n\n" + "\n\n".join(body + foot), "\n\n"


#: Name, what it is, how it is written.
EXPORTS: dict[str, tuple[str, Format]] = {
    "fields": ("exported records: Title/Source/Published/URL over the body", _fields),
    "database": (
        "a news database: record number, source, date, title, fields; load date, rights",
        _database,
    ),
    "clippings": ("a clippings service: title, fields, rights, body, a document id", _clippings),
    "release": ("press releases: dateline, 'About' paragraph, contact, source line", _release),
}
