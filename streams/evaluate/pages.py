"""Scraped pages rendered from benchmark documents, to fit and check the splitter.

A page is one or more documents laid out the way scrapers leave news pages: a
site template (how titles, bylines, dates, paragraphs, indentation and wrapping
look) and site furniture around and between the articles. A page keeps one
template for all its articles, or (three pages in ten) gives each article its
own, as a feed of many sites would. The range of every choice is wide so that a
model fitted on these pages learns no one layout. Pages are built at run time
from a seed; nothing is written to disk.

Gold: an article's ``start`` is its first character (its title line when it has
one), ``glue_start`` the end of the article before; the furniture between two
articles belongs to the one before.
"""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from streams.evaluate import page_parts as parts
from streams.split.sentences import split_sentences
from streams.split.topic import keys


@dataclass
class Style:
    """How one site lays out its articles."""

    title: str = "plain"
    under_title: str = "\n"
    byline: float = 0.0  # share of articles with a byline under the title
    date: bool = False  # a date line under the title
    dateline: float = 0.0  # share of leads opening with a wire dateline
    sep: str = "\n\n"  # between paragraphs
    indent: str = ""
    hang: bool = False  # indent a paragraph's first line only
    wrap: int = 0  # hard-wrap width, 0 for none
    per_line: bool = False  # one sentence per line
    para: tuple[int, int] = (1, 4)  # sentences per paragraph
    extras: float = 0.0  # share of paragraphs after a subhead, list, quote, caption or teaser
    jitter: float = 0.0  # share of paragraph breaks wider than usual
    signoff: float = 0.0  # share of articles ending with a sign-off line
    standfirst: float = 0.0  # share of articles whose lead sentence is shown twice
    between: list[str] = field(default_factory=lambda: ["\n\n"])  # between articles
    chrome: float = 0.3  # share of article breaks with furniture in them


_TITLES = ["plain", "plain", "upper", "title", "none", "kicker", "markdown", "bold"]


def style(rng: random.Random) -> Style:
    """Draw a site template."""
    sep = rng.choice(["\n", "\n\n", "\n\n", "\n\n\n", "\n \n", "\n\u00a0\n", "\n\t\n"])
    between = [sep + "\n", sep + "\n\n", "\n\n\n\n", sep, "\n", "\n\n"]
    return Style(
        title=rng.choice([*_TITLES, "outlet"]),
        under_title=rng.choice(["\n", "\n\n", "\n\n\n", sep]),
        byline=rng.choice([0.0, 0.0, 0.5, 0.9]),
        date=rng.random() < 1 / 3,
        dateline=rng.choice([0.0, 0.3, 0.8]),
        sep=sep,
        indent=rng.choice(["", "", "", "  ", "    ", "\t", " " * 8, " " * 12]),
        hang=rng.random() < 0.3,
        wrap=rng.choice([0, 0, 0, 0, rng.randint(50, 110)]),
        per_line=rng.random() < 0.08,
        para=rng.choice([(1, 2), (1, 4), (2, 5), (3, 8)]),
        extras=rng.choice([0.0, 0.0, 0.05, 0.15]),
        jitter=rng.choice([0.0, 0.0, 0.1, 0.3]),
        signoff=rng.choice([0.0, 0.3, 0.7]),
        standfirst=rng.choice([0.0, 0.0, 0.3]),
        between=rng.sample(between, rng.randint(1, 3)),
        chrome=rng.choice([0.0, 0.3, 0.6, 0.9]),
    )


def sentences(text: str) -> list[str]:
    """The sentences of one paragraph."""
    text = text.strip()
    return [text[s.start : s.end] for s in split_sentences(text)]


def _paragraphs(doc: dict[str, Any], st: Style, rng: random.Random) -> list[list[str]]:
    """The document's text as paragraphs of sentences."""
    out: list[list[str]] = []
    for chunk in re.split(r"\s*\n\s*", doc["text"].strip()):
        found = sentences(chunk)
        i = 0
        while i < len(found):
            size = rng.randint(*st.para)
            out.append(found[i : i + size])
            i += size
    return out


def _place(doc: dict[str, Any], rng: random.Random) -> str:
    names = [t["name"] for t in doc.get("toponyms", []) if t["name"][:1].isupper()]
    return rng.choice(names) if names else rng.choice(["SPRINGFIELD", "Riverton", "Lakeside"])


def _dateline(doc: dict[str, Any], rng: random.Random) -> str:
    place = _place(doc, rng)
    place = place.upper() if rng.random() < 0.7 else place
    agency, month = rng.choice(parts.AGENCIES), rng.choice(parts.MONTHS.split())[:3]
    return rng.choice(
        [
            f"{place} — ",
            f"{place} - ",
            f"{place} ({agency}) — ",
            f"{place}, {month} {rng.randint(1, 28)} ({agency}) - ",
            f"{place}: ",
            f"{place} -- ",
        ]
    )


