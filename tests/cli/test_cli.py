"""The CLI as a user runs it: the installed command in a subprocess, and in-process through typer."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from deboiler.cli.app import app
from tests.helpers.corpora import KOREAN_SEED, PODBUD_SEED, gold_description

runner = CliRunner()


def run(exe: str, *args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([exe, *args], input=stdin, capture_output=True, timeout=120, cwd=cwd)


def test_clean_prints_gold_description(deboiler_exe):
    proc = run(deboiler_exe, "clean", str(KOREAN_SEED))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8").rstrip("\n") == gold_description(KOREAN_SEED)


def test_clean_json_is_the_episode_record(deboiler_exe):
    proc = run(deboiler_exe, "clean", str(KOREAN_SEED), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["platform"] == "playerfm"
    assert record["locale"] == "ko" and record["language"] == "en"
    assert record["ids"] == {"episode": "366383249", "series": "2803422"}
    assert "lines" not in record


def test_stdin_pipe_gives_same_output_as_file(deboiler_exe):
    by_file = run(deboiler_exe, "clean", str(PODBUD_SEED))
    by_pipe = run(deboiler_exe, "clean", "-", stdin=PODBUD_SEED.read_bytes())
    assert by_pipe.returncode == 0, by_pipe.stderr
    assert by_pipe.stdout == by_file.stdout
    assert by_pipe.stdout.decode().rstrip("\n") == gold_description(PODBUD_SEED)


def test_explain_lists_every_input_line_with_label_rule_reason(deboiler_exe):
    proc = run(deboiler_exe, "clean", str(PODBUD_SEED), "--explain", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    lines = json.loads(proc.stdout)["lines"]
    page_lines = PODBUD_SEED.read_text(encoding="utf-8").split("\n")
    assert [entry["line"] for entry in lines] == list(range(1, len(page_lines) + 1))
    by_line = {entry["line"]: entry for entry in lines}
    assert by_line[1]["label"] == "chrome"  # "PodBud"
    assert by_line[3]["label"] == "title"
    assert by_line[5]["label"] == "meta"
    assert by_line[7]["label"] == "content"
    assert by_line[9]["label"] == "chrome"  # "Summary coming soon"
    assert all(entry["rule"] and entry["reason"] for entry in lines)


def test_explain_text_table(deboiler_exe):
    proc = run(deboiler_exe, "clean", str(KOREAN_SEED), "--explain")
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0, proc.stderr
    assert "duplicate" in out and "second copy of the description" in out
    assert "playerfm/ko:share" in out


def test_platforms_lists_platforms_and_locales(deboiler_exe):
    proc = run(deboiler_exe, "platforms")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    playerfm = next(line for line in out.splitlines() if line.startswith("playerfm"))
    assert "en" in playerfm.split() and "ko" in playerfm.split()
    assert any(line.startswith("podbud") for line in out.splitlines())


def test_platforms_counts_gold_only_in_a_folder_it_is_given(deboiler_exe, tmp_path):
    """Run from the repository's root, where corpora/ is, it still lists no GOLD: nothing is read from
    the current folder unless named; a named folder that is missing is an error."""
    proc = run(deboiler_exe, "platforms", cwd=Path(__file__).parents[2])
    assert proc.returncode == 0 and "GOLD" not in proc.stdout.decode().splitlines()[0]
    proc = run(deboiler_exe, "platforms", "--corpora", str(tmp_path / "nope"))
    assert proc.returncode == 3 and "no such folder" in proc.stderr.decode()


def test_platforms_counts_gold_pages(tmp_path):
    """GOLD counts the page files beside each gold (text and HTML apart), from the gold's platform field."""
    for stem, platform, suffixes in (("a", "podbud", (".txt", ".html")), ("b", "podbud", (".txt",)), ("c", None, (".txt",))):
        for suffix in suffixes:
            (tmp_path / (stem + suffix)).write_text("page", encoding="utf-8")
        (tmp_path / f"{stem}.gold.json").write_text(json.dumps({"episode": {"platform": platform}}), encoding="utf-8")
    result = runner.invoke(app, ["platforms", "--corpora", str(tmp_path)])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.output.splitlines()[1:]}
    header = result.output.splitlines()[0].split()
    assert header[3] == "GOLD"
    assert rows["podbud"][-2] == "3"  # a.txt, a.html, b.txt
    assert rows["playerfm"][-2] == "0"
    assert rows["(unknown)"][-2] == "1"


def test_help_explains_itself_with_example_and_exit_codes(deboiler_exe):
    proc = run(deboiler_exe, "clean", "--help")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "deboiler clean page.txt --explain" in out
    assert "Exit codes" in out


def test_in_process_clean_and_eval():
    result = runner.invoke(app, ["clean", str(KOREAN_SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["show"] == "Machine Learning Street Talk (MLST)"
    result = runner.invoke(app, ["eval", str(KOREAN_SEED.parent)])
    assert result.exit_code == 0, result.output
    assert "overall: 4 pages" in result.output  # both seeds, as text and as saved HTML


def test_in_process_unknown_platform_is_usage_error():
    result = runner.invoke(app, ["clean", str(KOREAN_SEED), "--platform", "nosuch"])
    assert result.exit_code == 2
    assert "unknown platform 'nosuch'" in result.output
