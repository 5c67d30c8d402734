"""stages.labellers: the labeller is chosen once, from the detection result, and both return a Labelled."""

from __future__ import annotations

from deboiler.options import CleanOptions
from deboiler.pipeline import default_catalog
from deboiler.stages.detect import choose_locale, detect
from deboiler.stages.labelled import Labelled
from deboiler.stages.labellers import choose_labeller, label_known_platform, label_unknown_site
from deboiler.stages.load import load
from deboiler.stages.page import read_page
from tests.helpers.corpora import KOREAN_SEED

UNKNOWN = "\n".join(
    [
        "Sign in",
        "Tide Pools at Dawn",
        "",
        "In this episode we walk the rocky shore at low tide and meet the animals that live between the waves.",
        "",
        "Share",
    ]
)


def _read(data: bytes | str):
    read = read_page(load(data))
    return read, detect(read.visible_text, read.blocks, default_catalog())


def test_a_known_platform_gets_the_template_labeller_with_its_locale():
    read, found = _read(KOREAN_SEED.read_bytes())
    assert choose_labeller(found) is label_known_platform
    labelled = choose_labeller(found)(read, found, CleanOptions())
    assert isinstance(labelled, Labelled) and labelled.locale == "ko" and labelled.regions


def test_an_unknown_site_gets_the_unknown_site_labeller():
    read, found = _read(UNKNOWN)
    assert found.platform is None and choose_labeller(found) is label_unknown_site
    labelled = choose_labeller(found)(read, found, CleanOptions())
    assert isinstance(labelled, Labelled) and labelled.locale is None and labelled.regions == []
    kept = [v.text for v in labelled.verdicts if v.label == "content"]
    assert kept == [UNKNOWN.splitlines()[3]]


def test_a_known_platform_whose_template_finds_no_anchor_is_read_by_the_unknown_site_labeller():
    page = (
        "Tienda\n\nMac\n\niPad\n\nWhy pear trees outlive their owners\n\nAugust 22, 2024 21 mins\n\n"
        "Pear trees planted in 1820 still crop in village orchards; we ask why they last so long.\n\n"
        "More episodes\n\nApple trees and their enemies\n"
    )
    read = read_page(load(page))
    found = detect(read.visible_text, read.blocks, default_catalog(), forced="playerfm")
    assert choose_labeller(found) is label_known_platform
    labelled = label_known_platform(read, found, CleanOptions())
    assert labelled.regions == []
    assert labelled.locale == choose_locale(found.platform, read.blocks, found.host_locale)[0]  # stays named
    kept = [v.text for v in labelled.verdicts if v.label == "content"]
    assert kept == [page.split("\n\n")[5]]


def test_a_dump_that_opens_inside_the_description_is_read_by_the_unknown_site_labeller():
    # The dump lost the header: the description, Audioscrape's closing sections, then its list of
    # other shows' episodes, whose dates are the template's opener. No opener stands above the
    # closing markers, so the template opens no description down there.
    page = (
        "Pear trees planted in 1820 still crop in village orchards; we ask the growers why they last so long.\n"
        "No persons identified in this episode.\n"
        "This episode hasn't been transcribed yet\n"
        "Other recent transcribed episodes\n"
        "Apple trees and their enemies\n"
        "10 Dec 2025\n"
        "The Orchard Hour\n"
        "Grafting in the rain\n"
        "10 Dec 2025\n"
    )
    read = read_page(load(page))
    found = detect(read.visible_text, read.blocks, default_catalog(), forced="audioscrape")
    labelled = label_known_platform(read, found, CleanOptions())
    assert labelled.regions == []
    kept = [v.text for v in labelled.verdicts if v.label == "content"]
    assert kept == [page.splitlines()[0]]
