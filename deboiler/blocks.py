"""Stage 2: a decoded document becomes a list of blocks, the unit every later stage labels.

For text input a block is one line. HTML input (a later stage) will produce blocks in reading order
with their tag path; after this stage nothing cares where a block came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .load import Document

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Block:
    """One line of the page: where it stood, its raw text and its whitespace-normalised text."""

    lineno: int  # 1-based line number in the input
    raw: str
    text: str  # whitespace collapsed and stripped; "" for a blank line
    path: str = ""  # tag path for HTML blocks; empty for text lines


def normalise_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def split_lines(text: str) -> list[Block]:
    return [Block(lineno=i, raw=raw, text=normalise_space(raw)) for i, raw in enumerate(text.split("\n"), start=1)]


def to_blocks(doc: Document) -> list[Block]:
    # HTML gets its own block builder in a later stage; until then it is read as its visible lines.
    return split_lines(doc.text)
