"""Pages in formats the fitting renderer never draws: a check of how the splitter generalises.

``pages.py`` renders the pages the model is fitted on, from one family of site
templates. The formats here are laid out in other ways that news reaches a user
(e-mail digests, markdown with rules, feed
readers, text with every break four lines wide, indented and wrapped bodies,
articles written as one paragraph or one line each, text from printed pages, wire
copy, HTML read as text, titles run into their bodies, tab-indented paragraphs,
CRLF, section labels over titles, pages copied from a browser or dumped by a text
browser, decks under headlines, date lines over titles, markdown titles underlined
with "=", interviews, numbered digests, photo captions, and the exports of records in
``exports.py``) and are never fitted on:
they show whether a gain holds beyond the templates it was tuned with. Built
from head documents only, at run time, from a seed.

Gold: as in ``pages.py`` (``glue_start`` is the end of the article before).
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Sequence
from typing import Any

from streams.evaluate.exports import EXPORTS, Doc, Format
from streams.evaluate.exports import paragraphs as _paragraphs
from streams.evaluate.exports import title as _title
from streams.evaluate.pages import sentences


def _email(doc: Doc, rng: random.Random) -> tuple[str, str]:
    body = "\n\n".join(_paragraphs(doc, rng))
    link = f"Read the full story: https://example.org/s/{rng.randint(1000, 9999)}"
    return f"*** {_title(doc).upper()} ***\n\n{body}\n\n{link}", "\n\n" + "-" * 30 + "\n\n"


def _wide(doc: Doc, rng: random.Random) -> tuple[str, str]:
    return _title(doc) + "\n\n\n\n" + "\n\n\n\n".join(_paragraphs(doc, rng)), "\n\n\n\n"


def _indented(doc: Doc, rng: random.Random) -> tuple[str, str]:
    body = "\n\n".join(
        textwrap.fill(p, 72, initial_indent="    ", subsequent_indent="    ")
        for p in _paragraphs(doc, rng)
    )
    return f"{_title(doc)}\n\n{body}", "\n\n\n"


def _feed(doc: Doc, rng: random.Random) -> tuple[str, str]:
    when = f"Daily Ledger · {rng.randint(1, 23)}h ago"
    return f"{_title(doc)}\n{when}\n" + "\n".join(_paragraphs(doc, rng)), "\n\n"


def _markdown(doc: Doc, rng: random.Random) -> tuple[str, str]:
    date = f"_{rng.choice(['Mon', 'Tue', 'Wed'])} 4 March 2026_"
    body = "\n\n".join(_paragraphs(doc, rng))
    return f"## {_title(doc)}\n\n{date}\n\n{body}", "\n\n* * *\n\n"


def _block(doc: Doc, rng: random.Random) -> tuple[str, str]:
    return " ".join(sentences(doc["text"])), "\n\n"


def _lines(doc: Doc, rng: random.Random) -> tuple[str, str]:
    return " ".join(sentences(doc["text"])), "\n"


def _tsv(doc: Doc, rng: random.Random) -> tuple[str, str]:
    return _title(doc) + "\t" + " ".join(sentences(doc["text"])), "\n"


def _printed(doc: Doc, rng: random.Random) -> tuple[str, str]:
    """Text taken from a printed page: wrapped, first lines indented, words hyphenated at
    line ends, and the page's running header after every 38 lines, mid-sentence."""
    width, lines = rng.choice([64, 72, 80]), []
    for paragraph in _paragraphs(doc, rng):
        lines += _hyphenated(textwrap.wrap(paragraph, width, initial_indent="   "), width, rng)
    page, out = rng.randint(2, 9), []
    for k, line in enumerate(lines):
        out.append(line)
        if k and k % 38 == 0:
            out += ["", f"\fTHE DAILY LEDGER{' ' * 30}Page {page}", ""]
            page += 1
    return _title(doc).upper() + "\n\n" + "\n".join(out), "\n\n\n"


def _hyphenated(lines: list[str], width: int, rng: random.Random) -> list[str]:
    """Break the first word of some lines, its first half hyphenated on the line above."""
    for k in range(len(lines) - 1):
        word, _, rest = lines[k + 1].partition(" ")
        half = len(word) // 2
        fits = len(word) >= 8 and word.isalpha() and len(lines[k]) + half + 2 <= width
        if fits and rng.random() < 0.3:
            lines[k] += f" {word[:half]}-"
            lines[k + 1] = word[half:] + (f" {rest}" if rest else "")
    return lines


def _wire(doc: Doc, rng: random.Random) -> tuple[str, str]:
    paragraphs = _paragraphs(doc, rng)
    city = rng.choice(["HALVERTON", "PORT ELLISON", "WESTMERE", "LAKEVIEW"])
    paragraphs[0] = f"{city} (Ledger Wire) — {paragraphs[0]}"
    rights = "Copyright 2026 Ledger Wire. All rights reserved. Not to be redistributed."
    return _title(doc) + "\n\n" + "\n\n".join([*paragraphs, "___", rights]), "\n\n"


