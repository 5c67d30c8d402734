"""The do-no-harm path for pages of platforms we do not know.

Without a template we cannot tell chrome by position, so we drop only what is clearly interface: a
line that the multilingual UI lexicon (deboiler/lexicon/ui/<lang>.toml) knows, and only where it stands outside the
main text (the span from the first to the last line of prose). Everything else is kept; exact
repeats are dropped later by the dedup stage like on any page.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from difflib import SequenceMatcher as PlainSequenceMatcher
from functools import lru_cache
from itertools import compress

from lxml import etree

try:  # difflib compiled (Cython): the same matching blocks, ~2.5x faster on AEB pages
    from cydifflib import SequenceMatcher
except ImportError:  # pragma: no cover - the pure-Python original gives the same result, slower
    SequenceMatcher = PlainSequenceMatcher

from deboiler.catalog.lexicon import read_lexicon
from deboiler.catalog.phrases import has_digit
from deboiler.catalog.platforms import LineMatcher, Rule
from deboiler.stages.blocks import Block, Blocks, normalise_space, tag_of
from deboiler.stages.dedup import strip_cut_marker
from deboiler.stages.meta_lines import read_meta_line
from deboiler.stages.page import Page
from deboiler.stages.player_lines import player_control
from deboiler.stages.verdict import Verdict

# Full stops and question marks of the scripts that have their own: Devanagari's danda, Arabic and
# Urdu, CJK. (Greek's question mark is a semicolon after NFC: left out, a semicolon ends no title.)
SENTENCE_END = re.compile(r"[.!?。！？…।॥۔؟]['\"”’)]*$")
PROSE_CHARS = 80
PROSE_WORDS = 12
PROSE_CJK_CHARS = 30
PROSE_CJK_SENTENCE = 15  # a CJK sentence this long, ending in a full stop, is a paragraph
_CJK_FULL_STOPS = "。！？"

# What each key of a lexicon file is, as a rule: its name prefix, its label, and why, for a person.
# The section keys are read by the unknown-site text labeller (stages/sections.py); outside a main
# text every rule's line is interface.
LEXICON_KEYS = (
    ("phrases", "ui", "chrome", "interface text"),
    ("list_headings", "list", "chrome", "heading of a recommendation list"),
    ("description_headings", "desc", "chrome", "heading over an episode's description"),
    ("section_headings", "section", "chrome", "heading of a section that is not the description"),
    ("show_blurb_headings", "blurb", "chrome", "heading over the show's own blurb, naming the show"),
    ("show_headings", "showhead", "chrome", "heading right over the show's name, a section that is not the description"),
    ("notes_headings", "notes", "chrome", "heading inside an episode's show notes"),
    ("show_lines", "byline", "show", "the show and who makes it"),
    ("show_phrases", "show", "show", "the show's name as a label gives it"),
    ("title_phrases", "title", "chrome", "a button or link that names the episode's title"),
    ("relative_dates", "reldate", "meta", "a date told relative to today"),
    ("app_names", "app", "chrome", "a podcast app's name alone on its line: a listen-on link"),
    ("social_names", "social", "chrome", "a social network's name alone on its line: a share or follow link"),
)


@lru_cache(maxsize=1)
def lexicon_matcher() -> LineMatcher:
    entries = []
    for lang, table in read_lexicon().items():
        locale = None if lang == "any" else lang
        for key, prefix, label, why in LEXICON_KEYS:
            rule = Rule(f"{prefix}-{lang}", label, f"{why} ({lang} UI lexicon)", 0.0, {})
            entries.extend((rule, src, locale, locale) for src in table.get(key, ()))
    return LineMatcher.build(entries, hit_class=_interface_or_section, bulleted=_bulleted_interface, headed=_headed_heading)


def _bulleted_interface(rule: Rule) -> bool:
    """Interface words, apps' and networks' names, behind a list's mark: on real pages only a
    footer's, a menu's or a share bar's items ("- Privacy policy", "• WhatsApp")."""
    return rule.name.startswith(("ui-", "app-", "social-"))


def _headed_heading(rule: Rule) -> bool:
    """Headings behind a Markdown heading's marks ("## Episode description", "### Transcript")."""
    return rule.name.startswith(("desc-", "section-", "notes-", "list-", "blurb-"))


def _interface_or_section(rule: Rule) -> str:
    """The lexicon's readers take a line's first interface hit and its first hit of any other key
    (sections.classify; generic.py reads the first hit alone): the rest are never tried."""
    return "ui" if rule.name.startswith("ui-") else "other"


# A player's embed code printed as text ('<iframe src="..." width="100%">'): long, but no one's prose.
EMBED_CODE = re.compile(r"<(?:iframe|embed|object|audio|video|script)\b")


# An icon font's glyph printed as text (Material Icons' "\ue5d4" for a menu's dots): code points of
# the Private Use Area, which no language writes in.
_ICON_GLYPHS = re.compile(r"^[\ue000-\uf8ff\s]+$")


def icon_glyphs(text: str) -> bool:
    """A line of icon-font glyphs only (the cheap test first: most lines hold no character that high)."""
    return "\ue000" <= max(text) <= "\uf8ff" and _ICON_GLYPHS.match(text) is not None


def printed_twice(text: str) -> str | None:
    """The text a line prints twice with nothing between ("PitstopPitstop"), else None."""
    half, odd = divmod(len(text), 2)
    if odd or half < 3 or text[:half] != text[half:]:
        return None
    return text[:half]


CARD_LABEL_CHARS = 5  # a card's label printed twice: shorter doubles may be a word ("bonbon")


def card_residue(text: str) -> bool:
    """A card's label the page prints twice, glued (a visible and a screen-reader copy: "Les poireux
    de M. FillonLes poireux de M. Fillon"), or an icon font's glyph: no creator writes either."""
    label = printed_twice(text)
    if label is not None and len(label) >= CARD_LABEL_CHARS and any(ch.isalpha() for ch in label):
        return True
    return icon_glyphs(text)


