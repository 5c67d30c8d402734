"""The cheap tests that spare the sections labeller its dearest patterns must never change an answer:
each prefilter, on any line, agrees with the plain pattern it stands in front of."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from deboiler import clean
from deboiler.stages import sections

# Pieces the patterns care about (names, times, colons, cues, links, glued words, list marks) mixed
# with letters of several scripts, so that near misses are drawn as often as hits.
_PIECES = [
    *"abcdeéABCDÉ __-–•·*▪:[]./@019",
    "Anna ", "Berg", "Speaker ", "1h ", "2m ", "6s", "00:08", " --> ", "00:00:04.970", "WEBVTT", "[music] ",
    "http://", "www.", ".com", "[email protected]", "viewShare", "apple_podcasts", "语言", "Дмитрий ",
    "梁冬", "：", "「", "大家好，欢迎收听我们的节目。",
]
_LINES = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=16).map("".join).map(str.strip).filter(bool)


@settings(max_examples=2000, deadline=None)
@given(_LINES)
def test_turn_prefilter_agrees_with_the_joined_turn_pattern(text: str) -> None:
    assert sections._turn_shaped(text) == (sections._ANY_TURN.match(text) is not None)


_NOT_A_NAME_IN_ONE = re.compile(
    "|".join([sections._GLUED_WORDS.pattern, sections._IDENTIFIER.pattern, f"^(?:{sections._BREADCRUMB_ITEM.pattern})"])
)


@settings(max_examples=2000, deadline=None)
@given(_LINES)
def test_not_a_name_agrees_with_its_patterns_searched_as_one(text: str) -> None:
    assert sections._not_a_name(text) == bool(_NOT_A_NAME_IN_ONE.search(text))


@settings(max_examples=2000, deadline=None)
@given(_LINES)
def test_a_line_the_link_pattern_finds_holds_a_dot_slash_or_bracket(text: str) -> None:
    if sections._URLISH.search(text):
        assert "." in text or "/" in text or "[" in text


def test_the_prefilters_let_the_lines_they_stand_for_through() -> None:
    assert sections._turn_shaped("Anna Berg 2m 6s")
    assert sections._turn_shaped("Anna Maria de Berg 1h 2m 6s")  # six spaces, no colon
    assert sections._turn_shaped("WEBVTT")
    assert sections._turn_shaped("[music] Welcome back to the allotment hour, where every week we dig")
    assert not sections._turn_shaped("Welcome back to the allotment hour where every week we dig deeper")
    assert sections._not_a_name("View descriptionShare")
    assert sections._not_a_name("- Podcasty")
    assert not sections._not_a_name("The Allotment Hour")
    # A link without a dot is still a link: no title holds one.
    assert sections.name_shaped("The Allotment Hour")
    assert not sections.name_shaped("The Allotment Hour http://allotments")
    assert not sections.name_shaped("Mail [email protected] today")


def test_a_player_time_or_an_image_file_is_no_name() -> None:
    # "0:00 / 0:00" under the title is the player's, not the show's name; "cover 2.jpg" is an image's
    # file name where its picture did not load, never the title.
    assert not sections.name_shaped("0:00 / 0:00")
    assert not sections.name_shaped("programme 2 river cover.jpg")
    assert not sections.name_shaped("RIVERPHOTO.CR2")  # a camera's raw file, upper case
    assert sections.name_shaped("Episode 2: The River")


def test_an_image_file_name_alone_on_its_line_is_markup_residue() -> None:
    ep = clean(
        "The River Runs\n\nriver cover 2.jpg\n\n"
        "In this episode we follow a river from its glacier to the sea, with three hydrologists and a kayak.\n",
        explain=True,
    )
    assert ep.description.startswith("In this episode") and "jpg" not in ep.description
    ep = clean(ep.description.join(["The River Runs\n\nRIVERPHOTO.CR2\n\n", "\n"]))
    assert ep.description.startswith("In this episode") and "CR2" not in ep.description
    assert ep.title == "The River Runs"
