"""Which site a record is from: its URL's host (the record's url field, WARC-Target-URI, or the page's
canonical link or og:url), and for a record with no URL at all, the short chrome lines of its page.

The same function runs in pass 1 (grouping) and in the pass 2 workers (applying), so both agree.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache
from urllib.parse import urlsplit

from tld import get_fld

from deboiler.catalog import formats

HEAD_BYTES = 200_000  # the canonical link and og:url stand in the <head>: no need to search a whole page
_CANONICAL = re.compile(
    rb"<link\b[^>]*?\brel\s*=\s*[\"']?canonical\b[^>]*>|<meta\b[^>]*?\bproperty\s*=\s*[\"']?og:url\b[^>]*>", re.I
)
_HREF = re.compile(rb"\b(?:href|content)\s*=\s*[\"']?(https?://[^\"'\s>]+)", re.I)
_TAG = re.compile(r"<[^>]*>")
_DROPPED_LABELS = ("www", "m", "mobile", "amp")
MAX_CHROME_LINE = 80  # longer lines are prose, not the chrome that says which site a page is from
MAX_CHROME_WORDS = 10


def site_key(url: str | None) -> str | None:
    """The site a URL is on: its registrable domain (kreisab.podigee.io -> podigee.io, ko.player.fm ->
    player.fm: one site, whose UIs and shows learn tells apart), by the public suffix list; for a host
    under a suffix the list does not know, the host without port, `www.`/`m.` or a UI-locale label.
    None for no URL or no host."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    labels = host.lower().rstrip(".").split(".")
    while len(labels) > 2 and (labels[0] in _DROPPED_LABELS or _is_locale(labels[0])):
        labels = labels[1:]
    host = ".".join(labels)
    return _registrable(host) or host


@lru_cache(maxsize=4096)
def _registrable(host: str) -> str | None:
    try:
        return get_fld(host, fix_protocol=True, fail_silently=True)
    except Exception:  # noqa: BLE001 - an odd host (an IP, an IDN the list rejects) keeps its own name
        return None


def _is_locale(label: str) -> bool:
    return bool(re.fullmatch(r"[a-z]{2}(?:-[a-z]{2,4})?", label)) and formats.babel_locale(label) is not None


def page_url(page: bytes | str) -> str | None:
    """The canonical link's (else og:url's) address in an HTML page's head; None for a text dump."""
    head = page[:HEAD_BYTES]
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    if b"<" not in head:
        return None
    for tag in _CANONICAL.finditer(head):
        m = _HREF.search(tag.group(0))
        if m:
            return m.group(1).decode("ascii", "replace")
    return None


def record_site(url: str | None, page: bytes | str) -> str | None:
    """The record's site: its URL field's host, else its page's canonical/og:url host."""
    return site_key(url) or site_key(page_url(page))


def chrome_hashes(page: bytes | str) -> frozenset[int]:
    """Stable hashes of a page's short lines that are not prose (navigation, buttons, footers): what
    pages of one site without a URL share. A text dump's lines as they are; HTML with its tags as
    line breaks (a rough reading, enough to tell sites apart)."""
    text = page if isinstance(page, str) else page.decode("utf-8", "replace")
    if "<" in text[:2000]:
        text = _TAG.sub("\n", text)
    found = set()
    for line in text.splitlines():
        line = " ".join(line.split())
        if 2 <= len(line) <= MAX_CHROME_LINE and len(line.split()) <= MAX_CHROME_WORDS and line[-1] not in ".!?。":
            found.add(zlib.crc32(line.encode("utf-8")))
    return frozenset(found)
