"""Which UI locale a host names: a locale subdomain, a country site, or nothing (a show's subdomain)."""

from __future__ import annotations

import pytest

import deboiler
from deboiler.pipeline import default_catalog
from deboiler.stages.detect import _locale_of, choose_locale
from deboiler.stages.load import load
from deboiler.stages.page import read_page


@pytest.mark.parametrize(
    "platform, subdomain, host, want",
    [
        ("playerfm", "ko", "player.fm", "ko"),
        ("playerfm", "zh", "player.fm", "zh-Hans"),  # [host_locales] maps subdomains that are not tags
        ("playerfm", "", "player.fm", "en"),
        ("playerfm", "www", "player.fm", "en"),
        ("playerfm", "sw", "player.fm", "sw"),  # a real language without a phrase file: still named
        ("podbean", "allotmenthour", "podbean.com", "en"),  # a show's subdomain is no language
        ("podbean", "app", "podbean.com", "en"),
        ("podtail", "", "podtail.se", "sv"),  # a country site
        ("podtail", "www", "podtail.se", "sv"),
        ("podtail", "", "podtail.com", "en"),
    ],
)
def test_locale_named_by_host(platform, subdomain, host, want):
    assert _locale_of(default_catalog().get(platform), subdomain, host) == want


def test_show_subdomain_gets_no_votes():
    """A Podbean page with few English phrases must not be read as UI locale 'allotmenthour'."""
    page = read_page(load("Home\nSome episode title\nDownload\n"))
    podbean = default_catalog().get("podbean")
    locale, _ = choose_locale(podbean, page.blocks, _locale_of(podbean, "allotmenthour", "podbean.com"))
    assert locale == "en"


@pytest.mark.parametrize(
    "url, want",
    [
        ("https://podcasts.apple.com/jp/podcast/x/id1?i=2", "ja"),
        ("https://podcasts.apple.com/de/podcast/x/id1?i=2", "de"),
        ("https://podcasts.apple.com/us/podcast/x/id1?i=2", "en"),
        ("https://podcasts.apple.com/xx/podcast/x/id1", "en"),  # a storefront we do not map: the host's default
        ("https://example.org/jp/podcast/x", None),  # another site's URL names nothing
    ],
)
def test_locale_named_by_url_path(url, want):
    """An Apple page with no locale phrase at all still gets its storefront's UI."""
    page = f'<html><head><link rel="canonical" href="{url}"></head><body><p>Title</p><p>Text of the episode.</p></body></html>'
    ep = deboiler.clean(page, platform="applepodcasts" if want else None)
    assert ep.locale == want
