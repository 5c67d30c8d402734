"""deboiler learn: the training pages, read the way `clean` reads them, and grouped by UI language.

Pages of one UI share their chrome line for line; pages of two UIs share only what no UI translates
(the brand, a copyright line, links). So lines printed on (nearly) every page say nothing about the
UI, and the rest link pages that share them. Each group is then named: by the markup's <html lang>,
by a locale subdomain (ko.player.fm) of the canonical link or of a link its chrome repeats, and else
by the language of its chrome text. Groups given the same name are one UI.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from deboiler.catalog import formats
from deboiler.stages import langid
from deboiler.stages.blocks import Blocks
from deboiler.stages.load import load
from deboiler.stages.markup import Markup
from deboiler.stages.page import read_page

_URL = re.compile(r"https?://\S+")


@dataclass
class TrainingPage:
    name: str  # the file name, for the comments of the written file
    blocks: Blocks
    markup: Markup | None
    locale: str = "und"

    def lines(self) -> dict[str, None]:
        """The page's distinct lines in page order (a dict, not a set: what is counted from them, and
        ties between equal counts, must not depend on the process's string hashing)."""
        return dict.fromkeys(b.text for b in self.blocks if b.text)


def read_training_page(name: str, data: bytes, max_bytes: int) -> TrainingPage:
    page = read_page(load(data, max_bytes=max_bytes))
    return TrainingPage(name, page.blocks, page.markup)


def guess_locales(pages: Sequence[TrainingPage]) -> tuple[str, ...]:
    """Each page's UI as far as the page alone tells it: enough to read dates before the UIs are known."""
    counts = Counter(line for p in pages for line in p.lines())
    return tuple(sorted({_locale_of(pages, [p], counts) for p in range(len(pages))}))


def group_by_locale(pages: Sequence[TrainingPage], shows: Sequence[str | None]) -> list[list[int]]:
    """Set each page's UI locale; return the page indexes of each UI, the largest group first."""
    components = _link_by_shared_chrome(pages, shows)
    counts = Counter(line for p in pages for line in p.lines())
    named: dict[str, list[int]] = defaultdict(list)
    for component in components:
        named[_locale_of(pages, component, counts)].extend(component)
    for tag, members in named.items():
        for p in members:
            pages[p].locale = tag
    return sorted((sorted(m) for m in named.values()), key=lambda m: (-len(m), m))


def _link_by_shared_chrome(pages: Sequence[TrainingPage], shows: Sequence[str | None]) -> list[list[int]]:
    n = len(pages)
    carriers: dict[str, set[int]] = defaultdict(set)
    for p, page in enumerate(pages):
        for line in page.lines():
            carriers[line].add(p)

    # Lines on nearly every page are shared by every UI; lines on one page only are nobody's chrome;
    # lines printed only by the episodes of one show (its name, its sponsor) are the show's, whatever
    # the UI. A page whose show is not known counts as a show of its own.
    def telling(line: str) -> bool:
        on = carriers[line]
        return 2 <= len(on) < 0.9 * n and len({shows[p] or f"#{p}" for p in on}) >= 2

    telling_lines = [{line for line in p.lines() if telling(line)} for p in pages]
    shared = [[len(telling_lines[a] & telling_lines[b]) if a != b else 0 for b in range(n)] for a in range(n)]
    best = [max(row, default=0) for row in shared]
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a in range(n):
        for b in range(a + 1, n):
            # Two episodes of one show in two UIs share a sponsor line or two; pages of one UI share
            # their chrome, which is most of what either page shares with any other.
            if shared[a][b] >= max(2, 0.5 * min(best[a], best[b])):
                parent[root(a)] = root(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for p in range(n):
        groups[root(p)].append(p)
    return list(groups.values())


def _locale_of(pages: Sequence[TrainingPage], members: list[int], counts: Counter) -> str:
    langs = Counter(_primary(pages[p].markup.lang) for p in members if pages[p].markup and pages[p].markup.lang)
    if langs:
        return langs.most_common(1)[0][0]
    subdomains = Counter(
        sub for p in members if pages[p].markup for sub in map(_locale_subdomain, pages[p].markup.hosts) if sub
    )
    if subdomains:
        return subdomains.most_common(1)[0][0]
    # Lines of these pages that recur elsewhere too: the chrome, as far as one group can tell it.
    inside = Counter(line for p in members for line in pages[p].lines())
    chrome = [line for line, c in inside.items() if counts[line] >= 2 and (c >= 2 or len(members) == 1)]
    hosts = Counter(
        sub for line in chrome for url in _URL.findall(line) if (sub := _locale_subdomain(urlsplit(url).hostname))
    )
    if hosts:
        return hosts.most_common(1)[0][0]
    return langid.identify("\n".join(chrome)) or "und"


def _primary(tag: str) -> str:
    parts = tag.replace("_", "-").split("-")
    return tag if parts[0].lower() == "zh" else parts[0].lower()


def _locale_subdomain(host: str | None) -> str | None:
    """ko.player.fm -> ko; www.example.com, example.com -> None."""
    labels = (host or "").lower().split(".")
    if len(labels) < 3 or labels[0] in ("www", "m", "app", "api", "cdn"):
        return None
    first = labels[0]
    if not re.fullmatch(r"[a-z]{2,3}(?:-[a-z]{2,4})?", first) or formats.babel_locale(first) is None:
        return None
    return first
