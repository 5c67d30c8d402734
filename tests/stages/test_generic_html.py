"""The generic path for saved HTML of platforms we do not know: trafilatura finds the main text,
deboiler keeps its own rendered lines that trafilatura's words align to."""

from __future__ import annotations

import time

import pytest

import deboiler
import deboiler.stages.labellers
from deboiler.stages import generic
from deboiler.stages.blocks import Block, Blocks
from deboiler.stages.html_blocks import html_to_blocks, parse, rendered_text

ARTICLE = [
    "This week we wade into the rocky shore at low tide with marine biologist Dr. Ana Ruiz, who has spent "
    "twenty years counting the animals that live in the pools the sea leaves behind.",
    "We talk about why anemones close up when the water drains away, how hermit crabs trade shells in "
    "orderly queues, and what a warming ocean means for the episodes of life that play out twice a day on "
    "every coast.",
    "Ana also explains how listeners can help: a simple count of sea stars, done at the same pool every "
    "month, is data that her team uses to track a wasting disease along the whole coast.",
]
LINKS = [
    "The shore survey project and how to take part in the monthly count",
    "Ana's field guide to the rocky intertidal zone of the Atlantic coast",
]
# Menu words the article also uses ("episodes", "about"): looked up on their own they would pass
# for main text; aligned in page order they do not.
NAV = ["Home", "Episodes", "About", "Contact", "Log in"]
RELATED = [
    "Episode 41: The secret life of kelp forests",
    "Episode 40: Whales and the songs they sing",
    "Episode 39: Sea stars and the wasting disease",
]
COOKIE = (
    "We use cookies to improve your experience on our site and to show you relevant advertising. "
    "By continuing to browse you agree to our use of cookies."
)
FOOTER = [
    "© 2024 Saltmarsh Radio. All rights reserved.",
    "Privacy policy",
    "Terms of use",
    "Follow us on Twitter and Instagram",
]


def _page(body_article: str) -> str:
    nav = "".join(f'<li><a href="/{i}">{item}</a></li>' for i, item in enumerate(NAV))
    related = "".join(f'<li><a href="/{41 - i}">{item}</a></li>' for i, item in enumerate(RELATED))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Episode 42: Tide pools | Saltmarsh Radio</title></head><body>
<div id="cookie-banner"><p>{COOKIE}</p><button>Accept all</button><button>Manage settings</button></div>
<header><a href="/">Saltmarsh Radio</a><nav><ul>{nav}</ul></nav></header>
<main><article>{body_article}</article></main>
<aside><h3>Related episodes</h3><ul>{related}</ul></aside>
<footer><p>{FOOTER[0]}</p><ul><li><a href="/privacy">{FOOTER[1]}</a></li><li><a href="/terms">{FOOTER[2]}</a></li></ul>
<p>{FOOTER[3]}</p></footer></body></html>"""


PAGE = _page(
    "<h1>Episode 42: What lives in a tide pool</h1><p class='meta'>March 3, 2024 · 48 min</p>"
    + "".join(f"<p>{p}</p>" for p in ARTICLE)
    + "<h2>Links from the episode</h2><ul>"
    + "".join(f"<li>{item}</li>" for item in LINKS)
    + "</ul>"
)


def _clean(page: str, **kw) -> deboiler.Episode:
    return deboiler.clean(page, langid_backend="none", **kw)


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line]


def test_keeps_the_article_and_drops_nav_cookies_related_and_footer():
    ep = _clean(PAGE)
    assert ep.platform is None  # the generic path
    lines = _lines(ep.description)
    for paragraph in ARTICLE + LINKS:
        assert paragraph in lines
    assert lines.index(ARTICLE[0]) < lines.index(ARTICLE[1]) < lines.index(ARTICLE[2]) < lines.index(LINKS[0])
    for chrome in NAV + RELATED + FOOTER + [COOKIE, "Saltmarsh Radio", "Related episodes"]:
        assert chrome not in lines, chrome
    assert "Accept all" not in ep.description and "Manage settings" not in ep.description


def test_every_description_line_is_a_rendered_line_of_the_page():
    rendered = {" ".join(line.split()) for line in rendered_text(parse(PAGE)).split("\n")}
    description = _lines(_clean(PAGE).description)
    assert description
    assert set(description) <= rendered


def test_menu_words_that_the_article_uses_are_not_main_text():
    ep = _clean(PAGE, explain=True)
    by_text = {v.text: v for v in ep.lines if v.text}
    for item in ("Episodes", "About"):
        assert by_text[item].label == "chrome", by_text[item]
    assert by_text[ARTICLE[1]].reason == "inside the main text"


def test_same_page_same_result_whatever_came_before():
    first = _clean(PAGE).to_dict()
    _clean(_page("<p>" + " ".join(ARTICLE) + "</p>"))  # trafilatura's dedup cache would remember this
    assert _clean(PAGE).to_dict() == first


def test_without_trafilatura_output_the_prose_span_is_kept(monkeypatch):
    monkeypatch.setattr(deboiler.stages.labellers, "main_text_of", lambda html: None)
    ep = _clean(PAGE)
    lines = _lines(ep.description)
    for paragraph in ARTICLE:
        assert paragraph in lines
    for chrome in [COOKIE, "Home", "Log in", "Privacy policy", FOOTER[0]]:
        assert chrome not in lines  # what the UI lexicon knows still goes


def test_a_failing_trafilatura_does_not_lose_the_page(monkeypatch):
    import trafilatura

    def boom(*args, **kwargs):
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr(trafilatura, "extract", boom)
    assert generic.main_text_of(PAGE) is None
    assert ARTICLE[0] in _lines(_clean(PAGE).description)


def test_main_text_found_nowhere_on_the_page_falls_back_to_prose():
    blocks = html_to_blocks(parse(PAGE))
    verdicts = generic.label_unknown(blocks, "Nothing of this text stands anywhere on that page at all, not one word.")
    kept = [v.text for v in verdicts if v.label == "content"]
    for paragraph in ARTICLE:
        assert paragraph in kept


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body><p>Hi</p></body></html>",
        "<html><body><div><a href='/a'>Episode one</a></div><div><a href='/b'>Episode two</a></div></body></html>",
        "<html><body><table><tr><td>Episode</td><td>Length</td></tr><tr><td>Pilot</td><td>31:00</td></tr></table></body></html>",
    ],
)
def test_tiny_pages_do_not_crash(page):
    ep = _clean(page)
    rendered = {" ".join(line.split()) for line in rendered_text(parse(page)).split("\n")}
    assert set(_lines(ep.description)) <= rendered


def _blocks(lines: list[str]) -> Blocks:
    blocks = Blocks()
    for i, line in enumerate(lines, start=1):
        text = " ".join(line.split())
        blocks.append(Block(i, line, text, text.casefold()))
    return blocks


def _heading_blocks(rows: list[tuple[str, str]]) -> Blocks:
    return Blocks(Block(i, text, text, text.casefold(), path) for i, (text, path) in enumerate(rows, 1))


def test_the_complete_copy_wins_over_the_copy_cut_short():
    full = "Rebecca and Sam are joined by the critic Dana Hollis, whose essays take their title from the opening line of the book."
    cut = full[:70]
    lines = ["Manage episode", "Fifty years on, the novel still refuses an easy answer.", cut, "continue reading"]
    lines += [
        "Manage episode",
        "Fifty years on, the novel still refuses an easy answer.",
        full,
        "Spoilers from minute 20.",
    ]
    main = "\n".join(["Fifty years on, the novel still refuses an easy answer.", full, "Spoilers from minute 20."])
    covered = generic._covered(_blocks(lines), main)
    assert covered == [False, False, False, False, False, True, True, True]


def test_text_that_trafilatura_moved_is_still_found():
    lines = ["Top stories", "Markets are mixed this morning across Asia.", "Menu", ARTICLE[0], ARTICLE[1]]
    main = "\n".join([ARTICLE[1], ARTICLE[0]])  # output order differs from page order
    covered = generic._covered(_blocks(lines), main)
    assert covered == [False, False, False, True, True]


def test_short_lines_count_only_as_whole_lines_in_place():
    # "News" and "CNN Business" occur in the output, but after the text that anchors the menu lines.
    lines = ["News", "Follow CNN Business", "Meal 1", "Eat every 2-3 hours", "Related: Meal 2"]
    main = "Meal 1\nEat every 2-3 hours\nCNN Business reports the news."
    covered = generic._covered(_blocks(lines), main)
    assert covered == [False, False, True, True, False]


def test_alignment_work_is_bounded_on_pathological_pages():
    blocks = _blocks(["the the the the the"] * 20000)
    start = time.perf_counter()
    covered = generic._covered(blocks, " ".join(["the"] * 20000))
    assert time.perf_counter() - start < 5
    assert len(covered) == len(blocks)


def test_main_text_head_named_by_markup_or_lexicon_is_not_description():
    """trafilatura's main text often opens with the show, the title and an "Episode description" heading:
    above the first paragraph, lines the markup names (JSON-LD) or the UI lexicon knows are labelled so;
    from the first paragraph on, every line stays, even one that repeats the title."""
    prose = "In this episode we follow a river from its glacier to the sea, with three hydrologists and a kayak."
    page = f"""<!doctype html><html><head><meta charset="utf-8">
