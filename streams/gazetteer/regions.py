"""Curated names: country and division aliases, region names, composites, adjectives.

Everything here is a name or a definition; no point is written here. Regions and
features come from the shipped extracts (:mod:`streams.gazetteer.extracts`), composite
regions take the mean point of their members.
"""

from __future__ import annotations

from dataclasses import dataclass

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


#: English names news uses for regions and features the sources list under another
#: name, keyed by the source's primary name. Names only: every point is the source's.
REGION_NAMES: dict[str, tuple[str, ...]] = {
    "Middle East": ("Mideast", "Near East"),
    "Eastern Asia": ("East Asia",),
    "Southern Asia": ("South Asia",),
    "South Eastern Asia": ("Southeast Asia", "South-East Asia", "South East Asia"),
    "Northern Africa": ("North Africa",),
    "Western Africa": ("West Africa",),
    "Eastern Africa": ("East Africa",),
    "Central Africa": ("Central African region",),
    "Persian Gulf": ("the Gulf", "Gulf states"),
    "Baltic States": ("Baltics", "Baltic states"),
    "Nordic": ("Nordics",),
    "Rocky Mountains": ("Rockies",),
    "Appalachian Mts.": ("Appalachians",),
    "Balkans": ("Western Balkans",),
    "Korean Demilitarized Zone": ("DMZ",),
}


@dataclass(frozen=True)
class Composite:
    """A region news names that no source lists, defined by the places it is made of.

    Its point is the mean of its members' points (each from a source), so it can be
    audited and rebuilt. ``members`` are ISO country codes ("MX"), GeoNames admin1
    codes ("US.IA") or GeoNames ids of divisions and towns ("#408658"), separated by
    spaces.
    """

    name: str
    members: str
    aliases: tuple[str, ...] = ()
    country_code: str = ""


_LATIN = "MX GT BZ SV HN NI CR PA CU DO HT CO VE EC PE BO CL AR UY PY BR"
_ARAB = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE"
_MIDWEST = "US.IL US.IN US.IA US.KS US.MI US.MN US.MO US.NE US.ND US.OH US.SD US.WI"
_EAST_COAST = "US.ME US.NH US.MA US.RI US.CT US.NY US.NJ US.DE US.MD US.VA US.NC US.SC US.GA US.FL"
_BAY_AREA = "#5322745 #5339268 #5370468 #5376101 #5391997 #5392427 #5393021 #5396987 #5397100"
#: Douma, Harasta, Irbin, Zamalka, Kafr Batna, Saqba, Hammurah, Ayn Tarma, Jisrayn
_GHOUTA = "#170592 #169897 #169372 #162547 #168713 #164828 #169958 #172105 #169020"
_YORKSHIRE = (
    "#2641209 #2650345 #3333122 #3333143 #3333189 #3333193 #3333131 #3333137 #3333161 "
    "#3333164 #3333212"
)
COMPOSITES: tuple[Composite, ...] = (
    Composite("Latin America", _LATIN),
    Composite("Arab world", _ARAB, ("Arab countries", "Arab states")),
    Composite("Midwest", _MIDWEST, ("Middle West", "American Midwest"), "US"),
    Composite("New England", "US.CT US.ME US.MA US.NH US.RI US.VT", (), "US"),
    Composite("Pacific Northwest", "US.WA US.OR US.ID", (), "US"),
    Composite("Deep South", "US.AL US.GA US.LA US.MS US.SC", ("American South",), "US"),
    Composite("Gulf Coast", "US.TX US.LA US.MS US.AL US.FL", (), "US"),
    Composite("West Coast", "US.CA US.OR US.WA", ("US West Coast",), "US"),
    Composite("East Coast", _EAST_COAST, ("US East Coast", "Eastern Seaboard"), "US"),
    Composite("Bay Area", _BAY_AREA, ("San Francisco Bay Area",), "US"),
    Composite("Silicon Valley", "#5393021 #5392427", (), "US"),
    Composite("Oahu", "#5856194", ("O'ahu", "O‘ahu"), "US"),
    Composite("Darfur", "#408658 #408660 #408666 #8394435 #8394436", (), "SD"),
    Composite("Kurdistan", "#95445 #98465 #97269", ("Kurdistan Region", "Iraqi Kurdistan"), "IQ"),
    Composite("Sinai Peninsula", "#349401 #355182", ("Sinai",), "EG"),
    Composite("Eastern Ghouta", _GHOUTA, ("Ghouta", "East Ghouta"), "SY"),
    Composite("Yorkshire", _YORKSHIRE, (), "GB"),
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
    "Austro": "Austria",
    "Sino": "China",
    "Russo": "Russia",
    "Franco": "France",
    "Anglo": "United Kingdom",
    "Greco": "Greece",
    "Italo": "Italy",
    "Serbo": "Serbia",
    "Hispano": "Spain",
    "Luso": "Portugal",
    "Afro": "Africa",
    "Euro": "Europe",
}

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
