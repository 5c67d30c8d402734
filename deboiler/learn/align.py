"""deboiler learn: the fixed text several lines share, with a gap wherever they differ.

Used to find the show's name without being told it: the license notice of every page reads the same
but for the show ("X에서 제공하는 콘텐츠입니다. ... X 또는 ..."), so aligning the notices of a few
pages leaves the show in the gaps. Lines are compared character by character (names glue to the
words around them in scripts without spaces); only runs of MIN_LITERAL characters or more count as
shared, and a shared run that starts or ends inside a Latin word on every line is trimmed back to
the word's edge, so two names that merely share their first letters do not lose them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cached_property

MIN_LITERAL = 4
_SEP = "\ue0ff"  # joins the shared parts while aligning; never in a line, so never matched
_LATIN_WORD_END = re.compile(r"[0-9A-Za-z]+$")
_LATIN_WORD_START = re.compile(r"^[0-9A-Za-z]+")


@dataclass(frozen=True)
class Alignment:
    """Shared parts in order; a gap stands between every two, and before/after them when lead/trail."""

    parts: tuple[str, ...]
    lead: bool
    trail: bool

    @cached_property
    def regex(self) -> re.Pattern[str]:
        gap = "(.*?)"
        body = gap.join(re.escape(p) for p in self.parts)
        return re.compile(("(.*?)" if self.lead else "") + body + ("(.*)" if self.trail else ""), re.DOTALL)

    def gaps(self, line: str) -> list[tuple[int, int]] | None:
        """The spans of `line` that fill the gaps, or None when the line does not fit."""
        m = self.regex.fullmatch(line)
        return None if m is None else [m.span(g) for g in range(1, (m.re.groups or 0) + 1)]

    @property
    def shared_chars(self) -> int:
        return sum(len(p.strip()) for p in self.parts)


def align(lines: Sequence[str]) -> Alignment | None:
    """The alignment every line fits, or None when they share nothing long enough."""
    if not lines:
        return None
    parts, lead, trail = (lines[0],), False, False
    for line in lines[1:]:
        folded = _fold(parts, lead, trail, line)
        if folded is None:
            return None
        parts, lead, trail = folded
    alignment = _trim_to_words(Alignment(parts, lead, trail), lines)
    if alignment is None or not all(alignment.gaps(line) is not None for line in lines):
        return None
    return alignment


def fold(alignment: Alignment, line: str) -> Alignment | None:
    """`alignment` narrowed to what `line` shares with it too (not trimmed to words), or None."""
    folded = _fold(alignment.parts, alignment.lead, alignment.trail, line)
    return None if folded is None else Alignment(*folded)


def _fold(parts: tuple[str, ...], lead: bool, trail: bool, line: str) -> tuple[tuple[str, ...], bool, bool] | None:
    joined = _SEP.join(parts)
    matcher = SequenceMatcher(None, joined, line, autojunk=False)
    # A short run counts where it starts or ends both lines: "内容由{show}提供" has three characters before the show.
    blocks = [
        b
        for b in matcher.get_matching_blocks()
        if b.size >= MIN_LITERAL
        or (b.size >= 2 and not lead and b.a == 0 and b.b == 0)
        or (b.size >= 2 and not trail and b.a + b.size == len(joined) and b.b + b.size == len(line))
    ]
    if not blocks:
        return None
    new_parts = tuple(joined[b.a : b.a + b.size] for b in blocks)
    first, last = blocks[0], blocks[-1]
    lead = lead or first.a > 0 or first.b > 0
    trail = trail or last.a + last.size < len(joined) or last.b + last.size < len(line)
    return new_parts, lead, trail


def _trim_to_words(alignment: Alignment, lines: Sequence[str]) -> Alignment | None:
    """A shared part that begins (ends) mid-word on every line, next to a gap, gives that word to the gap:
    "Radiolab"/"Radioactive" share "Radio", which is part of the names, not of the template."""
    spans = [alignment.gaps(line) for line in lines]
    if any(s is None for s in spans):
        return alignment
    parts = list(alignment.parts)
    offset = 1 if alignment.lead else 0
    for k in range(len(parts)):
        before = k - 1 + offset  # index of the gap before part k, if any
        after = k + offset
        if (k > 0 or alignment.lead) and _LATIN_WORD_START.match(parts[k]):
            values = [line[s[before][0] : s[before][1]] for line, s in zip(lines, spans)]
            if all(v and _LATIN_WORD_END.search(v) for v in values):
                parts[k] = _LATIN_WORD_START.sub("", parts[k])
        if (k < len(parts) - 1 or alignment.trail) and _LATIN_WORD_END.search(parts[k]):
            values = [line[s[after][0] : s[after][1]] for line, s in zip(lines, spans)]
            if all(v and _LATIN_WORD_START.match(v) for v in values):
                parts[k] = _LATIN_WORD_END.sub("", parts[k])
    kept = [p for p in parts if len(p.strip()) >= 2]
    if not kept:
        return None
    lead = alignment.lead or not parts[0] or parts[0] != kept[0]
    trail = alignment.trail or not parts[-1] or parts[-1] != kept[-1]
    return Alignment(tuple(kept), lead, trail)
