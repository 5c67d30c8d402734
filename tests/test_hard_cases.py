"""The mechanisms behind corpora/playerfm/hard and corpora/podbud/hard, each on a minimal page, so a
regression names the rule that broke rather than only a page."""

from __future__ import annotations

import deboiler
from deboiler.stages.fields import show_named_twice

NB = "\u00a0"
LEGAL = (
    "Content provided by Shed Radio. All podcast content including episodes, graphics, and podcast descriptions "
    "are uploaded and provided directly by Shed Radio or their podcast platform partner. If you believe someone "
    "is using your copyrighted work without your permission, you can follow the process outlined here "
    "https://player.fm/legal."
)


def _playerfm(description: list[str], count: str) -> str:
    card = ["Manage episode 1 series 2", LEGAL, "", *description, "", NB + " continue reading", "", count, ""]
    return "\n".join(["Artwork", LEGAL, "A Title", "", "48:05", "Share", "", *card, "Artwork", "iconShare", *card])


def test_count_shaped_creator_line_does_not_close_the_card():
    description = ["We reached a milestone:", "149 episodes", "and not one of them on time."]
    ep = deboiler.clean(_playerfm(description, "150 episodes"))
    assert ep.description == "\n".join(description)
    assert ep.episode_count == 150


def test_page_whose_count_line_comes_without_continue_reading_still_closes_at_it():
    page = _playerfm(["One line of text."], "61 episodes").replace(NB + " continue reading", "")
    ep = deboiler.clean(page)
    assert ep.description == "One line of text."
    assert ep.episode_count == 61


def test_caseless_ui_words_before_a_latin_show_are_not_the_name():
    notice = (
        "התוכן מסופק על ידי Trail Talk Israel. כל תוכן הפודקאסט מועלה ומסופק ישירות על ידי Trail Talk Israel "
        "או שותף פלטפורמת הפודקאסט שלהם. https://he.player.fm/legal."
    )
    assert show_named_twice(notice) == "Trail Talk Israel"


def test_caseless_show_name_is_left_whole():
    notice = "Margin Notesによって提供されたコンテンツです。すべては、Margin Notesまたはそのパートナーによって提供されます。"
    assert show_named_twice(notice) == "Margin Notes"


PODBUD_TAIL = [
    "Summary coming soon",
    "",
    "We're working on generating an AI-powered summary for this episode. Subscribe to get notified when it's ready.",
    "",
    "Never miss a podcast summary",
    "",
    "Subscribe for more summaries",
]


def test_podbud_creator_line_equal_to_the_placeholder_stays_in_the_description():
    description = ["Summary coming soon", "is what our producer writes until Friday; here is a real one."]
    page = ["PodBud", "", "A Title", "", "Bus FactorFebruary 11, 202527m", "", *description, "", *PODBUD_TAIL]
    ep = deboiler.clean("\n".join(page))
    assert ep.description == "\n".join(description)


def test_podbud_without_placeholder_closes_at_the_first_newsletter_line():
    page = ["PodBud", "", "A Title", "", "Bus FactorFebruary 11, 202527m", "", "One line.", "", *PODBUD_TAIL[4:]]
    ep = deboiler.clean("\n".join(page))
    assert ep.description == "One line."


def test_podbud_show_alone_on_its_line_opens_the_description():
    """No date and no duration: the glued line is the bare show name, which no phrase matches."""
    page = ["PodBud", "", "A Title", "", "Founders at Dusk", "", "One line of text.", "", *PODBUD_TAIL]
    ep = deboiler.clean("\n".join(page))
    assert (ep.title, ep.show, ep.description) == ("A Title", "Founders at Dusk", "One line of text.")


def test_podbud_without_glued_line_or_closing_marker_keeps_every_unexplained_line():
    page = ["PodBud", "", "A Title", "", "Founders at Dusk", "", "One line of text."]
    ep = deboiler.clean("\n".join(page))
    assert ep.description.endswith("One line of text.") and "Founders at Dusk" in ep.description


def test_title_that_reads_like_a_date_is_the_title_not_the_publication_date():
    page = _playerfm(["One line of text."], "1,204 episodes").replace("A Title", "November 21, 2024")
    ep = deboiler.clean(page)
    assert (ep.title, ep.published, ep.description) == ("November 21, 2024", None, "One line of text.")


def test_title_that_reads_like_a_count_in_a_ui_without_phrases():
    page = _playerfm(["Μία γραμμή κειμένου."], "59 επεισόδια").replace("A Title", "300 Σπαρτιάτες")
    page = page.replace("https://player.fm/legal", "https://el.player.fm/legal").replace("Share", "Κοινοποίηση")
    ep = deboiler.clean(page)
    assert (ep.locale, ep.title, ep.episode_count) == ("el", "300 Σπαρτιάτες", 59)


def test_podbud_title_that_ends_in_a_date_is_not_the_glued_show_line():
    page = ["PodBud", "", "Market Wrap: December 6, 2024", "", "The Daily TickerDecember 6, 202412m", "", "One line.", "", *PODBUD_TAIL]
    ep = deboiler.clean("\n".join(page))
    assert (ep.title, ep.show, ep.published, ep.duration, ep.description) == (
        "Market Wrap: December 6, 2024", "The Daily Ticker", "2024-12-06", 720, "One line."
    )


def test_paragraph_the_creator_repeats_inside_one_copy_is_kept_twice():
    sponsor = "This episode is brought to you by Ledgerly, bookkeeping for people who would rather be building."
    description = [sponsor, "", "The episode itself, in one paragraph of its own.", "", sponsor]
    ep = deboiler.clean(_playerfm(description, "131 episodes"))
    assert ep.description == "\n".join(description)


def test_eval_counts_as_duplicate_only_what_the_gold_prints_fewer_times(tmp_path):
    from deboiler.dev.evaluate import score_page

    sponsor = "This episode is brought to you by Ledgerly, bookkeeping for people who would rather be building."
    description = [sponsor, "", "The episode itself, in one paragraph of its own.", "", sponsor]
    page = tmp_path / "p.txt"
    page.write_text(_playerfm(description, "131 episodes"), encoding="utf-8")
    gold = {"episode": {"platform": "playerfm", "description": description}}
    (tmp_path / "p.gold.json").write_text(__import__("json").dumps(gold), encoding="utf-8")
    assert score_page(page, tmp_path / "p.gold.json").duplicate_lines == 0
    gold["episode"]["description"] = description[:3]
    (tmp_path / "p.gold.json").write_text(__import__("json").dumps(gold), encoding="utf-8")
    assert score_page(page, tmp_path / "p.gold.json").duplicate_lines == 1
