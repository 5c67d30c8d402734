"""`deboiler batch --page-timeout` and `clean_many(page_timeout=...)`: a slow page becomes an error record.

The slow page is a real input, not a stub: 80,000 distinct lines of words (5.5 MB), which deboiler
cleans in about 3 s on an idle core (it keeps every line: no platform, nothing repeated), against a
limit of 1 s; a gold page takes a few milliseconds. The pages after it must still be cleaned.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest

import deboiler
from deboiler.batch.page_timeout import PageTimeout
from deboiler.test_batch import TEXT_PAGES, assert_one_line_error, episode_of, expected, read_jsonl, run

LIMIT = 1.0


def slow_page() -> str:
    rng = random.Random(1)
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma".split()
    return "\n\n".join(" ".join(rng.choice(words) for _ in range(12)) + f" {i}." for i in range(80_000))


def slow_records(path: Path, field: str = "text") -> list[str | None]:
    """Gold text pages with the slow page second; returns each record's page (None: the slow one)."""
    pages: list[str | None] = [TEXT_PAGES[0].read_text(encoding="utf-8"), None]
    pages += [p.read_text(encoding="utf-8") for p in TEXT_PAGES[1:4]]
    with open(path, "w", encoding="utf-8") as f:
        for i, page in enumerate(pages):
            f.write(json.dumps({"id": f"r{i}", field: slow_page() if page is None else page}) + "\n")
    return pages


def check(rows: list[dict], pages: list[str | None]) -> None:
    assert [r["id"] for r in rows] == [f"r{i}" for i in range(len(pages))]
    for row, page in zip(rows, pages):
        if page is None:
            assert row["status"] == "error", "the slow page was not stopped"
            assert row["error"] == f"PageTimeout: cleaning this page took more than {LIMIT:g} s (--page-timeout)"
        else:
            assert episode_of(row) == expected(page), row["id"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_slow_page_becomes_an_error_record_and_the_rest_go_on(deboiler_exe, tmp_path, workers):
    pages = slow_records(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    proc = run(deboiler_exe, tmp_path / "in.jsonl", "-o", out, "-w", workers, "--chunk-size", "2",
               "--page-timeout", str(LIMIT))  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()
    check(read_jsonl(out), pages)
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
