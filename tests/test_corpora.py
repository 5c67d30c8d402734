"""Every gold page in corpora/ against its hand-checked gold; the two seeds must match exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

import deboiler
from deboiler.dev.evaluate import find_gold, score_page, summarise, summarise_by_platform
from tests.helpers.corpora import CORPORA, KOREAN_SEED, PODBUD_SEED, gold_description, gold_of

PAIRS = find_gold([CORPORA])
KNOWN = [(p, g) for p, g in PAIRS if gold_of(p)["platform"] is not None]
UNKNOWN = [(p, g) for p, g in PAIRS if gold_of(p)["platform"] is None]


def test_corpus_is_there():
    assert len(PAIRS) >= 12 and len(UNKNOWN) >= 1


@pytest.mark.parametrize("seed", [KOREAN_SEED, PODBUD_SEED], ids=["korean-playerfm", "podbud"])
def test_seed_exactly_as_gold(seed: Path):
    ep = deboiler.clean(seed.read_bytes())
    want = gold_of(seed)
    assert ep.description == gold_description(seed)
    for name in ("platform", "locale", "language", "show", "title", "published", "duration", "episode_count", "ids"):
        assert getattr(ep, name) == want[name], name


@pytest.mark.parametrize("page, gold", KNOWN, ids=[p.stem for p, _ in KNOWN])
def test_known_platform_page_matches_gold(page: Path, gold: Path):
    ep = deboiler.clean(page.read_bytes())
    assert ep.description == gold_description(page)
    want = gold_of(page)
    assert {k: getattr(ep, k) for k in want if k != "description"} == {
        k: v for k, v in want.items() if k != "description"
    }


@pytest.mark.parametrize("page, gold", UNKNOWN, ids=[p.stem for p, _ in UNKNOWN])
def test_unknown_platform_does_no_harm(page: Path, gold: Path):
    score = score_page(page, gold)
    assert score.line_recall == 1.0  # every description line kept
    assert score.duplicate_lines == 0 and score.invented_lines == 0
    assert not score.wrong_fields


def test_eval_overall_bar():
    overall = summarise([score_page(p, g) for p, g in PAIRS])
    assert overall["token_f1"] >= 0.97
    assert overall["duplicate_lines"] == 0 and overall["invented_lines"] == 0
    assert overall["field_accuracy"] >= 0.98


def test_eval_bar_per_platform():
    """The quality bar holds for each platform on its own, not only on the average over all pages."""
    per_platform = summarise_by_platform([score_page(p, g) for p, g in KNOWN])
    for name, summary in per_platform.items():
        assert summary["token_f1"] >= 0.98, (name, summary)
        assert summary["field_accuracy"] >= 0.98, (name, summary)
        assert summary["duplicate_lines"] == 0 and summary["invented_lines"] == 0, (name, summary)
