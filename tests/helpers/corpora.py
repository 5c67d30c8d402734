"""Paths of the gold corpora and readers of their gold files."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"
SEEDS = CORPORA / "seeds"
KOREAN_SEED = SEEDS / "000_091d726796bad19a.txt"
PODBUD_SEED = SEEDS / "003_2e280c63de17b94b.txt"


def gold_of(page: Path) -> dict:
    return json.loads(page.with_name(page.stem + ".gold.json").read_text(encoding="utf-8"))["episode"]


def gold_description(page: Path) -> str:
    return "\n".join(gold_of(page)["description"])
