"""sections.fill_gaps: on saved HTML of an unknown site, the description lines trafilatura's main text
left out come back where the sections labeller also calls them the description: in a short gap
between two kept lines, or right after the last one inside the same post (never the site's footer);
and the episode's summary under its title and date when the main text starts below it."""

from __future__ import annotations

import deboiler
from deboiler.stages.blocks import Block, Blocks
from deboiler.stages.sections import (
    HTML_GAP_LINES,
    fill_gaps,
    has_gaps,
    keep_heading_under_main_text,
    keep_lists_under_headings,
    keep_sign_off,
)
from deboiler.stages.verdict import Verdict

POST = "html>body>div#page>article.post>div.entry-content"
FOOTER = "html>body>div#page>footer.site-footer>ul>li"


NOTES_IN_FOOTER = "html>body>div.page>main.content>div>footer.notes"  # a template that prints the notes in a <footer>
_PATHS = {
    "post": POST + ">p",
    "box": POST + ">div.credits>p",
    "foot": FOOTER,
    "item": POST + ">ul>li",
    "head": POST + ">h3",
    "inhead": POST + ">h2.headline>div",  # a heading's text in an element inside it
    "subitem": POST + ">ul>li>ul>li>a",
    "notes": NOTES_IN_FOOTER + ">p",
    "noteslink": NOTES_IN_FOOTER + ">p>a",
    "pagefoot": "html>body>div.page>footer.page-footer>div>a",
    "posttags": "html>body>div#page>article.post>div.article-footer>ul.post-tag>li>a",  # a footer by its class
    "licence": "html>body>div#page>article.post>div.post-tail>div.license-wrapper",
    "share": "html>body>div#page>article.post>div.post-tail>div.share-wrapper>span",
    "tags": "html>body>div#page>article.post>div.post-tail>div.post-tags>a",
}


def _lines(spec: list[tuple[str, str, str]]) -> tuple[list[Verdict], list[Verdict], Blocks]:
    """(text, main text's label, sections' rule) per line, the path from the text's prefix."""
    verdicts, sections, paths = [], [], []
    for n, (text, label, rule) in enumerate(spec, 1):
        if not text:
            verdicts.append(Verdict(n, "", "blank", "blank", "blank line"))
            sections.append(Verdict(n, "", "blank", "blank", "blank line"))
            paths.append("")
            continue
        where, _, words = text.partition(":")
        verdicts.append(Verdict(n, words, label, "generic:main" if label == "content" else "generic:outside-main", ""))
        sections.append(Verdict(n, words, "content" if rule == "desc" else "chrome", "generic:description" if rule == "desc" else "generic:after-description", ""))
        paths.append(_PATHS[where])
    return verdicts, sections, _blocks(verdicts, paths)


def _blocks(verdicts: list[Verdict], paths: list[str]) -> Blocks:
    return Blocks(Block(v.lineno, v.text, v.text, v.text.casefold(), path) for v, path in zip(verdicts, paths))


def kept(verdicts: list[Verdict]) -> list[str]:
    return [v.text for v in verdicts if v.label == "content"]


def test_credits_after_the_main_text_inside_the_post_come_back_the_footer_does_not() -> None:
    verdicts, sections, paths = _lines(
        [
            ("post:We walk the shore at low tide and meet what lives there.", "content", "desc"),
            ("", "", ""),
            ("box:Credits", "chrome", "desc"),
            ("box:Music: Anna Berg", "chrome", "desc"),
            ("foot:About us", "chrome", "desc"),  # the sections labeller ran on into the footer
            ("foot:Contact", "chrome", "desc"),
        ]
    )
    assert has_gaps(verdicts, paths) and not has_gaps(verdicts)
    fill_gaps(verdicts, sections, paths)
    assert kept(verdicts) == ["We walk the shore at low tide and meet what lives there.", "Credits", "Music: Anna Berg"]
    assert "right after the main text" in verdicts[2].reason


def test_the_tail_stops_at_the_posts_footer_tags_share_buttons_or_licence_named_by_their_class() -> None:
    # No <footer> element: a <div class="article-footer"> (the post's tags and pager), "post-tags",
    # "share-wrapper" or "license-wrapper" is the same part of the post.
    for part in ("posttags", "tags", "share", "licence"):
        verdicts, sections, paths = _lines(
            [
                ("post:We walk the shore at low tide and meet what lives there.", "content", "desc"),
                ("box:Music: Anna Berg", "chrome", "desc"),
                (f"{part}:# Tide pools", "chrome", "desc"),
                (f"{part}:This post is licensed under CC BY 4.0 by the author.", "chrome", "desc"),
            ]
        )
        fill_gaps(verdicts, sections, paths)
        assert kept(verdicts) == ["We walk the shore at low tide and meet what lives there.", "Music: Anna Berg"], part


def test_the_tail_stops_where_the_sections_labeller_ends_the_description() -> None:
    verdicts, sections, paths = _lines(
        [
            ("post:We walk the shore at low tide and meet what lives there.", "content", "desc"),
            ("box:Comments (2)", "chrome", "end"),
            ("box:Great episode, thanks for making it.", "chrome", "desc"),
        ]
    )
    fill_gaps(verdicts, sections, paths)
    assert kept(verdicts) == ["We walk the shore at low tide and meet what lives there."]


def test_a_gap_is_counted_in_lines_with_text_not_blank_lines() -> None:
    # A list of links, each in a paragraph of its own, between two paragraphs trafilatura kept.
    links = [(f"post:Link {n}", "chrome", "desc") for n in range(1, HTML_GAP_LINES + 1)]
    spec = [("post:Links for this episode:", "content", "desc")]
    for link in links:
        spec += [("", "", ""), link]
    spec += [("", "", ""), ("post:Music by our friends at the harbour.", "content", "desc")]
    verdicts, sections, paths = _lines(spec)
    fill_gaps(verdicts, sections, paths)
    assert kept(verdicts) == ["Links for this episode:", *[f"Link {n}" for n in range(1, HTML_GAP_LINES + 1)], "Music by our friends at the harbour."]


def test_a_gap_wider_than_the_limit_stays_out() -> None:
    spec = [("post:Links for this episode:", "content", "desc")]
    spec += [(f"post:Link {n}", "chrome", "desc") for n in range(1, HTML_GAP_LINES + 2)]
    spec += [("post:Music by our friends at the harbour.", "content", "desc")]
    verdicts, sections, paths = _lines(spec)
    aside = _blocks(verdicts, [paths[0].path] + ["html>body>aside>p"] * (len(paths) - 1))  # no tail either
    fill_gaps(verdicts, sections, aside)
    assert kept(verdicts) == ["Links for this episode:", "Music by our friends at the harbour."]