def is_prose(text: str) -> bool:
    if text[:1] == "<" and EMBED_CODE.match(text):
        return False
    if len(text) >= PROSE_CHARS or len(text.split()) >= PROSE_WORDS:
        return True
    cjk = sum(1 for ch in text if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    # A shorter CJK sentence is prose too where it ends as one ("...について話しました。").
    return cjk >= PROSE_CJK_CHARS or (cjk >= PROSE_CJK_SENTENCE and text[-1:] in _CJK_FULL_STOPS)


def main_text_of(page: str | Page) -> str | None:
    """The main content of an HTML page as trafilatura sees it (settings chosen on bench/aeb.py).

    `page` is the HTML, or the Page read from it. A Page carries our own parse of its HTML; where that
    is the very tree trafilatura would build from the HTML, trafilatura gets it (and works on a copy,
    so ours is not changed) instead of parsing the page again: 5-10% of its time on AEB pages."""
    import trafilatura

    settings = TRAFILATURA_SETTINGS
    if isinstance(page, str):
        source: str | etree._Element = page
    else:
        html, tree = page.html or "", page.tree
        source = tree if tree is not None and _trafilatura_would_build(html, tree) else html
        if FAST_UNLESS_CUT_COPY and "fast" not in settings and not shows_cut_copy(page.blocks):
            settings = {**settings, "fast": True}
    try:
        options = _extractor_for(settings)
        if options is not None:
            return trafilatura.extract(source, options=options)
        return trafilatura.extract(source, **settings)
    except Exception:  # noqa: BLE001 - a failing extractor must not lose the page: fall back to prose
        return None


# trafilatura.extract's keyword -> its Extractor's. extract() builds an Extractor from these on every
# call, reading its settings file each time (~0.1 ms, a tenth of a small page's extraction); one
# Extractor per setting serves every page (trafilatura copies it where it changes one, see its
# core._recall_retry). Settings with any other keyword are passed as keywords, as before.
_EXTRACTOR_KEYWORDS = {
    "fast": "fast",
    "favor_precision": "precision",
    "favor_recall": "recall",
    "include_comments": "comments",
    "include_formatting": "formatting",
    "include_links": "links",
    "include_images": "images",
    "include_tables": "tables",
    "deduplicate": "dedup",
    "target_language": "lang",
    "output_format": "output_format",
}


def _extractor_for(settings: dict):
    if not all(key in _EXTRACTOR_KEYWORDS for key in settings):
        return None
    try:
        return _extractor(tuple(sorted(settings.items())))
    except TypeError:  # a value that cannot be a cache key
        return None


@lru_cache(maxsize=16)
def _extractor(settings: tuple):
    from trafilatura.settings import Extractor

    return Extractor(**{_EXTRACTOR_KEYWORDS[key]: value for key, value in settings})


_FULL_HTML = re.compile(r"^\s*<(?:html|!doctype)", re.I)  # lxml.html.fromstring's test for a whole document


def _trafilatura_would_build(html: str, tree: etree._Element) -> bool:
    """Whether trafilatura.extract(html) would parse `html` into the same tree as `tree`.

    trafilatura (utils.load_html) first repairs the string (drops control characters XML cannot hold,
    a DOCTYPE with a slash, a self-closing <html/>), then parses it with lxml.html.fromstring, which
    returns the document for a whole page but only a fragment of it for a page without <html>,
    <!doctype> or <head>; it parses bytes where a str fails or gives an empty tree, and rejects a tree
    of fewer than two children when the page does not say "html" early. Ours is the same libxml2
    parse with the same options that shape the tree (lxml.html's parser only adds element classes,
    which ours has too). Any page where one of those steps would change something is given to
    trafilatura as the string, as before."""
    from trafilatura.utils import DOCTYPE_TAG, is_dubious_html

    if html.startswith("<?xml") or len(tree) < 1:  # we parsed bytes, or trafilatura would
        return False
    beginning = html[:50].lower()
    if is_dubious_html(beginning) and len(tree) < 2:
        return False
    if not (_FULL_HTML.match(html) or (len(tree.findall("head")) == 1 and len(tree.findall("body")) <= 1)):
        return False  # lxml.html.fromstring would return part of the tree, or merge heads or bodies
    return not _repair_would_change(html, beginning, DOCTYPE_TAG)


# The characters trafilatura.utils.INVALID_XML_CHARS drops. Looking for each one with `in` (a memchr
# in C) takes ~0.2 ms on an AEB page, the regex over the whole page ~0.5 ms.
_INVALID_XML_CHARS = tuple(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]) + ("\ufffe", "\uffff")


def _repair_would_change(html: str, beginning: str, doctype_tag: re.Pattern[str]) -> bool:
    """Whether trafilatura.utils.repair_faulty_html(html, beginning) could return anything but `html`,
    step by step as it is written there (trafilatura 2.x): drop invalid XML characters; where the
    first 50 characters say "doctype", rebuild the first line less a DOCTYPE with a slash (which also
    appends a line break to a page of one line); rewrite a self-closing <html .../> in the first four
    lines (taken as a change whenever such a line is there)."""
    if any(ch in html for ch in _INVALID_XML_CHARS):
        return True
    if "doctype" in beginning:
        first_line, newline, _ = html.partition("\n")
        if not newline or doctype_tag.search(first_line):
            return True
    return any("<html" in line and line.endswith("/>") for line in html[:4096].splitlines()[:4])


# Chosen on bench/aeb.py and the podcast gold pages (figures: docs/benchmarks.md). `favor_recall` starts
# trafilatura in recall mode, which spares it a second rendering of small pages. `deduplicate` must stay
# off: its filter is a process-wide cache, so a page's result would depend on the pages before it.
TRAFILATURA_SETTINGS: dict = {"include_comments": False, "include_tables": True, "deduplicate": False, "favor_recall": True}
# trafilatura's `fast` mode (no fallback extractors) is faster at the same F1, except on a page that
# shows a line cut short of another, where it can return only the cut copy: such pages get the full mode.
FAST_UNLESS_CUT_COPY = True
CUT_COPY_CHARS = 40  # a line shorter than this may well start a longer one (a heading, a menu item)


