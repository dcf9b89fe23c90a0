"""Hand-curated gazetteer additions: country aliases, regions, region adjectives.

Regions have no GeoNames record in the packaged data; their ids are taken from the
``REGION_ID_BASE`` range, which GeoNames does not use, so they never clash. Their points
are rough centres, except the oceans, the Mediterranean, the Middle East, Latin America
and the Western world ("the West"), which are set
to the points GeoNames gives them (as seen in GeoNames-aligned annotations of the
benchmarks' tuning head) so that distances agree with GeoNames-based references.
"""

from __future__ import annotations

from dataclasses import dataclass

REGION_ID_BASE = 100_000_000

# Short names and abbreviations news uses for countries, beyond the packaged aliases.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "U.S.A.", "USA", "America", "United States of America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "KR": ("South Korea", "Korea", "ROK"),
    "KP": ("North Korea", "DPRK"),
    "CN": ("PRC", "Mainland China"),
    "NL": ("Holland", "The Netherlands"),
    "MM": ("Burma",),
    "CI": ("Ivory Coast",),
    "CZ": ("Czech Republic", "Czechia"),
    "MK": ("Macedonia", "North Macedonia"),
    "PS": ("Palestine", "Palestinian Territories", "Occupied Palestinian Territories"),
    "VA": ("Vatican", "Holy See", "Vatican City"),
    "SZ": ("Swaziland", "Eswatini"),
    "TL": ("East Timor",),
    "RU": ("Russia", "Soviet Union", "USSR", "U.S.S.R."),
    "IR": ("Iran", "Islamic Republic", "Islamic Republic of Iran"),
    "PK": ("Islamic Republic",),
    "AF": ("Islamic Republic",),
    "MR": ("Islamic Republic",),
    "SY": ("Syria",),
    "VN": ("Vietnam",),
    "LA": ("Laos",),
    "TZ": ("Tanzania",),
    "BO": ("Bolivia",),
    "VE": ("Venezuela",),
    "MD": ("Moldova",),
    "BN": ("Brunei",),
    "TR": ("Turkiye", "Türkiye"),
    "CV": ("Cabo Verde",),
    "TT": ("T&T", "Trinidad"),
    "BA": ("Bosnia",),
    "AG": ("Antigua",),
    "KN": ("St Kitts", "St. Kitts", "Saint Kitts"),
    "ZA": ("SA", "RSA"),
    "SA": ("KSA",),
}


# Abbreviations of divisions that the packaged aliases lack, keyed by (country, name):
# Canadian postal-style and UK county short forms, Australian state abbreviations.
DIVISION_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("CA", "British Columbia"): ("B.C.", "BC"),
    ("CA", "Alberta"): ("Alta.",),
    ("CA", "Saskatchewan"): ("Sask.",),
    ("CA", "Ontario"): ("Ont.",),
    ("CA", "Quebec"): ("Que.", "Québec"),
    ("CA", "Newfoundland and Labrador"): ("N.L.", "Nfld.", "Newfoundland"),
    ("CA", "Nova Scotia"): ("N.S.",),
    ("CA", "New Brunswick"): ("N.B.",),
    ("CA", "Prince Edward Island"): ("P.E.I.", "PEI"),
    ("AU", "New South Wales"): ("NSW", "N.S.W."),
    ("AU", "Queensland"): ("Qld",),
    ("AU", "Australian Capital Territory"): ("ACT",),
    ("AU", "Tasmania"): ("Tas",),
    ("AU", "South Australia"): ("SA",),
    ("GB", "Hertfordshire"): ("Herts",),
    ("GB", "Bedfordshire"): ("Beds",),
    ("GB", "Buckinghamshire"): ("Bucks",),
    ("GB", "Hampshire"): ("Hants",),
    ("GB", "Lancashire"): ("Lancs",),
    ("GB", "Nottinghamshire"): ("Notts",),
    ("GB", "Gloucestershire"): ("Glos",),
    ("GB", "Wiltshire"): ("Wilts",),
    ("GB", "Oxfordshire"): ("Oxon",),
    ("GB", "Cambridgeshire"): ("Cambs",),
    ("GB", "Northamptonshire"): ("Northants",),
    ("GB", "Leicestershire"): ("Leics",),
    ("GB", "Lincolnshire"): ("Lincs",),
    ("GB", "Worcestershire"): ("Worcs",),
    ("GB", "Staffordshire"): ("Staffs",),
}


@dataclass(frozen=True)
class Region:
    """A region, sea or other area news names that is not a country or division."""

    name: str
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()
    country_code: str | None = None
    feature_code: str = "RGN"
    population: int = 0


