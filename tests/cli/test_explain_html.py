"""`deboiler clean PAGE --format html -o FILE`: the explain view as one self-contained, inert page.

Checked without a browser: the page is parsed back with lxml and compared with the Episode itself.
docs/explain_screenshots.py renders it in headless Chromium.
"""

from __future__ import annotations

import subprocess

import lxml.html
import pytest

import deboiler
from deboiler.cli.explain_html import LABELS, render
from tests.helpers.corpora import CORPORA, KOREAN_SEED

UNKNOWN_PAGE = CORPORA / "unknown" / "es_ondaria_faros.html"
# A text dump whose lines hold markup, entities, quotes and characters HTML cannot carry.
HOSTILE = (
    "Episode 12: the tag soup show\n"
    '<script>document.title = "RAN"; fetch("https://evil.example/x")</script>\n'
    "<img src=\"https://evil.example/p.png\" onerror=\"document.title='RAN'\">\n"
    'A line with "quotes", an &amp; entity and </td></tr></table> a closing tag\n'
    "<style>body { display: none }</style> and a bell \x07 here\n"
)


def view(exe: str, page, tmp_path, *extra: str) -> tuple[subprocess.CompletedProcess, str]:
    out = tmp_path / "explain.html"
    proc = subprocess.run([exe, "clean", str(page), "--format", "html", "-o", str(out), *extra], capture_output=True)
    return proc, out.read_text(encoding="utf-8") if out.exists() else ""


def rows(doc) -> list:
    return doc.xpath("//table[@class='lines']/tbody/tr")


@pytest.mark.parametrize("page", [KOREAN_SEED, UNKNOWN_PAGE], ids=["seed", "unknown"])
def test_every_input_line_in_order_coloured_by_its_label_with_rule_and_reason(deboiler_exe, tmp_path, page):
    proc, page_html = view(deboiler_exe, page, tmp_path)
    assert proc.returncode == 0 and proc.stdout == b"", proc.stderr
    ep = deboiler.clean(page.read_bytes(), explain=True)
    doc = lxml.html.fromstring(page_html)
    found = rows(doc)
    assert [r.get("data-label") for r in found] == [v.label for v in ep.lines]
    for row, v in zip(found, ep.lines):
        assert row.get("class") == LABELS[v.label][0]
        assert row.get("title") == f"{v.rule}: {v.reason}"  # on hover
        if v.label != "blank":  # and beside the line
            no, label, text, why = row.xpath("./td")
            assert (no.text_content(), label.text_content(), text.text_content()) == (str(v.lineno), v.label, v.text)
            assert why.text_content() == f"{v.rule} {v.reason}"


def test_the_episode_fields_on_top_and_a_legend_with_counts(deboiler_exe, tmp_path):
    _, page_html = view(deboiler_exe, KOREAN_SEED, tmp_path)
    doc = lxml.html.fromstring(page_html)
    ep = deboiler.clean(KOREAN_SEED.read_bytes(), explain=True)
    shown = {d.get("data-field"): d.xpath("./dd")[0].text_content() for d in doc.xpath("//dl[@class='fields']/div")}
    assert shown["platform"] == "playerfm" and shown["locale"] == "ko" and shown["show"] == ep.show
    assert shown["duration"] == str(ep.duration) and shown["published"] == "–"  # null
    assert doc.xpath("//div[@class='description']")[0].text_content() == ep.description
    legend = {li.text.strip(): int(li.xpath("./span")[0].text) for li in doc.xpath("//ul[@class='legend']/li")}
    assert list(legend) == list(LABELS)
    assert legend == {label: sum(v.label == label for v in ep.lines) for label in LABELS}
    # The fields and the legend come before the lines.
    assert page_html.index('class="fields"') < page_html.index('class="legend"') < page_html.index('class="lines"')


def test_self_contained_nothing_loads_and_nothing_runs(deboiler_exe, tmp_path):
    _, page_html = view(deboiler_exe, UNKNOWN_PAGE, tmp_path)
    doc = lxml.html.fromstring(page_html)
    assert not doc.xpath("//script | //link | //img | //iframe | //object | //embed | //base | //form")
    assert not [el for el in doc.iter() if any(attr.startswith("on") or attr in ("src", "href") for attr in el.attrib)]
    style = doc.xpath("//style")[0].text
    assert "url(" not in style and "@import" not in style and "http" not in style
    [csp] = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp.startswith("default-src 'none'")


def test_a_pages_markup_is_shown_as_text_never_as_elements(tmp_path):
    ep = deboiler.clean(HOSTILE, explain=True)
    page_html = render(ep, '<b>"name".txt</b>')
    doc = lxml.html.fromstring(page_html)
    # Only the view's own elements: no script, image or style in the body, no event handler anywhere.
    assert not doc.xpath("//body//script | //body//img | //body//style | //b")
    assert not [el for el in doc.iter() if any(attr.startswith("on") for attr in el.attrib)]
    texts = [row.xpath("./td")[2].text_content() for row in rows(doc) if row.get("data-label") != "blank"]
    want = [v.text.replace("\x07", "\ufffd") for v in ep.lines if v.label != "blank"]
    assert texts == want and any("<script>" in t for t in texts) and any("</td></tr></table>" in t for t in texts)
    assert doc.xpath("//title")[0].text == 'deboiler explain: <b>"name".txt</b>'
    assert "\x07" not in page_html


def test_lone_surrogates_and_controls_still_make_a_utf8_page():
    ep = deboiler.clean("A title\nbroken \ud800 pair and \x00 nul\n", explain=True)
    render(ep, "x").encode("utf-8")  # would raise on a lone surrogate


def test_without_o_the_page_goes_to_stdout_and_a_bad_output_path_is_one_line_error(deboiler_exe, tmp_path):
    proc = subprocess.run([deboiler_exe, "clean", str(KOREAN_SEED), "-f", "html"], capture_output=True)
    assert proc.returncode == 0 and proc.stdout.startswith(b"<!doctype html>")
    proc, _ = view(deboiler_exe, KOREAN_SEED, tmp_path / "missing" / "folder")
    assert proc.returncode == 73 and proc.stderr.decode().startswith("deboiler: error: cannot write")


def test_o_writes_the_other_formats_too(deboiler_exe, tmp_path):
    out = tmp_path / "ep.json"
    proc = subprocess.run([deboiler_exe, "clean", str(KOREAN_SEED), "-f", "json", "-o", str(out)], capture_output=True)
    assert proc.returncode == 0 and proc.stdout == b""
    assert '"platform": "playerfm"' in out.read_text(encoding="utf-8")
