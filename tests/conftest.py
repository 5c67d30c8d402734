from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def deboiler_exe() -> str:
    """The installed console script, next to the interpreter running the tests (or on PATH)."""
    beside = Path(sys.executable).parent / "deboiler"
    exe = str(beside) if beside.exists() else shutil.which("deboiler")
    assert exe, "the deboiler command is not installed: pip install -e '.[test]'"
    return exe

