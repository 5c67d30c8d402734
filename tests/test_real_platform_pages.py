"""Known platforms on their real pages: ../shared/real-pages holds real text dumps of sites deboiler
has a platform file for. Each must be recognised as that platform, read by its template where the
page has the template's anchor, and give exactly the lines of its hand-checked gold description (none
lost, none of the site's kept); the fields must be the gold's, but for the gaps named below. The pages are third-party text, read from beside the repository and never
copied into it; without them the test says so and skips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import deboiler

REAL_PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "real-pages" / "pages"

pytestmark = pytest.mark.skipif(
    not REAL_PAGES.is_dir(), reason=f"the real-page set is not beside the repository ({REAL_PAGES})"
)

# The real-page set's site slug -> the platform that must be detected on every page of that site.
PLATFORM_OF_SITE = {
    "castbox": "castbox",
    "podcastaddict": "podcastaddict",
    "podbean": "podbean",
    "podscripts": "podscripts",
    "podcastapp": "podcastapp",
    "podcastdetails": "podcastdetails",
    "listenstyle": "listenstyle",
    "metacast": "metacast",
    "seznam": "seznam",
    "audioscrape": "audioscrape",
}
# Pages of those sites whose layout has no anchor of the template (podbean.com/site/EpisodeDownload/
# prints neither a date nor a heading): the unknown-site labeller reads them, the platform named.
NO_ANCHOR = {"032-podbean", "087-podbean", "039-podcastdetails", "118-metacast", "030-audioscrape"}
# Dumps that hold the episode's description alone (or with headings as common as "Listen" and
# "Description"): nothing on them names the site, so no platform is detected and the unknown-site
# labeller reads them.
NOTHING_OF_THE_SITE = {
    "100-podcastapp", "111-podcastapp",
    "007-podcastdetails", "011-podcastdetails", "028-podcastdetails", "029-podcastdetails", "124-podcastdetails",
    "114-audioscrape",
}
# Pages not recognised whose unknown-site reading keeps more than the gold (a known gap, not a pass):
# 114 prints no line of Audioscrape's own before its machine chapters and transcript.
KEEPS_MORE = {"114-audioscrape"}
FIELDS = ("title", "show", "published", "duration")
# Fields a template does not read yet, page by page, and why (each one a known gap, not a pass).
KNOWN_FIELD_GAPS = {
    # "07.02.2023" stands for 2 July on this page (month first, dotted): no {date} reads it so.
    "138-podcastapp": {"published"},
}


def _pages(sites: dict[str, str]) -> list[tuple[str, str]]:
    if not REAL_PAGES.is_dir():
        return []
    found = []
    for gold in sorted(REAL_PAGES.glob("*.gold.json")):
        site = json.loads(gold.read_text(encoding="utf-8"))["platform"]
        if site in sites:
            found.append((gold.name[: -len(".gold.json")], sites[site]))
    return found


def check_page(stem: str, platform: str, no_anchor: set[str]) -> None:
    gold = json.loads((REAL_PAGES / f"{stem}.gold.json").read_text(encoding="utf-8"))
    ep = deboiler.clean((REAL_PAGES / f"{stem}.txt").read_bytes(), explain=True, langid_backend="none")
    if stem in NOTHING_OF_THE_SITE:
        platform, no_anchor = None, {stem}
    assert ep.platform == platform, (stem, ep.platform, ep.platform_evidence)
    template_lines = [v for v in ep.lines if v.rule == f"{platform}:description"]
    if stem in no_anchor:
        assert not template_lines, stem
    else:
        assert template_lines, f"{stem}: the {platform} template found no description"
    got = {" ".join(line.split()) for line in ep.description.split("\n") if line.strip()}
    want = {" ".join(line.split()) for line in gold["description"].split("\n") if line.strip()}
    assert not want - got, (stem, "lost", want - got)
    # The platform's own lines stay out too (these pages come out exactly as their gold's lines).
    if stem not in KEEPS_MORE:
        assert not got - want, (stem, "kept", got - want)
    fields = [f for f in FIELDS if f not in KNOWN_FIELD_GAPS.get(stem, ())]
    assert {f: getattr(ep, f) for f in fields} == {f: gold[f] for f in fields}, stem


@pytest.mark.parametrize("stem, platform", _pages(PLATFORM_OF_SITE))
def test_real_page_is_recognised_and_cleaned_by_its_platform(stem: str, platform: str) -> None:
    check_page(stem, platform, NO_ANCHOR)


def test_every_platform_above_has_real_pages() -> None:
    # A renamed site slug in the real-page set must not turn the test above into no test at all.
    assert {platform for _, platform in _pages(PLATFORM_OF_SITE)} == set(PLATFORM_OF_SITE.values())
