"""Metadata a saved HTML page carries in its markup: schema.org JSON-LD, Open Graph, the canonical
link and <time datetime>. Only read here; pipeline.py decides how much to trust it (the visible text
wins where both speak, the markup fills what the text leaves empty).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from deboiler.stages.html_blocks import compiled

EPISODE_TYPES = {"PodcastEpisode", "Episode", "RadioEpisode", "AudioObject"}
_ISO_DURATION = re.compile(
    r"^P(?:(?P<d>\d{1,4})D)?(?:T(?:(?P<h>\d{1,4})H)?(?:(?P<m>\d{1,5})M)?(?:(?P<s>\d{1,6}(?:\.\d{1,6})?)S)?)?$", re.I
)
FIELDS = ("title", "show", "published", "duration")  # the keys of Markup.fields()
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
MAX_JSONLD_CHARS = 1_000_000


MAX_HOSTS = 16  # distinct hosts of canonical links and og:url kept, the canonical ones first
MAX_LINKS = 64  # canonical links read


@dataclass
class Markup:
    url: str | None = None  # canonical link, else og:url
    hosts: list[str] = field(default_factory=list)  # host names of canonical and og:url
    site_name: str | None = None
    og_title: str | None = None
    page_title: str | None = None  # the document's <title>, whitespace collapsed
    lang: str | None = None  # <html lang>
    time_datetime: str | None = None  # first <time datetime>, as an ISO date
    meta_published: str | None = None  # <meta property="article:published_time">, as an ISO date
    # The page's JSON-LD, parsed on first use of title/show/published/duration: on most known-platform
    # pages the visible text names every field, and the JSON was a third of reading the markup.
    json_ld: list[str] = field(default_factory=list, repr=False)
    _episode: dict | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def title(self) -> str | None:  # JSON-LD episode name
        return self._episode_fields()["title"]

    @property
    def show(self) -> str | None:  # JSON-LD partOfSeries name
        return self._episode_fields()["show"]

    @property
    def published(self) -> str | None:  # ISO date
        return self._episode_fields()["published"]

    @property
    def duration(self) -> int | None:  # seconds
        return self._episode_fields()["duration"]

    def _episode_fields(self) -> dict:
        if self._episode is None:
            self._episode = {"title": None, "show": None, "published": None, "duration": None}
            for text in self.json_ld:
                for episode in _episodes(text):
                    _read_episode(self._episode, episode)
        return self._episode

    def naming(self) -> dict:
        """What the generic path reads the page's own header by: the fields, the <title>, the site."""
        return {**self.fields(), "page_title": self.page_title, "site_name": self.site_name}

    def fields(self) -> dict:
        """The Episode fields the markup can fill, keyed as FIELDS (fields.finish_fields asks for them
        only when one of those is empty)."""
        return {
            "title": self.title or self.og_title,
            "show": self.show,
            # The post's own stated date before the first <time> element, which may be a sidebar's.
            "published": self.published or self.meta_published or self.time_datetime,
            "duration": self.duration,
        }


def read_markup(root: etree._Element | None) -> Markup:
    markup = Markup()
    if root is None:
        return markup
    markup.lang = (root.get("lang") or "").strip() or None
    # Metas are read before links, as canonical links must override og:url whatever their order.
    metas, links, times, scripts = _elements(root)
    for prop, name, content in metas:
        prop = (prop or name or "").strip().lower()
        content = (content or "").strip()
        if not content:
            continue
        if prop == "og:site_name":
            markup.site_name = markup.site_name or content
        elif prop == "og:url":
            _add_url(markup, content, canonical=False)
        elif prop == "og:title":
            markup.og_title = markup.og_title or content
        elif prop == "article:published_time":
            markup.meta_published = markup.meta_published or iso_date(content)
    read = 0
    for rel, href in links:
        if "canonical" in (rel or "").lower().split() and href:
            _add_url(markup, href.strip(), canonical=True)
            read += 1
            if read >= MAX_LINKS:  # a page has one; a hostile one has 60,000, each a URL to parse
                break
    for stamp in times:
        date = iso_date(stamp or "")
        if date:
            markup.time_datetime = date
            break
    markup.json_ld = [text for kind, text in scripts if text and (kind or "").strip().lower() == "application/ld+json"]
    title = root.find("head/title")
    if title is not None:
        markup.page_title = " ".join((title.text or "").split()) or None
    return markup


