"""`deboiler learn`: a platform file from a handful of pages of a site the catalog does not know.

The bar: pages of a fictional aggregator in two UIs, learned from 8 and cleaned on the other
12 (token F1 >= 0.97, line recall 1.0); the Player FM data removed and Korean-UI Player FM learned
from 8 hand-written pages of 8 shows, after which the Korean seed comes out exactly as its gold.
Expected results come from how the pages were built (tests/helpers/learn_site.py) or from the hand-checked
golds, never from deboiler's output.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import deboiler
from deboiler.catalog.platforms import Catalog, load_catalog
from deboiler.dev.evaluate import token_f1
from deboiler.errors import UsageError
from deboiler.learn.run import MIN_PAGES, NothingLearned, learn, learn_files
from deboiler.stages.blocks import split_lines
from tests.helpers.corpora import CORPORA, KOREAN_SEED, gold_of
from tests.helpers.learn_site import ONE_PAGE_BANNER, SHOWS, as_html, build_site

SITE = build_site()
TRAIN, HELD_OUT = SITE[:8], SITE[8:]
KOREAN_PAGES = sorted((CORPORA / "learn" / "playerfm_ko").glob("*.txt"))


def write_pages(folder: Path, pages, html: bool = False) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for page in pages:
        path = folder / (page.name[:-4] + ".html" if html else page.name)
        path.write_text(as_html(page) if html else page.text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def harbourcast(tmp_path_factory) -> tuple[Path, Catalog]:
    """The learned file (in a folder of its own, as --platforms-dir takes it) and the catalog it joins."""
    root = tmp_path_factory.mktemp("harbourcast")
    out = root / "platforms" / "harbourcast.toml"
    out.parent.mkdir()
    learn_files(write_pages(root / "pages", TRAIN), out)
    return out, load_catalog(out.parent)


# --- (a) a fictional aggregator in two UIs ---------------------------------------------------------


def test_training_set_has_two_uis_and_the_held_out_pages_new_shows():
    # The premise of the test, checked: 4 + 4 training pages, and held-out shows never learned from.
    assert sorted(p.ui for p in TRAIN) == ["de"] * 4 + ["en"] * 4
    assert {p.show for p in HELD_OUT} - {p.show for p in TRAIN} == {"Harbour Lights Radio", "Lichtjahre"}
    assert "harbourcast" not in load_catalog().platforms


@pytest.mark.parametrize("page", HELD_OUT, ids=lambda p: p.name)
def test_held_out_pages_come_out_clean(harbourcast, page):
    _, catalog = harbourcast
    ep = deboiler.clean(page.text.encode("utf-8"), catalog=catalog)
    want = [line for line in page.description if line]
    got = [line for line in ep.description.split("\n") if line]
    assert token_f1(" ".join(got), " ".join(want)) >= 0.97
    assert [line for line in want if line not in got] == []  # line recall 1.0
    assert (ep.platform, ep.locale, ep.show, ep.title) == ("harbourcast", page.ui, page.show, page.title)
    assert (ep.published, ep.duration, ep.episode_count) == (page.published, page.duration, page.count)


def test_learned_file_pairs_the_two_uis_and_frames_the_description(harbourcast):
    path, catalog = harbourcast
    platform = catalog.platforms["harbourcast"]
    assert platform.source == path and platform.locales == ["de", "en"]
    assert platform.hosts == ("harbourcast.example",) and platform.brands == ("Harbourcast",)
    # One rule per role, with the phrase of each UI: the opener, the closer, the line under the title.
    (opener,) = platform.opens_after
    assert phrases_of(platform, opener) == {"en": ("Episode notes",), "de": ("Shownotes",)}
    closers = {src for name in platform.closes_at for srcs in platform.rules[name].phrases.values() for src in srcs}
    assert {"Report this episode", "Diese Folge melden"} <= closers
    (under_title,) = platform.title_before
    assert phrases_of(platform, under_title) == {None: ("{show} · {date} · {duration}",)}
    text = path.read_text(encoding="utf-8")
    assert "# en: Episode notes -- on 4 of 4 en pages, 3 shows" in text  # says what it was learned from
    assert 'more_from = ["More from {show}"]' in text and 'more_from = ["Mehr von {show}"]' in text


def phrases_of(platform, rule: str) -> dict:
    return {loc: srcs for loc, srcs in platform.rules[rule].phrases.items() if srcs}


def test_learning_from_saved_html_reads_host_brand_and_ui_from_the_markup(tmp_path):
    out = tmp_path / "p" / "hc.toml"
    out.parent.mkdir()
    learned = learn_files(write_pages(tmp_path / "pages", TRAIN, html=True), out)
    assert (learned.id, learned.hosts, learned.brand) == ("hc", ["harbourcast.example"], "Harbourcast")
    catalog = load_catalog(out.parent)
    for page in HELD_OUT:
        ep = deboiler.clean(as_html(page).encode("utf-8"), catalog=catalog)
        assert "canonical host " + ("harbourcast.example" if page.ui == "en" else "de.harbourcast.example") in (
            ep.platform_evidence
        )
        # Saved without blank lines, so the paragraphs run together; every line is there, nothing else.
        assert ep.description.split("\n") == [line for line in page.description if line]
        assert (ep.locale, ep.show, ep.title, ep.published) == (page.ui, page.show, page.title, page.published)


# --- (b) Player FM's Korean UI, learned instead of read from the catalog ------------------------------


@pytest.fixture(scope="module")
def korean(tmp_path_factory) -> Catalog:
    """The built-in catalog with Player FM replaced by a file learned from the 8 Korean pages.

    The issue says "remove the Player FM ko data". Removing only ko.toml would leave Player FM's
    language-independent rules, which already clean the Korean seed exactly (tests/test_locales.py
    proves it), so the learned file would prove nothing. So all of Player FM goes: the learned file has
    the id playerfm and replaces the built-in platform whole.
    """
    folder = tmp_path_factory.mktemp("learned")
    learn_files(KOREAN_PAGES, folder / "playerfm.toml")
    return load_catalog(folder)


def test_korean_training_pages_are_eight_shows():
    shows = {gold for gold in (_show_named_in(p) for p in KOREAN_PAGES)}
    assert len(KOREAN_PAGES) == 8 and len(shows) == 8
    assert KOREAN_SEED.read_bytes() not in {p.read_bytes() for p in KOREAN_PAGES}


def _show_named_in(page: Path) -> str:
    notice = page.read_text(encoding="utf-8").split("\n")[2]
    return notice.split("에서 제공하는 콘텐츠입니다.")[0]


def test_builtin_player_fm_is_gone_from_the_catalog(korean):
    platform = korean.platforms["playerfm"]
    assert platform.source.name == "playerfm.toml" and platform.locales == ["ko"]
    # Nothing of the built-in data is left: none of its rule names, none of its English phrases.
    assert not {"manage", "legal", "read_more"} & set(platform.rules)
    assert "Content provided by" not in platform.source.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "page",
    [KOREAN_SEED, KOREAN_SEED.with_suffix(".html")]
    + sorted(p for p in (CORPORA / "playerfm").glob("ko_*") if p.suffix in (".txt", ".html")),
    ids=lambda p: p.name,
)
def test_korean_pages_come_out_as_their_gold_with_the_learned_file(korean, page):
    want = gold_of(page)
    got = deboiler.clean(page.read_bytes(), catalog=korean).to_dict()
    assert got["description"].split("\n") == want["description"]
    assert {k: got[k] for k in want if k != "description"} == {k: v for k, v in want.items() if k != "description"}


def test_without_player_fm_data_the_seed_is_not_player_fm():
    # The control: with Player FM simply removed, nothing reads the seed as Player FM.
    builtin = load_catalog()
    catalog = Catalog({pid: p for pid, p in builtin.platforms.items() if pid != "playerfm"})
    assert deboiler.clean(KOREAN_SEED.read_bytes(), catalog=catalog).platform != "playerfm"


# --- (c) a block on one page only is never chrome -------------------------------------------------


def test_every_learned_rule_matches_lines_on_two_training_pages_or_more(harbourcast):
    _, catalog = harbourcast
    platform = catalog.platforms["harbourcast"]
    pages_hit: dict[str, set[str]] = {}
    for page in TRAIN:
        for line_hits in platform.matcher(page.ui).scan(split_lines(page.text)):
            for hit in line_hits:
                pages_hit.setdefault(hit.rule.name, set()).add(page.name)
    assert set(pages_hit) == set(platform.rules)  # every rule matches something on the training pages ...
    assert {name: len(on) for name, on in pages_hit.items() if len(on) < 2} == {}  # ... on two pages or more


def test_the_banner_of_one_page_is_not_learned(harbourcast):
    path, catalog = harbourcast
    assert sum(ONE_PAGE_BANNER in p.text for p in TRAIN) == 1
    assert "Wrapped" not in path.read_text(encoding="utf-8")
    platform = catalog.platforms["harbourcast"]
    for ui in ("en", "de"):
        assert platform.matcher(ui).scan(split_lines(ONE_PAGE_BANNER)) == [[]]


def test_a_line_on_one_page_is_not_chrome_even_where_it_looks_like_chrome():
    # Five pages; page 0 alone has a chrome-like line in its header and one in its footer.
    pages = [(p.name, p.text.encode()) for p in TRAIN[:5]]
    name, text = pages[0]
    lines = text.decode().split("\n")
    lines.insert(2, "Sign in to sync your queue")
    lines.append("© 2024 Harbourcast · Imprint")
    pages[0] = (name, "\n".join(lines).encode())
    learned = learn(pages, "five")
    phrases = {t.phrase for rule in learned.rules for t in rule.templates}
    assert not {"Sign in to sync your queue", "© 2024 Harbourcast · Imprint"} & phrases
    assert all(len(t.pages) >= 2 for rule in learned.rules for t in rule.templates)


def test_a_hosting_services_footer_on_every_page_is_not_learned_as_chrome():
    # Every show of a site hosted on Acast ends its notes with Acast's line: the shows' text (kept in
    # their descriptions), not the site's chrome, though it recurs on every page of every show.
    footer = "Hosted on Acast. See acast.com/privacy for more information."
    pages = [(p.name, (p.text.rstrip("\n") + "\n" + footer + "\n").encode()) for p in TRAIN[:6]]
    learned = learn(pages, "six")
    phrases = {t.phrase for rule in learned.rules for t in rule.templates}
    assert footer not in phrases and not any("acast.com/privacy" in p for p in phrases)


# --- errors ---------------------------------------------------------------------------------------


def test_fewer_than_five_pages_is_a_usage_error():
    with pytest.raises(UsageError, match=f"at least {MIN_PAGES} pages"):
        learn([(p.name, p.text.encode()) for p in TRAIN[:4]], "x")


def test_copies_of_one_page_count_once():
    page = (TRAIN[0].name, TRAIN[0].text.encode())
    with pytest.raises(UsageError, match="at least 5 different pages of one site, got 1"):
        learn([page] * 5, "x")


def test_pages_of_one_show_are_learned_with_a_warning():
    # Episodes of one show cannot tell the show's own repeated lines from the platform's: said, not hidden.
    from tests.helpers.learn_site import _page

    pages = [_page(i, SHOWS["qh"], i, "en") for i in range(5)]
    learned = learn([(p.name, p.text.encode()) for p in pages], "qh")
    assert learned.boilerplate == []
    assert any("fewer than two shows" in w for w in learned.warnings)


def test_pages_of_no_common_site_learn_nothing():
    texts = [
        "Owls hunt by ear.\n\nA barn owl can catch a mouse under snow.",
        "Ferry timetable\n\nThe first boat leaves at six.",
        "Tomatoes split after rain when the skin cannot stretch.",
        "Glaciers sing\n\nMeltwater makes them creak and hum.",
        "Bread needs time, salt and a hot oven.",
    ]
    unrelated = [(f"p{i}.txt", text.encode()) for i, text in enumerate(texts)]
    with pytest.raises(NothingLearned, match="no line recurs"):
        learn(unrelated, "x")


# --- (e) the command line: learn, then clean with --platforms-dir -----------------------------------


def run(exe: str, *args) -> subprocess.CompletedProcess:
    return subprocess.run([exe, *map(str, args)], capture_output=True, timeout=300)


def test_cli_learn_then_clean_with_platforms_dir(deboiler_exe, tmp_path):
    pages = write_pages(tmp_path / "pages", TRAIN)
    learned = tmp_path / "learned"  # not made beforehand: learn makes the folder, as the README's example needs
    done = run(deboiler_exe, "learn", *pages, "-o", learned / "harbourcast.toml")
    assert done.returncode == 0, done.stderr
    assert b"8 of the 8 pages are detected as harbourcast" in done.stderr
    page = HELD_OUT[-1]  # a show the learner never saw, in the English UI
    (tmp_path / "new.txt").write_text(page.text, encoding="utf-8")
    out = run(deboiler_exe, "clean", tmp_path / "new.txt", "--platforms-dir", learned, "--format", "json")
    assert out.returncode == 0, out.stderr
    ep = json.loads(out.stdout)
    assert (ep["platform"], ep["show"], ep["title"], ep["duration"]) == (
        "harbourcast",
        page.show,
        page.title,
        page.duration,
    )
    assert ep["description"].split("\n") == page.description
    # Without the folder the page is a site deboiler does not know.
    plain = json.loads(run(deboiler_exe, "clean", tmp_path / "new.txt", "--format", "json").stdout)
    assert plain["platform"] is None


def test_cli_learn_errors_are_one_line(deboiler_exe, tmp_path):
    pages = write_pages(tmp_path / "pages", TRAIN[:3])
    few = run(deboiler_exe, "learn", *pages, "-o", tmp_path / "x.toml")
    assert few.returncode == 2
    assert few.stderr.decode().strip() == "deboiler: error: learn needs at least 5 pages of one site, got 3"
    missing = run(deboiler_exe, "clean", pages[0], "--platforms-dir", tmp_path / "nope")
    assert missing.returncode == 2 and missing.stderr.decode().count("\n") == 1
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    pages = write_pages(tmp_path / "more", TRAIN)
    blocked = run(deboiler_exe, "learn", *pages, "-o", tmp_path / "file" / "x.toml")
    assert blocked.returncode == 73 and blocked.stderr.decode().startswith("deboiler: error: cannot write")


def test_show_found_in_a_ui_written_without_spaces():
    # Three characters stand before the show ("内容由{show}提供"): shared runs that short count where they
    # open both lines. The titles and descriptions are free text of each page.
    shows = ["历史的回响", "深夜科学馆", "城市漫步者", "早安英语", "老张聊电影"]
    titles = ["长城为什么没有倒", "月亮离我们越来越远", "一杯咖啡的旅程", "雨天的数学", "火车上的一夜"]
    pages = []
    for i, (show, title) in enumerate(zip(shows, titles)):
        notice = f"内容由{show}提供。所有播客内容包括剧集、图片和播客描述均由{show}或其播客平台合作伙伴直接上传和提供。"
        lines = [notice, title, f"{40 + i}:{10 + i}", f"管理剧集 12345{i}", notice, f"本期讲述{title}。", "继续阅读"]
        pages.append((f"p{i}.txt", "\n".join(lines).encode()))
    learned = learn(pages, "zh")
    assert learned.shows == shows
    phrases = {t.phrase for rule in learned.rules for t in rule.templates}
    assert (
        "内容由{show}提供。所有播客内容包括剧集、图片和播客描述均由{show}或其播客平台合作伙伴直接上传和提供。"
        in phrases
    )


PODBUD_PAGES = [CORPORA / "podbud" / f"{name}.txt" for name in ("complete_multi", "minutes_only", "no_summary_pending")]


def test_values_glued_to_the_show_are_slots(tmp_path):
    # PodBud glues show, date and duration on one line ("Plain Law PodcastJanuary 9, 20251h 12m"). Learned
    # from its five text pages (the seed included), with the built-in PodBud replaced, the pages whose
    # line has that shape come out as their gold, in the saved-HTML versions the learner never saw too.
    folder = tmp_path / "learned"
    folder.mkdir()
    seed = CORPORA / "seeds" / "003_2e280c63de17b94b.txt"
    learn_files([*PODBUD_PAGES, CORPORA / "podbud" / "no_date.txt", seed], folder / "podbud.toml")
    catalog = load_catalog(folder)
    assert catalog.platforms["podbud"].source == folder / "podbud.toml"
    assert "{show}{date}{duration}" in (folder / "podbud.toml").read_text(encoding="utf-8")
    for page in [*PODBUD_PAGES, seed]:
        for version in (page, page.with_suffix(".html")):
            want = gold_of(version)
            got = deboiler.clean(version.read_bytes(), catalog=catalog).to_dict()
            assert got["description"].split("\n") == want["description"], version.name
            assert {k: got[k] for k in ("show", "title", "published", "duration")} == {
                k: want[k] for k in ("show", "title", "published", "duration")
            }, version.name
