"""The do-no-harm path for pages of platforms we do not know.

Without a template we cannot tell chrome by position, so we drop only what is clearly interface: a
line that the multilingual UI lexicon (lexicon/ui.toml) knows, and only where it stands outside the
main text (the span from the first to the last line of prose). Everything else is kept; exact
repeats are dropped later by the dedup stage like on any page.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from .blocks import Blocks
from .catalog import LineMatcher, Rule
from .verdict import Verdict

LEXICON_FILE = Path(__file__).parent / "lexicon" / "ui.toml"
PROSE_CHARS = 80
PROSE_WORDS = 12
PROSE_CJK_CHARS = 30


@lru_cache(maxsize=1)
def lexicon_matcher() -> LineMatcher:
    with LEXICON_FILE.open("rb") as fh:
        data = tomllib.load(fh)
    entries = []
    for lang, table in data.items():
        locale = None if lang == "any" else lang
        plain = Rule(f"ui-{lang}", "chrome", f"interface text ({lang} UI lexicon)", 0.0, {})
        # Headings that introduce a list of other shows or episodes ("More like this").
        lists = Rule(f"list-{lang}", "chrome", f"heading of a recommendation list ({lang} UI lexicon)", 0.0, {})
        for rule, key in ((plain, "phrases"), (lists, "list_headings")):
            entries.extend((rule, src, locale, locale) for src in table.get(key, ()))
    return LineMatcher.build(entries)


def is_prose(text: str) -> bool:
    if len(text) >= PROSE_CHARS or len(text.split()) >= PROSE_WORDS:
        return True
    cjk = sum(1 for ch in text if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    return cjk >= PROSE_CJK_CHARS


def main_text_of(html: str) -> str | None:
    """The main content of an HTML page as trafilatura sees it (settings chosen on bench/aeb.py)."""
    import trafilatura

    try:
        return trafilatura.extract(html, **TRAFILATURA_SETTINGS)
    except Exception:  # noqa: BLE001 - a failing extractor must not lose the page: fall back to prose
        return None


TRAFILATURA_SETTINGS: dict = {"include_comments": False, "include_tables": True, "deduplicate": False}
_WORD = re.compile(r"\w+")


def _covered(text: str, main_words: str, main_grams: set[tuple[str, ...]]) -> bool:
    """Whether trafilatura kept this line: most of its word trigrams are in its output."""
    words = _WORD.findall(text.casefold())
    if not words:
        return False
    if len(words) < 3:
        return f" {' '.join(words)} " in main_words
    grams = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
    return sum(g in main_grams for g in grams) * 2 >= len(grams)


def label_unknown(blocks: Blocks, main_text: str | None = None) -> list[Verdict]:
    """Label a page of an unknown platform. With `main_text` (HTML: what trafilatura extracted) the
    main text is the lines it kept; without, the span from the first to the last line of prose."""
    matcher = lexicon_matcher()
    hits = matcher.scan(blocks)
    if main_text and main_text.strip():
        words = _WORD.findall(main_text.casefold())
        main_words = f" {' '.join(words)} "
        grams = {tuple(words[i : i + 3]) for i in range(len(words) - 2)}
        inside_main = [bool(b.text) and _covered(b.text, main_words, grams) for b in blocks]
        outside_why = "not part of the main text that trafilatura found on this page"
    else:
        # A cookie banner is long enough to read as prose; what the lexicon knows never opens the main text.
        prose = [i for i, b in enumerate(blocks) if b.text and not hits[i] and is_prose(b.text)]
        first, last = (prose[0], prose[-1]) if prose else (len(blocks), -1)
        inside_main = [first <= i <= last for i in range(len(blocks))]
        outside_why = ""
    verdicts: list[Verdict] = []
    heading: Verdict | None = None  # an open "More like this" list outside the main text
    for i, b in enumerate(blocks):
        if not b.text:
            verdicts.append(Verdict(b.lineno, "", "blank", "blank", "blank line"))
            heading = None
            continue
        inside = inside_main[i]
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
    return verdicts
