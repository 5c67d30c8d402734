"""deboiler on real episode pages nobody here wrote: ../shared/real-pages (text dumps of ~50 sites
in 18 UI languages, each with hand-checked gold). The pages are third-party text, so they are read
from beside the repository and never copied into it; without them the test says so and skips.

The bars are the project's promises for any site: recall first (a lost description line costs more
than a kept chrome line), never a line that is not the page's, and a clear gain over keeping the page
as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from deboiler.dev.evaluate import find_gold, score_page, summarise, summarise_by_platform

REAL_PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "real-pages" / "pages"

pytestmark = pytest.mark.skipif(
    not REAL_PAGES.is_dir(), reason=f"the real-page set is not beside the repository ({REAL_PAGES})"
)


@pytest.fixture(scope="module")
def scores():
    pairs = find_gold([REAL_PAGES])
    assert len(pairs) >= 150, len(pairs)
    return [score_page(page, gold, langid_backend="none") for page, gold in pairs]


def test_recall_first_and_nothing_invented(scores):
    overall = summarise(scores)
    assert overall["line_recall"] >= 0.98, overall
    assert overall["invented_lines"] == 0, overall
    by_site = summarise_by_platform(scores)
    weakest = min(by_site.items(), key=lambda item: item[1]["line_recall"])
    assert weakest[1]["line_recall"] >= 0.85, weakest


def test_chrome_goes(scores):
    overall = summarise(scores)
    # The page kept as it is scores token F1 0.80 and line precision 0.39 on this set.
    assert overall["token_f1"] >= 0.95, overall
    assert overall["line_precision"] >= 0.90, overall


def test_fields_are_found(scores):
    # title, show, date and length, where the page prints them (null where it does not).
    assert summarise(scores)["field_accuracy"] >= 0.88


def test_every_page_loses_at_most_a_line_or_two(scores):
    lossy = [s.page for s in scores if s.line_recall < 0.75]
    assert not lossy, lossy
