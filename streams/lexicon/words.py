"""Word lists the entity and place rules use: titles, place context words, head words.

General English newsroom vocabulary only; nothing here names a place or a person from
any benchmark. Kept apart from the rules so they can be read (and extended) at a glance.
"""

# ruff: noqa: SIM905  (whitespace-separated word lists read better than one word a line)

from __future__ import annotations

#: Words that make the following name a person. Lowercase, without the final period.
TITLES = frozenset(
    """
    mr mrs ms miss dr gen general lt col colonel capt captain sgt sergeant maj adm admiral
    president sen senator rep gov governor mayor minister ambassador judge justice officer
    detective prof professor rev reverend pope king queen prince princess sheikh ayatollah
    imam cardinal archbishop bishop chancellor premier commander coach pastor attorney
    spokesman spokeswoman trooper chairman chairwoman councilman councilwoman commissioner
    superintendent lord lady sir dame cpl pvt deputy chief
    """.split()
) | frozenset(
    # occupations that head a name ("Seismologist Ana Fuentes said"); words that also
    # head places or things ("host", "guard", "forward", "driver") are left out
    """
    economist analyst scientist seismologist researcher lawyer activist journalist
    reporter author novelist poet actor actress singer rapper musician filmmaker comedian
    photographer historian engineer architect entrepreneur businessman businesswoman
    billionaire striker midfielder defender goalkeeper quarterback pitcher boxer
    columnist correspondent editor producer
    """.split()
)

#: Titles that mark a person even in lowercase ("coach Ripley", "officer Smith").
LOWER_TITLES = frozenset(
    """
    coach officer detective trooper sergeant captain pastor reverend professor senator
    spokesman spokeswoman mayor governor president ambassador commander
    """.split()
)

#: Verbs of saying: "X said" is far more often a person than a place.
SPEECH = frozenset(
    """
    said says told added argued wrote explained noted stated tweeted
    """.split()
)

#: Name tokens that are not names ("bin", "Jr."): never propagated on their own.
NAME_PARTICLES = frozenset(
    """
    al el bin ibn de da del der van von la le jr sr ii iii iv
    """.split()
)

#: Words before a name that make it a place: "in X", "near X".
PLACE_PREPS = frozenset(
    """
    in at near from to into outside across around throughout toward towards through via
    between of within inside
    """.split()
)

#: Lowercase words before a name that make it a place: "eastern X", "downtown X".
#: Matched as written: capitalised, they begin names ("Western Union", "Central Bank").
PLACE_BEFORE = frozenset(
    """
    northern southern eastern western northeastern northwestern southeastern southwestern
    central downtown rural suburban coastal
    """.split()
)

#: Words after a town's name that speak for the town ("Roselle police ticketed...",
#: "Woodstock Mayor Ann Ray said", "Kesh's mayor").
OFFICIAL_WORDS = frozenset({"police", "mayor", "council", "officials", "authorities", "residents"})

#: Words after a name that make it a place: "X County", "X residents", "a X man".
PLACE_AFTER = frozenset(
    """
    county parish township borough city mayor residents resident natives native area police
    council officials authorities metro region province state man woman men women teen boy
    girl couple family governor mayoral
    """.split()
)

#: Last words of natural feature and district names.
FEATURE_HEADS = frozenset(
    """
    River Lake Mountains Mountain Island Islands Valley Bay Creek Sea Ocean Gulf Peninsula
    Desert Canyon Falls Forest Beach Springs Heights Hills Strait Harbor Harbour Wilderness
    Reservoir
    """.split()
)

#: Words that make a name a natural feature's, never its namesake town's or country's:
#: "Lake Chad" is not Chad, "Vancouver Island" not Vancouver ("Gulf of Aden", "Mount
#: Hood", "Ural Mountains", "Danube Delta"). Town-like heads (Springs, Heights, Beach)
#: are left out.
FEATURE_LEADS = ("Lake ", "Mount ", "Mt. ", "Mt ", "Gulf of ", "Strait of ", "Straits of ",
                 "Bay of ", "Sea of ", "Isle of ", "Cape ")  # fmt: skip
FEATURE_TAILS = frozenset(
    """
    River Lake Island Islands Isle Mountains Mountain Mts. Mts Range Valley Delta Desert
    Sea Ocean Bay Gulf Strait Straits Peninsula Canyon Creek Falls Reservoir Lagoon Glacier
    """.split()
)

#: Last words of street, road and facility names.
STREET_HEADS = frozenset(
    """
    Street St. Road Rd. Avenue Ave. Drive Lane Ln. Boulevard Blvd. Parkway Pkwy. Highway
    Hwy. Pike Court Ct. Circle Trail Terrace Bridge Airport Expressway Freeway Turnpike
    Square
    """.split()
)

#: Words of a diplomatic mission's name: "the British Embassy" is not in Britain. A
#: "Commission" is one only as a High Commission: an election commission is at home.
MISSION_WORDS = frozenset({"Embassy", "Consulate", "Legation", "Mission"})

#: Last words of organisation names: a known place at their head is a place ("X Police").
ORG_HEADS = frozenset(
    """
    Department Office Council Board Committee Commission School College University Church
    Club Association Society Hospital Center Centre Library Museum Police Sheriff Fire
    Chamber Authority Agency District Foundation Company Corporation Inc. Bank Airport Team
    High Times Post Herald Tribune Journal News Elementary Parks Recreation
    """.split()
)

#: Capitalised common words the gazetteer knows as some small place ("University", "May"):
#: rules never make them places on their own (the model still may).
GENERIC_WORDS = frozenset(
    """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter God Lord Jesus
    University College School Academy Institute Federal National State Central Commerce
    Justice Police Fire Sheriff Department Office Council Board Committee Commission Union
    United Liberty Independence Victory Unity Hope Faith Grace Mercy Industry Energy Health
    Education Security Defense Defence Agriculture Labor Labour Transport Transportation
    Interior Treasury Army Navy Court Senate House Congress Parliament Capitol Church Temple
    Club Center Centre Hall Museum Library Hospital Market Bank Company Group Association
    Society Foundation Trust Fund Party Democrats Republicans Republican Democratic Superior
    Supreme General East West North South Northern Southern Eastern Western Upper Lower
    Greater Metropolitan Metro New Old Great Little Big Grand Royal First Second Third No City
    Town Village Highway Highways Street Road Avenue Park Lake River Mount Gulf Bay Spring
    Summit Harmony Progress Freedom Paradise Eden Home Star Sun Moon Golden Silver Post
    Times Herald Tribune News Mobile Reading Will Bill Mark Chase Wells Page Young Long
    """.split()
)

#: Last words of administrative area names.
ADMIN_HEADS = frozenset({"County", "Parish", "Township", "Twp.", "Borough"})

#: Words followed by a number that name a road: "Highway 30", "Route 16", "KY 90".
ROUTE_WORDS = frozenset({"Highway", "Hwy.", "Route", "Interstate", "I", "US", "SR", "FM", "KY"})

#: Short upper-case strings that name places whatever the gazetteer says.
PLACE_ACRONYMS = frozenset({"US", "USA", "UK", "UAE", "DRC", "DPRK", "PRC", "NYC", "DC"})

# fmt: off
#: Words that narrow a place to a part of it ("Northeast Nebraska", "downtown Tulsa").
DIRECTIONS = frozenset((
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "greater", "downtown", "northeast", "northwest", "southeast", "southwest",
    "metro",
))
# fmt: on
