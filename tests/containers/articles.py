"""Write N short news articles, one JSON envelope a line, for the container test.

The articles are made up here from a few templates and places (the project's own words,
no outside text): each names a city and its country, so every one should come out of the
stack geocoded. The envelope ids are stable, so the same N always gives the same ids.

    python tests/containers/articles.py 50 > var/containers/more.jsonl
"""

from __future__ import annotations

import json
import sys

PLACES = [
    ("Lyon", "France"),
    ("Porto", "Portugal"),
    ("Krakow", "Poland"),
    ("Mombasa", "Kenya"),
    ("Cebu", "the Philippines"),
    ("Valparaiso", "Chile"),
    ("Tampere", "Finland"),
    ("Cusco", "Peru"),
    ("Da Nang", "Vietnam"),
    ("Adelaide", "Australia"),
    ("Winnipeg", "Canada"),
    ("Dresden", "Germany"),
    ("Seville", "Spain"),
    ("Kumasi", "Ghana"),
    ("Osaka", "Japan"),
    ("Bergen", "Norway"),
    ("Curitiba", "Brazil"),
]

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NAMES = ["Ana Ribeiro", "Tomasz Nowak", "Grace Wanjiru", "Lena Fischer", "Kenji Sato"]

TEMPLATES = [
    (
        "Storm cuts power to {n} thousand homes in {city}",
        "A storm with gusts of more than 100 km/h brought down power lines across {city} on "
        "{day}, leaving about {n} thousand homes in the dark. The grid operator said crews "
        "from other parts of {country} were on their way. Schools in the city stayed shut.",
    ),
    (
        "{city} opens its first tram line in fifty years",
        "Trams returned to the streets of {city} on {day} when the first line of a new network "
        "opened to passengers. Mayor {name} rode the first service and said {n} thousand people "
        "a day were expected to use it. Two more lines are planned before the end of the decade.",
    ),
    (
        "Dock workers in {city} walk out over pay",
        "Dock workers at the port of {city} stopped work on {day} after talks on a new wage "
        "deal broke down. Ships waited outside the harbour, and exporters across {country} "
        "warned of delays. The union said the strike would last {n} days unless talks resume.",
    ),
    (
        "Museum in {city} returns looted carvings",
        "A museum in {city} handed back {n} wooden carvings on {day} that had been taken from "
        "their village more than a century ago. Curator {name} said the objects had been kept "
        "in storage for decades. Officials from {country} attended the ceremony.",
    ),
    (
        "Heat record broken in {city}",
        "Thermometers in {city} reached {n} degrees on {day}, the highest reading since "
        "records began there. The weather service of {country} issued a warning for the rest of "
        "the week and asked people to avoid working outdoors in the afternoon.",
    ),
    (
        "Start-up in {city} raises funds for battery plant",
        "A company founded in {city} three years ago said on {day} it had raised money from "
        "investors to build a battery factory employing {n} hundred people. Chief executive "
        "{name} said the plant would supply car makers across {country} and abroad.",
    ),
    (
        "Floods close the main road out of {city}",
        "Police closed the main road between {city} and the coast on {day} after a river burst "
        "its banks. About {n} hundred residents spent the night in a sports hall. The "
        "government of {country} said the army would help to clear the debris.",
    ),
    (
        "{city} hosts a chess tournament for schools",
        "More than {n} hundred pupils gathered in {city} on {day} for a chess tournament that "
        "drew teams from every region of {country}. The winning team of twelve-year-olds will "
        "travel to the national final next month, organiser {name} said.",
    ),
    (
        "Hospital in {city} treats patients after bus crash",
        "A bus carrying tourists left the road near {city} on {day}, injuring {n} people. "
        "Doctors at the city hospital said most had minor injuries. The transport ministry of "
        "{country} has opened an inquiry into the crash.",
    ),
    (
        "Airport in {city} adds routes for the summer",
        "The airport of {city} will offer {n} new routes this summer, its director {name} said "
        "on {day}. Most of the flights link the city with resorts at home and abroad, and the "
        "tourism board of {country} expects a record season.",
    ),
]


def article(index: int) -> dict[str, str]:
    """The envelope of article ``index`` (0-based)."""
    headline, body = TEMPLATES[index % len(TEMPLATES)]
    city, country = PLACES[(index * 7) % len(PLACES)]
    values = {
        "city": city,
        "country": country,
        "day": DAYS[index % len(DAYS)],
        "name": NAMES[index % len(NAMES)],
        "n": str(3 + (index * 11) % 37),
    }
    text = headline.format(**values) + "\n\n" + body.format(**values) + "\n"
    return {"id": f"container-test-{index + 1:03d}", "text": text, "source": "geowire tests"}


def main() -> None:
    """Print ``argv[1]`` envelopes (50 by default) as JSON lines."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    for index in range(count):
        sys.stdout.write(json.dumps(article(index), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
