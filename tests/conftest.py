from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SEEDS = CORPORA / "seeds"
KOREAN_SEED = SEEDS / "000_091d726796bad19a.txt"
PODBUD_SEED = SEEDS / "003_2e280c63de17b94b.txt"


def gold_of(page: Path) -> dict:
    return json.loads(page.with_name(page.stem + ".gold.json").read_text(encoding="utf-8"))["episode"]


def gold_description(page: Path) -> str:
    return "\n".join(gold_of(page)["description"])


@pytest.fixture(scope="session")
def deboiler_exe() -> str:
    """The installed console script, next to the interpreter running the tests (or on PATH)."""
    beside = Path(sys.executable).parent / "deboiler"
    exe = str(beside) if beside.exists() else shutil.which("deboiler")
    assert exe, "the deboiler command is not installed: pip install -e '.[test]'"
    return exe
