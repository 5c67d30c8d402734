from __future__ import annotations

import deboiler
from deboiler.dedup import is_cut_copy


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