<script type="application/ld+json">{{"@type": "PodcastEpisode", "name": "The River Episode",
 "partOfSeries": {{"@type": "PodcastSeries", "name": "Water Stories"}}}}</script></head><body>
<nav><a>Home</a> <a>Sign in</a></nav>
<main><article><h2>Water Stories</h2><h1>The River Episode</h1><h3>Season 2</h3><h3>Episode description</h3>
<p>{prose}</p><p>{prose.replace("river", "lake")}</p><p>The River Episode</p>
<p>Follow us on Instagram: @waterstories for photos from the trip.</p></article></main>
<footer><p>© 2025 Streamly</p></footer></body></html>"""
    ep = deboiler.clean(page.encode("utf-8"), explain=True)
    labels = {v.text: (v.label, v.rule) for v in ep.lines}
    assert ep.platform is None and (ep.title, ep.show) == ("The River Episode", "Water Stories")
    assert labels["Water Stories"] == ("show", "markup:show")
    assert labels["Episode description"][0] == "chrome"
    lines = ep.description.split("\n")
    assert "Season 2" in lines  # above the prose but neither named by the markup nor UI text: kept
    assert prose in lines and "The River Episode" in lines  # the title repeated below the first paragraph stays
    assert lines.index("The River Episode") > lines.index(prose)


def test_app_links_heading_the_main_text_go_and_the_same_list_inside_the_notes_stays():
    # "Apple Podcasts · YouTube · RSS" above the first paragraph is the page's listen-on bar; the
    # creator's own "Listen on:" list between two paragraphs is the notes'.
    prose = "In this episode we follow a river from its glacier to the sea, with three hydrologists and a kayak."
    page = f"""<!doctype html><html><head><meta charset="utf-8"></head><body>
<main><article><p><a>Apple Podcasts</a></p><p>·</p><p><a>YouTube</a></p><p>·</p><p><a>RSS</a></p><h1>The River Episode</h1>
<p>{prose}</p><p>Listen on:</p><ul><li><a>Apple Podcasts</a></li><li><a>Spotify</a></li></ul>
<p>{prose.replace("river", "lake")}</p></article></main></body></html>"""
    ep = deboiler.clean(page.encode("utf-8"), explain=True)
    title_at = next(v.lineno for v in ep.lines if v.text == "The River Episode")
    head = [(v.text, v.label) for v in ep.lines if v.lineno < title_at and v.text in ("Apple Podcasts", "YouTube", "RSS")]
    assert head == [("Apple Podcasts", "chrome"), ("YouTube", "chrome"), ("RSS", "chrome")]
    lines = [line for line in ep.description.split("\n") if line]
    assert lines[lines.index(prose) + 1 :] == ["Listen on:", "Apple Podcasts", "Spotify", prose.replace("river", "lake")]


def _titled_page(page_title: str, site_meta: str = "") -> bytes:
    prose = "In this episode we follow a river from its glacier to the sea, with three hydrologists and a kayak."
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{page_title}</title>{site_meta}</head><body>
<header><a href="/">Streamly</a><nav><a>Home</a> <a>Sign in</a></nav></header>
<main><article><p><a href="/water">Water Stories</a></p><h1>Ep 3: The River</h1>
<p>{prose}</p><p>{prose.replace("river", "lake")}</p><p>Water Stories</p>
<p>Follow us on Instagram: @waterstories for photos from the trip.</p></article></main>
<footer><p>© 2025 Streamly</p></footer></body></html>""".encode()


def test_the_page_title_names_title_and_show_where_no_other_markup_does():
    # "Title — Show | Site", the site named by og:site_name: the <h1> is the title, the link above it
    # the show; a line that repeats the show below the first paragraph stays the creator's.
    page = _titled_page("Ep 3: The River — Water Stories | Streamly", '<meta property="og:site_name" content="Streamly">')
    ep = deboiler.clean(page, explain=True, langid_backend="none")
    assert ep.platform is None and (ep.title, ep.show) == ("Ep 3: The River", "Water Stories")
    head = [(v.text, v.label, v.rule) for v in ep.lines if v.label in ("title", "show")]
    assert head == [("Water Stories", "show", "markup:page-title"), ("Ep 3: The River", "title", "markup:page-title")]
    lines = ep.description.split("\n")
    assert "Water Stories" in lines and lines.index("Water Stories") > 0  # the repeat below the prose
    assert "Streamly" not in ep.description
    plain = deboiler.clean(page, langid_backend="none").to_dict()  # without the explain view: the same Episode
    assert plain == {k: v for k, v in ep.to_dict().items() if k != "lines"}


def test_the_page_title_names_nothing_it_cannot_tell_from_the_site():
    # Without og:site_name the last part is taken for the site: "Title | Water Stories" names the
    # title; the site's name is the show only as the last resort (see the site-named show below).
    page = _titled_page("Ep 3: The River | Water Stories")
    ep = deboiler.clean(page, langid_backend="none", explain=True)
    assert (ep.title, ep.show) == ("Ep 3: The River", "Water Stories")
    assert not [v for v in ep.lines if v.label == "show"]  # no line is the show's: both copies stay text
    page = _titled_page("Streamly")  # one part, the site's name: the page's one <h1> is the title
    ep = deboiler.clean(page, langid_backend="none")
    assert (ep.title, ep.show) == ("Ep 3: The River", None)
    # Parts that are no line of the page name nothing.
    page = _titled_page("The Lake Episode — Still Waters | Streamly", '<meta property="og:site_name" content="Streamly">')
    ep = deboiler.clean(page, langid_backend="none")
    assert (ep.title, ep.show) == (None, None)


@pytest.mark.parametrize(
    "page_title, site, parts",
    [
        ("Bölüm 45: İstanbul'un kayıp bostanları — Tarih Sohbetleri | Kulakçık", "Kulakçık",
         ["bölüm 45: i̇stanbul'un kayıp bostanları", "tarih sohbetleri"]),
        ("Episode 42: Tide pools | Saltmarsh Radio", None, ["episode 42: tide pools"]),
        ("Self-Made - Season 2 - Radio X", "Radio X", ["self-made", "season 2"]),
        ("Only one part", None, ["only one part"]),
        (None, "Site", []),
    ],
)
def test_title_parts(page_title, site, parts):
    assert generic.title_parts(page_title, site) == parts


def _stated_page(og_title: str, site_meta: str = "", title_tag: str = "h3") -> bytes:
    prose = "In this episode we follow a river from its glacier to the sea, with three hydrologists and a kayak."
    return f"""<!doctype html><html><head><meta charset="utf-8"><meta property="og:title" content="{og_title}">{site_meta}</head>
<body><header><a href="/">Streamly</a><nav><a>Home</a> <a>Sign in</a></nav></header>
<div class="show-header"><a href="/water"><h2>Water Stories</h2></a></div>
<main><article><{title_tag}>The River</{title_tag}>
<p>{prose}</p><p>{prose.replace("river", "lake")}</p>
<p>Follow us on Instagram: @waterstories for photos from the trip.</p></article></main>
<footer><p>© 2025 Streamly</p></footer></body></html>""".encode()


def test_a_stated_title_with_the_sites_separators_is_split_by_what_the_page_prints():
    # og:title "Title | Show | Site": the part printed as a heading of its own is the title; the
    # show's name, printed as a heading inside a link to the show's page, is the show; the site's
    # name (og:site_name) is neither.
    site = '<meta property="og:site_name" content="Streamly Studios">'
    ep = deboiler.clean(_stated_page("The River | Water Stories | Streamly Studios", site), langid_backend="none")
    assert ep.platform is None and (ep.title, ep.show) == ("The River", "Water Stories")
    # "Show - Title", the same page.
    ep = deboiler.clean(_stated_page("Water Stories - The River", site), langid_backend="none")
    assert (ep.title, ep.show) == ("The River", "Water Stories")


