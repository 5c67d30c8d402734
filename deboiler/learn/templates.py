"""deboiler learn: lines that recur across pages, the phrase each becomes, and the show of each page.

A masked key that stands on several pages is a candidate template line. Its placeholders become
slots only where the value changes between the pages (a link or a year printed on every page stays
literal text): {show} and {title} where the value is the page's show or title, {date}, {duration},
{url}, and for numbers {n} (a count), or {episode_id} and {series_id} for a pair of long ids.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from deboiler.learn.align import Alignment, align, fold
from deboiler.learn.mask import KIND, NUMBER, SHOW, TITLE, Masked, literal_weight

_PLAIN_DIGITS = re.compile(r"\d+")
META_SLOTS = frozenset({"date", "duration", "n", "episode_id", "series_id"})


@dataclass(frozen=True)
class Occurrence:
    page: int  # index of the training page
    index: int  # index of the block on that page
    masked: Masked


@dataclass
class Template:
    """A recurring line and the phrase written for it."""

    key: str
    occurrences: list[Occurrence]
    phrase: str
    slots: tuple[str, ...]  # slot names in the phrase, in order
    how: dict[str, str] = field(default_factory=dict)  # slot -> how its values were told apart

    @property
    def pages(self) -> set[int]:
        return {o.page for o in self.occurrences}

    @property
    def label(self) -> str:
        return "meta" if META_SLOTS & set(self.slots) else "chrome"


def recurring(masks: Sequence[Sequence[Masked | None]]) -> dict[str, list[Occurrence]]:
    """Every masked key on two or more pages, with all its occurrences."""
    found: dict[str, list[Occurrence]] = defaultdict(list)
    for p, page in enumerate(masks):
        for i, m in enumerate(page):
            if m is not None:
                found[m.key].append(Occurrence(p, i, m))
    return {k: occ for k, occ in found.items() if len({o.page for o in occ}) >= 2}


def make_template(key: str, occurrences: list[Occurrence], shows: Sequence[str | None]) -> Template | None:
    """The phrase for a recurring key, or None when no phrase can say it (a literal `{slot}` in it)."""
    out, slots, how, used, literal = [], [], {}, Counter(), []
    numbers = _number_slots(key, occurrences, shows)
    k = 0
    for ch in key:
        if ch not in KIND:
            out.append(ch)
            literal.append(ch)
            continue
        values = [o.masked.values[k] for o in occurrences]
        if ch in (SHOW, TITLE):
            name = KIND[ch]
            how[name] = f"the page's {name}, which differs between the pages"
        elif ch == NUMBER:
            name = numbers.get(k)
        elif len(set(values)) == 1:
            name = None  # the same link, date or length on every page: template text, not a field
        else:
            name = KIND[ch]
        if name is None:
            out.append(values[0])
            literal.append(values[0])
        else:
            if used[name] and name not in ("show", "title"):
                name = "text"  # a second date or link in the line: the phrase can capture only one
            used[name] += 1
            out.append("{" + name + "}")
            slots.append(name)
            if name not in how:
                how[name] = _HOW.get(name, "")
        k += 1
    if any(ch in "{}" for piece in literal for ch in piece):
        return None  # a brace in the page text could read as a slot
    phrase = " ".join("".join(out).split())
    return Template(key, occurrences, phrase, tuple(slots), how)


_HOW = {
    "date": "a date in the UI's CLDR formats, different on each page",
    "duration": "a duration, different on each page",
    "url": "a link, different on each page",
    "n": "a number, different between the pages: read as the episode count",
    "episode_id": "a long number different on every page: read as the episode id",
    "series_id": "a long number: read as the series id",
    "text": "a second value of a kind the line already has a slot for",
}


def _number_slots(key: str, occurrences: list[Occurrence], shows: Sequence[str | None]) -> dict[int, str | None]:
    """Value index -> slot name for the numbers of a key (None: the same number on every page)."""
    ordinals = [k for k, (_, ph) in enumerate(occurrences[0].masked.placeholders()) if ph == NUMBER]
    varying = [k for k in ordinals if len({o.masked.values[k] for o in occurrences}) > 1]
    names: dict[int, str | None] = dict.fromkeys(ordinals)
    if len(varying) == 1:
        k = varying[0]
        ids = all(_PLAIN_DIGITS.fullmatch(o.masked.values[k]) and len(o.masked.values[k]) >= 5 for o in occurrences)
        names[k] = "episode_id" if ids else "n"
    elif len(varying) >= 2:
        long_ids = [
            k
            for k in varying
            if all(_PLAIN_DIGITS.fullmatch(o.masked.values[k]) and len(o.masked.values[k]) >= 4 for o in occurrences)
        ]
        if len(long_ids) >= 2:
            # A number that stays the same on the pages of one show and differs between shows names the
            # series; where no show has two pages here, the first id is the episode's, the next the series'.
            per_show = [k for k in long_ids[:2] if _constant_per_show(k, occurrences, shows)]
            episode, series = long_ids[0], long_ids[1]
            if len(per_show) == 1:
                series = per_show[0]
                episode = long_ids[1] if series == long_ids[0] else long_ids[0]
            names[episode], names[series] = "episode_id", "series_id"
        for k in varying:
            names.setdefault(k, "text")
            if names[k] is None:
                names[k] = "text"
    return names


def _constant_per_show(k: int, occurrences: list[Occurrence], shows: Sequence[str | None]) -> bool:
    by_show: dict[str, set[str]] = defaultdict(set)
    for o in occurrences:
        if shows[o.page]:
            by_show[shows[o.page]].add(o.masked.values[k])
    pairs = [vals for show, vals in by_show.items() if sum(1 for o in occurrences if shows[o.page] == show) >= 2]
    return bool(pairs) and all(len(vals) == 1 for vals in pairs)


# ---------------------------------------------------------------------------------------------
# The show of each page, when the markup does not say it


def find_shows(masks: Sequence[Sequence[Masked | None]], groups: Sequence[Sequence[int]]) -> list[str | None]:
    """Per page, the name the template lines of its UI group print where the other pages print theirs.

    Lines that differ between pages but share most of their text are aligned; a value in their gaps
    votes for being the show once per line it fills, once more for each further gap of the same line
    it fills (a license notice names the show twice), and twice more when another page has it too (two
    episodes of one show). A value with two votes or more is the show. A value with one vote is the show
    too when the lines it fills stand on most pages of the UI and it is not a whole line of its page (a
    title is: PodBud's "{show}{date}{duration}" line names the show once, and only there).
    """
    votes: list[Counter[str]] = [Counter() for _ in masks]
    common: list[set[str]] = [set() for _ in masks]  # values filling lines that most pages of the UI print
    for group in groups:
        for lines in _similar_lines(masks, group):
            alignment = align([m.key for _, m in lines])
            if alignment is None:
                continue
            widespread = len({p for p, _ in lines}) >= 0.6 * len(group)
            for page, m in lines:
                spans = alignment.gaps(m.key) or []
                values = [_clean_value(m.original(s, e)) for s, e in spans]
                counted = Counter(v for v in values if _name_like(v))
                for value, n in counted.items():
                    votes[page][value] += n
                    if widespread:
                        common[page].add(value)
    pages_with: Counter[str] = Counter(v for page_votes in votes for v in page_votes)
    shows: list[str | None] = []
    for page, page_votes in enumerate(votes):
        whole_lines = {m.original() for m in masks[page] if m is not None}
        scored = Counter({v: n + (2 if pages_with[v] >= 2 else 0) for v, n in page_votes.items()})
        best = max(scored.items(), key=lambda kv: (kv[1], len(kv[0])), default=None)
        if best and (best[1] >= 2 or (best[0] in common[page] and best[0] not in whole_lines)):
            shows.append(best[0])
        else:
            shows.append(None)
    return shows


MAX_LINE_CHARS = 1000  # longer lines are prose: no chrome line that names a show is this long
MAX_TRIES = 4  # sets a line is tried against before it starts its own


@dataclass
class _Similar:
    """Lines being gathered into one set, with the alignment they share so far."""

    items: list[tuple[int, str]]
    alignment: Alignment
    heaviest: int

    def take(self, item: tuple[int, str]) -> bool:
        key = item[1]
        first = self.items[0][1]
        if key != first and not _share_words(first, key):
            return False  # the cheap test first: aligning two long lines character by character is not
        folded = fold(self.alignment, key) if key != first else self.alignment
        if folded is None:
            return False
        shared = sum(literal_weight(p) for p in folded.parts)
        heaviest = max(self.heaviest, literal_weight(key))
        if shared < 6 or shared < 0.3 * heaviest:
            return False
        for line in {first, key}:
            spans = folded.gaps(line)
            if spans is None or any(not line[s:e].strip() for s, e in spans):
                return False  # every gap must hold a value: "Quiet Hours" is not "Quiet Hours · …" cut short
        self.items.append(item)
        self.alignment, self.heaviest = folded, heaviest
        return True


def _anchors(key: str) -> list[str]:
    """What a line is compared by: its first and last five characters, and the values (with the
    punctuation around them) it starts or ends with, since a name glued to them varies ("X{date}{duration}")."""
    found = ["^" + key[:5], "$" + key[-5:]]
    head = re.match(r"[^\w]*", key).group(0)
    tail = re.search(r"[^\w]*$", key).group(0)
    if any(ch in KIND for ch in head):
        found.append("^*" + head)
    if any(ch in KIND for ch in tail):
        found.append("$*" + tail)
    return found


def _share_words(a: str, b: str) -> bool:
    """Two lines of one template share runs of words ("More from", "· {date} ·"); two prose lines share
    an "of the" at most, which is a small part of either."""
    pairs_a, pairs_b = _word_pairs(a), _word_pairs(b)
    if len(pairs_a & pairs_b) >= max(1, 0.3 * min(len(pairs_a), len(pairs_b))):
        return True
    # Words glued to a value ("Plain Law PodcastJanuary 9, 2025") share no pair: a common end or start
    # holding a value will do.
    ends = (os.path.commonprefix([a[::-1], b[::-1]])[::-1], os.path.commonprefix([a, b]))
    return any(literal_weight(end) >= 6 and any(ch in KIND for ch in end) for end in ends)


def _word_pairs(line: str) -> set[tuple[str, ...]]:
    words = line.split()
    if len(line) > 15 * len(words):
        words = list(line.replace(" ", ""))  # a script written without spaces: characters are its words
    return {tuple(words[i : i + 2]) for i in range(len(words) - 1)} or {tuple(words)}


def _similar_lines(masks: Sequence[Sequence[Masked | None]], group: Sequence[int]) -> list[list[tuple[int, Masked]]]:
    """Sets of lines from different pages of one UI group that fit one alignment with a value in every
    gap. Only lines that begin or end alike (first or last five characters) are compared; lines that
    recur on half the pages or more are template as they are and take no part."""
    pages_of: dict[str, set[int]] = defaultdict(set)
    for p in group:
        for m in masks[p]:
            if m is not None:
                pages_of[m.key].add(p)
    half = max(2, (len(group) + 1) // 2)
    lines: dict[tuple[int, str], Masked] = {}
    for p in group:
        for m in masks[p]:
            if m is None or len(m.key) > MAX_LINE_CHARS or len(pages_of[m.key]) >= half:
                continue
            if literal_weight(m.key) >= 8:
                lines.setdefault((p, m.key), m)
    buckets: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for p, key in lines:
        for bucket in _anchors(key):
            buckets[bucket].append((p, key))
    crowded = {b for b, members in buckets.items() if len(members) > 3 * len(group)}  # "[00:" says nothing
    sets: list[_Similar] = []
    started: dict[str, list[int]] = defaultdict(list)  # bucket -> sets with a line in it
    for item in lines:
        p, key = item
        own = [b for b in _anchors(key) if b not in crowded]
        candidates = list(dict.fromkeys(c for b in own for c in reversed(started[b])))[:MAX_TRIES]
        joined = next((c for c in candidates if sets[c].take(item)), None)
        if joined is None:
            sets.append(_Similar([item], Alignment((key,), False, False), literal_weight(key)))
            joined = len(sets) - 1
        for b in own:
            if joined not in started[b]:
                started[b].append(joined)
    return [[(p, lines[(p, k)]) for p, k in s.items] for s in sets if len({p for p, _ in s.items}) >= 2]


_EDGE = " \t.,;:!?·•|/-–—\"'“”«»"  # not brackets: "Street Talk (MLST)" ends with one


def _clean_value(value: str) -> str:
    return value.strip(_EDGE) if value.strip(_EDGE) else ""


def _name_like(value: str) -> bool:
    return 2 <= len(value) <= 120 and len(value.split()) <= 12 and "://" not in value