def shows_cut_copy(blocks: Blocks) -> bool:
    """Whether a line of the page is another line cut short: its text (less a trailing "…" or
    "read more") starts a longer line. Sorted texts put every line a stem starts right after it."""
    texts = sorted({b.text for b in blocks if len(b.text) >= CUT_COPY_CHARS})
    for text in texts:
        stem = strip_cut_marker(text)
        if len(stem) < CUT_COPY_CHARS:
            continue
        at = bisect_left(texts, stem)
        while at < len(texts) and texts[at].startswith(stem):
            if texts[at] != text and len(texts[at]) > len(stem):
                return True
            at += 1
    return False


_WORD = re.compile(r"\w+")
COVERED_SHARE = 0.5  # a line is main text when at least this share of its words are matched
MIN_RUN = 3  # shorter runs of matched words count only where they are whole lines ("Meal 1")
MOVED_MIN_RUN = 4  # the second pass (text trafilatura moved out of page order) takes only longer runs
# difflib's work grows with (occurrences of a word on the page) x (occurrences in the main text),
# summed over words: ~0.1-0.25 us per unit. Over this budget the most frequent words may not start a
# matched run (difflib's autojunk); over it even then, each line is looked up on its own (linear).
ALIGN_BUDGET = 1_000_000


_FLIP = bytes.maketrans(b"\x00\x01", b"\x01\x00")  # used <-> unused, for itertools.compress


def _alignment_work(words: list[str], main: list[str], autojunk: bool, in_main: Counter | None = None) -> int:
    on_page, in_main = Counter(words), in_main or Counter(main)
    popular = len(main) // 100 + 1 if autojunk and len(main) >= 200 else len(main)
    return sum(n * in_main[w] for w, n in on_page.items() if in_main[w] <= popular)


def _looked_up(blocks: Blocks, main: list[str]) -> list[bool]:
    """The linear fallback for huge pages: most of a line's word trigrams occur in the main text."""
    main_words = f" {' '.join(main)} "
    grams = {tuple(main[i : i + 3]) for i in range(len(main) - 2)}
    covered = []
    for b in blocks:
        line = _WORD.findall(b.folded) if b.text else []
        if len(line) < 3:
            covered.append(bool(line) and f" {' '.join(line)} " in main_words)
            continue
        own = [tuple(line[i : i + 3]) for i in range(len(line) - 2)]
        covered.append(sum(g in grams for g in own) * 2 >= len(own))
    return covered


def _covered(blocks: Blocks, main_text: str) -> list[bool]:
    """Which lines trafilatura kept: its words aligned to ours in page order, not looked up anywhere.

    Looking each line up on its own in trafilatura's output wrongly keeps every short menu line
    ("News", "June") whose word appears somewhere in the article, and a headline in a related-links
    list whose words the article repeats. Aligning the two word sequences (difflib, longest runs
    first) places each word of the output once, in order; of two copies of a text on the page it
    takes the one that matches longest (the complete copy, not the one cut short). A second pass
    aligns what is left on both sides, with longer runs only, for text trafilatura moved (a dateline
    it put first). A line is covered when most of its words are matched."""
    main = _WORD.findall(main_text.casefold())
    has = set(main).__contains__
    words: list[str] = []  # the words of the lines that could be covered, in page order
    owner: list[int] = []  # the block each word belongs to
    span: dict[int, tuple[int, int]] = {}  # block -> (first, last) index in `words`
    sizes = [0] * len(blocks)
    # \w+ never spans a line break, so the words of each line are found once, all lines in one map.
    for i, line in enumerate(map(_WORD.findall, blocks.folded_list)):
        if not line:
            continue
        sizes[i] = len(line)
        # A line with fewer than COVERED_SHARE of its words anywhere in the output cannot be covered.
        if sum(map(has, line)) >= COVERED_SHARE * len(line):
            span[i] = (len(words), len(words) + len(line) - 1)
            words.extend(line)
            owner.extend([i] * len(line))
    # The work is at most (words on the page) x (the most any word occurs in the output): when that is
    # within budget, so is the exact sum, which needs another count of the page's words. On most pages
    # even (words on the page) x (words in the output) is, and nothing needs counting.
    autojunk = False
    if len(words) * len(main) > ALIGN_BUDGET:
        in_main = Counter(main)
        most = max(in_main.values(), default=0)
        autojunk = len(words) * most > ALIGN_BUDGET and _alignment_work(words, main, False, in_main) > ALIGN_BUDGET
        if autojunk and _alignment_work(words, main, True, in_main) > ALIGN_BUDGET:
            return _looked_up(blocks, main)
    used_words = bytearray(len(words))
    used_main = bytearray(len(main))
    for min_run in (MIN_RUN, MOVED_MIN_RUN):
        if min_run == MIN_RUN:  # nothing is used yet: both sequences whole
            left, left_main, seq, seq_main = range(len(words)), range(len(main)), words, main
        else:
            unused, unused_main = used_words.translate(_FLIP), used_main.translate(_FLIP)
            left, left_main = list(compress(range(len(words)), unused)), list(compress(range(len(main)), unused_main))
            seq, seq_main = list(compress(words, unused)), list(compress(main, unused_main))
        if not left or not left_main:
            break
        # cydifflib, difflib's own code compiled, is ~2.5x faster on ordinary pages, but where autojunk
        # leaves no word to anchor on (a page of one paragraph 10,000 times: every word "popular") its
        # longest-match search is quadratic (8.4 s there, against 0.05 s for difflib): over the budget,
        # where autojunk is on, difflib itself runs. The matching blocks are the same either way.
        matcher = (PlainSequenceMatcher if autojunk else SequenceMatcher)(None, seq, seq_main, autojunk=autojunk)
        for a, b, n in matcher.get_matching_blocks():
            if not n:
                continue
            lo, hi = left[a], left[a + n - 1]
            whole_lines = span[owner[lo]][0] == lo and span[owner[hi]][1] == hi
            if n < min_run and not (min_run == MIN_RUN and whole_lines):
                continue
            if min_run == MIN_RUN:  # `left` is every index: the run is one slice on both sides
                used_words[a : a + n] = b"\x01" * n
                used_main[b : b + n] = b"\x01" * n
                continue
            for k in range(n):
                used_words[left[a + k]] = 1
                used_main[left_main[b + k]] = 1
    matched = Counter(compress(owner, used_words))  # block -> its words that were matched
    return [bool(size) and matched[i] >= COVERED_SHARE * size for i, size in enumerate(sizes)]


