"""Player FM in 21 UI languages: the locale files, their gold pages, and what holds without each file.

corpora/playerfm/locales/ holds one hand-written page per UI locale beyond en and ko, written in the
skeleton of the Korean seed with the chrome of deboiler/platforms/playerfm/<locale>.toml.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import deboiler
from deboiler.cli.app import app
from deboiler.dev.evaluate import token_f1
from tests.helpers.corpora import CORPORA, gold_description, gold_of

PLAYERFM = Path(deboiler.__file__).parent / "platforms" / "playerfm"
PAGES = sorted((CORPORA / "playerfm" / "locales").glob("*.txt"))
NEW_LOCALES = {
    "ja", "zh-Hans", "zh-Hant", "de", "fr", "es", "pt", "it", "nl", "pl",
    "ru", "uk", "tr", "vi", "id", "th", "ar", "hi", "sv",
}  # fmt: skip
FIELDS = ("platform", "locale", "language", "show", "title", "published", "duration", "episode_count", "ids")


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_matches_gold(page: Path):
    ep = deboiler.clean(page.read_bytes())
    want = gold_of(page)
    assert ep.description == gold_description(page)
    assert {k: getattr(ep, k) for k in FIELDS} == {k: want[k] for k in FIELDS}


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_locale_file_explains_every_chrome_line(page: Path):
    """With its locale file, no template line of the page is left to be judged by position."""
    locale = gold_of(page)["locale"]
    ep = deboiler.clean(page.read_bytes(), explain=True)
    by_position = [(v.line, v.text) for v in ep.lines if v.rule.startswith("playerfm:template-")]
    assert by_position == []
    used = {v.rule.split(":")[1] for v in ep.lines if v.rule.startswith(f"playerfm/{locale}:")}
    assert used >= {"legal", "app_promo", "share", "count"}


@pytest.fixture(scope="module")
def catalogs_without(tmp_path_factory) -> dict[str, deboiler.Catalog]:
    """For every locale, the catalog as it would be had nobody written that locale's file."""
    out = {}
    for locale in sorted(NEW_LOCALES):
        root = tmp_path_factory.mktemp(f"without-{locale}")
        shutil.copytree(PLAYERFM, root / "playerfm")
        (root / "playerfm" / f"{locale}.toml").unlink()
        out[locale] = deboiler.load_catalog(root)
    return out


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_without_its_locale_file(page: Path, catalogs_without):
    want = gold_of(page)
    catalog = catalogs_without[want["locale"]]
    assert want["locale"] not in catalog.get("playerfm").locales
    ep = deboiler.clean(page.read_bytes(), catalog=catalog)
    assert token_f1(ep.description, gold_description(page)) >= 0.97
    # Every field, the show included: without its locale file deboiler reads the show from the license
    # notice that names it twice (fields.show_named_twice).
    assert {k: getattr(ep, k) for k in FIELDS} == {k: want[k] for k in FIELDS}


def test_cli_platforms_lists_every_playerfm_locale():
    result = CliRunner().invoke(app, ["platforms"])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("playerfm"))
    listed = set(row.split())
    assert listed >= NEW_LOCALES | {"en", "ko"}
    assert len(NEW_LOCALES | {"en", "ko"}) == 21
