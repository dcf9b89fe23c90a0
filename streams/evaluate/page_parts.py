"""The small parts of a rendered page: names, dates, bylines, chrome and sign-offs.

Every name and outlet here is made up for these pages. The chrome lines are the
kinds of site furniture scrapers leave on news pages (ad labels, share bars,
rules, teasers of other stories, navigation, tags, comment counts, newsletter
prompts), written for this module.
"""

from __future__ import annotations

import random
from collections.abc import Sequence


def _split(text: str, sep: str | None = None) -> list[str]:
    return text.split(sep)


FIRST = _split("Ada Bram Cleo Dario Edda Faris Greta Hollis Ines Jory Kamal Lise Milo Nadia")
LAST = _split("Abernethy Baptiste Castellano Dunmore Eriksen Fairweather Galloway Hartigan")
LAST += _split("Ibarra Jessup Kowalczyk Lindqvist Marchetti Nwosu Okafor Pellegrino Quarles")
OUTLETS = [
    *_split("Harbor Ledger|Valley Courier|Northern Sentinel|Morning Dispatch|County Gazette", "|"),
    *_split("Riverside Herald|Evening Chronicle|Coastal Times|Plains Register|Metro Bulletin", "|"),
]
SECTIONS = "NEWS|LOCAL|WORLD|POLITICS|BUSINESS|CRIME|HEALTH|OPINION|Local News|Nation|Courts"
MONTHS = "January February March April May June July August September October November December"
DAYS = _split("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
AGENCIES = ["AP", "Reuters", "AFP", "UPI", "dpa", "Xinhua", "PTI", "CNA", "Staff"]
_SMALL = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to"}


def person(rng: random.Random) -> str:
    """A made-up full name."""
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def date(rng: random.Random) -> str:
    """A date or time in one of many page formats."""
    y, m, d = rng.randint(2008, 2023), rng.randint(1, 12), rng.randint(1, 28)
    month, day = _split(MONTHS)[m - 1], rng.choice(DAYS)
    hh, mm = rng.randint(1, 12), rng.randint(0, 59)
    return rng.choice(
        [
            f"{month} {d}, {y}",
            f"{day}, {month} {d}, {y}",
            f"{d} {month} {y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{m:02d}/{d:02d}/{y}",
            f"{d}.{m:02d}.{y}",
            f"{month[:3]} {d}, {y} {hh}:{mm:02d} {rng.choice(['am', 'pm', 'a.m.', 'p.m.'])}",
            f"{day[:3]} {d} {month[:3]} {y} {hh:02d}.{mm:02d} GMT",
            f"{rng.randint(2, 11)} {rng.choice(['hours', 'days'])} ago",
        ]
    )


def date_line(rng: random.Random) -> str:
    """A date, maybe under a label ("Published: ...")."""
    label = rng.choice(["Published", "Posted", "Updated", "Last updated", "Posted on", "", ""])
    return f"{label}: {date(rng)}" if label else date(rng)


def byline(rng: random.Random) -> str:
    """An author line in one of many forms."""
    who, outlet = person(rng), rng.choice(OUTLETS)
    return rng.choice(
        [
            f"By {who}",
            f"BY {who.upper()}",
            f"By {who}, {outlet}",
            f"{who}, Staff Writer",
            f"{who} | {outlet}",
            f"Written by {who}",
            f"Author: {who}",
            f"By {who} and {person(rng)}",
            f"{who} / {rng.choice(AGENCIES)}",
            f"Posted by {who} on {date(rng)}",
            f"By {who} {date(rng)}",
        ]
    )


def title_case(title: str) -> str:
    """Capitalise every word but the small ones after the first."""
    words = title.split()
    return " ".join(
        w if (i and w.lower() in _SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


def chrome(rng: random.Random, titles: Sequence[str]) -> list[str]:
    """Lines of site furniture: ads, share bars, rules, teasers, navigation, tags."""
    outlet = rng.choice(OUTLETS)
    teaser = rng.choice(titles) if titles else "More stories"
    listed = rng.sample(list(titles), min(3, len(titles)))
    kinds: list[list[str]] = [
        [rng.choice(["Advertisement", "ADVERTISEMENT", "- Advertisement -", "Sponsored", "AD"])],
        [rng.choice(["Story continues below", "Article continues after this ad", "[ad]"])],
        rng.choice(
            [
                ["Share this:", "Facebook", "Twitter", "Email"],
                ["Share | Tweet | Email | Print"],
                ["Share on Facebook", "Share on Twitter"],
                ["f", "t", "in", "✉"],
                ["Print", "Email", "Comments (3)"],
            ]
        ),
        [rng.choice(["---", "* * *", "***", "________", "==========", "~ ~ ~", "■ ■ ■", "•"])],
        [f"{rng.choice(['Related', 'READ MORE', 'See also', 'Also read', 'RELATED'])}: {teaser}"],
        [
            rng.choice(
                ["Related stories", "You may also like", f"More from {outlet}", "Most read"]
            ),
            *[f"{rng.choice(['', '• ', '- '])}{t}" for t in listed],
        ],
        [rng.choice(["« Previous story", "Next article »", "Back to top", "Load more"])],
        [f"Tags: {', '.join(rng.sample(_split(SECTIONS, '|')[:8], 3)).title()}"],
        [rng.choice(["Leave a comment", "Comments are closed.", "12 comments", "Add a comment"])],
        [rng.choice(["Sign up for our newsletter", "Get the morning briefing in your inbox"])],
        [
            rng.choice(
                ["Continue reading", "Continue reading the main story", "Read the full story"]
            )
        ],
    ]
    return rng.choice(kinds)


def page_head(rng: random.Random) -> list[str]:
    """Site furniture above a page's first article."""
    return rng.choice(
        [
            ["Home | News | Sport | Business"],
            ["Skip to content"],
            [rng.choice(OUTLETS).upper()],
            ["Menu", "Search"],
            [date(rng)],
        ]
    )


def signoff(rng: random.Random) -> str:
    """A closing line of an article: rights, contacts, credits, corrections."""
    who, outlet, year = person(rng), rng.choice(OUTLETS), rng.randint(2008, 2023)
    handle = who.split()[0].lower() + who.split()[1][:3].lower()
    return rng.choice(
        [
            f"© {year} {outlet}. All rights reserved.",
            f"Copyright {year} {outlet}",
            f"Contact {who} at {handle}@{outlet.split()[0].lower()}.com.",
            f"— {who}",
            f"Follow {who.split()[0]} on Twitter @{handle}",
            f"(Reporting by {who}; Editing by {person(rng)})",
            f"{who} can be reached at 555-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}.",
            f"This story was first published by the {outlet}.",
            "Have a news tip? Email us.",
            f"— {rng.choice(AGENCIES)}",
        ]
    )
