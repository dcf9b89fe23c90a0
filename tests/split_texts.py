"""Made-up news articles for the splitter's tests, and pages laid out from them.

Ten topics with sentences written for these tests, set in ten invented towns,
give up to a hundred distinct articles. ``layout`` lays a list of them out the
way a scraper might (blank lines, indentation, hard wraps, CRLF, no-break
spaces, chrome between articles) and returns the text with the offset where each
article starts.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

TOWNS = [
    "Port Ellison", "Marrowby", "Kestrel Falls", "Dunmore Heath", "Ashgrove",
    "Linden Cross", "Saltmarsh", "Brackenridge", "Oakhollow", "Westmere",
]  # fmt: skip
PEOPLE = [
    "Maren Holt", "Tomas Reyes", "Ines Okafor", "Dario Venn", "Lise Marchetti",
    "Orrin Pike", "Nadia Szabo", "Bram Quarles", "Cleo Baptiste", "Yusuf Varga",
]  # fmt: skip

#: (title, sentences) per topic; {town} and {who} are filled in per article.
TOPICS: list[tuple[str, list[str]]] = [
    ("Council approves flood barrier for {town}", [
        "The {town} harbour council approved a flood barrier after two winters of storm damage.",
        "Council chair {who} said the seawall would protect about 900 homes near the quay.",
        "Engineers expect the tide gates to be built within eighteen months.",
        "The barrier is paid for by a regional grant and a levy on harbour berths.",
        "Last winter the surge flooded cellars along the waterfront and closed the ferry pier.",
        "Residents asked for clearer flood warnings and sirens on the pier.",
    ]),
    ("School board delays vote on new calendar in {town}", [
        "The {town} school board postponed its vote on a longer autumn break for pupils.",
        "Teachers told trustees the new semester dates would crowd the exam season.",
        "Board member {who} asked staff to survey parents before the next meeting.",
        "The calendar would move the first day of classes to late August.",
        "Several teachers said the change would help families who travel at harvest time.",
        "The union wants the timetable settled before contracts are signed in spring.",
    ]),
    ("Fire closes bakery on {town} high street", [
        "A fire gutted a family bakery on the {town} high street early on Sunday.",
        "Firefighters said the blaze started near the ovens and spread through the roof.",
        "Owner {who} said flour dust made the smoke thick and hard to fight.",
        "Neighbouring shops were evacuated while crews dampened the embers.",
        "Nobody was hurt, but the bakery will stay shut for several months.",
        "Customers left flowers and notes in the window of the charred shopfront.",
    ]),
    ("Copper miner cuts jobs near {town}", [
        "A copper mining company will cut 200 contract jobs at its pit outside {town}.",
        "Chief executive {who} blamed low ore prices and delays to new permits.",
        "Unions representing the miners said they had not been consulted.",
        "The company also paused work on a tailings dam that regulators had questioned.",
        "Shares in the miner fell sharply after the announcement.",
        "Local traders fear the cuts will hurt shops that depend on the mine's wages.",
    ]),
    ("Rare heron nests on marsh near {town}", [
        "A rare white heron has nested on the salt marsh near {town} for the first time in years.",
        "Birdwatchers have travelled from across the region to photograph the bird.",
        "Warden {who} said volunteers fenced off the wetland to protect the nest.",
        "Visitors were asked to stay on the boardwalk and not to fly drones over the reeds.",
        "The heron's feathers turn bright white in the breeding season.",
        "The wildlife trust hopes a second pair will arrive next spring.",
    ]),
    ("Bus route changes anger riders in {town}", [
        "Riders in {town} protested against changes to the night bus route.",
        "The transit agency moved the last departure from the depot to ten o'clock.",
        "Driver {who} said shift workers would be stranded after late shifts.",
        "Fares on the express line will also rise by twenty cents in March.",
        "The agency said falling ridership made the late buses too costly.",
        "Commuters collected signatures at the station to keep the old timetable.",
    ]),
    ("Library extends opening hours in {town}", [
        "The public library in {town} will open on Sunday afternoons from next month.",
        "Head librarian {who} said readers had asked for more weekend hours for years.",
        "New shelves for children's books were installed in the reading room.",
        "Volunteers will run a homework club in the study hall on weekdays.",
        "The library lent more than forty thousand books last year.",
        "A mobile book van will visit outlying villages twice a week.",
    ]),
    ("Football club unveils new stadium plan in {town}", [
        "The {town} football club unveiled plans for a stadium with eight thousand seats.",
        "Manager {who} said the ground would help the team climb the league.",
        "The striker who scored twenty goals last season opened the presentation.",
        "Supporters worry that ticket prices will rise when the club moves.",
        "The old ground will be sold to pay for the new stands.",
        "Work could begin after the final match of the season.",
    ]),
    ("Hospital opens new ward in {town}", [
        "The general hospital in {town} opened a new ward for older patients.",
        "Nurse manager {who} said the forty beds would shorten waiting times.",
        "Patients will be able to see a physiotherapist on the ward every day.",
        "The clinic next door will take over blood tests from the main building.",
        "Health officials said staff shortages remain the largest problem.",
        "The ward was paid for by a charity appeal and a government grant.",
    ]),
    ("Bridge repairs bring detours to {town}", [
        "Repairs to the river bridge in {town} will close two lanes for six weeks.",
        "Crews will replace rusted steel beams under the deck at night.",
        "Engineer {who} said the work could not wait until the summer.",
        "Drivers are advised to follow the detour through the industrial estate.",
        "Cyclists and walkers can still cross on the east footway.",
        "Traffic officers will direct lorries at the junction during the morning rush.",
    ]),
]  # fmt: skip


@dataclass(frozen=True)
class Article:
    """One made-up article: its title, byline and paragraphs."""

    title: str
    byline: str
    paragraphs: list[str]


def article(n: int) -> Article:
    """Article ``n`` (0..99): topic ``n % 10`` in town ``n // 10``, so neighbours differ."""
    title, sentences = TOPICS[n % 10]
    town, who = TOWNS[(n // 10) % 10], PEOPLE[(n + n // 10) % 10]
    filled = [s.format(town=town, who=who) for s in sentences]
    lead = f"{town.upper()} — {filled[0]}"
    paragraphs = [lead, " ".join(filled[1:3]), " ".join(filled[3:5]), filled[5]]
    return Article(title.format(town=town), f"By {PEOPLE[(n + 3) % 10]}", paragraphs)


Render = Callable[[Article], str]


def plain(art: Article) -> str:
    """Title, byline, then paragraphs separated by blank lines."""
    return "\n".join([art.title, art.byline, ""]) + "\n\n".join(art.paragraphs)


def layout(
    articles: Sequence[Article], render: Render = plain, between: str = "\n\n\n"
) -> tuple[str, list[int]]:
    """Lay articles out one after another; return the text and each article's start."""
    text, starts = "", []
    for art in articles:
        if text:
            text += between
        starts.append(len(text))
        text += render(art)
    return text, starts


def indented(art: Article) -> str:
    """Paragraphs indented by eight spaces, title flush left."""
    body = "\n\n".join("        " + p for p in art.paragraphs)
    return f"{art.title}\n{art.byline}\n\n{body}"


def wrapped(art: Article, width: int = 64) -> str:
    """Paragraphs hard-wrapped at ``width``, separated by single line breaks."""
    body = "\n".join(textwrap.fill(p, width) for p in art.paragraphs)
    return f"{art.title}\n{art.byline}\n\n{body}"


def tabbed(art: Article) -> str:
    """First lines indented by a tab, paragraphs separated by lines of spaces."""
    return f"{art.title}\n\n" + "\n   \n".join("\t" + p for p in art.paragraphs)
