"""field_lines: a labelled date or length inside what an unknown site's page keeps as its text is the
episode's details box, not the creator's text."""

from __future__ import annotations

import pytest

import deboiler
from deboiler.stages.field_lines import field_value


@pytest.mark.parametrize(
    "line, value",
    [
        ("RELEASED: 15/02/2021", ("published", "2021-02-15")),
        ("Released: Sun 30 April 2017", ("published", "2017-04-30")),
        ("Beitrag vom: 16. Dezember 2024", ("published", "2024-12-16")),
        ("LENGTH: 50 minutes", ("duration", 3000)),
        ("Durée : 1 heure 4 minutes", ("duration", 3840)),
        ("Runtime: 55m", ("duration", 3300)),
        ("Czas nagrania: 58:44, 134 MB", ("duration", 3524)),  # the file's size beside the length
        ("放送日:2023年8月5日(土)22:00~22:30", ("published", "2023-08-05")),  # the air time's span beside the date
    ],
)
def test_a_label_over_a_date_or_a_length_is_a_field(line, value):
    assert field_value(line) == value


@pytest.mark.parametrize(
    "line",
    [
        "Editor: Anna Berg, 3 March 2025, 18:26",  # a byline: a name beside the date
        "Listen on Spotify: https://spoti.fi/3rz4p3j",  # a link
        "Recorded at the harbour on 3 March 2025 with the whole crew",  # a sentence, no label
        "Guests: Anna Berg and Ole Dahl",  # no date or length
        "Posted: 3 March 2025 · 45 min",  # both: a header's meta line, read where headers are read
        "Our favourite episode: the one from 2019",  # words beside the year
        "Aired: 2022/11/27",  # a year-first date after a label: the notes' own line, kept
    ],
)
def test_other_lines_with_a_colon_are_no_field(line):
    assert field_value(line) is None


NOTES = [
    "In this episode the harbour master explains how the spring tides are measured, and why the old gauge still works.",
    "We also visit the ferry office to ask about the new timetable and who decided it.",
]


def test_a_details_box_in_the_notes_of_a_text_page_gives_the_fields_not_the_text():
    # The box between two paragraphs of the notes (under them it reads as a list of other episodes).
    page = "Spring tides\nHarbour Radio\n\n" + NOTES[0] + "\n\nRELEASED: 15/02/2021\nLENGTH: 50 minutes\n\n" + NOTES[1] + "\n"
    ep = deboiler.clean(page, explain=True, langid_backend="none")
    assert (ep.published, ep.duration) == ("2021-02-15", 3000)
    assert "RELEASED: 15/02/2021" not in ep.description and "LENGTH: 50 minutes" not in ep.description
    assert all(note in ep.description for note in NOTES)
    assert {v.rule for v in ep.lines if v.text.startswith(("RELEASED", "LENGTH"))} == {"generic:field-line"}


def test_a_details_box_in_saved_html_gives_the_fields_the_markup_does_not():
    notes = "".join(f"<p>{note}</p>" for note in NOTES)
    box = "<ul class='details'><li>RELEASED: 15/02/2021</li><li>LENGTH: 50 minutes</li></ul>"
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>Spring tides | Harbour Radio</title>{{meta}}</head>
<body><header><a href="/">Harbour Radio</a></header><main><article><h1>Spring tides</h1>{notes}{box}</article></main>
<footer><p>© 2025 Harbour Radio</p></footer></body></html>"""
    ep = deboiler.clean(page.replace("{meta}", ""), langid_backend="none")
    assert (ep.published, ep.duration) == ("2021-02-15", 3000)
    assert "RELEASED" not in ep.description and all(note in ep.description for note in NOTES)
    # The markup's date wins over the box's: the box fills only what nothing else gave.
    stated = '<meta property="article:published_time" content="2021-02-14T10:00:00Z">'
    ep = deboiler.clean(page.replace("{meta}", stated), langid_backend="none")
    assert (ep.published, ep.duration) == ("2021-02-14", 3000)


def test_labelled_dates_under_each_entry_of_a_list_still_end_the_text():
    # Other episodes, each over its labelled date: a list, not the episode's details box.
    others = ["Neap tides", "Released: 1 February 2021", "The old gauge", "Released: 15 January 2021"]
    page = "Spring tides\nHarbour Radio\n\n" + NOTES[0] + "\n\n" + "\n".join(others) + "\n\n" + NOTES[1] + "\n"
    ep = deboiler.clean(page, langid_backend="none")
    assert NOTES[0] in ep.description and "Neap tides" not in ep.description and "Released" not in ep.description


def test_a_details_box_under_the_text_ends_it_where_no_paragraph_follows():
    # The box's own labelled lines and the site's links under it: the text ended above the box.
    page = (
        "Spring tides\nHarbour Radio\n\n" + "\n\n".join(NOTES) + "\n\nRELEASED: 15/02/2021\nLENGTH: 50 minutes\n"
        "TOPICS: the spring tides, the old gauge in the harbour, the ferry timetable and the people who decided it\n\n"
        "Listen to the episode on:\n\nFind us online\n"
    )
    ep = deboiler.clean(page, langid_backend="none")
    assert all(note in ep.description for note in NOTES)
    assert "Find us online" not in ep.description and "RELEASED" not in ep.description
