"""`deboiler batch --platforms-dir DIR`: extra platform data reaches every worker process.

CastLane is a platform deboiler does not ship (corpora/unknown/castlane_episode.txt is its page). The
platform file below, written for that page, is given to the batch as a folder of extra platforms: every
copy of the page, whichever worker cleans it, must then be detected as CastLane and cleaned exactly as
`deboiler.clean` does in this process with the same catalog; without the folder, as an unknown page.
"""

from __future__ import annotations

import deboiler
from tests.helpers.batch import (
    CASTLANE_PAGE,
    assert_one_line_error,
    castlane_dir,
    castlane_records,
    episode_of,
    read_jsonl,
    run,
)


def test_extra_platforms_reach_every_worker(deboiler_exe, tmp_path):
    folder = castlane_dir(tmp_path)
    castlane_records(tmp_path / "in.jsonl", 8)
    with_dir, without = tmp_path / "with.jsonl", tmp_path / "without.jsonl"
    args = [tmp_path / "in.jsonl", "-w", "2", "--chunk-size", "1"]  # one page per task: both workers get some
    proc = run(deboiler_exe, *args, "-o", with_dir, "--platforms-dir", folder)
    assert proc.returncode == 0, proc.stderr.decode()
    assert run(deboiler_exe, *args, "-o", without).returncode == 0

    catalog = deboiler.load_catalog(folder)
    want = deboiler.clean(CASTLANE_PAGE.read_text(encoding="utf-8"), catalog=catalog).to_dict()
    assert want["platform"] == "castlane"
    rows = read_jsonl(with_dir)
    assert [r["id"] for r in rows] == [*(f"c{i}" for i in range(8)), "p"]
    assert all(episode_of(r) == want for r in rows[:8])
    assert "Share" not in want["description"].split("\n")  # the extra rules did their work
    assert rows[8]["platform"] == "podbud"  # the built-ins are still there
    assert all(r["platform"] is None for r in read_jsonl(without)[:8])


def test_a_missing_platforms_dir_is_refused_before_anything_is_written(deboiler_exe, tmp_path):
    castlane_records(tmp_path / "in.jsonl", 1)
    out = tmp_path / "out.jsonl"
    proc = run(deboiler_exe, tmp_path / "in.jsonl", "-o", out, "--platforms-dir", tmp_path / "nope")
    assert_one_line_error(proc, 2, "platforms directory not found")
    assert not out.exists() and not (tmp_path / "out.jsonl.part").exists()
