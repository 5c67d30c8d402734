"""Labeling by template and position: what must hold on pages unlike the gold ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import deboiler
from deboiler.stages.fields import show_named_twice
from tests.helpers.corpora import CORPORA, KOREAN_SEED, gold_description, gold_of

PLATFORMS = Path(deboiler.__file__).parent / "platforms"
PLAYERFM_PAGES = sorted((CORPORA / "playerfm").glob("*.txt")) + [KOREAN_SEED]


def catalog_without(tmp_path: Path, platform: str, locale: str) -> deboiler.Catalog:
    """The catalog as it would be had nobody written `locale`'s data file for `platform`."""
    shutil.copytree(PLATFORMS / platform, tmp_path / platform)
    (tmp_path / platform / f"{locale}.toml").unlink()
    return deboiler.load_catalog(tmp_path)


@pytest.mark.parametrize("page", PLAYERFM_PAGES, ids=[p.stem for p in PLAYERFM_PAGES])
def test_page_comes_out_the_same_without_its_locale_file(tmp_path, page):
    want = gold_of(page)
    ep = deboiler.clean(page.read_bytes(), catalog=catalog_without(tmp_path, "playerfm", want["locale"]))
    assert ep.description == gold_description(page)
    for name in ("platform", "language", "show", "title", "duration", "episode_count", "ids"):
        assert getattr(ep, name) == want[name], name
    # The host names the UI locale even where we have no phrases for it.
    assert ep.locale == want["locale"]


GERMAN_CHROME = {
    "Content provided by": "Inhalt bereitgestellt von Margin Notes. Alle Podcast-Inhalte, einschließlich Episoden, "
    "Grafiken und Podcast-Beschreibungen, werden direkt von Margin Notes oder deren Podcast-Plattformpartner "
    "hochgeladen und bereitgestellt. Wenn Sie glauben, dass jemand Ihr urheberrechtlich geschütztes Werk ohne "
    "Ihre Erlaubnis verwendet, können Sie dem hier beschriebenen Verfahren folgen https://de.player.fm/legal.",
    "Player FM - Podcast App": "Player FM - Podcast-App",
    "Go offline with the Player FM app!": "Gehen Sie mit der Player FM App offline!",
    "Share": "Teilen",
    "iconShare": "iconTeilen",
    "312 episodes": "312 Folgen",
    "All episodes": "Alle Folgen",
    "Welcome to Player FM!": "Willkommen bei Player FM!",
    "Player FM is scanning": "Player FM durchsucht das Internet nach hochwertigen Podcasts, die Sie jetzt genießen können.",
    "Quick Reference Guide": "Kurzanleitung",
}


def germanise(text: str) -> str:
    out = []
    for line in text.split("\n"):
        for english, german in GERMAN_CHROME.items():
            if line.strip() == english or (len(english) > 15 and line.startswith(english)):
                line = german
                break
        out.append(line)
    return "\n".join(out)


def test_unseen_locale_loses_its_chrome_by_position(tmp_path):
    page = CORPORA / "playerfm" / "en_truncated_first.txt"
    german = germanise(page.read_text(encoding="utf-8"))
    assert "Kurzanleitung" in german and "Teilen" in german  # the fixture really is German chrome
    ep = deboiler.clean(german, explain=True, catalog=catalog_without(tmp_path, "playerfm", "de"))
    assert ep.description == gold_description(page)
    assert (ep.platform, ep.locale, ep.show, ep.episode_count) == ("playerfm", "de", "Margin Notes", 312)
    assert ep.title == "The Dispossessed, Fifty Years On" and ep.duration == 3849
    dropped = {v.text: v.rule for v in ep.lines if v.label in ("chrome", "meta")}
    assert dropped["Kurzanleitung"] == "playerfm:template-footer"
    assert dropped["Teilen"] == "playerfm:template-header"


