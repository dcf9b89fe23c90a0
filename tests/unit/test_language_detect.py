"""Language identification and the English-only policy."""

from __future__ import annotations

from streams.tag.language import detect_language, is_english

ENGLISH = "The minister said on Tuesday that the talks would continue into next week."
FRENCH = "Le ministre a déclaré mardi que les négociations se poursuivraient la semaine prochaine."
GERMAN = "Der Minister sagte am Dienstag, die Gespräche würden in der nächsten Woche fortgesetzt."
SPANISH = "El ministro dijo el martes que las conversaciones continuarían la próxima semana."


def test_detects_common_languages() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language(FRENCH) == "fr"
    assert detect_language(GERMAN) == "de"
    assert detect_language(SPANISH) == "es"


def test_short_text_falls_back_to_hint_then_english() -> None:
    assert detect_language("Breaking", hint="de-AT") == "de"
    assert detect_language("Breaking", hint="pt_BR") == "pt"
    assert detect_language("Breaking") == "en"
    assert detect_language("Breaking", hint="not a code") == "en"


def test_windows_vote_so_a_quoted_paragraph_does_not_flip_the_article() -> None:
    text = (ENGLISH + " ") * 10 + (GERMAN + " ") * 4 + (ENGLISH + " ") * 10
    assert detect_language(text) == "en"


def test_only_english_is_tagged() -> None:
    assert is_english("en")
    assert not is_english("de")
