"""A platform is data: a new one works from a folder of TOML files, with no change to any module."""

from __future__ import annotations

import pytest

import deboiler
from deboiler.errors import UsageError

PLATFORM = """
id = "castlane"
name = "CastLane"
hosts = ["castlane.example"]
brands = ["CastLane"]
default_locale = "fr"

[rules.meta]
phrases = ["{show} · {date} · {duration}"]
label = "meta"
signature = 0.3
why = "show, date and duration"

[rules.follow]
label = "chrome"
signature = 0.3
why = "the follow button"

[rules.site_chrome]
label = "chrome"
selectors = ["nav", "footer", "div.app-banner"]
why = "CastLane's navigation, banner and footer"

[title]
before = ["meta"]

[description]
opens_after = ["meta"]
closes_at = ["follow"]
"""
FRENCH = """
locale = "fr"

[phrases]
follow = ["Suivre {show}"]
"""
HTML = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<link rel="canonical" href="https://www.castlane.example/ep/42"></head><body>
<nav><a>Accueil</a> <a>Se connecter</a></nav><div class="app-banner big">Téléchargez l'application</div>
<h1>Les glaciers qui chantent</h1><div>Le Son du Monde · 7 déc. 2024 · 1 h 5 min</div>
<p>Cette semaine, nous écoutons les glaciers islandais avec une preneuse de son.</p>
<p>Suivre Le Son du Monde sur Instagram : https://instagram.example/lsdm</p>
<div>Suivre Le Son du Monde</div>
<footer><p>© 2024 CastLane</p><p>Mentions légales</p></footer></body></html>"""


@pytest.fixture()
def catalog(tmp_path):
    folder = tmp_path / "castlane"
    folder.mkdir()
    (folder / "platform.toml").write_text(PLATFORM, encoding="utf-8")
    (folder / "fr.toml").write_text(FRENCH, encoding="utf-8")
    return deboiler.load_catalog(tmp_path)


def test_new_platform_from_data_files_alone(catalog):
    ep = deboiler.clean(HTML.encode("utf-8"), catalog=catalog, explain=True)
    assert (ep.platform, ep.locale, ep.show, ep.title) == (
        "castlane",
        "fr",
        "Le Son du Monde",
        "Les glaciers qui chantent",
    )
    assert (ep.published, ep.duration) == ("2024-12-07", 3900)
    # The creator's own "Suivre ..." line is inside the description; the button after it closes it.
    assert ep.description == (
        "Cette semaine, nous écoutons les glaciers islandais avec une preneuse de son.\n\n"
        "Suivre Le Son du Monde sur Instagram : https://instagram.example/lsdm"
    )
    rules = {v.text: v.rule for v in ep.lines}
    assert rules["Accueil Se connecter"] == "castlane:site_chrome"  # named by selector, not by phrase
    assert rules["Téléchargez l'application"] == "castlane:site_chrome"
    assert rules["Suivre Le Son du Monde"] == "castlane/fr:follow"
    assert "canonical host www.castlane.example" in ep.platform_evidence


def test_bad_selector_is_a_usage_error(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "platform.toml").write_text(
        'id = "bad"\nname = "Bad"\n[rules.x]\nselectors = ["div > p"]\n', encoding="utf-8"
    )
    catalog = deboiler.load_catalog(tmp_path)
    with pytest.raises(UsageError, match="unsupported selector"):
        deboiler.clean("<html><body><p>hello there</p></body></html>", catalog=catalog, platform="bad")
