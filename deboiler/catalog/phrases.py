"""Compile a data phrase such as "{n} episodes" or "Content provided by {show}. ..." into a line matcher.

Phrases come from platform and lexicon files, never code: literal text is escaped, and each slot becomes
a bounded pattern, so no data file can make a regex that backtracks without limit. A phrase without
slots is matched by dictionary lookup on the case-folded line, which is what most chrome is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from deboiler.catalog import formats

_SLOT = re.compile(r"\{([a-z_]+)\}")

# Free-text slots are lazy and bounded; a line longer than their bound simply does not match.
# {show} and {title} are captured, lazy, 1 to N characters (N below); they may open a phrase (see
# Phrase._match_after_lead, which relies on exactly this shape).
_LEAD_SLOTS = {"show": 300, "title": 500}
# No episode runs a day: a glued "{show}{duration}" split that reads one so has cut the show's own number.
MAX_EPISODE_SECONDS = 24 * 3600
_FREE_TEXT = {
    **{name: f".{{1,{longest}}}?" for name, longest in _LEAD_SLOTS.items()},
    "text": r".{0,3000}?",
}
_FIXED = {
    "url": r"https?://\S{1,1000}",
    "host": r"[\w.-]{1,200}",
    "word": r"[^\s\d]{1,40}",
    "episode_id": r"\d{1,20}",
    "series_id": r"\d{1,20}",
    "id": r"[\w-]{1,64}",
    # A clock time that is no field of the episode: a transcript's or a chapter's mark ("00:09").
    "clock": r"[0-9]{1,2}(?::[0-9]{2}){1,2}",
}
# Text a slot's every match holds (case-folded): the prefilter of a phrase with no literal text of its
# own, so that "{url}" is tried only on the lines that hold one rather than on every line of a page.
_SLOT_LITERALS = {"url": "http"}
_LOCALE_SLOTS = {"date": formats.date_regex, "duration": formats.duration_regex, "n": formats.number_regex}
# Slots whose every match holds a decimal digit (\d, as the regex reads it): every date pattern has a
# numeric field (formats drops those without), every duration a number, every count and id is digits.
# A line without a digit can match no phrase with one of these, and most prose lines have none.
_DIGIT_SLOTS = frozenset({"date", "duration", "n", "episode_id", "series_id", "clock"})
has_digit = re.compile(r"\d").search
KNOWN_SLOTS = frozenset(_FREE_TEXT) | frozenset(_FIXED) | frozenset(_LOCALE_SLOTS)


class PhraseError(ValueError):
    """A data file holds a phrase we cannot compile (unknown slot, empty phrase)."""


def fold(text: str) -> str:
    return text.casefold()


def literal_text(source: str, fill: str = "") -> str:
    """A phrase's own text, each slot replaced by `fill` ("{n} episodes" -> " episodes")."""
    return _SLOT.sub(fill, source)


def slot_names(source: str) -> list[str]:
    """The slots of a phrase in order, repeats included ("{show}{date}" -> ["show", "date"])."""
    return _SLOT.findall(source)


@dataclass(frozen=True)
class Phrase:
    """One compiled phrase. `key` is set for slot-free phrases, `regex` for the others."""

    source: str
    key: str | None
    regex: re.Pattern[str] | None
    prefilter: str  # longest literal run, case-folded: a cheap `in` test before the regex
    max_len: int  # no line longer than this can match (slots are bounded), so it is never tried
    needs_digit: bool = False  # a slot that always holds a digit: a line without one is never tried
    # A phrase that opens with a free-text slot ("{show}{date}{duration}"): the regex after that slot,
    # and the bounds of the slot's length and of the rest's width (see _match_after_lead).
    lead: tuple[str, int, re.Pattern[str], int, int] | None = None
    locale: str | None = None  # the UI locale its dates and durations are read in

    def match(self, text: str, folded: str) -> dict[str, str] | None:
        """Captured slots when the whole line matches, else None."""
        if self.key is not None:
            return {} if folded == self.key else None
        if len(text) > self.max_len or (self.prefilter and self.prefilter not in folded):
            return None
        if self.needs_digit and not has_digit(text):
            return None
        if self.lead is not None:
            return self._match_after_lead(text)
        m = self.regex.fullmatch(text)  # type: ignore[union-attr]
        return None if m is None else {k: v for k, v in m.groupdict().items() if v is not None}

    def _match_after_lead(self, text: str) -> dict[str, str] | None:
        """The regex's own answer for `(?P<show>.{1,N}?)REST`, without trying every split of the line.

        The engine tries the slot at lengths 1, 2, ... N and REST at each point (a date alternation at
        every character of a long line). REST's width is bounded, so only the last few points can
        end the line; trying those in the same order, with REST alone anchored there (`fullmatch` from
        a position reads the same text around it), gives the same first match and the same groups."""
        name, longest, rest, rest_min, rest_max = self.lead  # type: ignore[misc]
        n = len(text)
        match_at = rest.fullmatch
        for k in range(max(1, n - rest_max), min(longest, n - rest_min) + 1):
            m = match_at(text, k)
            if m is not None:
                captures = _lead_captures(name, text, k, m)
                if k < n and text[k - 1].isdigit() and text[k].isdigit():
                    return self._plausible_split(text, k, captures)
                return captures
        return None

    def _plausible_split(self, text: str, k: int, captures: dict[str, str]) -> dict[str, str]:
        """The regex splits a number between the slot and the rest as early as it can: "Street Talk
        20241h 5m" reads as "Street Talk 20" and 241 hours. Where that duration is longer than any
        episode (MAX_EPISODE_SECONDS), a later split inside the same number that gives a plausible one
        wins ("Street Talk 2024", 1 h 5 min); where none does, the regex's own reading stands."""
        if "duration" not in captures or self._seconds(captures["duration"]) <= MAX_EPISODE_SECONDS:
            return captures
        name, _, rest, _, _ = self.lead  # type: ignore[misc]
        later = k + 1
        while later < len(text) and text[later - 1].isdigit():
            m = rest.fullmatch(text, later)
            if m is not None:
                found = _lead_captures(name, text, later, m)
                if "duration" in found and self._seconds(found["duration"]) <= MAX_EPISODE_SECONDS:
                    return found
            later += 1
        return captures

    def _seconds(self, duration: str) -> int:
        seconds = formats.parse_duration(duration, self.locale)
        return 0 if seconds is None else seconds