REGIONS: tuple[Region, ...] = (
    Region("Middle East", 33.13906, 35.85869, ("Mideast", "Near East")),
    Region(
        "Persian Gulf",
        26.5,
        52.0,
        ("Gulf", "Arabian Gulf", "the Gulf", "Gulf states"),
        None,
        "GULF",
    ),
    Region("West Bank", 32.0, 35.25, (), "PS"),
    Region("Gaza Strip", 31.42, 34.37, ("Gaza",), "PS"),
    Region("Golan Heights", 33.0, 35.75, ("Golan",), "SY"),
    Region("Sinai Peninsula", 29.5, 33.8, ("Sinai",), "EG", "PEN"),
    Region("Kurdistan", 36.5, 44.0, ("Kurdistan Region",)),
    Region("Levant", 33.5, 36.0),
    Region("Balkans", 42.5, 21.0, ("Balkan Peninsula", "Western Balkans")),
    Region("Caucasus", 42.5, 44.0, ("North Caucasus", "South Caucasus")),
    Region("South Ossetia", 42.3, 44.0, (), "GE"),
    Region("Abkhazia", 43.0, 41.0, (), "GE"),
    Region("Transnistria", 47.2, 29.4, (), "MD"),
    Region("Nagorno-Karabakh", 39.9, 46.7, ("Karabakh",), "AZ"),
    Region("Scandinavia", 63.0, 15.0, ("Nordic countries", "Nordics")),
    Region("Siberia", 60.0, 105.0, (), "RU"),
    Region("Kashmir", 34.0, 76.0),
    Region("Korean Peninsula", 37.5, 127.5),
    Region("Darfur", 13.5, 24.0, (), "SD"),
    Region("Sahel", 15.0, 0.0),
    Region("Horn of Africa", 8.0, 46.0),
    Region("Maghreb", 31.0, 3.0),
    Region("Caribbean", 15.0, -75.0, ("Caribbean Sea",)),
    Region("Central America", 14.0, -87.0),
    Region("Latin America", -14.60485, -57.65625),
    Region("Southeast Asia", 10.0, 106.0, ("South-East Asia", "South East Asia")),
    Region("East Asia", 35.0, 115.0),
    Region("South Asia", 23.0, 80.0),
    Region("Central Asia", 43.0, 65.0),
    Region("North Africa", 27.0, 14.0),
    Region("West Africa", 12.0, -2.0),
    Region("East Africa", 2.0, 38.0),
    Region("Sub-Saharan Africa", 0.0, 20.0),
    Region("Western Europe", 48.0, 5.0),
    Region("Eastern Europe", 52.0, 30.0),
    Region("Western world", 50.22, 7.43, ("West", "the West")),
    Region("European Union", 50.0, 10.0, ("EU", "E.U.")),
    Region("Arctic", 80.0, 0.0),
    Region("Pacific Ocean", 3.51342, -132.1875, ("Pacific",), None, "OCN"),
    Region("Atlantic Ocean", 10.0, -25.0, ("Atlantic",), None, "OCN"),
    Region("Indian Ocean", -10.0, 70.0, (), None, "OCN"),
    Region("Mediterranean Sea", 35.0, 20.0, ("Mediterranean",), None, "SEA"),
    Region("Red Sea", 20.0, 38.5, (), None, "SEA"),
    Region("Black Sea", 43.5, 34.0, (), None, "SEA"),
    Region("Caspian Sea", 42.0, 51.0, (), None, "LK"),
    Region("South China Sea", 13.0, 114.0, (), None, "SEA"),
    Region("Strait of Hormuz", 26.57, 56.25, ("Hormuz Strait",), None, "STRT"),
    Region("Gulf of Mexico", 25.0, -90.0, (), None, "GULF"),
    Region("Gulf Coast", 29.5, -91.0, (), "US"),
    Region("Midwest", 42.0, -93.0, ("Middle West",), "US"),
    Region("West Coast", 39.0, -121.5, ("US West Coast",), "US"),
    Region("East Coast", 38.5, -76.0, ("US East Coast", "Eastern Seaboard"), "US"),
    Region("New England", 44.0, -71.5, (), "US"),
    Region("Pacific Northwest", 46.0, -121.0, (), "US"),
    Region("Deep South", 32.5, -87.0, ("American South",), "US"),
    Region("Great Lakes", 45.0, -84.0, (), None, "LKS"),
    Region("Bay Area", 37.8, -122.3, ("San Francisco Bay Area",), "US"),
    Region("Silicon Valley", 37.4, -122.0, (), "US", "VAL"),
    Region("Donbas", 48.0, 38.5, ("Donbass",), "UA"),
    Region("Eastern Ghouta", 33.55, 36.4, ("Ghouta", "East Ghouta"), "SY"),
    Region("Somaliland", 9.5, 46.0, (), "SO"),
    Region("Patagonia", -45.0, -69.0),
    Region("Baltic states", 57.0, 24.0, ("Baltics",)),
    Region("Baltic Sea", 58.0, 20.0, (), None, "SEA"),
    Region("Borneo", 0.5, 114.0, (), None, "ISL"),
    Region("Sumatra", -0.5, 101.5, (), "ID", "ISL"),
    Region("Java", -7.3, 110.0, (), "ID", "ISL"),
    Region("Mindanao", 7.5, 125.0, (), "PH", "ISL"),
    Region("Luzon", 16.0, 121.0, (), "PH", "ISL"),
    Region("Tahiti", -17.65, -149.43, (), "PF", "ISL"),
    Region("Himalayas", 28.0, 84.0, ("Himalaya",), None, "MTS"),
    Region("Alps", 46.5, 10.0, (), None, "MTS"),
    Region("Andes", -15.0, -70.0, (), None, "MTS"),
    Region("Sahara", 23.0, 13.0, ("Sahara Desert",), None, "DSRT"),
    Region("Rocky Mountains", 44.0, -110.0, ("Rockies",), None, "MTS"),
    Region("Appalachian Mountains", 38.0, -80.0, ("Appalachians",), "US", "MTS"),
    Region("Asia-Pacific", 10.0, 120.0, ("Asia Pacific", "Indo-Pacific")),
    Region("Eurozone", 50.0, 10.0, ("euro zone", "euro area")),
    Region("Arab world", 25.0, 30.0),
    Region("Mesopotamia", 33.0, 44.0),
    Region("Yorkshire", 54.0, -1.5, (), "GB"),
    Region("Channel Islands", 49.4, -2.4, (), None, "ISLS"),
    Region("Hebrides", 57.5, -7.0, ("Outer Hebrides", "Inner Hebrides"), "GB", "ISLS"),
    Region("Honshu", 36.0, 138.0, (), "JP", "ISL"),
    Region("Kyushu", 32.8, 130.8, (), "JP", "ISL"),
    Region("Mekong Delta", 10.0, 105.8, (), "VN", "DLTA"),
    Region("Niger Delta", 5.0, 6.0, (), "NG", "DLTA"),
    Region("Korean Demilitarized Zone", 38.0, 127.0, ("DMZ",), None),
    Region("Great Plains", 41.0, -100.0, (), None),
    Region("Upstate New York", 43.0, -75.5, (), "US"),
    Region("Long Island", 40.8, -73.1, (), "US", "ISL"),
    Region("Oahu", 21.47, -157.98, ("O'ahu",), "US", "ISL"),
)


