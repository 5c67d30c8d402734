"""`deboiler batch` with Parquet and WARC inputs and Parquet output: real files, real kills.

The input files are built here with pyarrow's and warcio's own writers from the hand-checked gold
pages in corpora/ (their bytes as stored, legacy encodings included), and every output record is
checked against that page's gold, field by field, or against the skip or error it must be.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import deboiler
from tests.helpers.batch import (
    CP949,
    CP1251,
    EN_TEXT,
    GOLD_PAGES,
    MAX_BYTES,
    PODBUD_HTML,
    SEED_TEXT,
    SHIFT_JIS,
    TEXT_PAGES,
    UTF16,
    Archive,
    assert_gold,
    assert_group_gone,
    assert_one_line_error,
    check_rows,
    check_warc,
    episode_of,
    expected,
    http,
    many_records,
    read_jsonl,
    read_parquet,
    run,
    start,
)
from tests.helpers.corpora import gold_of


def test_the_fixtures_hold_pages_that_are_not_utf8():
    for page in (SHIFT_JIS, CP1251, UTF16, CP949):
        with pytest.raises(UnicodeDecodeError):
            page.read_bytes().decode("utf-8")
    for page in GOLD_PAGES:
        assert gold_of(page)["platform"] is not None  # a known platform: its gold is exact, every field


# ---------------------------------------------------------------------------------------------------
# Parquet in, Parquet and JSONL out


def test_parquet_in_parquet_and_jsonl_out_record_by_record(deboiler_exe, tmp_path, parquet_input):
    path, want = parquet_input
    names = ["--html-field", "raw", "--text-field", "txt", "--id-field", "key", "--url-field", "link"]
    out_pq, out_jsonl = tmp_path / "out.parquet", tmp_path / "out.jsonl"
    proc = run(deboiler_exe, path, "-o", out_pq, *names, "-w", "2", "--chunk-size", "2", "--row-group-size", "4")
    assert proc.returncode == 0, proc.stderr.decode()
    proc = run(deboiler_exe, path, "-o", out_jsonl, *names, "-w", "1")
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_parquet(out_pq)
    assert all(r["source"] == str(path) for r in rows)
    check_rows(rows, want)
    assert rows == read_jsonl(out_jsonl)  # the same records whichever the format
    meta = pq.ParquetFile(out_pq)
    assert [meta.metadata.row_group(i).num_rows for i in range(meta.num_row_groups)] == [4, 4, 3]
    schema = meta.schema_arrow
    assert schema.field("duration").type == pa.int64() and schema.field("ids").type == pa.map_(pa.string(), pa.string())
    assert not (tmp_path / "out.parquet.part").exists()


def test_output_format_option_and_bad_parquet(deboiler_exe, tmp_path, parquet_input):
    path, want = parquet_input
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 this is not a parquet file")
    out = tmp_path / "episodes.data"
    proc = run(deboiler_exe, broken, path, "-o", out, "--output-format", "parquet", "--html-field", "raw",
               "--text-field", "txt", "--id-field", "key", "--url-field", "link", "-w", "1")  # fmt: skip
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_parquet(out)
    assert rows[0]["source"] == str(broken) and rows[0]["id"] == f"{broken}:1"
    assert rows[0]["error"].startswith("BadRecord: cannot read it as Parquet")
    check_rows(rows[1:], want)
    assert_one_line_error(run(deboiler_exe, path, "-o", out, "--output-format", "csv"), 2, "--output-format")


def test_no_page_column_makes_every_row_an_error_record(deboiler_exe, tmp_path):
    path = tmp_path / "other.parquet"
    pq.write_table(pa.table({"id": ["a", "b"], "body": ["x", "y"]}), path)
    out = tmp_path / "out.jsonl"
    assert run(deboiler_exe, path, "-o", out, "-w", "1").returncode == 0
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == ["a", "b"]
    assert all(r["error"] == "BadRecord: the file has no 'html' or 'text' column" for r in rows)


# ---------------------------------------------------------------------------------------------------
# Parquet output: kill, resume


def wait_for_shard(part: Path, proc, at_least: int = 1) -> None:
    deadline = time.monotonic() + 60
    while not (part.is_dir() and len(list(part.glob("*.parquet"))) >= at_least):
        assert proc.poll() is None, "the batch ended before it was killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)


def test_parquet_output_sigkill_at_random_moments_then_resume(deboiler_exe, tmp_path):
    ids = many_records(tmp_path / "in.jsonl", 1500)
    out, part = tmp_path / "out.parquet", tmp_path / "out.parquet.part"
    args = [tmp_path / "in.jsonl", "-o", out, "-w", "2", "--chunk-size", "20", "--row-group-size", "50"]
    rng = random.Random()
    for attempt in range(2):  # killed twice: the second time while resuming
        done = len(list(part.glob("*.parquet"))) if part.exists() else 0
        proc = start(deboiler_exe, *args, *(["--resume"] if attempt else []))
        wait_for_shard(part, proc, at_least=done + 1)
        delay = rng.uniform(0, 0.4)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        assert_group_gone(proc.pid)
        assert part.is_dir() and not out.exists(), f"the batch finished within {delay:.2f} s: nothing was killed"
    proc = start(deboiler_exe, *args, "--resume")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert "were already written by an earlier run" in err.decode()
    assert out.exists() and not part.exists()
    rows = read_parquet(out)
    assert [r["id"] for r in rows] == ids  # every id exactly once, in input order
    texts = [p.read_bytes().decode("utf-8", "replace") for p in TEXT_PAGES]  # many_records' pages, in turn
    want = [expected(text) for text in texts]
    for i, row in enumerate(rows):
        assert episode_of(row) == want[i % len(texts)], row["id"]


def test_parquet_ctrl_c_keeps_what_is_cleaned_and_exits_130(deboiler_exe, tmp_path):
    ids = many_records(tmp_path / "in.jsonl", 1500)
    out, part = tmp_path / "out.parquet", tmp_path / "out.parquet.part"
    args = [tmp_path / "in.jsonl", "-o", out, "-w", "2", "--chunk-size", "20", "--row-group-size", "100"]
    proc = start(deboiler_exe, *args)
    wait_for_shard(part, proc)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    last = err.decode().rstrip("\n").split("\n")[-1]
    assert last.startswith("deboiler: error: interrupted: ") and "--resume" in last
    done = [r["id"] for shard in sorted(part.glob("*.parquet")) for r in pq.read_table(shard).to_pylist()]
    assert f"{len(done):,} records are in" in last  # the records still buffered became a shard too
    assert done == ids[: len(done)] and not out.exists()
    proc = run(deboiler_exe, *args, "--resume")
    assert proc.returncode == 0, proc.stderr.decode()
    assert [r["id"] for r in read_parquet(out)] == ids


def test_resume_a_finished_parquet_with_more_inputs_and_refusals(deboiler_exe, tmp_path, parquet_input):
    path, want = parquet_input
    names = ["--html-field", "raw", "--text-field", "txt", "--id-field", "key", "--url-field", "link"]
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"key": "m1", "txt": SEED_TEXT.read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    out = tmp_path / "out.parquet"
    assert run(deboiler_exe, path, "-o", out, *names, "-w", "1").returncode == 0
    first = out.read_bytes()
    proc = run(deboiler_exe, path, more, "-o", out, *names, "--resume", "-w", "1")
    assert proc.returncode == 0, proc.stderr.decode()
    assert "this run cleaned 1 pages" in proc.stderr.decode()
    rows = read_parquet(out)
    check_rows(rows[:-1], want)
    assert rows[-1]["id"] == "m1" and rows[-1]["source"] == str(more)
    assert_gold(rows[-1], SEED_TEXT)

    out.write_bytes(first)  # resumed with other inputs: refused, and the finished file keeps its name
    proc = run(deboiler_exe, more, "-o", out, *names, "--resume", "-w", "1")
    assert_one_line_error(proc, 2, "does not match the inputs")
    assert out.read_bytes() == first and not (tmp_path / "out.parquet.part").exists()

    (tmp_path / "other.parquet.part").write_bytes(b"")  # a JSONL part where Parquet shards belong
    assert_one_line_error(
        run(deboiler_exe, more, "-o", tmp_path / "other.parquet", "--resume"), 2, "not Parquet shards"
    )
    (tmp_path / "third.jsonl.part").mkdir()
    assert_one_line_error(run(deboiler_exe, more, "-o", tmp_path / "third.jsonl", "--resume"), 2, "not a JSONL part")
    assert_one_line_error(run(deboiler_exe, more, "-o", out, "--row-group-size", "0"), 2, "--row-group-size")


def test_a_cut_shard_is_cleaned_again(deboiler_exe, tmp_path):
    """A kill while a shard is written leaves NAME.tmp: resume drops it and cleans its records again."""
    ids = many_records(tmp_path / "in.jsonl", 30)
    out = tmp_path / "out.parquet"
    args = [tmp_path / "in.jsonl", "-o", out, "-w", "1", "--row-group-size", "10"]
    assert run(deboiler_exe, *args).returncode == 0
    whole = read_parquet(out)
    part = tmp_path / "out.parquet.part"
    part.mkdir()
    pq.write_table(pq.read_table(out).slice(0, 10), part / "00000000.parquet")
    (part / "00000001.parquet.tmp").write_bytes(b"PAR1 cut short")
    out.unlink()
    proc = run(deboiler_exe, *args, "--resume")
    assert proc.returncode == 0, proc.stderr.decode()
    assert (
        "10 records were already written" in proc.stderr.decode()
        and "this run cleaned 20 pages" in proc.stderr.decode()
    )
    assert [r["id"] for r in read_parquet(out)] == ids and read_parquet(out) == whole


def test_ids_with_lone_surrogates_survive_parquet_and_resume(deboiler_exe, tmp_path):
    """JSON may name a record "\\ud800"; a Parquet string cannot hold it, so it is stored escaped."""
    text = EN_TEXT.read_text(encoding="utf-8")
    lines = [json.dumps({"id": f"s{i}\ud800", "text": text}) for i in range(4)]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.parquet"
    args = [tmp_path / "in.jsonl", "-o", out, "-w", "1", "--row-group-size", "2", "--dedup", "exact"]
    assert run(deboiler_exe, *args).returncode == 0
    rows = read_parquet(out)
    assert [r["id"] for r in rows] == [f"s{i}\\ud800" for i in range(4)]
    assert [r["duplicate_of"] for r in rows] == [None, "s0\\ud800", "s0\\ud800", "s0\\ud800"]
    assert all(r["status"] == "ok" for r in rows)
    part = tmp_path / "out.parquet.part"  # resume from the first shard: the escaped ids must match the input's
    part.mkdir()
    pq.write_table(pq.read_table(out).slice(0, 2), part / "00000000.parquet")
    out.unlink()
    proc = run(deboiler_exe, *args, "--resume")
    assert proc.returncode == 0, proc.stderr.decode()
    assert read_parquet(out) == rows


# ---------------------------------------------------------------------------------------------------
# WARC in


def test_warc_records_one_output_record_each(deboiler_exe, tmp_path, warcs):
    paths = [a.close() for a in warcs]
    out_jsonl, out_pq = tmp_path / "out.jsonl", tmp_path / "out.parquet"
    proc = run(deboiler_exe, *paths, "-o", out_jsonl, "-w", "2", "--chunk-size", "3", "--max-bytes", str(MAX_BYTES))
    assert proc.returncode == 0, proc.stderr.decode()
    check_warc(read_jsonl(out_jsonl), warcs)
    summary = proc.stderr.decode()
    assert "skipped 7" in summary and "a request record 1" in summary, summary
    proc = run(deboiler_exe, *paths, "-o", out_pq, "-w", "1", "--max-bytes", str(MAX_BYTES))
    assert proc.returncode == 0, proc.stderr.decode()
    assert read_parquet(out_pq) == read_jsonl(out_jsonl)


def test_a_cut_warc_keeps_what_it_can_read_and_says_where_it_stopped(deboiler_exe, tmp_path):
    a = Archive(tmp_path / "cut.warc.gz")
    for page in (EN_TEXT, PODBUD_HTML, SEED_TEXT):
        a.response(f"https://example.org/{page.name}", page.read_bytes(), http("200 OK", "text/html"), page)
    data = a.close().read_bytes()
    a.path.write_bytes(data[: a.ends[1] + (a.ends[2] - a.ends[1]) * 2 // 3])  # into the last record's body
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not a WARC file\r\n\r\n")
    out = tmp_path / "out.jsonl"
    proc = run(deboiler_exe, a.path, junk, "-o", out, "-w", "1")
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_jsonl(out)
    assert len(rows) == 4
    check_rows(rows[:2], a.want[:2])
    assert rows[2]["id"] == a.want[2][0] and rows[2]["status"] == "error"  # its headers were read, not its body
    assert rows[2]["error"].startswith("BadRecord: the archive ends inside this record: "), rows[2]["error"]
    assert rows[3]["id"] == f"{junk}:1" and rows[3]["status"] == "error"
    assert rows[3]["error"].startswith("BadRecord: cannot read past WARC record 0: "), rows[3]["error"]


def arc_file(path: Path, records: list[tuple[str, bytes, str, str]], gzipped: bool) -> Path:
    """An ARC v1 file (the Internet Archive's format before WARC): a filedesc header record, then one
    record per (url, body, HTTP status line, content type); gzipped one member per record, as ARC
    tools write it."""
    desc = b"1 0 deboiler tests\nURL IP-address Archive-date Content-type Archive-length\n"
    members = [b"filedesc://%s 0.0.0.0 20240101000000 text/plain %d\n%s\n" % (path.name.encode(), len(desc), desc)]
    for url, body, status, ctype in records:
        http_part = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
        members.append(b"%s 93.184.216.34 20240101000000 %s %d\n" % (url.encode(), ctype.encode(), len(http_part)) + http_part + b"\n")
    path.write_bytes(b"".join(gzip.compress(m) for m in members) if gzipped else b"".join(members))
    return path


@pytest.mark.parametrize("name", ["old.arc", "old.arc.gz"])
def test_arc_records_one_output_record_each(deboiler_exe, tmp_path, name):
    pages = [(SEED_TEXT, "text/plain"), (PODBUD_HTML, "text/html")]
    records = [(f"http://example.org/{p.name}", p.read_bytes(), "200 OK", t) for p, t in pages]
    records.insert(1, ("http://example.org/gone", b"<html>Not found</html>", "404 Not Found", "text/html"))
    records.append(("http://example.org/logo.png", b"\x89PNG\r\n\x1a\n", "200 OK", "image/png"))
    path = arc_file(tmp_path / name, records, gzipped=name.endswith(".gz"))
    outs = []
    for run_no in (1, 2):  # ids must not change between runs (--resume matches them)
        out = tmp_path / f"out{run_no}.jsonl"
        proc = run(deboiler_exe, path, "-o", out, "-w", "2", "--chunk-size", "2")
        assert proc.returncode == 0, proc.stderr.decode()
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    rows = read_jsonl(tmp_path / "out1.jsonl")
    assert [r["id"] for r in rows] == [f"{path}:{n}" for n in range(1, 6)]
    assert [r["status"] for r in rows] == ["skipped", "ok", "skipped", "ok", "skipped"]
    assert [r["url"] for r in rows[1:]] == [url for url, *_ in records]
    assert rows[0]["error"] == "NotAPage: a warcinfo record"
    assert rows[2]["error"] == "NotAPage: HTTP status 404" and rows[4]["error"] == "NotAPage: content type image/png"
    for row, (page, _) in zip((rows[1], rows[3]), pages):
        assert row["description"] == deboiler.clean(page.read_bytes()).description
