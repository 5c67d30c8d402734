"""Pass 1: stream every record once and keep, per site, a bounded sample of its pages.

Memory stays flat however large the batch: per site a page count and at most SAMPLE_PAGES pages
(those whose content hash is lowest: a fixed, order-independent and show-mixed sample, where the
first pages of a crawl are often all one show's), pages over SAMPLE_PAGE_BYTES not sampled, at most
MAX_SITES sites tracked and SAMPLE_BYTES of pages held in all. Records without a URL are grouped by
the short chrome lines they share (ChromeGroups), into at most MAX_GROUPS groups.

The survey is deterministic: the same inputs give the same samples in any run, on any machine.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from dataclasses import dataclass, field

from deboiler.batch.sites.keys import chrome_hashes, record_site

SAMPLE_PAGES = 16  # pages learned from per site: learn's induction gains little past a dozen
SAMPLE_PAGE_BYTES = 512 << 10  # a larger page is counted but not sampled
SAMPLE_BYTES = 96 << 20  # pages held by the whole survey
MAX_SITES = 100_000  # sites counted; records of further sites go uncounted (said in the summary)
MAX_GROUPS = 5_000  # groups of URL-less records
MIN_SHARED = 3  # chrome lines a URL-less page shares with a group to join it
SHARED_SHARE = 0.4  # ... and this share of the page's own short lines
MAX_PROFILE = 256  # lines remembered per group
MAX_POSTINGS = 64  # groups an index entry lists: a line every site prints ("Share") says little


@dataclass
class SiteSample:
    key: str  # the host, or "#N" for the N-th group of URL-less pages
    records: int = 0
    first: int = 0  # survey position of the site's first record: sites are learned in input order
    heap: list = field(default_factory=list)  # (-hash, digest, name, page): the SAMPLE_PAGES lowest hashes
    digests: set = field(default_factory=set)

    def offer(self, digest: bytes, name: str, page: bytes | str) -> int:
        """Keep the page if its hash is among the lowest; returns the bytes held more (or fewer)."""
        if digest in self.digests:
            return 0  # the same page again (a crawl's duplicate) counts once
        item = (-int.from_bytes(digest, "big"), digest, name, page)
        if len(self.heap) < SAMPLE_PAGES:
            heapq.heappush(self.heap, item)
            self.digests.add(digest)
            return len(page)
        if item[0] > self.heap[0][0]:  # a lower hash than the highest kept
            _, old, _, dropped = heapq.heapreplace(self.heap, item)
            self.digests.discard(old)
            self.digests.add(digest)
            return len(page) - len(dropped)
        return 0

    def pages(self) -> list[tuple[str, bytes]]:
        """The sampled pages in hash order, as (name, bytes) for learn."""
        return [
            (name, page if isinstance(page, bytes) else page.encode("utf-8", "surrogatepass"))
            for _, _, name, page in sorted(self.heap, reverse=True)
        ]


def _digest_of(page: bytes | str) -> bytes:
    data = page if isinstance(page, bytes) else page.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).digest()


class ChromeGroups:
    """URL-less pages grouped by the chrome lines they share with a group: a group's profile is the
    lines of its pages (at most MAX_PROFILE), so the second show of a site, whose show-named lines
    differ from the first's, still finds the site's navigation, player and footer there."""

    def __init__(self) -> None:
        self.profiles: list[set[int]] = []
        self.index: dict[int, list[int]] = defaultdict(list)

    def group_of(self, page: bytes | str) -> int | None:
        lines = chrome_hashes(page)
        if len(lines) < MIN_SHARED:
            return None
        shared: dict[int, int] = defaultdict(int)
        for h in lines:
            for g in self.index.get(h, ()):
                shared[g] += 1
        need = max(MIN_SHARED, SHARED_SHARE * len(lines))
        # The group sharing the most lines (the first of equals): the same answer in any run.
        best = max(sorted(shared), key=lambda g: shared[g], default=None)
        if best is not None and shared[best] >= need:
            self._extend(best, lines)
            return best
        if len(self.profiles) >= MAX_GROUPS:
            return None
        self.profiles.append(set())
        self._extend(len(self.profiles) - 1, lines)
        return len(self.profiles) - 1

    def _extend(self, g: int, lines: frozenset[int]) -> None:
        profile = self.profiles[g]
        for h in sorted(lines):
            if len(profile) >= MAX_PROFILE:
                break
            if h not in profile:
                profile.add(h)
                postings = self.index[h]
                if len(postings) < MAX_POSTINGS:
                    postings.append(g)


class Survey:
    """What pass 1 keeps: a SiteSample per site, in the order the sites were first seen."""

    def __init__(self) -> None:
        self.sites: dict[str, SiteSample] = {}
        self.groups = ChromeGroups()
        self.records = 0  # pages seen
        self.unsited = 0  # pages with no URL and no chrome shared with another
        self.untracked = 0  # pages of sites past MAX_SITES
        self.held = 0  # bytes of sampled pages

    def add(self, name: str, url: str | None, page: bytes | str, max_bytes: int) -> None:
        self.records += 1
        key = record_site(url, page)
        if key is None:
            group = self.groups.group_of(page)
            if group is None:
                self.unsited += 1
                return
            key = f"#{group + 1}"
        site = self.sites.get(key)
        if site is None:
            if len(self.sites) >= MAX_SITES:
                self.untracked += 1
                return
            site = self.sites[key] = SiteSample(key, first=self.records)
        site.records += 1
        if len(page) <= min(SAMPLE_PAGE_BYTES, max_bytes) and (self.held < SAMPLE_BYTES or len(site.heap) < 2):
            self.held += site.offer(_digest_of(page), name, page)
