"""`deboiler batch --engine dask`: real dask.distributed clusters of worker processes.

The dask engine only changes where the worker function runs, so its output must be byte-identical to
the local engine's on the same inputs, and --resume must work across engines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.batch import (
    LIMIT,
    MAX_BYTES,
    castlane_dir,
    castlane_records,
    check_slow,
    check_warc,
    many_records,
    read_parquet,
    run,
    slow_records,
)

distributed = pytest.importorskip("distributed")


def test_own_local_cluster_writes_the_local_engines_bytes(deboiler_exe, tmp_path, mixed):  # noqa: F811
    inputs, want = mixed
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    for out, extra in ((local, ["--workers", "1"]), (dask, ["--workers", "2", "--engine", "dask"])):
        proc = run(deboiler_exe, *inputs, "-o", out, "--chunk-size", "3", "--dedup", "minhash", *extra)
        assert proc.returncode == 0, proc.stderr.decode()
    assert dask.read_bytes() == local.read_bytes()
    assert len(dask.read_bytes().splitlines()) == len(want)
    assert not (tmp_path / "dask.jsonl.part").exists()


def test_existing_scheduler_and_resume(deboiler_exe, tmp_path):
    many_records(tmp_path / "in.jsonl", 300)
    local = tmp_path / "local.jsonl"
    proc = run(deboiler_exe, tmp_path / "in.jsonl", "-o", local, "--workers", "2", "--dedup", "exact")
    assert proc.returncode == 0, proc.stderr.decode()
    data = local.read_bytes()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = tmp_path / "dask.jsonl"
        args = [tmp_path / "in.jsonl", "-o", out, "--engine", "dask", "--scheduler", cluster.scheduler_address]
        proc = run(deboiler_exe, *args, "--chunk-size", "7", "--dedup", "exact")
        assert proc.returncode == 0, proc.stderr.decode()
        assert out.read_bytes() == data

        resumed = tmp_path / "resumed.jsonl"
        cut = data.index(b"\n", len(data) // 3) + 30  # a kill in the middle of a line
        Path(str(resumed) + ".part").write_bytes(data[:cut])
        args[2] = resumed
        proc = run(deboiler_exe, *args, "--resume", "--dedup", "exact")
        assert proc.returncode == 0, proc.stderr.decode()
        assert resumed.read_bytes() == data
        assert "were already written by an earlier run" in proc.stderr.decode()


def test_scheduler_needs_the_dask_engine(deboiler_exe, tmp_path):
    many_records(tmp_path / "in.jsonl", 1)
    proc = run(deboiler_exe, tmp_path / "in.jsonl", "-o", tmp_path / "o.jsonl", "--scheduler", "tcp://127.0.0.1:1")
    assert proc.returncode == 2 and "--scheduler needs --engine dask" in proc.stderr.decode()
    proc = run(deboiler_exe, tmp_path / "in.jsonl", "-o", tmp_path / "o.jsonl", "--engine", "spark")
    assert proc.returncode == 2 and "--engine must be one of" in proc.stderr.decode()


def test_parquet_warc_and_extra_platforms_on_dask_equal_the_local_pool(deboiler_exe, tmp_path, parquet_input, warcs):  # noqa: F811
    """Parquet and WARC in, Parquet out, a --platforms-dir folder, a page over --page-timeout: the dask
    workers (whose tasks run in a thread, where the time limit cannot use SIGALRM) must do as the pool."""
    path, _ = parquet_input
    warc_paths = [a.close() for a in warcs]
    castlane_records(tmp_path / "castlane.jsonl", 4, field="txt")
    slow = slow_records(tmp_path / "slow.jsonl", field="txt")
    args = [path, *warc_paths, tmp_path / "castlane.jsonl", tmp_path / "slow.jsonl"]
    args += ["--platforms-dir", castlane_dir(tmp_path), "--page-timeout", str(LIMIT)]
    args += ["--html-field", "raw", "--text-field", "txt", "--max-bytes", str(MAX_BYTES), "--chunk-size", "3"]
    local, dask = tmp_path / "local.parquet", tmp_path / "dask.parquet"
    for out, engine in ((local, "local"), (dask, "dask")):
        proc = run(deboiler_exe, *args, "-o", out, "-w", "2", "--engine", engine, "--row-group-size", "7")
        assert proc.returncode == 0, proc.stderr.decode()
    rows, want = read_parquet(dask), read_parquet(local)
    assert [r for r in rows if r not in want] == [] and len(rows) == len(want)  # row by row first: a readable diff
    assert dask.read_bytes() == local.read_bytes()
    n_parquet, n_slow = len(parquet_input[1]), len(slow)
    check_warc(rows[n_parquet : -5 - n_slow], warcs)
    assert [r["platform"] for r in rows[-5 - n_slow : -n_slow]] == ["castlane"] * 4 + ["podbud"]
    check_slow(rows[-n_slow:], slow)