def test_a_stated_title_whose_heading_holds_a_separator_is_the_heading():
    # "Ep. 3 - The River | Streamly Studios": the page's heading is the first two parts together.
    site = '<meta property="og:site_name" content="Streamly Studios">'
    for stated in ("Ep. 3 - The River | Streamly Studios", "Streamly Studios | Ep. 3 - The River"):
        page = _stated_page(stated, site).replace(b">The River<", b">Ep. 3 - The River<")
        assert deboiler.clean(page, langid_backend="none").title == "Ep. 3 - The River", stated


def test_a_stated_title_the_heading_opens_before_a_colon_is_the_heading():
    # "TITLE : SHOW : SITE" (NPR's, a Hugo theme's "TITLE  : SITE"): the colon separates where the
    # page prints the part before it as its heading.
    site = '<meta property="og:site_name" content="Streamly Studios">'
    for stated in ("The River : Water Stories : Streamly", "The River  : Streamly"):
        assert deboiler.clean(_stated_page(stated, site), langid_backend="none").title == "The River", stated
    # A colon inside a title the page prints whole is the title's own.
    page = _stated_page("Rivers: The Long Way Down", site).replace(b">The River<", b">Rivers: The Long Way Down<")
    assert deboiler.clean(page, langid_backend="none").title == "Rivers: The Long Way Down"


def test_a_stated_title_the_page_does_not_explain_stays_whole():
    site = '<meta property="og:site_name" content="Streamly Studios">'
    # No part printed as a heading of its own: the stated title stays as the markup says it.
    ep = deboiler.clean(_stated_page("The River | Water Stories | Streamly Studios", site, "p"), langid_backend="none")
    assert (ep.title, ep.show) == ("The River | Water Stories | Streamly Studios", None)
    # Without og:site_name the last part is taken for the site's name, never the show.
    ep = deboiler.clean(_stated_page("The River | Water Stories"), langid_backend="none")
    assert (ep.title, ep.show) == ("The River", None)


def _own_site_page(page_title: str, site_meta: str = "", header: str = "Tidewater Tales", byline: str = "") -> bytes:
    """A podcast's own site: its name in the header, the episode's heading above the post, no og:title."""
    prose = "In this episode we follow a river from its glacier to the sea, with three hydrologists and a kayak."
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{page_title}</title>{site_meta}</head><body>
<header><div class="logo">{header}</div><nav><a>Episodes</a> <a>About</a></nav></header>
<div class="hero"><h1 class="post-title">The River Runs</h1>{byline}</div>
<main><article><p>{prose}</p><p>{prose.replace("river", "lake")}</p>
<p>Music by the Tidewater Band, recorded at the harbour with the whole crew singing along.</p></article></main>
<footer><p>© 2025 Tidewater Tales</p></footer></body></html>""".encode()


def test_a_podcasts_own_site_names_its_show_and_title_by_its_name_and_heading():
    # No og:title or JSON-LD: the site's name printed in its header is the show, and the heading
    # above the post that the <title> holds is the title.
    site = '<meta property="og:site_name" content="Tidewater Tales">'
    ep = deboiler.clean(_own_site_page("The River Runs | Tidewater Tales", site), langid_backend="none")
    assert ep.platform is None and (ep.title, ep.show) == ("The River Runs", "Tidewater Tales")
    # Without og:site_name, the <title>'s last part; the heading may be its last part too.
    ep = deboiler.clean(_own_site_page("The River Runs | Tidewater Tales"), langid_backend="none")
    assert (ep.title, ep.show) == ("The River Runs", "Tidewater Tales")
    ep = deboiler.clean(_own_site_page("Tidewater Tales - Audio Page: The River Runs"), langid_backend="none")
    assert ep.title == "The River Runs"


def test_the_titles_first_part_printed_as_the_sites_logo_is_the_show():
    # "Show - Episode" or "Show: Episode" with no og:site_name: the part the page prints alone above
    # the episode's heading, in its own case ("TIDEWATER TALES"), is the show.
    for page_title in ("Tidewater Tales - The River Runs", "Tidewater Tales: The River Runs"):
        ep = deboiler.clean(_own_site_page(page_title, header="TIDEWATER TALES"), langid_backend="none")
        assert (ep.title, ep.show) == ("The River Runs", "TIDEWATER TALES"), page_title
    # Not an interface word or a number the page prints alone ("Podcast", "Episode 4").
    for header in ("Podcast", "Episode 4"):
        ep = deboiler.clean(_own_site_page(f"{header} - The River Runs", header=header), langid_backend="none")
        assert ep.show is None, header


def test_the_title_heading_the_main_text_is_the_titles_not_the_descriptions():
    # The title, found by the heading the <title> holds, printed at the head of the main text: a
    # heading, not a line of the description. Printed again under the first paragraph, it stays.
    page = _own_site_page("Tidewater Tales - Audio Page: The River Runs").replace(
        b'<div class="hero"><h1 class="post-title">The River Runs</h1></div>\n<main><article>',
        b'<main><article><h1 class="post-title">The River Runs</h1>',
    ).replace(b"</article></main>", b"<p>The River Runs</p></article></main>")
    ep = deboiler.clean(page, explain=True, langid_backend="none")
    assert ep.title == "The River Runs"
    assert [v.rule for v in ep.lines if v.text == "The River Runs"] == ["generic:title-heading", "generic:keep"]
    assert _lines(ep.description)[0].startswith("In this episode") and _lines(ep.description)[-1] == "The River Runs"


def test_a_date_line_heading_the_main_text_is_the_headers_not_the_descriptions():
    # The post opens with its date and length; below the first paragraph a date line stays text.
    page = _own_site_page("The River Runs | Tidewater Tales").replace(
        b"<main><article>", b"<main><article><p>Published March 3, 2024</p>"
    ).replace(b"</article></main>", b"<p>Recorded on March 1, 2024</p></article></main>")
    ep = deboiler.clean(page, explain=True, langid_backend="none")
    assert [(v.label, v.rule) for v in ep.lines if v.text == "Published March 3, 2024"] == [("meta", "generic:meta")]
    assert ep.published == "2024-03-03"
    assert _lines(ep.description)[0].startswith("In this episode") and "Recorded on March 1, 2024" in _lines(ep.description)


def test_a_site_name_that_is_no_show_names_nothing():
    # Not printed as a line of its own.
    ep = deboiler.clean(_own_site_page("The River Runs | Tidewater Tales", header="Home"), langid_backend="none")
    assert (ep.title, ep.show) == ("The River Runs", None)
    # A third part of the <title>: "Title | Show | Site", the site's name is not the show.
    ep = deboiler.clean(_own_site_page("Episode Nine | Water Stories | Tidewater Tales"), langid_backend="none")
    assert ep.show is None
    # A host's name: a publisher of many shows.
    site = '<meta property="og:site_name" content="Tidewater.org">'
    ep = deboiler.clean(_own_site_page("The River Runs | Tidewater.org", site, header="Tidewater.org"), langid_backend="none")
    assert (ep.title, ep.show) == ("The River Runs", None)
    # A heading the <title> does not hold is no title; one it holds only inside a word is none either.
    ep = deboiler.clean(_own_site_page("A Different Name | Tidewater Tales"), langid_backend="none")
    assert ep.title is None
    ep = deboiler.clean(_own_site_page("The River Runsway | Tidewater Tales"), langid_backend="none")
    assert ep.title is None


def test_a_bylines_date_above_the_post_is_the_published_date():
    byline = "<p class='byline'>Made by Ana Ruiz - Published on 16 June 2020</p>"
    ep = deboiler.clean(_own_site_page("The River Runs | Tidewater Tales", byline=byline), langid_backend="none")
    assert ep.published == "2020-06-16"
    assert "Published on" not in ep.description
    # Two dates among the byline's words: which one is the post's, the line does not say.
    byline = "<p class='byline'>Made by Ana Ruiz on 2 June 2020 and mixed by Tom Lind, out 16 June 2020</p>"
    ep = deboiler.clean(_own_site_page("The River Runs | Tidewater Tales", byline=byline), langid_backend="none")
    assert ep.published is None


def test_the_date_under_a_long_heading_is_the_published_date():
    # A title long enough to read as a paragraph, in a heading (here a link in one): the date line
    # under it is still the header's.
    title = "Episode 3: The river that runs from the glacier to the sea and the people who live along it"
    header = f'<header class="post-header"><h2 class="post-title"><a href="/3">{title}</a></h2><h3 class="meta">November 17, 2014</h3></header>'
    page = _own_site_page("Tidewater Tales").replace(b"<main><article>", f"<main><article>{header}".encode())
    ep = deboiler.clean(page, langid_backend="none")
    assert ep.published == "2014-11-17"


SUMMARY = (
    "Marine biologist Dr. Ana Ruiz joins us to talk about twenty years of counting the animals that live in the "
    "pools the sea leaves behind, and what a warming ocean means for them."
)
TURNS = [
    "Tom Lind: Welcome back to the show. Ana, you have spent twenty years on the same stretch of rocky shore.",
    "Ana Ruiz: That's right, and every low tide still shows me something I have never seen before, which is why I keep going.",
    "Tom Lind: What was the first animal that made you want to count them all?",
    "Ana Ruiz: A hermit crab, swapping shells with its neighbour in a queue. I was nine years old and I was hooked.",
]


def _post(paragraphs: list[str]) -> str:
    return _page("<h1>Episode 42: Tide pools</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs))


def test_a_transcript_inside_the_post_is_not_the_description():
    # One post: the summary, then what was said, turn by turn. trafilatura takes it all as the article.
    ep = _clean(_post([SUMMARY, *TURNS]), explain=True)
    assert _lines(ep.description) == [SUMMARY]
    first = next(v for v in ep.lines if v.text == TURNS[0])
    assert first.label == "chrome" and first.rule == "generic:transcript" and "transcript" in first.reason
    assert all(v.rule == "generic:transcript" for v in ep.lines if v.text in TURNS)


def test_a_details_table_over_the_summary_is_neither_transcript_nor_description():
    # A wiki's infobox between the heading and the summary: "Run Time 01:17:08" over "Released ..." is a
    # field over the next field, not a speaker's time over what they said; the table closes before the text.
    rows = [
        ("Recorded", "March 1, 2024"),
        ("Venue", "The Old Mill"),
        ("Guests", "<ul><li>Ana Ruiz</li><li>Tom Lind</li></ul>"),
        ("Run Time", "01:17:08"),
        ("Released", "March 3, 2024"),
        ("Transcript", "<a href='/t/42'>tidewater.example</a>"),
    ]
    table = "<div class='info-box'><table><tbody>" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows) + "</tbody></table></div>"
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Tide pools | Tidewater Wiki</title></head><body>
<header><a href="/">Tidewater Wiki</a><nav><a>Episodes</a> <a>About</a></nav></header>
<main><section><h1>Tide pools</h1>{table}<div class="episode-content"><p>{SUMMARY}</p></div></section></main>
<footer><p>Project maintained by the listeners</p></footer></body></html>"""
    ep = _clean(page, explain=True)
    assert _lines(ep.description) == [SUMMARY]
    assert (ep.title, ep.published, ep.duration) == ("Tide pools", "2024-03-03", 4628)
    venue = next(v for v in ep.lines if v.text == "Venue The Old Mill")
    assert venue.label == "chrome" and venue.rule == "generic:details-table"


