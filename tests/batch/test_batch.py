"""`deboiler batch` and `deboiler.clean_many`: real worker processes, real kills, real files.

Every check compares against `deboiler.clean` run in this process on the same input: the batch only
decides where clean runs, so its records must be clean's, one per input record, in input order.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest

import deboiler
from tests.helpers.batch import (
    PAGES,
    PNG,
    TEXT_PAGES,
    assert_group_gone,
    assert_one_line_error,
    episode_of,
    expected,
    many_records,
    read_jsonl,
    run,
    start,
    wait_for_output,
)
from tests.helpers.corpora import CORPORA


def test_every_record_once_in_order_and_equal_to_clean(deboiler_exe, tmp_path, mixed):
    inputs, want = mixed
    out1, out2 = tmp_path / "w1.jsonl", tmp_path / "w2.jsonl"
    proc = run(deboiler_exe, *inputs, "-o", out2, "--workers", "2", "--chunk-size", "3")
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_jsonl(out2)
    assert [(r["source"], r["id"]) for r in rows] == [(s, i) for s, i, _ in want]
    for row, (_, _, page) in zip(rows, want):
        if page is None:
            assert row["status"] == "error" and row["error"].startswith("BadRecord: line "), row
            continue
        assert row["status"] == ("error" if "error" in expected(page) else "ok"), row
        assert episode_of(row) == expected(page), row["id"]
    by_id = {r["id"]: r for r in rows}
    assert by_id[str(Path(inputs[0]) / "zz_image.txt")]["error"].startswith("BinaryInput: ")
    assert by_id[str(Path(inputs[0]) / "zz_empty.txt")]["error"].startswith("EmptyInput: ")
    assert by_id["empty"]["error"].startswith("EmptyInput: ")
    assert by_id["binary"]["status"] == "error"
    assert by_id["t0"]["url"] == "https://example.org/0" and by_id["t0"]["platform"] is not None
    assert not (tmp_path / "w2.jsonl.part").exists()
    summary = proc.stderr.decode()
    assert f"{len(want)} records in {out2}" in summary and "platform:" in summary and "dropped:" in summary

    proc = run(deboiler_exe, *inputs, "-o", out1, "--workers", "1")
    assert proc.returncode == 0, proc.stderr.decode()
    assert out1.read_bytes() == out2.read_bytes()


def test_quoted_glob_is_expanded(deboiler_exe, tmp_path):
    for p in TEXT_PAGES[:3]:
        shutil.copy(p, tmp_path / p.name)
    out = tmp_path / "out.jsonl"
    proc = run(deboiler_exe, str(tmp_path / "*.txt"), "-o", out, "--workers", "1")
    assert proc.returncode == 0, proc.stderr.decode()
    assert [r["id"] for r in read_jsonl(out)] == sorted(str(tmp_path / p.name) for p in TEXT_PAGES[:3])


def test_sigkill_at_random_moments_then_resume_gives_every_record_once(deboiler_exe, tmp_path):
    ids = many_records(tmp_path / "in.jsonl", 2000)
    out, part = tmp_path / "out.jsonl", tmp_path / "out.jsonl.part"
    args = [tmp_path / "in.jsonl", "-o", out, "--workers", "2", "--chunk-size", "25"]
    rng = random.Random()
    for attempt in range(2):  # killed twice: the second time while resuming
        proc = start(deboiler_exe, *args, *(["--resume"] if attempt else []))
        wait_for_output(part, proc, at_least=part.stat().st_size + 1 if part.exists() else 1)
        delay = rng.uniform(0, 0.4)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)  # the parent only: its workers must notice and go
        proc.communicate(timeout=30)
        assert_group_gone(proc.pid)
        assert part.exists() and not out.exists(), f"the batch finished within {delay:.2f} s: nothing was killed"
    proc = start(deboiler_exe, *args, "--resume")
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    assert out.exists() and not part.exists()
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == ids  # every id exactly once, in input order
    assert "were already written by an earlier run" in err.decode()


def test_resume_drops_a_cut_off_last_line(deboiler_exe, tmp_path):
    ids = many_records(tmp_path / "in.jsonl", 120)
    full = tmp_path / "full.jsonl"
    assert run(deboiler_exe, tmp_path / "in.jsonl", "-o", full, "--workers", "1").returncode == 0
    data = full.read_bytes()
    cut = data.index(b"\n", len(data) // 2) + 40  # 40 bytes into a record: a kill in the middle of a write
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.part").write_bytes(data[:cut])
    proc = run(deboiler_exe, tmp_path / "in.jsonl", "-o", out, "--resume", "--workers", "2")
    assert proc.returncode == 0, proc.stderr.decode()
    assert out.read_bytes() == data
    assert [r["id"] for r in read_jsonl(out)] == ids
    proc = run(deboiler_exe, tmp_path / "in.jsonl", "-o", out, "--resume")  # already complete: nothing to add
    assert proc.returncode == 0, proc.stderr.decode()
    assert out.read_bytes() == data and not (tmp_path / "out.jsonl.part").exists()
    assert "this run cleaned 0 pages" in proc.stderr.decode()


def test_ctrl_c_leaves_a_resumable_part_and_exits_130(deboiler_exe, tmp_path):
    ids = many_records(tmp_path / "in.jsonl", 1500)
    out, part = tmp_path / "out.jsonl", tmp_path / "out.jsonl.part"
    proc = start(deboiler_exe, tmp_path / "in.jsonl", "-o", out, "--workers", "2", "--chunk-size", "25")
    wait_for_output(part, proc)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole process group
    _, err = proc.communicate(timeout=60)
    last = err.decode().rstrip("\n").split("\n")[-1]
    assert proc.returncode == 130, err.decode()
    assert last.startswith("deboiler: error: interrupted: ") and "--resume" in last
    assert "Traceback" not in err.decode()
    assert part.read_bytes().endswith(b"\n") and not out.exists()
    done = [r["id"] for r in read_jsonl(part)]
    assert done == ids[: len(done)]
    proc = run(deboiler_exe, tmp_path / "in.jsonl", "-o", out, "--resume", "--workers", "2")
    assert proc.returncode == 0, proc.stderr.decode()
    assert [r["id"] for r in read_jsonl(out)] == ids


def grandchildren(pid: int) -> list[int]:
    """The pool workers of a batch: children of its forkserver, itself a child of the batch."""
    parent = {}
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                parent[int(entry)] = int(f.read().rsplit(b")", 1)[1].split()[1])
        except (ValueError, OSError, IndexError):
            continue
    return [p for p, pp in parent.items() if parent.get(pp) == pid]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the worker processes through /proc")
def test_a_worker_killed_mid_run_loses_no_record(deboiler_exe, tmp_path):
    ids = many_records(tmp_path / "in.jsonl", 1500)
    out = tmp_path / "out.jsonl"
    proc = start(deboiler_exe, tmp_path / "in.jsonl", "-o", out, "--workers", "2", "--chunk-size", "25")
    wait_for_output(tmp_path / "out.jsonl.part", proc)
    workers = grandchildren(proc.pid)
    assert workers, "no worker processes found"
    os.kill(workers[0], signal.SIGKILL)  # what the out-of-memory killer does
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == ids
    assert all(r["status"] == "ok" for r in rows)  # the chunks in flight were cleaned again, one by one


@pytest.mark.parametrize("workers", [1, 2])
def test_clean_many_yields_in_order_what_clean_returns(workers):
    pages: list[bytes | str] = [p.read_bytes() for p in PAGES] + [b"", PNG, "   "]
    pages += [PAGES[0].read_text(encoding="utf-8", errors="replace")]
    results = list(deboiler.clean_many(pages, workers=workers, chunk_size=4))
    assert len(results) == len(pages)
    for page, result in zip(pages, results):
        if isinstance(result, deboiler.DeboilerError):
            assert expected(page) == {"error": type(result).__name__}
        else:
            assert isinstance(result, deboiler.Episode) and result.lines is None
            assert result.to_dict() == expected(page)
    assert isinstance(results[-4], deboiler.errors.EmptyInput)
    assert isinstance(results[-3], deboiler.errors.BinaryInput)


def test_clean_many_passes_clean_options():
    page = TEXT_PAGES[0].read_bytes()
    [ep] = deboiler.clean_many([page], workers=2, explain=True, langid_backend="none")
    assert (
        ep.language is None
        and ep.lines
        and ep.to_dict() == deboiler.clean(page, explain=True, langid_backend="none").to_dict()
    )
    with pytest.raises(deboiler.errors.UsageError):
        list(deboiler.clean_many([page], workers=1, platform="nosuch"))


def test_cli_errors_are_one_line_with_their_exit_code(deboiler_exe, tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(TEXT_PAGES[0].read_bytes())
    out = tmp_path / "out.jsonl"
    assert_one_line_error(run(deboiler_exe, tmp_path / "nope.txt", "-o", out), 3, "no such file or directory")
    assert_one_line_error(run(deboiler_exe, tmp_path / "*.nothing", "-o", out), 3, "no files match")
    assert_one_line_error(run(deboiler_exe, page, "-o", tmp_path / "no" / "out.jsonl"), 73, "cannot write")
    assert_one_line_error(run(deboiler_exe, page, "-o", out, "--platform", "nosuch"), 2, "unknown platform")
    assert_one_line_error(run(deboiler_exe, page, "-o", page), 2, "own output")
    assert not out.exists() and not (tmp_path / "out.jsonl.part").exists()  # refused before writing anything

    (tmp_path / "out.jsonl.part").write_bytes(b"")
    assert_one_line_error(run(deboiler_exe, page, "-o", out), 2, "add --resume")
    (tmp_path / "out.jsonl.part").write_bytes(b'{"source": "elsewhere.txt", "id": "x", "status": "ok"}\n')
    assert_one_line_error(run(deboiler_exe, page, "-o", out, "--resume"), 2, "does not match the inputs")

    zst = tmp_path / "crawl.jsonl.zst"
    zst.write_bytes(b"")
    if not _has_zstandard():
        assert_one_line_error(run(deboiler_exe, zst, "-o", tmp_path / "z.jsonl"), 2, "zstandard")


def _has_zstandard() -> bool:
    import importlib.util

    return importlib.util.find_spec("zstandard") is not None


def test_a_saved_pages_asset_files_are_skipped_records_not_pages(deboiler_exe, tmp_path):
    """A browser's "save page, complete" puts CSS, scripts and images in NAME_files/: in a folder walk they
    are written as "skipped" records (visible, never cleaned as pages); a file named on the command line
    is always taken as a page."""
    pages = tmp_path / "saved"
    assets = pages / "episode_files"
    assets.mkdir(parents=True)
    shutil.copy(CORPORA / "seeds" / "000_091d726796bad19a.html", pages / "episode.html")
    (pages / "notes").write_bytes((CORPORA / "seeds" / "003_2e280c63de17b94b.txt").read_bytes())  # no suffix: a page
    (assets / "site.css").write_text("body { color: red }\n", encoding="utf-8")
    (assets / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    named = tmp_path / "named.css"
    named.write_text("Share\nThis is a page despite its name, because it was named.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = run(deboiler_exe, str(pages), str(named), "-o", str(out), "--workers", "1", "--no-progress")
    assert done.returncode == 0, done.stderr
    rows = {Path(r["id"]).name: r for r in read_jsonl(out)}
    assert set(rows) == {"episode.html", "notes", "site.css", "logo.png", "named.css"}
    assert rows["episode.html"]["status"] == rows["notes"]["status"] == "ok"
    assert rows["notes"]["platform"] == "podbud"
    for name in ("site.css", "logo.png"):
        assert rows[name]["status"] == "skipped" and rows[name]["error"].startswith("NotAPage: not a page")
    assert rows["named.css"]["status"] == "ok"