def _signed(name: str, where: str = "box") -> list[Verdict]:
    verdicts, _, blocks = _lines(
        [
            ("post:We walk the shore at low tide and meet what lives there.", "content", "desc"),
            ("post:Enjoy the walk.", "content", "desc"),
            ("", "", ""),
            (f"{where}:{name}", "chrome", "end"),
            ("foot:About us", "chrome", "end"),
        ]
    )
    keep_sign_off(verdicts, blocks)
    return verdicts


def test_a_name_signed_under_the_text_in_the_same_element_is_kept() -> None:
    verdicts = _signed("Anna Berg")
    assert kept(verdicts) == ["We walk the shore at low tide and meet what lives there.", "Enjoy the walk.", "Anna Berg"]
    assert verdicts[3].rule == "generic:sign-off"
    # Not a heading in capitals, not a sentence, not a line in the site's footer.
    for name, where in (("LISTEN TO MORE", "box"), ("Read the full story.", "box"), ("Anna Berg", "foot")):
        assert kept(_signed(name, where)) == ["We walk the shore at low tide and meet what lives there.", "Enjoy the walk."], name


SUMMARY = "Three stories about maps: a town that was left off one, a mapmaker who invented a street, and a child who drew her own city from memory."
ACTS = [
    ("Prologue", "A producer finds her grandmother's village missing from every road atlas printed after 1970, and goes looking for the reason."),
    ("Act One", "A retired surveyor admits that the quiet lane on the county map was his own invention, put there to catch anyone who copied his work."),
    ("Act Two", "An eight-year-old draws the whole of her city from memory, and the city's planners find two mistakes in their own maps because of it."),
]


def _segmented_page(summary_html: str) -> bytes:
    # An episode's summary under its title and date, then its segments, each with a teaser: the
    # main text trafilatura finds is the segments' list.
    acts = "".join(
        f'<li><div class="act"><h3>{name}</h3><div class="act-body"><p>{text}</p><span>Play</span> <span>Share</span></div></div></li>'
        for name, text in ACTS
    )
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>412: Maps</title></head><body>
<div class="node node-episode"><div class="top"><h1>412: Maps</h1><div class="date">Mar 20, 2015</div>
{summary_html}<div class="player">00:00 00:00</div><a>Launch Player</a> <a>Tweet</a> <a>Like</a></div>
<div class="content"><ul id="episode-acts">{acts}</ul></div></div></body></html>""".encode()


def test_the_summary_under_the_title_and_date_above_the_main_text_is_kept() -> None:
    ep = deboiler.clean(_segmented_page(f'<div class="description">{SUMMARY}</div>'), explain=True, langid_backend="none")
    assert ep.description.split("\n")[0] == SUMMARY
    kept = next(v for v in ep.lines if v.text == SUMMARY)
    assert kept.rule == "generic:summary" and "title and date" in kept.reason
    assert "Launch Player Tweet Like" not in ep.description


def test_a_pitch_in_a_form_or_a_link_above_the_main_text_is_not_a_summary() -> None:
    for html in (f"<form><p>{SUMMARY}</p></form>", f'<a href="/about">{SUMMARY}</a>'):
        ep = deboiler.clean(_segmented_page(html), langid_backend="none")
        assert SUMMARY not in ep.description


def test_a_list_of_links_under_a_heading_the_main_text_kept_comes_back_whole() -> None:
    # Eight links under "People Mentioned" (more than a gap's limit); the related posts' list in its
    # own element and the footer's list under its own heading stay out.
    paras = [
        "This week we talk with a retired fund manager about the twenty years he spent buying boring companies and why he never sold them.",
        "We cover what he learned from the crash, how he chose whom to trust, and the one mistake he would not make again if he started today.",
        "He also explains why he reads annual reports backwards, starting with the notes, and what a company's footnotes tell you about its managers.",
    ]
    people = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth", "Margaret Hamilton"]
    related = ["How to read a balance sheet in ten minutes", "The quiet investor: a conversation about patience"]
    links = lambda names: "".join(f'<li><a href="/{i}">{name}</a></li>' for i, name in enumerate(names))  # noqa: E731
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>Boring companies | The Long View</title></head><body>
<header><nav><a href="/">Home</a> <a href="/shows">Shows</a></nav></header>
<article class="post"><h1>Boring companies</h1><div class="entry-content">{"".join(f"<p>{p}</p>" for p in paras)}
<h3>People Mentioned</h3><ul>{links(people)}</ul>
<div class="related-posts"><h3>More from the blog</h3><ul>{links(related)}</ul></div>
<p>Posted on: September 13, 2017.</p></div></article>
<footer><div class="block"><h3>Elsewhere</h3><ul>{links(["Liked audios", "Podcast ranking"])}</ul></div></footer></body></html>"""
    ep = deboiler.clean(page.encode(), explain=True, langid_backend="none")
    lines = ep.description.split("\n")
    assert all(name in lines for name in people) and len(people) > HTML_GAP_LINES
    assert not any(name in lines for name in related + ["Liked audios", "Podcast ranking"])
    item = next(v for v in ep.lines if v.text == "Ada Lovelace")
    assert "'People Mentioned'" in item.reason


def test_a_main_text_of_one_header_line_of_fields_holds_no_paragraph():
    # "Audio | 03.05.2021 | Duration: 00:12:10 | Radio 3 - Lea Brandt": many words, no sentence, not long:
    # trafilatura kept only the header's line, so the page's sections must decide.
    from deboiler.stages.sections import opens_with_paragraph

    header = Verdict(1, "Audio | 03.05.2021 | Duration: 00:12:10 | Radio 3 - Lea Brandt", "content", "generic:keep", "")
    assert not opens_with_paragraph([header])
    said = Verdict(2, "The reporter walks the old canal at dawn and meets the people who keep its locks working.", "content", "generic:keep", "")
    assert opens_with_paragraph([header, said])


ARTICLE = "html>body>div.container>article.episode"