def test_a_page_laid_out_in_a_table_keeps_its_text_in_the_table():
    # An old site's layout table holds the header and the text alike: its cells above the first
    # paragraph stay (the table does not close before it).
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Tide pools | Tidewater</title></head><body>
<table><tr><td><h1>Tide pools</h1></td></tr><tr><td><b>With Ana Ruiz and Tom Lind</b></td></tr>
<tr><td><p>{SUMMARY}</p><p>{ARTICLE[0]}</p></td></tr></table></body></html>"""
    ep = _clean(page, explain=True)
    assert _lines(ep.description) == ["With Ana Ruiz and Tom Lind", SUMMARY, ARTICLE[0]]


def test_one_label_over_every_item_is_no_transcript():
    # A recipe's label on each line is one name again and again: nobody answers, so the post stays whole.
    items = [
        "Portion: One cup of rolled oats, soaked overnight in milk.",
        "Portion: Half a cup of berries, fresh or frozen.",
        "Portion: A spoon of honey, stirred in at the end.",
    ]
    ep = _clean(_post([SUMMARY, *items]), explain=True)
    assert _lines(ep.description) == [SUMMARY, *items]


def test_a_list_of_book_titles_with_subtitles_is_no_transcript():
    books = [
        "Tide Pools: A Field Guide to the Rocky Shore by Ana Ruiz",
        "The Sea Around Us: The Story of the Ocean by Rachel Carson",
        "The Log from the Sea of Cortez: An Expedition by John Steinbeck",
    ]
    ep = _clean(_post([SUMMARY, "Books mentioned in this episode:", *books]))
    assert _lines(ep.description) == [SUMMARY, "Books mentioned in this episode:", *books]


def test_subtitle_cues_inside_the_post_are_a_transcript():
    cues = ["WEBVTT", "00:00:01.200 --> 00:00:04.800", "Welcome back to the show.", "00:00:04.800 --> 00:00:09.100", "Today: tide pools."]
    ep = _clean(_post([SUMMARY, *cues]))
    assert _lines(ep.description) == [SUMMARY]


def test_a_section_heading_under_the_notes_ends_the_main_text():
    # Comments inside the same <article> as the notes: trafilatura keeps them, the heading says they are not the notes.
    comment = "Lovely episode, I went down to the shore the next morning and counted eleven sea stars in one pool."
    page = _page(
        "<h1>Episode 42: Tide pools</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE) + f"<h2>Comments</h2><p>{comment}</p>"
    )
    ep = _clean(page, explain=True)
    assert _lines(ep.description) == ARTICLE
    assert next(v for v in ep.lines if v.text == comment).rule == "generic:after-description"


def test_interface_lines_under_the_last_paragraph_of_the_main_text_go():
    # The post's own buttons under its notes, inside the <article>: the lexicon knows them.
    page = _page(
        "<h1>Episode 42: Tide pools</h1>" + "".join(f"<p>{p}</p>" for p in ARTICLE) + "<p>Subscribe: Apple Podcasts | Spotify | RSS</p>"
    )
    ep = _clean(page, explain=True)
    assert _lines(ep.description) == ARTICLE
    assert next(v for v in ep.lines if v.text.startswith("Subscribe:")).rule == "lexicon:ui"


def _radio_page(transcript_tag: str) -> tuple[str, str]:
    said = [
        "bienvenidos a un nuevo programa desde la radio de la ciudad con todos ustedes esta mañana de lunes",
        "gracias por invitarme es un placer estar aquí para hablar de la feria del libro que empieza hoy",
        "cuéntenos cuántas editoriales vienen este año y qué novedades tienen preparadas para los lectores",
        "más de cien editoriales y por primera vez una carpa dedicada a los libros de poesía en gallego",
    ]
    turns = "".join(
        f'<div class="turn"><span class="who">Voz {n % 2 + 1} 0{n}:1{n % 6}</span><p>{text}</p></div>'
        for n, text in enumerate(said * 3)
    )
    summary = "La directora de la feria del libro y un editor local hablan de las novedades de este año y de la nueva carpa de poesía."
    page = f"""<html><head><title>La feria del libro | Radio Ciudad</title></head><body>
<header><nav><a href="/">Inicio</a><a href="/p">Programas</a></nav></header>
<h1>La feria del libro</h1><p class="date">Publicado el 16-09-2016</p>
<aside class="summary"><p>{summary}</p></aside>
<{transcript_tag} class="transcript">{turns}</{transcript_tag}>
<footer><p>© Radio Ciudad</p></footer></body></html>"""
    return page, summary


def test_a_main_text_inside_a_transcript_gives_the_page_to_its_sections():
    # trafilatura takes what was said for the article and leaves the numbered voices ("Voz 1 00:10")
    # out; the summary stands outside it. The voice over the main text's first line says it is a
    # transcript, and the sections find the summary.
    page, summary = _radio_page("article")
    ep = _clean(page, explain=True)
    assert _lines(ep.description) == [summary]
    assert all(v.label == "chrome" for v in ep.lines if v.text.startswith(("Voz ", "bienvenidos", "gracias")))


def test_numbered_voices_inside_the_main_text_are_a_transcript():
    page, summary = _radio_page("div")
    ep = _clean(page, explain=True)
    assert summary in _lines(ep.description)
    assert not any(line.startswith(("Voz ", "bienvenidos")) for line in _lines(ep.description))


def _headlines_page(above: list[str]) -> str:
    items = "".join(f"<li><a href='/{n}'>{h}</a></li>" for n, h in enumerate(above))
    return f"""<html><head><title>Episode 42: Tide pools | Saltmarsh Radio</title>
