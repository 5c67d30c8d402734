"""`deboiler batch -o OUT` never destroys what it did not write: inputs reached through symlinks,
special files, a second run on the same OUT, a file --resume did not write. Real files, symlinks,
FIFOs and processes."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

from tests.helpers.batch import TEXT_PAGES, assert_one_line_error, many_records, read_jsonl, run, start

RECORD = '{"id": "a", "text": "Episode one\\nWe talk about things for an hour in this episode."}\n'
FAST = ("-w", "1", "--langid", "none")


def test_an_input_reached_through_a_symlinked_folder_is_refused_as_out(deboiler_exe, tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "alias").symlink_to("real")
    crawl = tmp_path / "real" / "crawl.jsonl"
    crawl.write_text(RECORD)
    proc = run(deboiler_exe, crawl, "-o", tmp_path / "alias" / "crawl.jsonl", *FAST)
    assert_one_line_error(proc, 2, "own output")
    assert crawl.read_text() == RECORD


def test_an_input_that_is_a_symlink_to_out_is_refused(deboiler_exe, tmp_path):
    data = tmp_path / "data.jsonl"
    data.write_text(RECORD)
    (tmp_path / "link.jsonl").symlink_to("data.jsonl")
    assert_one_line_error(run(deboiler_exe, tmp_path / "link.jsonl", "-o", data, *FAST), 2, "own output")
    assert data.read_text() == RECORD


def test_out_inside_the_walked_folder_through_a_symlink_is_never_read(deboiler_exe, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (tmp_path / "pl").symlink_to("pages")
    for name in ("a.txt", "b.txt"):
        (pages / name).write_bytes(TEXT_PAGES[0].read_bytes())
    proc = run(deboiler_exe, pages, "-o", tmp_path / "pl" / "out.jsonl", *FAST)
    assert proc.returncode == 0, proc.stderr.decode()
    assert [Path(r["source"]).name for r in read_jsonl(pages / "out.jsonl")] == ["a.txt", "b.txt"]


def test_out_that_is_a_fifo_or_a_symlink_is_refused_and_left_as_it_is(deboiler_exe, tmp_path):
    crawl = tmp_path / "in.jsonl"
    crawl.write_text(RECORD)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    for out, words in ((fifo, "not a regular file"), (link, "is a symlink")):
        assert_one_line_error(run(deboiler_exe, crawl, "-o", out, *FAST), 2, words)
    assert fifo.is_fifo() and link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_a_second_run_on_an_out_being_written_is_refused_and_the_first_finishes(deboiler_exe, tmp_path):
    crawl = tmp_path / "in.jsonl"
    ids = many_records(crawl, 600)
    out, part = tmp_path / "out.jsonl", tmp_path / "out.jsonl.part"
    args = (crawl, "-o", out, "--chunk-size", "20", "--no-progress", *FAST)
    first = start(deboiler_exe, *args)
    deadline = time.monotonic() + 60
    while not (part.exists() and part.stat().st_size) and first.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.killpg(first.pid, signal.SIGSTOP)  # paused while OUT.part is its own
    try:
        assert not out.exists(), "the first run finished before it could be paused"
        second = run(deboiler_exe, *args, "--resume")
    finally:
        os.killpg(first.pid, signal.SIGCONT)
    assert_one_line_error(second, 2, "another deboiler batch is writing")
    first.communicate(timeout=120)
    assert first.returncode == 0
    assert [r["id"] for r in read_jsonl(out)] == ids


def test_resume_refuses_a_file_it_did_not_write_without_touching_it(deboiler_exe, tmp_path):
    crawl = tmp_path / "in.jsonl"
    crawl.write_text(RECORD)
    for text in ('{"a": 1}\n{"b": 2}\n{"c": "my last line, no newline"}', "precious text with no newline"):
        notes = tmp_path / "notes.jsonl"
        notes.write_text(text)
        assert_one_line_error(run(deboiler_exe, crawl, "-o", notes, "--resume", *FAST), 2, "not written by deboiler")
        assert notes.read_text() == text
        assert not (tmp_path / "notes.jsonl.part").exists()


def test_a_refused_resume_names_the_out_it_gave_back(deboiler_exe, tmp_path):
    crawl = tmp_path / "in.jsonl"
    crawl.write_text(RECORD)
    out = tmp_path / "out.jsonl"
    assert run(deboiler_exe, crawl, "-o", out, *FAST).returncode == 0
    other = tmp_path / "other.jsonl"
    other.write_text(RECORD.replace('"a"', '"b"'))
    proc = run(deboiler_exe, other, "-o", out, "--resume", *FAST)
    assert_one_line_error(proc, 2, "does not match the inputs")
    assert f"{out}:" in proc.stderr.decode() or f"{out} " in proc.stderr.decode()
    assert ".part" not in proc.stderr.decode()
    assert out.exists() and not (tmp_path / "out.jsonl.part").exists()
    assert json.loads(out.read_text())["id"] == "a"