def _post_with_heading_under(heading_path: str, heading: str = "Knots", button: str = "") -> tuple[list[Verdict], Blocks]:
    """The main text's one paragraph, maybe a player's button, then a heading and three links
    trafilatura left out, then the footer."""
    spec = [
        ("Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over.", "content", "generic:main", ARTICLE + ">div.notes>p"),
        ("", "blank", "blank", ""),
        *([(button, "chrome", "generic:outside-main", ARTICLE + ">div.audio>a")] if button else []),
        (heading, "chrome", "generic:outside-main", heading_path),
        *[(knot, "chrome", "generic:outside-main", heading_path.rpartition(">")[0] + ">ul>li>a") for knot in ("Bowline", "Clove hitch", "Sheet bend")],
        ("© 2026 Harbour Talk", "chrome", "generic:outside-main", "html>body>footer>p"),
    ]
    verdicts = [Verdict(n, text, label, rule, "") for n, (text, label, rule, _) in enumerate(spec, 1)]
    return verdicts, _blocks(verdicts, [path for *_, path in spec])


def _main_text_lines(rows: list[tuple[str, str, str]]) -> tuple[list[Verdict], Blocks]:
    """(text, the main text's label, tag path) per line: the verdicts and the blocks behind them."""
    verdicts = [Verdict(n, text, label, "generic:main" if label == "content" else "generic:outside-main", "") for n, (text, label, _) in enumerate(rows, 1)]
    return verdicts, _blocks(verdicts, [path for *_, path in rows])


def _sections_say(verdicts: list[Verdict], label: str, rule: str) -> list[Verdict]:
    """The sections labeller's verdicts where it gives every line the same label and rule."""
    return [Verdict(v.lineno, v.text, label, rule, "") for v in verdicts]


def _all_description(verdicts: list[Verdict]) -> list[Verdict]:
    """The sections labeller's verdicts where it calls every line the description."""
    return _sections_say(verdicts, "content", "generic:description")


def _keep_heading_and_list(verdicts: list[Verdict], blocks: Blocks) -> list[str]:
    keep_heading_under_main_text(verdicts, blocks)
    keep_lists_under_headings(verdicts, blocks)
    return kept(verdicts)


def test_a_heading_of_the_post_under_its_main_text_comes_back_with_its_list() -> None:
    # A show's notes: the paragraph trafilatura kept, then the post's own heading over links (one
    # the lexicon does not know, one it knows as a notes heading), maybe under the player's button.
    # A heading the lexicon knows as a notes heading may stand in an element of its own in the post.
    for heading, button, path in [
        ("Knots", "", ARTICLE + ">div.notes>h2#knots"),
        ("Links", "", ARTICLE + ">div.links>h2"),
        ("Knots", "Download", ARTICLE + ">div.notes>h2#knots"),
        ("Links", "Download", ARTICLE + ">div.links>h2"),
    ]:
        verdicts, blocks = _post_with_heading_under(path, heading, button)
        assert _keep_heading_and_list(verdicts, blocks)[1:] == [heading, "Bowline", "Clove hitch", "Sheet bend"]
        assert "under its main text" in next(v for v in verdicts if v.text == heading).reason


def test_a_heading_elsewhere_or_known_as_another_section_stays_out() -> None:
    # In the sidebar, not a heading element, or a heading the lexicon knows as another section's.
    for path, heading, button in [
        ("html>body>aside>h2", "Knots", ""),
        (ARTICLE + ">p.knots", "Knots", ""),
        (ARTICLE + ">h2", "Other episodes", ""),  # a section heading in the lexicon
        (ARTICLE + ">div.related>h2", "Knots", ""),  # in another element of the post, unknown to the lexicon
        (ARTICLE + ">h2", "Knots", "Bowline knot diagram"),  # a line between that is no button
        ("html>body>div.related>h2", "Knots", ""),  # not the main text's post
    ]:
        verdicts, blocks = _post_with_heading_under(path, heading, button)
        assert _keep_heading_and_list(verdicts, blocks) == [verdicts[0].text], (path, heading, button)


def test_a_heading_with_its_permalink_under_a_separator_line_comes_back_with_its_list() -> None:
    # A theme prints "| |" (share links without their icons) under the text and a permalink "#"
    # inside each heading: neither stands between the heading and the post.
    heading_path = ARTICLE + ">div.notes>h3.group"
    spec = [
        ("Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over.", "content", ARTICLE + ">div.notes>p"),
        ("", "blank", ""),
        ("| |", "chrome", ARTICLE + ">div.notes>div"),
        ("Knots", "chrome", heading_path),
        ("#", "chrome", heading_path + ">span>a"),
        *[(knot, "chrome", ARTICLE + ">div.notes>ul>li>p>a") for knot in ("Bowline", "Clove hitch", "Sheet bend")],
        ("© 2026 Harbour Talk", "chrome", "html>body>footer>p"),
    ]
    verdicts, blocks = _main_text_lines(spec)
    assert _keep_heading_and_list(verdicts, blocks)[1:] == ["Knots", "Bowline", "Clove hitch", "Sheet bend"]
    # A line of words between is no separator: the heading stays out.
    spec[2] = ("Share this knot", "chrome", ARTICLE + ">div.notes>div")
    verdicts, blocks = _main_text_lines(spec)
    assert _keep_heading_and_list(verdicts, blocks) == [spec[0][0]]


def test_a_heading_over_no_list_stays_out() -> None:
    verdicts, blocks = _post_with_heading_under(ARTICLE + ">h2")
    for v in verdicts[3:6]:
        v.text = ""
        v.label = "blank"
    blocks = _blocks(verdicts, [b.path for b in blocks][:3] + ["", "", ""] + ["html>body>footer>p"])
    assert _keep_heading_and_list(verdicts, blocks) == [verdicts[0].text]


def test_a_long_run_of_links_inside_one_list_with_kept_items_on_both_sides_comes_back() -> None:
    # The topics of an episode as one nested list; the main text kept some items and left out a run
    # longer than a gap's limit between them.
    links = [f"subitem:Knot number {n}" for n in range(1, HTML_GAP_LINES + 3)]
    verdicts, sections, paths = _lines(
        [("post:Three sailors cross the bay in a borrowed dinghy and argue about knots.", "content", "desc"), ("item:Knots we tied", "content", "desc")]
        + [(link, "chrome", "desc") for link in links]
        + [("item:What the harbour master said", "content", "desc"), ("foot:About us", "chrome", "desc")]
    )
    fill_gaps(verdicts, sections, paths)
    assert kept(verdicts)[2:-1] == [link.partition(":")[2] for link in links]
    assert "About us" not in kept(verdicts)


