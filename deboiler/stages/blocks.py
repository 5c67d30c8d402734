"""Blocks: a decoded document becomes a list of blocks, the unit every later stage labels.

For text input a block is one line. HTML input becomes blocks in reading order with their tag path
(html_blocks.py); after this stage nothing cares where a block came from.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from deboiler.errors import EmptyInput
from deboiler.stages.load import Document

if TYPE_CHECKING:
    from deboiler.stages.markup import Markup


@dataclass(slots=True)
class Block:
    """One line of the page: where it stood, its raw text and its whitespace-normalised text."""

    lineno: int  # 1-based line number in the input
    raw: str
    text: str  # whitespace collapsed and stripped; "" for a blank line
    folded: str  # text.casefold(), computed once for every matcher
    path: str = ""  # tag path for HTML blocks; empty for text lines


class Blocks(list):
    """The page's blocks in order, plus the whole page case-folded once, so that a phrase's literal
    part can be found with one substring search over the page instead of one per line."""

    flat = False  # HTML too deep for a tree: the lines come from html_blocks' flat fallback

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


def split_lines(text: str) -> Blocks:
    blocks = Blocks()
    for i, raw in enumerate(text.split("\n"), start=1):
        clean = " ".join(raw.split())
        blocks.append(Block(i, raw, clean, clean.casefold()))
    return blocks


@dataclass
class Page:
    """What every later stage reads: the blocks, the visible text detection searches for hosts and
    brands, the markup's metadata (HTML only) and the HTML source (for the generic extractor)."""

    blocks: Blocks
    visible_text: str
    markup: Markup | None = None
    html: str | None = None
    flat: bool = False  # the markup was too deep for a tree; its lines come from the flat fallback
    tree: Any = None  # the parsed HTML (an lxml element), for the generic extractor to reuse


def read_page(doc: Document) -> Page:
    """Text and HTML meet here: after this, nothing cares which one the page was."""
    if doc.kind != "html":
        return Page(split_lines(doc.text), doc.text)
    from deboiler.stages.html_blocks import bound_attributes, html_to_blocks, parse
    from deboiler.stages.markup import read_markup

    html, utf8 = doc.text, doc.utf8
    bounded = bound_attributes(html)  # the HTML every later reader gets (trafilatura may parse it again)
    if bounded is not None:
        html, utf8 = bounded, None
    root = parse(html, utf8)
    blocks = html_to_blocks(root, html)
    if not any(b.text for b in blocks):
        raise EmptyInput("the HTML page has no visible text")
    return Page(blocks, "\n".join(b.raw for b in blocks), read_markup(root), html, blocks.flat, root)