def label_unknown(
    blocks: Blocks, main_text: str | None = None, explain: bool = True, named: dict | None = None
) -> list[Verdict]:
    """Label a page of an unknown platform. With `main_text` (HTML: what trafilatura extracted) the
    main text is the lines it kept; without, the span from the first to the last line of prose.

    With main text, a line outside it is chrome whatever the lexicon says of it: the lexicon only
    names the rule that explains it. So with `explain=False` (no one will see the rules) those lines
    are not searched for lexicon phrases at all; the labels, and so the Episode, are the same.

    `named`: the title and show the page's markup states (JSON-LD, og:title), its <title> and its site
    name (Markup.naming), used to recognise them where the main text opens with them (see
    _label_head_of_main_text)."""
    inside_main = _covered(blocks, main_text) if main_text and main_text.strip() else []
    if any(inside_main):
        outside_why = "not part of the main text that trafilatura found on this page"
        # Only a line outside the main text can be dropped for what the lexicon knows, so only those
        # lines are scanned (a line's hits depend on that line alone): the article's long paragraphs,
        # most of a page's text, are not searched for every phrase of every UI language.
        outside = [i for i, b in enumerate(blocks) if b.text and not inside_main[i]] if explain else []
        hits: list = [()] * len(blocks)
        if outside:
            for i, found in zip(outside, lexicon_matcher().scan(Blocks(blocks[i] for i in outside))):
                hits[i] = found
    else:
        hits = lexicon_matcher().scan(blocks)
        # No main text, or none of it found among our lines: judge by prose like a text page.
        # A cookie banner is long enough to read as prose; what the lexicon knows never opens the main text.
        prose = [i for i, b in enumerate(blocks) if b.text and not hits[i] and is_prose(b.text)]
        # A teaser does not open the main text: a page card often shows the description cut short
        # ("Os fungos que vivem nas raízes…"), then its buttons and date, then the description in full.
        # The teaser goes as a copy (dedup); the buttons between are judged like the rest of the page.
        while len(prose) > 1 and _cut_copy_of_a_later_line(blocks, prose[0]):
            prose.pop(0)
        first, last = (prose[0], prose[-1]) if prose else (len(blocks), -1)
        inside_main = [first <= i <= last for i in range(len(blocks))]
        outside_why = ""
    verdicts: list[Verdict] = []
    heading: Verdict | None = None  # an open "More like this" list outside the main text
    for i, b in enumerate(blocks):
        if not b.text:
            verdicts.append(Verdict(b.lineno, "", "blank", "blank", "blank line"))
            if heading is not None and verdicts[-2] is not heading:
                heading = None  # a blank line ends the list, but not the one right under its heading
            continue
        inside = inside_main[i]
        if inside and outside_why and card_residue(b.text):
            why = "a card's label printed twice, glued, or an icon's glyph: page furniture, not text"
            verdicts.append(Verdict(b.lineno, b.text, "chrome", "generic:residue", why))
            continue
        if inside:
            heading = None
        elif heading is not None and not hits[i] and not is_prose(b.text):
            verdicts.append(
                Verdict(
                    b.lineno,
                    b.text,
                    "chrome",
                    "lexicon:list",
                    f"an item of the list under {heading.text!r} (line {heading.lineno}), outside the main text",
                )
            )
            continue
        if hits[i] and not inside:
            hit = hits[i][0]
            verdicts.append(
                Verdict(
                    b.lineno,
                    b.text,
                    "chrome",
                    f"lexicon:{hit.rule.name}",
                    f"{hit.rule.why}: matches {hit.phrase!r}, outside the main text",
                )
            )
            if hit.rule.name.startswith("list-"):
                heading = verdicts[-1]
        elif outside_why and not inside:
            verdicts.append(Verdict(b.lineno, b.text, "chrome", "generic:outside-main", outside_why))
        else:
            why = "inside the main text" if inside else "not known interface text; kept (unknown platform, do no harm)"
            verdicts.append(Verdict(b.lineno, b.text, "content", "generic:keep", why))
    if outside_why:
        # trafilatura's main text only: on a text page the lines above the first paragraph are outside
        # the prose span, so the lexicon has judged them already, and there is no markup to name them.
        _label_head_of_main_text(verdicts, blocks, named or {})
    return verdicts


# What separates the parts of a page's <title>: "Episode 45 — The Show | Site". Not ":", which episode
# titles hold ("Bölüm 45: İstanbul'un kayıp bostanları"), nor a hyphen inside a word.
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|·»–—]|--?)\s+")


def title_parts(page_title: str | None, site_name: str | None) -> list[str]:
    """The parts of a page's <title> that may name its episode or show, case-folded, in order: all but
    the site's own name (og:site_name), or where the page does not say it, all but the last part
    ("Episode 42: Tide pools | Saltmarsh Radio": the last part is most often the site)."""
    if not page_title:
        return []
    parts = [normalise_space(part).casefold() for part in _TITLE_SEPARATOR.split(page_title)]
    parts = [part for part in parts if part]
    site = normalise_space(site_name or "").casefold()
    if site and site in parts:
        return [part for part in parts if part != site]
    return parts[:-1] if len(parts) > 1 else parts


HEADING_PATH = re.compile(r"(?:^|>)h[1-6](?:[.#][^>]*)?$")  # a tag path that ends in a heading element
_IN_LINK = re.compile(r"(?:^|>)a(?:[.#][^>]*)?(?:>|$)")


