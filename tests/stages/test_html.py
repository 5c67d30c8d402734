"""HTML input: rendering to lines, markup metadata, and the same Episode as the text dump."""

from __future__ import annotations

import json
import time

import deboiler
import deboiler.errors
from deboiler.stages.html_blocks import html_to_blocks, parse, rendered_text
from deboiler.stages.markup import iso_duration, read_markup
from tests.helpers.corpora import KOREAN_SEED, ROOT, gold_description

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ignored title</title>
<script>document.write("script text")</script><style>p { color: red }</style>
<link rel="canonical" href="https://ko.player.fm/series/mlst/neel-nanda">
<meta property="og:site_name" content="Player FM"><meta property="og:url" content="https://ko.player.fm/x">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "PodcastEpisode",
 "name": "From JSON-LD", "datePublished": "2023-06-18T09:00:00Z", "duration": "PT4H10M",
 "partOfSeries": {"@type": "PodcastSeries", "name": "MLST"}}]}</script></head>
<body><nav><a href="/">Home</a> <a href="/login">Log in</a></nav>
<div hidden>hidden attribute</div><div style="color: blue; display: none">display none</div>
<template><p>template text</p></template><noscript>noscript text</noscript>
<h1>A   heading</h1><div>one<br>two</div><p>Para <b>bold</b> end.</p><pre>keep
lines</pre><ul><li>item</li></ul><time datetime="2024-01-02">Jan 2</time></body></html>"""


def test_rendering_follows_what_a_reader_sees():
    text = rendered_text(parse(PAGE))
    assert text.split("\n") == [
        "Home Log in",
        "",
        "A heading",
        "",
        "one",
        "two",
        "",
        "Para bold end.",
        "",
        "keep",
        "lines",
        "item",
        "Jan 2",
    ]
    for invisible in ("script text", "color: red", "hidden attribute", "display none", "template text", "noscript"):
        assert invisible not in text


def test_blocks_keep_their_tag_path():
    blocks = html_to_blocks(parse(PAGE))
    by_text = {b.text: b.path for b in blocks if b.text}
    assert by_text["Para bold end."] == "body>p"
    assert by_text["item"] == "body>ul>li"


def test_markup_metadata():
    markup = read_markup(parse(PAGE))
    assert markup.hosts == ["ko.player.fm"] and markup.url == "https://ko.player.fm/series/mlst/neel-nanda"
    assert (markup.title, markup.show, markup.published, markup.duration) == (
        "From JSON-LD",
        "MLST",
        "2023-06-18",
        15000,
    )
    assert markup.site_name == "Player FM" and markup.lang == "en"
    assert iso_duration("PT3H42M") == 13320 and iso_duration("P1DT1S") == 86401 and iso_duration("3h") is None


def test_the_posts_stated_date_comes_before_the_first_time_element():
    # A sidebar's <time> stands above the post; the post's article:published_time names its own date.
    page = """<html><head><meta property="article:published_time" content="2019-07-21T18:02:15+00:00"></head>