def _html_text(doc: Doc, rng: random.Random) -> tuple[str, str]:
    paragraphs = _paragraphs(doc, rng)
    photo = f"![](https://example.org/img/{rng.randint(1, 999)}.jpg)"
    paragraphs[1:1] = [photo] if len(paragraphs) > 2 else []
    paragraphs[3:3] = ["Advertisement"] if len(paragraphs) > 4 else []
    author = "[Jana Pell](https://example.org/authors/jana-pell)"
    byline = f"By {author} | {rng.randint(1, 28)} March 2026"
    share = "[Share on Facebook](https://example.org/share) [Tweet](https://example.org/tweet)"
    return "\n\n".join([f"# {_title(doc)}", byline, *paragraphs, share]), "\n\n"


def _run_in(doc: Doc, rng: random.Random) -> tuple[str, str]:
    return _title(doc).rstrip(".") + ". " + "\n\n".join(_paragraphs(doc, rng)), "\n\n"


def _tabbed(doc: Doc, rng: random.Random) -> tuple[str, str]:
    paragraphs = ["\t" + p for p in _paragraphs(doc, rng)]
    return _title(doc) + "\n" + "\n".join(paragraphs), "\n"


def _crlf_wrapped(doc: Doc, rng: random.Random) -> tuple[str, str]:
    body = "\n\n".join(textwrap.fill(p, 60) for p in _paragraphs(doc, rng))
    return (_title(doc) + "\n\n" + body).replace("\n", "\r\n"), "\r\n\r\n"


def _kicker(doc: Doc, rng: random.Random) -> tuple[str, str]:
    label = rng.choice(["WORLD", "LOCAL NEWS", "BUSINESS", "SPORTS"])
    posted = f"Posted {rng.randint(1, 12)}:{rng.randint(10, 59)} {rng.choice(['AM', 'PM'])}"
    body = "\n".join(_paragraphs(doc, rng))
    return f"{label}\n{_title(doc)}\n{posted}\n{body}", "\n\n"


def _browser(doc: Doc, rng: random.Random) -> tuple[str, str]:
    paragraphs = _paragraphs(doc, rng)
    crumb = "News › " + rng.choice(["World", "Local", "Business", "Politics"])
    byline = rng.choice(["By Jana Pell", "By Omar Reyes, Staff Writer", "Dana Kim"])
    head = [crumb, _title(doc), byline, f"{rng.randint(2, 11)} hours ago", "Share"]
    topics = ["Related Topics", rng.choice(["Flooding", "Courts", "Elections"]), "Schools"]
    teaser = rng.choice(["Harbour repairs delayed again", "Council weighs new bus routes"])
    return "\n\n".join([*head, *paragraphs, *topics, "More on this story", teaser]), "\n\n"


def _text_browser(doc: Doc, rng: random.Random) -> tuple[str, str]:
    marks, out = [], []
    for paragraph in _paragraphs(doc, rng):
        if rng.random() < 0.3:  # a link in the text, numbered as the browser lists it
            marks.append(rng.randint(5, 59))
            paragraph = paragraph.replace(" ", f" [{marks[-1]}]", 1)
        out.append(textwrap.fill(paragraph, 75, initial_indent="   ", subsequent_indent="   "))
    share = f"   [{rng.randint(60, 69)}]Share  [{rng.randint(70, 79)}]Tweet"
    links = [f"  {n}. https://example.org/{rng.randint(100, 999)}/{n}" for n in [*marks, 61]]
    page = [_title(doc), *out, share, "References", "\n".join(links)]
    return "\n\n".join(page), "\n\n"


def _deck(doc: Doc, rng: random.Random) -> tuple[str, str]:
    paragraphs = _paragraphs(doc, rng)
    deck = " ".join(paragraphs[-1].split()[:12]).rstrip(".,;:")  # a summary line, no full stop
    byline = rng.choice(["By Jana Pell", "By Omar Reyes"])
    return f"{_title(doc)}\n{deck}\n{byline}\n\n" + "\n\n".join(paragraphs), "\n\n"


def _dated(doc: Doc, rng: random.Random) -> tuple[str, str]:
    date = f"{rng.choice(['March', 'April', 'May'])} {rng.randint(1, 28)}, 2026"
    return f"{date}\n{_title(doc)}\n\n" + "\n\n".join(_paragraphs(doc, rng)), "\n\n"


def _setext(doc: Doc, rng: random.Random) -> tuple[str, str]:
    title = _title(doc)
    byline = f"*By {rng.choice(['Jana Pell', 'Omar Reyes'])}*"
    head = f"{title}\n{'=' * len(title)}\n\n{byline}"
    return head + "\n\n" + "\n\n".join(_paragraphs(doc, rng)), "\n\n"


_QUESTIONS = [
    "What happened next?",
    "Who was there when it began?",
    "What do people there say now?",
    "Where does it go from here?",
]


def _interview(doc: Doc, rng: random.Random) -> tuple[str, str]:
    paragraphs = _paragraphs(doc, rng)
    turns = [f"Q: {_QUESTIONS[k % 4]}\n\nA: {p}" for k, p in enumerate(paragraphs[1:])]
    return f"{_title(doc)}\n\n" + "\n\n".join([paragraphs[0], *turns]), "\n\n"