def split_stated_title(stated: str | None, site_name: str | None, blocks: Blocks) -> dict:
    """The title and show in a title the markup states with the site's separators ("The Wubi Effect
    | Radiolab | WNYC Studios", "Here's The Thing - Stacy Keach"): the title is the one part the page
    prints as a heading of its own (not a heading inside a link, which leads to the show's page);
    the show is the one other part the page prints too, less the site's name (og:site_name, else
    the last part). Empty where the page does not say which part is which."""
    if not stated or not (_TITLE_SEPARATOR.search(stated) or _STRONG_SEPARATOR.search(stated)):
        return {}
    parts = [normalise_space(part) for part in _TITLE_SEPARATOR.split(stated)]
    site = normalise_space(site_name or "").casefold()
    parts = [part for part in parts if part and part.casefold() != site]
    printed: dict[str, list[str]] = {part: [] for part in parts}
    for block in blocks:
        if block.text in printed:
            printed[block.text].append(block.path)
    headings = [part for part in parts if any(HEADING_PATH.search(path) and not _IN_LINK.search(path) for path in printed[part])]
    if not headings:
        # A title that holds a separator itself ("#3 - Fin(s) du monde | Audionomie"): the heading the
        # page prints is the stated title's first or last parts together. Where the page prints both
        # ends as headings ("Full Stack Radio" over "20: Ian Landsman - Code is not a business"), the
        # longer is the episode's title, the other the site's or the show's name.
        whole = {_heading_at_an_end(block, stated) for block in blocks} - {None}
        if len(whole) == 1:
            return {"title": whole.pop()}
        linked = {_heading_at_an_end(block, stated, linked=True) for block in blocks} - {None}
        if len(linked) == 2 and (pair := sorted(linked, key=len))[0] in parts and len(pair[1]) > len(pair[0]):
            return {"title": pair[1]}
        # One end, as the permalink heading of an <article> ("<article><h1><a>EPISODE 1: ...</a></h1>"):
        # a post's title, where a logo's linked heading stands outside the post.
        in_post = {end for block in blocks if _IN_ARTICLE.search(block.path) and (end := _heading_at_an_end(block, stated, linked=True))}
        if len(in_post) == 1:
            return {"title": in_post.pop()}
        return {}
    if len(headings) != 1:
        return {}
    title = headings[0]
    others = [part for part in parts if part != title and printed[part]]
    if not site and others == parts[-1:]:
        others = []  # where the page does not name its site, the last part is most often the site's name
    return {"title": title, "show": others[0]} if len(others) == 1 else {"title": title}


_IN_ARTICLE = re.compile(r"(?:^|>)article(?:[.#][^>]*)?>")  # a line inside an <article>

# A heading whose whole text is one link ("<h2><a href=...>20: Ian Landsman ...</a></h2>"), as blog
# themes print a post's title.
_LINKED_HEADING = re.compile(r"(?:^|>)h[1-6](?:[.#][^>]*)?>a(?:[.#][^>]*)?$")


def _heading_at_an_end(block: Block, stated: str, linked: bool = False) -> str | None:
    """The block's text, where it is a heading (not in a link; with `linked`, also a heading that is
    one link) that the stated title starts with, or ends with, up to one of the site's separators
    (" : " too: "TITLE  : SITE")."""
    text = block.text
    heading = HEADING_PATH.search(block.path) and not _IN_LINK.search(block.path)
    if not text or len(text) >= len(stated) or not (heading or (linked and _LINKED_HEADING.search(block.path))):
        return None
    if stated.startswith(text) and (_TITLE_SEPARATOR.match(stated, len(text)) or _STRONG_SEPARATOR.match(stated, len(text))):
        return text
    if stated.endswith(text) and (m := _TITLE_SEPARATOR.search(stated, len(stated) - len(text) - 5)) and m.end() == len(stated) - len(text):
        return text
    return None


# What separates a <title>'s parts for sure, " : " too (NPR's); hyphens, en dashes and "·" are often inside a title.
_STRONG_SEPARATOR = re.compile(r"\s+(?:[|:—]|::)\s+")
# A site named after its host ("Marketplace.org") is a publisher's, which runs many shows.
_HOST_NAME = re.compile(r"\.(?:com|org|net|gov|edu|co\.uk|de|fr)$", re.IGNORECASE)


def site_named_show(page_title: str | None, site_name: str | None, blocks: Blocks, title: str | None) -> str | None:
    """The show where nothing else names it: on a podcast's own site the site's name is the show's.
    The site's name is og:site_name, else the last part of the page's <title> ("Go Libraries | Code
    and Ship"); taken only where the <title> has no third part (a broadcaster's "Title : Show : Site"),
    where the page prints it as a line of its own (its header or logo), as printed, and where it is
    not the episode's title or a host name. Failing that, the <title>'s first or last part the page
    prints alone above the title ("Kuriosa - Sentinelesöarna" under a "KURIOSA" logo)."""
    if len([part for part in _STRONG_SEPARATOR.split(page_title or "") if part.strip()]) > 2:
        return None  # "Title : Show : Site": the site is not the show; which part is, the page says elsewhere
    parts = [part for part in _TITLE_SEPARATOR.split(page_title or "") if part.strip()]
    name = site_name or (parts[-1] if len(parts) > 1 else None)
    name = normalise_space(name or "").casefold()
    folded_title = normalise_space(title or "").casefold()
    if name and name != folded_title and not _HOST_NAME.search(name):
        # As printed, or less the word the <title> adds ("Hazard Podcast" over a "Hazard" logo).
        short = name[: -len(" podcast")] if name.endswith(" podcast") else None
        found = next((block.text for block in blocks if block.folded == name or (short and block.folded == short)), None)
        if found:
            return found
    # Else the <title>'s first or last part ("Kuriosa - Sentinelesöarna", "Name: Episode 5"), where
    # the page prints it as a line of its own (its logo) above the episode's title: not a number or
    # an interface word ("Episode 1", "Podcast"), nor a web address.
    candidates = _end_parts(page_title or "") - {folded_title}
    for block in blocks:
        if folded_title and block.folded == folded_title:
            return None
        if block.folded in candidates and has_digit(block.text) is None and not _HOST_NAME.search(block.folded):
            return None if _interface_text(block) else block.text
    return None