def _lead_captures(name: str, text: str, k: int, rest: re.Match[str]) -> dict[str, str]:
    """The opening slot's text (the first k characters), then the rest's captured slots, in order."""
    captures = {name: text[:k]}
    captures.update((g, v) for g, v in rest.groupdict().items() if v is not None)
    return captures


_TEXT_RUN = re.compile(r"\{text\}(?:\{text\})+")
MAX_FREE_SLOTS = 2  # {show}, {title} and {text} in one phrase: each more multiplies the ways to split a line


def check_phrase(source: object) -> str:
    """The phrase as it is compiled (white space collapsed, a run of {text}{text} one {text}), or
    PhraseError for one no line can be matched by in bounded time: not a string, empty, an unknown
    slot, or more than MAX_FREE_SLOTS free-text slots (with five, a 2.5 KB line took a minute)."""
    if not isinstance(source, str):
        raise PhraseError(f"a phrase must be a string, not {source!r}")
    source = _TEXT_RUN.sub("{text}", " ".join(source.split()))
    if not source:
        raise PhraseError("empty phrase")
    slots = slot_names(source)
    unknown = [s for s in slots if s not in KNOWN_SLOTS]
    if unknown:
        raise PhraseError(f"unknown slot {{{unknown[0]}}} in phrase {source!r}; known: {sorted(KNOWN_SLOTS)}")
    if sum(s in _FREE_TEXT for s in slots) > MAX_FREE_SLOTS:
        raise PhraseError(
            f"phrase {source!r} has more than {MAX_FREE_SLOTS} free-text slots ({{show}}, {{title}}, {{text}}): "
            "a line could be split between them in too many ways"
        )
    return source


@lru_cache(maxsize=4096)
def compile_phrase(source: str, locale: str | None) -> Phrase:
    """Compile one phrase for one UI locale (dates, durations and numbers are read the locale's way)."""
    source = check_phrase(source)
    parts = _SLOT.split(source)  # literal, slot, literal, slot, ...
    literals, slots = parts[0::2], parts[1::2]
    if not slots:
        return Phrase(source=source, key=fold(source), regex=None, prefilter="", max_len=len(source))
    pattern, seen = [], set()
    for i, literal in enumerate(literals):
        pattern.append(re.escape(literal))
        if i < len(slots):
            pattern.append(_slot_pattern(slots[i], seen, locale, source))
    regex = re.compile("".join(pattern), re.IGNORECASE | re.DOTALL)
    prefilter = fold(max(literals, key=len).strip()) or next((_SLOT_LITERALS[s] for s in slots if s in _SLOT_LITERALS), "")
    lead = None
    first = slots[0]
    if not literals[0] and first in _LEAD_SLOTS and first not in slots[1:] and "".join(pattern[2:]):
        rest = re.compile("".join(pattern[2:]), re.IGNORECASE | re.DOTALL)
        lead = (first, _LEAD_SLOTS[first], rest, *_widths(rest))
    return Phrase(
        source=source,
        key=None,
        regex=regex,
        prefilter=prefilter,
        max_len=_widths(regex)[1],
        needs_digit=not _DIGIT_SLOTS.isdisjoint(slots),
        lead=lead,
        locale=locale,
    )


def _widths(regex: re.Pattern[str]) -> tuple[int, int]:
    """The fewest and the most characters a match can have (the most capped at 2**30)."""
    try:
        from re import _parser as sre_parse  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    low, high = sre_parse.parse(regex.pattern, regex.flags).getwidth()
    return low, min(high, 1 << 30)


def _slot_pattern(slot: str, seen: set[str], locale: str | None, source: str) -> str:
    if slot == "text":
        # Filler: never captured, so greedy is as right as lazy, and much faster when the literal
        # that follows stands at the end of a long line ("{text}player.fm/legal.").
        return "(?:.{0,3000})"
    if slot in seen:
        return f"(?P={slot})"  # the same value twice, e.g. the show named twice in a license notice
    seen.add(slot)
    if slot in _FREE_TEXT:
        body = _FREE_TEXT[slot]
    elif slot in _FIXED:
        body = _FIXED[slot]
    elif slot in _LOCALE_SLOTS:
        body = _LOCALE_SLOTS[slot](locale)
    else:
        raise PhraseError(f"unknown slot {{{slot}}} in phrase {source!r}; known: {sorted(KNOWN_SLOTS)}")
    return f"(?P<{slot}>{body})"
