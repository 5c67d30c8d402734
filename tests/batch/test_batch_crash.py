"""A page that kills its worker process every time it is cleaned (a crash in a C library, the OOM
killer) becomes one WorkerCrashed error record; every other record of the batch is still cleaned, in
order. The crash is real: the worker process exits on that page (batch.py's test-only fault marker,
read from the environment the workers start with), and the real pool has to notice and recover."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.helpers.corpora import SEEDS

TEXT_PAGES = sorted(p for p in (SEEDS.parent / "playerfm").rglob("*.txt"))

MARKER = "KILL-THIS-WORKER-7f3a"


@pytest.mark.parametrize("workers", ["2", "1"])
def test_a_page_that_kills_its_worker_is_one_error_record(deboiler_exe, tmp_path, workers):
    pages = [p.read_text(encoding="utf-8") for p in TEXT_PAGES[:6]]
    records = [{"id": f"p{i}", "text": text} for i, text in enumerate(pages)]
    records.insert(3, {"id": "killer", "text": pages[0] + "\n" + MARKER})
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "DEBOILER_TEST_CRASH_MARKER": MARKER}
    proc = subprocess.run(
        [
            deboiler_exe,
            "batch",
            str(source),
            "-o",
            str(out),
            "--workers",
            workers,
            "--chunk-size",
            "2",
            "--no-progress",
        ],
        capture_output=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [r["id"] for r in records]  # every record once, in input order
    by_id = {r["id"]: r for r in rows}
    if workers == "1":
        # In-process cleaning (no worker to lose): the marker is just text, and the page is cleaned.
        assert by_id["killer"]["status"] == "ok"
    else:
        assert by_id["killer"]["status"] == "error"
        assert by_id["killer"]["error"].startswith("WorkerCrashed: "), by_id["killer"]
    assert all(by_id[f"p{i}"]["status"] == "ok" for i in range(6))
