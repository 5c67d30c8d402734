"""A platform file with a wrong type, an unknown slot or a phrase no line can be matched by in
bounded time is refused when it is loaded: one usage error naming the file and the key."""

from __future__ import annotations

import subprocess
import time

import pytest

import deboiler
from deboiler.catalog.phrases import compile_phrase
from deboiler.errors import UsageError
from tests.helpers.corpora import KOREAN_SEED

BAD = {
    "unknown_slot": '[rules.meta]\nphrases = ["{bogus} episodes"]\nsignature = 0.9\n',
    "phrases_is_a_string": '[rules.nav]\nphrases = "Tunewell Browse"\n',
    "rules_is_a_string": 'rules = "oops"\n',
    "signature_not_number": '[rules.nav]\nphrases = ["Browse"]\nsignature = "high"\n',
    "hosts_not_strings": "hosts = [1, 2]\n",
    "blank_phrase": '[rules.nav]\nphrases = ["   "]\n',
    "three_free_slots": '[rules.nav]\nphrases = ["{show} {title} {text}x"]\n',
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_malformed_platform_file_is_refused_naming_file_and_key(tmp_path, case):
    (tmp_path / "x.toml").write_text('id = "x"\nname = "X"\n' + BAD[case])
    with pytest.raises(UsageError, match=r"x\.toml: "):
        deboiler.load_catalog(tmp_path)


def test_an_id_that_is_not_a_string_is_refused(tmp_path):
    (tmp_path / "x.toml").write_text('id = 5\nname = "X"\n')
    with pytest.raises(UsageError, match=r"x\.toml: id must be a string"):
        deboiler.load_catalog(tmp_path)


def test_the_command_says_so_in_one_line_and_batch_writes_nothing(deboiler_exe, tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "x.toml").write_text('id = "x"\nname = "X"\n' + BAD["unknown_slot"])
    proc = subprocess.run(
        [deboiler_exe, "clean", str(KOREAN_SEED), "--platforms-dir", str(tmp_path / "mine"), "-p", "x"],
        capture_output=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1 and b"x.toml" in proc.stderr
    crawl = tmp_path / "in.jsonl"
    crawl.write_text('{"id": "a", "text": "Episode one"}\n')
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [deboiler_exe, "batch", str(crawl), "-o", str(out), "-w", "1", "--platforms-dir", str(tmp_path / "mine")],
        capture_output=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2 and not out.exists() and not (tmp_path / "out.jsonl.part").exists()


def test_adjacent_text_slots_collapse_into_one_and_match_in_bounded_time():
    phrase = compile_phrase("{text}{text}{text}{text}{text}XYZ", "en")
    assert phrase.source == "{text}XYZ"
    started = time.monotonic()
    assert phrase.match("XYZ" + "a" * 2500, ("XYZ" + "a" * 2500).casefold()) is None
    assert phrase.match("a" * 2500 + "XYZ", ("a" * 2500 + "XYZ").casefold()) == {}
    assert time.monotonic() - started < 1
