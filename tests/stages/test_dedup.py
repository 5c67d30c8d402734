from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import deboiler
from deboiler.stages.dedup import CUT_MARKERS, dedup, is_cut_copy, strip_cut_marker
from deboiler.stages.verdict import Verdict


def test_cut_copy_detection():
    full = ["First paragraph of the notes.", "Second paragraph goes on and on."]
    assert is_cut_copy(["First paragraph of the notes.", "Second paragraph goes on…"], full)
    assert is_cut_copy(["First paragraph of the notes.", "Second para"], full)  # cut mid-word
    assert is_cut_copy(["First paragraph of the notes."], full)
    assert not is_cut_copy(full, full)
    assert not is_cut_copy(["First paragraph of the notes.", "Something else"], full)


def test_unknown_page_drops_exact_repeated_block_and_keeps_short_repeats():
    para = "This week we talk to a marine biologist about the deep sea and its strange creatures."
    text = f"Links:\n\n{para}\n\nLinks:\n\n{para}\n"
    ep = deboiler.clean(text, explain=True, langid_backend="none")
    assert ep.description == f"Links:\n\n{para}\n\nLinks:"
    dup = [v for v in ep.lines if v.label == "duplicate"]
    assert [v.lineno for v in dup] == [7] and "repeats the paragraph at line 3" in dup[0].reason


def test_cut_paragraph_gives_way_to_the_full_one_wherever_it_stands():
    full = "In this episode we explore the history of the printing press and how it changed Europe forever."
    cut = "In this episode we explore the history of the printing press…"
    ep = deboiler.clean(f"{cut}\n\n{full}\n", langid_backend="none")
    assert ep.description == full


def test_cut_line_inside_a_paragraph_of_buttons_gives_way_to_its_full_line():
    """A teaser cut with "…" glued to a date and buttons the labeller kept (no blank line around it)."""
    full = "Os fungos que vivem nas raízes das árvores formam redes que ligam uma floresta inteira."
    teaser = "Os fungos que vivem nas raízes das árvores formam…"
    lines = [teaser, "9 de abril de 2025 · 1 h 2 min", "Reproduzir", "", full]
    verdicts = [Verdict(n, t, "content" if t else "blank", "generic:keep", "") for n, t in enumerate(lines, 1)]
    dedup(verdicts)
    assert [v.label for v in verdicts] == ["duplicate", "content", "content", "blank", "content"]
    assert verdicts[0].reason == "cut-short copy of line 5"


def test_a_long_line_stopped_inside_a_word_gives_way_to_its_full_line():
    """A teaser cut with no marker, inside a word, above the full text on the same page; a line that
    ends where a word ends, or a short one, may start a longer line of the creator's and stays."""
    full = (
        "Is the county ready to answer a major wildfire? Officials walk us through the new emergency plan "
        "and the lessons they drew from the last fire season, street by street."
    )
    # "... the lessons the|y", "... the lessons they| drew", "... Officials walk u|s"
    for cut, label in [(full[:116], "duplicate"), (full[:117], "content"), (full[:64], "content")]:
        verdicts = [Verdict(n, t, "content" if t else "blank", "generic:keep", "") for n, t in enumerate([cut, "", full], 1)]
        dedup(verdicts)
        assert [v.label for v in verdicts] == [label, "blank", "content"], cut


def test_long_line_printed_twice_in_one_paragraph_goes_once_short_ones_stay():
    """Passes 1 and 2 compare paragraphs; a long line repeated inside one (a page printing the
    description's last line twice) is a copy, while a short refrain may repeat on purpose."""
    long_line = "We close the season with the listeners' questions and our plans for the spring episodes."
    lines = ["Opening line of the notes.", long_line, long_line, "Go!", "Go!", "", long_line]
    verdicts = [Verdict(n, t, "content" if t else "blank", "platform:description", "") for n, t in enumerate(lines, 1)]
    dedup(verdicts)
    assert [v.label for v in verdicts] == ["content", "content", "duplicate", "content", "content", "blank", "content"]
    assert verdicts[2].reason == "repeats line 2 of the same paragraph"


def test_short_line_ending_in_an_ellipsis_is_not_a_cut_copy():
    """Below MIN_BLOCK_CHARS a line may well start another one on purpose ("Wait for it…")."""
    text = "Wait for it…\nWait for it… the reveal of the season, in the last five minutes of the episode.\n"
    ep = deboiler.clean(text, langid_backend="none")
    assert ep.description.split("\n")[0] == "Wait for it…"


def _strip_cut_marker_plainly(text: str) -> str:
    """The obvious form of dedup.strip_cut_marker (case-fold the whole line on every try)."""
    stem = text.rstrip()
    while stem:
        folded = stem.casefold()
        marker = next((m for m in CUT_MARKERS if folded.endswith(m)), None)
        if marker is None:
            break
        stem = stem[: len(stem) - len(marker)].rstrip()
    return stem


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["Read More", "CONTINUE READING", "…", "...", "..", " ..", "[…]", "[...]", " ", "ß", "Straße", "see more",
                                 "x", "Show MORE", ".", "e", "G", "İ", "ﬀ", "\u00a0", "Weiterlesen"]), max_size=7).map("".join))
def test_strip_cut_marker_reads_only_the_end_of_the_line_yet_agrees(text):
    assert strip_cut_marker(text) == _strip_cut_marker_plainly(text)


def test_copy_with_chrome_glued_in_front_goes_a_line_that_only_shares_words_stays():
    """A byline glued to a second copy of the description's line (whole or cut) is a copy; a line that
    merely starts with the same words is the creator's."""
    line = "This week the harbour master explains how the tide tables are made and why they are never quite right."
    lines = [
        line,
        "By Ana Pérez, Tom WrightThis week the harbour master explains how the tide tables are made and why",
        "Quoted: This week the harbour master explains how the tide tables are made, and then we sail out.",
    ]
    verdicts = [Verdict(n, t, "content", "generic:description", "") for n, t in enumerate(lines, 1)]
    dedup(verdicts)
    assert [v.label for v in verdicts] == ["content", "duplicate", "content"]
    assert verdicts[1].reason == "a copy of an earlier line of the description, with 'By Ana Pérez, Tom Wright' glued in front"


def test_a_teaser_cut_with_two_dots_is_a_copy_of_the_full_text():
    # Some sites cut a teaser with " .." rather than an ellipsis; a sentence never ends in " ..".
    full = "The joy of reading is the joy of writing: few of us see the worth of a book until we have tried to write one."
    assert strip_cut_marker("The joy of reading is the joy of writing: few of us see the wor ..") == "The joy of reading is the joy of writing: few of us see the wor"
    assert strip_cut_marker("A sentence that ends as sentences do.") == "A sentence that ends as sentences do."
    assert is_cut_copy(["The joy of reading is the joy of writing: few of us see the wor .."], [full])


def test_a_paragraph_that_repeats_its_opening_words_is_no_glued_copy():
    # Found by tests/test_properties.py: the second paragraph is the first with its first word said
    # twice, which is no byline glued in front of a copy.
    first = "Go " * 30 + "on."
    second = "Go " + first
    verdicts = [Verdict(1, first, "content", "generic:description", ""), Verdict(2, "", "blank", "blank", ""),
                Verdict(3, second, "content", "generic:description", "")]
    dedup(verdicts)
    assert [v.label for v in verdicts] == ["content", "blank", "content"]
