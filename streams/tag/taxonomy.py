"""geowire's topic taxonomy: each topic's trigger terms and their weights.

A term is a lowercase word or phrase (up to three words). A trailing ``*`` makes a
one-word term a stem matching any word that starts with it ("bomb*": bomb, bombing,
bombers). Weight 2 marks terms that are nearly unambiguous for the topic, 1 terms that
support it. See docs/tagging.md for the scoring rule.
"""

from __future__ import annotations

TAXONOMY: dict[str, dict[str, float]] = {
    "armed-conflict": {
        "airstrike*": 2, "air strike*": 2, "drone strike*": 2, "shelling": 2, "artillery": 2,
        "ceasefire": 2, "troops": 1, "militia*": 1, "offensive": 1, "missile*": 1.5,
        "rocket*": 1, "war": 1, "warfare": 2, "invasion": 2, "military": 1, "army": 1,
        "battle*": 1, "soldier*": 1, "combat*": 1.5, "frontline": 2, "front line": 2,
        "insurgen*": 1.5, "rebel*": 1, "killed": 0.5, "ballistic": 1.5, "armed forces": 1.5,
        "attack*": 1, "commander*": 1,
    },
    "diplomacy": {
        "diplomat*": 2, "foreign minister": 2, "secretary of state": 1.5, "embassy": 2,
        "ambassador*": 2, "summit": 1.5, "talks": 1, "negotiat*": 1, "treaty": 2,
        "bilateral": 2, "normaliz*": 1.5, "normalis*": 1.5, "united nations": 1,
        "general assembly": 1.5, "envoy*": 2, "accord*": 1, "foreign ministry": 2,
        "relations": 0.5, "de-escalation": 1, "deescalation": 1,
    },
    "terrorism": {
        "terror*": 2, "jihad*": 2, "suicide bomb*": 2, "extremis*": 1.5, "isis": 2,
        "al-qaeda": 2, "al qaeda": 2, "hamas": 1, "hezbollah": 1, "militant*": 1,
        "hostage*": 1.5, "assassinat*": 1.5, "plot": 1, "plots": 1, "radicali*": 1.5,
        "bombing*": 1, "car bomb": 2,
    },
    "crime": {
        "arrest*": 1.5, "police": 1, "suspect*": 1.5, "robbery": 2, "robber*": 2,
        "burglar*": 2, "theft": 2, "stolen": 1.5, "murder*": 2, "homicide": 2,
        "shooting": 1.5, "stabb*": 2, "assault*": 1.5, "drug*": 1, "fraud*": 1.5,
        "smuggl*": 1.5, "sheriff": 1.5, "detective*": 1.5, "victim*": 1, "crime*": 2,
        "criminal*": 1.5, "arson": 2, "deputies": 1, "jail*": 1.5, "meth": 1.5,
    },
    "courts": {
        "court*": 2, "judge*": 2, "trial": 2, "jury": 2, "verdict": 2, "sentenc*": 1.5,
        "convict*": 1.5, "prosecut*": 1.5, "plead*": 1.5, "pleaded": 1.5, "lawsuit*": 2,
        "attorney*": 1, "appeal*": 1, "indict*": 2, "charged": 1, "charges": 1,
        "supreme court": 2, "ruling": 1.5, "testif*": 1.5, "acquit*": 2, "defendant*": 2,
    },
    "economy": {
        "economy": 2, "economic*": 1.5, "inflation": 2, "gdp": 2, "unemployment": 2,
        "recession": 2, "growth": 1, "jobs": 1, "trade": 1, "tariff*": 2, "exports": 1.5,
        "imports": 1.5, "budget*": 1, "tax*": 1, "market*": 1, "investment*": 1,
        "investor*": 1, "revenue*": 1, "prices": 1, "business*": 0.5, "industry": 1,
    },
    "banking": {
        "bank*": 1.5, "central bank": 2, "interest rate*": 2, "loan*": 1.5, "lender*": 2,
        "mortgage*": 2, "deposit*": 1, "credit": 1, "debt": 1, "bailout": 2,
        "federal reserve": 2, "monetary": 2, "financial": 1, "finance": 1, "currency": 1,
    },
    "sanctions": {
        "sanction*": 2, "embargo*": 2, "blacklist*": 1.5, "asset freeze": 2,
        "frozen assets": 2, "export controls": 2, "treasury department": 1, "ofac": 2,
        "lifted": 0.5, "restrictions": 0.5,
    },
    "elections": {
        "election*": 2, "vote*": 1, "voter*": 2, "voting": 1.5, "ballot*": 2, "poll*": 1,
        "campaign*": 1, "candidate*": 1.5, "primary": 1, "referendum": 2, "electoral": 2,
        "polling station*": 2, "turnout": 1.5, "reelection": 2, "re-election": 2,
        "inauguration": 1, "parliamentary": 1,
    },
    "protest": {
        "protest*": 2, "demonstrat*": 1.5, "rally": 1.5, "rallies": 1.5, "march*": 0.5,
        "riot*": 2, "tear gas": 2, "crackdown": 1.5, "unrest": 2, "strike": 0.5,
        "activist*": 1.5, "dissent*": 1.5, "uprising": 2, "sit-in": 2,
    },
    "disaster": {
        "earthquake*": 2, "flood*": 2, "hurricane*": 2, "tornado*": 2, "wildfire*": 2,
        "storm*": 1, "tsunami*": 2, "landslide*": 2, "drought*": 2, "evacuat*": 1.5,
        "rescue*": 1, "disaster*": 2, "emergency": 1, "cyclone*": 2, "typhoon*": 2,
        "eruption": 2, "fire": 0.5, "blaze": 1.5, "death toll": 2, "dike*": 1,
    },
    "health": {
        "health*": 1.5, "hospital*": 1.5, "disease*": 2, "virus*": 1.5, "vaccin*": 2,
        "pandemic": 2, "epidemic": 2, "outbreak*": 1.5, "patient*": 1.5, "doctor*": 1,
        "medical": 1, "cancer": 2, "infection*": 2, "covid*": 2, "flu": 2, "clinic*": 1.5,
        "nurse*": 1, "medicine*": 1, "surgery": 1.5, "mental health": 2,
    },
    "energy": {
        "oil": 1.5, "gas": 1, "natural gas": 2, "pipeline*": 1.5, "opec": 2, "crude": 2,
        "energy": 2, "electricity": 2, "power plant*": 2, "nuclear power": 2, "solar": 2,
        "wind farm*": 2, "renewable*": 2, "coal": 2, "refiner*": 2, "barrels": 2,
        "fuel*": 1.5, "petrol*": 1.5, "utility": 1, "utilities": 1,
    },
    "technology": {
        "technolog*": 1.5, "software": 2, "internet": 1.5, "cyber*": 2, "hack*": 1.5,
        "artificial intelligence": 2, "ai": 1, "smartphone*": 2, "app": 1, "apps": 1,
        "data": 0.5, "digital": 1, "computer*": 1.5, "startup*": 1.5, "semiconductor*": 2,
        "chip*": 1, "online": 0.5, "robot*": 2, "blockchain": 2, "tech": 1.5,
    },
    "sport": {
        "football": 2, "soccer": 2, "basketball": 2, "baseball": 2, "cricket": 2,
        "tennis": 2, "golf": 2, "olympic*": 2, "championship*": 2, "tournament*": 2,
        "league": 1.5, "coach*": 1, "season": 0.5, "player*": 1.5, "team*": 1,
        "match": 1, "goal*": 0.5, "score*": 0.5, "stadium": 1.5, "world cup": 2,
        "athlete*": 2, "race": 0.5, "volleyball": 2, "hockey": 2, "rugby": 2,
    },
    "transport": {
        "railway*": 2, "rail": 1.5, "railroad*": 2, "freight": 2, "airline*": 2,
        "airport*": 1.5, "flights": 1.5, "shipping": 1.5, "port": 1, "highway*": 1.5,
        "transit": 2, "commuter*": 2, "bus": 1, "buses": 1, "trains": 1.5, "train": 1,
        "traffic": 1, "motorway*": 2, "ferry": 1.5, "ferries": 1.5, "cargo": 1.5,
        "infrastructure": 1, "transport*": 2, "subway": 2, "metro": 1,
    },
    "culture": {
        "film*": 1.5, "movie*": 2, "music*": 1.5, "concert*": 2, "festival*": 1.5,
        "art": 1, "arts": 1.5, "artist*": 1.5, "museum*": 2, "exhibit*": 1.5,
        "theater": 2, "theatre": 2, "book*": 1, "novel*": 1.5, "author": 1, "authors": 1,
        "album*": 2, "actor*": 2, "actress*": 2, "gallery": 2, "painting*": 1.5, "cultural": 1.5,
        "heritage": 1,
    },
}  # fmt: skip
