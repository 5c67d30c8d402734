"""Find the episode on a text page of a site deboiler has no template for.

An episode page, in any language, reads top to bottom as: the site's header, the episode's own
header (show, title, date and length), the creator's description, then sections that are not the
description (a transcript, comments, other episodes, the show's blurb, related shows). This stage
finds where the description starts and ends, reads the header's fields, and gives every line a
label and a reason:

- the description starts under a description heading ("Episode description", "Sinopse") or at the
  first paragraph, with the short lines between the episode's title and that paragraph;
- it ends at a section heading ("Transcript", "Om Podcasten", "Episoder(222)"), where a transcript
  starts (speaker or timestamp lines between dialogue), where the page's header comes again, at a
  list of other episodes with their dates, or at two interface lines in a row;
- inside it only interface lines of a language's lexicon and player widgets go: a lost description
  line costs more than a kept chrome line.

Headings and interface lines come from the UI lexicon (deboiler/lexicon/ui/<lang>.toml); dates and
lengths from stages/meta_lines.py; everything else here is the shape of a line, in no language.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from deboiler.catalog.lexicon import (
    byline_words,
    credit_labels,
    every_language,
    hosting_footer,
    read_lexicon,
    show_headings,
)
from deboiler.catalog.phrases import has_digit, literal_text
from deboiler.stages.blocks import Blocks, tag_of
from deboiler.stages.dedup import MIN_BLOCK_CHARS, strip_cut_marker
from deboiler.stages.field_lines import field_value, labelled
from deboiler.stages.field_lines import full_stop as _full_stop
from deboiler.stages.generic import (
    EMBED_CODE,
    EPISODE_WORDS,
    HEADING_PATH,
    PROSE_CHARS,
    PROSE_CJK_CHARS,
    PROSE_CJK_SENTENCE,
    PROSE_WORDS,
    card_residue,
    icon_glyphs,
    lexicon_matcher,
    printed_twice,
)
from deboiler.stages.generic import SENTENCE_END as _SENTENCE_END
from deboiler.stages.meta_lines import MetaLine, and_words, find_meta, read_meta_line, yearless_date
from deboiler.stages.player_lines import WIDGET as _WIDGET
from deboiler.stages.player_lines import player_control
from deboiler.stages.verdict import Verdict

SENTENCE_WORDS = 5
TITLE_MAX_CHARS = 250
TITLE_LIKE_MAX_CHARS = 160
NEIGHBOURS = 4  # how far a title printed again is looked for

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CLAUSES = re.compile(r"[,，、].*[,，、]")  # two commas: running text, not a title
_TWO_SENTENCES = re.compile(r"[.!?。！？।۔؟] \S|。.")
_IMAGE_FILES = "jpe?g|png|gif|webp|svg|avif|heic|tiff?|bmp|cr2|nef|arw|dng"  # picture files' extensions, a camera's raw ones too
# A link or an e-mail address (or the "[email protected]" a site's e-mail obfuscation prints): no name holds one.
_URLISH = re.compile(
    r"https?://|www\.|\w\.(?:com|org|net|io|fm|co|de|se|no|dk|fi|nl|cz|sk|pl|fr|es|it|pt|br|jp|cn)\b|\w@[\w-]+\.\w|\[email.protected\]"
    rf"|\w\.(?i:{_IMAGE_FILES}|mp3|m4a|ogg|pdf)$",  # an image's or a file's name ("programa 2.jpg")
    re.I,
)
# Not a title or a show's name: two buttons glued by the dump ("View descriptionShare"), an
# identifier ("apple_podcasts"), an item of a list or breadcrumb ("- Podcasty").
_GLUED_WORDS = re.compile(r"(?<![^\W\d_])[a-zà-ÿ]{4,}[A-Z][a-zà-ÿ]")
_CASE_TURN = re.compile(r"[a-zà-ÿ][A-Z][a-zà-ÿ]")  # what glued words need, found ~2x faster
_IDENTIFIER = re.compile(r"\w_\w")
_BREADCRUMB_ITEM = re.compile(r"[-–•·*]\s|[-–•·*▪][^\W\d_]")


def _not_a_name(text: str) -> bool:
    # Three patterns, each tried where a cheap test says it can match: one alternation of them
    # searched every line at every position (names are tested on most short lines of a page).
    return bool(
        ("_" in text and _IDENTIFIER.search(text))
        or (text[:1] in "-–•·*▪" and _BREADCRUMB_ITEM.match(text))
        or (_CASE_TURN.search(text) and _GLUED_WORDS.search(text))
    )


# Counters ("2356 232"), a WordPress shortcode printed as text ("[youtube https://...]",
# "[iframe src=...]", a photo's "[caption id=...]"), markup the dump kept ("<image>data:image/svg...": an ASCII tag name, as
# "<預購>" is a creator's label), a label glued to its link ("Smart linkhttps://pc.st/..."), two
# buttons glued ("View descriptionShare"), a player's embed code printed as text ('<iframe
# src=...>'), an image's file name where its picture did not load ("programa 2 reserva
# biosfera.jpg", a camera's "ANAPHOTO.CR2"), a template's tags left unfilled ("{{social-media}}",
# "{{ info.title }} {{ info.title }}").
_RESIDUE = re.compile(
    r"^[\d\s.,]+$|^(?:\{\{[^{}]{1,60}\}\}\s*)+$|^\{%[^%]{1,80}%\}$|^\[(?:youtube|vimeo|audio|video|embed|iframe|soundcloud|spotify|podcast|powerpress|caption)\b[^\]]*\]$"
    r"|^<[A-Za-z][A-Za-z0-9]*>|^" + EMBED_CODE.pattern + r"|^data:\w+/|^[^\W\d_][^/]{0,40}[^\W\d_]https?://"
    r"|^.{0,30}(?<![^\W\d_])[a-zà-ÿ]{4,}[A-Z][a-zà-ÿ].{0,30}$|^[^/\\:]{1,60}\.(?i:" + _IMAGE_FILES + ")$"
)
_MARKUP_TAG = re.compile(r"<[^<>]{0,300}>")
# Any WordPress shortcode with attributes, printed as text: a player's embed ('[spreaker type=player
# resource="episode_id=..." width="100%" ...]'), however many attributes it has.
_SHORTCODE = re.compile(r"""^\[[a-z][\w-]*(?:\s+[\w-]+=(?:"[^"]*"|'[^']*'|[^\s\]"']+))+\s*/?\]$""")
_TIMESTAMP = r"[(\[]?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d)?[)\]]?"  # "01:49.5": a subtitle player's tenths
# A clock as (hours or None, minutes, seconds), maybe in brackets ("02:09", "[1:02:03]"): _clock_seconds reads it.
_CLOCK = r"[(\[]?(?:(\d{1,2}):)?(\d{1,2}):([0-5]\d)[)\]]?"
# A transcript's turn on a line of its own: a speaker and/or a timestamp ("Speaker 1 (00:00):",
# "Guy Burton 00:08", "Guy Burton – 00:08", "Voz 2 00:41", "(00:38):", "00:09"), a speaker and the
# time in words ("Anna Berg 2m 6s"), or "Starting point is 00:00:00" (podscripts). A numbered voice is
# a speaker in any language ("Voz 1727", "Sprecher 2").
_NAME_WORD = r"[^\W\d_][\w.'’-]*"  # a word of a speaker's name ("Guy", "O'Brien", "Al-Farsi")
_TURN = re.compile(
    rf"^(?:(?:{_NAME_WORD} \d{{1,4}}|{_NAME_WORD}(?: {_NAME_WORD}){{0,3}})\s*(?:[-–—]\s*)?)?{_TIMESTAMP}:?$"
    rf"|^Speaker \d+:?$|^Starting point is \d{{1,2}}:\d{{2}}:\d{{2}}"
    rf"|^{_NAME_WORD}(?: {_NAME_WORD}){{0,3}} (?:\d{{1,2}}h )?(?:\d{{1,2}}m )?\d{{1,2}}s$"
)
# A turn of an interview printed as dialogue: "Anna Berg: Welcome to ...", the speaker's name (one
# to three capitalised words) and what they said.
_SPOKEN = re.compile(rf"^({_NAME_WORD}(?: {_NAME_WORD}){{0,2}}): (\S.{{24,}})$")
# A short turn ("Nahit Eren: İyi yayınlar."): a full name and one short sentence. It opens a
# transcript only where the same speaker's long turn follows (_starts_dialogue).
_SHORT_SPOKEN = re.compile(rf"^({_NAME_WORD}(?: {_NAME_WORD}){{1,2}}): (\S.{{1,23}}[.!?…])$")
# The same in Chinese and Japanese, where no space follows the name: "梁冬:大家好……", "高橋「それが……」".
_CJK_SPOKEN = re.compile(r"^([\u3040-\u30ff\u3400-\u9fff]{1,6})(?:[:：]|「)(\S.{9,})$")
DIALOGUE_LOOKAHEAD = 4  # lines within which a speaker speaks again
# A turn and what was said on one line: "Puhuja 1 [00:00:01]: Teollisuus, liikenne, ...", "[0:21] Es ist
# der zweite Juni ...", "ioni: [00:00:20] Hello ...": a speaker before a bracketed time, or a time in
# square brackets, then a paragraph.
# A chapter list's line ("36:55 – Kritikk mot NFF: ...") has neither.
_TIMED_TURN = rf"^(?:(?:Speaker \d+|{_NAME_WORD}(?: [\w.'’-]+){{0,2}}):?\s*[(\[]|\[)\d{{1,2}}:\d{{2}}(?::\d{{2}})?[)\]]:?\s+"
_TIMED_SPEECH = re.compile(rf"{_TIMED_TURN}([^-–—\s].{{{PROSE_CHARS - 1},}})$")
_TIMED_TURN_START = re.compile(_TIMED_TURN)
# A subtitle file printed on the page (WebVTT, SubRip): its header alone on its line (a paragraph may
# open with the word), or a cue's times ("00:00:04.970 --> 00:00:07.490"), which no creator's notes print.
# A transcript's span of seconds alone on its line ("0:00:10–0:00:14") is one too; an air time's span
# ("22:00-22:30") gives no seconds.
_CUE = re.compile(
    r"^WEBVTT$|^(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3} --> (?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}"
    r"|^\d{1,2}:\d{2}:\d{2}\s?[–—-]\s?\d{1,2}:\d{2}:\d{2}$"
)
# A sound cue alone on its line, in brackets: "(taustamusiikkia)", "[music]".
_BRACKETED_CUE = re.compile(r"^(?:\([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3}\)|\[[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,3}\])$")
# A machine transcript's sound cue opening a paragraph: "[music] Welcome back", "[muzyka] Dzień dobry".
_SOUND_CUE = re.compile(r"^\[([^\W\d_]{3,20})\] \S")
# A turn of dialogue printed after a dash, as Russian, Polish or Spanish print an interview.
_DASH_TURN = re.compile(r"^[—–-] \S")
# A turn with the speaker's name before a dash ("Bernard – Estou muito feliz de estar aqui!"): a
# transcript where the same name opens another such turn a few lines on, someone's line between.
_NAMED_DASH_TURN = re.compile(rf"^({_NAME_WORD}(?: {_NAME_WORD}){{0,2}}) [–—-] (\S.+)$")
NAMED_DASH_TURNS_LOOKAHEAD = 4
DASH_TURNS_RUN = 6  # dashed lines in a row
DASH_SHORT_REPLIES = 3  # of them, replies of a few words ending as a sentence ("— Да.", "— Серьезно?")
DASH_REPLY_MAX_WORDS = 3
DASH_REPLY_MAX_CHARS = 24
DASH_REPLY_MAX_CJK_CHARS = 6
# A transcript's stage direction on a line of its own: "[Theme music starts]", "[KITTY MEOWS, PURRS]".
_STAGE_DIRECTION = re.compile(r"^\[([^\W\d_][^\[\]\d:/=]{1,40})\]$")
_CHAPTER = re.compile(rf"^{_TIMESTAMP}(?![.\d])\s*[-–:]?\s*\S")  # "00:32 Savusauna": a chapter list, the creator's
# A time and what was said, line after line, seconds apart ("00:00:19: Hallo und herzlich willkommen
# ...", "00:00:21: ..."): a machine transcript. A chapter list's times are minutes apart.
# A time and text, maybe after the speaker's label ("Interviewer, Li…: 00:14 Okay."), as a transcript
# exporter prints each turn.
_STAMPED = re.compile(r"^(?:[^\W\d][^:\d]{0,39}: )?[(\[]?(?:(\d{1,2}):)?(\d{1,2}):(\d{2})[)\]]?:?\s+\S")
STAMPED_RUN = 5  # lines in a row, each a time and text
STAMPED_STEP_SECONDS = 15  # at most this many seconds between two of them, on average
STAMPED_SENTENCES_STEP_SECONDS = 30  # ... or this many where each line's text ends as a sentence (speech, not chapters)
_EPISODE_MARK = re.compile(rf"^(?:#\s?\d|\d{{1,4}}[.:)]\s|{EPISODE_WORDS}\.?\s?\d)", re.I)
_LEADING_MARKS = re.compile(r"^[-–—•·*>\s]+")
_WORD = re.compile(r"[^\W\d_]+")


def is_prose(text: str) -> bool:
    if len(text) >= PROSE_CHARS or len(text.split()) >= PROSE_WORDS:
        return True
    cjk = len(_CJK.findall(text))
    return cjk >= PROSE_CJK_CHARS or (cjk >= PROSE_CJK_SENTENCE and bool(_SENTENCE_END.search(text)))


def paragraph(text: str) -> bool:
    """Prose that can open a description: long, or a whole sentence (a title of twelve words
    without a full stop does not)."""
    if len(text) >= PROSE_CHARS or len(_CJK.findall(text)) >= PROSE_CJK_SENTENCE:
        return True
    return bool(_SENTENCE_END.search(text))


def sentence_like(text: str) -> bool:
    """A line of running text: it ends as a sentence does and has a few words."""
    if not _SENTENCE_END.search(text) or text.endswith(".."):
        return False
    return len(text.split()) >= SENTENCE_WORDS or len(_CJK.findall(text)) >= 10


def title_like(text: str) -> bool:
    """A long line that may still be a title: titles end in "?", "!", "..." or nothing, not in a
    plain full stop."""
    if len(text) >= TITLE_LIKE_MAX_CHARS or (_CLAUSES.search(text) and not _EPISODE_MARK.match(text)):
        return False  # (an episode's number opens a title that lists its topics: "Episode 49: A, B, C")
    return not (text.endswith(".") and not text.endswith(".."))


_COMMAS = (",", "、", "，")
_COLONS = (":", "：")
_GOES_ON = (*_COMMAS, *_COLONS)


def name_shaped(text: str) -> bool:
    """A line that could be an episode's title or a show's name: two words or more (one word is
    more often a button, or a creator's "Hola"), or a few CJK characters; no link, no glued buttons."""
    if len(text) > TITLE_MAX_CHARS or text.endswith(_GOES_ON):
        return False  # a name does not end in a comma or a colon ("Dear listeners,": the text goes on)
    if len(text.split()) < 2 and len(_CJK.findall(text)) < 4:
        return False
    if ("。" in text.rstrip("。") or text.count("，") + text.count(",") >= 2) and len(_CJK.findall(text)) >= 4:
        return False  # a CJK sentence and more after its stop, or clauses: a caption or the text, no name
    if not any(ch.isalpha() for ch in text):
        return False  # a player's "0:00 / 0:00", a row of numbers
    # Every link or address holds a "." or "/" (or is "[email protected]"); the patterns last, being dearest.
    return not ((("." in text or "/" in text or "[" in text) and _URLISH.search(text)) or _not_a_name(text))


@dataclass(eq=False, slots=True)
class Line:
    index: int
    text: str
    # blank, desc_heading, notes_heading, section, chrome, meta, widget, byline, show_phrase, prose, short
    kind: str = "short"
    why: str = ""  # the lexicon phrase that matched
    any_language: bool = False  # a hit of the language-free table ({url}, "•", "{n}")
    meta: MetaLine | None = None
    captures: dict = field(default_factory=dict)
    wrapped: bool = False  # the next line goes on with this one's sentence (a hard-wrapped paragraph)
    lineno: int = 0  # 1-based line number in the input, as reasons name it (blank runs are one block)


# Language-free phrases a creator's text holds too: a link, a number, a date, a separator. Inside the
# description they stay; "© 2024 ..." or a play glyph does not.
_KEPT_IN_TEXT = frozenset(["{url}", "{n}", "{date}", "{duration}", "…", "...", "•", "|", "·", "{date} · {duration}", "{date} • {duration}", "{date} - {duration}"])

_KIND_OF_RULE = {
    "desc": "desc_heading",
    "notes": "notes_heading",
    "section": "section",
    "blurb": "section",
    "showhead": "section",
    "list": "section",
    "byline": "byline",
    "show": "show_phrase",
    "title": "chrome",
    "reldate": "meta",
    "ui": "chrome",
}


def classify(blocks: Blocks, hits: list) -> list[Line]:
    """Each line's kind, from its lexicon hits and its shape."""
    lines = []
    for i, block in enumerate(blocks):
        text = block.text
        line = Line(i, text, lineno=block.lineno)
        lines.append(line)
        if not text:
            line.kind = "blank"
            continue
        found = hits[i]
        if not found and text[:5] == "date " and (stamp := _CRAWL_STAMP.match(text)) and not any(line.text for line in lines[:-1]):
            # The store's date before the page's first line (" date 2019-11 Écouter le podcast :"): the
            # line is read as the page printed it.
            rest = text[stamp.end() :]
            found = lexicon_matcher().scan(Blocks([dataclasses.replace(block, text=rest, folded=rest.casefold())]))[0] if rest else []
        if found and any(hit.rule.name.startswith("blurb-") for hit in found):
            found = [hit for hit in found if not hit.rule.name.startswith("blurb-") or _printed_above(blocks, i, hit.captures.get("show"))]
        # A section rule is what a line is, even where a plain UI phrase ("Description") matched first,
        # unless the UI phrase says more of the line ("Podcast: Play in new window | Download{text}" is
        # a player's line, not the show of "Podcast: {show}").
        hit = _deciding_hit(found) if found else None
        if hit is not None and hit.rule.name.startswith("ui-") and "{d" in hit.phrase and (meta := read_meta_line(text)) is not None:
            line.kind, line.meta = "meta", meta  # a "{date} · {duration}" phrase: read the line's date and length
            continue
        if hit is not None:
            line.kind = _KIND_OF_RULE.get(hit.rule.name.split("-")[0], "chrome")
            line.why, line.captures = hit.phrase, dict(hit.captures)
            # Kept between lines of a description: a glyph, a link, a count, an app's name ("Listen on:" lists)
            line.any_language = (hit.rule.name == "ui-any" and hit.phrase in _KEPT_IN_TEXT) or hit.rule.name.startswith(("app-", "social-"))
            if line.kind == "meta":
                line.meta = MetaLine(None, None)
        elif len(text) >= PROSE_CHARS:  # a long line: prose, unless a label glued to its link
            # A feed's raw tags around a paragraph ("<p>Show notes: ...</p>") leave it prose.
            residue = (_RESIDUE.match(text) and len(_MARKUP_TAG.sub(" ", text).split()) < PROSE_WORDS) or _SHORTCODE.match(text)
            line.kind = "widget" if residue or _glued_buttons(text) else "prose"
        # Every player time, seek button, date and length holds a digit (but "--:--"): most lines hold none.
        elif (digit := has_digit(text) is not None) and player_control(text):
            line.kind = "widget"
        elif not digit and text[0] in ":-" and _WIDGET.match(text):
            line.kind = "widget"
        elif digit and (meta := read_meta_line(text)) is not None:
            line.kind, line.meta = "meta", meta
        elif _RESIDUE.match(text) or icon_glyphs(text) or (text[0] == "[" and _SHORTCODE.match(text)):
            line.kind = "widget"
        elif is_prose(text):
            line.kind = "prose"
        if line.kind == "widget" and _IN_CODE.search(block.path):
            # Saved HTML: code the notes print ("setupPorts = ports => {") is the creator's, however glued.
            line.kind = "prose" if is_prose(text) else "short"
    for chapters in chapter_lists([line.text for line in lines]):
        for k in chapters:  # neither the title nor the episode's length ("02:09 Why pears last")
            lines[k].kind, lines[k].meta = "chapter", None
    _mark_wrapped(blocks, lines)
    return lines


_IN_CODE = re.compile(r"(?:^|>)(?:pre|code)(?:[.#][^>]*)?(?:>|$)")


def _glued_buttons(text: str) -> bool:
    """A long line of buttons the dump ran together ("españaESPAÑAchileCHILEcolombiaCOLOMBIA..."):
    a word's lowercase runs into capitals again and again, with hardly a space between."""
    if text.count(" ") * GLUED_CHARS_PER_SPACE >= len(text) or "://" in text:
        return False  # prose; or a link, whose path mixes cases ("Transcript: https://.../1FK1OepdJMrq...")
    return len(_CASE_JOINS.findall(text)) >= GLUED_JOINS


_CASE_JOINS = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")
GLUED_JOINS = 3
GLUED_CHARS_PER_SPACE = 20  # prose has a space every six or seven characters


def _mark_wrapped(blocks: Blocks, lines: list[Line]) -> None:
    """A paragraph a dump wrapped into short lines: each line after the first starts with a space and
    goes on in lowercase ("Mai multe țări europene au intrat" / " din nou în carantină ..."). Its
    lines are prose, the first one included, and none of them is a title or a show."""
    for line, after, block in zip(lines, lines[1:], blocks[1:]):
        if line.kind in ("short", "prose") and after.kind in ("short", "prose") and after.text[:1].islower() and (
            block.raw[:1] in (" ", "\t") or _cut_at_a_width(line.text)
        ):
            line.kind = after.kind = "prose"
            line.wrapped = after.wrapped = True


WRAP_MIN_CHARS = 50  # a line wrapped at a fixed width (an email's or a feed's 60-72 columns) is this long at least


def _cut_at_a_width(text: str) -> bool:
    """A line a fixed-width wrap cut in mid-sentence: long, several words, ending in a word or a comma."""
    return len(text) >= WRAP_MIN_CHARS and (text[-1].isalpha() or text[-1] == ",") and text.count(" ") >= 6


def _printed_above(blocks: Blocks, i: int, name: str | None) -> bool:
    """Whether a line above the i-th is `name` alone: "What is NAME?" is the show's blurb only under
    a page that names the show so; elsewhere it is a creator's question ("What is DeFi?")."""
    folded = (name or "").strip().casefold()
    return bool(folded) and any(block.folded == folded for block in blocks[:i])


def _deciding_hit(found: list) -> object:
    ui = next((h for h in found if h.rule.name.startswith("ui-")), None)
    other = next((h for h in found if not h.rule.name.startswith("ui-")), None)
    if other is None or ui is None:
        return other or ui
    return ui if len(literal_text(ui.phrase)) > len(literal_text(other.phrase)) else other


class Page:
    """The classified lines with their non-blank neighbours at hand."""

    def __init__(self, lines: list[Line], resumes: bool = True) -> None:
        self.lines = lines
        self.resumes = resumes  # whether text goes on under a caption or byline (see _resumes_after)
        self.nonblank = [line for line in lines if line.kind != "blank"]
        self.position = {line.index: k for k, line in enumerate(self.nonblank)}
        self.crumbs = _breadcrumb(self.nonblank)
        self.crumb_stem = _crumb_stem(self.crumbs[-1]) if self.crumbs else ""
        self.paths: list[str] = []  # saved HTML: each line's tag path (a footer, sidebar, menu or form in it?)

    def next(self, line: Line, step: int = 1) -> Line | None:
        k = self.position[line.index] + step
        return self.nonblank[k] if 0 <= k < len(self.nonblank) else None

    def prev(self, line: Line) -> Line | None:
        return self.next(line, -1)

    def around(self, line: Line, n: int) -> list[Line]:
        k = self.position[line.index]
        return self.nonblank[max(0, k - n) : k] + self.nonblank[k + 1 : k + 1 + n]


def _opens_description(page: Page, line: Line) -> bool:
    """Whether a paragraph opens the description rather than being the episode's own header: a
    title printed twice, or a title-like line over its date or 'SHOW - A podcast by' line (with at
    most a few interface lines between), or a page's first line over a paragraph."""
    full_stop = _full_stop(line.text)
    titled = not full_stop or bool(_EPISODE_MARK.match(line.text))
    copies = [other for other in page.around(line, NEIGHBOURS) if other.text == line.text or _site_after(other.text) == line.text]
    if titled and copies and (title_like(line.text) or not _lead_printed_twice(page, line)) and not _block_printed_twice(page, line, copies, full_stop):
        return False  # the title printed twice (a paragraph printed twice is the description's)
    if _teaser(page, line):
        return False  # the description's teaser, cut short of its full copy below
    if page.crumb_stem and line.text.startswith(page.crumb_stem):
        return False  # the title the breadcrumb cut short
    if _breadcrumb_line(page, line) or _title_with_site(page, line):
        return False
    after = page.next(line)
    if after is not None and after.kind == "byline" and after.captures.get("show") and not sentence_like(line.text):
        return False  # "TITLE / SHOW - A podcast by NAME": the title, however long and full of commas
    if after is None or not title_like(line.text):
        return True
    saw_interface, only_sections = False, True
    for k in range(1, 4):
        other = page.next(line, k)
        if other is None:
            break
        if other.kind in ("meta", "byline"):
            return False
        if other.kind in ("chrome", "widget", "section", "desc_heading"):
            # A section heading with a value ("Autor: Ana Ruiz") is the header's field, not a heading.
            heading = other.kind == "section" and "{" not in other.why
            saw_interface, only_sections = True, only_sections and heading
            continue
        if other.kind == "prose" and saw_interface:
            if only_sections:
                break  # "text / TRANSCRIPT / what was said": the page's next section, under the description
            return False  # "TITLE / Listen Later / paragraph": the title's button, then the text
        if other.kind != "short":
            break
    # A line ending in a colon introduces what follows (a list): no title.
    plain_title = (not _SENTENCE_END.search(line.text) or line.text.endswith("..") or _question_title(line.text) or _exclaimed_title(line.text)) and not line.text.endswith(":")
    one_sentence = not _TWO_SENTENCES.search(line.text)
    at = page.position[line.index]
    # The page's first line, or the first under the page's date line ("May 20, 2021" / TITLE / text).
    first = at == 0 or (at == 1 and page.nonblank[0].kind == "meta")
    return not (first and after.kind == "prose" and plain_title and one_sentence)


QUESTION_TITLE_WORDS = 8


def _question_title(text: str) -> bool:
    """A question that reads as a title: short ("Why Start a Podcast?"), or with an episode's number
    or a name before a separator ("E94 Faut-il commémorer Napoléon ?", "Superliga Preview: Hvem snupper
    El Plástico?"). On real pages 14 of 14 such first lines over a paragraph were titles; a long
    question of clauses ("Provavelmente você gosta de futebol, mas você sabe ...?") opens the text."""
    if not text.endswith(("?", "？")):
        return False
    return len(text.split()) <= QUESTION_TITLE_WORDS or _EPISODE_MARK.match(text) is not None or any(sep in text for sep in _NAME_SEPARATORS)


def _exclaimed_title(text: str) -> bool:
    """An exclamation that reads as a title: an episode's number or a name before a separator ("10
    Anos #2: Isso non ecziste!", "Daily podcast – Fool's Gold!"). A short one alone ("Hi friends!")
    is as often the creator's greeting that opens the text."""
    if not text.endswith(("!", "！")):
        return False
    if _EPISODE_MARK.match(text) is not None:
        return True
    # A name before the separator, not a clause ("Endlich wieder mehr draußen sein ...: Was wir ...!")
    heads = [text.split(sep, 1)[0] for sep in _NAME_SEPARATORS if sep in text]
    return any(len(head.split()) <= EXCLAIMED_NAME_WORDS for head in heads)


EXCLAIMED_NAME_WORDS = 5  # "Sustaining Your Podcast", "The reDiscovery Podcast S02E08"


BREADCRUMB_STEPS = 3  # "Podcast / Programmes / SHOW / TITLE", "Podcast > Evening Edition > TITLE": three steps at least
_BREADCRUMB_SEPARATORS = (" / ", " > ", " » ", " › ")


def _breadcrumb_line(page: Page, line: Line) -> bool:
    """A breadcrumb of steps between slashes or arrows whose last step is printed as a line of its
    own close by (the episode's title under "Podcast > Evening Edition > SHOW > TITLE"): the site's,
    no paragraph, title or show."""
    last = _breadcrumb_last(line.text)
    return last is not None and any(other.text == last for other in page.around(line, NEIGHBOURS))


def _breadcrumb_last(text: str) -> str | None:
    """The last step of a breadcrumb of BREADCRUMB_STEPS steps or more ("News / Podcasts / SHOW"), else None."""
    if not any(separator in text for separator in _BREADCRUMB_SEPARATORS):
        return None  # most lines
    text = " ".join(text.split())  # a dump may space the arrows out ("Podcast  >  Evening Edition")
    for separator in _BREADCRUMB_SEPARATORS:
        if text.count(separator) >= BREADCRUMB_STEPS - 1:
            return text.rpartition(separator)[2].strip() or None
    return None


_NAME_SEPARATORS = (": ", " - ", " – ", " — ", " | ")


def _named_by(text: str, name: str) -> bool:
    """Whether a line opens with a name and a separator ("SHOW: TITLE"): the title under the show's name."""
    return len(text) > len(name) and text.startswith(name) and text[len(name) :].startswith(_NAME_SEPARATORS)


_SITE_SEPARATORS = (" — ", " – ", " | ", " - ", " · ")
SITE_NAME_MAX_WORDS = 5


def _title_with_site(page: Page, line: Line) -> bool:
    """The page's <title> printed as a line ("TITLE — Rádio Senado") near the title alone: the
    title with the site's name after it, no paragraph and no title."""
    head = _site_after(line.text)
    return head is not None and any(other.text == head for other in page.around(line, NEIGHBOURS))


_TAG_LINE = re.compile(r"^[^\W\d_][^\W\d_]{1,20}: \S")  # "Artist: NAME", "Album: NAME", "Year: 2024"
TAG_BOX_LINES = 3


_HASHTAGS = re.compile(r"^(?:#[^\W\d_]\w*\s*){2,}$")  # two tags or more and nothing else; "#21" is an episode's number


def _tag_box_line(page: Page, line: Line) -> bool:
    """A line of a box of one-word labels and their values ("Artist: SHOW" / "Album: SHOW" / "Year:
    2024", an audio file's tags under a player): the box's field, no title or show."""
    if not _TAG_LINE.match(line.text):
        return False
    box = 1
    for step in (page.prev, page.next):
        other = line
        while box < TAG_BOX_LINES and (other := step(other)) is not None and _TAG_LINE.match(other.text):
            box += 1
    return box >= TAG_BOX_LINES


def _site_after(text: str) -> str | None:
    """What stands before a short name after a separator ("TITLE — Rádio Senado"), else None."""
    for separator in _SITE_SEPARATORS:
        if separator not in text:
            continue
        head, found, site = text.rpartition(separator)
        # The site's name is the short part: "SHOW - EPISODE TITLE" is the other way round.
        if found and head and 0 < len(site.split()) <= SITE_NAME_MAX_WORDS and len(site.split()) < len(head.split()):
            return head
    return None


def _lead_printed_twice(page: Page, line: Line) -> bool:
    """A line of clauses printed twice in a row under another title-like line (Radio KP's "TITLE /
    LEAD / LEAD"): the lead, not a second title. A header printed twice ("SHOW / TITLE / SHOW /
    TITLE") repeats its title apart."""
    above, below = page.prev(line), page.next(line)
    return (
        below is not None
        and below.text == line.text
        and above is not None
        and above.text != line.text
        and above.kind in ("short", "prose")
        and title_like(above.text)
    )


def _block_printed_twice(page: Page, line: Line, copies: list[Line], full_stop: bool) -> bool:
    """Two sentences cut short, printed again under the same line as the first time ("TITLE /
    text… / TITLE / text…"): the description printed twice, not a title printed twice."""
    if full_stop or not _TWO_SENTENCES.search(line.text):
        return False
    above = page.prev(line)
    return above is not None and any((prev := page.prev(c)) is not None and prev is not line and prev.text == above.text for c in copies)


def _starts_timed_speech(page: Page, line: Line) -> bool:
    """A paragraph after a speaker and timestamp, and another turn within a few lines. Without a
    speaker the paragraph must hold two sentences (a long chapter title in brackets does not)."""
    m = _TIMED_SPEECH.match(line.text)
    if m is None or (line.text.startswith("[") and not _TWO_SENTENCES.search(m.group(1))):
        return False
    for k in range(1, DIALOGUE_LOOKAHEAD + 1):
        other = page.next(line, k)
        if other is None:
            return False
        if _CHAPTER.match(other.text) or _TIMED_TURN_START.match(other.text):
            return True
    return False


TURN_LOOKAHEAD = 8  # lines within which a transcript's next turn comes


def _another_turn(page: Page, line: Line) -> bool:
    """Whether another speaker's or time's turn comes within TURN_LOOKAHEAD lines under `line` (a
    dump cut short after one turn of a transcript keeps it: a leak, not a loss)."""
    return any((other := page.next(line, k)) is not None and _TURN.match(other.text) for k in range(2, TURN_LOOKAHEAD + 1))


SPEAKER_MAX_WORDS = 4  # a speaker's name or label alone under a time ("Speaker 1", "Anna Berg")
FIRST_TURN_MAX_SECONDS = 600  # a transcript's first named turn starts near the recording's start
_LAST_CLOCK = re.compile(rf"{_CLOCK}:?$")


def _starts_transcript(page: Page, line: Line) -> bool:
    """A speaker/timestamp line followed by dialogue, not a chapter list (timestamp + title lines)."""
    if not _TURN.match(line.text) or line.text[:1].islower():
        return False  # a speaker's name opens with a capital: "ab Timecode 4:36" points into the audio
    if line.text.startswith("Starting point is"):
        return True
    if _WORD.search(line.text) and (clock := _LAST_CLOCK.search(line.text)) and _clock_seconds(clock) > FIRST_TURN_MAX_SECONDS:
        return False  # a segment's heading with its time far into the episode ("Recomendações (1:13:40):"), no first turn
    after, before = page.next(line), page.prev(line)
    if after is None or _TURN.match(after.text) or _CHAPTER.match(after.text):
        return False
    if after.kind in ("meta", "chrome", "widget"):
        # a details box's next field ("Run Time 01:17:08" / "Released September 21, 2012") or a player's
        # other controls ("0:00" / "Current time: 0:00 / Total time: -32:04"), not speech
        return False
    if not _said(after) and not _another_turn(page, line):
        return False  # a segment's heading with its time ("Nemo's Hardware Store (31:58)") over another heading
    if page.resumes and not _WORD.search(line.text) and line.text.strip("0:()[] ") and not _another_turn(page, line) and not _first_stamp_over_speech(page, line):
        # A time alone (not a player's "00:00", over what it played) with no other turn under it: an air
        # time ("12:05" / the host / the text).
        return False
    if not line.text.strip("0:()[] ") and before is not None and before.kind == "meta" and not _another_turn(page, line):
        return False  # a player's length and its "00:00" ("158:11" / "00:00"), no turn under them
    if not _WORD.search(line.text) and after.kind == "short" and (under := page.next(after)) is not None and _CHAPTER.match(under.text):
        return False  # a time alone over a chapter list's heading ("00:14:39" / "Contents" / "00:00:20 Intro"): the player's length
    if not _WORD.search(line.text) and not _said(after) and len(after.text.split()) > SPEAKER_MAX_WORDS and (under := page.next(after)) is not None and under.kind == "prose":
        return False  # a segment's start, its heading and its text ("0:08:04" / "The story of apples" / paragraph), no speaker
    return not (before is not None and _CHAPTER.match(before.text))


_TIME_ALONE = re.compile(rf"^{_CLOCK}$")
FIRST_STAMP_MAX_SECONDS = 60  # a transcript's first stamp, at the recording's start
FIRST_STAMP_SPEECH_LINES = 3


def _first_stamp_over_speech(page: Page, line: Line) -> bool:
    """A time alone within the recording's first minute ("00:01") over lines of speech, each a
    sentence: a transcript's first stamp, cut before the next (an air time is a time of day)."""
    m = _TIME_ALONE.match(line.text)
    if m is None or not 0 < _clock_seconds(m) < FIRST_STAMP_MAX_SECONDS:
        return False
    under = [page.next(line, k) for k in range(1, FIRST_STAMP_SPEECH_LINES + 1)]
    return all(said is not None and (_said(said) or _SENTENCE_END.search(said.text) is not None) for said in under)


def _clock_seconds(m: re.Match) -> int:
    """The seconds of a clock matched as (hours or None, minutes, seconds): "1:02:03", "02:09"."""
    hours, minutes, seconds = m.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)


def _starts_stamped_speech(page: Page, line: Line) -> bool:
    """STAMPED_RUN lines in a row from `line` on, each a time and text, the times rising by at most
    STAMPED_STEP_SECONDS a line on average (STAMPED_SENTENCES_STEP_SECONDS where every text ends as
    a sentence: a machine transcript's turns, not a chapter list's titles)."""
    times: list[int] = []
    sentences = True
    at: Line | None = line
    while at is not None and len(times) < STAMPED_RUN:
        m = _STAMPED.match(at.text)
        if m is None:
            return False
        times.append(_clock_seconds(m))
        sentences = sentences and _SENTENCE_END.search(at.text) is not None
        at = page.next(at)
    if len(times) < STAMPED_RUN or any(b < a for a, b in zip(times, times[1:])):
        return False
    step = STAMPED_SENTENCES_STEP_SECONDS if sentences else STAMPED_STEP_SECONDS
    return times[-1] - times[0] <= step * (STAMPED_RUN - 1)


def _starts_dash_dialogue(page: Page, line: Line) -> bool:
    """A speaker named by initial and surname on a line of their own ("K. Matsan"), then what they
    said as a dashed turn ("— Good evening, dear friends ..."): a radio transcript."""
    after = page.next(line)
    if line.text[:2] in _ROMAN_NUMBERS:
        return False  # an outline's first part ("I. Introduction" over its dashed points), no initial
    return bool(_INITIAL_AND_NAME.match(line.text)) and after is not None and after.text[:2] in ("— ", "– ")


_ROMAN_NUMBERS = frozenset(["I.", "V.", "X."])


_INITIAL_AND_NAME = re.compile(r"^[^\W\d_]\. ?[^\W\d_][\w'’-]+$")
# A broadcast transcript's first turn: the speaker's full name in capitals, maybe their role, then
# what they said ("MARY REICHARD, HOST: Good morning!"); later turns give the surname alone.
_CAPS_WORD = r"[^\W\d_a-zà-ÿ][^\W\d_a-zà-ÿ'’.-]+"
_CAPS_TURN = re.compile(rf"^((?:{_CAPS_WORD} ){{1,3}}{_CAPS_WORD})(?:, [^\W\d_a-zà-ÿ][^\W\d_a-zà-ÿ ]*)?: \S")
CAPS_DIALOGUE_LOOKAHEAD = 8  # lines within which the speaker's surname opens a turn
# A broadcast transcript's speaker card: the name with the surname in capitals and the role, on a line
# of its own over what they said ("Zita SENKOVÁ, moderátorka" / "-----" / ...).
_SPEAKER_CARD = re.compile(rf"^{_NAME_WORD} {_CAPS_WORD}(?: {_CAPS_WORD})?, [^\W\d_][^,:]{{0,40}}$")
CARD_TURNS_LOOKAHEAD = 12  # lines within which the same card comes again


def _rule(text: str) -> bool:
    """A line of no letter or digit: a separator ("-----", "***", "| |")."""
    return not any(ch.isalnum() for ch in text)


def _past_rule(step: Callable[[Line], Line | None], line: Line) -> Line | None:
    """The next line in `step`'s direction (page.next or page.prev), past a separator there."""
    found = step(line)
    return step(found) if found is not None and _rule(found.text) else found


def _starts_card_turns(page: Page, line: Line) -> bool:
    """A speaker's card over what they said (a separator between may stand), and the same card again
    a few lines on: a transcript. A guest's credit ("Anna BERG, author") is printed once."""
    if not _SPEAKER_CARD.match(line.text):
        return False
    said = _past_rule(page.next, line)
    if said is None or said.kind != "prose":
        return False
    return any((later := page.next(line, k)) is not None and later.text == line.text for k in range(2, CARD_TURNS_LOOKAHEAD + 1))


def _card_over(page: Page, line: Line) -> Line | None:
    """The speaker's card right over `line` (a separator between may stand), where it opens a transcript."""
    above = _past_rule(page.prev, line)
    return above if above is not None and _starts_card_turns(page, above) else None


# A broadcast transcript's turn with the speaker's initial and surname in capitals ("М. КУРНИКОВ:
# Здравствуйте! ..."): a radio's transcript convention that no creator's notes use, so one such turn
# over a paragraph is a transcript even where the page is cut before the next.
_INITIAL_CAPS_TURN = re.compile(r"^([^\W\d_]\. ?[^\W\d_][^\W\d_'’-]+): \S")


def _initial_caps_turn(line: Line) -> bool:
    m = _INITIAL_CAPS_TURN.match(line.text)
    return m is not None and m.group(1).isupper() and line.kind == "prose"


def _starts_caps_dialogue(page: Page, line: Line) -> bool:
    """A full name in capitals opening a turn, and the surname alone opening another within a few lines."""
    m = _CAPS_TURN.match(line.text)
    if m is None or not m.group(1).isupper():
        return False
    surname = m.group(1).split()[-1] + ":"
    return any(
        (other := page.next(line, k)) is not None and other.text.startswith(surname)
        for k in range(1, CAPS_DIALOGUE_LOOKAHEAD + 1)
    )


# A transcript's turn with the speaker's full name in square brackets ("[Anna Berg] Hello and welcome ..."),
# as transcript exporters print it; a one-word tag ("[Video] ...", "[Music] ...") names no one.
_BRACKETED_SPOKEN = re.compile(rf"^\[({_NAME_WORD}(?: {_NAME_WORD}){{1,3}})\] (\S.*)$")


CUT_TURN_CHARS = 24  # what a speaker says on the page's last line, cut where the dump stopped


def _speaker(text: str, cut: bool = False) -> frozenset[str] | None:
    """The words of the speaker's name a line of dialogue opens with, else None. What a speaker says
    is a sentence or a paragraph: a list of labelled links or of books ("Article: How to Start a
    Mastermind", "Sapiens: A Brief History of Humankind") says neither. `cut`: the page's last line,
    where the dump may have stopped mid-sentence ("Ari Daniel: These bucket trucks are usually u")."""
    m = _SPOKEN.match(text) or _BRACKETED_SPOKEN.match(text)
    if m is None:
        m = _CJK_SPOKEN.match(text)
        return frozenset((m.group(1),)) if m is not None else None
    if not all(word[0].isupper() for word in m.group(1).split()):
        return None
    if not _SENTENCE_END.search(text) and len(m.group(2)) < (CUT_TURN_CHARS if cut else PROSE_CHARS):
        return None
    words = m.group(1).split()
    # A name's initials are the same speaker: "Ömer Madra: ..." is "ÖM: ..." or "Ö.M.: ..." further on.
    return frozenset([*words, "".join(word[0] for word in words)] if len(words) > 1 else [*words, words[0].replace(".", "")])


def _starts_dialogue(page: Page, line: Line) -> bool:
    """An interview printed as dialogue: a speaker's line, and the same speaker again within a few
    lines ("Ulrike Timm: ..." then "Timm: ..."). A list of credits ("Music: Anna Berg") names no one
    twice and says no sentence after the colon. An exchange the notes introduce ("While starting the
    discussion:") is a quote inside them."""
    speaker = _speaker(line.text) or _short_turn(line.text)
    if speaker is None:
        return False
    before = page.prev(line)
    while before is not None and _speaker(before.text) is not None:
        before = page.prev(before)  # back to the line above the exchange's first turn
    if before is not None and before.kind in ("short", "prose") and before.text.endswith(":"):
        return False
    for k in range(1, DIALOGUE_LOOKAHEAD + 1):
        other = page.next(line, k)
        if other is None:
            return False
        again = _speaker(other.text)
        if again is None and other is page.nonblank[-1] and (cut := _speaker(other.text, cut=True)) is not None:
            # A turn the dump cut short counts by a full name said before ("Ari Daniel"), not by a
            # word of a show's "NAME: subtitle" that a promo line opened with.
            again = cut if len(cut) > 2 and cut <= speaker else None
        if again is not None and again & speaker:
            return True
        if again is not None:
            speaker = speaker | again  # a second speaker; either may speak again
    return False


def _short_turn(text: str) -> frozenset[str] | None:
    """The speaker's name of a short turn, a full name in capitals ("Nahit Eren: İyi yayınlar."): the
    long turns _speaker reads must name them again."""
    m = _SHORT_SPOKEN.match(text)
    if m is None or not all(word[0].isupper() for word in m.group(1).split()):
        return None
    words = m.group(1).split()
    return frozenset([*words, "".join(word[0] for word in words)])


# A speaker's name alone on a line, then what they said ("Charlie Albone:" / "Hi, I'm Charlie ...").
_LABEL_ALONE = re.compile(rf"^{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}:$")
_NAME_ALONE = re.compile(rf"^{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}$")  # "Daniel Story", no colon
_CAPS_NAME_ALONE = re.compile(r"^[^\W\d_a-zà-ÿ]{2,20}$")  # "KATI": a first name alone, set in capitals


def _name_alone(text: str) -> bool:
    """A speaker's name alone on its line: a full name ("Daniel Story") or a first name in capitals ("KATI")."""
    return _NAME_ALONE.match(text) is not None or (_CAPS_NAME_ALONE.match(text) is not None and text.isupper())


LABELLED_TURNS_LOOKAHEAD = 6  # lines within which the same speaker's label comes again
# A speaker's name in Chinese or Japanese alone on its line, with or without a colon ("ゆうこ", "高橋:"):
# no capitals tell it from a heading, so it counts only where several such names take turns.
_CJK_NAME_ALONE = re.compile(r"^[\u3040-\u30ff\u3400-\u9fff]{1,6}[:：]?$")
CJK_TURNS_LOOKAHEAD = 12  # lines within which the other names' turns are looked for
CJK_TURNS_MIN = 4  # names over speech in that reach, the first included
NAMED_LABEL_TURNS_LOOKAHEAD = 10  # ... where the label is a full name, two words or more


def _starts_labelled_turns(page: Page, line: Line) -> bool:
    """A speaker's label alone over a paragraph, and the same label again within a few lines over
    another: a transcript. A notes heading ("Links:") is not printed again over more text (a block
    printed twice repeats it with nothing under it)."""
    if not _LABEL_ALONE.match(line.text) or not all(word[0].isupper() for word in line.text[:-1].split()):
        return False
    said = page.next(line)
    if said is None or not _said(said):
        return False
    # A full name ("James Cridland:") may come again after three or four guests' first turns.
    reach = NAMED_LABEL_TURNS_LOOKAHEAD if " " in line.text else LABELLED_TURNS_LOOKAHEAD
    return any(
        (other := page.next(line, k)) is not None and other.text == line.text and (again := page.next(other)) is not None and _said(again)
        for k in range(2, reach + 1)
    )


def _starts_cjk_turns(page: Page, line: Line) -> bool:
    """A Chinese or Japanese name alone over what was said, and within a few lines more such names
    over speech, two speakers at least and one of them again ("ゆうこ" / "こんにちは。" / "ちか" /
    ... / "ゆうこ"): a transcript. A notes heading is not printed again and again over sentences."""
    if not _CJK_NAME_ALONE.match(line.text):
        return False
    names = []
    at: Line | None = line
    for _ in range(CJK_TURNS_LOOKAHEAD):
        if at is None:
            break
        if _CJK_NAME_ALONE.match(at.text):
            under = page.next(at)
            if under is None or _CJK_NAME_ALONE.match(under.text) or not (_said(under) or _CJK.search(under.text)):
                break  # a name over no speech (another name: a list of names, not turns)
            names.append(at.text.rstrip(":："))
        at = page.next(at)
    return len(names) >= CJK_TURNS_MIN and len(set(names)) >= 2 and len(set(names)) < len(names)


def _said(line: Line) -> bool:
    """What a speaker says under their label: a paragraph, a sentence ("I need a summary."), or a
    dashed turn however short ("- Добрый день!")."""
    return line.kind == "prose" or line.text[:2] in ("- ", "– ", "— ") or sentence_like(line.text)


def _transcript_at(page: Page, line: Line, k: int, two_speakers: bool = False) -> str | None:
    """What starts at `line`, the k-th line of a description, where a transcript does (a turn needs
    text above it: a first line of dialogue opens an interview printed as the description), else None.
    `two_speakers`: named turns ("Anna Berg: ...") count only where a second speaker answers."""
    if not _turn_shaped(line.text) and not line.text.isdigit():
        return None  # most lines: no turn's shape at all (one pattern, not each test in turn)
    if (line.kind in ("short", "widget", "meta") or line.any_language) and _starts_transcript(page, line):
        return "a transcript"
    if _CUE.match(line.text) or (line.text.isdigit() and (after := page.next(line)) is not None and _CUE.match(after.text)):
        return "a transcript (subtitle cues)"  # a SubRip cue's number over its times, too
    if not k:
        return None
    if (
        _starts_timed_speech(page, line)
        or _starts_stamped_speech(page, line)
        or _starts_dash_dialogue(page, line)
        or _starts_labelled_turns(page, line)
        or _starts_named_turns(page, line)
        or _starts_card_turns(page, line)
        or _starts_cjk_turns(page, line)
        or _starts_named_dash_turns(page, line)
        or _initial_caps_turn(line)
        or _sound_cue(line)
        or _stage_direction(page, line)
        or _starts_dash_turns(page, line)
    ):
        return "a transcript (speakers' turns)"
    if _starts_dialogue(page, line) or _starts_caps_dialogue(page, line):
        at = page.position[line.index]
        if not two_speakers or _two_speakers(page.nonblank[at : at + 2 * DIALOGUE_LOOKAHEAD]):
            return "a transcript (speakers' turns)"
    return None


# What a transcript's first turn can look like, one pattern per kind in _transcript_at, joined so
# that one match passes over the many lines that have none of these shapes.
_TURN_SHAPES = (_TURN, _SPOKEN, _SHORT_SPOKEN, _CJK_SPOKEN, _BRACKETED_SPOKEN, _TIMED_TURN_START, _STAMPED, _INITIAL_AND_NAME, _CAPS_TURN, _LABEL_ALONE, _NAME_ALONE, _CAPS_NAME_ALONE, _CJK_NAME_ALONE, _NAMED_DASH_TURN, _CUE, _SOUND_CUE, _STAGE_DIRECTION, _DASH_TURN, _SPEAKER_CARD)
_ANY_TURN = re.compile("|".join(f"(?:{shape.pattern})" for shape in _TURN_SHAPES))
# Every shape but the short ones (a name alone, "A. Name", "Speaker 2", "Anna Berg 2m 6s": six spaces
# at most) holds a colon (or a full-width one, or "「"), opens with "[", has a dash after a name or is a WebVTT header; a line
# with none of these is never tried (the alternation backtracks over each word of a paragraph).
_TURN_MAX_SPACES = 6


NAME_DASH_CHARS = 40  # where a named dash turn's dash stands, at most ("Anna Maria Berg – ...")


def _dash_after_name(text: str) -> bool:
    """A dash between words near the line's start ("Bernard – ..."): a named dash turn's shape."""
    head = text[:NAME_DASH_CHARS]
    return " – " in head or " — " in head or " - " in head


def _turn_shaped(text: str) -> bool:
    if ":" not in text and text[:1] not in "[—–-" and text.count(" ") > _TURN_MAX_SPACES and "：" not in text and "「" not in text and not text.startswith("WEBVTT") and not _dash_after_name(text):
        return False
    return _ANY_TURN.match(text) is not None


def _starts_named_turns(page: Page, line: Line) -> bool:
    """A speaker's name alone over what they said, another speaker's name over the answer, and the
    first name again ("Daniel Story" / paragraph / "Mona Muchemi" / paragraph / "Daniel Story"):
    two people taking turns, where a heading over each part of the notes would not alternate."""
    words = line.text.split()
    # Each word capitalised, or all lowercase (a template that sets the names in capitals by its style sheet).
    if not _name_alone(line.text) or not (all(word[0].isupper() for word in words) or line.text.islower()):
        return False
    said = page.next(line)
    if said is None or said.kind != "prose":
        return False
    other = None
    for k in range(2, LABELLED_TURNS_LOOKAHEAD + 1):
        after = page.next(line, k)
        if after is None:
            return False
        if after.text == line.text:
            return other is not None
        if other is None and _name_alone(after.text) and (under := page.next(after)) is not None and _said(under):
            other = after.text
    return False


def _first_named_turn(page: Page, k: int) -> int | None:
    """Where named turns start at page.nonblank[k]: the position of an earlier line with one of their
    speakers' names alone over prose (the host's long opening, more paragraphs than the turns'
    lookahead), not the page's first line; else None."""
    if not _NAME_ALONE.match(page.nonblank[k].text):
        return None
    names = {
        line.text
        for j, line in enumerate(page.nonblank[k : k + 2 * LABELLED_TURNS_LOOKAHEAD], k)
        if _NAME_ALONE.match(line.text) and j + 1 < len(page.nonblank) and _said(page.nonblank[j + 1])
    }
    return next((j for j in range(1, k) if page.nonblank[j].text in names and _said(page.nonblank[j + 1])), None)


MIN_TEASER_CHARS = 20


def _teaser(page: Page, line: Line) -> bool:
    """A line cut short ("Man könnte meinen, dass es nichts zu besprechen g…") of a later one."""
    stem = _cut_stem(line.text)
    return stem is not None and any(_completes(other.text, stem) for other in page.lines[line.index + 1 :])


def _cut_stem(text: str) -> str | None:
    """What is left of a line cut short once its marker ("…", "read more") is gone, if long enough to compare."""
    stem = strip_cut_marker(text)
    return stem if stem != text and len(stem) >= MIN_TEASER_CHARS else None


def _completes(text: str, stem: str) -> bool:
    return text.startswith(stem) and len(text) > len(stem)


def _name_line(line: Line) -> bool:
    """A line that may be the title or the show: name-shaped, no credit ("Guest: NAME"), no field's
    label, and no date under a label ("Original Air Date: Oct. 2, 2012")."""
    return (
        line.kind in ("short", "prose")
        and not line.wrapped
        and name_shaped(line.text)
        and not _credit_line(line.text)
        and not _lenticular_heading(line.text)
        and not _YEAR_AND_OWNER.match(line.text)
        and "(@" not in line.text
        and not (line.text[:1] == "#" and _HASHTAGS.match(line.text))  # a post's tags ("#literature #books")
        and not _pipe_label(line)
        and (":" not in line.text or field_value(line.text) is None)
        and not yearless_date(line.text)
    )


# A year and an owner ("2021, Team Sendegarten"): a copyright line without its sign. A name with a
# social handle ("Ralf (@RalfGrabusnik)") is a contributor's. Neither is the title or the show.
_YEAR_AND_OWNER = re.compile(r"(?:19|20)\d\d, ")


_HANDLE_CARD = re.compile(r"^[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,3} \(@\w+\)$")
_USER_NAME = re.compile(r"^\w+_\w+$")
OWNER_MAX_WORDS = 6


def _contributor_card(text: str) -> bool:
    """A header line of a contributor's card, never the creator's text: a name and its handle alone
    ("Ralf (@RalfGrabusnik)"), a short year and owner ("2021, Team Sendegarten"), a user name
    ("Sendegarten_de")."""
    return bool(
        _HANDLE_CARD.match(text)
        or (_YEAR_AND_OWNER.match(text) and len(text.split()) <= OWNER_MAX_WORDS)
        or _USER_NAME.match(text)
    )


def _lenticular_heading(text: str) -> bool:
    """A line wholly in lenticular brackets ("【番組からのお知らせ】"): a Japanese or Chinese page's
    heading over a block of notes; a title may open with such a label, never is one alone."""
    return text[:1] == "【" and text[-1:] == "】" and text.count("【") == 1


@lru_cache(maxsize=1)
def _credit_pattern() -> re.Pattern:
    labels = sorted({label.casefold() for label in credit_labels()}, key=len, reverse=True)
    # "Guest: NAME"; a label cut short with a full stop needs no colon ("fot. NAME")
    alternatives = [re.escape(label) + (r"\s*[:：]?" if label.endswith(".") else r"\s*[:：]") for label in labels]
    return re.compile(rf"(?:{'|'.join(alternatives)})\s*\S")


def _credit_line(text: str) -> bool:
    """A guest's, host's, topic's or photo's credit line ("Guest: NAME", "Gość: NAME", "Фото: NAME")
    or an author's byline ("By Anna Berg", "von Anna Berg"): never the episode's title or the show's name."""
    folded = text.casefold()
    if _credit_pattern().match(folded) is not None or _byline(text):
        return True
    # A caption that ends in its credit ("The team, in the middle of the photo / Foto: Cugat.cat").
    tail = _CREDIT_AFTER.match(folded)  # anchored: ".*" backs off to the last separator once
    return tail is not None and _credit_pattern().match(folded, tail.end()) is not None


def _with_credit_after(above: str, text: str) -> bool:
    """ "LINE ABOVE Foto: NAME": the line above printed again with a credit after it (a picture's
    caption under the standfirst it repeats)."""
    return len(text) > len(above) and text.startswith(above) and _credit_pattern().match(text[len(above) :].lstrip().casefold()) is not None


_CREDIT_AFTER = re.compile(r".*(?:\s[/|·–—]\s|[.)]\s)")  # up to the last separator of a line


# Between the words of a person's name, or of two names: "Renata Lo Prete", "Ana de la Cruz", "A and B".
_NAME_JOINS = frozenset(["de", "da", "do", "dos", "das", "del", "della", "di", "la", "le", "van", "von", "der", "den", "ten", "y", "e", "et", "and", "und", "en", "och", "og", "&", ","])
BYLINE_MAX_WORDS = 8
BYLINE_NAME_WORDS = 4  # a full name before its role ("Anna Maria Berg, staff writer")


def _byline(text: str) -> bool:
    """ "By Anna Berg": a byline word, then a person's name (or two), every word of it capitalised
    but the small words between names."""
    word, _, name = text.partition(" ")
    if word.casefold() not in _byline_words():
        return False
    words = name.replace(",", " , ").split()
    if (
        1 < len(words) <= BYLINE_MAX_WORDS
        and words[0][0].isupper()
        and words[-1][0].isupper()
        and all(w[0].isupper() or w.casefold() in _NAME_JOINS for w in words)
    ):
        return True
    # "By Anna Berg, staff writer, and" (the next author on the next line): a full name, then a role.
    head, comma, role = name.partition(",")
    names = head.split()
    return bool(comma) and 2 <= len(names) <= BYLINE_NAME_WORDS and all(w[0].isupper() for w in names) and len(role.split()) <= BYLINE_MAX_WORDS


def _byline_goes_on(page: Page, line: Line) -> bool:
    """The line under a byline that ends in "and" or a comma: the next author ("By Anna Berg, staff
    writer, and" / "Tom Lind, reporter")."""
    above = page.prev(line)
    return above is not None and above.text.endswith((" and", ",", " &")) and _byline(above.text)


@lru_cache(maxsize=1)
def _byline_words() -> frozenset[str]:
    return frozenset(word.casefold() for word in byline_words())


def _show_line(line: Line) -> bool:
    """A line beside the title that may name the show: not a cry of the creator's ("The podcast has
    returned!!!"), which no show's name ends with, nor a list of names or roles."""
    return _name_line(line) and not line.text.endswith("!!") and not _short_list(line.text)


STANDFIRST_WORDS = 5


def _standfirst(text: str) -> bool:
    """A line under the title that reads as a phrase, not a name: it opens in lower case ("thirteenth
    episode of the podcast :)") or most of its five or more cased words do ("A portrait of a down-to-
    earth legend"): the episode's subtitle, the text's first line. A show's name is capitalised
    ("La Hora del Taco") or short."""
    cased = _cased_words(text)
    if not cased:
        return False
    if cased[0][:1].islower() and text[:1] == cased[0][:1]:
        return True
    return len(cased) >= STANDFIRST_WORDS and 2 * _lower_case(cased) > len(cased)


def _cased_words(text: str) -> list[str]:
    """The words that open with a letter that has a case (none in Arabic or Chinese)."""
    return [word for word in text.split() if word[:1].isalpha() and word[:1].lower() != word[:1].upper()]


def _lower_case(words: list[str]) -> int:
    """How many of these words open in lower case."""
    return sum(1 for word in words if word[:1].islower())


SENTENCE_TITLE_WORDS = 3


def _plain_sentence(text: str) -> bool:
    """A sentence with its full stop, in sentence case, with no number ("Everybody talk about the
    dinosaur.", "Radioen hadde tema Norden."): the text's first line or a tagline, no title. A title
    with a full stop is numbered ("Episode 28. ...") or capitalised ("Why Teachers Matter.")."""
    if not _full_stop(text) or any(ch.isdigit() for ch in text) or _EPISODE_MARK.match(text):
        return False
    cased = _cased_words(text)
    return len(cased) >= SENTENCE_TITLE_WORDS and 2 * _lower_case(cased) >= len(cased)


LIST_ITEMS = 3  # "A, B, and C"
LIST_ITEM_MAX_WORDS = 6  # "and Director of the BBC World Service": a role; a book's blurb runs longer


def _short_list(text: str) -> bool:
    """Three or more short items between commas ("Anna Berg, Ole Dahl, and Mia Lund", "NAME, ROLE,
    and ROLE"): a guests' or hosts' line, no show's name."""
    items = text.split(",")
    if len(items) < LIST_ITEMS:
        return False
    ands = _and_words()
    for item in items:
        words = item.split()
        if words and words[0].casefold() in ands:
            words = words[1:]
        if not words or len(words) > LIST_ITEM_MAX_WORDS:
            return False
    return True


@lru_cache(maxsize=1)
def _and_words() -> frozenset[str]:
    return frozenset(word.casefold() for word in and_words()) | {"&"}


def _bare(text: str) -> str:
    return _LEADING_MARKS.sub("", text).casefold()


DATED_ENTRY_LOOKAHEAD = 3  # lines within which a list's next entry comes
OWN_DATE_LOOKAHEAD = 8  # lines under a date line within which a list would date its next entry
DATED_ENTRY_HEAD = 40  # the date of an entry ends within its first characters
_DIGIT_GLUED = re.compile(r"\d[^\W\d_\s]|\d[\"«“']")
_OPENING_QUOTES = "\"«“'「『"
# a weekday in brackets between an entry's date and its title ("2024年9月12日(木)放送「…」")
# (a Kangxi radical "⽊" standing for the ideograph is a symbol, no letter)
_BRACKETED_DAY = re.compile(r"[(（][^()（）\s\d]{1,3}[)）]")


def _dated_entry(text: str) -> bool:
    """A list's entry: a date run into a title with no space ("10 декабря 2025Конфискация ...",
    "2024年9月12日(木)放送「…」"), as a card's date and title elements read when a page's text is
    dumped. Show notes' own dated lines ("12 March 2025 Berlin") keep a space."""
    if not text[:1].isdigit() or not _DIGIT_GLUED.search(text, 0, DATED_ENTRY_HEAD):
        return False  # most lines starting with a digit have no digit run into a word: no date search
    found = find_meta(text)
    if not found or found[0].kind != "date" or found[0].start != 0 or found[0].end >= len(text):
        return False
    end = found[0].end
    if (day := _BRACKETED_DAY.match(text, end)) is not None:
        end = day.end()
    return end < len(text) and (text[end].isalpha() or text[end] in _OPENING_QUOTES)


def _length_under_text(line: Line, after: Line | None) -> bool:
    """A length alone ("(37 Minuten)") as the description's last line: the page's next section,
    its interface or nothing under it."""
    meta = line.meta
    if line.kind != "meta" or meta is None or not meta.duration or meta.published or meta.words:
        return False
    return _closes_text(after)


def _details_under_text(line: Line, after: Line | None) -> bool:
    """A date and a length on one line ("Mental health | 8 April 2024 | Length: 25 minutes") as the
    description's last line: the episode's details, its interface or nothing under it."""
    meta = line.meta
    if line.kind != "meta" or meta is None or not meta.duration or not meta.published:
        return False
    return _closes_text(after)


def _closes_text(after: Line | None) -> bool:
    """Nothing under a line, or the page's next section or its interface: the line ends the text."""
    return after is None or after.kind in ("section", "chrome", "widget")


RELATIVE_DATES_LOOKAHEAD = 4  # lines within which another "2 years ago" dates the next comment


def _relative_date(line: Line) -> bool:
    """A line that is only how long ago something was posted ("2 years ago", "Yesterday")."""
    return line.kind == "meta" and line.meta is not None and line.meta.published is None and line.meta.duration is None


LABELLED_DATE_WORDS = 3  # "Publié le", "Originally Aired", "Diese Folge erschien am"
LABELLED_DATE_NEIGHBOURS = 2  # lines each side with no other date: one date line, not the notes' list of dates


def _dated(line: Line) -> bool:
    return line.kind == "meta" and line.meta is not None and line.meta.published is not None


def _label_before_date(line: Line) -> bool:
    """Whether the words stand before the line's date ("Publié le 26/04/2022"), not after it: a date
    that opens the line is one of a list's where other dated lines stand by ("12 March 2025 Berlin")."""
    found = find_meta(line.text)
    return bool(found) and found[0].kind == "date" and found[0].start > 0


def _labelled_date(line: Line) -> bool:
    """A date under a label of a few words and nothing else ("Publié le 26/04/2022", "Originally
    Aired February 21, 2019"): the page's field, where a creator's line is a sentence with its stop.
    Not a quoted post's signature ("— Name (@handle) May 24, 2021"), which dates the post."""
    if not _dated(line):
        return False
    meta = line.meta
    return (
        meta.duration is None and 1 < meta.words <= LABELLED_DATE_WORDS and not meta.glued_name and not _full_stop(line.text)
        and "@" not in line.text and not line.text.startswith(("—", "–", "- "))
    )


def _pure_date(line: Line) -> bool:
    """A date line with at most one word beside the date ("Published 11/25/24")."""
    return line.meta is not None and line.meta.published is not None and line.meta.words <= 1


def _show_name(text: str) -> str:
    """A show's line less the word "podcast" a site prints after the name ("Magten podcast") or before
    it behind a separator or an icon ("PODCAST | NAME", "🎧 Podcast NAME"), and less a crawler's date
    stamp before it."""
    text = _CRAWL_STAMP.sub("", text)
    if has_digit(text) and (found := find_meta(text)) and found[-1].kind == "date" and found[-1].end == len(text) and found[-1].start >= MIN_SHOW_AFTER_WORD:
        text = text[: found[-1].start].rstrip(" -–—|·,")  # the episode's date printed after the name ("NAME 16 mrt. '22")
    if (m := _PODCAST_BEFORE.match(text)) is not None and len(text) - m.end() >= MIN_SHOW_AFTER_WORD:
        text = text[m.end() :]
    return text[: -len(" podcast")] if text.endswith(" podcast") and len(text) > 12 else text


_PODCAST_BEFORE = re.compile(r"(?i:podcast\s?[|:–—-]\s+|[^\w\s]+\s*podcast\s+)")
MIN_SHOW_AFTER_WORD = 4  # "Podcast | Bestiario": what the word leaves is a name


_TRAILING_MARK = re.compile(
    r"(?:\b(?:season|staffel|temporada|saison|sezon|säsong|sæson)\s?\d+,?\s)?\b(?:episode|episodio|épisode|folge|afsnit|avsnitt|jakso|odcinek|díl)\s?\d+$",
    re.I,
)
TRAILING_MARK_WORDS = 3  # words a site's name before the number may hold


def _mark_only(text: str) -> bool:
    """An episode's number and little else ("Ep. 01", "Episode 63 · 1 year ago"): a label beside
    the title, not the title."""
    mark = _EPISODE_MARK.match(text)
    if mark is None:
        # A site's name and the number after it ("Buzzsprout Episode 144", "www.orynski.eu Season 6 Episode 145").
        end = _TRAILING_MARK.search(text) if has_digit(text) is not None else None
        return end is not None and len(_WORD.findall(text, 0, end.start())) <= TRAILING_MARK_WORDS
    rest = text[mark.end() :].lstrip("0123456789")
    words = _WORD.findall(rest)
    return not words or (len(words) <= 2 and has_digit(rest) is not None)


def _shows_named(header: list[Line]) -> set[str]:
    """The names the header's show phrases give ("logo of podcast NAME"): a line printing one alone
    is the show's, not the title."""
    return {line.captures["show"] for line in header if line.kind == "show_phrase" and line.captures.get("show")}


# A name and what it is, after a dash ("Pitolenie i Gadanie - podkasty o ciekawych sprawach"): a show's line.
_PODCAST_TAGLINE = re.compile(r"\s[-–—|]\s.*\bpod(?:cast|kast|cas)", re.I)


def _find_title(page: Page, header: list[Line]) -> Line | None:
    """The episode's title: the lowest name-shaped line of the header. Of two such lines one above
    the other, one is the show's: the title is the one with an episode number, else the longer.
    A one-word line is the title where the header's date or 'SHOW - A podcast by' line follows it.
    A name printed three times or more is the site's (a player bar, a menu), not the title."""
    counts: dict[str, int] = {}
    for line in header:
        counts[line.text] = counts.get(line.text, 0) + 1
    shows = _shows_named(header)
    names = []
    for line in header:
        if _pipe_field(page, line) or line.text in shows or _breadcrumb_line(page, line) or _title_with_site(page, line) or _tag_box_line(page, line) or _byline_goes_on(page, line):
            continue
        if line.text[:1] in _CHAPTER_OPENERS and _CHAPTER.match(line.text):
            continue  # a chapter's or a turn's time ("[00:00] - Intro"), no title
        after = page.next(line)
        one_word = line.kind == "short" and after is not None and after.kind in ("byline", "meta") and not line.text.endswith(_GOES_ON)
        if (_name_line(line) or (one_word and not _not_a_name(line.text))) and counts[line.text] < 3:
            after_text = after.text if after is not None else ""
            lead_in = after_text.startswith(strip_cut_marker(line.text)) and after_text != line.text
            if not _teaser(page, line) and not lead_in and not _plain_sentence(line.text):  # "Wait for it…" over "Wait for it… the reveal"
                names.append(line)
    if not names:
        # No other name: a language-free "Podcast: ..." line is the title a newspaper gives its
        # podcast's episode ("Podcast: O dia 1 do governo Lula"), not a show's label.
        phrases = [line for line in header if line.kind == "show_phrase"]
        return phrases[0] if len(phrases) == 1 and phrases[0].why in _language_free_show_phrases() else None
    named = [line for line in names if not _mark_only(line.text)]
    names = named or names  # "Ep. 01" beside a title is its label; alone, it is the title
    title = names[-1]
    above = page.prev(title)
    if above is not None and above in names and above.text != title.text:
        marked = [line for line in (above, title) if _EPISODE_MARK.match(line.text)]
        shows = [line for line in (above, title) if _show_name(line.text) != line.text or _PODCAST_TAGLINE.search(line.text)]
        if len(shows) == 1:  # "Magten podcast" over "Troels Lund ...": the show's line
            title = above if shows[0] is title else title
        elif len(marked) == 1:
            title = marked[0]
        elif not marked and len(above.text) > len(title.text) and not _full_stop(above.text):
            title = above  # the longer, unless it ends as a sentence does (a prompt over the title)
    return title


@dataclass
class Sections:
    verdicts: list[Verdict]
    fields: dict
    lines: list[Line]  # each block's kind, as classified (end_main_text reads them again)


def label_sections(
    blocks: Blocks, keep_all: bool = False, backing: bool = False, main_span: tuple[int, int] | None = None
) -> Sections:
    """Label a text page of an unknown site by the UI lexicon's hits and the lines' shapes. `keep_all`:
    keep every line the lexicon does not know, as if the page had no sections (the fields still read).
    `backing`: the sections only back up trafilatura's main text (saved HTML), which has found where
    the article goes on; the description then ends at the first interruption. `main_span`: the first
    and last line of the main text trafilatura found, where it holds no paragraph (saved HTML)."""
    page = Page(classify(blocks, lexicon_matcher().scan(blocks)), resumes=not backing)
    if blocks.markup:
        page.paths = [block.path for block in blocks]
    labels = _segment(page, main_span)
    if keep_all:
        labels = _Labels(_keep_all(page).labels, labels.fields)
    verdicts = [Verdict(b.lineno, b.text, *labels.labels[i]) for i, b in enumerate(blocks)]
    return Sections(verdicts, labels.fields, page.lines)


@dataclass
class _Labels:
    labels: list[tuple[str, str, str]]
    fields: dict


def _description_start(page: Page) -> tuple[Line | None, Line | None]:
    """The description's first line, and the heading over it if one says where it starts."""
    first = next(
        (l for l in page.nonblank if l.kind == "prose" and (paragraph(l.text) or l.wrapped) and _opens_description(page, l) and not _title_over_text(page, l)),
        None,
    )
    if first is not None and (card := _card_over(page, first)) is not None:
        summary = page.prev(card)
        if summary is not None and summary.kind == "short" and paragraph(summary.text):
            first = summary  # a transcript's page: its summary stands over the first speaker's card
    run = _sentence_run(page, first.index if first is not None else len(page.lines))
    if run is not None:
        first = run
    if first is not None and (opening := _sentences_under_marked_title(page, first)) is not None:
        first = opening
    for line in page.nonblank:
        if line.kind == "section" and first is not None and line.index > first.index and not title_like(first.text):
            break  # below the description's first paragraph: another section's heading (a title may be over it)
        if line.kind != "desc_heading":
            continue
        if first is not None and line.index > first.index and not any(
            l.kind in ("chrome", "meta", "widget") for l in page.lines[first.index : line.index]
        ):
            continue  # a heading under the description's first paragraph does not restart it
        under = page.next(line)
        if under is not None and under.kind not in ("section", "desc_heading"):
            return under, line
    if first is None:
        return None, None
    # Sentences right above the first paragraph are its start ("Matt and Pedro talk about ..."),
    # unless printed twice or over a date line (then they are the title).
    # A short line that ends as a sentence does ("Happy holidays, everyone!") is the description's
    # greeting where the episode's header stands above it (the title printed twice, or over its date).
    walked: set[int] = set()
    while True:
        above = page.prev(first)
        if above is None or above.kind != "short":
            return _under_a_lead_in(page, first), None
        # Each list is walked once: not again from an item a walk has passed.
        if above.index not in walked and (lead_in := _list_lead_in(page, above, walked)) is not None:
            first = lead_in  # "Guests:" over "-Anna Berg, journalist" lines: the notes' own list
            continue
        if not _opens_description(page, above) or _titled_question(above.text) or _title_over_text(page, above):
            return _under_a_lead_in(page, first), None
        # A sentence that goes on over the line break: "Dear listeners," / "the race ...", or a short
        # line under one ending in a comma ("..., " / "あの人は本当に" / "そこに座って...").
        higher = page.prev(above)
        goes_on = (above.text.endswith(_COMMAS) and not first.text[:1].isupper()) or (
            higher is not None and higher.text.endswith(_COMMAS) and not above.text[:1].isupper()
        )
        if not goes_on and not sentence_like(above.text) and not (_SENTENCE_END.search(above.text) and _episode_header_above(page, above)) and not _opening_greeting(page, above):
            return _under_a_lead_in(page, first), None
        first = above


MARKED_TITLE_SENTENCES = 2  # sentences between a numbered title and the first paragraph that start the notes


def _sentences_under_marked_title(page: Page, first: Line) -> Line | None:
    """The first sentence under a numbered title ("Episode 7 - Just a Chat") where short sentences
    and headings stand between it and the first paragraph ("Local Weather" / "Stealth rain in San
    Diego ..."): the notes start there, in short sections, not at their first long paragraph."""
    above = page.lines[: first.index]
    marked = next((line for line in reversed(above) if line.kind in ("short", "prose") and _EPISODE_MARK.match(line.text) and title_like(line.text)), None)
    if marked is None:
        return None
    between = [line for line in above[marked.index + 1 :] if line.kind != "blank"]
    if any(line.kind not in ("short", "prose") for line in between):
        return None  # the header's date, player or buttons under the title: its header goes on
    sentences = [line for line in between if sentence_like(line.text)]
    return sentences[0] if len(sentences) >= MARKED_TITLE_SENTENCES else None


_LABEL_BEFORE = re.compile(r"^[^\W\d_][^\s:]*(?:\s[^\s:]+){0,2}:\s")  # "The Explainer: ..." (a series' name)
TITLE_CASE_WORDS = 3  # capitalised words of four letters or more that make a line Title Case


def _title_over_text(page: Page, line: Line) -> bool:
    """The page's first line, a title by its shape (_titled_line), right over a paragraph: a dump
    that starts at the episode's title, not at its text."""
    if line is not page.nonblank[0] or not _titled_line(line.text):
        return False
    under = page.next(line)
    return under is not None and under.kind == "prose"


def _titled_line(text: str) -> bool:
    """A line shaped as an episode's title: a numbered one ("Episode 04 – Project Apollo", "Ep. 24 |
    ...") or one under a name and a colon ("Paul Nolte: Nicht jeder ...", "The Walk: ..."), and no
    sentence ending in a full stop. (A credit, "Guest: NAME", is no title and stays in the text.)"""
    return title_like(text) and _marked_as_title(text)


def _marked_as_title(text: str) -> bool:
    """Numbered ("Ep32 ...", "#92 ...") or under a series' or a person's name and a colon."""
    return (_EPISODE_MARK.match(text) or _LABEL_BEFORE.match(text)) is not None


def _titled_question(text: str) -> bool:
    """A question printed as an episode's title, over its first paragraph: numbered ("Ep32 Are we
    ...?", "#92 ...?"), under a series' label ("The Explainer: What is ...?"), or in Title Case
    ("What Happens When The Host Is Sick?"). A creator's opening question is none of these."""
    if not text.endswith(("?", "？")) or len(text) > TITLE_MAX_CHARS:
        return False
    if _marked_as_title(text):
        return True
    long_words = [w for w in _WORD.findall(text) if len(w) >= 4]
    return len(long_words) >= TITLE_CASE_WORDS and all(w[0].isupper() for w in long_words)


def _refrain(body: list[Line], k: int) -> bool:
    """Whether the line printed twice at k is a song's refrain: the short line above the pair holds
    it too ("Just like my Father's Eyes" / "My Father's Eyes" / "My Father's Eyes"). (A paragraph
    above that names an author, "I am NAME, ...", heads the author's box all the same.)"""
    above = body[k - 1]
    return above.kind == "short" and body[k].text.casefold() in above.text.casefold()


def _opening_greeting(page: Page, line: Line) -> bool:
    """The page's first line, a few words ending in "!" right over the first paragraph ("Zdravo
    Svete!", "Halo Common People!"): a dump that starts at the description opens with its greeting
    (five words or more so ending are kept as a sentence already)."""
    return line is page.nonblank[0] and line.text.endswith(("!", "！"))


def _under_a_lead_in(page: Page, first: Line) -> Line:
    """The lead-in over the description's first line, where one stands close above it with only
    lines of text (no interface, date or section line) between (`_lead_in`: "Au menu de cet
    épisode :" over its topics, one a line; "In this episode…" over the guests' names). The text
    starts at it; the header stays above it."""
    k = page.position[first.index]
    for line in reversed(page.nonblank[max(0, k - LEAD_IN_REACH) : k]):
        if line.kind not in ("short", "prose"):
            return first
        if _lead_in(line.text):
            return line
    return first


LEAD_IN_REACH = 4  # lines of a list or names a lead-in stands over


def _lead_in(text: str) -> bool:
    """Three words or more ending in a colon or "…" (not "...", which cuts a title short), with no
    other colon in them (a form's labels: "Search: Category Jump:")."""
    body = text[:-1]
    return text.endswith((":", "：", "…")) and len(text.split()) >= LEAD_IN_WORDS and ":" not in body and "：" not in body


LEAD_IN_WORDS = 3  # "Guests:" over names is a list's own heading, not a page's opening sentence


def _sentence_run(page: Page, before: int) -> Line | None:
    """The first of a block of short lines with no blank line between, right under the header's date
    line, where SENTENCE_RUN or more of them, and two thirds, are sentences ("Went visiting
    uninvited." / "The sign on the door half worked." / ...): the notes as a list of topics, where no
    paragraph stands above them. (A site's tagline of short sentences stands above the title.)"""
    lines, start = page.lines, None
    if not any(line.kind == "meta" for line in lines[:before]):
        return None  # the block stands under the header's date line
    for i in range(before + 1):
        line = lines[i] if i < before else None
        if line is not None and line.kind == "short" and len(line.text.split()) >= 2:
            if start is None:
                start = i
            continue
        if start is not None and i - start >= SENTENCE_RUN and (above := page.prev(lines[start])) is not None and above.kind == "meta":
            said = sum(1 for l in lines[start:i] if _SENTENCE_END.search(l.text) and not l.text.endswith(".."))
            if said >= SENTENCE_RUN and 3 * said >= 2 * (i - start):
                return lines[start]
        start = None
    return None


SENTENCE_RUN = 3
_LIST_ITEM = re.compile(r"^[-–•·*▪]\s?[^\W\d_]")


def _list_item(page: Page, line: Line) -> bool:
    """A marked item ("-Anna Berg"), or on saved HTML a list's item, however its marks render."""
    return _LIST_ITEM.match(line.text) is not None or (bool(page.paths) and _IN_LIST_ITEM.search(page.paths[line.index]) is not None)


_IN_LIST_ITEM = re.compile(r"(?:^|>)li(?:[.#][^>]*)?(?:>|$)")  # a list item's line, or a link or mark in one


def _list_lead_in(page: Page, line: Line, walked: set[int]) -> Line | None:
    """Where `line` ends a list of marked items ("-Anna Berg, journalist") that a line ending in a
    colon introduces ("Guests:"), that line: the list and its lead-in are the notes', not a header.
    The items passed go into `walked`."""
    if not _list_item(page, line):
        return None
    top = line
    walked.add(line.index)
    while (higher := page.prev(top)) is not None and _list_item(page, higher):
        top = higher
        walked.add(top.index)
    lead_in = page.prev(top)
    return lead_in if lead_in is not None and lead_in.kind == "short" and lead_in.text.endswith(_COLONS) else None


PROMPT_LOOKAHEAD = 6  # lines from a block's second copy to the episode's date line


def _below_interface_printed_again(page: Page, first: Line) -> tuple[Line, Line | None]:
    """An interface block ("Sign in to send a message to the show." / "Before you write...") can be
    printed again further down, right over the episode's own header: a name, its date or length
    line, then a paragraph printed once. Where no date stood above the first copy, the episode's
    text is that paragraph and the block is the page's: returns it and the block's last line.
    A description printed twice has its copy under the header, and a single line printed again
    over a list's entry is no block."""
    k = page.position[first.index]
    if any(l.kind == "meta" for l in page.nonblank[:k]):
        return first, None
    seen = {l.text for l in page.nonblank[:k]}
    for copy in page.nonblank[k + 2 :]:
        if copy.text != first.text:
            continue
        j = page.position[copy.index]
        block = {l.text for l in page.nonblank[k:j]}
        after = page.nonblank[j + 1 : j + 1 + PROMPT_LOOKAHEAD]
        for n, (name, meta, text) in enumerate(zip(after, after[1:], after[2:])):
            again = n > 0 and all(l.text in block for l in after[:n])
            if not (again and meta.kind == "meta" and _name_line(name) and not _mark_only(name.text)):
                continue
            if text.kind == "prose" and paragraph(text.text) and text.text not in seen | {l.text for l in page.nonblank[k : j + 1 + n]}:
                return text, after[n - 1]
        return first, None
    return first, None


def _episode_header_above(page: Page, line: Line) -> bool:
    """Whether the episode's header stands above `line`: a name-shaped line printed twice, or a name
    right over its date or length line, with that date or length line between the name and `line`
    (a show's name printed twice sits right over the title, with no date between)."""
    above = page.nonblank[: page.position[line.index]]
    texts = [l.text for l in above if l.kind == "short" and name_shaped(l.text)]
    if line.text in texts:
        return False
    for title in {t for t in texts if texts.count(t) == 2}:
        last = max(k for k, l in enumerate(above) if l.text == title)
        if any(l.kind == "meta" for l in above[last + 1 :]):
            return True
    return len(above) >= 2 and above[-1].kind == "meta" and _name_line(above[-2])


def _after_show_blurb(page: Page, start: Line) -> tuple[Line, tuple[int, int] | None]:
    """A show page's header can carry the show's blurb before the episode's own title ("SHOW /
    blurb / SHOW / TITLE / description"): where the show's line comes again over a title and a
    paragraph, the description starts under that title and the blurb is the show's."""
    # (a separator, "***", comes again anywhere: it names no show)
    header = {_bare(l.text) for l in page.nonblank if l.index < start.index and l.kind in ("short", "prose", "byline") and not _rule(l.text)}
    for line in page.nonblank[page.position[start.index] + 1 :]:
        if line.kind == "section":
            break
        if _bare(line.text) in header:
            title = page.next(line)
            text = page.next(title) if title is not None else None
            # The title is a line of text, not a button ("Leave a Reply" over a comment form's sentence).
            if title is not None and text is not None and title.kind not in ("chrome", "widget", "section") and name_shaped(title.text) and title_like(title.text) and text.kind == "prose":
                return text, (start.index, line.index)
            break
    return start, None


def _segment(page: Page, main_span: tuple[int, int] | None = None) -> _Labels:
    labels: list[tuple[str, str, str] | None] = [None] * len(page.lines)
    fields: dict = {}
    start, heading = _description_start(page)
    if start is None:
        return _keep_all(page, main_span)
    start = _sentence_opened_above(page, start) if heading is None else start
    while (above := page.prev(start)) is not None and hosting_footer(above.text):
        start = above  # a hosting service's line atop the notes ("Send us a text"): theirs, no title
    interface = None
    if heading is None:
        start, interface = _below_interface_printed_again(page, start)
    start, blurb = _after_show_blurb(page, start)
    header = [l for l in page.nonblank if l.index < start.index]
    if interface is not None:
        why = f"interface text the page prints again right over the episode's header (down to line {interface.lineno})"
        for line in header:
            if line.index <= interface.index:
                labels[line.index] = ("chrome", "generic:interface-printed-again", why)
        header = [l for l in header if l.index > interface.index]
    crumbs = [crumb for crumb in page.crumbs if crumb.index < start.index]
    if len(crumbs) >= 2:
        title = _title_after_breadcrumb(header, crumbs)
        fields["show"] = _NUMBERED.sub("", crumbs[0].text)
        for crumb in crumbs:
            labels[crumb.index] = ("chrome", "generic:breadcrumb", "the site's numbered breadcrumb (show, then episode)")
        header = [l for l in header if l not in crumbs]
        # Without the title the breadcrumb cut short, only the header's date lines are read.
        reads = title is not None or any(l.kind == "meta" for l in header)
        show = _read_header(page, header, title, start, fields) if reads else None
    else:
        title = _find_title(page, header)
        show = _read_header(page, header, title, start, fields)
    _label_header(page, header, labels, title, show, heading, blurb)
    had_show = "show" in fields
    _label_body(page, start, header, labels, fields)
    _kept_below(page, header, labels)
    if not had_show and "show" in fields:  # named by a heading below ("What is NAME?"): its line above
        for line in header:
            if line.text == fields["show"] and labels[line.index][0] in ("content", "title"):
                labels[line.index] = ("show", "generic:show", "the show's name, as a heading below the description names it")
        if fields.get("title") == fields["show"]:
            del fields["title"]
    if "published" not in fields and (date := _one_date_in([*header, start])) is not None:
        fields["published"] = date
    if "published" not in fields and page.nonblank and (stamp := _CRAWL_STAMP.match(page.nonblank[0].text)) and stamp.group("day"):
        fields["published"] = stamp.group("date")
    for line in page.lines:
        if line.kind == "blank":
            labels[line.index] = ("blank", "blank", "blank line")
    return _Labels([label or ("content", "generic:keep", "kept") for label in labels], fields)


_NUMBERED = re.compile(r"^\d{1,2}\.\s+")


def _printed_twice_in_a_row(page: Page, line: Line) -> bool:
    return any(other is not None and other.text == line.text for other in (page.prev(line), page.next(line)))


def _lead_sentence(text: str) -> bool:
    """A sentence with its full stop (behind a crawl's date stamp): an article's lead, which no title
    or site header line is."""
    text = _CRAWL_STAMP.sub("", text)
    return _full_stop(text) and sentence_like(text)


def _sentence_opened_above(page: Page, start: Line) -> Line:
    """The line right over the description's first (no blank between) where that first line opens
    in lowercase, going on with a sentence the line over it began ("«Esto es lo que Hay»" /
    "entrevistas sobre ..."): the description starts there, the line is no title."""
    above = page.prev(start)
    if (
        start.text[:1].islower()
        and above is not None
        and above.index == start.index - 1
        and above.kind in ("short", "prose")
        and not _SENTENCE_END.search(above.text)
    ):
        return above
    return start


DATE_LINE_MAX_CHARS = 160  # a title or a byline that holds the episode's date, not a paragraph


# The date some crawlers' stores put before a page's text (" date 2025-12-19 Το podcast ..."): the
# page's date as the crawl knew it, the last resort for the episode's; a name it opens is read without it.
_CRAWL_STAMP = re.compile(r"^date (?P<date>(?:19|20)\d\d-[01]\d(?P<day>-[0-3]\d)?)(?: |$)")


def _one_date_in(lines: list[Line]) -> str | None:
    """The episode's date of last resort: the one date the header's lines and the text's first line
    hold in titles and bylines ("Журнал от 18.10.2024", "11:00 GMT+7, Thứ Tư, 12/4/2023"), where
    no date line names it. None where they hold none, or two different ones."""
    dates = {
        f.value
        for line in lines
        if len(line.text) <= DATE_LINE_MAX_CHARS and has_digit(line.text)  # most header lines hold no digit: no date search
        for f in find_meta(line.text)
        if f.kind == "date"
    }
    return dates.pop().isoformat() if len(dates) == 1 else None  # type: ignore[union-attr]


def _breadcrumb(header: list[Line]) -> list[Line]:
    """The page's first lines numbered 1., 2., ... ("1. SHOW", "2. EPISODE TITLE CUT.."): a breadcrumb."""
    crumbs = []
    for n, line in enumerate(header, 1):
        if not line.text.startswith(f"{n}. "):
            break
        crumbs.append(line)
    return crumbs if len(crumbs) >= 2 else []


def _crumb_stem(crumb: Line) -> str:
    stem = _NUMBERED.sub("", crumb.text).rstrip("….").rstrip()
    return stem if len(stem) >= 3 else ""


def _title_after_breadcrumb(header: list[Line], crumbs: list[Line]) -> Line | None:
    """The header line the breadcrumb's last item was cut from, if the page prints it whole."""
    stem = _crumb_stem(crumbs[-1])
    return next((l for l in header if l not in crumbs and stem and l.text.startswith(stem)), None)


@lru_cache(maxsize=1)
def _language_free_show_phrases() -> frozenset[str]:
    return frozenset(read_lexicon().get("any", {}).get("show_phrases", ()))


MIN_LENGTH_SECONDS = 10  # a player's clock a second in ("00:00:01") is no episode's length
GLUED_SHOW_MIN_CHARS = 3  # "deOctober 02, 2018": a language's code run into the date, no show ("法广" is one)


_NOTHING_PLAYED = ("0:00", "00:00", "0:00:00", "00:00:00")  # a player's position before it plays


def _read_header(page: Page, header: list[Line], title: Line | None, start: Line, fields: dict) -> Line | None:
    """The header's fields: date, length, title, show (the lines nearest the description first: a
    page's header can hold other dates and lengths above, a player's or a sidebar's). Returns the
    line read as the show."""
    # A language's show phrase ("Descrição de chapéu NAME") names the show before a language-free one
    # ("Podcast: ..."), which a newspaper also prints before an episode's title.
    named = sorted((l for l in header if l.kind == "show_phrase" and l.captures.get("show") and l is not title), key=lambda l: (l.why in _language_free_show_phrases(), -l.index))
    if named:
        fields.setdefault("show", named[0].captures["show"])
    for line in reversed(header):
        if line.kind in ("chrome", "desc_heading") and line.captures.get("title") and "title" not in fields:
            fields["title"] = line.captures["title"].strip('"“”«» ')
        if line.kind == "widget" and "duration" not in fields:
            before = page.prev(line)
            played, _, rest = line.text.partition(" ")
            if played in _NOTHING_PLAYED and (rest := rest.strip(" /-–")):  # "0:00 25:49", "00:00 / 25:49": one line
                length = read_meta_line(rest)
            else:
                length = read_meta_line(line.text) if before is not None and before.text in _NOTHING_PLAYED else None
            if length and length.duration:
                fields["duration"] = length.duration  # a player: "0:00" played of "29:13"
        if line.kind == "short" and (doubled := printed_twice(line.text)):
            fields.setdefault("show", doubled)
        if line.kind == "meta" and line.meta is not None:
            if line.meta.published and "published" not in fields:
                fields["published"] = line.meta.published.isoformat()
            if line.meta.duration and line.meta.duration >= MIN_LENGTH_SECONDS and "duration" not in fields:
                fields["duration"] = line.meta.duration
            if (glued := line.meta.glued_name) and (len(glued) >= GLUED_SHOW_MIN_CHARS or _CJK.search(glued)):
                fields.setdefault("show", glued)
        if line.kind == "byline" and title is not None and line.index > title.index:
            fields.setdefault("show", line.captures.get("show"))
    if title is None:
        byline = next((l for l in header if l.kind == "byline"), None)
        if byline is not None:  # "TITLE - a podcast by PUBLISHER" as the page's first line
            fields.setdefault("title", byline.captures.get("show"))
        return None
    fields.setdefault("title", _CRAWL_STAMP.sub("", title.text))
    if fields["title"] == title.text and (length := _length_after(title.text)) is not None:
        fields["title"] = title.text[: length[0]]  # "NRK + Radio102 = sant (11m 51s)": the length printed after the title
        fields.setdefault("duration", length[1])
    if "show" in fields:
        return None
    for line in header:
        if line.index < title.index and (last := _breadcrumb_last(line.text)) is not None and _named_by(title.text, last):
            fields["show"] = last  # "News / Podcasts / SHOW" over "SHOW: TITLE": the breadcrumb's last step is the show
            return None
    above, below = page.prev(title), page.next(title)
    if above is not None and above.text != title.text and above.text.startswith(title.text):
        above = None  # the title's image, by its alternative text ("TITLE image"): no show's name
    elif above is not None and (_breadcrumb_line(page, above) or _tag_box_line(page, above)):
        above = None  # the site's breadcrumb down to the title, or a box of tags: no show's name
    # Not an episode's number alone over the title ("Episode 163" / "163: Campus d'Estiu").
    if above is not None and above.index < start.index and _show_line(above) and above.text != title.text and not _full_stop(above.text) and not _mark_only(above.text):
        fields["show"] = _show_name(above.text)
        return above
    # Not a line ending in a colon (a lead-in), a question mark (the text's opening question) or a full
    # stop (its tagline: "Our densest subject yet.").
    if below is not None and below.index < start.index and _show_line(below) and not below.text.endswith((":", "?", "？")) and not _full_stop(below.text) and not _mark_only(below.text) and (above is None or not _name_line(above)) and not _teaser(page, below) and not _standfirst(below.text):
        fields["show"] = _show_name(below.text)
        return below
    if above is not None and above.kind in ("meta", "widget"):
        higher = page.prev(above)
        if higher is not None and _show_line(higher) and higher.text != title.text:
            fields["show"] = _show_name(higher.text)
            return higher
    return None


def _kept_below(page: Page, header: list[Line], labels: list) -> None:
    """A header line kept between the title and the text (a book's credit under the title) that the
    text prints again and keeps there (as its last line): the header's copy is the duplicate."""
    if not header:
        return
    last = header[-1].index
    kept = {line.text: line for line in page.nonblank if line.index > last and labels[line.index] is not None and labels[line.index][0] == "content"}
    for line in header:
        # (as dedup does, a short line may repeat on purpose: "Links:" over two lists)
        if len(line.text) >= MIN_BLOCK_CHARS and labels[line.index] is not None and labels[line.index][1] == "generic:keep" and (again := kept.get(line.text)) is not None:
            labels[line.index] = ("duplicate", "generic:printed-below", f"between the episode's title and its description, and printed again at line {again.lineno}, where it is kept")


def _label_header(page, header, labels, title, show, heading, blurb) -> None:
    counts: dict[str, int] = {}
    for line in header:
        counts[line.text] = counts.get(line.text, 0) + 1
    shows = _shows_named(header)
    for line in header:
        i = line.index
        if blurb is not None and blurb[0] <= i < blurb[1]:
            labels[i] = ("chrome", "generic:show-blurb", "the show's own blurb, above the episode's title")
        elif _teaser(page, line):
            labels[i] = ("duplicate", "generic:teaser", "the description's opening, cut short: the full text comes below")
        elif title is not None and line.text == title.text:
            again = "" if line is title else ", printed again"
            labels[i] = ("title", "generic:title", f"the episode's title, the last name in the header above its description{again}")
        elif line is show or line.text in shows:
            labels[i] = ("show", "generic:show", "the show's name, beside the episode's title")
        elif line.kind == "meta":
            labels[i] = ("meta", "generic:meta", "the episode's date or length, in the header above the description")
        elif line.kind == "byline" and title is None:
            labels[i] = ("title", "lexicon:byline", f"the episode's title and who makes it: matches {line.why!r}")
        elif line.kind in ("byline", "show_phrase"):
            labels[i] = ("show", f"lexicon:{line.kind}", f"the show's line, in the header above the description: matches {line.why!r}")
        elif line.kind in ("chrome", "section", "desc_heading", "notes_heading"):
            labels[i] = ("chrome", "lexicon:ui", f"interface text above the description: matches {line.why!r}")
        elif line.kind == "widget":
            labels[i] = ("chrome", "generic:widget", "a player control, counter or leftover markup, above the description")
        elif counts[line.text] >= 3:
            labels[i] = ("chrome", "generic:repeated", f"printed {counts[line.text]} times in the header: a name in the site's player or menu")
        elif heading is not None and (title is None or i > title.index):
            labels[i] = ("chrome", "generic:header", f"the episode's header, above the heading {heading.text!r} over the description")
        elif _field_label(page, line):
            labels[i] = ("chrome", "generic:field-label", "a field's label in the header ('Label:' over its value or the next label)")
        elif _pipe_field(page, line):
            labels[i] = ("chrome", "generic:field-label", "a field's label or value in the header ('Label |' over its value)")
        elif _tag_box_line(page, line) and not _credit_line(line.text):  # a credit ("Host: NAME") may be the notes'
            labels[i] = ("chrome", "generic:tag-box", "a box of one-word labels and values in the header ('Artist: ...', 'Album: ...'): an audio file's tags")
        elif _byline(line.text) or _byline_goes_on(page, line):
            labels[i] = ("chrome", "generic:byline", "who wrote the page ('By NAME'), in the header above the description")
        elif _contributor_card(line.text):
            labels[i] = ("chrome", "generic:contributor", "a contributor's card in the header (a name and handle, a year and owner, a user name)")
        elif title is not None and i > title.index and line.kind == "short" and _mark_only(line.text):
            labels[i] = ("chrome", "generic:episode-mark", "the episode's number beside its title ('Episode 144')")
        elif title is not None and i > title.index:
            labels[i] = ("content", "generic:keep", "between the episode's title and its description: kept")
        elif (line.kind == "prose" or sentence_like(line.text)) and _printed_twice_in_a_row(page, line):
            labels[i] = ("content", "generic:keep", "a sentence the header prints twice in a row: the article's lead, kept (once)")
        elif title is not None and sentence_like(line.text) and _full_stop(line.text) and _between_titles(page, line, title.text):
            labels[i] = ("content", "generic:keep", "a sentence between two copies of the title: the episode's lead, kept")
        elif line is page.nonblank[0] and _lead_sentence(line.text):
            labels[i] = ("content", "generic:keep", "the page's first line, a sentence with its full stop: the article's lead, kept")
        elif title is not None and _full_stop(title.text) and sentence_like(line.text) and _full_stop(line.text):
            # A "title" that ends as a sentence may be a photo's caption: the sentence above it, the lead.
            labels[i] = ("content", "generic:keep", "a sentence above a title that ends as a sentence does: kept (an article's lead)")
        elif title is not None or heading is not None:
            above = f"the title (line {title.lineno})" if title is not None else f"the heading {heading.text!r}"
            labels[i] = ("chrome", "generic:header", f"the site's header, above {above}")
        else:
            labels[i] = ("content", "generic:keep", "above the description, not known interface text: kept")
    if heading is not None:
        labels[heading.index] = ("chrome", "generic:description-heading", f"the heading over the description ({heading.why!r})")


def _between_titles(page: Page, line: Line, title: str) -> bool:
    """Whether the lines right above and below `line` are both the title (a card's and a heading's)."""
    above, below = page.prev(line), page.next(line)
    return above is not None and below is not None and above.text == title and below.text == title


_IN_BRACKETS = re.compile(r"\s*\(([^()]{1,24})\)$")


def _length_after(text: str) -> tuple[int, int] | None:
    """Where a length in brackets at the end of a title starts, and the length in seconds."""
    m = _IN_BRACKETS.search(text)
    if m is None or m.start() == 0:
        return None
    meta = read_meta_line(m.group(1))
    if meta is None or meta.duration is None or meta.published is not None or meta.words:
        return None
    return m.start(), meta.duration


FIELD_BOX_LINES = 4  # how far under a details box's date the text goes on


TEASER_LOOKAHEAD = 4  # lines between a teaser and its full copy: a date, a share button, a player


def _full_copy_below(body: list[Line], k: int) -> int | None:
    """Where the line above the k-th, cut short ("... En una…"), is printed whole, a few lines down."""
    stem = _cut_stem(body[k - 1].text)
    return None if stem is None else _completed_after(body, k, stem, TEASER_LOOKAHEAD)


FAR_TEASER_CHARS = 80  # a paragraph's opening, long enough that only its own full copy starts with it
FAR_COPY_LOOKAHEAD = 40  # lines: past a list of other episodes between a teaser and the post


def _full_copy_further(body: list[Line], k: int) -> int | None:
    """Where the line above the k-th, a paragraph cut off mid-sentence with no marker ("... s'engagent
    pour"), is printed whole further down (past a list of other episodes): the post's full text."""
    teaser = body[k - 1].text
    if len(teaser) < FAR_TEASER_CHARS or _SENTENCE_END.search(teaser[-2:]):
        return None
    return _completed_after(body, k, teaser, FAR_COPY_LOOKAHEAD)


def _completed_after(body: list[Line], k: int, stem: str, lookahead: int) -> int | None:
    """Where a line within `lookahead` lines after body[k] is `stem` printed whole, unless body[k]
    itself goes on from it (the text's next line, not a copy further down)."""
    if body[k].text.startswith(stem):
        return None
    return next((j for j in range(k + 1, min(len(body), k + 1 + lookahead)) if _completes(body[j].text, stem)), None)


def _field_again(name: str, lines: list[Line]) -> bool:
    """Whether one of `lines` is a labelled date (or length, by `name`) too."""
    return any(line.kind == "meta" and (found := field_value(line.text)) and found[0] == name for line in lines)


def _pipe_label(line: Line | None) -> bool:
    """A details table's label cell, its separator printed after it ("Publisher |", "Episode Duration |")."""
    return line is not None and line.kind == "short" and line.text.endswith(" |") and len(line.text.split()) <= 4


def _pipe_field(page: Page, line: Line) -> bool:
    """A details table's label cell or the value under one ("Publisher |" over the publisher)."""
    return _pipe_label(line) or _pipe_label(page.prev(line))


def _field_label(page: Page, line: Line) -> bool:
    """A header field's label ("Czas trwania:" over "51:24 min.", "Audycja:" over "Prowadzący:"): a
    short line ending in a colon over a date or length line or another such label. A lead-in over
    the text ("In this episode:") stays."""
    if line.kind != "short" or not line.text.endswith(_COLONS):
        return False
    after = page.next(line)
    return after is not None and (after.kind == "meta" or (after.kind == "short" and after.text.endswith(_COLONS)))


def _label_body(page: Page, start: Line, header: list[Line], labels: list, fields: dict, two_speakers: bool = False) -> None:
    body = page.nonblank[page.position[start.index] :]
    header_texts = {_bare(l.text) for l in header if l.kind in ("short", "prose", "byline") and name_shaped(_bare(l.text))}
    end, ended_by = len(body), ""
    resume_at = 0  # past an interface run inside the show notes: where they go on
    # Saved HTML: a footer, sidebar, menu or form ends the text, unless the text itself starts in one.
    ends_at_site_parts = bool(page.paths) and _SITE_PART.search(page.paths[start.index]) is None
    for k, line in enumerate(body):
        if k < resume_at:
            continue
        if k and _with_credit_after(body[k - 1].text, line.text):
            labels[line.index] = ("chrome", "generic:caption", f"line {body[k - 1].lineno} again with a photo's credit after it: the picture's caption")
            continue
        if k and ((full := _full_copy_below(body, k)) is not None or (full := _full_copy_further(body, k)) is not None):
            # "TEXT CUT…" / date / "Share" / "TEXT CUT SHORT AND THE REST": the lines between a teaser
            # and its full copy are the post's header, not an ending.
            for other in body[k:full]:
                if other.kind == "meta" and other.meta is not None and other.meta.published and "published" not in fields:
                    fields["published"] = other.meta.published.isoformat()  # the post's date, in its header
                    labels[other.index] = ("meta", "generic:meta", "the episode's date, between the description's teaser and its full copy")
                    continue
                labels[other.index] = ("chrome", "generic:inside-description", f"between the description's teaser (line {body[k - 1].lineno}) and its full copy (line {body[full].lineno})")
            resume_at = full
            continue
        # Where no sentence came yet, the "description" may be a menu: a site part then decides nothing.
        if ends_at_site_parts and _SITE_PART.search(page.paths[line.index]) and any(sentence_like(other.text) for other in body[:k]):
            end, ended_by = k, f"from line {line.lineno}: the page's footer, sidebar, menu or form, which the description's element is not in"
            break
        if line.kind == "section":
            end, ended_by = k, f"after the heading {line.text!r} (line {line.lineno}): the page's next section"
            break
        if k and _bare(line.text) in header_texts and not _over_a_heading(page, line) and not _over_chapters(body, k):
            if (resume := _interruption(page, body, k, labels, fields.get("title"))) is not None:
                resume_at = resume
                continue
            end, ended_by = k, f"from line {line.lineno}, which repeats the page's header ({line.text!r}): the show's own section"
            break
        if (
            k
            and line.kind == "meta"
            and (found := field_value(line.text))
            and not _field_again(found[0], body[k + 1 :])
            and any(other.kind == "prose" and not labelled(other.text) for other in body[k + 1 : k + 1 + FIELD_BOX_LINES])
        ):
            # "RELEASED: 15/02/2021" under a label, no other labelled date below, a paragraph close
            # under it (not the box's next "TOPICS: ..."): the episode's details box inside its text
            # (a list of other episodes prints one under each entry; a box under the text ends it).
            fields.setdefault(*found)
            if not _full_stop(line.text):  # one the creator wrote as a sentence of the notes stays
                labels[line.index] = ("meta", "generic:field-line", "the episode's date or length under a label, not the creator's text")
                continue
        if k and line.kind == "meta" and _pure_date(line) and page.resumes and _dateline(body, k):
            # An article's dateline ("31. 3. 2023 | Praha") over its first paragraph: no list, the text goes
            # on (on a text page; backing trafilatura's main text, the sections end there: AEB 0.949 -> 0.947).
            labels[line.index] = ("meta", "generic:meta", "the date line over the article's text")
            if line.meta is not None and line.meta.published and "published" not in fields:
                fields["published"] = line.meta.published.isoformat()
            continue
        if k and line.kind == "meta" and _pure_date(line) and page.resumes and _dateline_over_title(body, k):
            # "May 29, 2023" / TITLE / TITLE / paragraph: the episode's own header under a banner line,
            # not a list (whose entries would each be dated): the text goes on under the title.
            labels[line.index] = ("meta", "generic:meta", "the episode's date, over its title printed twice")
            labels[body[k + 1].index] = ("title", "generic:title", "the episode's title, under its date and printed twice")
            labels[body[k + 2].index] = ("duplicate", "generic:title-again", f"the title again (line {body[k + 1].lineno})")
            fields.setdefault("title", body[k + 1].text)
            if line.meta is not None and line.meta.published and "published" not in fields:
                fields["published"] = line.meta.published.isoformat()
            resume_at = k + 3
            continue
        if k and line.kind == "meta" and _pure_date(line):
            top = k - 1 if k > 1 and body[k - 1].kind == "short" and name_shaped(body[k - 1].text) and not sentence_like(body[k - 1].text) else k
            if (below := _text_under_list(body, k)) is not None and not any(sentence_like(other.text) for other in body[:top]):
                # No sentence above the list: its entries (a programme's parts, a player's other
                # broadcasts) stand over the description, which starts under them.
                for other in body[top:below]:
                    labels[other.index] = ("chrome", "generic:list-above", f"a list of episodes or parts with their dates (lines {body[top].lineno}-{body[below - 1].lineno}) above the description")
                resume_at = below
                continue
            end = top
            under = page.next(line)
            entry = under is not None and under.kind == "short" and name_shaped(under.text)  # "date / title": a list's entry
            # A list dates each entry; a date line with no other within the lines under it, right under
            # the text, is the episode's own.
            alone = not any(other.kind == "meta" and _pure_date(other) for other in body[k + 1 : k + 1 + OWN_DATE_LOOKAHEAD])
            if end == k and (not entry or alone) and line.meta is not None and "published" not in fields and "duration" not in fields:
                # No name above it, and the header named no date: the episode's own date line under its text.
                if line.meta.published:
                    fields["published"] = line.meta.published.isoformat()
                if line.meta.duration:
                    fields["duration"] = line.meta.duration
                if alone:
                    if (glued := line.meta.glued_name) and len(glued) >= GLUED_SHOW_MIN_CHARS:
                        fields.setdefault("show", glued)  # "«SHOW»25 января 2026": the show's name run into its date
                    labels[line.index] = ("meta", "generic:meta", "the episode's date line, under its text")
                    end, ended_by = k + 1, f"from line {body[k + 1].lineno}: the page's own lines, under the episode's date line (line {line.lineno})" if k + 1 < len(body) else ""
                    break
            ended_by = f"from line {body[end].lineno}: a list of other episodes with their dates"
            break
        if k and _dated_entry(line.text) and any(_dated_entry(other.text) for other in body[k + 1 : k + 1 + DATED_ENTRY_LOOKAHEAD]):
            end = k
            while end > 1 and (body[end - 1].kind == "chrome" or _rule(body[end - 1].text)):
                end -= 1  # the list's heading ("Episodes") and its separators
            ended_by = f"from line {body[end].lineno}: a list of other episodes, each a date run into its title"
            break
        if k and _relative_date(line) and any(_relative_date(other) for other in body[k + 1 : k + 1 + RELATIVE_DATES_LOOKAHEAD]):
            end, ended_by = k, f"from line {line.lineno}: comments or other episodes, each with how long ago it was posted ({line.text!r})"
            break
        if k and line.kind in ("short", "prose") and _sibling_title(fields.get("title"), line.text):
            end, ended_by = k, f"from line {line.lineno}: another episode's title in this one's form, a list of other episodes"
            break
        if k and _label_of_entries(body, k):
            end, ended_by = k, f"from line {line.lineno}: a list of other episodes, each a paragraph under the same label ({line.text!r})"
            break
        if (transcript := _transcript_at(page, line, k, two_speakers)) is not None:
            # from its opening sound cue ("(background music)") over the first turn, where it has one
            end = k - 1 if k > 1 and _BRACKETED_CUE.match(body[k - 1].text) else k
            ended_by = f"{transcript}, from line {body[end].lineno} on"
            break
        nxt = body[k + 1] if k + 1 < len(body) else None
        if k and nxt is not None and nxt.text == line.text and _name_line(line) and not _SENTENCE_END.search(line.text) and not _refrain(body, k):
            if (resume := _interruption(page, body, k, labels, fields.get("title"))) is not None:
                resume_at = resume  # a photo's caption printed twice: the article goes on under it
                continue
            end, ended_by = k, f"from line {line.lineno}: a name printed twice, an author's or guest's box"
            break
        if _interface(line) and nxt is not None and (_interface(nxt) or nxt.kind == "section"):
            notes = _notes_heading_after(body, k)
            if notes is not None:
                # A player or guest card inside the show notes; a notes heading below ("Highlights",
                # "Links") says they go on.
                for other in body[k:notes]:
                    labels[other.index] = ("chrome", "generic:inside-notes", f"interface lines between two parts of the show notes (they go on under {body[notes].text!r})")
                labels[body[notes].index] = ("chrome", "lexicon:ui", f"a heading ({body[notes].why!r}) inside the show notes")
                resume_at = notes + 1
                continue
            if (resume := _interruption(page, body, k, labels, fields.get("title"))) is not None:
                resume_at = resume
                continue
            end, ended_by = k, f"interface lines from line {line.lineno} on: the description has ended"
            break
        if line.kind == "chrome" and not line.any_language and "{" not in line.why and _button_words(line.text) and k and nxt is not None and nxt.kind in ("prose", "short"):
            # Between two lines of the description, a button's word is the creator's ("Share this ..."),
            # but not a whole line of the player's or a notice's ("Duration [ 1:27 ] Hide Player | ...").
            labels[line.index] = ("content", "generic:description", f"the episode's description (matches {line.why!r}, but the text goes on under it)")
        elif line.kind == "chrome" and not line.any_language:
            labels[line.index] = ("chrome", "lexicon:ui", f"interface text: matches {line.why!r}")
        elif line.kind == "widget" or (line.why == "{duration}" and player_control(line.text)):
            # ("0:00" is a length to the lexicon, kept between lines; a player's clock at its start all the same)
            labels[line.index] = ("chrome", "generic:widget", "a player control, counter or leftover markup")
        elif line.kind == "notes_heading" and k and nxt is not None and nxt.kind in ("prose", "short"):
            # A heading of the creator's notes ("Links", "Länkar") over more of them: the notes' own.
            labels[line.index] = ("content", "generic:description", f"a heading of the show notes ({line.why!r}), over more of them")
        elif line.kind in ("desc_heading", "notes_heading"):
            labels[line.index] = ("chrome", "lexicon:ui", f"a heading ({line.why!r}) inside the description")
        elif k and _length_under_text(line, nxt):
            labels[line.index] = ("meta", "generic:meta", "the episode's length, printed under its description")
            if "duration" not in fields:
                fields["duration"] = line.meta.duration
        elif k and _details_under_text(line, nxt):
            labels[line.index] = ("meta", "generic:meta", "the episode's date and length, printed under its description")
            fields.setdefault("published", line.meta.published.isoformat())
            fields.setdefault("duration", line.meta.duration)
        elif k and _labelled_date(line) and (_label_before_date(line) or not any(_dated(other) for other in page.around(line, LABELLED_DATE_NEIGHBOURS))):
            labels[line.index] = ("meta", "generic:meta", "the episode's date under a label ('Published on ...'), not the creator's text")
            fields.setdefault("published", line.meta.published.isoformat())
        else:
            labels[line.index] = ("content", "generic:description", "the episode's description")
    kept = [line for line in body[:end] if labels[line.index][0] == "content"]
    for line in (kept[0], kept[-1]) if len(kept) > 1 else ():
        if _listen_on(line.text):
            labels[line.index] = ("chrome", "generic:listen-on", "where else the show is heard (podcast apps named in a list), at an edge of the description")
    for n in range(trailing_lead_ins([line.text for line in kept])):
        labels[kept[-1 - n].index] = ("chrome", "generic:lead-in", LEAD_IN_WHY)
    named_under = None
    for line in body[end:]:
        if line is named_under:
            labels[line.index] = ("show", "generic:show", f"the show's name, under the heading {body[end].text!r} that names it")
            continue
        labels[line.index] = ("chrome", "generic:after-description", ended_by)
        if line.kind == "section" and line.captures.get("show"):
            fields.setdefault("show", line.captures["show"].strip('"“”«» '))
        elif line.kind == "section" and line.why in show_headings() and "show" not in fields and (under := page.next(line)) is not None and under.kind == "short" and name_shaped(under.text):
            fields["show"], named_under = under.text, under  # "Jest to odcinek podkastu:" / SHOW


TRAILING_LEAD_IN_WORDS = 10  # "Listen to the conversation in our podcast:" is short; a creator's sentence is longer
LEAD_IN_WHY = "a lead-in ending in a colon with nothing of the description under it: what it introduced (a player, a link) is not in the text"


BUTTON_WORDS = 2  # a button's word or two ("Share", "Del episode"); the UI's sentences and lead-ins are longer


def _button_words(text: str) -> bool:
    """A button's word or two, which a creator may also write between two of their lines ("Share"),
    not an interface sentence or a lead-in to a player ("Escucha el podcast aquí:")."""
    return len(text.split()) <= BUTTON_WORDS and not text.endswith(_COLONS)


def trailing_lead_ins(texts: list[str]) -> int:
    """How many of the description's last lines are short lead-ins ending in a colon ("Listen on
    Spotify:", "Podcast:"), over nothing (the embed the dump left out); one line is always left."""
    n = 0
    while n < len(texts) - 1 and texts[-1 - n].endswith(_COLONS) and len(texts[-1 - n].split()) <= TRAILING_LEAD_IN_WORDS:
        n += 1
    return n


# A listen-on line ("Disponibile su Spotify, Spreaker, Deezer e Google Podcast.", "Alle afleveringen
# ... op Spotify en op Apple Podcast."): two podcast apps or more named one after another (a few
# words between two: ", no ", " en op "), in a short line, no figure (a line about the apps' market
# shares is the creator's text; a brand's digit, "G1", is no figure). At the first or last line of a description only: between its
# paragraphs it may be the creator's sentence about the apps.
LISTEN_ON_MIN_APPS = 2
LISTEN_ON_WORDS = 10  # words a line may hold, and as many more for each app it names
LISTEN_ON_GAP_WORDS = 3  # words at most between two apps of the list


_FIGURE = re.compile(r"\d\d|%")


def _listen_on(text: str) -> bool:
    if has_digit(text) is not None and _FIGURE.search(text):
        return False
    found = list(_app_names().finditer(text))
    apps = {m.group(0).casefold().removesuffix("s") for m in found}
    if len(apps) < LISTEN_ON_MIN_APPS or len(text.split()) > LISTEN_ON_WORDS * (1 + len(apps)):
        return False
    return all(len(text[a.end() : b.start()].split()) <= LISTEN_ON_GAP_WORDS for a, b in zip(found, found[1:]))


@lru_cache(maxsize=1)
def _app_names() -> re.Pattern[str]:
    """Every podcast app's name the lexicon lists, inside a line ("Google Podcast" for "Google Podcasts" too)."""
    names = {name.removesuffix("s") if name.endswith("Podcasts") else name for name in every_language("app_names")}
    alternatives = "|".join(re.escape(name) + ("s?" if name.endswith("Podcast") else "") for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


# How far below an interface run a show-notes heading is looked for (a player, a guest's card).
NOTES_LOOKAHEAD = 8
# An article's text goes on under a photo and its caption, a byline or a player: a long paragraph
# within this many lines of where the description seemed to end, with no heading, date or list
# between, is more of it.
RESUME_LOOKAHEAD = 12
RESUME_MIN_CHARS = 160


DATELINE_LOOKAHEAD = 8  # lines under a date line in which a list of episodes would date another entry


def _dateline(body: list[Line], k: int) -> bool:
    """A date line right over a paragraph, with no other date line in the lines under it: the date
    of the article that follows, not an entry of a list of other episodes (each dated)."""
    under = body[k + 1] if k + 1 < len(body) else None
    if under is None or under.kind != "prose" or not paragraph(under.text):
        return False
    return not any(other.kind == "meta" and _pure_date(other) for other in body[k + 2 : k + 2 + DATELINE_LOOKAHEAD])


def _dateline_over_title(body: list[Line], k: int) -> bool:
    """A date line over the same name printed twice and then a paragraph, with no other date line
    under it: the episode's header (a site prints the title as a link and as a heading)."""
    if k + 3 >= len(body) or body[k + 1].text != body[k + 2].text or not name_shaped(body[k + 1].text):
        return False
    return _dateline(body, k + 2)


def _over_a_heading(page: Page, line: Line) -> bool:
    """A paragraph of the header printed again right over another section's heading: no section
    opens with it (the show's would print its blurb under it), so it is the text's last line (the
    book or source an episode reads, printed under its title too)."""
    after = page.next(line)
    return line.kind == "prose" and after is not None and after.kind == "section" and "{" not in after.why


def _over_chapters(body: list[Line], k: int) -> bool:
    """A line of the header printed again over a chapter list, maybe under the list's heading (a pull
    quote's attribution, the guest's name): the episode's own chapters go on, no show's section."""
    return any(other.kind == "chapter" for other in body[k + 1 : k + 3])


SIBLING_PREFIX_CHARS = 12  # "Episode 12: " and longer: a series' form of titles, not two words that happen to match
_TITLE_SEPARATOR = re.compile(r"(?:\s[-–—|]|[:：])\s*$")


def _sibling_title(title: str | None, text: str) -> bool:
    """Whether `text` is another episode's title in the form of this one's: the same opening up to
    a different episode number ("SHOW - S3E33: ..." under "SHOW - S3E24: ..."), or the same
    numbered opening up to its separator ("SHOW - S2: other title"). Not a sentence with its full stop."""
    if not title or text[:SIBLING_PREFIX_CHARS] != title[:SIBLING_PREFIX_CHARS] or text == title:
        return False  # most lines: another opening at once
    n = SIBLING_PREFIX_CHARS
    for a, b in zip(title[n:], text[n:]):
        if a != b:
            break
        n += 1
    prefix = title[:n]
    if not any(ch.isalpha() for ch in prefix) or n >= min(len(title), len(text)) or _full_stop(text) or not name_shaped(text):
        return False
    if title[n].isdigit() and text[n].isdigit():
        return True  # S3E24 / S3E33
    return _TITLE_SEPARATOR.search(prefix) is not None and any(ch.isdigit() for ch in prefix)


LIST_ABOVE_DATES = 2  # a list's dated entries: one date line is the episode's own


def _text_under_list(body: list[Line], k: int) -> int | None:
    """Where a list of dated entries starting near body[k] ends in a paragraph of prose with no date
    line under it for a while: that paragraph's position in `body`, else None."""
    j = k
    while j < len(body) and (body[j].kind == "meta" or (body[j].kind in ("short", "prose") and not sentence_like(body[j].text))):
        j += 1  # the entries: dates and titles, no sentence
    if j == len(body) or body[j].kind != "prose" or not paragraph(body[j].text):
        return None
    if sum(other.kind == "meta" for other in body[k:j]) < LIST_ABOVE_DATES:
        return None
    if any(other.kind == "meta" and _pure_date(other) for other in body[j : j + RESUME_LOOKAHEAD]):
        return None  # the list goes on with its entries' blurbs
    return j


def _interruption(page: Page, body: list[Line], k: int, labels: list, title: str | None = None) -> int | None:
    """Where the description goes on after an interruption starting at body[k] (the lines between
    are labelled as that interruption), else None. `title`: the episode's title, as the header gave it."""
    resume = _resumes_after(page, body, k, title)
    if resume is None:
        resume = _fuller_copy_after(body, k)
    if resume is not None:
        for other in body[k:resume]:
            if other.kind == "prose" and paragraph(other.text):
                # A paragraph between two players is the creator's, however short.
                labels[other.index] = ("content", "generic:description", "the episode's description, between two interruptions")
            else:
                labels[other.index] = ("chrome", "generic:inside-description", f"between two parts of the description (it goes on at line {body[resume].lineno}): a caption, byline or player")
    return resume


def _fuller_copy_after(body: list[Line], k: int) -> int | None:
    """Where, within a few lines after the interruption at body[k] (an author's box, the post's
    title and date), the text above it is printed again and goes on past it with prose it did not
    hold: the post's full copy under its header, the lines above its teaser. Else None."""
    told = {o.text for o in body[:k] if o.kind == "prose"}
    for j in range(k + 1, min(len(body) - 1, k + 1 + RESUME_LOOKAHEAD)):
        if body[j].text in told:
            after = body[j + 1 :]
            more = next((o for o in after if o.text not in told), None)
            return j if more is not None and more.kind == "prose" and paragraph(more.text) else None
    return None


def _resumes_after(page: Page, body: list[Line], k: int, title: str | None = None) -> int | None:
    """Where the description goes on after the interruption starting at body[k], else None. Not
    where the lines between print a line of the description again (the page's next section starts
    over: other episodes, the show's page), nor into a transcript ("Name: ...", "Voz 1 00:00"). A
    heading right over the episode's title printed again ("Listen Now" / TITLE / paragraph) heads
    the article's own copy of the header, not another section."""
    if not page.resumes:
        return None
    told = {o.text for o in body[:k]}
    for j in range(k, min(len(body), k + 1 + RESUME_LOOKAHEAD)):
        other = body[j]
        title_under = title is not None and j + 1 < len(body) and body[j + 1].text == title
        if other.kind == "meta" and _pure_date(other):
            # an article's date line right over its text ("12. 4. 2024 | Brno"): it goes on there
            return j if j > k and _dateline(body, j) else None
        if (other.kind in ("section", "desc_heading") and not title_under) or other.text in told:
            return None
        if _TURN.match(other.text) and _WORD.search(other.text) and _starts_transcript(page, other):
            return None  # a speaker's turn ("Voz 1 00:00") over what was said; a bare time is a player's
        if j > k and other.kind == "prose" and len(other.text) >= RESUME_MIN_CHARS and paragraph(other.text):
            # Not into a transcript: a speaker's turn that another turn of theirs follows, or that the
            # page ends with ("On Orchard Talk: today we ..." with more text under it is the notes').
            if _speaker(other.text) is not None and (other is page.nonblank[-1] or _starts_dialogue(page, other)):
                return None
            return j
    return None


def _notes_heading_after(body: list[Line], k: int) -> int | None:
    """Where a show-notes heading with text under it stands within a few lines after body[k], else
    None. Buttons that head sections elsewhere ("Listen now") may stand between."""
    for j in range(k + 1, min(len(body) - 1, k + 1 + NOTES_LOOKAHEAD)):
        if body[j].kind == "notes_heading":
            return j if body[j + 1].kind in ("prose", "short") else None
    return None


def opens_with_paragraph(verdicts: list[Verdict]) -> bool:
    """Whether the lines another labeller kept hold a paragraph of prose (else it missed the text): a
    long line or a sentence, not a header line of many short fields ("Audio | 17.01.2018 | Dauer: ...")."""
    return any(v.label == "content" and is_prose(v.text) and paragraph(v.text) for v in verdicts)


# On saved HTML the sections labeller backs trafilatura up: it gives back a description line that
# trafilatura left out between two lines it kept, at most this many lines apart. Measured on real
# podcast HTML (line recall 0.945 -> 0.996) and on the AEB news pages (F1 0.964 -> 0.958; wider gaps
# cost more there: 0.954 unbounded).
HTML_GAP_LINES = 6


def header_dates(verdicts: list[Verdict], blocks: Blocks) -> dict:
    """The episode's date and length on saved HTML: the date lines above the main text's first
    paragraph, nearest it first (the markup and the <title> name the title and the show). A long
    title in a heading element is no paragraph: its date line stands under it."""
    first = next(
        (
            i
            for i, v in enumerate(verdicts)
            if v.label == "content" and is_prose(v.text) and not _IN_HEADING.search(blocks[i].path)
        ),
        len(verdicts),
    )
    fields: dict = {}
    for verdict in reversed(verdicts[:first]):
        if not verdict.text or _WIDGET.match(verdict.text) or (meta := read_meta_line(verdict.text)) is None:
            continue
        if meta.published and "published" not in fields:
            fields["published"] = meta.published.isoformat()
        if meta.duration and "duration" not in fields:
            fields["duration"] = meta.duration
    if "published" not in fields and (date := _byline_date(verdicts[:first])):
        fields["published"] = date
    return fields


FIELDS_UNDER_LINES = 6  # lines under the main text a post's details box ("Добавлен: 24.09.2016") stands within


def _under_main_text(verdicts: list[Verdict], blocks: Blocks, reach: int) -> tuple[str, list[int]]:
    """The tag path of the post the main text's last kept line stands in, and the first `reach`
    lines under that line (blank lines not counted); no lines where nothing is kept."""
    last = _last_kept(verdicts)
    if last is None:
        return "", []
    lines = (i for i in range(last + 1, len(verdicts)) if verdicts[i].text)
    return _post_container(blocks[last].path), list(islice(lines, reach))


def fields_under_main_text(verdicts: list[Verdict], blocks: Blocks) -> dict:
    """The episode's date or length a labelled line gives right under the main text, in the same
    post ("Добавлен: 24.09.2016 13:09:00", "Published: March 3, 2021"): the fields of last resort on
    saved HTML, where the markup and the header name none."""
    fields: dict = {}
    container, under = _under_main_text(verdicts, blocks, FIELDS_UNDER_LINES)
    for i in under:
        if verdicts[i].rule == "generic:meta" and (meta := read_meta_line(verdicts[i].text)) is not None and meta.published:
            # The date line end_main_text read as the episode's, inside the main text trafilatura
            # found, though the post's template sets it beside its body ("Published 1 Mar 2018").
            fields.setdefault("published", meta.published.isoformat())
            continue
        if not blocks[i].path.startswith(container):
            break
        if (found := field_value(verdicts[i].text)) is not None:
            fields.setdefault(*found)
    return fields


_IN_HEADING = re.compile(r"(?:^|>)h[1-6](?:[.#][^>]*)?(?:>|$)")  # a heading's line, or a link in one
BYLINE_LINES = 8  # how far above the first paragraph a post's byline stands
BYLINE_MAX_CHARS = 120


def _byline_date(head: list[Verdict]) -> str | None:
    """The date of a post's byline ("Hecho por ... - Publicado el 16 de Junio 2020", "jeudi 27 juin
    2019, par loldf", "Podcast release date: July 1, 2026."): a short line near the first paragraph
    (above it, so no paragraph) that holds one date. Its length is left alone: "in 4 min" there is
    the reading time."""
    lines = [v for v in head if v.text][-BYLINE_LINES:]
    for verdict in reversed(lines):
        text = verdict.text
        if len(text) > BYLINE_MAX_CHARS:
            continue
        dates = [f for f in find_meta(text) if f.kind == "date"]
        if len(dates) == 1:
            return dates[0].value.isoformat()
    return None


def _gap_lines(verdicts: list[Verdict], blocks: Blocks | None = None) -> Iterator[int]:
    """The lines not kept, not blank, between two kept lines with at most HTML_GAP_LINES such lines
    between them, or any number (`blocks`: their tag paths) where all stand in one list with both
    kept lines (a list of links the main text kept only some items of), where the gap opens with
    a heading and all of it stands in the post of both kept lines (a section of the notes the main
    text skipped), or where all of it is lines of one tag path inside the element both kept lines'
    own elements stand in (the notes' run of link paragraphs, a list between two of their
    paragraphs; not a mix of captions, headings and related links inside an article's body)."""
    for before, after, gap in _gaps(verdicts):
        if len(gap) <= HTML_GAP_LINES:
            yield from gap
        elif blocks is not None and (root := _list_root(blocks[before].path)) and all(
            blocks[i].path.startswith(root) for i in (*gap, after)
        ):
            yield from gap
        elif (
            blocks is not None
            and HEADING_PATH.search(blocks[gap[0]].path)
            and (post := _post_container(blocks[before].path))
            and all(_inside_post(blocks[i].path, post) for i in (*gap, after))
        ):
            yield from gap  # a section of the post under its own heading, the main text going on below it
        elif (
            blocks is not None
            and len(run := {blocks[i].path for i in gap}) == 1
            and (parent := _parent(blocks[before].path))
            and _parent(blocks[after].path) == parent
            and run.pop().startswith(parent)
        ):
            yield from gap  # one kind of line, in the element of both kept lines (its run of links, a list)


_SUBHEADING_PATH = re.compile(r"(?:^|>)h[2-6](?:[.#][^>]*)?$")


def _heading_over_main_text(verdicts: list[Verdict], blocks: Blocks) -> int | None:
    """The line of a sub-heading right over the main text's first line and inside the element that
    line stands in (the notes' first section, "Status of the app" over its list), or of a credit in
    the same element as that line ("Gast: NAME" over the guest's bio), which trafilatura left out;
    not the page's <h1> title, nor a heading of another part of the page."""
    first = next((i for i, v in enumerate(verdicts) if v.label == "content"), None)
    above = next((j for j in range(first - 1, -1, -1) if verdicts[j].label != "blank"), None) if first else None
    if above is None or verdicts[above].rule != "generic:outside-main":
        return None
    parent = _parent(blocks[above].path)
    if _credit_line(verdicts[above].text):
        # "Gast: NAME" over the guest's bio, both in one element: the notes' credit
        return above if parent and _parent(blocks[first].path) == parent else None
    if not _SUBHEADING_PATH.search(blocks[above].path) or not parent or not blocks[first].path.startswith(parent):
        return None
    heading = Blocks([blocks[above]])
    return above if classify(heading, lexicon_matcher().scan(heading))[0].kind in ("short", "prose") else None  # not "About"


def _gaps(verdicts: list[Verdict]) -> Iterator[tuple[int, int, list[int]]]:
    """Each two kept lines with lines not kept, not blank, between them: (before, after, those lines)."""
    kept = [i for i, v in enumerate(verdicts) if v.label == "content"]
    for before, after in zip(kept, kept[1:]):
        if gap := [i for i in range(before + 1, after) if verdicts[i].label != "blank"]:
            yield before, after, gap


def _gaps_inside_a_post(verdicts: list[Verdict], blocks: Blocks) -> Iterator[int]:
    """The lines of a gap between two kept lines where all of it and both ends stand in one post's
    body (an <article>, <main> or element of a post's class, not its header, footer or share box),
    each all one link, of a kind of block the main text kept, not a line the lexicon knows:
    trafilatura drops a post's link-only list items and paragraphs (the notes' books, the guests'
    handles) as link-dense."""
    kept_blocks = None
    for before, after, gap in _gaps(verdicts):
        post = _article_of(blocks[before].path)
        if post is None or not all(_inside_post(blocks[i].path, post) for i in (before, *gap, after)):
            continue
        if kept_blocks is None:
            kept_blocks = {_block_path(blocks[i].path) for i, v in enumerate(verdicts) if v.label == "content"}
        alike = [i for i in gap if _all_link(blocks[i].path) and _block_path(blocks[i].path) in kept_blocks]
        if not alike:
            continue  # most gaps: no link-only line of a kept kind, no lexicon scan
        candidates = Blocks(blocks[i] for i in alike)
        for i, line in zip(alike, classify(candidates, lexicon_matcher().scan(candidates))):
            if line.kind in ("prose", "short"):
                yield i


def _all_link(path: str) -> bool:
    """Whether a line's text is all inside a link: an <a> among the inline elements its block's text
    stands in ("li>p>strong>a", "p>a>strong")."""
    return "a" in {tag_of(segment) for segment in path[len(_block_path(path)) :].split(">")}


def _parent(path: str) -> str:
    """The path of the element a line's own element stands in, with its trailing '>'."""
    head, sep, _ = path.rpartition(">")
    return head + sep if head else ""


_LIST_ROOT = re.compile(r"^.*?(?:^|>)[uo]l(?:[.#][^>]*)?>")


def _list_root(path: str) -> str:
    """The path of the outermost list a line stands in, with its trailing '>', else ''."""
    m = _LIST_ROOT.match(path)
    return m.group(0) if m else ""


def has_gaps(verdicts: list[Verdict], blocks: Blocks | None = None) -> bool:
    """Whether a line not kept stands between two kept lines at most HTML_GAP_LINES apart, or right
    after the last kept line inside the same post (what fill_gaps may give back): the sections
    labeller, which costs about what trafilatura does on a small page, runs only then."""
    if next(_gap_lines(verdicts, blocks), None) is not None:
        return True
    if blocks is not None and next(_gaps_inside_a_post(verdicts, blocks), None) is not None:
        return True
    if blocks is not None and _heading_over_main_text(verdicts, blocks) is not None:
        return True
    last = _last_kept(verdicts)
    if last is None or blocks is None:
        return False
    after = _next_nonblank(verdicts, last)
    return after is not None and _inside_post(blocks[after].path, _post_container(blocks[last].path))


@lru_cache(maxsize=1)
def _link_names() -> frozenset[str]:
    """Podcast apps' and social networks' names (the lexicon's app_names and social_names), case-folded."""
    return frozenset(name.casefold() for name in [*every_language("app_names"), *every_language("social_names")])


def fill_gaps(verdicts: list[Verdict], sections: list[Verdict], blocks: Blocks | None = None) -> None:
    """Keep, in place, the lines the sections labeller calls the description that stand in a short
    gap between two lines the main text kept, or right after its last line inside the same part of
    the page (credits, links; `blocks`: the page's blocks, for their tag paths)."""
    for i in list(_gap_lines(verdicts, blocks)):  # the gaps as the main text left them, before any is filled
        if card_residue(verdicts[i].text):
            continue  # a glyph or a doubled card label the sections labeller read as a short line
        separator = _rule(verdicts[i].text)  # "----", "***" between paragraphs
        # An app's or network's name between two lines of the text is the creator's link ("Twitter").
        if separator or sections[i].rule == "generic:description" or verdicts[i].text.casefold() in _link_names():
            verdicts[i].label, verdicts[i].rule = "content", "generic:description"
            verdicts[i].reason = "the description's own line between two lines of the main text (trafilatura left it out)"
    for i in list(_gaps_inside_a_post(verdicts, blocks)) if blocks is not None else ():
        if verdicts[i].rule == "generic:outside-main":
            verdicts[i].label, verdicts[i].rule = "content", "generic:description"
            verdicts[i].reason = "a line of the post between two lines of its main text (trafilatura left it out)"
    if blocks is not None and (head := _heading_over_main_text(verdicts, blocks)) is not None:
        verdicts[head].label, verdicts[head].rule = "content", "generic:description"
        verdicts[head].reason = "a heading or credit right over the main text's first line, inside its element (trafilatura left it out)"
    for i in _tail_lines(verdicts, sections, blocks):
        verdicts[i].label, verdicts[i].rule = "content", "generic:description"
        verdicts[i].reason = "the description's own line right after the main text (trafilatura left it out)"
    for i in _paragraphs_after(verdicts, blocks) if blocks is not None else ():
        verdicts[i].label, verdicts[i].rule = "content", "generic:description"
        verdicts[i].reason = "a paragraph of the main text's own element right under its last line (trafilatura left it out)"


HEADING_PAST_BUTTONS = 2  # interface lines (a player's "Download") a heading under the main text may stand below


def keep_heading_under_main_text(verdicts: list[Verdict], blocks: Blocks) -> None:
    """Keep, in place, a heading right under the main text's last line (past a player's button or
    two), in the same post, over a list of its own ("Links" over the episode's links), and the
    sub-headings over lists that follow it in its element: trafilatura left both out of the post,
    where the sections would keep them. Not a heading the lexicon knows as another section's or a
    list of other shows' (keep_lists_under_headings then keeps the list). The lexicon is asked here,
    not the verdicts' rules, which name it only where someone will see them (label_unknown's
    `explain`)."""
    kept = [i for i, v in enumerate(verdicts) if v.label == "content"]
    if not kept:
        return
    last = kept[-1]
    after = list(islice((i for i in range(last + 1, len(verdicts)) if verdicts[i].label != "blank"), HEADING_PAST_BUTTONS + 1))
    if not after or verdicts[after[0]].label != "chrome":
        return
    # The shape first (a heading element over a list, in the post), the lexicon only where it fits:
    # most pages have no such heading under their main text.
    headings = [n for n, i in enumerate(after) if HEADING_PATH.search(blocks[i].path)]
    if not headings:
        return
    at = headings[0]
    if len(headings) > 1:
        # A heading the lexicon knows as a button ("Listen to the episode" over the player) is one
        # more button: the heading under it may be the notes'.
        candidates = Blocks(blocks[after[n]] for n in headings[:-1])
        at = next((n for n, line in zip(headings, classify(candidates, lexicon_matcher().scan(candidates))) if line.kind not in ("chrome", "widget")), headings[-1])
    k = after[at]
    path = blocks[k].path
    container = path.rpartition(">")[0]
    if verdicts[k].label != "chrome" or _OUTSIDE_POST.search(path):
        return
    under = _under_heading(verdicts, blocks, k)
    container = _wrapper_of_list_beside(blocks, k, under, container)
    paragraphs = container + ">p"
    if under is None or not (
        _in_list_of(blocks[under].path, container) or blocks[under].path.startswith(paragraphs) or HEADING_PATH.search(blocks[under].path)
    ):
        return
    candidates = Blocks(blocks[i] for i in after[: at + 1])
    kinds = [line.kind for line in classify(candidates, lexicon_matcher().scan(candidates))]
    between = [kind in ("chrome", "widget") or _rule(candidates[n].text) for n, kind in enumerate(kinds[:at])]
    if not all(between) or kinds[at] not in ("short", "notes_heading", "desc_heading"):
        return  # a line between that is no button or separator ("| |"), or a heading the lexicon knows as another section's
    # A notes heading the lexicon knows ("Links") anywhere in the post; another heading only in the
    # main text's own element (a post's "Related content" box has a heading of its own).
    post = _post_container(blocks[last].path) if kinds[at] in ("notes_heading", "desc_heading") else container + ">"
    if not blocks[last].path.startswith(post):
        return
    if kinds[at] == "desc_heading":
        _keep_under_description_heading(verdicts, blocks, k, under, container)
        return
    why = "a heading of the post right under its main text, over a list of its own (trafilatura left both out)"
    if kinds[at] == "notes_heading" and blocks[under].path.startswith(paragraphs):
        # A notes heading over the post's own paragraphs ("Links" over a line of links): they come back with it.
        run = [k, *_chrome_run(verdicts, blocks, under, lambda path: path.startswith(paragraphs))]
        for i in run:
            verdicts[i].label, verdicts[i].rule = "content", "generic:description"
            verdicts[i].reason = why if i == k else f"a paragraph under the notes heading {blocks[k].text!r} (line {verdicts[k].lineno}), which trafilatura left out"
        return
    for heading in _headings_over_lists(verdicts, blocks, k, container):
        verdicts[heading].label, verdicts[heading].rule = "content", "generic:description"
        verdicts[heading].reason = why


def _keep_under_description_heading(verdicts: list[Verdict], blocks: Blocks, k: int, under: int, container: str) -> None:
    """Keep the list or paragraphs right under a heading the lexicon knows as the one over a
    description ("Show Notes"), in its element, where trafilatura left both out: they are the
    episode's notes; the heading is the page's."""
    paragraphs = container + ">p"
    for i in _chrome_run(verdicts, blocks, under, lambda path: _in_list_of(path, container) or path.startswith(paragraphs)):
        verdicts[i].label, verdicts[i].rule = "content", "generic:description"
        verdicts[i].reason = f"under the heading {blocks[k].text!r} (line {verdicts[k].lineno}), where the episode's notes start (trafilatura left both out)"


def _chrome_run(verdicts: list[Verdict], blocks: Blocks, start: int, fits: Callable[[str], bool]) -> list[int]:
    """The non-blank lines from `start` on, up to the first that is not chrome or whose tag path
    does not fit."""
    run = []
    for i in range(start, len(verdicts)):
        if verdicts[i].label == "blank":
            continue
        if verdicts[i].label != "chrome" or not fits(blocks[i].path):
            break
        run.append(i)
    return run


def _wrapper_of_list_beside(blocks: Blocks, k: int, under: int | None, container: str) -> str:
    """Where the heading at k stands alone in its element `container` and the line under it (at
    `under`) in a list in that element's next sibling ("div.title>h2" then "div.links>ul"), the
    list's element: the heading's element it is not. Else `container` unchanged."""
    if under is None or blocks[under].path.startswith(container + ">"):
        return container
    parent = container.rpartition(">")[0]
    before = _text_above(blocks, k)
    if not parent or (before is not None and blocks[before].path.startswith(container + ">")):
        return container
    path = blocks[under].path
    if not path.startswith(parent + ">"):
        return container
    wrapper = parent + ">" + path[len(parent) + 1 :].partition(">")[0]
    return wrapper if wrapper != container and _in_list_of(path, wrapper) else container


def _headings_over_lists(verdicts: list[Verdict], blocks: Blocks, k: int, container: str) -> list[int]:
    """From the heading at k, the run of headings in its element and lists under them ("Top 5" /
    "Apps:" / its list / "Books:" / its list): the headings that a list follows, up to the first
    line of another element or a heading the lexicon knows as another section's."""
    run: list[int] = []  # headings, and -1 for a list's items
    for i in range(k, len(verdicts)):
        if verdicts[i].label == "blank":
            continue
        path = blocks[i].path
        if run and run[-1] != -1 and path.startswith(blocks[run[-1]].path + ">"):
            continue  # the heading's own permalink ("#") inside it
        if _in_list_of(path, container):
            if run and run[-1] != -1:
                run.append(-1)
        elif i == k or (HEADING_PATH.search(path) and path.rpartition(">")[0] == container and verdicts[i].label == "chrome"):
            run.append(i)
        else:
            break
    headings = [i for i in run if i != -1]
    others = Blocks(blocks[i] for i in headings[1:])
    for n, line in enumerate(classify(others, lexicon_matcher().scan(others)), 1):
        # (a date alone is a sub-heading of the notes too: a devlog's "2018-11-20" over its links)
        if line.kind not in ("short", "notes_heading") and not (line.kind == "meta" and _pure_date(line)):
            run = run[: run.index(headings[n])]
            break
    while run and run[-1] != -1:
        run.pop()  # a heading with no list under it
    return [i for i in run if i != -1]


NOTES_HEADING_REACH = 8  # lines of the post's media boxes ("Audio" / "Download" / "Video" / "Watch") a notes heading may stand below


def keep_notes_heading_past_media(verdicts: list[Verdict], blocks: Blocks) -> None:
    """Keep, in place, a heading the lexicon knows as the notes' own ("Links") under the main text,
    past the post's media boxes: short lines only (their headings and buttons), all in the same post.
    keep_lists_under_headings then keeps the list under it."""
    container, under = _under_main_text(verdicts, blocks, NOTES_HEADING_REACH)
    for i in under:
        if not _inside_post(blocks[i].path, container) or is_prose(verdicts[i].text):
            return
        if HEADING_PATH.search(blocks[i].path):
            hits = lexicon_matcher().scan(Blocks([blocks[i]]))[0]
            if hits and hits[0].rule.name.startswith("notes-"):
                verdicts[i].label, verdicts[i].rule = "content", "generic:description"
                verdicts[i].reason = f"the notes' own heading ({hits[0].phrase!r}) under the post's player and video boxes (trafilatura left it out)"
                return


def keep_lists_under_headings(verdicts: list[Verdict], blocks: Blocks) -> None:
    """Keep, in place, the list right under a heading or a lead-in ("Links:") the main text kept, in
    its own element ("People Mentioned" over twenty links): trafilatura leaves lists of links out,
    and the heading it kept says the list is the post's. A list in another element (related posts)
    is not the heading's, nor is one under a heading in the site's footer, menu or sidebar."""
    for k, verdict in enumerate(verdicts):
        if verdict.label != "content" or _OUTSIDE_POST.search(blocks[k].path):
            continue  # a heading in the site's footer or sidebar heads the site's links
        if not HEADING_PATH.search(blocks[k].path) and not verdict.text.endswith(_COLONS):
            continue  # a heading, or a lead-in that says a list follows ("Links and resources:")
        container = _block_path(blocks[k].path).rpartition(">")[0]
        under = _under_heading(verdicts, blocks, k)
        container = _wrapper_of_list_beside(blocks, k, under, container)
        # The heading's own list, then the sub-headings over lists that follow it in its element.
        for heading in [k, *_headings_over_lists(verdicts, blocks, k, container)[1:]] if HEADING_PATH.search(blocks[k].path) else [k]:
            if heading != k:
                verdicts[heading].label, verdicts[heading].rule = "content", "generic:description"
                verdicts[heading].reason = f"a sub-heading of the list under the heading {verdict.text!r} (line {verdict.lineno}), which the main text kept"
            _keep_list_under(verdicts, blocks, verdicts[heading], _under_heading(verdicts, blocks, heading) if heading != k else under, container)


def _keep_list_under(verdicts: list[Verdict], blocks: Blocks, heading: Verdict, under: int | None, container: str) -> None:
    for i in range(under if under is not None else len(verdicts), len(verdicts)):
        if verdicts[i].label == "blank":
            continue
        if not _in_list_of(blocks[i].path, container):
            break
        if verdicts[i].label == "content":
            continue  # an item the main text (or the lines after it) kept already
        verdicts[i].label, verdicts[i].rule = "content", "generic:description"
        verdicts[i].reason = f"an item of the list under the heading {heading.text!r} (line {heading.lineno}), which the main text kept"


def _subtitle_shaped(text: str) -> bool:
    """A short line that is no sentence: a subtitle under the title ("The Gambler Who Reinvented Money")."""
    return not sentence_like(text) and not is_prose(text)


def summary_possible(verdicts: list[Verdict], blocks: Blocks) -> bool:
    """Whether a paragraph above the main text's first line that the main text left out stands right
    under a date or length line or a heading: the episode's summary may stand there (see
    keep_summary_above). Cheap: the sections labeller runs only where one does. Not a line the
    lexicon knows (a cookie banner)."""
    first = next((i for i, v in enumerate(verdicts) if v.label == "content"), None)
    if first is None:
        return False
    above = over = None  # the last two lines above, non-blank
    for i in range(first):
        verdict = verdicts[i]
        if verdict.label == "blank":
            continue
        if verdict.rule == "generic:outside-main" and above is not None and sentence_like(verdict.text) and is_prose(verdict.text):
            if HEADING_PATH.search(blocks[above].path) or read_meta_line(verdicts[above].text) is not None:
                return True
            if over is not None and HEADING_PATH.search(blocks[over].path) and _subtitle_shaped(verdicts[above].text):
                return True  # under the title's heading and a subtitle ("The Mississippi Bubble" / "The Gambler Who ...")
        above, over = i, above
    return False


def keep_summary_above(verdicts: list[Verdict], sections: list[Verdict], blocks: Blocks) -> None:
    """Keep, in place, the paragraphs right under the episode's header (its title or date line, as
    the sections labeller reads the page) that the main text left out above its first line: a page
    can print the episode's summary there and its segments' teasers as the main text. Not a
    paragraph in the site's header, menu, sidebar or a form (a newsletter's pitch), nor a link's
    or a heading's text (a breadcrumb, another post's title)."""
    first = next((i for i, v in enumerate(verdicts) if v.label == "content"), len(verdicts))
    start = next((i for i in range(first) if sections[i].rule == "generic:description"), None)
    if start is None or verdicts[start].label == "content" or not sentence_like(verdicts[start].text):
        return
    if (_OUTSIDE_POST.search(blocks[start].path) and not _in_article_header(blocks[start].path)) or _LINK_OR_HEADING.search(blocks[start].path):
        return
    above = next((j for j in range(start - 1, -1, -1) if sections[j].label != "blank"), None)
    if above is not None and sections[above].label == "content" and _subtitle_shaped(verdicts[above].text):
        above = next((j for j in range(above - 1, -1, -1) if sections[j].label != "blank"), None)  # the title's subtitle
    if above is None or sections[above].label not in ("meta", "title"):
        return
    for i in range(start, first):
        if sections[i].label == "blank":
            continue
        if sections[i].rule != "generic:description" or not is_prose(verdicts[i].text):
            break
        verdicts[i].label, verdicts[i].rule = "content", "generic:summary"
        verdicts[i].reason = "the episode's summary under its title and date, above the main text (trafilatura left it out)"


def _over_kept(page: Page, line: Line, span: list[int], verdicts: list[Verdict]) -> bool:
    under = page.next(line)
    return under is not None and verdicts[span[under.index]].label == "content"


_PLAIN_CLOCK = re.compile(r"^\d{1,2}:\d\d(?::\d\d)?$(?<!^0:00)(?<!^00:00)(?<!^00:00:00)")


def end_main_text(verdicts: list[Verdict], blocks: Blocks, classified: list[Line] | None = None) -> bool:
    """Drop, in place, the main text from where the description ends inside it, as the sections
    labeller reads a description's end: where a transcript starts among the lines from the main
    text's first to its last (a post that prints the summary and then what was said, "Anna Berg:
    Welcome ...", is one article to trafilatura, which may leave the speakers' lines out), or at a
    section heading it kept under a paragraph ("Comments", "Gefällt mir:"); and the interface lines
    it kept under its last paragraph. `classified`: every block's Line, where the sections labeller
    has read the page. Returns whether it ended the main text at a transcript or section."""
    kept = [i for i, v in enumerate(verdicts) if v.label == "content"]
    if len(kept) < 2:
        return False
    first = kept[0]
    above = _text_above(blocks, first)
    if above is not None and _turn_shaped(blocks[above].text):
        first = above  # a speaker's turn right over the main text: it may open inside a transcript
    span = [i for i in range(first, kept[-1] + 1) if blocks[i].text]
    if classified is not None:  # the sections labeller classified every block already
        lines = [dataclasses.replace(classified[i], index=k) for k, i in enumerate(span)]
    else:
        main = Blocks(blocks[i] for i in span)
        main.markup = True
        lines = classify(main, lexicon_matcher().scan(main))
    page = Page(lines, resumes=False)
    for line in page.nonblank:
        verdict = verdicts[span[line.index]]
        if line.kind == "desc_heading" and verdict.label == "content":
            # "Show notes", "内容紹介" over the notes, which trafilatura kept with them: the page's heading.
            verdict.label, verdict.rule = "chrome", "lexicon:desc"
            verdict.reason = f"a heading over the notes ({line.why!r}) inside the main text"
        elif line.kind == "widget" and verdict.label == "content" and player_control(line.text) and not _PLAIN_CLOCK.match(line.text):
            # "1.0x", "⏪ 10秒", "0:00": the player trafilatura kept inside the post. A plain time
            # ("12:30") may be a chapter's, its title on the next line.
            verdict.label, verdict.rule = "chrome", "generic:widget"
            verdict.reason = "a player control inside the main text"
    under_paragraph = ended = False
    notes_lines = 0
    for k, line in enumerate(page.nonblank):
        at = span[line.index]
        inside = verdicts[at].label == "content"
        # A speaker's turn is a paragraph: "Nachteil: ..." in a list's item is a labelled point of the notes.
        if not _LIST_ITEM_PATH.search(blocks[at].path) and (transcript := _transcript_at(page, line, k, two_speakers=True)) is not None:
            if (opening := _first_named_turn(page, k)) is not None:
                at = span[page.nonblank[opening].index]  # the first speaker's opening turn, a monologue above
            rule, reason = "generic:transcript", f"{transcript} inside the main text, from line {verdicts[at].lineno} on: not the description"
        elif (
            line.kind == "section"
            and under_paragraph
            and not _LIST_ITEM_PATH.search(blocks[at].path)
            and (inside or (_IN_HEADING.search(blocks[at].path) and _over_kept(page, line, span, verdicts)))
        ):
            # Kept, or a heading left out right over a kept part ("Transcript" over the transcript it kept).
            rule, reason = "generic:after-description", f"after the heading {line.text!r} (line {verdicts[at].lineno}) inside the main text: the page's next section"
        else:
            # Under a paragraph, or under a block of the notes' own lines (lists of songs and names).
            notes_lines += inside
            under_paragraph = under_paragraph or (inside and line.kind == "prose") or notes_lines >= POST_NOTES_LINES
            continue
        for i in kept:
            if i >= at:
                verdicts[i].label, verdicts[i].rule, verdicts[i].reason = "chrome", rule, reason
        ended = True
        break
    # Under its last paragraph, the main text's interface lines are the post's buttons and players
    # ("Subscribe: Apple Podcasts | ...", "Lire la suite"), as they are under a description; where a
    # section ended it, those left above the section's heading too (a post's download and licence lines).
    last = max((k for k, line in enumerate(page.nonblank) if line.kind == "prose" and verdicts[span[line.index]].label == "content"), default=None)
    if last is None:
        return ended
    tail = page.nonblank[last:]
    for k, line in enumerate(tail):
        verdict = verdicts[span[line.index]]
        if verdict.label != "content":
            continue
        nxt = tail[k + 1] if k + 1 < len(tail) else None
        if line.kind == "chrome" and "{" not in line.why and nxt is not None and nxt.kind in ("prose", "short") and verdicts[span[nxt.index]].label == "content":
            continue  # a button's word over more of the post's own lines: a heading of it ("Contato" over the links)
        if line.kind == "widget":
            verdict.label, verdict.rule, verdict.reason = "chrome", "generic:widget", "a player control, counter or leftover markup, under the main text"
        elif line.kind == "meta" and _pure_date(line) and field_value(line.text) is None and not _text_kept_below(tail[k + 1 :], verdicts, span):
            # (a labelled "RELEASED: 15/02/2021" is the field lines' to read; a date over more of the
            # post's lines is a heading of its notes, a devlog's "2018-11-20" over its links)
            verdict.label, verdict.rule, verdict.reason = "meta", "generic:meta", "the episode's date, under the main text's last paragraph"
        elif line.kind == "chrome" and not line.any_language:
            verdict.label, verdict.rule = "chrome", "lexicon:ui"
            verdict.reason = f"interface text under the main text's last paragraph: matches {line.why!r}"
    kept = [i for i in span if verdicts[i].label == "content"]
    for n in range(trailing_lead_ins([verdicts[i].text for i in kept])):
        verdict = verdicts[kept[-1 - n]]
        verdict.label, verdict.rule, verdict.reason = "chrome", "generic:lead-in", LEAD_IN_WHY
    return ended


def _text_kept_below(below: list[Line], verdicts: list[Verdict], span: list[int]) -> bool:
    """Whether a line of text the main text kept, no interface line, stands among `below`."""
    return any(line.kind in ("short", "prose") and verdicts[span[line.index]].label == "content" for line in below)


def _sound_cue(line: Line) -> bool:
    """A paragraph opening with a machine transcript's sound cue in lowercase ("[music] Welcome
    back ...", "[muzyka] Dzień dobry ..."); a creator's tag is capitalised ("[REPLAY]", "[Sponsored]")."""
    m = _SOUND_CUE.match(line.text)
    return m is not None and m.group(1).islower() and line.kind == "prose"


ENTRY_LABEL_MAX_WORDS = 4
ENTRY_LABEL_LOOKAHEAD = 3  # the label comes again within this many lines


def _label_of_entries(body: list[Line], k: int) -> bool:
    """A short label that comes again after a paragraph or two ("Naš pogled" / blurb / "Naš pogled" /
    blurb): a list of other episodes, each under its programme's name. No sentence, no colon (a
    lead-in), and only paragraphs between (a credit printed twice between tracks is the notes')."""
    line = body[k]
    if line.kind != "short" or len(line.text.split()) > ENTRY_LABEL_MAX_WORDS or line.text.endswith(_COLONS) or _SENTENCE_END.search(line.text) or _rule(line.text):
        return False
    for j in range(k + 2, min(len(body), k + 2 + ENTRY_LABEL_LOOKAHEAD)):
        if body[j].text == line.text:
            return all(other.kind == "prose" for other in body[k + 1 : j])
    return False


STAGE_DIRECTIONS_LOOKAHEAD = 12  # lines within which a transcript gives its next stage direction


def _stage_direction(page: Page, line: Line) -> bool:
    """A stage direction alone on its line over what was said, and another a few lines on ("[Theme
    music starts]" ... "[Theme music ends]", "[מוזיקת פתיחה]" ... "[מוזיקת רקע קצבית]"): a
    transcript. One tag alone ("[Bonus episode]", "[Trigger warning]") is the creator's."""
    if not _stage_line(line):
        return False
    after = page.next(line)
    if after is None or after.kind != "prose":
        return False
    return any(_stage_line(other) for k in range(2, STAGE_DIRECTIONS_LOOKAHEAD + 1) if (other := page.next(line, k)) is not None)


def _stage_line(line: Line) -> bool:
    """ "[Theme music starts]", "[KITTY MEOWS]", "[music]": not a creator's capitalised one-word tag
    ("[REPLAY]", "[Sponsored]") nor a name in brackets ("[The Verge]", a source's credit)."""
    m = _STAGE_DIRECTION.match(line.text)
    if m is None or (" " not in m.group(1) and not m.group(1).islower()):
        return False
    return m.group(1).isupper() or not all(word[0].isupper() for word in m.group(1).split())


def _starts_named_dash_turns(page: Page, line: Line) -> bool:
    """The same speaker's name before a dash opening two turns a few lines apart, each a sentence said,
    another line between them (the interviewer's question): a transcript. A list's items ("Ep. 173 -
    Title") say no sentence, and follow one another."""
    m = _NAMED_DASH_TURN.match(line.text)
    if m is None or not all(word[0].isupper() for word in m.group(1).split()) or not _dash_said(m.group(2)):
        return False
    between = page.next(line)
    if between is None or _NAMED_DASH_TURN.match(between.text):
        return False
    for k in range(2, NAMED_DASH_TURNS_LOOKAHEAD + 1):
        other = page.next(line, k)
        if other is None:
            return False
        again = _NAMED_DASH_TURN.match(other.text)
        if again is not None and again.group(1) == m.group(1):
            return _dash_said(again.group(2))
    return False


def _dash_said(text: str) -> bool:
    """What a speaker says after the dash: a sentence of three words or more ("Estou muito feliz!")."""
    return _SENTENCE_END.search(text) is not None and len(text.split()) >= 3


def _starts_dash_turns(page: Page, line: Line) -> bool:
    """Dashed lines in a row, several of them replies of a word or three ("— Здравствуйте!", "— Да.",
    "— Серьезно?"): an interview printed as dialogue. A list of topics after dashes has no such
    replies (its items end in nothing, a semicolon or a long question)."""
    if not _DASH_TURN.match(line.text):
        return False
    run = [line]
    while len(run) < 2 * DASH_TURNS_RUN and (after := page.next(run[-1])) is not None and _DASH_TURN.match(after.text):
        run.append(after)
    replies = sum(_short_reply(turn.text) for turn in run)
    return len(run) >= DASH_TURNS_RUN and replies >= DASH_SHORT_REPLIES


def _short_reply(text: str) -> bool:
    """ "— Да.", "— Серьезно?": a few words ending as a sentence. Characters count too, fewer where
    the words are ideographs (a CJK line has no space to count words by)."""
    said = text[2:]
    limit = DASH_REPLY_MAX_CJK_CHARS if _CJK.search(said) else DASH_REPLY_MAX_CHARS
    return len(said.split()) <= DASH_REPLY_MAX_WORDS and len(said) <= limit and text[-1] in ".!?…"


def _two_speakers(lines: list[Line]) -> bool:
    """Whether two people take turns in these lines: a recipe's or a form's label printed over each
    item ("Portion: 1 cup.") is one name again and again. (On a text dump one name suffices: an
    interviewer's name printed over each question, the answers under it.)"""
    first = None
    for line in lines:
        said = _speaker(line.text)
        if said is None and (m := _CAPS_TURN.match(line.text)) is not None:
            said = frozenset(m.group(1).split())
        if said is None:
            continue
        if first is None:
            first = said
        elif first.isdisjoint(said):
            return True
    return False


def keep_sign_off(verdicts: list[Verdict], blocks: Blocks) -> None:
    """Keep, in place, a name signed under the main text's last paragraph ("Didier Porte"), in the
    same element as that paragraph: trafilatura leaves such a line out, and it is the creator's."""
    last = _last_kept(verdicts)
    if last is None:
        return
    after = _next_nonblank(verdicts, last)
    if after is None or verdicts[after].label == "content":
        return
    text, container = verdicts[after].text, blocks[last].path.rpartition(">")[0]
    words = text.split()
    if (
        container
        and blocks[after].path.startswith(container + ">")
        and 2 <= len(words) <= SIGN_OFF_WORDS
        and all(word[0].isupper() for word in words)
        and not has_digit(text)
        and not text.isupper()  # a heading ("À ÉCOUTER AUSSI"), not a name
        and not _SENTENCE_END.search(text)
        and name_shaped(text)
    ):
        verdicts[after].label, verdicts[after].rule = "content", "generic:sign-off"
        verdicts[after].reason = "a name signed under the main text's last paragraph, in the same element"


SIGN_OFF_WORDS = 4


def _tail_lines(verdicts: list[Verdict], sections: list[Verdict], blocks: Blocks | None) -> list[int]:
    """The lines right after the main text's last line that the sections labeller also calls the
    description, up to HTML_GAP_LINES of them (more where they open with a heading: that heading's
    element's sub-headings and lists), where it calls that last line the description too, or that
    last line is the notes' heading ("Show Notes"), and they stand inside the same post (a credits
    box in the post, not the site's footer)."""
    last = _last_kept(verdicts)
    if last is None or blocks is None:
        return []
    notes = ""  # a heading opening the tail: its element's path, where the notes' sections and lists go on
    if sections[last].rule != "generic:description":
        if not _notes_heading(blocks, last):
            return []
        # The main text ends at its notes' heading ("Show Notes"), the list under it left out as
        # link-dense: the notes go on in the heading's element.
        notes = _block_path(blocks[last].path).rpartition(">")[0] + ">"
    container = _post_container(blocks[last].path)
    tail: list[int] = []
    for i in range(last + 1, len(verdicts)):
        if verdicts[i].label == "blank":
            continue
        path = blocks[i].path
        if sections[i].rule != "generic:description" or not _inside_post(path, container):
            break
        if not tail and HEADING_PATH.search(path):
            notes = path.rpartition(">")[0] + ">"
        if len(tail) >= HTML_GAP_LINES and not (notes and path.startswith(notes) and (HEADING_PATH.search(path) or _list_root(path))):
            break  # past the limit only the headings and lists of a notes section the tail opened with
        tail.append(i)
    return tail


def _notes_heading(blocks: Blocks, i: int) -> bool:
    """Whether the block is a heading the lexicon knows over an episode's notes ("Show Notes")."""
    one = Blocks([blocks[i]])
    return classify(one, lexicon_matcher().scan(one))[0].kind == "desc_heading"


SAME_ELEMENT_TAIL_LINES = 3  # short paragraphs a post's body ends with ("Link to the article:" / its address)


def _paragraphs_after(verdicts: list[Verdict], blocks: Blocks) -> list[int]:
    """The paragraphs right under the main text's last line in the same element as it, a few at
    most, each a line of text or a web address alone (the creator's link under its lead-in), none the
    lexicon knows otherwise: trafilatura leaves a post's last short lines out as link-dense."""
    last = _last_kept(verdicts)
    if last is None or not (paragraph_path := _block_path(blocks[last].path)).endswith(">p"):
        return []
    after: list[int] = []
    for i in range(last + 1, len(verdicts)):
        if verdicts[i].label == "blank":
            continue
        if _block_path(blocks[i].path) != paragraph_path or verdicts[i].rule not in ("generic:outside-main", "lexicon:ui-any") or len(after) == SAME_ELEMENT_TAIL_LINES:
            break
        after.append(i)
    candidates = Blocks(blocks[i] for i in after)
    kinds = [(line.kind, line.why) for line in classify(candidates, lexicon_matcher().scan(candidates))]
    keep = []
    for i, (kind, why) in zip(after, kinds):
        if kind not in ("short", "prose") and why != "{url}":
            break
        keep.append(i)
    return keep


def _last_kept(verdicts: list[Verdict]) -> int | None:
    return next((i for i in range(len(verdicts) - 1, -1, -1) if verdicts[i].label == "content"), None)


def _next_nonblank(verdicts: list[Verdict], i: int) -> int | None:
    return next((j for j in range(i + 1, len(verdicts)) if verdicts[j].label != "blank"), None)


def _under_heading(verdicts: list[Verdict], blocks: Blocks, k: int) -> int | None:
    """The next line under the heading at k, past what stands inside the heading (its permalink "#")."""
    inside = blocks[k].path + ">"
    return next((j for j in range(k + 1, len(verdicts)) if verdicts[j].label != "blank" and not blocks[j].path.startswith(inside)), None)


def _text_above(blocks: Blocks, i: int) -> int | None:
    """The nearest block above block i that holds text."""
    return next((j for j in range(i - 1, -1, -1) if blocks[j].text), None)


# An item of a list, or its link: a section's name there links to it ("Transcript" among the links).
_LIST_ITEM_PATH = re.compile(r"(?:^|>)li(?:[.#][^>]*)?(?:>a(?:[.#][^>]*)?)?$")
# Saved HTML: the parts of a site around a post, where its description never goes on (not <header>,
# which HTML5 sections open with, a notes heading's included).
_SITE_PART = re.compile(r"(?:^|>)(?:footer|nav|aside|form)\b")
# Outside the post too: an element inside it whose class names its footer, tags, share buttons,
# related posts, licence or comments ("div.article-footer", "div.post-tags", "div.share-wrapper").
_OUTSIDE_POST = re.compile(
    r"(?:^|>)(?:footer|nav|aside|form|header)\b|[._-](?:footer|tags|share|sharing|social|related|license|comments)(?=[.#>_-]|$)"
)
_ARTICLE_HEADER = re.compile(r">(?:article|main)\b[^>]*>header\b[^>]*")


def _in_article_header(path: str) -> bool:
    """Whether a line stands in a post's own <header> (its title, date and subtitle) inside its
    <article> or <main>, in none of the site's header, footer or sidebar parts around or inside it."""
    m = _ARTICLE_HEADER.search(path)
    return m is not None and not _OUTSIDE_POST.search(path[: m.start()]) and not _OUTSIDE_POST.search(path[m.end() :])


_LINK_OR_HEADING = re.compile(r"(?:^|>)(?:a|h[1-6])(?:[.#][^>]*)?(?:>|$)")


def _inside_post(path: str, container: str) -> bool:
    return path.startswith(container) and not _OUTSIDE_POST.search(path, len(container) - 1)


POST_NOTES_LINES = 5  # lines a post's notes of lists and headings hold at least


def notes_of_a_post(verdicts: list[Verdict], blocks: Blocks) -> bool:
    """Whether the lines trafilatura kept, no paragraph among them, are a post's own notes all the
    same: several lines, every one inside one <article> (or <main>, or an element of a post's class)
    and none in its header, footer or share box (guests, topics and links, each a list item)."""
    kept = [i for i, v in enumerate(verdicts) if v.label == "content"]
    posts = {_article_of(blocks[i].path) for i in kept}
    if len(posts) != 1 or (post := posts.pop()) is None:
        return False
    # The post's own header (its date line, "Nov 20th, 2025 | Comments") is neither notes nor against them.
    body = [i for i in kept if not _POST_HEADER.match(blocks[i].path, len(post))]
    return len(body) >= POST_NOTES_LINES and not any(_OUTSIDE_POST.search(blocks[i].path, len(post) - 1) for i in body)


_POST_HEADER = re.compile(r"header\b")


def _article_of(path: str) -> str | None:
    """The path of the innermost <article>, <main> or element of a post's class a line stands in, with
    its trailing '>', else None."""
    segments = path.split(">")
    for depth in range(len(segments) - 1, -1, -1):
        tag, *classes = segments[depth].split(".")
        if tag_of(tag) in ("article", "main") or not _POST_CLASSES.isdisjoint(classes):
            return ">".join(segments[: depth + 1]) + ">"
    return None


def _post_container(path: str) -> str:
    """The tag path of the post a line stands in: its innermost <article>, <main> or element of a
    post's class (microformats' "hentry", WordPress' "post"), else the element two levels above its
    block (a paragraph, a heading, a list).
    Where the line itself stands in a footer or aside inside it (a post whose notes a template
    prints in its <footer>), that element."""
    container = _article_of(path)
    if container is None:
        # Two levels above the line's block: a link or an item of a list is no block of its own.
        segments = _without_tail(path, _INLINE_OR_ITEM, keep=2).split(">")
        container = ">".join(segments[:-2]) + ">"
    inner = _OUTSIDE_POST.search(path, len(container) - 1)
    if inner is not None and (end := path.find(">", inner.end())) >= 0:
        container = path[: end + 1]
    return container


_POST_CLASSES = frozenset(("hentry", "h-entry", "post", "entry"))
_INLINE = frozenset(("a", "span", "strong", "em", "b", "i", "small", "code"))
_INLINE_OR_ITEM = _INLINE | {"li", "dt", "dd"}


_LIST_TAG = re.compile(r"[uo]l(?:[.#][^>]*)?>")


def _in_list_of(path: str, container: str) -> bool:
    """Whether a line stands in a list (<ul> or <ol>, with any class) right inside `container`."""
    return path.startswith(container + ">") and _LIST_TAG.match(path, len(container) + 1) is not None


def _block_path(path: str) -> str:
    """The path of the block a line is (its paragraph or heading), less the inline elements around
    its text ("p>span", "h2>a")."""
    return _without_tail(path, _INLINE)


def _without_tail(path: str, tags: frozenset[str], keep: int = 1) -> str:
    """`path` less its last elements while their tag is one of `tags`, keeping `keep` elements at least."""
    segments = path.split(">")
    while len(segments) > keep and tag_of(segments[-1]) in tags:
        segments.pop()
    return ">".join(segments)


def _interface(line: Line) -> bool:
    return line.kind in ("chrome", "widget") and not line.any_language


def _keep_all(page: Page, main_span: tuple[int, int] | None = None) -> _Labels:
    """No paragraph anywhere: keep every line the lexicon does not know (do no harm), and the links,
    numbers and dates a creator's notes hold too (a credit's URL under its name). Where trafilatura
    found a main text (`main_span`, saved HTML), from its first line to the first section heading
    under its last: the site's header and sidebar go, short notes it left out between stay."""
    first, end = 0, len(page.lines)
    if main_span is not None:
        first = main_span[0]
        end = next((l.index for l in page.nonblank if l.index > main_span[1] and l.kind == "section"), end)
    below = f"under the main text trafilatura found, from the section {page.lines[end].text!r} on" if end < len(page.lines) else ""
    labels = []
    for line in page.lines:
        if line.kind == "blank":
            labels.append(("blank", "blank", "blank line"))
        elif line.index < first:
            labels.append(("chrome", "generic:above-main-text", "above the main text trafilatura found on this page"))
        elif line.index > end:  # the heading itself is labelled by the lexicon below
            labels.append(("chrome", "generic:below-main-text", below))
        elif line.kind in ("chrome", "section", "desc_heading", "notes_heading") and not line.any_language:
            labels.append(("chrome", "lexicon:ui", f"interface text: matches {line.why!r}"))
        elif line.kind == "widget":
            labels.append(("chrome", "generic:widget", "a player control, counter or leftover markup"))
        else:
            labels.append(("content", "generic:keep", "no paragraph on the page: every line not known as interface is kept"))
    return _Labels(labels, {})


CHAPTER_RUN = 3  # chapter lines in a row
CHAPTER_FIRST_MAX_SECONDS = 300  # the first chapter starts at the episode's start, or close to it
CHAPTER_MIN_STEP_SECONDS = 60  # a chapter list's times are minutes apart on average; a transcript's, seconds
_CHAPTER_OPENERS = frozenset("0123456789([")
_CHAPTER_TIME = re.compile(rf"^{_CLOCK}\s*[-–:]?\s*(?=\S)")
# The time after the chapter's title ("• Lessons from 2016 – 3:05", "Intro (00:00)").
_CHAPTER_TIME_AFTER = re.compile(rf"^(?:[-–—•·*]\s*)?[^\W\d_].{{0,80}}?\s(?:[-–—|:]\s)?{_CLOCK}$")
_CHAPTER_CLOSERS = frozenset("0123456789)]")


def chapter_lists(texts: list[str]) -> list[list[int]]:
    """The chapter lists among these lines (blank ones skipped), as lists of line indexes: lines of a
    time and a title (or a title and its time), the times rising from the episode's start minutes
    apart ("00:00 Intro", "02:09 Why pears last", ...). A transcript's stamps are seconds apart."""
    # Most pages have no line opening or ending with a digit or a bracket: nothing to look at.
    if sum(1 for text in texts if text and (text[0] in _CHAPTER_OPENERS or text[-1] in _CHAPTER_CLOSERS)) < CHAPTER_RUN:
        return []
    found, run = [], []  # run: (index, seconds) of the current run
    for k in [*(k for k, text in enumerate(texts) if text), -1]:
        m = (_CHAPTER_TIME.match(texts[k]) or (texts[k][-1] in _CHAPTER_CLOSERS and _CHAPTER_TIME_AFTER.match(texts[k])) or None) if k >= 0 else None
        seconds = _clock_seconds(m) if m is not None else -1
        if m is not None and (not run or seconds >= run[-1][1]):  # two links of one moment share its time
            run.append((k, seconds))
            continue
        if len(run) >= CHAPTER_RUN and run[0][1] <= CHAPTER_FIRST_MAX_SECONDS and (run[-1][1] - run[0][1]) / (len(run) - 1) >= CHAPTER_MIN_STEP_SECONDS:
            found.append([index for index, _ in run])
        run = [(k, seconds)] if m is not None else []
    return found


def keep_chapters(verdicts: list[Verdict]) -> None:
    """Keep, in place, the episode's chapter list where the page prints it apart from the notes (under
    the player, above a "Show notes" heading): the chapters are the creator's, wherever they stand."""
    for chapters in chapter_lists([verdict.text for verdict in verdicts]):
        span = f"lines {verdicts[chapters[0]].lineno}-{verdicts[chapters[-1]].lineno}"
        for index in chapters:
            verdict = verdicts[index]
            if verdict.label != "content":
                verdict.label, verdict.rule = "content", "generic:chapters"
                verdict.reason = f"the episode's chapters ({span}: times rising from its start), printed apart from the notes"
