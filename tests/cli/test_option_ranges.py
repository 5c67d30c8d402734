"""Option values out of range are refused before any page is read (exit 2, one line), and limits too
large to matter mean no limit, rather than failing every page."""

from __future__ import annotations

import json
import subprocess

import pytest

import deboiler
from deboiler.errors import UsageError
from tests.helpers.corpora import KOREAN_SEED

HUGE = "99999999999999999999999"


def _run(exe, *args, stdin=None):
    return subprocess.run([exe, *map(str, args)], input=stdin, capture_output=True, timeout=120)


def _one_line(proc, code):
    assert proc.returncode == code, proc.stderr
    assert proc.stderr.decode().count("\n") == 1 and proc.stderr.startswith(b"deboiler: error: "), proc.stderr


def test_clean_refuses_a_negative_limit_and_takes_a_huge_one_as_none(deboiler_exe):
    _one_line(_run(deboiler_exe, "clean", "-", "--max-bytes", "-1", stdin=KOREAN_SEED.read_bytes()), 2)
    for source, stdin in ((KOREAN_SEED, None), ("-", KOREAN_SEED.read_bytes())):
        proc = _run(deboiler_exe, "clean", source, "--max-bytes", HUGE, "--langid", "none", stdin=stdin)
        assert proc.returncode == 0 and proc.stdout.strip(), proc.stderr


def test_batch_limits(deboiler_exe, tmp_path):
    crawl = tmp_path / "in.jsonl"
    crawl.write_text(json.dumps({"id": "a", "text": KOREAN_SEED.read_text(encoding="utf-8")}) + "\n")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_bytes(KOREAN_SEED.read_bytes())
    _one_line(_run(deboiler_exe, "batch", crawl, "-o", tmp_path / "neg.jsonl", "--max-bytes", "-5"), 2)
    cases = [(crawl, "--page-timeout", "inf"), (crawl, "--page-timeout", "1e10"), (pages, "--max-bytes", HUGE)]
    for n, (source, *option) in enumerate(cases):
        out = tmp_path / f"out{n}.jsonl"
        proc = _run(deboiler_exe, "batch", source, "-o", out, "-w", "1", "--langid", "none", *option)
        assert proc.returncode == 0, proc.stderr
        assert [json.loads(line)["status"] for line in out.read_text().splitlines()] == ["ok"], option


@pytest.mark.parametrize("limit", [-1, 0, 1.5, "1000"])
def test_the_library_refuses_a_limit_that_is_not_a_positive_whole_number(limit):
    with pytest.raises(UsageError):
        deboiler.clean("Episode one\nWe talk.", max_bytes=limit)


@pytest.mark.parametrize(
    "args",
    [("clean", "x", "--langid", "bogus"), ("clean", "a", "b"), ("clean",), ("clean", "x", "--bogus"), ("batch",)],
)
def test_a_usage_error_is_one_line(deboiler_exe, args):
    proc = _run(deboiler_exe, *args)
    _one_line(proc, 2)
    assert f"see deboiler {args[0]} --help".encode() in proc.stderr


def test_version_prints_the_version(deboiler_exe):
    proc = _run(deboiler_exe, "--version")
    assert proc.returncode == 0 and proc.stdout.decode().startswith("deboiler ")
