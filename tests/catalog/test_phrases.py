from __future__ import annotations

import pytest

from deboiler.catalog.phrases import PhraseError, compile_phrase, fold


def match(phrase: str, line: str, locale: str | None = "en"):
    return compile_phrase(phrase, locale).match(line, fold(line))


def test_exact_phrase_is_case_and_space_insensitive():
    assert match("Continue   reading", "continue reading") == {}
    assert match("Share", "Shared") is None


def test_slots_capture_and_repeat_as_backreference():
    notice = "Content provided by {show}. All content is uploaded by {show} or partners. {url}"
    caps = match(
        notice,
        "Content provided by The Daily. All content is uploaded by The Daily or partners. https://player.fm/legal.",
    )
    assert caps["show"] == "The Daily"
    assert match(notice, "Content provided by A. All content is uploaded by B or partners. https://x.y") is None


def test_locale_slots():
    assert match("{n} 에피소드", "1,234 에피소드", "ko") == {"n": "1,234"}
    caps = match("{show}{date}{duration}", "Machine Learning Street TalkDecember 7, 20243h 42m")
    assert caps == {"show": "Machine Learning Street Talk", "date": "December 7, 2024", "duration": "3h 42m"}


def test_literal_regex_characters_are_escaped():
    assert match("(c) {n} a.b*", "(c) 12 a.b*") == {"n": "12"}
    assert match("(c) {n} a.b*", "c 12 aXbbb") is None


def test_unknown_slot_is_refused():
    with pytest.raises(PhraseError):
        compile_phrase("{nonsense} here", "en")