<body><aside><time datetime="2019-08-24">Latest: Aug 24</time></aside><p>Text.</p></body></html>"""
    markup = read_markup(parse(page))
    assert markup.meta_published == "2019-07-21" and markup.time_datetime == "2019-08-24"
    assert markup.fields()["published"] == "2019-07-21"
    assert read_markup(parse(page.replace("article:published_time", "article:modified_time"))).fields()["published"] == "2019-08-24"


def test_deeply_nested_and_broken_markup_loses_no_text():
    # libxml2 stops building the tree 256 levels down; the flat fallback still reads the text.
    deep = "<div>" * 20000 + "deep text" + "</div>" * 10
    ep = deboiler.clean("<html><body>" + deep + "<p>unclosed <b>tags <i>everywhere", langid_backend="none")
    assert ep.description.split("\n") == ["deep text", "", "unclosed tags everywhere"]


def test_seed_as_simple_html_gives_the_same_episode_as_the_text():
    """The Korean seed, each line a <p> or <div> as a saved page would have it, plus page chrome."""
    lines = KOREAN_SEED.read_text(encoding="utf-8").split("\n")
    body = []
    for line in lines:
        body.append(f"<div>{line}</div>" if line.strip() else "<p></p>")
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><link rel='canonical' href='https://ko.player.fm/series/x/y'>"
        "<script>var x = 'Manage episode 1 series 2';</script></head><body>"
        "<header><a href='/'>Player FM</a><form><input placeholder='검색'></form><a href='/login'>로그인</a></header>"
        + "".join(body)
        + "<div class='modal' hidden><p>숨겨진 대화 상자</p></div></body></html>"
    )
    text_ep = deboiler.clean(KOREAN_SEED.read_bytes())
    html_ep = deboiler.clean(html.encode("utf-8"), explain=True)
    assert html_ep.description == text_ep.description == gold_description(KOREAN_SEED)
    for name in ("platform", "locale", "language", "show", "title", "duration", "episode_count", "ids"):
        assert getattr(html_ep, name) == getattr(text_ep, name), name
    assert "canonical host ko.player.fm" in html_ep.platform_evidence
    assert json.dumps(html_ep.to_dict(), ensure_ascii=False)


def test_declared_legacy_charset_is_read_as_its_superset():
    # "똠" exists in CP949 but not in strict EUC-KR: browsers read "euc-kr" as CP949, and so must we.
    html = (
        '<html><head><meta charset="euc-kr"></head><body><p>똠방각하 이야기, 이번 주 에피소드입니다.</p></body></html>'
    )
    assert (
        deboiler.clean(html.encode("cp949"), langid_backend="none").description
        == "똠방각하 이야기, 이번 주 에피소드입니다."
    )


def test_invisible_characters_and_buttons():
    html = "<body><p>Not&shy;fall&#8203;daten</p><p>&#8203;</p><div><button>Accept all</button><button>Manage</button></div></body>"
    assert rendered_text(parse(html)).split("\n") == ["Notfalldaten", "", "Accept all", "Manage"]


def test_a_closed_dialog_is_not_text_an_open_one_is():
    """Browsers do not render a <dialog> without `open` (a sign-up or cookie modal waiting to be shown)."""
    page = (
        "<html><body><p>Episode text here.</p><dialog id=signup><p>Sign up to Player FM</p></dialog>"
        "<dialog open><p>Open one</p></dialog><DIALOG><p>upper-case and closed</p></DIALOG></body></html>"
    )
    assert rendered_text(parse(page)).split("\n") == ["Episode text here.", "", "Open one"]


def test_canonical_host_detection_agrees_with_the_full_scoring():
    # detect() skips the signature scan when the canonical host names the platform (its weight alone
    # is full confidence); the platform, confidence and host locale must be what scoring every
    # signature line gives.
    from deboiler.dev.evaluate import find_gold
    from deboiler.pipeline import default_catalog
    from deboiler.stages.detect import CANONICAL_WEIGHT, _detect, _score
    from deboiler.stages.load import load
    from deboiler.stages.page import read_page

    assert CANONICAL_WEIGHT >= 1.0
    catalog, checked = default_catalog(), 0
    for page, _ in find_gold([ROOT / "corpora"]):
        if page.suffix != ".html":
            continue
        read = read_page(load(page.read_bytes()))
        if not read.markup or not read.markup.hosts:
            continue
        found = _detect(read.visible_text, read.blocks, catalog, None, read.markup.hosts)
        if found.platform is None:
            continue
        score, evidence, host_locale = _score(found.platform, read.visible_text, read.blocks.folded_text, read.blocks, read.markup.hosts)
        assert (found.confidence, found.host_locale) == (round(score, 3), host_locale), page
        assert set(found.evidence) <= set(evidence), page
        checked += 1
    assert checked >= 40


def test_utf8_bytes_parse_as_the_decoded_text():
    # parse() reads a UTF-8 page's own bytes (Document.utf8) rather than the str: the tree must be the
    # one the str gives, also where the page declares another charset than the one it is in.
    from lxml import etree

    from deboiler.stages.load import load

    wrong_charset = '<html><head><meta charset="iso-8859-1"></head><body><p>한국어 café — “quoted”</p></body></html>'
    doc = load(wrong_charset.encode("utf-8"))
    assert doc.utf8 is not None
    assert rendered_text(parse(doc.text, doc.utf8)) == "한국어 café — “quoted”"
    assert load(wrong_charset.replace("<p>", "\r\n<p>").encode("utf-8")).utf8 is None  # CR taken out: not the same bytes
    pages = [p for p in (ROOT / "corpora").rglob("*.html")]
    compared = 0
    for page in pages:
        doc = load(page.read_bytes())
        if doc.utf8 is not None:
            assert etree.tostring(parse(doc.text, doc.utf8)) == etree.tostring(parse(doc.text)), page
            compared += 1
    assert compared >= 40


def test_the_canonical_host_outweighs_another_platform_quoted_in_the_text():
    # A page that says it is Podchaser's (canonical link) but quotes a whole Player FM page, host and
    # signature lines included, in its body: where the page was served from decides.
    import html as html_lib

    quoted = "".join(f"<p>{html_lib.escape(line)}</p>" for line in KOREAN_SEED.read_text(encoding="utf-8").split("\n") if line.strip())
    page = (
        "<!DOCTYPE html><html><head><link rel='canonical' href='https://www.podchaser.com/podcasts/x/episodes/y'>"
        f"</head><body>{quoted}<p>https://player.fm/series/x</p></body></html>"
    )
    assert deboiler.clean(KOREAN_SEED.read_bytes()).platform == "playerfm"  # the quote alone is Player FM
    ep = deboiler.clean(page)
    assert ep.platform == "podchaser"
    assert ep.platform_confidence == 1.0
    assert ep.platform_evidence[0] == "canonical host www.podchaser.com"


def test_the_markup_fields_are_the_ones_finish_fields_checks():
    from deboiler.stages.markup import FIELDS, Markup

    assert tuple(Markup().fields()) == FIELDS


LONG = "A" * 2001  # attributes longer than any fixed cap on a tag's length


def test_a_page_with_nothing_visible_is_refused_not_read_as_flat_markup():
    page = (
        f'<!doctype html><html><body><div hidden>Members only notes.</div><script data-x="{LONG}">'
        "stealCookies(document.cookie);</script></body></html>"
    )
    try:
        ep = deboiler.clean(page, langid_backend="none")
    except deboiler.errors.EmptyInput:
        return
    assert "Members only" not in ep.description and "stealCookies" not in ep.description, ep.description


def test_the_flat_fallback_drops_scripts_styles_and_tags_with_long_attributes():
    page = (
        "<!doctype html><html><body>" + "<div>" * 300 + "<p>We talk about things for an hour.</p>"
        f'<script data-x="{LONG}">var SECRET = document.cookie;</script><style data-y="{LONG}">.SECRET {{}}</style>'
        + "</div>" * 300 + "</body></html>"
    )
    blocks = html_to_blocks(parse(page), page)
    assert blocks.flat
    text = "\n".join(b.text for b in blocks)
    assert "We talk about things for an hour." in text
    assert "SECRET" not in text and "<" not in text and "data-" not in text, text


def test_lone_surrogates_in_json_ld_become_replacement_characters():
    page = (
        '<!doctype html><html><head><script type="application/ld+json">{"@type": "PodcastEpisode", '
        '"name": "\\ud800 Ep", "partOfSeries": {"name": "Show \\udfff"}}</script></head><body><h1>Episode Title</h1>'
        "<p>We talk about things for an hour in this episode of the show.</p></body></html>"
    )
    ep = deboiler.clean(page.encode(), langid_backend="none")
    assert ep.title == "\ufffd Ep" and ep.show == "Show \ufffd"
    json.dumps(ep.to_dict(), ensure_ascii=False).encode("utf-8")  # raised UnicodeEncodeError


def test_an_element_with_a_hundred_thousand_attributes_is_read_in_linear_time():
    attrs = " ".join(f'a{i}="v{i}"' for i in range(100_000))
    page = f"<!doctype html><html><body><div {attrs}>Hello</div><p>We talk about things for an hour.</p></body></html>"
    started = time.monotonic()
    ep = deboiler.clean(page, langid_backend="none")
    assert time.monotonic() - started < 6
    assert "We talk about things for an hour." in ep.description


def test_many_canonical_links_are_read_in_linear_time():
    links = "".join(f'<link rel="canonical" href="https://x{i}.example/">' for i in range(60_000))
    page = f"<!doctype html><html><head>{links}</head><body><p>We talk about things for an hour.</p></body></html>"
    started = time.monotonic()
    markup = read_markup(parse(page))
    assert time.monotonic() - started < 1
    assert 0 < len(markup.hosts) <= 16 and markup.url.startswith("https://x")


def test_line_breaks_inside_chinese_or_japanese_text_are_the_authors():
    # A description whose line breaks only its (lost) stylesheet shows (white-space: pre-wrap): in
    # Japanese, a newline in the source ends a line; English text wrapped in the source stays one line.
    page = (
        "<html><body><h1>Old pears</h1><p>古い梨の木について話しています。\n接ぎ木の名人がゲストです！\n\n※ネタバレを含みます</p>"
        "<p>We talk about old pear trees and the people\nwho still graft them in the valley.</p></body></html>"
    )
    lines = [b.text for b in html_to_blocks(parse(page)) if b.text]
    assert lines[1:4] == ["古い梨の木について話しています。", "接ぎ木の名人がゲストです！", "※ネタバレを含みます"]
    assert lines[4] == "We talk about old pear trees and the people who still graft them in the valley."