def _interface_text(block: Block) -> bool:
    """Whether the UI lexicon knows the line ("Episodes", "Podcast"): no show's name or title."""
    return any(lexicon_matcher().scan(Blocks([block])))


# Where a <title>'s first or last part ends: the site's separators, " : ", or a colon after a name.
_END_PART = re.compile(r"\s+(?:[|·»–—:]|--?|::)\s+|(?<=\w):\s+")


def _end_parts(page_title: str) -> set[str]:
    parts = [part for part in (normalise_space(p).casefold() for p in _END_PART.split(page_title)) if part]
    return {parts[0], parts[-1]} if len(parts) > 1 else set()


def heading_named_title(page_title: str | None, blocks: Blocks, not_these: set[str]) -> str | None:
    """The title where nothing else names it: the first heading of the page (h1-h3, not a link) that
    the page's <title> holds whole, as all of it or as its first or last part ("Go Libraries | Code
    and Ship", "Loudio - Audio Page: Laila Ali News Adventure"). `not_these`: names already taken
    (the site's, the show's), case-folded: a logo heading often repeats the <title>'s site part."""
    whole = normalise_space(page_title or "").casefold()
    if not whole:
        return None
    headings = [block for block in blocks if block.text and (_TOP_HEADING.search(block.path) or _LINKED_TOP_HEADING.search(block.path))]
    # "Episode 7: Believe It or Not" under a <title> of "Believe It or Not | Init Podcast Episode 7",
    # "Avsnitt 1: Sentinelesöarna" under "Kuriosa - Sentinelesöarna" and a "KURIOSA" logo: the heading
    # numbers the title the <title> gives bare, whatever heads the page above it.
    parts = [part.strip() for part in _TITLE_SEPARATOR.split(whole) if part.strip()]
    numbered = next((block.text for block in headings if block.folded not in not_these and _numbered(block.folded, parts)), None)
    if numbered is not None:
        return numbered
    linked = None  # a heading made a link (a post's permalink, "<h2><a>50: Instant Baby Yeast</a></h2>")
    for block in headings:
        name = block.folded
        if len(name) < 3 or name in not_these or name.endswith(_SHOW_WORDS):
            continue  # "John and Jason's Podcast" of "John and Jason's Podcast: Episode #1" is the show
        first_part = name == whole or (whole.startswith(name) and _PART_AFTER.match(whole, len(name)))
        if _IN_LINK.search(block.path):
            # Only as the <title>'s first part: a logo's link heads the page with the site's name,
            # which a <title> gives last ("Episode | Site").
            if linked is None and first_part and name != whole:
                linked = block.text
            continue
        if first_part:
            return block.text
        if whole.endswith(name) and _PART_BEFORE.search(whole, 0, len(whole) - len(name)):
            return block.text
    return linked


NUMBERED_PART_MIN_WORDS = 3  # the bare title a numbered heading ends with: a phrase, not a word or two


def _numbered(heading: str, parts: list[str]) -> bool:
    """Whether a heading (case-folded) is an episode's mark and a separator before one of the
    <title>'s parts (case-folded, in order: "episode 7: " + "believe it or not ..."): its first part
    of a few words, or any part after a mark that names itself an episode ("avsnitt 1: " +
    "sentinelesöarna")."""
    for k, part in enumerate(parts):
        if len(heading) <= len(part) or not heading.endswith(part):
            continue
        prefix = heading[: len(heading) - len(part)]
        if _EPISODE_MARK.match(prefix) is None or _PART_BEFORE.search(prefix) is None:
            continue
        if (k == 0 and len(part.split()) >= NUMBERED_PART_MIN_WORDS) or _NAMED_EPISODE_MARK.match(prefix):
            return True
    return False


# The word an episode's number follows, in the languages whose pages print one ("Folge 12", "Avsnitt 1").
EPISODE_WORDS = r"(?:ep|episode|episodio|épisode|folge|afsnit|avsnitt|jakso|odcinek|díl)"
_EPISODE_NUMBER = rf"{EPISODE_WORDS}\.?\s?#?\d+"
_EPISODE_MARK = re.compile(rf"^(?:#\s?\d+|\d{{1,4}}|{_EPISODE_NUMBER})(?:\W|$)")
_NAMED_EPISODE_MARK = re.compile(rf"^{_EPISODE_NUMBER}(?:\W|$)")


def numbered_page_title(page_title: str | None, blocks: Blocks, not_these: set[str]) -> str | None:
    """The page's <title> as the title where nothing on the page names one and the <title> opens
    with an episode's mark ("3: Getting Time Serious ...", "Episode 06", "001 - Anthony Hary"): a
    podcast's own site that prints the title only there. A <title> without one is as often the
    site's or show's name ("breakpoint_ подкаст"); nor where the page prints it as a line (a logo)."""
    whole = normalise_space(page_title or "")
    folded = whole.casefold()
    if not whole or folded in not_these or _EPISODE_MARK.match(folded) is None:
        return None
    if any(block.folded == folded for block in blocks if block.text):
        return None
    return whole


def lone_heading(page_title: str | None, blocks: Blocks, not_these: set[str]) -> str | None:
    """The title where neither the markup nor the <title> names it, the <title> naming one thing
    (the site, the show) or nothing: the page's one <h1> (not in a link), where it is not the page's
    first line (a podcast's own site heads every page with its name), a show's name ("The Fermented
    Food podcast"), interface text ("Episodes") nor a name already taken (the site's, the show's).
    A <title> of parts ("A Different Name | Site") names a title the page does not print."""
    if page_title and len({normalise_space(part).casefold() for part in _TITLE_SEPARATOR.split(page_title)}) > 1:
        return None  # "A S M a R x - A S M a R x" names one thing twice
    first = next((block for block in blocks if block.text), None)
    found = [block for block in blocks if block.text and _H1.search(block.path)]
    if len(found) != 1 or found[0] is first or found[0].folded in not_these or _IN_LINK.search(found[0].path):
        return None
    heading = found[0]
    if heading.folded.endswith(_SHOW_WORDS) or _interface_text(heading):
        return None
    return heading.text