#: Adjectives naming a continent, region or country part ("European leaders"), resolved
#: like demonyms (country demonyms come from :mod:`streams.lexicon.demonyms`).
REGION_ADJECTIVES: dict[str, str] = {
    "European": "Europe",
    "African": "Africa",
    "Asian": "Asia",
    "South American": "South America",
    "North American": "North America",
    "Central American": "Central America",
    "Latin American": "Latin America",
    "Middle Eastern": "Middle East",
    "Mideast": "Middle East",
    "Caribbean": "Caribbean",
    "Balkan": "Balkans",
    "Scandinavian": "Scandinavia",
    "Kurdish": "Kurdistan",
    "Arctic": "Arctic",
    "Atlantic": "Atlantic Ocean",
    "Pacific": "Pacific Ocean",
    "Mediterranean": "Mediterranean Sea",
    "English": "England",
    "Philippine": "Philippines",
}

#: Combining forms, glued by a hyphen to what follows ("Austro-Hungarian", "Sino-US
#: talks"), and the country or region each names.
COMBINING_FORMS: dict[str, str] = {
    "Austro": "Austria", "Sino": "China", "Russo": "Russia", "Franco": "France",
    "Anglo": "United Kingdom", "Greco": "Greece", "Italo": "Italy", "Serbo": "Serbia",
    "Hispano": "Spain", "Luso": "Portugal", "Afro": "Africa", "Euro": "Europe",
}  # fmt: skip

# Seats of government and their rooms, which news uses for the city they stand in
# ("the White House said"), Wall Street, and hub airports named without "Airport"
# ("landed at Heathrow"); keyed by (country, city). The town of White House, Tennessee, and
# Heathrow, Florida, are never what a news story means by the name.
LANDMARKS: dict[tuple[str, str], tuple[str, ...]] = {
    ("US", "Washington"): (
        "White House",
        "Oval Office",
        "West Wing",
        "Capitol Hill",
        "Pentagon",
        "Congress",
        "US Capitol",
        "U.S. Capitol",
    ),
    ("US", "New York City"): ("Wall Street",),
    ("RU", "Moscow"): ("Kremlin",),
    ("GB", "London"): ("Downing Street", "Whitehall", "Heathrow", "Gatwick"),
    ("US", "Chicago"): ("O'Hare", "O’Hare"),
    ("NL", "Amsterdam"): ("Schiphol",),
    ("FR", "Paris"): ("Elysee Palace", "Élysée Palace", "Quai d'Orsay"),
    ("CN", "Beijing"): ("Zhongnanhai",),
}