def test_title_is_the_line_above_the_duration_even_after_an_unknown_header_line():
    lines = KOREAN_SEED.read_text(encoding="utf-8").split("\n")
    lines.insert(5, '보관된 시리즈 ("비활성 피드" 상태)')  # an archived-series notice above the title
    ep = deboiler.clean("\n".join(lines), explain=True)
    assert ep.title == "Neel Nanda - Mechanistic Interpretability"
    assert ep.description == gold_description(KOREAN_SEED)
    notice = next(v for v in ep.lines if v.text.startswith("보관된"))
    assert notice.label == "chrome" and "judged by position" in notice.reason


def test_creator_lines_that_look_like_chrome_stay_inside_the_description():
    ep = deboiler.clean((CORPORA / "playerfm" / "en_chromelike_creator.txt").read_bytes(), explain=True)
    kept = ep.description.split("\n")
    assert "Share this episode with a friend" in kept
    assert any(line.startswith("Subscribe on YouTube") for line in kept)
    shares = [v for v in ep.lines if v.text == "Share"]
    assert shares and all(v.label == "chrome" for v in shares)


@pytest.mark.parametrize(
    "notice, show",
    [
        (
            "Contenido proporcionado por TED. Todo el contenido del podcast, incluidos episodios, se carga y "
            "proporciona directamente por TED o su socio de plataforma de podcast. https://es.player.fm/legal.",
            "TED",
        ),
        (
            "Margin Notesによって提供されたコンテンツです。エピソード、グラフィック、ポッドキャストの説明を含むすべての"
            "ポッドキャストコンテンツは、Margin Notesまたはそのポッドキャストプラットフォームパートナーによって"
            "直接アップロードされ、提供されます。 https://ja.player.fm/legal",
            "Margin Notes",
        ),
        (GERMAN_CHROME["Content provided by"], "Margin Notes"),
    ],
)
def test_show_named_twice_in_a_notice_we_have_no_phrase_for(notice, show):
    assert show_named_twice(notice) == show


def test_forced_platform_and_unknown_page():
    unknown = (CORPORA / "unknown" / "castlane_episode.txt").read_bytes()
    assert deboiler.clean(unknown).platform is None
    forced = deboiler.clean(KOREAN_SEED.read_bytes(), platform="playerfm")
    assert forced.platform_evidence[0] == "forced by caller" and forced.platform_confidence == 1.0


ALL_PLAYERFM_TEXT = sorted((CORPORA / "playerfm").rglob("*.txt")) + [KOREAN_SEED]


@pytest.mark.parametrize("page", ALL_PLAYERFM_TEXT, ids=[p.stem for p in ALL_PLAYERFM_TEXT])
def test_page_without_its_manage_anchor_lines(page):
    """A dump that hides what CSS hides can lose "Manage episode N series M": the license notice under
    it then opens the description, and only the ids are lost."""
    lines = page.read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if not line.startswith("Manage episode")]
    assert len(kept) < len(lines)
    ep = deboiler.clean("\n".join(kept))
    want = gold_of(page)
    assert ep.description == gold_description(page)
    for name in ("platform", "locale", "show", "title", "duration", "episode_count"):
        assert getattr(ep, name) == want[name], name
    assert ep.ids == {}


def _markers_alone_tell(page) -> bool:
    """Pages this test can hold to the gold once their markers are gone: the UI has a phrase file (the
    template lines the description ran into are known phrases, so they can be given back), and no
    creator line is count-shaped (it would be the only marker left: see hard/en_count_line_inside)."""
    want = gold_of(page)
    if want["locale"] not in deboiler.catalog.platforms.load_catalog().get("playerfm").locales:
        return False
    return not any(len(line.split()) == 2 and line.split()[0].isdigit() for line in want["description"])


WITH_PHRASES = [p for p in ALL_PLAYERFM_TEXT if _markers_alone_tell(p)]


