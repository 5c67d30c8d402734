"""The show where a page prints it as a bare link next to the title, and the show a page agrees on."""

from __future__ import annotations

import pytest

import deboiler
from deboiler.errors import UsageError

PLATFORM = """
id = "showlink"
name = "ShowLink"
hosts = ["showlink.example"]
default_locale = "en"

[rules.meta]
phrases = ["{date} · {duration}"]
label = "meta"
signature = 0.5
why = "date and duration"

[rules.more_from]
phrases = ["More from {show}"]
label = "chrome"
why = "heading of the show's other episodes"

[title]
before = ["meta"]
show = "%s"

[description]
opens_after = ["meta"]
closes_at = ["more_from"]
"""


def _catalog(tmp_path, position: str):
    folder = tmp_path / "showlink"
    folder.mkdir()
    (folder / "platform.toml").write_text(PLATFORM % position, encoding="utf-8")
    return deboiler.load_catalog(tmp_path)


def test_show_below_the_title(tmp_path):
    page = "Browse\nThe Singing Glaciers\nSound of the World\nDec 7, 2024 · 1h 5m\nWe listen to ice.\nMore episodes"
    ep = deboiler.clean(page, catalog=_catalog(tmp_path, "below"), explain=True)
    assert (ep.title, ep.show, ep.description) == ("The Singing Glaciers", "Sound of the World", "We listen to ice.\nMore episodes")
    labels = {v.text: v.label for v in ep.lines}
    assert labels["Sound of the World"] == "show" and labels["Browse"] == "chrome"


def test_show_above_the_title(tmp_path):
    page = "Browse\nSound of the World\nThe Singing Glaciers\nDec 7, 2024 · 1h 5m\nWe listen to ice."
    ep = deboiler.clean(page, catalog=_catalog(tmp_path, "above"))
    assert (ep.title, ep.show) == ("The Singing Glaciers", "Sound of the World")


def test_a_lone_header_line_is_the_title_not_the_show(tmp_path):
    page = "The Singing Glaciers\nDec 7, 2024 · 1h 5m\nWe listen to ice."
    ep = deboiler.clean(page, catalog=_catalog(tmp_path, "below"))
    assert (ep.title, ep.show) == ("The Singing Glaciers", None)


def test_a_phrase_naming_the_show_beats_the_position(tmp_path):
    page = "Browse\nThe Singing Glaciers\nListen now\nDec 7, 2024 · 1h 5m\nWe listen to ice.\nMore from Sound of the World"
    ep = deboiler.clean(page, catalog=_catalog(tmp_path, "below"))
    assert ep.show == "Sound of the World" and ep.description == "We listen to ice."


def test_creator_line_inside_the_description_does_not_set_the_show(tmp_path):
    """'More from our sponsor: URL' reads like the heading, but the page names its show on more lines."""
    page = (
        "Sound of the World\nThe Singing Glaciers\nDec 7, 2024 · 1h 5m\nWe listen to ice.\n"
        "More from our sponsor: https://acme.example.com\nThanks for listening.\nMore from Sound of the World\nDeep Sea Choirs"
    )
    ep = deboiler.clean(page, catalog=_catalog(tmp_path, "above"))
    assert ep.show == "Sound of the World"
    assert ep.description == "We listen to ice.\nMore from our sponsor: https://acme.example.com\nThanks for listening."


def test_show_position_must_be_above_or_below(tmp_path):
    with pytest.raises(UsageError, match="above.*below"):
        _catalog(tmp_path, "left")
