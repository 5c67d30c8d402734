"""More --workers than cores are capped at the cores (each worker costs memory and they only slow
each other down), said on stderr; --force-workers starts them all."""

from __future__ import annotations

import os

from deboiler.batch.run import default_workers
from tests.helpers.batch import many_records, read_jsonl, run


def test_workers_over_the_cores_are_capped_and_said_so(deboiler_exe, tmp_path):
    crawl = tmp_path / "in.jsonl"
    ids = many_records(crawl, 40)
    cores = default_workers()
    proc = run(deboiler_exe, crawl, "-o", tmp_path / "out.jsonl", "-w", str(cores + 6), "--langid", "none", "--no-progress")
    assert proc.returncode == 0, proc.stderr.decode()
    assert f"{cores + 6} workers capped at the {cores} cores" in proc.stderr.decode()
    assert [r["id"] for r in read_jsonl(tmp_path / "out.jsonl")] == ids


def test_force_workers_starts_them_all(deboiler_exe, tmp_path):
    crawl = tmp_path / "in.jsonl"
    many_records(crawl, 10)
    cores = default_workers()
    args = (crawl, "-o", tmp_path / "out.jsonl", "-w", str(cores + 1), "--force-workers", "--langid", "none")
    proc = run(deboiler_exe, *args, "--no-progress")
    assert proc.returncode == 0 and b"capped" not in proc.stderr, proc.stderr.decode()
    assert os.path.exists(tmp_path / "out.jsonl")