@pytest.mark.parametrize("page", WITH_PHRASES, ids=[p.stem for p in WITH_PHRASES])
def test_page_without_closing_markers(page):
    """Without "continue reading" and the "N episodes" line nothing closes the description: it runs
    on to the next card, and the template lines it ran into are given back."""
    want = gold_of(page)
    count = f"{want['episode_count']:,}".replace(",", "") if want["episode_count"] else None
    lines = page.read_text(encoding="utf-8").split("\n")
    kept = [
        line
        for line in lines
        if "continue reading" not in line
        and not (count and len(line.split()) == 2 and line.split()[0].replace(".", "").replace(",", "") == count)
    ]
    assert len(kept) < len(lines)
    ep = deboiler.clean("\n".join(kept))
    assert ep.description == gold_description(page)
    for name in ("platform", "locale", "show", "title", "duration", "ids"):
        assert getattr(ep, name) == want[name], name


def test_closing_markers_further_down_in_the_footer_do_not_stretch_the_description():
    """With closes_in_order a marker line inside the text ("149 episodes") is the creator's, and the card
    closes at a later marker block; but not past template lines: a footer listing other series with their
    own "512 episodes" must not pull "All episodes" and the footer into the description."""
    page = CORPORA / "playerfm" / "en_history_long.txt"
    text = page.read_text(encoding="utf-8").replace("\u00a0 continue reading", "")
    footer = "\n\nSimilar podcasts\n\nThe Rest Is History\n\n512 episodes\n\nHistory Extra\n\n1,204 episodes\n"
    ep = deboiler.clean(text + footer)
    assert ep.description == gold_description(page)
    assert ep.episode_count == gold_of(page)["episode_count"]


DATE_FIRST_SITE = """\
id = "datefirst"
name = "Date First"
hosts = ["datefirst.example"]

[rules.published]
phrases = ["{word} {date}"]
label = "meta"
why = "publication date, printed above the title"

[rules.comments]
phrases = ["Comments ({id})"]
label = "chrome"
why = "the comments section"

[title]
before = ["published"]
under = ["published"]

[description]
opens_after = ["published"]
closes_at = ["comments"]
"""


def test_title_under_the_date_where_nothing_stands_above_it(tmp_path):
    """`[title] under`: a page that prints its date first has the title right under it, and that line
    leaves the description; a page with a header line above the date keeps the usual reading."""
    (tmp_path / "datefirst.toml").write_text(DATE_FIRST_SITE, encoding="utf-8")
    catalog = deboiler.load_catalog(tmp_path)
    page = "Tuesday Mar 04, 2025\nThe Lighthouse Keepers\nA night on the rocks with two keepers.\nComments (2)\n"
    ep = deboiler.clean(page, platform="datefirst", catalog=catalog, langid_backend="none")
    assert (ep.title, ep.published, ep.description) == ("The Lighthouse Keepers", "2025-03-04", "A night on the rocks with two keepers.")
    above = "The Lighthouse Keepers\n" + page
    ep = deboiler.clean(above, platform="datefirst", catalog=catalog, langid_backend="none")
    assert ep.title == "The Lighthouse Keepers"
    assert ep.description == "The Lighthouse Keepers\nA night on the rocks with two keepers."
    # A description of one line is never taken for the title: nothing would be left of it.
    alone = "Tuesday Mar 04, 2025\nA night on the rocks with two keepers.\nComments (2)\n"
    ep = deboiler.clean(alone, platform="datefirst", catalog=catalog, langid_backend="none")
    assert ep.description == "A night on the rocks with two keepers." and ep.title is None


SHOW_CARD_SITE = """\
id = "showcard"
name = "Show Card"
hosts = ["showcard.example"]

[rules.crumb]
phrases = ["- {show}"]
why = "the breadcrumb"

[rules.heading]
phrases = ["Listen: {title}"]
why = "the heading naming the episode"

[rules.card]
phrases = ["{show}"]
why = "the show's name heading its card"

[description]
opens_after = ["heading"]
closes_at = ["card"]
"""