def _digest(doc: Doc, rng: random.Random) -> tuple[str, str]:
    # a newsletter numbers its stories; the number is drawn, as a page cut from a longer
    # digest may start anywhere in it
    number = rng.randint(1, 12)
    return f"{number}. {_title(doc)}\n" + "\n\n".join(_paragraphs(doc, rng)), "\n\n"


_CAPTIONS = ["Crews at the scene on Monday.", "The building as it stood last week."]


def _captioned(doc: Doc, rng: random.Random) -> tuple[str, str]:
    credit = rng.choice(["Jana Pell/The Daily Ledger", "Omar Reyes/Ledger Wire"])
    caption = f"{rng.choice(_CAPTIONS)} {credit}"
    return f"{_title(doc)}\n\n{caption}\n\n" + "\n\n".join(_paragraphs(doc, rng)), "\n\n"


#: Name, what it is, how it is written.
FORMATS: dict[str, tuple[str, Format]] = {
    "email": ("an e-mail digest: *** TITLE ***, a link, a rule", _email),
    "wide": ("every break four line breaks wide", _wide),
    "indented": ("bodies indented and wrapped at 72", _indented),
    "feed": ("a feed reader: title, 'source · 3h ago', one line a paragraph", _feed),
    "markdown": ("## titles, a date in italics, * * * between", _markdown),
    "block": ("untitled, each article one paragraph, a blank line between", _block),
    "lines": ("untitled, one article a line", _lines),
    "tsv": ("title, a tab and the body on one line, one article a line", _tsv),
    # added after c9cad74, never tuned on
    "printed": ("a printed page: wrapped, hyphenated, a running header mid-text", _printed),
    "wire": ("a wire story: dateline, ___, a copyright line", _wire),
    "html": ("HTML as text: # title, linked byline, image, ad label, share links", _html_text),
    "run-in": ("'Title. Body' on one line, blank lines between paragraphs", _run_in),
    "tabbed": ("no blank lines: paragraphs indented with a tab", _tabbed),
    "crlf": ("CRLF, wrapped at 60", _crlf_wrapped),
    # added after ebe7067, with the kicker rule they showed was missing
    "kicker": ("a section label in capitals over the title, 'Posted 3:12 PM' under it", _kicker),
    "browser": ("copied from a browser: breadcrumb, byline, 'Share', topics, a teaser", _browser),
    # added with the rule that a bare link and "References" are chrome
    "lynx": ("a text browser's dump: indented, [12] link marks, a References list", _text_browser),
    # added with the header lines of 2928404
    "deck": ("a headline, a deck line without a full stop, a byline", _deck),
    "dated": ("a date line right above each title", _dated),
    # added with the underline joined to its title
    "setext": (
        "markdown as HTML converters write it: titles underlined with =, *By* bylines",
        _setext,
    ),
    # added with interview turns read as asides
    "interview": ("an interview: a lead, then 'Q: ...' over 'A: ...'", _interview),
    # added with numbered titles read on a page that opens with one
    "digest": ("a newsletter digest: '3. Title' over each story", _digest),
    # added with captions that end on a photo credit read as asides
    "captioned": ("a lead photo's caption, ending on its credit, under each title", _captioned),
    # exports of records, added with the page template (streams.split.template)
    **EXPORTS,
}


def page(docs: Sequence[Doc], fmt: Format, rng: random.Random) -> dict[str, Any]:
    """Lay ``docs`` out in one format: ``{"text", "articles"}``."""
    text, articles = "", []
    for k, doc in enumerate(docs):
        body, before = fmt(doc, rng)
        glue_start = len(text.rstrip())
        text += before if k else ""
        articles.append({"id": doc.get("id", str(k)), "glue_start": glue_start, "start": len(text)})
        text += body
        articles[-1]["end"] = len(text.rstrip())
    return {"text": text, "articles": articles}


def pages(docs: Sequence[Doc], name: str, count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` dumps of 3-8 articles and ``count`` single articles in format ``name``."""
    fmt = FORMATS[name][1]
    rng = random.Random(f"{name}-{seed}")
    out = []
    for i in range(2 * count):
        chosen = rng.sample(list(docs), rng.randint(3, 8) if i < count else 1)
        out.append({"id": f"{name}-{seed}-{i}", **page(chosen, fmt, rng)})
    return out


#: Articles in the long dumps of each format.
LONG = (40, 40, 80, 80)


def long_pages(docs: Sequence[Doc], name: str, seed: int) -> list[dict[str, Any]]:
    """Dumps of ``LONG`` articles in format ``name``: does a long page hold together?"""
    fmt = FORMATS[name][1]
    rng = random.Random(f"{name}-long-{seed}")
    return [
        {
            "id": f"{name}-long-{seed}-{i}",
            **page(rng.sample(list(docs), min(n, len(docs))), fmt, rng),
        }
        for i, n in enumerate(LONG)
    ]
