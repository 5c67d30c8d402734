"""The block stage: a decoded document becomes a Page, its blocks plus what later stages read besides.

For text input a block is one line. HTML input becomes blocks in reading order with their tag path
(html_blocks.py) and the markup's metadata (markup.py); after this stage nothing cares where a block
came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from deboiler.errors import EmptyInput
from deboiler.stages.blocks import Blocks, split_lines
from deboiler.stages.html_blocks import bounded_html, html_to_blocks, parse
from deboiler.stages.load import Document
from deboiler.stages.markup import Markup, read_markup


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
    html, utf8 = doc.text, doc.utf8
    bounded = bounded_html(html)  # the HTML every later reader gets (trafilatura may parse it again)
    if bounded is not None:
        html, utf8 = bounded, None
    root = parse(html, utf8, bounded=True)
    blocks = html_to_blocks(root, html)
    if not any(b.text for b in blocks):
        raise EmptyInput("the HTML page has no visible text")
    return Page(blocks, "\n".join(b.raw for b in blocks), read_markup(root), html, blocks.flat, root)