_H1 = re.compile(r"(?:^|>)h1(?:[.#][^>]*)?$")
_SHOW_WORDS = (" podcast", " radio", " show")  # a show's name ends so; an episode's title seldom does

_TOP_HEADING = re.compile(r"(?:^|>)h[1-3](?:[.#][^>]*)?$")
_LINKED_TOP_HEADING = re.compile(r"(?:^|>)h[1-3](?:[.#][^>]*)?>a(?:[.#][^>]*)?$")  # "<h2><a>...</a></h2>"
_PART_AFTER = re.compile(r"\s*[|·»–—:/-]")  # what separates a <title>'s first part from the rest
_PART_BEFORE = re.compile(r"[|·»–—:/-]\s*$")


def _named_by_page_title(
    verdicts: list[Verdict], blocks: Blocks, head: list[int], first: int, parts: list[str], fields: dict
) -> set[int]:
    """Label the title and the show where only the page's <title> names them (see
    _label_head_of_main_text); the lines it labelled."""
    labelled: set[int] = set()
    if not parts:
        return labelled
    in_title = set(parts)  # a set: a <title> of thousands of parts must not cost lines x parts
    title_part = None
    if "title" not in fields:
        at = next((i for i in head if blocks[i].folded in in_title), None)
        if at is not None:
            title_part = blocks[at].folded
            _relabel(verdicts[at], "title", "the first line of the main text that is a part of the page's <title>")
            labelled.add(at)
    if "show" not in fields and len(parts) > 1:  # one part is the title's, or the <title> is the site's
        others = in_title - {title_part, *fields.values()}
        # Any line above the first paragraph: the show often stands over the main text, as a link.
        for i in range(first):
            verdict = verdicts[i]
            # By label, not rule: without --explain, lines outside the main text are not looked up in
            # the lexicon, and the Episode must not depend on that.
            if blocks[i].folded in others and verdict.label in ("content", "chrome"):
                _relabel(verdict, "show", "a part of the page's <title> beside the title, above the main text's first paragraph")
                labelled.add(i)
                break
    return labelled


def label_title_in_head(verdicts: list[Verdict], title: str, label: str = "title") -> None:
    """The episode's title (or with `label` "show", the show's name), however the page named it,
    where the main text prints it above its first paragraph: a heading of the page, not a line of
    the description."""
    folded = normalise_space(title).casefold()
    for verdict in verdicts:
        if verdict.label != "content":
            continue
        if is_prose(verdict.text) and normalise_space(verdict.text).casefold() != folded:
            return  # the first paragraph: below it the title may be the creator's own line
        if normalise_space(verdict.text).casefold() == folded:
            verdict.label, verdict.rule = label, f"generic:{label}-heading"
            verdict.reason = f"the episode's {label}, heading the main text above its first paragraph"
            return


_PARAGRAPH_PATH = re.compile(r"(?:^|>)p(?:[.#][^>]*)?$")


def title_heading_over_guess(verdicts: list[Verdict], blocks: Blocks, stated: str | None) -> bool:
    """Saved HTML read by its sections: where they took a line under a heading for the title, but
    the markup states the title and that heading prints it, the heading is the title and the line
    under it (a paragraph) the description's lede. Relabels in place; returns whether it did."""
    if not stated:
        return False
    folded = normalise_space(stated).casefold()
    guess = next((i for i, v in enumerate(verdicts) if v.label == "title"), None)
    if guess is None or normalise_space(verdicts[guess].text).casefold() == folded or not _PARAGRAPH_PATH.search(blocks[guess].path):
        return False  # the title's own line, or no paragraph (a category's link, a heading)
    head = next((i for i in range(guess) if HEADING_PATH.search(blocks[i].path) and blocks[i].folded == folded), None)
    if head is None:
        return False
    verdicts[head].label, verdicts[head].rule = "title", "generic:title-heading"
    verdicts[head].reason = "the episode's title as the markup states it, printed as a heading of the page"
    verdicts[guess].label, verdicts[guess].rule = "content", "generic:description"
    verdicts[guess].reason = f"the lede under the title's heading (line {verdicts[head].lineno}): the description's first line"
    return True


def _relabel(verdict: Verdict, label: str, why: str) -> None:
    verdict.label, verdict.rule, verdict.reason = label, "markup:page-title", why


def fields_from_labels(verdicts: list[Verdict]) -> dict:
    """The title and show of an unknown platform's page as its labelled lines name them (the first
    line of each label), for where nothing else does."""
    fields: dict = {}
    for verdict in verdicts:
        if verdict.label in ("title", "show") and verdict.label not in fields:
            fields[verdict.label] = verdict.text
    return fields


def _cut_copy_of_a_later_line(blocks: Blocks, i: int) -> bool:
    """Line i is a later line cut short: less its "…" or "read more", it starts a longer later line."""
    text = blocks[i].text
    stem = strip_cut_marker(text)
    if stem == text or len(stem) < CUT_COPY_CHARS:
        return False
    return any(len(b.text) > len(stem) and b.text.startswith(stem) for b in blocks[i + 1 :])


def _drop_above_the_title(verdicts: list[Verdict], blocks: Blocks, kept: list[int], header: set[str]) -> list[int]:
    """The main text's lines above the episode's title or show (as the markup states them), where
    none of them says a sentence, are the page's: a list of headlines ("Don't miss", "Will it
    rain?Posted 2 hours ago") that trafilatura took in with the post. Returns the lines still kept."""
    at = next((k for k, i in enumerate(kept) if blocks[i].folded in header), 0)
    if not at or any(SENTENCE_END.search(verdicts[i].text) for i in kept[:at]):
        return kept
    for i in kept[:at]:
        verdicts[i].label, verdicts[i].rule = "chrome", "generic:above-title"
        verdicts[i].reason = f"above the episode's title or show (line {verdicts[kept[at]].lineno}), which the page's markup states"
    return kept[at:]


