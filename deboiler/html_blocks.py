"""Stage 2 for HTML: a parsed page becomes blocks in reading order, the way a browser lays out text.

This follows the browser's innerText rules closely enough that a saved page and a text dump of the
same page give the same lines: block elements start a new line, <p> and headings stand apart with
a blank line, <br> breaks a line, whitespace collapses except in <pre>. Nothing that a reader does
not see is kept: script, style, template, noscript and elements hidden by `hidden`, `display:none`
or `visibility:hidden`. Each block keeps the path of the element it came from ("body>main>div.notes>p")
so that platform data can name chrome by where it stands as well as by what it says.

The tree is walked with an explicit stack, so absurdly deep markup cannot exhaust Python's recursion.
"""

from __future__ import annotations

import re
from html import unescape

from lxml import etree

from .blocks import Block, Blocks

SKIP = frozenset(
    "script style template noscript head title meta link svg math iframe object embed canvas audio video "
    "source track map area select option datalist input textarea button".split()
)
# Buttons, inputs and selects are controls, not text a reader reads as the page; a text dump of the
# page does show a button's label, though, so buttons are kept after all (see _skip).
SKIP = SKIP - {"button"}
BLOCK = frozenset(
    "address article aside blockquote center details dialog dd div dl dt fieldset figcaption figure footer "
    "form header hgroup hr li main menu nav ol pre section summary table tbody thead tfoot tr ul legend "
    "caption body html button".split()
)
PARAGRAPH = frozenset("p h1 h2 h3 h4 h5 h6".split())  # stand apart: a blank line before and after
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_INVISIBLE_CHARS = {0x00AD: None, 0x200B: None, 0xFEFF: None}
_SPACE = re.compile(r"[ \t\n\r\f\v]+")


# Plain lxml elements: lxml.html's element classes cost a lookup per node and we need none of their API.
# no_network: never fetch a DTD or entity; the page is parsed, not followed.
_PARSER = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)


def parse(text: str) -> etree._Element | None:
    """Parse markup leniently; None when there is nothing to parse."""
    try:
        return etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        # ValueError: a str with an XML encoding declaration; parse its bytes instead.
        try:
            return etree.fromstring(text.encode("utf-8"), _PARSER)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            return None


def _skip(el: etree._Element) -> bool:
    tag = el.tag
    if not isinstance(tag, str):
        return True  # comments, processing instructions
    tag = tag.lower()
    if tag in SKIP:
        return True
    attrib = el.attrib
    if "hidden" in attrib or attrib.get("aria-hidden") == "true" and tag in ("div", "section", "dialog"):
        return True
    style = attrib.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _label(el: etree._Element) -> str:
    """A path segment: tag, #id and every .class, so that data can name an element by any of them."""
    label = el.tag.lower()
    ident = el.get("id")
    if ident and ident.split():
        label += "#" + ident.split()[0]
    cls = el.get("class")
    if cls:
        label += "".join("." + c for c in cls.split()[:6])
    return label


