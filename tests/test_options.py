"""deboiler.CleanOptions: clean()'s keywords as one object, the same Episode either way."""

from __future__ import annotations

import dataclasses

import pytest

import deboiler
from tests.helpers.corpora import KOREAN_SEED, PODBUD_SEED


@pytest.mark.parametrize("page", [KOREAN_SEED, PODBUD_SEED], ids=lambda p: p.name)
def test_options_object_gives_what_the_keywords_give(page):
    data = page.read_bytes()
    by_keywords = deboiler.clean(data, explain=True, langid_backend="none", drop_show_boilerplate=True)
    options = deboiler.CleanOptions(explain=True, langid_backend="none", drop_show_boilerplate=True)
    assert deboiler.clean(data, options=options).to_dict() == by_keywords.to_dict()


def test_keywords_and_options_together_are_refused():
    with pytest.raises(TypeError, match="not both"):
        deboiler.clean("text", explain=True, options=deboiler.CleanOptions())
    with pytest.raises(TypeError, match="not both"):
        next(deboiler.clean_many(["text"], workers=1, explain=True, options=deboiler.CleanOptions()))


def test_options_are_frozen_and_default_to_cleans_defaults():
    options = deboiler.CleanOptions()
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.explain = True  # type: ignore[misc]
    assert options == deboiler.CleanOptions(platform=None, catalog=None, langid_backend="fasttext", explain=False)


def test_clean_many_takes_an_options_object():
    [ep] = deboiler.clean_many([KOREAN_SEED.read_bytes()], workers=1, options=deboiler.CleanOptions(explain=True))
    assert ep.lines and ep.platform == "playerfm"


def test_clean_many_with_an_options_object_takes_huge_limits_as_none_and_yields_type_errors():
    options = deboiler.CleanOptions(max_bytes=10**30, langid_backend="none")
    results = list(deboiler.clean_many([KOREAN_SEED.read_bytes(), None], workers=1, page_timeout=float("inf"), options=options))
    assert results[0].platform == "playerfm"
    assert isinstance(results[1], deboiler.errors.PageTypeError)
    with pytest.raises(deboiler.errors.UsageError, match="--max-bytes"):
        next(deboiler.clean_many(["text"], workers=1, options=deboiler.CleanOptions(max_bytes=0)))