def _title_lines(doc: dict[str, Any], st: Style, rng: random.Random) -> list[str]:
    title = (doc.get("title") or "").strip()
    if not title or st.title == "none":
        return []
    section = rng.choice(parts.SECTIONS.split("|"))
    forms = {
        "upper": [title.upper()],
        "title": [parts.title_case(title)],
        "kicker": [rng.choice([f"{section} | {title}", f"{section.upper()}: {title}"])],
        "markdown": [f"{rng.choice(['#', '##', '###'])} {title}"],
        "bold": [f"**{title}**"],
        "outlet": [f"{title} {rng.choice(['-', '|', '–'])} {rng.choice(parts.OUTLETS)}"],
    }
    return forms.get(st.title, [title])


def _extra(
    doc: dict[str, Any], nxt: list[str], titles: Sequence[str], rng: random.Random
) -> list[str]:
    """Lines inside the body: a subhead, a list, a quote, a caption or a teaser."""
    words = [w.strip(",.;:\"'“”") for w in " ".join(nxt).split() if len(w) > 3][:6]
    kind = rng.choice(["subhead", "bullets", "quote", "caption", "teaser"])
    if kind == "subhead" and words:
        head = parts.title_case(" ".join(words[: rng.randint(2, 5)]))
        return [rng.choice([head, head.upper(), f"**{head}**", f"{head}:", f"## {head}"])]
    if kind == "bullets" and len(nxt) >= 2:
        mark = rng.choice(["• ", "- ", "* ", "· ", ""])
        items = nxt[:3] if rng.random() < 0.5 else [" ".join(s.split()[:6]) for s in nxt[:3]]
        return [f"{mark}{s}" if mark else f"{k + 1}. {s}" for k, s in enumerate(items)]
    if kind == "quote" and nxt:
        return [f"> {nxt[0]}" if rng.random() < 0.5 else f'"{nxt[0]}"']
    if kind == "caption":
        who, place = f"{parts.person(rng)}/{rng.choice(parts.OUTLETS)}", _place(doc, rng)
        return [
            rng.choice(
                [
                    f"Photo: {who}",
                    f"A view of {place}. (Photo: {who})",
                    f"{place} on {rng.choice(parts.DAYS)}. Photograph: {who}",
                    f"Image caption: Residents in {place}",
                    f"(Photo by {who})",
                ]
            )
        ]
    if titles:
        return [f"{rng.choice(['READ MORE', 'Related', 'ALSO', 'WATCH'])}: {rng.choice(titles)}"]
    return []


def _wrap(line: str, st: Style, first: bool) -> str:
    lead = st.indent if (first or not st.hang) else ""
    rest = "" if st.hang else st.indent
    if not st.wrap:
        return lead + line
    return textwrap.fill(
        line, st.wrap, initial_indent=lead, subsequent_indent=rest, break_on_hyphens=False
    )


def article(
    doc: dict[str, Any], st: Style, titles: Sequence[str], rng: random.Random
) -> tuple[str, str]:
    """Render one document as one article: its heading lines (maybe "") and its body."""
    head = _title_lines(doc, st, rng)
    if rng.random() < st.byline:
        head.append(parts.byline(rng))
    if st.date:
        head.append(parts.date_line(rng))
    paras = _paragraphs(doc, st, rng)
    if paras and rng.random() < st.dateline:
        paras[0][0] = _dateline(doc, rng) + paras[0][0]
    if len(paras) > 1 and rng.random() < st.standfirst:
        paras.insert(0, paras[0][:1])
    body: list[str] = []
    for k, para in enumerate(paras):
        if k and rng.random() < st.extras:
            body.extend(_wrap(x, st, True) for x in _extra(doc, para, titles, rng))
        if st.per_line:
            body.append("\n".join(_wrap(s, st, j == 0) for j, s in enumerate(para)))
        else:
            body.append(_wrap(" ".join(para), st, True))
    if rng.random() < st.signoff:
        body.append(parts.signoff(rng))
    text = body[0] if body else ""
    for part in body[1:]:
        wide = rng.random() < st.jitter
        text += (st.sep + rng.choice(["\n", "\n\n", " \n"]) if wide else st.sep) + part
    return ("\n".join(head) + st.under_title if head else "", text)