<meta property="og:title" content="Episode 42: Tide pools"></head><body>
<main><article><h4>Don't miss</h4><ul>{items}</ul>
<h1>Episode 42: Tide pools</h1>{''.join(f'<p>{p}</p>' for p in ARTICLE)}</article></main>
<footer><p>{FOOTER[0]}</p></footer></body></html>"""


def test_headlines_above_the_stated_title_in_the_main_text_go():
    headlines = [
        "Kelp forests are moving north with the warm waterPosted 2 hours ago",
        "Will the seals come back to the harbour this spring?Posted 5 hours ago",
        "Whale songs recorded off the coast for the first timePosted 1 day ago",
    ]
    ep = _clean(_headlines_page(headlines), explain=True)
    assert all(v.label == "chrome" for v in ep.lines if v.text in headlines)
    assert _lines(ep.description) == ARTICLE
    assert ep.title == "Episode 42: Tide pools"


def test_a_sentence_above_the_stated_title_keeps_the_main_text_as_it_is():
    # A summary that says a sentence above the title is no list of headlines: nothing above the title goes.
    summary = "A walk along the shore at low tide, with a biologist who has counted its animals for twenty years."
    page = _headlines_page([]).replace("<h4>Don't miss</h4><ul></ul>", f"<p>{summary}</p>")
    ep = _clean(page, explain=True)
    assert _lines(ep.description)[0] == summary
    # Without its full stop the summary reads as a headline: then it goes (the rule is about sentences).
    ep = _clean(page.replace("twenty years.", "twenty years"), explain=True)
    assert summary[:-1] not in _lines(ep.description)


def test_a_players_times_and_seek_buttons_heading_the_main_text_go():
    # The main text opens with the episode's player (times, seek buttons, speed) above the notes:
    # those lines go; the same shapes under the first paragraph are the creator's and stay.
    notes = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island."
    lines = ["Ep. 9: Knots at dawn", "0:00 -48:12", "⏪ 10 seconds", "30 seconds ⏩", "1.0x", "1×", "↺ 15", "↻ 15s", "0:00 –:––", notes, "Chapters:", "0:00 -48:12"]
    verdicts = generic.label_unknown(_blocks(lines), "\n".join(lines))
    labels = {(v.text, v.label) for v in verdicts}
    assert {("0:00 -48:12", "chrome"), ("⏪ 10 seconds", "chrome"), ("30 seconds ⏩", "chrome"), ("1.0x", "chrome"), ("1×", "chrome"), ("↺ 15", "chrome")} <= labels
    assert {("↻ 15s", "chrome"), ("0:00 –:––", "chrome")} <= labels  # seconds with their "s"; an unknown length in en dashes
    assert [v.label for v in verdicts][-3:] == ["content", "content", "content"]


def test_the_sites_menu_that_the_main_text_opens_with_goes_a_nav_under_the_first_paragraph_stays():
    # trafilatura took the site's <nav> in with the post: its items above the notes' first paragraph
    # go; a <nav> of the creator's chapters under it is the description's.
    notes = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island."
    rows = [
        ("Harbour Institute", "body>nav.navbar>div>a.brand"),
        ("Research", "body>nav.navbar>ul>li>a"),
        ("Knots at dawn", "body>div.episode>h1"),
        (notes, "body>div.episode>p"),
        ("Part one: the crossing", "body>div.episode>nav.chapters>ul>li>a"),
    ]
    blocks = _heading_blocks(rows)
    verdicts = generic.label_unknown(blocks, "\n".join(text for text, _ in rows))
    assert [v.label for v in verdicts] == ["chrome", "chrome", "content", "content", "content"]
    assert "menu" in verdicts[0].reason


NO_PARAGRAPH = """<!doctype html><html><head><meta charset="utf-8">
<title>Low tide at the north pier | Shore Sounds</title></head><body>
<header><a href="/">Shore Sounds</a><nav><a href="/">Home</a> <a href="/archives">Archives</a></nav></header>
<main><article><div class="post-meta">Posted 2023-08-11</div><h1>Low tide at the north pier</h1>
<div class="post-body"><p>North pier, Westhaven harbour</p><p>Handheld recorder, 48kHz/24bit to MP3 at 320kbps</p>
<p>Recorded at 2023/04/04 17:51</p></div></article>
<section class="comments"><h2>Comments</h2><div id="thread"></div></section></main>
<aside><h3>Recent</h3><ul><li><a href="/a">Gulls at dawn</a></li><li><a href="/b">Rain on the tin roof</a></li></ul></aside>
</body></html>"""


def test_a_main_text_without_a_paragraph_still_says_where_the_notes_are():
    # A field recording's notes: short lines, no sentence. Nothing reads as the description's start,
    # so every line the lexicon does not know is kept, but only from the main text's first line to
    # the section heading under it: the site's menu above and its sidebar below go.
    ep = _clean(NO_PARAGRAPH.encode(), explain=True)
    assert _lines(ep.description) == [
        "North pier, Westhaven harbour",
        "Handheld recorder, 48kHz/24bit to MP3 at 320kbps",
        "Recorded at 2023/04/04 17:51",
    ]
    assert ep.title == "Low tide at the north pier"
    dropped = {v.text: v for v in ep.lines if v.label == "chrome"}
    assert dropped["Home Archives"].rule == "generic:above-main-text"
    assert dropped["Gulls at dawn"].rule == "generic:below-main-text" and "'Comments'" in dropped["Gulls at dawn"].reason


def _h1_page(h1: str) -> bytes:
    prose = "In this episode we follow a river from its glacier to the sea, with three hydrologists and a kayak."
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>Tidewater Tales</title></head><body>
<header><a href="/">Tidewater Tales</a><nav><a>Episodes</a> <a>About</a></nav></header>
<main><article><h1>{h1}</h1><p>{prose}</p><p>{prose.replace("river", "lake")}</p></article></main>
<footer><p>© 2025 Tidewater</p></footer></body></html>""".encode()


def test_the_pages_one_h1_is_the_title_where_nothing_else_names_it():
    # The <title> names only the site: the article's one <h1> is the episode's title.
    ep = deboiler.clean(_h1_page("28: Ports Multiplying"), langid_backend="none")
    assert ep.title == "28: Ports Multiplying"
    assert "28: Ports Multiplying" not in ep.description
    # Not interface text or a show's name.
    for h1 in ("Episodes", "The Fermented Food Podcast"):
        assert deboiler.clean(_h1_page(h1), langid_backend="none").title is None, h1


def test_main_text_parted_from_the_first_paragraph_by_the_page_and_saying_no_sentence_goes():
    # trafilatura took a filter of other episodes in with the post; the page's own lines (outside its
    # main text) part it from the notes. Joined to the notes, or saying a sentence, it would stay.
    notes = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island."
    more = "They reach the island at dusk, and the oldest of them ties the boat with a knot none of the others knows."
    others = ["Episode 1", "Knots at noon", "Episode 2", "Knots at night"]
    lines = [*others, "Knots at dawn", "Add to playlist", notes, more]
    main = [*others, notes, more]
    verdicts = generic.label_unknown(_blocks(lines), "\n".join(main))
    assert [v.rule for v in verdicts[:4]] == ["generic:apart-above"] * 4
    assert [v.label for v in verdicts][-2:] == ["content", "content"]
    # One sentence among them: the lines may be the creator's; they stay.
    said = [*others[:3], "Knots at night, and why they hold."]
    verdicts = generic.label_unknown(_blocks([*said, *lines[4:]]), "\n".join([*said, notes, more]))
    assert [v.label for v in verdicts[:4]] == ["content"] * 4
    # More text than the paragraphs under them: the page's own content (a calendar's table).
    rows = [f"Round {n} · Interlagos · {n + 10} March" for n in range(1, 10)]
    verdicts = generic.label_unknown(_blocks([*rows, *lines[4:]]), "\n".join([*rows, notes, more]))
    assert [v.label for v in verdicts[:9]] == ["content"] * 9