def test_a_long_gap_that_leaves_the_list_stays_out() -> None:
    # The same run, but the kept line after it stands outside the list: a gap's limit applies.
    links = [f"subitem:Knot number {n}" for n in range(1, HTML_GAP_LINES + 3)]
    verdicts, sections, paths = _lines(
        [("item:Knots we tied", "content", "desc")] + [(link, "chrome", "desc") for link in links] + [("post:What the harbour master said.", "content", "desc")]
    )
    fill_gaps(verdicts, sections, paths)
    assert kept(verdicts) == ["Knots we tied", "What the harbour master said."]


def test_the_tail_inside_a_footer_that_holds_the_notes_comes_back_the_sites_footer_does_not() -> None:
    verdicts, sections, paths = _lines(
        [
            ("notes:Our chat for feedback is on the harbour board.", "content", "desc"),
            ("", "", ""),
            ("noteslink:How to run your own harbour meet-up", "chrome", "desc"),
            ("", "", ""),
            ("pagefoot:The site on the code forge", "chrome", "desc"),
        ]
    )
    fill_gaps(verdicts, sections, paths)
    assert kept(verdicts) == ["Our chat for feedback is on the harbour board.", "How to run your own harbour meet-up"]


def test_a_list_under_a_lead_in_the_main_text_kept_comes_back() -> None:
    # "Links and resources:" is the main text's last line, a paragraph ending in a colon: a list follows.
    verdicts, _, paths = _lines(
        [
            ("post:Three sailors cross the bay in a borrowed dinghy and argue about knots.", "content", "desc"),
            ("post:Links and resources:", "content", "desc"),
            ("item:The knot atlas", "chrome", "end"),
            ("subitem:Transcript", "chrome", "end"),
            ("item:The harbour's own page", "chrome", "end"),
        ]
    )
    keep_lists_under_headings(verdicts, paths)
    assert kept(verdicts)[2:] == ["The knot atlas", "Transcript", "The harbour's own page"]


def test_a_list_under_a_paragraph_that_is_no_lead_in_stays_out() -> None:
    verdicts, _, paths = _lines(
        [("post:Three sailors cross the bay in a borrowed dinghy and argue about knots.", "content", "desc"), ("item:More from the harbour", "chrome", "end")]
    )
    keep_lists_under_headings(verdicts, paths)
    assert kept(verdicts) == ["Three sailors cross the bay in a borrowed dinghy and argue about knots."]


def test_a_sections_name_among_the_main_texts_links_does_not_end_it() -> None:
    # "Transcript" as one link of the notes' list (to the transcript elsewhere) is no heading.
    from deboiler.stages.sections import end_main_text

    verdicts, _, paths = _lines(
        [
            ("post:Three sailors cross the bay in a borrowed dinghy and argue about knots all the way.", "content", "desc"),
            ("post:Links and resources:", "content", "desc"),
            ("item:The knot atlas", "content", "desc"),
            ("subitem:Transcript", "content", "desc"),
            ("item:The harbour's own page", "content", "desc"),
        ]
    )
    end_main_text(verdicts, paths)
    assert kept(verdicts)[-3:] == ["The knot atlas", "Transcript", "The harbour's own page"]
    # The same word as a heading of its own (a paragraph element) still ends the main text.
    verdicts, _, paths = _lines(
        [
            ("post:Three sailors cross the bay in a borrowed dinghy and argue about knots all the way.", "content", "desc"),
            ("post:Transcript", "content", "desc"),
            ("post:Welcome aboard, everyone, the wind is up and so are we this morning.", "content", "desc"),
        ]
    )
    end_main_text(verdicts, paths)
    assert kept(verdicts) == ["Three sailors cross the bay in a borrowed dinghy and argue about knots all the way."]


def test_a_section_of_the_notes_under_its_own_heading_that_the_main_text_skipped_comes_back() -> None:
    # The main text goes on below a whole section it skipped (a heading, two sub-headings, links):
    # more lines than a gap's limit, all in the post.
    skipped = ["head:Around the harbour", "head:Jobs", "item:Harbour master wanted", "item:Deckhand wanted", "head:Get in touch", "item:mail@harbour.example", "item:The harbour board"]
    verdicts, sections, paths = _lines(
        [("item:Tide tables for the spring", "content", "desc")]
        + [(line, "chrome", "desc") for line in skipped]
        + [("post:Thanks to everyone who sent in their knots this week.", "content", "desc"), ("foot:About us", "chrome", "desc")]
    )
    assert len(skipped) > HTML_GAP_LINES
    fill_gaps(verdicts, sections, paths)
    assert kept(verdicts)[1:-1] == [line.partition(":")[2] for line in skipped]


def test_a_wide_gap_that_opens_with_no_heading_stays_out() -> None:
    # A byline, a player's lines and a rating box between two parts of the main text: no heading opens them.
    skipped = ["post:By", "post:Anna Berg", "item:Listen 13:29", "item:Playlist", "item:Toggle more options", "item:Rate this", "item:Thank you"]
    verdicts, sections, paths = _lines(
        [("post:Three sailors cross the bay in a borrowed dinghy.", "content", "desc")]
        + [(line, "chrome", "desc") for line in skipped]
        + [("post:Thanks to everyone who sent in their knots this week.", "content", "desc")]
    )
    fill_gaps(verdicts, sections, paths)
    assert kept(verdicts) == ["Three sailors cross the bay in a borrowed dinghy.", "Thanks to everyone who sent in their knots this week."]


def test_sub_headings_over_lists_under_the_main_text_come_back_up_to_another_sections_heading() -> None:
    # "Top 5" over "Knots:" and its list and "Boats:" and its list, all in the main text's element;
    # then "Other episodes" (a section the lexicon knows) over its list, and an empty "Notes" heading.
    notes = ARTICLE + ">div.notes"
    spec = [
        ("Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over.", "content", notes + ">p"),
        ("Top 5", "chrome", notes + ">h2"),
        ("Knots:", "chrome", notes + ">h3"),
        ("Bowline", "chrome", notes + ">ol>li>a"),
        ("Sheet bend", "chrome", notes + ">ol>li>a"),
        ("Boats:", "chrome", notes + ">h3"),
        ("Dinghy", "chrome", notes + ">ol>li>a"),
        ("Empty heading", "chrome", notes + ">h3"),
        ("Other episodes", "chrome", notes + ">h3"),
        ("Ep. 8: Tides", "chrome", notes + ">ul>li>a"),
    ]
    verdicts, blocks = _main_text_lines(spec)
    assert _keep_heading_and_list(verdicts, blocks)[1:] == ["Top 5", "Knots:", "Bowline", "Sheet bend", "Boats:", "Dinghy"]