def _elements(root: etree._Element) -> tuple[list, list, list, list]:
    """The attributes read off every <meta> (property, name, content), <link> (rel, href), <time>
    (datetime) and <script> (type, text) in the tree, each kind in document order. One walk in C
    (deboiler.stages._html_render) where it is built, else lxml's."""
    if compiled is not None:
        return compiled.markup_elements(root)
    found: dict[str, list] = {"meta": [], "link": [], "time": [], "script": []}
    for el in root.iter("meta", "link", "time", "script"):
        found[el.tag].append(el)
    return (
        [(el.get("property"), el.get("name"), el.get("content")) for el in found["meta"]],
        [(el.get("rel"), el.get("href")) for el in found["link"]],
        [el.get("datetime") for el in found["time"]],
        [(el.get("type"), el.text) for el in found["script"]],
    )


def _add_url(markup: Markup, url: str, canonical: bool) -> None:
    host = (urlsplit(url).hostname or "").lower()
    if not host:
        return
    if canonical or markup.url is None:
        markup.url = url
    hosts = markup.hosts
    if host in hosts:
        return
    if len(hosts) >= MAX_HOSTS:  # a page names one or two; thousands would make every lookup slow
        if not canonical:
            return
        hosts.pop()  # the canonical host goes first; the last one goes
    hosts.insert(0, host) if canonical else hosts.append(host)


def _episodes(text: str):
    if len(text) > MAX_JSONLD_CHARS:
        return
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            kinds = item.get("@type")
            kinds = {k for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)}
            if kinds & EPISODE_TYPES:
                yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph))


def _read_episode(found: dict, episode: dict) -> None:
    """Fill what `found` (title, show, published, duration) still lacks from one JSON-LD episode."""
    if found["title"] is None and isinstance(episode.get("name"), str):
        found["title"] = _as_text(episode["name"])
    series = episode.get("partOfSeries")
    if isinstance(series, list) and series:
        series = series[0]
    if found["show"] is None and isinstance(series, dict) and isinstance(series.get("name"), str):
        found["show"] = _as_text(series["name"])
    if found["published"] is None:
        found["published"] = iso_date(str(episode.get("datePublished") or episode.get("uploadDate") or ""))
    if found["duration"] is None:
        for key in ("duration", "timeRequired"):
            value = episode.get(key)
            if isinstance(value, str) and (seconds := iso_duration(value)) is not None:
                found["duration"] = seconds
                break


_SURROGATE = re.compile("[\ud800-\udfff]")


def _as_text(value: str) -> str | None:
    """A JSON-LD string as a field, cleaned like page text: white space collapsed, and a lone surrogate
    (a "\\ud800" escape, which no encoder accepts) made U+FFFD as the loader makes it."""
    return " ".join(_SURROGATE.sub("\ufffd", value).split()) or None


def iso_date(text: str) -> str | None:
    """'2024-12-07', '2024-12-07T10:00:00Z' -> '2024-12-07'; anything else -> None."""
    m = _ISO_DATE.match(text)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def iso_duration(text: str) -> int | None:
    """ISO 8601 duration: 'PT3H42M' -> 13320, 'PT4H10M0S' -> 15000, 'P1DT2H' -> 93600."""
    m = _ISO_DURATION.match(text.strip())
    if not m or not any(m.groupdict().values()):
        return None
    d, h, mi, s = (float(m[g]) if m[g] else 0.0 for g in "dhms")
    return int(round(d * 86400 + h * 3600 + mi * 60 + s))
