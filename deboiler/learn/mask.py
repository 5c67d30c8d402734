"""deboiler learn: the values in a line that change from page to page, masked.

A chrome line reads the same on every page of a site but for its values: the show's name, the
episode title, a date, a duration, a count, a link. Each value found is replaced by one placeholder
character of its kind, so "Quiet Hours · Mar 7, 2024 · 1 h 5 min" and "Night Owls · Apr 2, 2024 ·
45 min" become the same key; the values are kept, to tell later which of them vary (slots) and which
do not (literal text). Dates, durations and counts are found with the UI locale's CLDR formats
(formats.py), exactly as the phrases that will be written read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from deboiler.catalog import formats

# Private-use characters: they never occur in a page's text, and each stands for one value.
DATE, DURATION, NUMBER, URL, SHOW, TITLE = "\ue000", "\ue001", "\ue002", "\ue003", "\ue004", "\ue005"
KIND = {DATE: "date", DURATION: "duration", NUMBER: "n", URL: "url", SHOW: "show", TITLE: "title"}
FREE_TEXT = frozenset((SHOW, TITLE))  # values found by matching the page's show and title, not by shape

_URL = re.compile(r"https?://\S+")
_DIGIT = re.compile(r"\d")
# A number stands on its own: not glued to a Latin letter or a digit ("MLST2", "x86"). Scripts that
# glue particles to numbers ("149개") are still read, since only ASCII letters and digits bound it.
# Dates and durations may be glued to the words before them, as PodBud prints its meta line
# ("Plain Law PodcastJanuary 9, 20251h 12m"): their own shape is telling enough; a date's four-digit
# year ends it even where a duration's digits follow.
_BOUNDS = {
    DATE: (r"(?<![0-9])", ""),
    DURATION: (r"(?<![0-9.,:])", r"(?![0-9A-Za-z])"),
    NUMBER: (r"(?<![0-9A-Za-z.,:])", r"(?![0-9A-Za-z])"),
}


@dataclass(frozen=True)
class Masked:
    """A line with its values replaced by placeholders; `values` holds them in order."""

    key: str
    values: tuple[str, ...]

    def original(self, start: int = 0, end: int | None = None) -> str:
        """The line's own text for key[start:end], each placeholder given back its value."""
        end = len(self.key) if end is None else end
        k = sum(1 for ch in self.key[:start] if ch in KIND)
        out = []
        for ch in self.key[start:end]:
            if ch in KIND:
                out.append(self.values[k])
                k += 1
            else:
                out.append(ch)
        return "".join(out)

    def placeholders(self) -> list[tuple[int, str]]:
        """(position in key, placeholder) of each value, in order."""
        return [(i, ch) for i, ch in enumerate(self.key) if ch in KIND]


@lru_cache(maxsize=64)
def _shapes(locales: tuple[str | None, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    # Dates before durations before bare numbers: "Mar 7, 2024" is one date, not a number and a year.
    return tuple(
        (ph, re.compile(f"{_BOUNDS[ph][0]}(?:{source(loc)}){_BOUNDS[ph][1]}", re.IGNORECASE))
        for ph, source in (
            (DATE, formats.date_regex),
            (DURATION, formats.duration_regex),
            (NUMBER, formats.number_regex),
        )
        for loc in locales
    )


def mask(
    text: str, locale: str | tuple[str | None, ...] | None, show: str | None = None, title: str | None = None
) -> Masked:
    """Mask links, then the page's title and show (where known), then dates, durations and numbers read
    the way `locale` (or any of several locales, while the page's UI is not known yet) writes them."""
    locales = locale if isinstance(locale, tuple) else (locale,)
    pieces: list[str | tuple[str, str]] = [text]  # plain text, or (placeholder, value)

    def replace(ph: str, finder) -> None:
        out: list[str | tuple[str, str]] = []
        for piece in pieces:
            if not isinstance(piece, str):
                out.append(piece)
                continue
            at = 0
            for start, end in finder(piece):
                out.extend((piece[at:start], (ph, piece[start:end])))
                at = end
            out.append(piece[at:])
        pieces[:] = [p for p in out if p != ""]

    replace(URL, lambda s: [m.span() for m in _URL.finditer(s)])
    for ph, value in ((TITLE, title), (SHOW, show)):
        if value and len(value) >= 3:
            replace(ph, lambda s, v=value: _occurrences(s, v))
    # Every date, duration and number has a digit: text without one is not searched (most prose).
    for ph, pattern in _shapes(locales):
        replace(
            ph,
            lambda s, p=pattern: [m.span() for m in p.finditer(s) if m.end() > m.start()] if _DIGIT.search(s) else [],
        )
    key = "".join(p if isinstance(p, str) else p[0] for p in pieces)
    return Masked(key, tuple(p[1] for p in pieces if not isinstance(p, str)))


def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    spans, at = [], text.find(value)
    while at >= 0:
        spans.append((at, at + len(value)))
        at = text.find(value, at + len(value))
    return spans


def literal_weight(key: str) -> int:
    """How much fixed text a key holds: its non-space characters, a placeholder counting as a word."""
    return sum(5 if ch in KIND else 1 for ch in key if not ch.isspace())


def is_bare(key: str) -> bool:
    """A key that is nothing but a show or title (and punctuation): no phrase can tell it from any line."""
    if not any(ch in FREE_TEXT for ch in key):
        return False  # "×" alone is a fine phrase
    rest = "".join(ch for ch in key if ch not in FREE_TEXT)
    return not any(ch.isalnum() or ch in KIND for ch in rest)
