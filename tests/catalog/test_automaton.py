"""catalog.platforms.automaton and SharedLiterals: every match of every word, overlapping, in one pass,
and an automaton that survives pickling (a catalog travels to Dask workers and spawned processes)."""

from __future__ import annotations

import pickle

from deboiler.catalog.platforms import SharedLiterals, automaton
from deboiler.stages.blocks import split_lines
from deboiler.stages.generic import lexicon_matcher


def test_every_word_is_found_overlapping_with_the_offset_of_its_last_character() -> None:
    found = automaton([("episode", "E"), ("episodes", "S"), ("sode", "O"), ("ep", "P")])
    assert sorted(found.iter("all episodes")) == [(5, "P"), (10, "E"), (10, "O"), (11, "S")]
    assert automaton([]) is None


def test_a_word_listed_twice_keeps_its_last_value() -> None:
    assert list(automaton([("share", 1), ("share", 2)]).iter("share")) == [(4, 2)]


def test_offsets_count_characters_not_bytes() -> None:
    assert list(automaton([("écouter", "x")]).iter("ééé écouter")) == [(10, "x")]


def test_an_automaton_and_a_matcher_survive_pickling() -> None:
    found = automaton([("episode", "E"), ("sode", "O")])
    again = pickle.loads(pickle.dumps(found))
    assert list(again.iter("one episode")) == list(found.iter("one episode"))
    page = split_lines("Listen now\n12 episodes\nShare\nA line of the description, and nothing else.\n")
    matcher = lexicon_matcher()
    copy = pickle.loads(pickle.dumps(matcher))
    assert [[h.phrase for h in hits] for hits in copy.scan(page)] == [[h.phrase for h in hits] for hits in matcher.scan(page)]


def test_shared_literals_give_each_part_its_own_matches() -> None:
    shared = SharedLiterals([[("share", "a")], [("share", "b"), ("more", "c")], []])
    assert shared.find("share more") == [[(4, "a")], [(4, "b"), (9, "c")], []]