def test_a_post_ended_at_a_related_list_loses_its_interface_lines_above_the_list_too():
    # Under the notes, a podcast blog's download and licence lines, then its related episodes: the
    # list's heading ends the main text, and the lines between are the post's, as under any notes.
    from deboiler.stages.sections import end_main_text

    notes = "Drei Seglerinnen überqueren die Bucht in einem geliehenen Boot und streiten über Knoten."
    more = "Sie erreichen die Insel in der Dämmerung, und die Älteste knotet das Boot mit einem unbekannten Knoten fest."
    lines = [notes, more, "Download: mp3 (30 MB) m4a (24 MB)", "Lizenz: CC-BY 4.0", "Mehr zum Thema:", "EP12 Knoten am Mittag"]
    blocks = _blocks(lines)
    verdicts = generic.label_unknown(blocks, "\n".join(lines))
    assert end_main_text(verdicts, blocks)
    assert [v.label for v in verdicts] == ["content", "content", "chrome", "chrome", "chrome", "chrome"]


def test_a_button_word_over_more_of_the_posts_lines_under_its_last_paragraph_stays():
    # "Contato" (also a menu's word) over the creator's contact links: a heading of the post; alone
    # at the end it is the post's button and goes.
    from deboiler.stages.sections import end_main_text

    notes = "Três velejadoras atravessam a baía num barco emprestado e discutem nós durante toda a travessia."
    more = "Chegam à ilha ao anoitecer, e a mais velha amarra o barco com um nó que nenhuma das outras conhece."
    lines = [notes, more, "Contato", "Site: https://pomar.example/"]
    blocks = _blocks(lines)
    verdicts = generic.label_unknown(blocks, "\n".join(lines))
    end_main_text(verdicts, blocks)
    assert [v.label for v in verdicts] == ["content"] * 4
    lines = [notes, more, "Contato"]
    blocks = _blocks(lines)
    verdicts = generic.label_unknown(blocks, "\n".join(lines))
    end_main_text(verdicts, blocks)
    assert [v.label for v in verdicts] == ["content", "content", "chrome"]


def test_a_players_embed_code_printed_as_text_is_no_prose():
    # Long enough for a paragraph, but code: read as the first paragraph it made the page's header
    # above it the description's.
    code = '<iframe src="https://radio.example/embed/audio/468/" width="100%" height="360" frameborder="0" allowfullscreen></iframe>'
    assert not generic.is_prose(code)
    assert generic.is_prose("Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over.")


def test_a_networks_name_heading_the_main_text_stays_an_apps_name_goes():
    # Above the first paragraph, inside the main text: "Apple Podcasts" is a listen-on link, but
    # "Twitter" under a guest's name is the guest's link.
    notes = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island."
    lines = ["Anna Berg", "Twitter", "Apple Podcasts", notes]
    verdicts = generic.label_unknown(_blocks(lines), "\n".join(lines))
    assert [v.label for v in verdicts] == ["content", "content", "chrome", "content"]


def test_a_stated_title_split_where_the_page_prints_both_ends_as_linked_headings():
    # <title> "Harbour Radio - 20: Anna Berg - Knots at dawn"; the theme prints the site's name and
    # the post's title each as a heading made of one link: the longer is the episode's title.
    stated = "Harbour Radio - 20: Anna Berg - Knots at dawn"
    rows = [
        ("Harbour Radio", "html>body>header.site>h1.site-title>a.home"),
        ("20: Anna Berg - Knots at dawn", "html>body>article.episode>header>h2.episode-title>a.permalink"),
        ("Three sailors cross the bay in a borrowed dinghy.", "html>body>article.episode>div>p"),
    ]
    blocks = _heading_blocks(rows)
    assert generic.split_stated_title(stated, None, blocks) == {"title": "20: Anna Berg - Knots at dawn"}
    # A link in a paragraph is no heading: nothing is said of which part is which.
    rows[1] = (rows[1][0], "html>body>article.episode>div>p>a")
    blocks = _heading_blocks(rows)
    assert generic.split_stated_title(stated, None, blocks) == {}


def test_card_labels_printed_twice_and_icon_glyphs_inside_the_main_text_go():
    # A list of other episodes inside the main text prints each card's label twice, glued (a visible
    # and a screen-reader copy); an icon font prints its glyph. A rule of "=" or a short word
    # printed twice ("bonbon") is no card's label.
    notes = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island."
    lines = [notes, "Knots at dawnKnots at dawn", "\ue5d4", "bonbon", notes.replace("Three", "Two")]
    verdicts = generic.label_unknown(_blocks(lines), "\n".join(lines))
    assert [v.label for v in verdicts] == ["content", "chrome", "chrome", "content", "content"]
    assert verdicts[1].rule == "generic:residue"
    assert not generic.card_residue("============")


def test_an_icon_glyph_between_main_text_lines_is_not_given_back():
    from deboiler.stages.sections import fill_gaps

    notes = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island."
    more = "They reach the island at dusk, and the eldest ties the boat up with a knot none of the others knows."
    lines = [notes, "\ue5d4", more]
    blocks = _blocks(lines)
    verdicts = generic.label_unknown(blocks, f"{notes}\n{more}")
    assert [v.label for v in verdicts] == ["content", "chrome", "content"]
    sections = [generic.Verdict(b.lineno, b.text, "content", "generic:description", "") for b in blocks]
    fill_gaps(verdicts, sections, blocks)
    assert verdicts[1].label == "chrome"


def test_the_stated_titles_heading_over_the_sections_guess_makes_the_guess_the_lede():
    from deboiler.stages.sections import label_sections

    rows = [
        ("TT #3: Prove you are no robot", "html>body>article.post>header>h1.posttitle"),
        ("Harbour Radio", "html>body>article.post>header>div.meta>span.author"),
        ("The whole show was made by machines!", "html>body>article.post>div.content>p"),
        ("Show Notes", "html>body>article.post>div.content>h2"),
        ("Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island.", "html>body>article.post>div.content>p"),
    ]
    blocks = _heading_blocks(rows)
    blocks.markup = True
    verdicts = label_sections(blocks).verdicts
    assert verdicts[2].label == "title"  # the sections alone take the lede for the title
    assert generic.title_heading_over_guess(verdicts, blocks, rows[0][0])
    assert [v.label for v in verdicts][0] == "title" and verdicts[2].label == "content"
    # Under the heading, a category's link (no paragraph) stays what the sections said.
    rows[2] = ("Seafaring and Sailing Stories", "html>body>article.post>header>ul>li>a")
    blocks = _heading_blocks(rows)
    blocks.markup = True
    verdicts = label_sections(blocks).verdicts
    assert verdicts[2].label == "title"
    assert not generic.title_heading_over_guess(verdicts, blocks, rows[0][0])


def test_a_short_cjk_sentence_ending_in_a_full_stop_is_prose():
    # Latin names fill part of the line, so it holds fewer than PROSE_CJK_CHARS ideographs.
    assert generic.is_prose("satoshun,ymizushi,nabetamaの3人で、プログラミングの上達などについて話しました。")
    assert not generic.is_prose("プログラミングの上達などについて")  # no sentence's end: a heading


def test_a_heading_over_the_notes_inside_the_main_text_goes():
    # trafilatura keeps the page's "Show notes" heading with the notes under it.
    from deboiler.stages.sections import end_main_text

    notes = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island."
    lines = [notes, "Show notes", "0:00 Knots at dawn", "12:40 The island"]
    blocks = _blocks(lines)
    verdicts = generic.label_unknown(blocks, "\n".join(lines))
    end_main_text(verdicts, blocks)
    assert [v.label for v in verdicts] == ["content", "chrome", "content", "content"]


def test_the_titles_part_of_the_page_title_as_a_linked_heading_is_the_title():
    # A post's permalink heading: taken where the <title>'s first part is all it prints of it.
    rows = [
        ("Harbour Radio", "html>body>header>h1.site>a.home"),
        ("50: Knots at dawn", "html>body>div.post>h2.title>a"),
        ("Three sailors cross the bay in a borrowed dinghy.", "html>body>div.post>p"),
    ]
    assert generic.heading_named_title("50: Knots at dawn | Harbour Radio", _heading_blocks(rows), set()) == "50: Knots at dawn"
    # The site's logo link is the <title>'s last part: no title.
    assert generic.heading_named_title("Knots at dawn | Harbour Radio", _heading_blocks(rows[:1] + rows[2:]), set()) is None