class _Lines:
    """Collects text runs and line breaks, and turns them into lines with the path of each."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str]] = []
        self.parts: list[str] = []
        self.path = ""
        self.pending = 0  # line breaks owed before the next text (innerText's "required line break count")

    def text(self, text: str, path: str, pre: bool = False) -> None:
        if "\u00ad" in text or "\u200b" in text or "\ufeff" in text:
            text = text.translate(_INVISIBLE_CHARS)  # soft hyphens and zero-width spaces render as nothing
        if not pre:
            text = _SPACE.sub(" ", text)
        if not text or (not pre and text == " " and (self.pending or not self.parts)):
            return  # collapsible white space at the start of a line is not rendered
        if self.pending:
            self._flush()
            if self.lines:
                self.lines.extend(("", "") for _ in range(self.pending - 1))
            self.pending = 0
        if pre and "\n" in text:
            first, *rest = text.split("\n")
            self._add(first, path)
            for piece in rest:
                self._flush()
                self._add(piece, path)
        else:
            self._add(text, path)

    def _add(self, text: str, path: str) -> None:
        if not self.parts:
            self.path = path
        self.parts.append(text)

    def brk(self, count: int) -> None:
        self.pending = max(self.pending, count)

    def newline(self) -> None:
        """<br>: ends the line even when it is empty."""
        if self.pending:
            self._flush()
            self.pending = 0
        if self.parts:
            self._flush()
        else:
            self.lines.append(("", self.path))

    def _flush(self) -> None:
        if self.parts:
            line = "".join(self.parts).strip()
            if line:
                self.lines.append((line, self.path))
            self.parts = []

    def done(self) -> list[tuple[str, str]]:
        self._flush()
        while self.lines and not self.lines[-1][0]:
            self.lines.pop()
        return self.lines


MAX_DEPTH = 255  # libxml2 stops building the tree below this depth and drops what is there


def tree_to_lines(root: etree._Element) -> tuple[list[tuple[str, str]], bool]:
    """(text, element path) for every rendered line, blank lines included, and whether the tree
    reached the parser's depth limit (then text below it is missing)."""
    out = _Lines()
    body = root.find("body")
    start = body if body is not None else root
    too_deep = False
    # Stack entries: (element, its path, its parent's path, depth, inside <pre>, closing?)
    stack: list[tuple[etree._Element, str, str, int, bool, bool]] = [(start, "body", "body", 0, False, False)]
    while stack:
        el, path, parent_path, depth, pre, closing = stack.pop()
        if closing:
            tag = el.tag.lower()
            if tag in PARAGRAPH:
                out.brk(2)
            elif tag in BLOCK:
                out.brk(1)
            elif tag in ("td", "th"):
                out.text(" ", parent_path)
            if el.tail:
                out.text(el.tail, parent_path, pre)
            continue
        if _skip(el):
            if el.tail:
                out.text(el.tail, parent_path, pre)
            continue
        tag = el.tag.lower()
        if tag == "br":
            out.newline()
            if el.tail:
                out.text(el.tail, parent_path, pre)
            continue
        if tag in PARAGRAPH:
            out.brk(2)
        elif tag in BLOCK:
            out.brk(1)
        if tag == "img":
            if el.tail:
                out.text(el.tail, parent_path, pre)
            continue
        if depth >= MAX_DEPTH - 2:
            too_deep = True
        inner_pre = pre or tag == "pre"
        if el.text:
            out.text(el.text, path, inner_pre)
        stack.append((el, path, parent_path, depth, pre, True))
        for child in reversed(el):
            child_path = f"{path}>{_label(child)}" if isinstance(child.tag, str) else path
            stack.append((child, child_path, path, depth + 1, inner_pre, False))
    return out.done(), too_deep


_INVISIBLE = re.compile(r"<(script|style|template|noscript|head)\b[^>]{0,2000}>.*?</\1\s*>", re.I | re.S)
_INVISIBLE_OPEN = re.compile(r"<(script|style|template|noscript|head)\b[^>]{0,2000}>", re.I)
_INVISIBLE_CLOSE = {name: re.compile(rf"</{name}\s*>", re.I) for name in "script style template noscript head".split()}


def _drop_invisible(source: str) -> str:
    """`_INVISIBLE.sub(" ", source)`, in linear time. The regex alone rescans the rest of the page from
    every opening tag that has no closing tag, so a deep page with 8,000 unclosed <script> tags took 2 s
    and one of a few MB took hours. A closing tag not found after one opening tag is not found after a
    later one either, so that tag name is not looked for again; the result is the same."""
    out, kept, pos, unclosed = [], 0, 0, set()
    while (m := _INVISIBLE_OPEN.search(source, pos)) is not None:
        name = m.group(1).lower()
        close = None if name in unclosed else _INVISIBLE_CLOSE[name].search(source, m.end())
        if close is None:
            unclosed.add(name)
            pos = m.start() + 1
            continue
        out.append(source[kept : m.start()])
        out.append(" ")
        kept = pos = close.end()
    out.append(source[kept:])
    return "".join(out)


_BREAKING_TAG = re.compile(
    r"<(?:br|/?(?:p|div|li|h[1-6]|tr|section|article|ul|ol|table|header|footer|nav|main|aside|blockquote|pre|dd|dt))\b[^>]{0,2000}>",
    re.I,
)
_ANY_TAG = re.compile(r"<[^>]{0,2000}>")


def flat_lines(source: str) -> list[tuple[str, str]]:
    """Lines of markup too deep for a tree: tags that break a line become newlines, the rest go.
    Cruder than the tree walk, but it loses no text."""
    text = _ANY_TAG.sub(" ", _BREAKING_TAG.sub("\n", _drop_invisible(source)))
    return [(" ".join(line.split()), "flat") for line in unescape(text).split("\n")]


def html_to_blocks(root: etree._Element | None, source: str = "") -> Blocks:
    lines, too_deep = tree_to_lines(root) if root is not None else ([], False)
    if too_deep or (not any(line for line, _ in lines) and source):
        lines = flat_lines(source)
    blocks = Blocks()
    for i, (raw, path) in enumerate(lines, start=1):
        clean = " ".join(raw.split())
        blocks.append(Block(i, raw, clean, clean.casefold(), path))
    return blocks


def rendered_text(root: etree._Element | None) -> str:
    """The page as a text dump: what a user copying it out of the browser would get."""
    return "\n".join(line for line, _ in tree_to_lines(root)[0]) if root is not None else ""