def test_a_transcript_heading_the_main_text_left_out_over_what_it_kept_ends_it() -> None:
    # trafilatura kept the summary and the transcript, not the "Transcript" heading between them.
    from deboiler.stages.sections import end_main_text

    summary = "post:Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over."
    said = ["post:Welcome aboard, everyone, the wind is up and so are we this fine morning.", "post:Thanks, it is good to be out on the water with you again."]
    for heading, cut in [("head:Transcript", True), ("inhead:Transcript", True), ("post:Transcript", False), ("head:Knots", False)]:
        verdicts, _, paths = _lines([(summary, "content", "desc"), (heading, "chrome", "end")] + [(line, "content", "desc") for line in said])
        end_main_text(verdicts, paths)
        expected = [summary.partition(":")[2]] + ([] if cut else [line.partition(":")[2] for line in said])
        assert kept(verdicts) == expected, heading


def test_a_notes_heading_over_a_paragraph_of_links_comes_back_with_it_another_heading_does_not() -> None:
    # "Links" (a notes heading the lexicon knows) over one paragraph of links, then the tags box.
    for heading, back in [("Links", True), ("Knots", False)]:
        spec = [
            ("Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over.", "content", ARTICLE + ">p"),
            (heading, "chrome", ARTICLE + ">h2"),
            ("harbour.example, Instagram, the knot atlas", "chrome", ARTICLE + ">p>a"),
            ("Tags:", "chrome", "html>body>main>div.tags>h3"),
        ]
        verdicts, blocks = _main_text_lines(spec)
        expected = [spec[0][0]] + ([heading, "harbour.example, Instagram, the knot atlas"] if back else [])
        assert _keep_heading_and_list(verdicts, blocks) == expected, heading


def test_a_tail_that_opens_with_a_heading_goes_on_past_the_limit_through_its_sections_lists() -> None:
    # The notes' sections after the main text: "Films" over its list, "Games" over its list ...,
    # more lines than the limit, all headings and list items of one element; the footer stays out.
    notes = ARTICLE + ">div#notes"
    rows = [("Three sailors cross the bay in a borrowed dinghy and argue about knots.", "content", "desc", notes + ">p")]
    for section in ("Films", "Games", "Books"):
        rows.append((section, "chrome", "desc", notes + ">h3"))
        rows += [(f"{section} item {n}", "chrome", "desc", notes + ">ul>li>a") for n in (1, 2, 3)]
    rows.append(("About us", "chrome", "desc", FOOTER))
    verdicts, blocks = _main_text_lines([(text, label, path) for text, label, _, path in rows])
    sections = [Verdict(n, text, "content" if rule == "desc" else "chrome", "generic:description" if rule == "desc" else "generic:after-description", "") for n, (text, _, rule, _) in enumerate(rows, 1)]
    fill_gaps(verdicts, sections, blocks)
    assert kept(verdicts) == [text for text, *_ in rows[:-1]]
    # Opening with a paragraph instead, the tail stops at the limit.
    rows[1] = ("Films and more", "chrome", "desc", notes + ">p")
    verdicts, blocks = _main_text_lines([(text, label, path) for text, label, _, path in rows])
    fill_gaps(verdicts, sections, blocks)
    assert len(kept(verdicts)) == 1 + HTML_GAP_LINES


def test_a_list_under_a_kept_heading_comes_back_past_the_items_already_kept() -> None:
    # The lines after the main text took the heading and the list's first items; the rest comes too.
    verdicts, _, paths = _lines(
        [
            ("post:Three sailors cross the bay in a borrowed dinghy and argue about knots.", "content", "desc"),
            ("head:Knots", "content", "desc"),
            ("item:Bowline", "content", "desc"),
            ("item:Clove hitch", "chrome", "end"),
            ("item:Sheet bend", "chrome", "end"),
            ("foot:About us", "chrome", "end"),
        ]
    )
    keep_lists_under_headings(verdicts, paths)
    assert kept(verdicts)[1:] == ["Knots", "Bowline", "Clove hitch", "Sheet bend"]


def test_a_wide_run_of_one_kind_of_line_in_the_element_of_both_kept_lines_comes_back() -> None:
    # "SHOW NOTES" and a paragraph after it kept, the list of links between them left out: more
    # lines than a gap's limit, all items of one list in the element both kept paragraphs stand in.
    links = [f"item:Story number {n} about the harbour" for n in range(1, HTML_GAP_LINES + 3)]
    verdicts, sections, paths = _lines(
        [("post:SHOW NOTES", "content", "desc")]
        + [(link, "chrome", "desc") for link in links]
        + [("post:Follow the show on the harbour board.", "content", "desc"), ("foot:About us", "chrome", "desc")]
    )
    fill_gaps(verdicts, sections, paths)
    assert kept(verdicts) == ["SHOW NOTES", *[link.partition(":")[2] for link in links], "Follow the show on the harbour board."]
    # A run of link paragraphs between two link paragraphs: one tag path all along.
    rows = [(f"Link number {n}", "content" if n in (0, 9) else "chrome", POST + ">p>a") for n in range(10)]
    verdicts, blocks = _main_text_lines(rows)
    sections = _all_description(verdicts)
    fill_gaps(verdicts, sections, blocks)
    assert kept(verdicts) == [text for text, *_ in rows]


def test_a_wide_run_of_one_kind_of_line_elsewhere_stays_out() -> None:
    # The same list, but the kept line after it stands in another element (the page's footer).
    links = [f"item:Story number {n} about the harbour" for n in range(1, HTML_GAP_LINES + 3)]
    verdicts, sections, paths = _lines(
        [("post:SHOW NOTES", "content", "desc")] + [(link, "chrome", "desc") for link in links] + [("foot:About us", "content", "desc")]
    )
    fill_gaps(verdicts, sections, paths)
    assert kept(verdicts) == ["SHOW NOTES", "About us"]


