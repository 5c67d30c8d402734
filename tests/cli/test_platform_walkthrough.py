"""The worked example of docs/platforms.md ("How to add a platform") works as written.

The files it shows (marked `<!-- walkthrough: PATH -->` before their fenced block) are written to a
scratch folder exactly as printed; the platform must load from that folder alone, detect the page and
clean it to the walk-through's hand-written gold. If someone edits one and not the others, this fails.
"""

from __future__ import annotations

import json
import re

import deboiler
from deboiler.dev.evaluate import score_page
from tests.helpers.corpora import ROOT

_MARKED_BLOCK = re.compile(r"<!-- walkthrough: (?P<path>\S+) -->\n```\w*\n(?P<body>.*?)```", re.S)


def _walkthrough_files() -> dict[str, str]:
    readme = (ROOT / "docs" / "platforms.md").read_text(encoding="utf-8")
    return {m["path"]: m["body"] for m in _MARKED_BLOCK.finditer(readme)}


def test_walkthrough_platform_cleans_its_page_to_its_gold(tmp_path):
    files = _walkthrough_files()
    assert set(files) == {
        "corpora/tunewell/singing_glaciers.txt",
        "deboiler/platforms/tunewell/platform.toml",
        "corpora/tunewell/singing_glaciers.gold.json",
    }
    for rel, body in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")

    catalog = deboiler.load_catalog(tmp_path / "deboiler" / "platforms")
    page = tmp_path / "corpora/tunewell/singing_glaciers.txt"
    ep = deboiler.clean(page.read_bytes(), catalog=catalog, explain=True)
    want = json.loads(files["corpora/tunewell/singing_glaciers.gold.json"])["episode"]
    assert ep.description == "\n".join(want["description"])
    for name in ("platform", "locale", "language", "show", "title", "published", "duration", "episode_count", "ids"):
        assert getattr(ep, name) == want[name], name
    # The creator's own "Follow ..." line stays; the Follow button and the list after "Show less" go.
    labels = {v.text: v.label for v in ep.lines}
    assert labels["Follow"] == "chrome" and labels["Deep Sea Choirs"] == "chrome"


def test_walkthrough_platform_is_not_built_in():
    """The walk-through's site is made up: it must not leak into the shipped catalog."""
    assert "tunewell" not in deboiler.load_catalog().platforms


def test_score_page_reads_the_walkthrough_gold(tmp_path):
    """`deboiler eval` scores a page against that gold the same way (step 5 of the walk-through)."""
    files = _walkthrough_files()
    for rel, body in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    # score_page cleans with the default catalog: Tunewell is unknown there, so nothing may be invented.
    score = score_page(tmp_path / "corpora/tunewell/singing_glaciers.txt", tmp_path / "corpora/tunewell/singing_glaciers.gold.json")
    assert score.invented_lines == 0 and score.line_recall == 1.0
