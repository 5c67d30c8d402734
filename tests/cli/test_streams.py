"""What `deboiler clean` prints and where: control sequences a page holds, and streams that are
closed, full or unreadable. The installed command, with real terminals (a pty), FIFOs and devices."""

from __future__ import annotations

import json
import os
import pty
import subprocess

import pytest

ESCAPES = (
    "Episode 8\nWe talk about things for an hour in this episode of the show.\n"
    "Price: \x1b[1mfree\x1b[0m today.\n\x1b]0;PWNED\x07\x1b]52;c;ZWNobyBwd25lZA==\x07Show notes line.\n"
)


def _run(exe, *args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([exe, *map(str, args)], capture_output=True, timeout=120, **kw)


def test_piped_text_is_exactly_the_json_description(deboiler_exe, tmp_path):
    page = tmp_path / "ansi.txt"
    page.write_text(ESCAPES)
    text = _run(deboiler_exe, "clean", page, "--langid", "none")
    record = json.loads(_run(deboiler_exe, "clean", page, "--langid", "none", "-f", "json").stdout)
    assert text.returncode == 0
    assert text.stdout.decode("utf-8") == record["description"] + "\n"
    assert "\x1b]0;PWNED" in record["description"]  # the page's line, as it is


def test_on_a_terminal_control_sequences_are_taken_out(deboiler_exe, tmp_path):
    page = tmp_path / "ansi.txt"
    page.write_text(ESCAPES)
    main, side = pty.openpty()
    try:
        proc = subprocess.run(
            [deboiler_exe, "clean", str(page), "--langid", "none"], stdout=side, stderr=subprocess.PIPE, timeout=120
        )
        os.close(side)
        side = -1
        shown = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the terminal's other side is closed and all is read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main)
        if side >= 0:
            os.close(side)
    assert proc.returncode == 0, proc.stderr
    lines = shown.decode("utf-8").replace("\r\n", "\n").rstrip("\n").split("\n")
    assert lines[-2:] == ["Price: free today.", "Show notes line."]
    assert "\x1b" not in shown.decode() and "\x07" not in shown.decode()


def test_a_page_that_cannot_be_reached_is_exit_3(deboiler_exe, tmp_path):
    (tmp_path / "loopA").symlink_to("loopB")
    (tmp_path / "loopB").symlink_to("loopA")
    proc = _run(deboiler_exe, "clean", tmp_path / "loopA")
    assert proc.returncode == 3 and proc.stderr.decode().count("\n") == 1, proc.stderr
    proc = subprocess.run([deboiler_exe, "clean", "-"], stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    assert proc.returncode == 4  # an empty stdin is an empty page
    closed = subprocess.run(
        f"exec <&-; exec {deboiler_exe} clean -", shell=True, capture_output=True, timeout=120
    )
    assert closed.returncode == 3 and closed.stderr.decode().count("\n") == 1, closed.stderr


@pytest.mark.skipif(not os.access("/dev/full", os.W_OK), reason="no /dev/full")
def test_stdout_full_or_closed_is_exit_73(deboiler_exe, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(ESCAPES)
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([deboiler_exe, "clean", str(page)], stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert proc.returncode == 73 and proc.stderr.decode().count("\n") == 1, proc.stderr
    closed = subprocess.run(f"exec >&-; exec {deboiler_exe} clean {page}", shell=True, capture_output=True, timeout=120)
    assert closed.returncode == 73 and b"stdout is closed" in closed.stderr, closed.stderr