def test_a_tail_on_a_page_with_no_post_element_stays_in_the_section_of_the_last_kept_item() -> None:
    # No <article> or <main>: the last kept line is a link in a list, and the notes go on in the
    # element that holds the list (a heading, a paragraph, another list); the footer stays out,
    # also where it stands right inside the element the post is taken to be.
    section = "html>body>div.container>div.section"
    rows = [
        ("Three sailors cross the bay in a borrowed dinghy and argue about knots.", "content", section + ">p"),
        ("Bowline, the king of knots", "content", section + ">ul.keywords>li>a"),
        ("Odd ones", "chrome", section + ">h2"),
        ("Two knots nobody could untie", "chrome", section + ">p"),
        ("The harbour master's knot", "chrome", section + ">ul.keywords>li>a"),
        ("© 2025 Harbour Radio", "chrome", "html>body>div.container>footer>small"),
        ("Back to all episodes", "chrome", "html>body>div.footer>p>a"),
    ]
    verdicts, blocks = _main_text_lines(rows)
    sections = _all_description(verdicts)
    assert has_gaps(verdicts, blocks)
    fill_gaps(verdicts, sections, blocks)
    assert kept(verdicts) == [text for text, *_ in rows[:5]]


def test_a_list_with_classes_under_a_lead_in_wrapped_in_a_span_comes_back() -> None:
    # An exported document's markup: the lead-in's text in a <span> of its <p>, the list a <ul> with
    # classes, each item's link in a span. The list still stands in the lead-in's own element.
    notes = ARTICLE + ">div.writeup"
    rows = [
        ("Three sailors cross the bay in a borrowed dinghy and argue about knots.", "content", notes + ">p.c9>span.c1"),
        ("Other resources:", "content", notes + ">p.c9>span.c1"),
        ("The knot atlas", "chrome", notes + ">ul.c8.lst-kix-1>li.c5>span.c4>a.c0"),
        ("The harbour's own page", "chrome", notes + ">ul.c8.lst-kix-1>li.c5>span.c4>a.c0"),
        ("Related posts", "chrome", ARTICLE + ">aside>ul.related>li>a"),
    ]
    verdicts, blocks = _main_text_lines(rows)
    keep_lists_under_headings(verdicts, blocks)
    assert kept(verdicts) == [text for text, *_ in rows[:4]]


def _post_with_wrapped_heading(heading_row: tuple[str, str]) -> tuple[list[Verdict], Blocks]:
    """A utility-class layout: the notes' paragraph, then a box whose heading stands alone in one
    wrapper and whose list stands in the wrapper beside it; then the site's footer."""
    notes = "html>body>div.max-w-xl>div.prose"
    box = "html>body>div.max-w-xl>div.prose.my-6"
    heading, heading_path = heading_row
    rows = [
        ("Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over.", "content", notes + ">div.space-y-8>p"),
        (heading, "chrome", heading_path.replace("BOX", box)),
        ("The knot atlas", "chrome", box + ">div.border-l.pl-4>ul>li>a"),
        ("The harbour's own page", "chrome", box + ">div.border-l.pl-4>ul>li>a"),
        ("© 2026 Harbour Talk", "chrome", "html>body>footer>p"),
    ]
    return _main_text_lines(rows)


def test_a_notes_heading_alone_in_its_wrapper_comes_back_with_the_list_in_the_wrapper_beside_it() -> None:
    verdicts, blocks = _post_with_wrapped_heading(("Links", "BOX>div.flex.items-center>h2"))
    assert _keep_heading_and_list(verdicts, blocks)[1:] == ["Links", "The knot atlas", "The harbour's own page"]
    assert "list under the heading 'Links'" in verdicts[2].reason


def test_a_heading_that_shares_its_wrapper_or_is_no_notes_heading_leaves_the_list_beside_it_out() -> None:
    # A heading the lexicon does not know stands in no element of the main text; a notes heading
    # whose wrapper holds the player's button too is in the player's box, not alone in a wrapper.
    verdicts, blocks = _post_with_wrapped_heading(("Knots", "BOX>div.flex.items-center>h2"))
    assert _keep_heading_and_list(verdicts, blocks) == [verdicts[0].text]
    verdicts, blocks = _post_with_wrapped_heading(("Links", "BOX>div.flex.items-center>h2"))
    verdicts.insert(1, Verdict(2, "Download", "chrome", "generic:outside-main", ""))
    paths = [b.path for b in blocks]
    paths.insert(1, paths[1].replace(">h2", ">a"))
    for n, v in enumerate(verdicts, 1):
        v.lineno = n
    blocks = _blocks(verdicts, paths)
    assert _keep_heading_and_list(verdicts, blocks) == [verdicts[0].text]


def test_a_list_in_the_wrapper_beside_a_kept_heading_alone_in_its_own_comes_back() -> None:
    verdicts, blocks = _post_with_wrapped_heading(("Knots", "BOX>div.flex.items-center>h2"))
    verdicts[1].label = "content"  # the main text kept the heading
    keep_lists_under_headings(verdicts, blocks)
    assert kept(verdicts)[1:] == ["Knots", "The knot atlas", "The harbour's own page"]


