"""Blocks from HTML: a parsed page becomes blocks in reading order, the way a browser lays out text.

This follows the browser's innerText rules closely enough that a saved page and a text dump of the
same page give the same lines: block elements start a new line, <p> and headings stand apart with
a blank line, <br> breaks a line, whitespace collapses except in <pre>. Nothing that a reader does
not see is kept: script, style, template, noscript and elements hidden by `hidden`, `display:none`
or `visibility:hidden`. Each block keeps the path of the element it came from ("body>main>div.notes>p")
so that platform data can name chrome by where it stands as well as by what it says.

The tree is walked with an explicit stack, so absurdly deep markup cannot exhaust Python's recursion.
"""

from __future__ import annotations

import os
import re
import warnings
from html import unescape

from lxml import etree
from lxml.html import HtmlElement

from deboiler.stages.blocks import MAX_BLANK_RUN, Block, Blocks

SKIP = frozenset(
    "script style template noscript head title meta link svg math iframe object embed canvas audio video "
    "source track map area select option datalist input textarea button".split()
)
# Buttons, inputs and selects are controls, not text a reader reads as the page; a text dump of the
# page does show a button's label, though, so buttons are kept after all.
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
_ASCII_SPACE = " \t\n\r\f\v"  # what collapses; U+00A0 and other Unicode spaces are text
# In a text run mostly of Chinese or Japanese (U+3000-U+9FFF, U+FF00-U+FFFF: a third of its characters
# or more), a newline inside the run ends a line: no one wraps such text in the source (it has no spaces
# to wrap at), so the break is the author's, shown by a stylesheet (white-space: pre-wrap) that a
# saved page no longer carries. Korean has spaces, and is not read so.
_INNER_NEWLINE = re.compile(r"[ \t\r\f\v]*\n[ \t\n\r\f\v]*")
_CJK_CHAR = re.compile(r"[\u3000-\u9fff\uff00-\uffff]")
CJK_SHARE = 3  # at least one character in this many


def _cjk_lines(text: str) -> list[str] | None:
    """`text`'s lines where it is mostly Chinese or Japanese and breaks inside, else None."""
    core = text.strip(_ASCII_SPACE)
    if "\n" not in core:
        return None
    chars = len(text) - sum(text.count(c) for c in _ASCII_SPACE)
    if CJK_SHARE * len(_CJK_CHAR.findall(text)) < chars:
        return None
    lead, trail = text[: len(text) - len(text.lstrip(_ASCII_SPACE))], text[len(text.rstrip(_ASCII_SPACE)) :]
    pieces = _INNER_NEWLINE.split(core)
    pieces[0], pieces[-1] = lead + pieces[0], pieces[-1] + trail
    return pieces

# What an element does to the layout, looked up once per element by its (already lower-case) tag.
_INLINE, _BREAK, _PRE, _PARAGRAPH, _CELL, _BR, _IMG, _SKIPPED = range(8)
_BREAKS = (0, 1, 1, 2, 0, 0, 0, 0)  # line breaks an element of each kind owes before and after it
_KIND: dict[str, int] = {
    **dict.fromkeys("a span b i em strong small code abbr cite q s u sub sup time label font mark".split(), _INLINE),
    **dict.fromkeys(BLOCK, _BREAK),
    "pre": _PRE,
    **dict.fromkeys(PARAGRAPH, _PARAGRAPH),
    "td": _CELL,
    "th": _CELL,
    "br": _BR,
    "img": _IMG,
    **dict.fromkeys(SKIP, _SKIPPED),
}
# The attributes that can hide an element, found by one XPath query in C rather than by reading three
# attributes of every element from Python; _hidden decides on the few elements that carry one.
_HIDING_ATTRIBUTES = etree.XPath("//@hidden|//@aria-hidden|//@style")
# A <dialog> without `open` is not rendered (a site's sign-up or cookie modal waiting to be shown), so
# a browser's text of the page does not hold it either.
_CLOSED_DIALOGS = etree.XPath("//dialog[not(@open)]")

# Every element is a plain lxml element of lxml.html's HtmlElement class, set by a lookup that runs in
# C (lxml.html's own parser calls a Python lookup for every element): trafilatura, on the generic
# path, accepts only HtmlElement trees, and so can reuse this parse instead of parsing the page again.
# no_network: never fetch a DTD or entity; the page is parsed, not followed.
_PARSER = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, collect_ids=False)
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(element=HtmlElement))