def test_a_heading_numbering_the_page_titles_first_part_is_the_title():
    # The <title> gives the title bare and the number last; the page's heading puts the number first.
    rows = [
        ("HARBOUR", "html>body>header>h1"),
        ("Episode 7: Knots at dawn on the bay", "html>body>main>h2"),
        ("Three sailors cross the bay in a borrowed dinghy.", "html>body>main>p"),
    ]
    stated = "Knots at dawn on the bay | Harbour Radio Episode 7"
    assert generic.heading_named_title(stated, _heading_blocks(rows), set()) == "Episode 7: Knots at dawn on the bay"
    # As a post's permalink too; but not a heading that only ends like it, with no episode's mark.
    rows[1] = (rows[1][0], "html>body>main>h2>a")
    assert generic.heading_named_title(stated, _heading_blocks(rows), set()) == "Episode 7: Knots at dawn on the bay"
    rows[1] = ("Tonight: Knots at dawn on the bay", "html>body>main>h2")
    assert generic.heading_named_title(stated, _heading_blocks(rows), set()) is None
    # Nor a first part of a word or two after a bare number, which many headings end with.
    assert generic.heading_named_title("Bay | Harbour Radio", _heading_blocks([("7: Bay", "html>body>h2")]), set()) is None
    # A mark that names itself an episode numbers any part, under the site's logo heading the page.
    logo = [("HARBOUR", "html>body>header>h1"), ("Avsnitt 1: Knots", "html>body>main>h2"), rows[2]]
    assert generic.heading_named_title("Harbour - Knots", _heading_blocks(logo), set()) == "Avsnitt 1: Knots"


def test_a_numbered_page_title_the_page_does_not_print_is_the_title():
    rows = [
        ("Harbour Radio", "html>body>header>div.logo"),
        ("Three sailors cross the bay in a borrowed dinghy.", "html>body>main>p"),
    ]
    blocks = _heading_blocks(rows)
    assert generic.numbered_page_title("3: Knots at dawn with Anna Vale", blocks, set()) == "3: Knots at dawn with Anna Vale"
    assert generic.numbered_page_title("001 - Anna Vale", blocks, set()) == "001 - Anna Vale"
    assert generic.numbered_page_title("Episode 06", blocks, set()) == "Episode 06"
    # No episode's mark: as often the site's or the show's name.
    assert generic.numbered_page_title("harbour_ радио подкаст", blocks, set()) is None
    assert generic.numbered_page_title("Harbour Radio: Episode #1", blocks, set()) is None
    # Printed on the page: its logo, the site's name.
    assert generic.numbered_page_title("Harbour Radio", blocks, set()) is None
    assert generic.numbered_page_title("42 Harbour", _heading_blocks([("42 Harbour", "html>body>header>div")]), set()) is None


def test_the_page_title_names_a_numbered_episode_the_saved_page_prints_nowhere_else():
    page = (
        "<html><head><title>3: Knots at dawn with Anna Vale</title></head><body><header><div>Harbour Radio</div></header>"
        "<main><p>Anna Vale sails across the bay in a borrowed dinghy and argues about knots all the way over to the island.</p>"
        "<p>She tells us how the harbour changed over forty years and which knots still matter to the people who fish there.</p></main></body></html>"
    )
    assert deboiler.clean(page).title == "3: Knots at dawn with Anna Vale"


def test_a_page_title_naming_the_site_twice_leaves_the_lone_h1_the_title():
    rows = [
        ("Harbour Radio", "html>body>nav>a"),
        ("Knots at dawn", "html>body>div.post>h1"),
        ("Three sailors cross the bay in a borrowed dinghy.", "html>body>div.post>p"),
    ]
    assert generic.lone_heading("Harbour Radio - Harbour Radio", _heading_blocks(rows), set()) == "Knots at dawn"
    assert generic.lone_heading("Another Name | Harbour Radio", _heading_blocks(rows), set()) is None


def test_a_short_lead_in_ending_the_main_text_goes():
    from deboiler.stages.sections import end_main_text

    notes = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island."
    lines = [notes, "Hear the whole conversation in our podcast:"]
    blocks = _blocks(lines)
    verdicts = generic.label_unknown(blocks, "\n".join(lines))
    end_main_text(verdicts, blocks)
    assert [v.label for v in verdicts] == ["content", "chrome"] and verdicts[1].rule == "generic:lead-in"


def test_the_notes_links_under_the_posts_audio_and_video_boxes_come_back():
    from deboiler.stages.sections import keep_lists_under_headings, keep_notes_heading_past_media

    post = "html>body>div.content>article.episode"
    notes = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island."
    rows = [
        (notes, f"{post}>div.body>p"),
        ("Audio", f"{post}>div.audio>h4"),
        ("Download", f"{post}>div.audio>div>a"),
        ("Video", f"{post}>div.video>h4"),
        ("Watch", f"{post}>div.video>div>a"),
        ("Links", f"{post}>div.links>h3"),
        ("The knot atlas", f"{post}>div.links>ul>li>a"),
        ("Harbour charts", f"{post}>div.links>ul>li>a"),
        ("© 2015 Harbour Radio", "html>body>div.content>footer"),
    ]
    blocks = _heading_blocks(rows)
    verdicts = generic.label_unknown(blocks, notes)
    keep_notes_heading_past_media(verdicts, blocks)
    keep_lists_under_headings(verdicts, blocks)
    assert [v.label for v in verdicts] == ["content", "chrome", "chrome", "chrome", "chrome", "content", "content", "content", "chrome"]
    # A paragraph between: another part of the page, the heading stays out.
    rows.insert(3, ("We also filmed the crossing; the video has the whole argument about the bowline knot.", f"{post}>div.video>p"))
    blocks = _heading_blocks(rows)
    verdicts = generic.label_unknown(blocks, notes)
    keep_notes_heading_past_media(verdicts, blocks)
    assert verdicts[6].label == "chrome"


def test_player_controls_inside_the_main_text_go_a_plain_time_stays():
    from deboiler.stages.sections import end_main_text

    notes = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island."
    more = "They reach the island at dusk, and the eldest ties the boat up with a knot none of the others knows."
    lines = [notes, "1.0x", "15 seconds back", more]
    blocks = _blocks(lines)
    verdicts = generic.label_unknown(blocks, "\n".join(lines))
    end_main_text(verdicts, blocks)
    assert [v.label for v in verdicts] == ["content", "chrome", "chrome", "content"]
    # A plain time may be a chapter's (its title on the next line); a player's zero is no chapter.
    from deboiler.stages.sections import _PLAIN_CLOCK

    assert _PLAIN_CLOCK.match("12:30") and _PLAIN_CLOCK.match("1:02:03") and not _PLAIN_CLOCK.match("0:00")


def test_a_posts_notes_of_lists_with_no_paragraph_are_its_text():
    # trafilatura keeps a post's notes made of headings and lists (guests, topics): no paragraph, but
    # all inside the <article>, so they are read as the text, not handed to the sections.
    from deboiler.stages.sections import notes_of_a_post

    post = "html>body>div#main>article.hentry>div.entry-content"
    rows = [
        ("Episode 298 - Knots at dawn", "html>body>div#main>article.hentry>header>h1.entry-title"),
        ("Nov 20th, 2025 | Comments", "html>body>div#main>article.hentry>header>p.meta>time"),
        ("Guests", f"{post}>h2"),
        ("@anna Anna Berg", f"{post}>ul>li>a"),
        ("@tom Tom Lund", f"{post}>ul>li>a"),
        ("Topics", f"{post}>h2"),
        ("Who ties the knots?", f"{post}>ul>li"),
        ("The bowline at dawn", f"{post}>ul>li"),
        ("Episode 149 - Harbour lights", "html>body>div#main>aside.sidebar>ul>li>a"),
    ]
    blocks = _heading_blocks(rows)
    verdicts = generic.label_unknown(blocks, "\n".join(text for text, _ in rows[:8]))
    assert notes_of_a_post(verdicts, blocks)  # the post's own header (its title, kept till it is named) too
    assert verdicts[1].label != "content"  # the date: read as the head of the main text, not kept
    # The same lines in no post element, or a few of them only, are no such notes.
    bare = _heading_blocks([(text, path.replace("article.hentry>", "div>")) for text, path in rows])
    assert not notes_of_a_post(generic.label_unknown(bare, "\n".join(text for text, _ in rows[:8])), bare)
    assert not notes_of_a_post(generic.label_unknown(blocks, "\n".join(text for text, _ in rows[:5])), blocks)


def test_an_articles_linked_heading_at_one_end_of_the_stated_title_is_the_title():
    stated = "THE HARBOUR SHOW - EPISODE 1: KNOTS AT DAWN"
    rows = [
        ("EPISODE 1: KNOTS AT DAWN", "html>body>div>article>h1.entry-title>a"),
        ("Three sailors cross the bay in a borrowed dinghy.", "html>body>div>article>p"),
    ]
    assert generic.split_stated_title(stated, None, _heading_blocks(rows)) == {"title": "EPISODE 1: KNOTS AT DAWN"}
    # Outside an article, a linked heading may be a logo's: nothing is said.
    rows[0] = (rows[0][0], "html>body>div>header>h1.logo>a")
    assert generic.split_stated_title(stated, None, _heading_blocks(rows)) == {}