def page(
    docs: Sequence[dict[str, Any]],
    rng: random.Random,
    titles: Sequence[str] = (),
    *,
    flat: bool = False,
) -> dict[str, Any]:
    """Render ``docs`` as one scraped page.

    Args:
        docs: documents with ``text`` and optionally ``id``, ``title`` and ``toponyms``.
        rng: the source of every choice.
        titles: other documents' titles, for teasers in the furniture.
        flat: write each article as one paragraph (an export of records), half
            the time with no title.

    Returns:
        ``{"text", "articles": [{"id", "glue_start", "start", "end"}, ...]}``.
    """
    st = style(rng)
    if flat:
        st = replace(st, para=(10**6, 10**6), per_line=False, extras=0.0, standfirst=0.0)
        st = replace(st, signoff=0.0, title="none" if rng.random() < 0.5 else st.title)
    mixed = not flat and rng.random() < 0.3
    text = "\n".join(parts.page_head(rng)) + "\n\n" if rng.random() < 0.3 else ""
    articles = []
    for k, doc in enumerate(docs):
        glue_start = len(text.rstrip())
        if k:
            if rng.random() < st.chrome:
                gap = rng.choice(["\n", "\n\n", "\n\n\n"])
                text += rng.choice(st.between) + gap.join(parts.chrome(rng, titles))
            text += rng.choice(st.between)
        if flat:  # the whole text one paragraph
            doc = {**doc, "text": " ".join(doc["text"].split())}
        head, body = article(doc, style(rng) if mixed else st, titles, rng)
        start = len(text) + len(head + body) - len((head + body).lstrip())
        text += head + body
        end = len(text.rstrip())
        articles.append({"id": doc.get("id", str(k)), "glue_start": glue_start, "start": start})
        articles[-1]["end"] = end
    if rng.random() < 0.3:
        text += "\n\n" + "\n".join(parts.chrome(rng, titles))
    if rng.random() < 0.15:
        articles = [{**a, **_crlf_offsets(text, a)} for a in articles]
        text = text.replace("\n", "\r\n")
    elif rng.random() < 0.15:
        text = "".join("\u00a0" if c == " " and rng.random() < 0.05 else c for c in text)
    return {"text": text, "articles": articles}


def _crlf_offsets(text: str, art: dict[str, Any]) -> dict[str, int]:
    """An article's offsets once every ``\\n`` of ``text`` becomes ``\\r\\n``."""
    return {k: art[k] + text.count("\n", 0, art[k]) for k in ("glue_start", "start", "end")}


def pages(
    docs: Sequence[dict[str, Any]],
    count: int,
    seed: int,
    *,
    singles: float = 0.4,
    alike: float = 0.3,
    flat: float = 0.0,
) -> list[dict[str, Any]]:
    """Render ``count`` pages from ``docs``: single articles, dumps and long dumps.

    Args:
        docs: the documents to draw from (head documents only when fitting).
        count: how many pages.
        seed: the seed of every choice; the same seed gives the same pages.
        singles: share of pages that hold one article; of the rest, three in four
            hold 2-8 articles and one in four 10-40.
        alike: share of dumps made of documents about the same things (those
            sharing the most words with a first one), as a local paper's page or
            a feed on one subject is; there, a topic shift says little.
        flat: share of pages whose articles are one paragraph each (``page``);
            with 0, no draw is made for it, so other pages stay as they were.

    Returns:
        Pages as :func:`page` returns them, each with an ``id``.
    """
    rng = random.Random(seed)
    titles = [d["title"] for d in docs if d.get("title")]
    words = [set(keys(d["text"])) for d in docs]
    out = []
    for i in range(count):
        u = rng.random()
        rest = (u - singles) / (1 - singles) if singles < 1 else 0.0
        size = 1 if u < singles else (rng.randint(2, 8) if rest < 0.75 else rng.randint(10, 40))
        size = min(size, len(docs))
        if size > 1 and rng.random() < alike:
            chosen = _alike(docs, words, rng.randrange(len(docs)), size, rng)
        else:
            chosen = rng.sample(list(docs), size)
        flat_page = flat > 0 and rng.random() < flat
        out.append({"id": f"page-{seed}-{i}", **page(chosen, rng, titles, flat=flat_page)})
    return out


def _alike(
    docs: Sequence[dict[str, Any]],
    words: Sequence[set[str]],
    first: int,
    size: int,
    rng: random.Random,
) -> list[dict[str, Any]]:
    """``size`` documents: ``first`` and, in random order, those sharing most words with it."""
    near = sorted(
        range(len(docs)), key=lambda j: -len(words[first] & words[j]) / (1 + len(words[j]))
    )
    chosen = [docs[j] for j in near[: size * 2] if j != first]
    return [docs[first], *rng.sample(chosen, min(size - 1, len(chosen)))]