# The same parser for the UTF-8 bytes of a page already decoded: the encoding is given, so libxml2
# neither guesses it nor follows a <meta charset> that the page got wrong (a UTF-8 page that says
# iso-8859-1 is common): it reads the bytes exactly as load() decoded them.
_UTF8_PARSER = etree.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, collect_ids=False, encoding="utf-8"
)
_UTF8_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(element=HtmlElement))


# libxml2 checks each attribute of a tag against all the ones before it: time grows with the square
# of their number (100,000 on one element took over 20 s). A tag that long has its attributes cut
# to the first MAX_ATTRIBUTES before parsing; no page needs more, and the text is not in attributes.
MAX_ATTRIBUTES = 256
_LONG_TAG = re.compile(r"<[a-zA-Z][^<>\s]*\s[^<>]{8000,}>")  # [^<>]: a failed match stops at the next "<"
_ATTRIBUTE = re.compile(r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def bound_attributes(text: str) -> str | None:
    """The markup with every tag's attributes past the first MAX_ATTRIBUTES left out, or None when no
    tag has that many (the page as it is)."""
    if len(text) < 8000 or _LONG_TAG.search(text) is None:
        return None
    changed = False

    def trim(m: re.Match[str]) -> str:
        nonlocal changed
        tag = m.group()
        name_end = re.match(r"<[^\s<>]*", tag).end()
        for n, attribute in enumerate(_ATTRIBUTE.finditer(tag, name_end, len(tag) - 1), 1):
            if n == MAX_ATTRIBUTES:
                changed = True
                return tag[: attribute.end()] + ">"
        return tag

    bounded = _LONG_TAG.sub(trim, text)
    return bounded if changed else None


# A run of <br> renders as that many line breaks, every one an element in each tree built of the page
# (ours and trafilatura's copies: 500,000 of them took 650 MB). Past MAX_BLANK_RUN + 1 they only make
# blank lines that the blocks stage drops, so a longer run is cut to that many first.
# Case spelled out rather than re.I: re finds a pattern's leading "<" by a fast scan only without it
# (16 us a page against 250 on the gold pages with four <br> or more).
_BR_RUN = re.compile(r"<[bB][rR]\b[^<>]*>[ \t\r\n]*(?:<[bB][rR]\b[^<>]*>[ \t\r\n]*){%d,}" % (MAX_BLANK_RUN + 1))
_BR_KEPT = "<br>" * (MAX_BLANK_RUN + 1)


def bounded_html(text: str) -> str | None:
    """The page with its attributes bounded (bound_attributes) and long runs of <br> cut, or None when
    neither applies (the page as it is)."""
    bounded = bound_attributes(text)
    source = text if bounded is None else bounded
    # A run needs that many <br> on the page: counting them (in C) spares most pages the regex.
    if source.count("<br") + source.count("<BR") + source.count("<Br") + source.count("<bR") >= MAX_BLANK_RUN + 2:
        cut = _BR_RUN.sub(_BR_KEPT, source)
        if len(cut) != len(source):
            return cut
    return bounded


def parse(text: str, utf8: bytes | None = None, bounded: bool = False) -> etree._Element | None:
    """Parse markup leniently; None when there is nothing to parse. `utf8`, when given, is `text`
    encoded in UTF-8 (load's Document.utf8), which libxml2 reads faster than a str. `bounded`: the
    caller has bounded the markup's attributes already (read_page's bounded_html)."""
    if not bounded and (trimmed := bound_attributes(text)) is not None:
        text, utf8 = trimmed, None
    if utf8 is not None:
        try:
            return etree.fromstring(utf8, _UTF8_PARSER)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            pass  # as the str: the same bytes, so the same failure, handled below
    try:
        return etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        # ValueError: a str with an XML encoding declaration; parse its bytes instead.
        try:
            return etree.fromstring(text.encode("utf-8"), _PARSER)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            return None


def _hidden(root: etree._Element) -> set[etree._Element]:
    """The elements that `hidden`, `aria-hidden` (on a container) or an inline style hide. The set
    holds the element objects, so lxml hands out these same objects again during the walk."""
    hidden = set()
    for value in _HIDING_ATTRIBUTES(root):
        name = value.attrname
        if name == "hidden":
            hidden.add(value.getparent())
        elif name == "aria-hidden":
            el = value.getparent()
            if value == "true" and el.tag.lower() in ("div", "section", "dialog"):
                hidden.add(el)
        elif value and _HIDDEN_STYLE.search(value):
            hidden.add(value.getparent())
    hidden.update(_CLOSED_DIALOGS(root))
    return hidden


MAX_NAME = 100  # bytes of an id or class name kept in a path: 200 levels of 20 KB names made 800 MB of paths


def _label(el: etree._Element) -> str:
    """A path segment: tag, #id and every .class, so that data can name an element by any of them.
    ASCII white space separates classes (as in HTML), so a no-break space stays inside a class name.
    Each id and class name is cut to MAX_NAME bytes of UTF-8 (no real one comes near)."""
    label = el.tag.lower()
    ident = _ascii_split(el.get("id"))
    if ident:
        label += "#" + _capped(ident[0])
    return label + "".join("." + _capped(c) for c in _ascii_split(el.get("class"))[:6])


def _capped(name: str) -> str:
    if len(name) <= MAX_NAME // 4:
        return name
    data = name.encode("utf-8", "surrogatepass")
    return name if len(data) <= MAX_NAME else data[:MAX_NAME].decode("utf-8", "ignore")


def _ascii_split(value: str | None) -> list[str]:
    if not value:
        return []
    return value.split() if value.isascii() else [w for w in _SPACE.split(value) if w]


class Paths:
    """Tag paths ("body>main>div.notes>p"), built only when asked for: a page whose platform names no
    chrome by selector, and every page of an unknown platform, never needs one."""

    def __init__(self, start: etree._Element) -> None:
        # Keyed by element object: the dict keeps each one alive, so lxml returns the same object for it.
        self._known: dict[etree._Element | None, str] = {start: "body", None: ""}

    def of(self, el: etree._Element | None) -> str:
        known = self._known
        path = known.get(el)
        if path is not None:
            return path
        chain = []  # el and its ancestors up to the first one whose path is known
        while path is None:
            chain.append(el)
            el = el.getparent()
            if el is None:  # not under the start element (cannot happen for a rendered line)
                path = ""
                break
            path = known.get(el)
        for node in reversed(chain):
            path = known[node] = f"{path}>{_label(node)}"
        return path


class HtmlBlock(Block):
    """A Block whose tag path is worked out from its element on first use."""

    __slots__ = ("_node", "_paths")

    def __init__(self, lineno: int, raw: str, text: str, folded: str, node, paths: Paths) -> None:
        self.lineno, self.raw, self.text, self.folded = lineno, raw, text, folded
        self._node, self._paths = node, paths

    @property
    def path(self) -> str:  # type: ignore[override]
        return self._paths.of(self._node)


class _Lines:
    """Collects text runs and line breaks, and turns them into lines with the element of each (the
    element whose path the line gets: the one holding its first text run)."""

    __slots__ = ("lines", "parts", "owner", "pending")

    def __init__(self) -> None:
        self.lines: list[tuple[str, object]] = []
        self.parts: list[str] = []
        self.owner = None
        self.pending = 0  # line breaks owed before the next text (innerText's "required line break count")

    def text(self, text: str, owner, pre: bool = False) -> None:
        if not pre and not text.strip(_ASCII_SPACE):
            # Collapsible white space only (the indentation between tags, most text runs of a page):
            # one space, rendered only inside a line.
            if text and self.parts and not self.pending:
                self.parts.append(" ")
            return
        if "\u00ad" in text or "\u200b" in text or "\ufeff" in text:
            text = text.translate(_INVISIBLE_CHARS)  # soft hyphens and zero-width spaces render as nothing
        pieces = _cjk_lines(text) if not pre and "\n" in text else None
        if pieces is not None:
            pieces = [_SPACE.sub(" ", piece) for piece in pieces]
            text = "".join(pieces)
        elif not pre and ("  " in text or not text.isprintable()):  # else nothing to collapse
            text = _SPACE.sub(" ", text)
        if not text or (not pre and text == " " and (self.pending or not self.parts)):
            return  # collapsible white space at the start of a line is not rendered
        if self.pending:
            self._flush()
            if self.pending > 1 and self.lines:
                self.lines.extend([("", None)] * (self.pending - 1))
            self.pending = 0
        if pieces is not None or (pre and "\n" in text):
            first, *rest = pieces if pieces is not None else text.split("\n")
            self._add(first, owner)
            for piece in rest:
                self._flush()
                self._add(piece, owner)
        elif self.parts:
            self.parts.append(text)
        else:
            self.owner = owner
            self.parts.append(text)

    def _add(self, text: str, owner) -> None:
        if not self.parts:
            self.owner = owner
        self.parts.append(text)

    def newline(self) -> None:
        """<br>: ends the line even when it is empty."""
        if self.pending:
            self._flush()
            self.pending = 0
        if self.parts:
            self._flush()
        else:
            self.lines.append(("", self.owner))

    def _flush(self) -> None:
        if self.parts:
            line = "".join(self.parts).strip()
            if line:
                self.lines.append((line, self.owner))
            self.parts.clear()  # in place: the walk holds this list

    def done(self) -> list[tuple[str, object]]:
        self._flush()
        while self.lines and not self.lines[-1][0]:
            self.lines.pop()
        return self.lines


MAX_DEPTH = 255  # libxml2 stops building the tree below this depth and drops what is there


def _render(start: etree._Element) -> tuple[list[tuple[str, object]], bool]:
    """(text, element whose path the line gets) for every rendered line, blank lines included, and
    whether the walk reached the parser's depth limit (then text below it is missing).

    lxml's iterwalk yields each element's start and end in document order from C, with no recursion
    in Python however deep the markup; a subtree that renders nothing is skipped whole. This loop sees
    every element of every page, so the white space between tags (most text runs) is handled here
    rather than in _Lines.text, and a tail's element is looked up only when the tail shows text."""
    out = _Lines()
    text, parts = out.text, out.parts
    hidden = _hidden(start)
    kinds, breaks = _KIND, _BREAKS
    too_deep = False
    depth = -1  # of the current element; the start element is at 0
    pre = 0  # <pre> elements open around the current position
    walker = etree.iterwalk(start, events=("start", "end"))
    skip_subtree = walker.skip_subtree
    for event, el in walker:
        tag = el.tag
        kind = kinds.get(tag)
        if kind is None:
            kind = kinds.get(tag.lower(), _INLINE) if isinstance(tag, str) else _SKIPPED
        if hidden and el in hidden:
            kind = _SKIPPED
        if event == "start":
            depth += 1
            if kind >= _BR:  # <br>, <img>, or nothing rendered: none of its content is
                if kind == _BR:
                    out.newline()
                skip_subtree()
                continue
            need = breaks[kind]
            if need > out.pending:
                out.pending = need
            if depth >= MAX_DEPTH - 2:
                too_deep = True
            if kind == _PRE:
                pre += 1
            own = el.text
            if own:
                if pre or own.strip(_ASCII_SPACE):
                    text(own, el, pre > 0)
                elif parts and not out.pending:
                    parts.append(" ")  # collapsible white space between tags
            continue
        depth -= 1
        if kind < _BR:
            if kind == _PRE:
                pre -= 1
            need = breaks[kind]
            if need > out.pending:
                out.pending = need
            elif kind == _CELL:
                text(" ", None)  # white space only: it never starts a line, so needs no element
        tail = el.tail
        if tail:
            if pre or tail.strip(_ASCII_SPACE):
                text(tail, start if el is start else el.getparent(), pre > 0)
            elif parts and not out.pending:
                parts.append(" ")  # collapsible white space between tags
    return out.done(), too_deep


def tree_to_lines(root: etree._Element) -> tuple[list[tuple[str, str]], bool]:
    """(text, element path) for every rendered line, blank lines included, and whether the tree
    reached the parser's depth limit (then text below it is missing)."""
    start = _start(root)
    if compiled is not None:
        return compiled.render(start)
    lines, too_deep = _render(start)
    paths = Paths(start)
    return [(line, paths.of(owner)) for line, owner in lines], too_deep


def _start(root: etree._Element) -> etree._Element:
    # iterchildren filters in C; root.find("body") went through ElementPath in Python on every page
    return next(root.iterchildren("body"), root)


_INVISIBLE_OPEN = re.compile(r"<(script|style|template|noscript|head)\b", re.I)
_INVISIBLE_CLOSE = {name: re.compile(rf"</{name}\s*>", re.I) for name in "script style template noscript head".split()}


def _drop_invisible(source: str) -> str:
    """The source with every script, style, template, noscript and head element replaced by a space,
    in linear time, however long their attributes. A closing tag not found after one opening tag is
    not found after a later one either, so that tag name is not looked for again (a deep page with
    thousands of unclosed <script> tags would otherwise be rescanned from each); likewise a `>` that
    ends no opening tag."""
    out, kept, pos, unclosed = [], 0, 0, set()
    while (m := _INVISIBLE_OPEN.search(source, pos)) is not None:
        name = m.group(1).lower()
        end = source.find(">", m.end())
        if end < 0:
            break  # no tag is closed after this point
        close = None if name in unclosed else _INVISIBLE_CLOSE[name].search(source, end + 1)
        if close is None:
            unclosed.add(name)
            pos = m.start() + 1
            continue
        out.append(source[kept : m.start()])
        out.append(" ")
        kept = pos = close.end()
    out.append(source[kept:])
    return "".join(out)


# A tag is `<` up to the next `>` with no `<` in between: a failed match stops at the next `<`, so the
# whole page is scanned once however long a tag's attributes are (a length cap would leave a long tag,
# attributes and all, in the text).
_BREAKING_TAG = re.compile(
    r"<(?:br|/?(?:p|div|li|h[1-6]|tr|section|article|ul|ol|table|header|footer|nav|main|aside|blockquote|pre|dd|dt))\b[^<>]*>",
    re.I,
)
_ANY_TAG = re.compile(r"<[^<>]*>")


def flat_lines(source: str) -> list[tuple[str, str]]:
    """Lines of markup too deep for a tree: tags that break a line become newlines, the rest go, and
    so do the elements the renderer never shows (script, style ...). Cruder than the tree walk, but it
    loses no text."""
    text = _ANY_TAG.sub(" ", _BREAKING_TAG.sub("\n", _drop_invisible(source)))
    return [(" ".join(line.split()), "flat") for line in unescape(text).split("\n")]


def html_to_blocks(root: etree._Element | None, source: str = "") -> Blocks:
    blocks = Blocks()
    blocks.markup = True
    if root is not None:
        start = _start(root)
        lines, too_deep = (compiled.render if compiled is not None else _render)(start)
        if not too_deep:  # a tree that renders nothing is a page with nothing visible, not a case for the flat reader
            if compiled is not None:  # lines carry their paths
                compiled.fill_blocks(lines, blocks, Block)
                return blocks
            paths = Paths(start)  # lines carry their elements; paths are built when read
            for i, (raw, owner) in enumerate(lines, start=1):
                clean = " ".join(raw.split())
                blocks.append(HtmlBlock(i, raw, clean, clean.casefold(), owner, paths))
            return blocks
    if root is not None or source:
        blocks.flat = True
        for i, (raw, path) in enumerate(flat_lines(source), start=1):
            clean = " ".join(raw.split())
            blocks.append(Block(i, raw, clean, clean.casefold(), path))
    return blocks


def rendered_text(root: etree._Element | None) -> str:
    """The page as a text dump: what a user copying it out of the browser would get."""
    return "\n".join(line for line, _ in tree_to_lines(root)[0]) if root is not None else ""


def _compiled_renderer():
    """deboiler.stages._html_render (the same walk in C, built at install) set up with this module's tables,
    or None where it was not built: then the reference renderer above does the work, more slowly."""
    if os.environ.get("DEBOILER_PURE_PYTHON"):
        return None
    try:
        from deboiler.stages import _html_render
    except ImportError:
        return None  # not built (no C compiler at install): the documented slower path
    except ValueError as exc:  # built against another lxml whose element layout differs ("size changed")
        warnings.warn(f"deboiler: compiled HTML renderer unusable ({exc}); using the slower Python one", stacklevel=2)
        return None
    _html_render.configure(_KIND, _HIDDEN_STYLE)
    return _html_render


compiled = _compiled_renderer()