def test_the_notes_heading_under_a_main_text_that_runs_on_into_the_transcript_comes_back_with_its_list() -> None:
    # trafilatura's main text is the notes and, past a box of links it left out, the transcript: once
    # the transcript is cut off, the box's heading stands right under what is left and comes back.
    turns = [
        "Welcome back to the harbour, today we talk about knots and the people who tie them for a living.",
        "Thanks for having me, it is good to be here after such a long winter on the water.",
        "So tell us how you started tying knots when you were a child on your father's boat.",
        "My father showed me the bowline first, and I practised it every evening until it was easy.",
        "And what about the clove hitch, which so many of our listeners asked about last week?",
        "The clove hitch is quick to tie but slips under load, so we always back it up with two half hitches.",
    ]
    transcript = "".join(f"<p>{'AB' if n % 2 else 'CD'}: {turn}</p>" for n, turn in enumerate(turns))
    knots = [f"Knot number {n}" for n in range(1, HTML_GAP_LINES + 7)]
    items = "".join(f'<li><a href="https://example.org/{n}">{knot}</a></li>' for n, knot in enumerate(knots))
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>Knots | Harbour Talk</title></head><body>
<header><nav><a href="/">Home</a> <a href="/episodes">Episodes</a></nav></header>
<div class="hero"><h1>Knots</h1></div>
<div class="max-w-xl"><div class="prose"><div class="space-y-8">
<p>Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over to the island.</p>
<p>We also visit the rope maker on the quay, who explains why a good rope lasts a lifetime.</p></div></div>
<div class="prose my-6"><div class="flex items-center"><h2>Links</h2></div><div class="border-l pl-4"><ul>{items}</ul></div></div>
<div class="prose my-6"><h2>Transcript</h2><div class="transcript">{transcript}</div></div>
</div><footer><p>© 2026 Harbour Talk</p></footer></body></html>"""
    ep = deboiler.clean(page.encode(), langid_backend="none")
    assert [line for line in ep.description.split("\n") if line][2:] == ["Links", *knots]


def test_labelled_points_in_the_notes_list_are_no_transcript_the_same_lines_as_paragraphs_are() -> None:
    # "Pro: ..." / "Con: ..." as items of the notes' list are the creator's points; as paragraphs
    # under the summary they read as two speakers taking turns.
    from deboiler.stages.sections import end_main_text

    summary = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over."
    points = [
        "Pro: Easy to untie after a load, the sailor's favourite knot.",
        "Con: Quick to tie around a post but slips when pulled sideways.",
        "Con: Strong enough for a mooring line in the harbour.",
        "Pro: Best backed up with two half hitches on a long night.",
    ]
    for path, cut in [(ARTICLE + ">div.notes>ul>li", False), (ARTICLE + ">div.notes>p", True)]:
        rows = [(summary, "content", ARTICLE + ">div.notes>p")] + [(point, "content", path) for point in points]
        verdicts, blocks = _main_text_lines(rows)
        end_main_text(verdicts, blocks)
        assert kept(verdicts) == ([summary] if cut else [summary, *points]), path


def test_the_list_under_a_description_heading_past_the_players_heading_comes_back_without_the_heading() -> None:
    # The post's header is the main text; below it the player's section, headed by a button the
    # lexicon knows, then "Show notes" over the notes' list: the list is the description, the heading
    # the page's. A heading the lexicon does not know over the player stops the rule.
    main = "html>body>main.container"
    for player_heading, back in [("Listen to the episode", True), ("Our sponsor", False)]:
        rows = [
            ("Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over.", "content", main + ">article.episode-header>p"),
            (player_heading, "chrome", main + ">section.audio-player>h2"),
            ("Show notes", "chrome", main + ">section.show-notes>h2"),
            ("The knot atlas", "chrome", main + ">section.show-notes>ul>li>a"),
            ("Splicing a rope", "chrome", main + ">section.show-notes>ul>li>ul>li"),
            ("© 2026 Harbour Talk", "chrome", "html>body>footer>p"),
        ]
        verdicts, blocks = _main_text_lines(rows)
        keep_heading_under_main_text(verdicts, blocks)
        assert kept(verdicts)[1:] == (["The knot atlas", "Splicing a rope"] if back else []), player_heading


def test_an_app_or_networks_name_between_two_kept_lines_comes_back_though_the_sections_call_it_interface() -> None:
    # A guest's card in the post: "Twitter" under the guest's bio, over the notes. The sections
    # labeller, reading it in the header, calls it a share button; between two lines of the main
    # text it is the creator's link.
    verdicts, sections, paths = _lines(
        [
            ("post:Our guest studied computing and now draws zines about it for beginners.", "content", "after"),
            ("post:Twitter", "chrome", "after"),
            ("post:We talk about teaching, drawing and the jackets she sews with code on them.", "content", "desc"),
        ]
    )
    fill_gaps(verdicts, sections, paths)
    assert kept(verdicts)[1] == "Twitter"


def _sections_say_header(verdicts: list[Verdict]) -> list[Verdict]:
    """The sections labeller's verdicts where it found no description at all (every line its header)."""
    return _sections_say(verdicts, "chrome", "generic:header")


def test_link_only_items_of_the_notes_come_back_between_kept_items_of_the_same_kind() -> None:
    # trafilatura keeps the notes' plain items and drops the ones that are all one link (link-dense),
    # eight of them in a row, more than a gap's limit: in the post, the same kind of block as kept
    # lines, they come back even where the sections labeller found no description.
    notes = ARTICLE + ">div.notes"
    books = [f"Knots and Splices, volume {n}" for n in range(1, 9)]
    spec = [
        ("Topics of the evening", "content", notes + ">ol>li>p"),
        *[(book, "chrome", notes + ">ol>li>p>a") for book in books[:4]],
        *[(book, "chrome", notes + ">ol>li>p>strong>a") for book in books[4:]],
        ("Thanks to the harbour board for the boat.", "content", notes + ">ol>li>p"),
    ]
    verdicts, blocks = _main_text_lines(spec)
    assert len(books) > HTML_GAP_LINES
    assert has_gaps(verdicts, blocks)
    fill_gaps(verdicts, _sections_say_header(verdicts), blocks)
    assert kept(verdicts) == ["Topics of the evening", *books, "Thanks to the harbour board for the boat."]
    assert "between two lines of its main text" in verdicts[1].reason


def test_a_gap_of_captions_plain_lines_other_blocks_or_interface_links_stays_out() -> None:
    notes = ARTICLE + ">div.notes"
    for text, path in [
        ("The dinghy at low tide", notes + ">figure>figcaption"),  # a caption, no link
        ("Anna Berg", notes + ">ol>li>p"),  # plain text of a kept kind: the sections decide it
        ("Knots and Splices", notes + ">div.related>ul>li>a"),  # a link of a kind no kept line is
        ("Share", notes + ">ol>li>p>a"),  # a link the lexicon knows
        ("Knots and Splices", "html>body>div.container>aside>ol>li>p>a"),  # outside the post
    ]:
        spec = [("Topics of the evening", "content", notes + ">ol>li>p"), (text, "chrome", path), ("Thanks to the harbour board.", "content", notes + ">ol>li>p")]
        verdicts, blocks = _main_text_lines(spec)
        fill_gaps(verdicts, _sections_say_header(verdicts), blocks)
        assert kept(verdicts) == ["Topics of the evening", "Thanks to the harbour board."], path


