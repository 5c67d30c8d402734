"""A JSONL line too long to hold a page under --max-bytes is an error record, found without reading
the line whole: memory stays bounded by the limit, not by the longest line."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

from tests.helpers.batch import read_jsonl

PAGE = "Episode one\nWe talk about things for an hour in this episode of the show."


def _peak_mb_of(cmd: list[str]) -> tuple[subprocess.CompletedProcess, float]:
    """Run cmd in a child python that reports the peak RSS of its own children (the batch)."""
    probe = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True)\n"
        "sys.stdout.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
        "sys.exit(p.returncode)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, timeout=300)
    return proc, int(proc.stdout) / 1024


def test_a_huge_line_is_an_error_record_and_is_never_read_whole(deboiler_exe, tmp_path):
    crawl = tmp_path / "big.jsonl.gz"
    with gzip.open(crawl, "wb") as f:  # a few hundred KB that inflate to one 300 MB line
        f.write((json.dumps({"id": "a", "text": PAGE}) + "\n").encode())
        f.write(b'{"id": "b", "text": "')
        for _ in range(300):
            f.write(b"x" * (1 << 20))
        f.write(b'"}\n')
        f.write((json.dumps({"id": "c", "text": PAGE}) + "\n").encode())
    out = tmp_path / "out.jsonl"
    cmd = [deboiler_exe, "batch", str(crawl), "-o", str(out), "-w", "1", "--langid", "none", "--max-bytes", "100000"]
    proc, peak_mb = _peak_mb_of(cmd)
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_jsonl(out)
    assert [r["status"] for r in rows] == ["ok", "error", "ok"]
    assert rows[1]["error"].startswith("InputTooLarge: line 2 is 314,572,") and rows[1]["id"] == f"{crawl}:2"
    assert peak_mb < 250, peak_mb
