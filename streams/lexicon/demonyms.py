"""Demonyms and nationality adjectives mapped to ISO 3166-1 alpha-2 country codes.

The table is built once from countryinfo's per-country JSON (``demonym`` field), with
ties between countries sharing a demonym ("Chinese": China, Hong Kong, Macau) broken by
population, plus a short list of common forms countryinfo lacks or spells differently.
Plurals ("Iranians", "Saudis") are derived by rule. Supranational and ethnic terms
("European", "Arab", "Kurdish") are deliberately absent: they point to no one country.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

#: Common forms missing from countryinfo or spelled differently there; they win over it.
_EXTRA: dict[str, str] = {
    "American": "US",
    "British": "GB",
    "Scottish": "GB",
    "Welsh": "GB",
    "Argentine": "AR",
    "Argentinian": "AR",
    "Emirati": "AE",
    "Saudi": "SA",
    "Filipino": "PH",
    "Swiss": "CH",
    "Thai": "TH",
    "Turkish": "TR",
    "Ukrainian": "UA",
    "Russian": "RU",
    "Syrian": "SY",
    "Vietnamese": "VN",
    "Korean": "KR",
    "Taiwanese": "TW",
    "Palestinian": "PS",
    "Israeli": "IL",
    "Iranian": "IR",
    "Dutch": "NL",
    "Polish": "PL",
    "Spanish": "ES",
    "Portuguese": "PT",
    "Swedish": "SE",
    "Danish": "DK",
    "Irish": "IE",
    "Icelandic": "IS",
    "Sri Lankan": "LK",
    "Nepali": "NP",
    "Ecuadorian": "EC",
    "Kyrgyz": "KG",
    "Tajik": "TJ",
    "Uzbek": "UZ",
    "Turkmen": "TM",
    "Kosovar": "XK",
    "Congolese": "CD",
    "Sudanese": "SD",
    "South Sudanese": "SS",
    "Yemeni": "YE",
    "Qatari": "QA",
    "Lebanese": "LB",
    "Jordanian": "JO",
    "Iraqi": "IQ",
    "Afghan": "AF",
    "Pakistani": "PK",
    "Indian": "IN",
    "Chinese": "CN",
    "French": "FR",
    # nouns for a person, beside the adjectives; not the ones that are also given names
    # or words ("Scot", "Dane", "Pole", "Turk")
    "Serb": "RS",
    "Croat": "HR",
    "Briton": "GB",
    "Swede": "SE",
    "Filipina": "PH",
}

#: Adjectives naming a bloc only before a word for its states or people ("Western
#: countries", "Western diplomats"): "the Western region of Ghana" is a division.
BLOC_ADJECTIVES: dict[str, str] = {"Western": "Western world"}
#: Words after a bloc adjective that make it the bloc ("Western powers").
_BLOC_NOUNS = re.compile(
    r"\s+(?:countries|nations|powers|governments|leaders|allies|officials|diplomats|"
    r"democracies|capitals|media|sanctions|values|partners|backers|donors|envoys|"
    r"intelligence|militaries|troops|forces|observers|analysts|journalists|investors)\b"
)

#: Endings of demonyms with no "-s" plural ("the Chinese", "the Irish", "the Swiss").
_NO_PLURAL_SUFFIXES = ("ese", "ish", "ch", "ss")


def _country_files() -> list[dict[str, object]]:
    root = resources.files("countryinfo") / "data"
    rows: list[dict[str, object]] = []
    for entry in root.iterdir():
        if entry.name.endswith(".json"):
            rows.append(json.loads(entry.read_text(encoding="utf-8")))
    return rows


def _from_countryinfo() -> dict[str, str]:
    best: dict[str, tuple[int, str]] = {}
    for row in _country_files():
        iso = row.get("ISO")
        code = iso.get("alpha2") if isinstance(iso, dict) else None
        raw = row.get("demonym")
        if not isinstance(code, str) or not isinstance(raw, str):
            continue
        pop = row.get("population")
        population = pop if isinstance(pop, int) else 0
        for form in raw.split(","):
            form = form.strip()
            # countryinfo sometimes repeats the country name as its demonym
            if form and form != row.get("name") and population >= best.get(form, (-1, ""))[0]:
                best[form] = (population, code)
    return {form: code for form, (_, code) in best.items()}


def _plural(form: str) -> str | None:
    if form.endswith(_NO_PLURAL_SUFFIXES) or form.endswith("s"):
        return None
    return form + "s"


@lru_cache(maxsize=1)
def demonym_table() -> dict[str, str]:
    """Return the demonym → country-code table, singular and plural forms (built once).

    Returns:
        Mapping from a capitalised demonym as written in text to an ISO alpha-2 code.
    """
    table = _from_countryinfo()
    table.update(_EXTRA)
    for form, code in list(table.items()):
        plural = _plural(form)
        if plural is not None and plural not in table:
            table[plural] = code
    return table


def demonym_country(text: str) -> str | None:
    """Return the country code a demonym points to, or None.

    Args:
        text: the mention text, e.g. "Iranian", "Saudis", "Sri Lankan".

    Returns:
        ISO 3166-1 alpha-2 code, or None when the text is not a known national demonym.
    """
    return demonym_table().get(text.strip())


def bloc_region(word: str, after: str) -> str | None:
    """Return the region a bloc adjective names before ``after``, or None.

    Args:
        word: the adjective as written, e.g. "Western".
        after: the text right after it, e.g. " countries have ...".

    Returns:
        The region's gazetteer name ("Western world"), or None.
    """
    name = BLOC_ADJECTIVES.get(word)
    return name if name is not None and _BLOC_NOUNS.match(after) else None


def resident_bases(word: str) -> list[str]:
    """Possible place names a resident word derives from, most likely first.

    English forms such names with -an/-ian/-er/-ite ("Ontarian", "Texan", "Londoner",
    "Muscovite"); the base is recovered by the usual spelling changes.
    """
    if word.endswith("ian"):
        stem = word[:-3]
        return [word[:-1], stem + "a", stem + "io", stem + "y", stem + "e", stem]
    if word.endswith("an"):
        return [word[:-1], word[:-1] + "s", word[:-2]]
    if word.endswith("er"):
        return [word[:-2], word[:-2] + "e"]
    if word.endswith("ite"):
        return [word[:-3], word[:-3] + "e"]
    return []
