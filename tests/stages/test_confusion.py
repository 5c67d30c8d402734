"""Platforms must not be confused with each other.

Every gold page is cleaned with detection on (it must name the gold's platform, or null for pages of
unknown sites) and with every platform of the catalog forced in turn (a wrong platform may clean
badly, but it must not crash or print a line the page does not hold).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import deboiler
from deboiler.dev.evaluate import find_gold, got_input_lines
from deboiler.pipeline import default_catalog
from tests.helpers.corpora import CORPORA, gold_of

PAGES = [page for page, _ in find_gold([CORPORA])]
PLATFORMS = sorted(default_catalog().platforms)


def _ids(pages: list[Path]) -> list[str]:
    return [str(p.relative_to(CORPORA)) for p in pages]


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_detection_names_the_gold_platform(page: Path):
    ep = deboiler.clean(page.read_bytes())
    assert ep.platform == gold_of(page)["platform"], ep.platform_evidence


@pytest.mark.parametrize("page", PAGES, ids=_ids(PAGES))
def test_every_platform_forced_invents_nothing(page: Path):
    raw = page.read_bytes()
    input_lines = {" ".join(line.split()) for line in got_input_lines(raw)}
    for platform in PLATFORMS:
        ep = deboiler.clean(raw, platform=platform)
        assert ep.platform == platform
        invented = [line for line in ep.description.split("\n") if line and line not in input_lines]
        assert not invented, (platform, invented[:3])


def test_every_platform_has_gold_pages():
    have = {gold_of(page)["platform"] for page in PAGES}
    assert set(PLATFORMS) <= have, set(PLATFORMS) - have


def test_detection_is_not_a_tie():
    """Each gold page's platform wins by a margin: no other platform reaches the threshold with it."""
    from deboiler.stages.detect import THRESHOLD, _score
    from deboiler.stages.load import load
    from deboiler.stages.page import read_page

    catalog = default_catalog()
    for page in PAGES:
        read = read_page(load(page.read_bytes()))
        hosts = read.markup.hosts if read.markup else []
        want = gold_of(page)["platform"]
        rivals = [
            pid
            for pid, platform in catalog.platforms.items()
            if pid != want and _score(platform, read.visible_text, read.blocks.folded_text, read.blocks, hosts)[0] >= THRESHOLD
        ]
        assert not rivals, (page.name, rivals)
