"""Inputs that are partly broken still give every record that can be read: a damaged Parquet row
group, symlink loops and FIFOs in a walked folder, a page source that fails part way."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import deboiler
from tests.helpers.batch import TEXT_PAGES, read_jsonl, run

FAST = ("-w", "1", "--langid", "none")
SEED = TEXT_PAGES[0].read_text(encoding="utf-8")


def test_a_damaged_parquet_row_group_costs_only_its_own_rows(deboiler_exe, tmp_path):
    path = tmp_path / "crawl.parquet"
    table = pa.table({"id": [f"r{i}" for i in range(50)], "text": [SEED + f"\nrow {i}" for i in range(50)]})
    pq.write_table(table, path, row_group_size=10)
    raw = bytearray(path.read_bytes())
    chunk = pq.ParquetFile(path).metadata.row_group(2).column(1)  # rows 21-30's text
    first = chunk.dictionary_page_offset or chunk.data_page_offset
    for k in range(chunk.data_page_offset + 40, first + chunk.total_compressed_size):
        raw[k] ^= 0x5A
    path.write_bytes(bytes(raw))
    with pytest.raises((OSError, pa.ArrowException)):
        pq.ParquetFile(path).read_row_group(2)
    proc = run(deboiler_exe, path, "-o", tmp_path / "out.jsonl", *FAST)
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in rows if r["status"] == "ok"] == [f"r{i}" for i in range(50) if not 20 <= i < 30]
    bad = [r for r in rows if r["status"] != "ok"]
    assert len(bad) == 1 and bad[0]["error"].startswith("BadRecord: cannot read rows 21 to 30"), bad


def test_symlink_loops_in_a_folder_are_one_record_and_each_page_is_cleaned_once(deboiler_exe, tmp_path):
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    for i in range(3):
        (pages / f"p{i}.txt").write_text(SEED)
    (pages / "sub" / "up").symlink_to("..")
    (pages / "zz").symlink_to("zz")
    proc = run(deboiler_exe, pages, "-o", tmp_path / "out.jsonl", *FAST, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_jsonl(tmp_path / "out.jsonl")
    assert [(Path(r["source"]).name, r["status"]) for r in rows] == [
        ("p0.txt", "ok"), ("p1.txt", "ok"), ("p2.txt", "ok"), ("up", "skipped"), ("zz", "error"),
    ]  # fmt: skip
    assert "loop" in rows[3]["error"]


def test_a_fifo_in_a_folder_is_a_skipped_record_not_a_hang(deboiler_exe, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(SEED)
    os.mkfifo(pages / "b.pipe")  # no writer: opening it would block for ever
    (pages / "c.txt").write_text(SEED)
    proc = run(deboiler_exe, pages, "-o", tmp_path / "out.jsonl", *FAST, timeout=30)
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_jsonl(tmp_path / "out.jsonl")
    assert [r["status"] for r in rows] == ["ok", "skipped", "ok"]
    assert "named pipe" in rows[1]["error"]


class SourceBroke(Exception):
    pass


def _pages(n: int):
    for i in range(n):
        yield SEED.replace("\n", f"\npage {i}\n", 1)
    raise SourceBroke(f"after {n}")


@pytest.mark.parametrize("workers,n", [(1, 7), (2, 45)])
def test_clean_many_yields_the_pages_read_before_its_source_fails_then_raises(workers, n):
    got = []
    with pytest.raises(SourceBroke):
        for ep in deboiler.clean_many(_pages(n), workers=workers, chunk_size=10, langid_backend="none"):
            got.append(ep)
    want = [deboiler.clean(p, langid_backend="none").description for p in list(_pages_ok(n))]
    assert [ep.description for ep in got] == want


def _pages_ok(n: int):
    it = _pages(n)
    for _ in range(n):
        yield next(it)