def test_dated_sub_headings_over_lists_under_a_kept_heading_come_back_with_their_lists() -> None:
    # A devlog's notes: "Links" (kept) over its list, then a date per session over that session's
    # links, all in the post's element; trafilatura left out all but the first heading.
    from deboiler.stages.sections import end_main_text

    post = ARTICLE
    spec = [
        ("Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over.", "content", post + ">p"),
        ("Links", "content", post + ">h1"),
        ("Knots and Splices", "chrome", post + ">ul>li>a"),
        ("2018-11-20", "chrome", post + ">h2"),
        ("Bowline", "chrome", post + ">ul>li>a"),
        ("Sheet bend", "chrome", post + ">ul>li>a"),
        ("2018-11-27", "chrome", post + ">h2"),
        ("Clove hitch", "chrome", post + ">ul>li>a"),
        ("Next Post", "chrome", "html>body>div.container>ul.pager>li>a"),
    ]
    verdicts, blocks = _main_text_lines(spec)
    keep_lists_under_headings(verdicts, blocks)
    end_main_text(verdicts, blocks)
    assert kept(verdicts) == [text for text, _, _ in spec[:-1]]


def test_a_lead_in_and_its_web_address_under_the_last_paragraph_in_its_element_come_back() -> None:
    # The post's body ends "Link to the article:" / "https://...": short, link-dense, trafilatura
    # left both out; in the last paragraph's own element they are the creator's. A paragraph the
    # lexicon knows ("Share") stops them; a paragraph of another element is not theirs.
    body = ARTICLE + ">div.content"
    text = "Three sailors cross the bay in a borrowed dinghy and argue about knots all the way over."
    spec = [
        (text, "content", body + ">p"),
        ("The article on knots:", "chrome", body + ">p"),
        ("https://knots.example/bowline", "chrome", body + ">p>a"),
        ("Share", "chrome", body + ">p"),
        ("More from the harbour", "chrome", ARTICLE + ">div.related>p"),
    ]
    verdicts, blocks = _main_text_lines(spec)
    assert has_gaps(verdicts, blocks)
    fill_gaps(verdicts, _sections_say_header(verdicts), blocks)
    assert kept(verdicts) == [text, "The article on knots:", "https://knots.example/bowline"]


STORY = [
    "The harbour master kept a ledger of every boat that left before dawn, and for forty years nobody read it.",
    "When the ledger turned up in a skip behind the old customs house, a local historian spent a winter reading it page by page.",
    "What she found were the names of the families who fished the bay, the weather of each morning, and the catch each boat brought home.",
    "She also found a gap of three weeks in the winter of 1963, when the ice closed the harbour and no boat left at all.",
    "Her book tells the story of those three weeks, and of the people who waited them out in the pubs and kitchens of the town.",
]
DEK = "How did a harbour ledger found in a skip tell the story of a frozen winter? A historian reads forty years of dawns, one page at a time."


def _hero_page(subtitle: str) -> bytes:
    # A podcast's own site: a hero with the episode's label, title, subtitle and summary, then the
    # story as the main text (trafilatura leaves the hero out).
    story = "".join(f"<p>{text}</p>" for text in STORY)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>The Frozen Harbour | Harbour Tales</title></head><body>
<header class="site-header"><a class="brand">Harbour Tales</a><nav><a>Home</a> <a>Episodes</a> <a>RSS</a></nav></header>
<main><section class="hero"><div class="shell"><p class="episode-label">Season One · Episode Four</p><h1>The Frozen Harbour</h1>
{subtitle}<p class="dek">{DEK}</p></div></section>
<section id="story"><div class="shell episode-content"><p class="kicker">The story</p><h2>When the ice came.</h2>{story}</div></section></main></body></html>""".encode()


def test_the_summary_under_the_title_and_its_subtitle_above_the_main_text_is_kept() -> None:
    for subtitle in ("", '<p class="subtitle">The Ledger in the Skip</p>'):
        ep = deboiler.clean(_hero_page(subtitle), explain=True, langid_backend="none")
        kept = next(v for v in ep.lines if v.text == DEK)
        assert kept.label == "content" and kept.rule == "generic:summary", subtitle
        assert STORY[0] in ep.description and "The Ledger in the Skip" not in ep.description


def test_a_sub_heading_right_over_the_main_texts_first_line_in_its_element_comes_back() -> None:
    # The notes open with their own section heading, which trafilatura left out; an "About" heading
    # the lexicon knows, or a heading outside the post's element, stays out.
    for heading, where, back in (("Status of the harbour app", "head", True), ("About", "head", False), ("Status of the harbour app", "foot", False)):
        verdicts, sections, paths = _lines(
            [
                (f"{where}:{heading}", "chrome", "desc"),
                ("", "", ""),
                ("item:The app lists every tide table of the bay again, after a month without them.", "content", "desc"),
            ]
        )
        assert has_gaps(verdicts, paths) == back, heading
        fill_gaps(verdicts, sections, paths)
        assert (heading in kept(verdicts)) == back, (heading, where)


def test_a_credit_right_over_the_main_texts_first_line_in_its_element_comes_back() -> None:
    # "Guest: NAME" over the guest's bio in one box; a credit in another element stays out.
    for where, back in (("box", True), ("post", False)):
        verdicts, sections, paths = _lines(
            [
                (f"{where}:Guest: Anna Berg", "chrome", "desc"),
                ("box:Anna Berg grafts old pear varieties and has planted more than two hundred trees.", "content", "desc"),
            ]
        )
        fill_gaps(verdicts, sections, paths)
        assert ("Guest: Anna Berg" in kept(verdicts)) == back, where


def test_the_summary_in_the_posts_own_header_is_kept_the_sites_header_is_not() -> None:
    # The title and the summary in the post's own <header> inside its <article>, which trafilatura
    # left out above the main text's first line; the same line in the site's <header> is a pitch.
    from deboiler.stages.sections import keep_summary_above

    for header, back in (("html>body>main>article.post>header.post-header", True), ("html>body>header.site", False)):
        spec = [
            ("412: Maps", "chrome", "title", "title", header + ">h1"),
            (SUMMARY, "chrome", "content", "generic:description", header + ">div.post-description"),
            (ACTS[0][1], "content", "content", "generic:description", "html>body>main>article.post>div.content>p"),
        ]
        verdicts = [Verdict(n, text, label, "generic:outside-main" if label == "chrome" else "generic:main", "") for n, (text, label, _, _, _) in enumerate(spec, 1)]
        sections = [Verdict(n, text, label, rule, "") for n, (text, _, label, rule, _) in enumerate(spec, 1)]
        keep_summary_above(verdicts, sections, _blocks(verdicts, [path for *_, path in spec]))
        assert (SUMMARY in kept(verdicts)) == back, header
