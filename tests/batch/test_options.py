"""batch.options: the batch's choices are Enums; a wrong one is a one-line usage error."""

from __future__ import annotations

import pytest

from deboiler.batch.options import BatchOptions, Dedup, Engine, OutputFormat, choice
from deboiler.errors import UsageError


def test_choice_turns_text_into_the_enum_and_keeps_none():
    assert choice(Engine, "dask", "--engine") is Engine.dask
    assert choice(Dedup, "minhash", "--dedup") is Dedup.minhash
    assert choice(OutputFormat, None, "--output-format") is None
    assert choice(Engine, Engine.local, "--engine") is Engine.local


def test_a_wrong_choice_names_the_option_and_the_choices():
    with pytest.raises(UsageError, match=r"--engine must be one of local, dask, not 'spark'"):
        choice(Engine, "spark", "--engine")


def test_defaults():
    options = BatchOptions()
    assert options.engine is Engine.local and options.dedup is None and options.output_format is None
