"""Dedup: print the description once.

Pages repeat the description: Player FM shows it in the episode card and again below, sometimes cut
at "continue reading". Two passes, both turning `content` verdicts into `duplicate` with a reason:

1. copies: whole description regions compared with each other. An identical copy, or one cut short
   (its last line a prefix of the other's, ending at "…", "Read more" or mid-word), gives way to the
   complete copy, wherever the two stand.
2. blocks: a paragraph of content that repeats an earlier one word for word (or is a cut-short prefix
   of another) is dropped. Short paragraphs are exempt: a creator may well repeat "Links:" or "---".
3. lines: a single line cut short ("Os fungos que vivem nas raízes…", or a long one stopped inside a
   word with no marker) whose full form is another kept line, where the teaser shares its paragraph
   with buttons or a date and pass 2 cannot see it.
4. lines again: a long line printed a second time inside one paragraph (no blank line between), which
   passes 1 and 2 cannot see since the paragraph is one block (Castbox prints a description's last
   line twice; an unknown site's dump the whole description again as one run of lines).
5. glued copies: a line that is a short piece of chrome glued in front of a copy of an earlier long
   line, whole or cut ("By AUTHOR" + the description again, on podcast.app), goes with its chrome.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence

from deboiler.stages.labelled import Region
from deboiler.stages.verdict import Verdict

MIN_BLOCK_CHARS = 30  # paragraphs shorter than this may repeat on purpose
REPEATED_LINE_CHARS = 80  # a line of prose this long is no refrain a creator repeats inside a paragraph
CUT_UNMARKED_CHARS = 100  # a line cut inside a word with no marker is a teaser from this length on
GLUED_PREFIX_CHARS = 160  # at most this much chrome glued in front of a copy (a byline, a label)
GLUED_COPY_CHARS = 60  # the copy behind it holds at least this much of the earlier line
# What a site leaves where it cut a text short, checked at the end of a line (case-folded).
CUT_MARKERS = ("continue reading", "read more", "show more", "see more", "[…]", "[...]", "…", "...", " ..")


_MARKER_ENDS = frozenset(marker[-1] for marker in CUT_MARKERS)
_LONGEST_MARKER = max(map(len, CUT_MARKERS))


def strip_cut_marker(text: str) -> str:
    """The text without the trailing ellipsis or "read more" a site put where it cut it."""
    stem = text.rstrip()
    # Only the end of the line is case-folded (casefold maps each character on its own, so the end
    # of the folded tail is the end of the folded line): this runs on every paragraph and line of
    # content, some of them thousands of characters long.
    while stem and stem[-1:].casefold()[-1:] in _MARKER_ENDS:
        if stem[-1] == "." and not stem.endswith(("...", " ..")):
            break  # a sentence's full stop: "..." and " .." are the only markers that end in "." (no letter folds to one)
        tail = stem[-_LONGEST_MARKER:].casefold()
        marker = next((m for m in CUT_MARKERS if tail.endswith(m)), None)
        if marker is None:
            break
        stem = stem[: len(stem) - len(marker)].rstrip()
    return stem


def dedup(
    verdicts: list[Verdict], regions: Sequence[Region] = (), show_boilerplate: Mapping[int, tuple[str, str]] | None = None
) -> None:
    """Mark repeated content in place. Then the kept lines a show prints in every episode (line index ->
    rule, reason) are named: they were compared as content, so a second copy of one still goes."""
    _drop_repeated_copies(verdicts, regions)
    _drop_repeated_blocks(verdicts, regions)
    _drop_cut_lines(verdicts)
    _drop_lines_printed_again(verdicts)
    _drop_glued_copies(verdicts)
    for i, (rule, reason) in (show_boilerplate or {}).items():
        if verdicts[i].label == "content":
            verdicts[i].label, verdicts[i].rule, verdicts[i].reason = "show_boilerplate", rule, reason


def _content_lines(verdicts: list[Verdict], region: Region) -> list[int]:
    return [i for i in range(region.start, region.end) if verdicts[i].label == "content"]


KEY_CHARS = 16  # a cut paragraph is compared only with paragraphs whose first characters it shares


def _drop_repeated_copies(verdicts: list[Verdict], regions: Sequence[Region]) -> None:
    copies = [_content_lines(verdicts, r) for r in regions]
    texts = [[verdicts[i].text for i in copy] for copy in copies]
    alive = [bool(c) for c in copies]

    def drop(loser: int, winner: int, why: str) -> None:
        alive[loser] = False
        first, last = verdicts[copies[winner][0]].lineno, verdicts[copies[winner][-1]].lineno
        for i in copies[loser]:
            verdicts[i].label = "duplicate"
            verdicts[i].rule = "dedup:copy"
            verdicts[i].reason = f"{why}; the complete copy is kept at lines {first}-{last}"

    # Identical copies in one pass; then cut copies, compared only with copies that could be their full
    # form, so a page of thousands of different cards stays linear.
    seen: dict[tuple[str, ...], int] = {}
    for c, lines in enumerate(texts):
        if alive[c]:
            key = tuple(lines)
            if key in seen:
                drop(c, seen[key], "second copy of the description")
            else:
                seen[key] = c
    # A cut copy equals its full copy up to its last line, so it shares the full copy's first line,
    # or (cut inside its first line) its first line starts the full copy's. Look only there.
    uniques = sorted(seen.values())
    by_first: dict[str, list[int]] = {}
    for c in uniques:
        by_first.setdefault(texts[c][0], []).append(c)
    firsts = sorted(by_first)
    for a in uniques:
        if len(texts[a]) > 1:
            candidates = by_first[texts[a][0]]
        else:
            stem = strip_cut_marker(texts[a][0])
            lo = bisect_left(firsts, stem)
            hi = bisect_left(firsts, stem + "\U0010ffff")
            candidates = [c for first in firsts[lo:hi] for c in by_first[first]]
        for b in candidates:
            if b != a and alive[a] and alive[b] and is_cut_copy(texts[a], texts[b]):
                drop(a, b, "copy of the description cut short")
                break


def is_cut_copy(short: list[str], full: list[str]) -> bool:
    """True when `short` is `full` cut off: equal lines, then a last line that stops early."""
    if not short or len(short) > len(full):
        return False
    if short[:-1] != full[: len(short) - 1]:
        return False
    last, target = short[-1], full[len(short) - 1]
    if last == target:
        return len(short) < len(full)
    stem = strip_cut_marker(last)
    return len(stem) >= 1 and target.startswith(stem) and len(stem) < len(target)


def _drop_repeated_blocks(verdicts: list[Verdict], regions: Sequence[Region] = ()) -> None:
    blocks = _paragraphs(verdicts)
    texts = [" ".join(verdicts[i].text for i in block) for block in blocks]
    # Which description copy each paragraph stands in (-1: none). A paragraph repeated inside one copy
    # is the creator's own repetition (a sponsor read at the top and again at the bottom), not a
    # second copy: pass 1 already compared the copies with each other.
    starts = [r.start for r in regions]
    ends = [r.end for r in regions]

    def copy_of(line: int) -> int:
        k = bisect_left(starts, line + 1) - 1
        return k if k >= 0 and line < ends[k] else -1

    seen: dict[str, int] = {}
    for b, text in enumerate(texts):
        if len(text) < MIN_BLOCK_CHARS:
            continue
        if text in seen and copy_of(blocks[b][0]) >= 0 and copy_of(blocks[b][0]) == copy_of(blocks[seen[text]][0]):
            continue
        if text in seen:
            _mark(verdicts, blocks[b], f"repeats the paragraph at line {verdicts[blocks[seen[text]][0]].lineno}")
        else:
            seen[text] = b
    # A paragraph cut short ("The episode covers…") next to its full form elsewhere on the page;
    # candidates are the paragraphs that start alike (stems are >= MIN_BLOCK_CHARS - a marker long).
    by_start: dict[str, list[int]] = {}
    for b, text in enumerate(texts):
        by_start.setdefault(text[:KEY_CHARS], []).append(b)
    for b, text in enumerate(texts):
        if len(text) < MIN_BLOCK_CHARS or verdicts[blocks[b][0]].label != "content":
            continue
        stem = strip_cut_marker(text)
        if stem == text:
            continue
        for other in by_start.get(stem[:KEY_CHARS], ()):
            full = texts[other]
            if (
                other != b
                and len(full) > len(stem)
                and full.startswith(stem)
                and verdicts[blocks[other][0]].label == "content"
            ):
                _mark(
                    verdicts, blocks[b], f"cut-short copy of the paragraph at line {verdicts[blocks[other][0]].lineno}"
                )
                break


def _drop_cut_lines(verdicts: list[Verdict]) -> None:
    content = [i for i, v in enumerate(verdicts) if v.label == "content"]
    by_start: dict[str, list[int]] = {}
    for i in content:
        by_start.setdefault(verdicts[i].text[:KEY_CHARS], []).append(i)
    for i in content:
        text = verdicts[i].text
        stem = strip_cut_marker(text)
        # No marker: a long line stopped inside a word ("... communication i") may be cut all the same
        mid_word = stem == text and len(text) >= CUT_UNMARKED_CHARS and text[-1].isalnum()
        if (stem == text and not mid_word) or len(stem) < MIN_BLOCK_CHARS:
            continue
        for other in by_start.get(stem[:KEY_CHARS], ()):
            full = verdicts[other].text
            if other != i and verdicts[other].label == "content" and len(full) > len(stem) and full.startswith(stem) and (not mid_word or full[len(stem)].isalnum()):
                verdicts[i].label = "duplicate"
                verdicts[i].rule = "dedup:line"
                verdicts[i].reason = f"cut-short copy of line {verdicts[other].lineno}"
                break


def _drop_lines_printed_again(verdicts: list[Verdict]) -> None:
    said: dict[str, int] = {}  # long content lines of the current paragraph -> their line number
    for v in verdicts:
        if v.label == "blank":
            said.clear()
        elif v.label == "content" and len(v.text) >= REPEATED_LINE_CHARS:
            if v.text in said:
                v.label, v.rule, v.reason = "duplicate", "dedup:line", f"repeats line {said[v.text]} of the same paragraph"
            else:
                said[v.text] = v.lineno


def _drop_glued_copies(verdicts: list[Verdict]) -> None:
    earlier: dict[str, list[str]] = {}  # the first KEY_CHARS of each long content line -> those lines
    for v in verdicts:
        if v.label != "content" or len(v.text) < REPEATED_LINE_CHARS:
            continue
        text = v.text
        # Where an earlier line's opening stands in this line's first characters, nearest the start
        # first: one search per earlier line (a page has a few), not a lookup per offset.
        last = min(GLUED_PREFIX_CHARS, len(text) - GLUED_COPY_CHARS)
        starts = sorted(
            (at, key) for key in earlier for at in _offsets(text, key, last)
        )
        for at, key in starts:
            # What is glued in front is something else than the line's own opening: a line that only
            # says its first words once more ("AA AA AA ..." over "AA AA ...") is the creator's.
            if any(full.startswith(text[at:]) and not full.startswith(text[:at]) for full in earlier[key]):
                v.label, v.rule = "duplicate", "dedup:glued"
                v.reason = f"a copy of an earlier line of the description, with {text[:at].strip()!r} glued in front"
                break
        else:
            earlier.setdefault(text[:KEY_CHARS], []).append(text)


def _offsets(text: str, key: str, last: int) -> list[int]:
    """The offsets 1..last at which `key` stands in `text`."""
    found, at = [], text.find(key, 1, last + len(key))
    while at >= 0:
        found.append(at)
        at = text.find(key, at + 1, last + len(key))
    return found


def _paragraphs(verdicts: list[Verdict]) -> list[list[int]]:
    blocks: list[list[int]] = []
    current: list[int] = []
    for i, v in enumerate(verdicts):
        if v.label == "content":
            current.append(i)
        elif current and v.label == "blank":
            blocks.append(current)
            current = []
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _mark(verdicts: list[Verdict], block: list[int], reason: str) -> None:
    for i in block:
        verdicts[i].label = "duplicate"
        verdicts[i].rule = "dedup:block"
        verdicts[i].reason = reason