def _drop_apart_above(verdicts: list[Verdict], blocks: Blocks, kept: list[int], first: int, header: set[str]) -> list[int]:
    """The main text's lines above its first paragraph that lines outside it part from that paragraph,
    where none of them says a sentence, are another part of the page trafilatura took in (a filter
    of other episodes, "Épisode 13"); the lines joined to the paragraph stay (its header), and so do
    the title and show the markup names (`header`, labelled afterwards). Returns the lines still kept."""
    joined = first
    for i in range(first - 1, -1, -1):
        if verdicts[i].label == "content":
            joined = i
        elif verdicts[i].label != "blank":
            break
    named = {i for i in kept if blocks[i].folded in header}
    apart = [i for i in kept if i < joined and i not in named]
    if not apart or any(SENTENCE_END.search(verdicts[i].text) for i in apart):
        return kept
    if sum(len(verdicts[i].text) for i in apart) >= sum(len(verdicts[i].text) for i in kept if i >= joined and i not in named):
        return kept  # more text than the rest: the page's own content (a calendar's table), not a list beside it
    if _section_heading_between(verdicts, blocks, apart[-1], joined):
        return kept  # the paragraph opens the page's next section ("Transcrição" over a transcript): the lines above are the notes
    for i in apart:
        verdicts[i].label, verdicts[i].rule = "chrome", "generic:apart-above"
        verdicts[i].reason = f"main text above its first paragraph (line {verdicts[first].lineno}) but parted from it by the page's other lines, with no sentence: another part of the page"
    return [i for i in kept if i >= joined or i in named]


def _section_heading_between(verdicts: list[Verdict], blocks: Blocks, above: int, below: int) -> bool:
    """Whether a heading the lexicon knows as another section's (a transcript's, comments') stands
    between two lines: what follows it is that section, not the text."""
    between = [i for i in range(above + 1, below) if verdicts[i].text and HEADING_PATH.search(blocks[i].path)]
    if not between:
        return False
    hits = lexicon_matcher().scan(Blocks(blocks[i] for i in between))
    return any(hit.rule.name.startswith("section-") for found in hits for hit in found)


_IN_NAV = re.compile(r"(?:^|>)nav\b")
_IN_HEADER = re.compile(r"(?:^|>)header\b")  # a page's or a post's header element


def _in_table_closed_before(path: str, first_path: str) -> bool:
    """A line in a table that does not hold the main text's first paragraph: an infobox of the
    episode's details ("Venue", "Run Time", "Guests") over its summary. A page laid out in tables,
    whose text sits in one too, keeps its lines (measured: none of 17 such lines on real HTML pages is
    gold)."""
    segments = path.split(">")
    tables = [k for k, segment in enumerate(segments) if tag_of(segment) == "table"]
    if not tables:
        return False
    table = ">".join(segments[: tables[-1] + 1])
    return not (first_path == table or first_path.startswith(table + ">"))


def _label_head_of_main_text(verdicts: list[Verdict], blocks: Blocks, named: dict) -> None:
    """Above its first paragraph of prose, the main text often opens with the page's own header: the
    show, the title, an "Episode description" heading. They are the page's, not the creator's text: a
    line there that the markup names as the title or the show, that the UI lexicon knows, or that is a
    player's time, speed or seek button, is labelled so. Below the first paragraph nothing changes, so
    no line of the description itself can go.

    Where neither JSON-LD nor og:title names them, the page's <title> may ("Bölüm 45: ... — Tarih
    Sohbetleri | Kulakçık"): a part of it that is a line above the first paragraph is the title (the
    first such part, heading the main text) or the show (another part, any line up there, not the
    site's own name)."""
    fields = {label: normalise_space(str(named[label])).casefold() for label in ("title", "show") if named.get(label)}
    parts = title_parts(named.get("page_title"), named.get("site_name"))
    kept = [i for i, v in enumerate(verdicts) if v.label == "content"]
    header = {*fields.values(), *parts}
    kept = _drop_above_the_title(verdicts, blocks, kept, header)
    first = next((i for i in kept if is_prose(verdicts[i].text) and blocks[i].folded not in header), None)
    if first is None:
        # No paragraph (a post's notes of lists): the first kept line under its headings stands for it.
        first = next((i for i in kept if not HEADING_PATH.search(blocks[i].path) and not _IN_HEADER.search(blocks[i].path) and blocks[i].folded not in header), None)
    if first is None:
        return
    kept = _drop_apart_above(verdicts, blocks, kept, first, header)
    head = [i for i in kept if i < first]
    by_title = _named_by_page_title(verdicts, blocks, head, first, parts, fields)
    if not head:
        return
    found = lexicon_matcher().scan(Blocks(blocks[i] for i in head))
    for i, hits in zip(head, found):
        label = next((name for name, value in fields.items() if blocks[i].folded == value), None)
        verdict = verdicts[i]
        if label:
            verdict.label, verdict.rule = label, f"markup:{label}"
            verdict.reason = f"the episode {label} the page's markup states, heading the main text"
        elif i in by_title:
            continue
        elif _IN_NAV.search(blocks[i].path):
            verdict.label, verdict.rule = "chrome", "generic:site-menu"
            verdict.reason = "the site's menu (a <nav> element), above the first paragraph of the main text"
        elif hits and hits[0].rule.name.startswith("social-"):
            continue  # inside the main text, a network's name is a guest's or the creator's link ("Twitter")
        elif hits:
            hit = hits[0]
            verdict.label, verdict.rule = "chrome", f"lexicon:{hit.rule.name}"
            verdict.reason = f"{hit.rule.why}: matches {hit.phrase!r}, above the first paragraph of the main text"
        elif player_control(verdict.text):
            verdict.label, verdict.rule = "chrome", "generic:widget"
            verdict.reason = "a player's time, speed or seek button, above the first paragraph of the main text"
        elif read_meta_line(verdict.text) is not None:
            verdict.label, verdict.rule = "meta", "generic:meta"
            verdict.reason = "the episode's date or length line, above the first paragraph of the main text"
        elif _in_table_closed_before(blocks[i].path, blocks[first].path):
            verdict.label, verdict.rule = "chrome", "generic:details-table"
            verdict.reason = "a cell of a table that closes above the first paragraph of the main text: the page's details box"
