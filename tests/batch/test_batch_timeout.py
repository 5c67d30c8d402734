"""`deboiler batch --page-timeout` and `clean_many(page_timeout=...)`: a slow page becomes an error record.

The slow page is a real input, not a stub: 80,000 distinct lines of words (5.5 MB), which deboiler
cleans in about 3 s on an idle core (it keeps every line: no platform, nothing repeated), against a
limit of 1 s; a gold page takes a few milliseconds. The pages after it must still be cleaned.
"""

from __future__ import annotations

import json
import time

import pytest

import deboiler
from deboiler.batch.page_timeout import PageTimeout
from tests.helpers.batch import (
    LIMIT,
    TEXT_PAGES,
    assert_one_line_error,
    check_slow,
    expected,
    read_jsonl,
    run,
    slow_page,
    slow_records,
)
from tests.helpers.corpora import CORPORA


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_slow_page_becomes_an_error_record_and_the_rest_go_on(deboiler_exe, tmp_path, workers):
    pages = slow_records(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    proc = run(deboiler_exe, tmp_path / "in.jsonl", "-o", out, "-w", workers, "--chunk-size", "2",
               "--page-timeout", str(LIMIT))  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()
    check_slow(read_jsonl(out), pages)
    assert "PageTimeout 1" in proc.stderr.decode()
    assert time.monotonic() - started < 60


def test_clean_many_yields_the_timeout_in_the_slow_pages_place():
    pages = [TEXT_PAGES[0].read_text(encoding="utf-8"), slow_page(), TEXT_PAGES[1].read_text(encoding="utf-8")]
    results = list(deboiler.clean_many(pages, workers=1, page_timeout=LIMIT))
    assert isinstance(results[1], PageTimeout)
    assert results[0].to_dict() == expected(pages[0]) and results[2].to_dict() == expected(pages[2])


def test_a_limit_that_is_not_a_positive_number_is_refused(deboiler_exe, tmp_path):
    (tmp_path / "in.jsonl").write_text(json.dumps({"text": TEXT_PAGES[0].read_text(encoding="utf-8")}) + "\n")
    proc = run(deboiler_exe, tmp_path / "in.jsonl", "-o", tmp_path / "out.jsonl", "--page-timeout", "0")
    assert_one_line_error(proc, 2, "--page-timeout must be more than 0")


def test_start_up_does_not_count_against_a_fresh_workers_first_pages(deboiler_exe, tmp_path):
    # A fresh worker loads the compiled phrases, the UI lexicon and trafilatura (~1.5 s) on the first
    # page of an unknown site that it cleans; under a limit shorter than that, a good page was a timeout.
    folder = tmp_path / "pages"
    folder.mkdir()
    unknown = sorted((CORPORA / "unknown").glob("*.html"))
    for page in unknown:
        (folder / page.name).write_bytes(page.read_bytes())
    out = tmp_path / "out.jsonl"
    proc = run(deboiler_exe, folder, "-o", out, "-w", "2", "--chunk-size", "1", "--page-timeout", "0.5")
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_jsonl(out)
    assert [r["status"] for r in rows] == ["ok"] * len(unknown), [r["error"] for r in rows]
