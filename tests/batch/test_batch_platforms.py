"""`deboiler batch --platforms-dir DIR`: extra platform data reaches every worker process.

CastLane is a platform deboiler does not ship (corpora/unknown/castlane_episode.txt is its page). The
platform file below, written for that page, is given to the batch as a folder of extra platforms: every
copy of the page, whichever worker cleans it, must then be detected as CastLane and cleaned exactly as
`deboiler.clean` does in this process with the same catalog; without the folder, as an unknown page.
"""

from __future__ import annotations

import json
from pathlib import Path

import deboiler
from deboiler.conftest import CORPORA
from deboiler.test_batch import assert_one_line_error, episode_of, read_jsonl, run

CASTLANE_PAGE = CORPORA / "unknown" / "castlane_episode.txt"
CASTLANE_TOML = """\
id = "castlane"
name = "CastLane"
hosts = ["castlane.example"]
brands = ["CastLane"]
default_locale = "en"

[rules.brand]
phrases = ["CastLane", "© {n} CastLane"]
label = "chrome"
signature = 0.4
why = "CastLane's site name"

[rules.nav]
phrases = ["Home", "Browse", "Sign in", "Open in app", "Share", "Download"]
label = "chrome"
signature = 0.3
why = "CastLane's navigation"

[rules.cookies]
phrases = ["We use cookies to improve your experience. By continuing to browse you agree to our Cookie Policy.", "Accept all"]
label = "chrome"
signature = 0.3
why = "CastLane's cookie notice"

[rules.more]
phrases = ["More episodes like this"]
label = "chrome"
signature = 0.3
why = "CastLane's list of other episodes"
"""


def castlane_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "my_platforms"
    (folder / "castlane").mkdir(parents=True)
    (folder / "castlane" / "platform.toml").write_text(CASTLANE_TOML, encoding="utf-8")
    return folder


def castlane_records(path: Path, copies: int, field: str = "text") -> None:
    """A JSONL file: `copies` copies of the CastLane page, then one PodBud page (a built-in platform)."""
    text = CASTLANE_PAGE.read_text(encoding="utf-8")
    podbud = (CORPORA / "podbud" / "no_date.txt").read_text(encoding="utf-8")
    lines = [json.dumps({"id": f"c{i}", field: text}) for i in range(copies)]
    lines.append(json.dumps({"id": "p", field: podbud}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


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