def test_a_phrase_that_is_the_show_alone_matches_only_the_show_other_phrases_name(tmp_path):
    (tmp_path / "showcard.toml").write_text(SHOW_CARD_SITE, encoding="utf-8")
    catalog = deboiler.load_catalog(tmp_path)
    page = (
        "- Shows\n- Night Shift Shows\n\nListen: Owls at Dawn\nWe follow two owls home.\nThey sleep all day.\n"
        "Night Shift Shows\nA show about the night.\n"
    )
    ep = deboiler.clean(page, platform="showcard", catalog=catalog, langid_backend="none")
    # "Shows" (the breadcrumb's first item) is held in the longer "Night Shift Shows": not the show.
    assert (ep.show, ep.title) == ("Night Shift Shows", "Owls at Dawn")
    assert ep.description == "We follow two owls home.\nThey sleep all day."
    # No other phrase names a show: "{show}" alone matches nothing, so it closes nothing.
    bare = "Listen: Owls at Dawn\nWe follow two owls home.\nThey sleep all day.\n"
    ep = deboiler.clean(bare, platform="showcard", catalog=catalog, langid_backend="none")
    assert ep.description == "We follow two owls home.\nThey sleep all day." and ep.show is None


def test_a_header_card_between_two_copies_of_the_opener_is_not_the_description():
    # Podchaser's page can print its heart prompt, a card with the title (several times) and the
    # date, then the prompt again over the text: the card is the header's, the text opens after
    # the second prompt.
    page = (CORPORA / "podchaser" / "en_interview_credits.txt").read_text(encoding="utf-8")
    love = "Good episode? Give it some love!\n"
    title = "Ep. 214 – Hand-Cut Dovetails with Marisol Vega\n"
    carded = page.replace(love, love + title * 3 + "Wednesday, 15th May 2024\n" + love, 1)
    plain, ep = deboiler.clean(page), deboiler.clean(carded)
    assert ep.platform == "podchaser"
    assert ep.description == plain.description
    assert title.strip() not in ep.description.split("\n")


def test_apple_podcasts_page_without_a_date_line_under_the_show():
    # Apple's web player as served since 2025 prints date, number and length above the title, the
    # show under it, then Play, the description and an Information block; no "date · length" line.
    notes = [
        "A baker from the valley explains why her sourdough starter survived three winters in a cold kitchen.",
        "Recipes and the flour she uses: bakery.example.com",
    ]
    page = "\n".join([
        "Home", "Browse", "Top Charts", "Search",
        "MAR 3", "EPISODE 12", "41 MIN",
        "", "Episode 12: A starter that would not die", "", "The Bread Hour", "Play", "",
        *notes, "", "Episode Webpage", "", "Information", "", "Show", "The Bread Hour",
        "Frequency", "Updated Weekly", "Published", "March 3, 2025 at 6:00 AM UTC", "Length", "41 min",
        "Rating", "Clean", "United States", "Copyright © 2025 Apple Inc. All rights reserved.",
    ])
    ep = deboiler.clean(page, platform="applepodcasts", explain=True)
    assert ep.description.split("\n") == notes
    assert (ep.title, ep.show) == ("Episode 12: A starter that would not die", "The Bread Hour")
    assert next(v for v in ep.lines if v.text == "Information").rule.endswith(":information")
    # The template read it (not the unknown-site labeller, which finds the same text another way).
    assert {v.rule for v in ep.lines if v.text in notes} == {"applepodcasts:description"}
    assert next(v for v in ep.lines if v.text == "The Bread Hour").rule == "applepodcasts:show"


def test_a_breadcrumbs_root_names_no_show_even_where_the_text_names_it_as_often() -> None:
    # Seznam: "- Podcasty" is the breadcrumb's root (a slot-free phrase), though "- {show}" fits it
    # too; the description mentions "podcasty" once, as often as the show's name recurs.
    show = "Harbour Readings"
    page = (
        f"- Podcasty\n- {show}\n\nPoslechněte si podcast: Knots at dawn\n"
        "Three sailors cross the bay in a borrowed dinghy; more podcasty and articles at harbour.example.\n"
        f"{show}\nThe show's own blurb about reading harbour stories aloud every week.\n"
    )
    ep = deboiler.clean(page, explain=True)
    assert ep.platform == "seznam" and ep.show == show
    assert ep.description.splitlines() == ["Three sailors cross the bay in a borrowed dinghy; more podcasty and articles at harbour.example."]
