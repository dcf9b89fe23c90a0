"""Name normalisation: case, diacritics, punctuation, saints, Arabic articles."""

from __future__ import annotations

import pytest

from streams.gazetteer.normalize import article_key, is_latin, normalize, skeleton_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("St. Louis", "saint louis"),
        ("Zürich", "zurich"),
        ("Côte d'Ivoire", "cote divoire"),
        ("The Hague", "hague"),
        ("W.Va.", "w va"),
        ("  NEW   YORK ", "new york"),
        ("Saint", "saint"),
        ("Loudon Co.", "loudon county"),
        ("Jerome Twp", "jerome township"),
        ("Co", "co"),
    ],
)
def test_normalize(name: str, key: str) -> None:
    assert normalize(name) == key


@pytest.mark.parametrize("variant", ["Deir al Zor", "Deir Ezzor", "Deir el-Zor", "deir ez zor"])
def test_article_key_joins_transliterations(variant: str) -> None:
    assert article_key(variant) == article_key("Deir ez-Zor") == "deir zor"


def test_article_key_keeps_a_leading_article_word_of_a_one_word_name() -> None:
    # "Al" alone is a name, not an article to drop
    assert article_key("Al") == "al"


def test_article_key_leaves_english_names_alone() -> None:
    assert article_key("Essex") == "essex"
    assert article_key("Assisi") == "assisi"


def test_skeleton_joins_vowel_spellings() -> None:
    assert skeleton_key("Al-Bokamal") == skeleton_key("Abu Kamal") == "bkml"


def test_skeleton_of_short_names_is_empty() -> None:
    assert skeleton_key("Ur") == ""


def test_is_latin() -> None:
    assert is_latin("Dayr az Zawr")
    assert is_latin("Ḩalab")
    assert not is_latin("دير الزور")
    assert not is_latin("Дейр-эз-Зор")
