"""Blocks: the unit every later stage labels, one line of the page each.

For text input a block is one line (split_lines). HTML input becomes blocks in reading order with
their tag path (html_blocks.py); page.read_page is where the two meet.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate


@dataclass(slots=True)
class Block:
    """One line of the page: where it stood, its raw text and its whitespace-normalised text."""

    lineno: int  # 1-based line number in the input
    raw: str
    text: str  # whitespace collapsed and stripped; "" for a blank line
    folded: str  # text.casefold(), computed once for every matcher
    path: str = ""  # tag path for HTML blocks; empty for text lines


def tag_of(step: str) -> str:
    """The tag name of one step of a block's tag path ("div.post#main" -> "div")."""
    return step.split(".", 1)[0].split("#", 1)[0]


class Blocks(list):
    """The page's blocks in order, plus the whole page case-folded once, so that a phrase's literal
    part can be found with one substring search over the page instead of one per line."""

    markup = False  # read from saved HTML (html_blocks), not a text dump
    flat = False  # HTML too deep for a tree: the lines come from html_blocks' flat fallback
    line_count = 0  # input lines, blank ones left out of a long run included (0: one block per line)
    # id(LineMatcher) -> its literals' (end, value) pairs in folded_text, where a shared pass found
    # them already (detection's, which on a text dump reads the UI lexicon's literals too); per page.
    literal_hits: dict[int, list] | None = None

    @cached_property
    def folded_list(self) -> list[str]:
        return [b.folded for b in self]

    @cached_property
    def folded_text(self) -> str:
        return "\n".join(self.folded_list)

    @cached_property
    def _by_length(self) -> list[tuple[int, int]]:
        return sorted((len(b.text), i) for i, b in enumerate(self) if b.text)

    def lines_up_to(self, length: int) -> list[int]:
        """Indexes of the non-blank blocks whose text is at most `length` characters long."""
        by_length = self._by_length
        return [i for n, i in by_length[: bisect_right(by_length, (length, len(self)))]]

    @cached_property
    def starts(self) -> list[int]:
        """Where each block's folded text starts in folded_text (one newline between blocks)."""
        starts = list(accumulate([len(f) + 1 for f in self.folded_list], initial=0))
        starts.pop()
        return starts

    def lines_containing(self, needle: str) -> list[int]:
        """Indexes of the blocks whose folded text contains `needle` (already case-folded)."""
        text, found, at = self.folded_text, [], self.folded_text.find(needle)
        while at >= 0:
            line = bisect_right(self.starts, at) - 1
            found.append(line)
            nxt = self.starts[line + 1] if line + 1 < len(self.starts) else len(text)
            at = text.find(needle, nxt)
        return found


def normalise_space(text: str) -> str:
    return " ".join(text.split())


# Blank lines kept of a run of them: a block costs ~300 bytes through the pipeline, and a page of two
# million blank lines (2 MB) needed 2.75 GB. No stage tells three blank lines from two, and the
# description prints one blank line between paragraphs; the explain view puts the others back
# (with_every_line), so each input line still has its verdict there.
MAX_BLANK_RUN = 2


SHARED_LINE = 80  # lines up to this long that repeat share one (raw, text, folded) triple of strings


def split_lines(text: str) -> Blocks:
    blocks = Blocks()
    run = 0
    shared: dict[str, tuple[str, str, str]] = {}  # a page of short lines repeats most of them
    for i, raw in enumerate(text.split("\n"), start=1):
        strings = shared.get(raw) if len(raw) <= SHARED_LINE else None
        if strings is None:
            clean = " ".join(raw.split())
            clean = raw if clean == raw else clean  # one string where normalising changed nothing
            folded = clean.casefold()
            strings = (raw, clean, clean if folded == clean else folded)
            if len(raw) <= SHARED_LINE:
                shared[raw] = strings
        if strings[1]:
            run = 0
        else:
            run += 1
            if run > MAX_BLANK_RUN:
                continue
        blocks.append(Block(i, strings[0], strings[1], strings[2]))
    blocks.line_count = i
    return blocks
