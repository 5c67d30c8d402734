"""The compiled HTML renderer (deboiler/_html_render.pyx) against the reference one in html_blocks.py,
and its markup walk against markup.py's lxml one.

The reference renderer is the specification: the compiled one must give the same lines, the same tag
path for each and the same depth flag, on every HTML page we hold (the corpora, the AEB benchmark's
181 real news pages) and on generated markup full of the cases the renderer distinguishes: hidden
elements, closed dialogs, <pre>, <br>, table cells, soft hyphens, comments, odd white space.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deboiler.stages import html_blocks, markup
from deboiler.stages.load import load
from tests.helpers.corpora import ROOT

AEB = ROOT.parent / "shared" / "benchmarks" / "scrapinghub-aeb" / "html"


def reference(root) -> tuple[list[tuple[str, str]], bool]:
    start = html_blocks._start(root)
    lines, too_deep = html_blocks._render(start)
    paths = html_blocks.Paths(start)
    return [(line, paths.of(owner)) for line, owner in lines], too_deep


def compiled(root) -> tuple[list[tuple[str, str]], bool]:
    return html_blocks.compiled.render(html_blocks._start(root))


def markup_by_lxml(root, monkeypatch) -> tuple:
    with monkeypatch.context() as patch:
        patch.setattr(html_blocks, "compiled", None)
        return markup._elements(root)


def test_the_compiled_renderer_is_built():
    # setup.py builds it at install; without it every HTML page takes the slower reference path.
    assert html_blocks.compiled is not None, "deboiler.stages._html_render was not built: pip install -e . needs a C compiler"


def html_pages() -> list[Path]:
    pages = sorted(p for p in (ROOT / "corpora").rglob("*") if p.suffix in (".html", ".htm"))
    aeb = sorted(AEB.glob("*.html.gz")) if AEB.is_dir() else []
    return pages + aeb


def test_there_are_pages_to_compare():
    pages = html_pages()
    assert len([p for p in pages if "corpora" in p.parts]) >= 50
    assert len([p for p in pages if p.suffix == ".gz"]) == (181 if AEB.is_dir() else 0)


@pytest.mark.parametrize("page", html_pages(), ids=lambda p: f"{p.parent.name}/{p.name[:24]}")
def test_same_lines_and_paths_as_the_reference(page, monkeypatch):
    data = page.read_bytes()
    doc = load(gzip.decompress(data) if page.suffix == ".gz" else data)
    root = html_blocks.parse(doc.text)
    assert root is not None
    assert compiled(root) == reference(root)
    assert html_blocks.compiled.markup_elements(root) == markup_by_lxml(root, monkeypatch)


# Markup pieces that exercise every rule of the renderer, nested at random.
TAGS = ["div", "p", "span", "b", "a", "li", "ul", "pre", "td", "tr", "table", "h2", "section", "dialog", "button"]
ATTRS = [
    "",
    ' class="notes  main\tx"',
    ' id=" show-1 extra"',
    " hidden",
    ' aria-hidden="true"',
    ' style="color:red; display: none"',
    ' style="visibility:hidden"',
    " open",
    ' class="a b c d e f g h"',
    ' id=""',
]
TEXTS = st.sampled_from(
    ["Episode 12", "  ", "\n", "\t two\n\nlines ", "soft\u00adhyphen", "zero\u200bwidth", "\ufeffbom", "nb\u00a0sp",
     "한국어 텍스트", "a  b", "", " lead", "trail ", "&amp; &lt;x&gt;", "x\u3000y", "\n\n\ufeff\n", "a \u00ad b", " \u200b ",
     # runs of Chinese or Japanese with newlines inside, at their edges, beside invisible characters
     "初代の音楽。\n\n※ネタバレ", "\n中文\n", "中\u00ad\n文", "x\n中文", "ab\ncd\n中", "\u200b\n中文 \n 文"]
)


HEAD_ITEMS = [
    '<meta property="og:url" content=" https://ko.player.fm/x ">',
    '<meta name="og:title" content="Title &amp; more">',
    "<meta content>",
    '<link rel="Canonical alternate" href="https://example.com/a">',
    "<link href=x>",
    '<time datetime="2024-01-02T10:00">Jan 2</time>',
    "<time>no datetime</time>",
    '<script type="application/ld+json">{"@type": "PodcastEpisode", "name": "N"}</script>',
    "<script type=text/plain></script>",
]


@st.composite
def page_markup(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        kind = draw(st.integers(0, 9))
        if kind <= 3:
            parts.append(draw(TEXTS))
        elif kind == 4:
            parts.append("<br>")
        elif kind == 5:
            parts.append(draw(st.sampled_from(HEAD_ITEMS + ["<img src=x>", "<!-- note -->", "<script>var x = 1;</script>", "<hr>"])))
        else:
            tag = draw(st.sampled_from(TAGS))
            attrs = draw(st.sampled_from(ATTRS))
            parts.append(f"<{tag}{attrs}>{draw(page_markup(depth + 1))}</{tag}>")
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(head=st.lists(st.sampled_from(HEAD_ITEMS), max_size=4).map("".join), body=page_markup())
def test_same_as_the_reference_on_generated_markup(head, body):
    root = html_blocks.parse(f"<html><head><title>t</title>{head}</head><body>{body}</body></html>")
    if root is None:
        return
    assert compiled(root) == reference(root)
    found = html_blocks.compiled.markup_elements(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(html_blocks, "compiled", None)
        assert found == markup._elements(root)


def test_fill_blocks_matches_block_construction():
    lines = [("Episode  12", "body>p"), ("", ""), ("nb\u00a0sp\tx", "body>pre"), ("ÉPISODE", "body>h1")]
    blocks = html_blocks.Blocks()
    html_blocks.compiled.fill_blocks(lines, blocks, html_blocks.Block)
    expected = [
        html_blocks.Block(i, raw, " ".join(raw.split()), " ".join(raw.split()).casefold(), path)
        for i, (raw, path) in enumerate(lines, start=1)
    ]
    assert list(blocks) == expected


def test_the_pipeline_gives_the_same_episode_without_the_compiled_module(monkeypatch):
    # Where the module is not built (no compiler), html_blocks falls back to the reference renderer and
    # markup to lxml's walk: every HTML gold page must come out the same, explain view included.
    import deboiler

    pages = [p for p in (ROOT / "corpora").rglob("*.html")]
    assert len(pages) >= 50
    built = [deboiler.clean(p.read_bytes(), explain=True, langid_backend="none") for p in pages]
    monkeypatch.setattr(html_blocks, "compiled", None)
    fallback = [deboiler.clean(p.read_bytes(), explain=True, langid_backend="none") for p in pages]
    for page, a, b in zip(pages, built, fallback):
        assert a == b, page


@pytest.mark.parametrize(
    "markup",
    [
        "<div>" * 300 + "deep text" + "</div>" * 300,  # past libxml2's depth limit: too_deep must agree
        "<div>" * 250 + "<p>just under<br>the limit</p>" + "</div>" * 250,
        "<p>unclosed <b>bold <i>italic<p>next paragraph<li>item<td>cell",  # libxml2 repairs; both read its tree
        "<pre>  keep\n\n  these\tspaces  </pre>after<pre></pre>",
        "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>",
        "<dialog>closed</dialog><dialog open>open</dialog><div hidden>x</div><p aria-hidden=true>y</p>",
        "<span>a</span> <span>b</span>\u00a0<span>c</span>\u2003<span>d</span>",
    ],
    ids=["too-deep", "just-under", "unclosed", "pre", "table", "hidden", "inline-spaces"],
)
def test_same_as_the_reference_on_hostile_markup(markup):
    root = html_blocks.parse(f"<html><body>{markup}</body></html>")
    assert compiled(root) == reference(root)


def test_long_ids_and_class_names_are_cut_the_same_way_in_both():
    names = ["c" + "x" * 20_000, "é" * 60 + "x", "n" * 100, "a" * 99 + "ü" + "b"]
    page = "<html><body>" + "".join(
        f'<div id="{n}" class="{n} k"><p>level {i}</p>' for i, n in enumerate(names)
    ) + "</div>" * len(names) + "</body></html>"
    root = html_blocks.parse(page)
    assert compiled(root) == reference(root)
    paths = [path for _, path in reference(root)[0]]
    assert max(len(p.encode()) for p in paths) < len(names) * 2 * (html_blocks.MAX_NAME + 8) + 50
    assert "#" + "é" * 50 + ".é" in paths[-1] and "#" + "a" * 99 + ".a" in paths[-1]


def test_deep_markup_with_long_class_names_needs_little_memory():
    import tracemalloc

    page = "<!doctype html><html><body>" + "".join(
        f'<div class="c{d}' + "x" * 20_000 + f'"><p>Line at level {d}.</p>' for d in range(200)
    ) + "</div>" * 200 + "</body></html>"
    root = html_blocks.parse(page)
    tracemalloc.start()
    try:
        lines, _ = compiled(root)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len([line for line, _ in lines if line]) == 200
    assert peak < 50_000_000, peak  # was 800 MB of tag paths