def test_a_heading_ending_in_podcast_is_the_show_not_the_title_and_the_site_name_less_podcast_is_printed():
    rows = [
        ("Harbour Radio Podcast", "html>body>header>h1"),
        ("Three sailors cross the bay in a borrowed dinghy.", "html>body>section>p"),
    ]
    blocks = _heading_blocks(rows)
    assert generic.heading_named_title("Harbour Radio Podcast: Episode #1", blocks, set()) is None
    assert generic.site_named_show("Harbour Radio Podcast: Episode #1", None, blocks, None) == "Harbour Radio Podcast"
    # og:site_name "Hazard Podcast" over a logo that prints "Hazard".
    logo = _heading_blocks([("Hazard", "html>body>nav>ul>li.home>a"), rows[1]])
    assert generic.site_named_show("Hazard Podcast - Toxic Sites", "Hazard Podcast", logo, "Toxic Sites") == "Hazard"


def test_the_shows_name_heading_the_main_text_is_labelled_the_show():
    notes = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island."
    lines = ["Harbour Radio", notes]
    verdicts = generic.label_unknown(_blocks(lines), "\n".join(lines))
    generic.label_title_in_head(verdicts, "Harbour Radio", label="show")
    assert [v.label for v in verdicts] == ["show", "content"]


def test_a_labelled_date_under_the_main_text_in_the_post_is_the_date_of_last_resort():
    from deboiler.stages.sections import fields_under_main_text

    post = "html>body>div.content>article.post"
    notes = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island."
    rows = [(notes, f"{post}>div.body>p"), ("Published: 24.09.2016 13:09:00", f"{post}>div.meta>div"), ("Published: 01.01.2020", "html>body>footer>p")]
    blocks = _heading_blocks(rows)
    verdicts = generic.label_unknown(blocks, notes)
    assert fields_under_main_text(verdicts, blocks) == {"published": "2016-09-24"}
    # Outside the post (the site's footer) nothing is read.
    assert fields_under_main_text(verdicts, _heading_blocks([rows[0], rows[2]])) == {}


def test_notes_lists_above_a_transcript_are_the_notes_and_the_transcript_goes():
    # A show's notes as lists (songs played, names mentioned), then "Transcript" over the interview
    # trafilatura took for the main text: the lists stay, the transcript goes.
    from deboiler.stages.sections import end_main_text

    notes_path = "html>body>div.container>div.row.description>div.col>div>ul>li"
    said = "Harbour Radio: Welcome to the show, and thank you for coming all the way down to the pier today."
    rows = [(f"Song {n} - The Knots", notes_path) for n in range(1, 7)]
    rows += [
        ("Transcript", "html>body>div.container>div.row.transcript>div.col>h2"),
        (said, "html>body>div.container>div.row.transcript>div.col>p"),
        ("Anna Berg: Thanks for having me, it is good to be back at the harbour after such a long winter.", "html>body>div.container>div.row.transcript>div.col>p"),
    ]
    blocks = _heading_blocks(rows)
    main = "\n".join(text for text, _ in rows if text != "Transcript")
    verdicts = generic.label_unknown(blocks, main)
    assert all(v.label == "content" for v in verdicts[:6])  # not dropped as a list apart above the paragraph
    end_main_text(verdicts, blocks)
    assert [v.label for v in verdicts[:6]] == ["content"] * 6
    assert verdicts[7].label == verdicts[8].label == "chrome"


def test_lowercase_speaker_names_over_their_turns_are_a_transcript_from_the_hosts_long_opening():
    # A newspaper's transcript page: each speaker's name alone, in lowercase (its style sheet sets it
    # in capitals), over what they said; the host opens with more paragraphs than a few turns span.
    opening = [
        "I'm Tom Lind. This is the Saltmarsh Show.",
        "Today's guest has counted the animals of the same tide pools for twenty years.",
        "She has seen the pools change with a warming sea, and she has a theory about why.",
        "We talk about crabs, about anemones, and about what a low tide can still teach a scientist.",
        "It is a conversation I have wanted to have for a long time.",
        "Ana Ruiz, welcome to the show.",
    ]
    turns = [
        "ana ruiz", "Great to be here.",
        "tom lind", "What was the first animal that made you want to count them all?",
        "ana ruiz", "A hermit crab, swapping shells with its neighbour in a queue. I was nine years old.",
        "tom lind", "And you never stopped counting after that day on the rocks?",
    ]
    ep = _clean(_post([SUMMARY, "tom lind", *opening, *turns]), explain=True)
    assert _lines(ep.description) == [SUMMARY]
    host = next(v for v in ep.lines if v.text == "tom lind")
    assert host.rule == "generic:transcript"


def test_a_date_line_under_the_main_texts_last_paragraph_goes_a_date_above_more_text_stays():
    # A broadcaster's "Date 23.05.2011" kept with the article under its credits: the page's, not the
    # creator's text; a dated line with a paragraph under it is the text's own (a diary's entry).
    from deboiler.stages.sections import end_main_text

    notes = "Trois navigatrices traversent la baie dans un bateau emprunté et se disputent sur les nœuds."
    credit = "Auteur : Anna Berg"
    lines = [notes, credit, "Date 23.05.2011"]
    blocks = _blocks(lines)
    verdicts = generic.label_unknown(blocks, "\n".join(lines))
    end_main_text(verdicts, blocks)
    assert [v.label for v in verdicts] == ["content", "content", "meta"]
    lines = [notes, "Date 23.05.2011", "Elles arrivent sur l'île au crépuscule, et la plus âgée amarre le bateau avec un nœud inconnu."]
    blocks = _blocks(lines)
    verdicts = generic.label_unknown(blocks, "\n".join(lines))
    end_main_text(verdicts, blocks)
    assert [v.label for v in verdicts] == ["content"] * 3


def test_the_date_line_under_the_main_texts_last_paragraph_dates_the_episode_beside_the_body():
    # A post's template sets "Published 1 Mar 2018" in an element beside its body, not inside it: the
    # line end_main_text took for the episode's date gives the date all the same.
    from deboiler.stages.sections import end_main_text, fields_under_main_text

    inner = "html>body>div.layout>div.post-single>div.post-single__inner"
    notes = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island."
    rows = [(notes, f"{inner}>div.post-single__body>p"), ("Published 1 Mar 2018", f"{inner}>div.post-single__date>em")]
    blocks = _heading_blocks(rows)
    verdicts = generic.label_unknown(blocks, "\n".join(text for text, _ in rows))
    end_main_text(verdicts, blocks)
    assert verdicts[1].label == "meta"
    assert fields_under_main_text(verdicts, blocks) == {"published": "2018-03-01"}


def test_the_notes_list_under_a_notes_heading_that_ends_the_main_text_comes_back():
    # trafilatura keeps a post's text down to its "Show Notes" heading and leaves the list of links
    # under it out (all links); the list stands in the heading's element, the footer does not.
    links = ["The first question, as a post", "Microformats wiki", "The JSON home page", "Loading HTML in a script, a guide"]
    items = "".join(f'<li><a href="https://example.org/{i}">{text}</a></li>' for i, text in enumerate(links))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>JSON or HTML | The Barn</title></head><body>
<div class="container"><div class="navbar"><a class="brand" href="/">The Barn</a><ul class="nav"><li><a href="/p">Publishing</a></li>
<li><a href="/c">Conference</a></li><li><a href="/h">History</a></li></ul></div>
<section><p>Season 1 : Episode 1</p><h1>JSON or HTML</h1><time>October 09, 2012</time>
<p><a href="/e1.mp3">Two developers talk about whether an API should answer in JSON or in HTML with microformats, and why it matters to clients.</a></p>
<p><a href="/e1.mp3">Download MP3</a></p><p><b>Show Notes</b></p><ul>{items}</ul></section></div>
<footer class="container"><ul><li><a href="mailto:barn@example.org">barn@example.org</a></li><li><a href="/t">@thebarn</a></li></ul></footer></body></html>"""
    ep = _clean(page)
    assert _lines(ep.description)[-len(links) :] == links
    assert "Show Notes" not in ep.description and "barn@example.org" not in ep.description
