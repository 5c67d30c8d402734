"""Episode fields read off the template lines a page's phrases matched.

Slots name the field: {show}, {title}, {date} -> published, {duration}, {n} -> episode_count, {episode_id}
and {series_id} -> ids. Dates, durations and counts are read the UI locale's way (formats.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from deboiler.catalog import formats
from deboiler.catalog.platforms import Hit
from deboiler.stages.markup import FIELDS as MARKUP_FIELDS

_URL = re.compile(r"https?://\S+")
_EDGE_PUNCT = " .,;:!?·•|-–—\"'“”«»"
MIN_SHOW_CHARS = 2


def collect_fields(fields: dict, hits: list[Hit], text: str, locale: str) -> None:
    """Add what these hits on one line say to `fields` (the first value found for a field wins)."""
    for hit in hits:
        caps = hit.captures
        if not caps and not hit.rule.show_named_twice:
            continue  # a slot-free phrase (most template lines) says nothing of the fields
        if "show" in caps:
            if "show" not in fields:
                fields["show"] = " ".join(caps["show"].split())
        elif hit.rule.show_named_twice and "_show_guess" not in fields:
            sources = tuple(sorted(src for srcs in hit.rule.phrases.values() for src in srcs))
            fields["_show_guess"] = show_named_twice(text, lead_ins(sources) | frozenset(hit.rule.show_lead_ins))
        if "title" in caps and "title" not in fields:
            fields["title"] = " ".join(caps["title"].split())
        if "date" in caps and "published" not in fields:
            date = formats.parse_date(caps["date"], locale)
            if date:
                fields["published"] = date.isoformat()
        if "duration" in caps and "duration" not in fields:
            seconds = formats.parse_duration(caps["duration"], locale)
            if seconds is not None:
                fields["duration"] = seconds
        if "n" in caps and "episode_count" not in fields:
            count = formats.parse_number(caps["n"], locale)
            if count is not None:
                fields["episode_count"] = count
        if "episode_id" in caps or "series_id" in caps:
            ids = fields.setdefault("ids", {})
            for slot, key in (("episode_id", "episode"), ("series_id", "series")):
                if slot in caps:
                    ids.setdefault(key, caps[slot])


def finish_fields(
    fields: dict, markup: dict | Callable[[], dict] | None = None, named_by_lines: dict | None = None
) -> None:
    """Settle each field: what the visible text says (a phrase captured it) wins; the markup fills
    what the text leaves empty; a show guessed from a notice in a UI we have no phrases for comes next,
    and what only a labelled line names (an unknown site's title line) last.
    `markup` may be a function giving the markup's fields: it is called only when a field is empty."""
    guess = fields.pop("_show_guess", None)
    if callable(markup):
        markup = markup() if any(fields.get(name) is None for name in MARKUP_FIELDS) else None
    for name, value in (markup or {}).items():
        if fields.get(name) is None and value is not None:
            fields[name] = value
    if fields.get("show") is None and guess:
        fields["show"] = guess
    for name, value in (named_by_lines or {}).items():
        if fields.get(name) is None:
            fields[name] = value


@lru_cache(maxsize=64)
def lead_ins(sources: tuple[str, ...]) -> frozenset[str]:
    """What stands right before {show} in the notices we do know ("by", "由", "von"): in a UI we have
    no phrases for, the same word in front of both mentions is template, not name. For scripts
    without spaces the last one to three characters count."""
    found: set[str] = set()
    for src in sources:
        for before in src.split("{show}")[:-1]:
            before = before.split("}")[-1]  # only the literal text after any other slot
            if before.endswith(" "):
                words = before.split()
                if words:
                    found.add(words[-1])
            elif before:
                found.update(before[-n:] for n in (1, 2, 3) if len(before) >= n and not before[-n:].isspace())
    return frozenset(w for w in found if w.strip(_EDGE_PUNCT))


def show_named_twice(line: str, lead_ins: frozenset[str] = frozenset()) -> str | None:
    """The show in a notice that names it twice, in a language we have no phrases for.

    Player FM's license notice says, in every UI language, "content provided by SHOW ... uploaded by
    SHOW or their partners". The longest text that occurs twice is the show, give or take the short
    lowercase word in front of both ("by", "von", "par"), which is trimmed.
    """
    text = " ".join(_URL.sub(" ", line).split())
    # Template words repeat too ("proporcionado ... proporciona"): a name has a capital, a digit or
    # a caseless script letter, so prefer repeats that do, and fall back to any repeat.
    best = _longest_repeat(text, _name_like) or _longest_repeat(text, lambda piece: True)
    if best is None:
        return None
    # A repeat that starts inside a word on both mentions ("…จัดทำโดย SHOW", "…ตรงโดย SHOW") began
    # with template text glued to the words before it: in a script that writes words without spaces,
    # the space after that particle is where the name starts.
    first = text.find(best)
    second = text.find(best, first + len(best))
    if " " in best.strip() and best[:1].isalpha() and all(at > 0 and text[at - 1].isalpha() for at in (first, second)):
        best = best.strip().split(" ", 1)[1]
    words = best.strip(_EDGE_PUNCT).split(" ")
    while len(words) > 1 and _is_particle(words[0]):
        words.pop(0)
    while len(words) > 1 and _is_particle(words[-1]):
        words.pop()
    # Longer template words in front of both mentions ("geleverd door", "przez"): lowercase words go
    # while a capitalised word follows, since a name is what carries the capitals. In a UI whose script
    # has no case (Hebrew "על ידי", Arabic, Hindi), its words before a Latin name with capitals go too.
    while len(words) > 1 and (words[0].islower() or _caseless(words[0])) and any(ch.isupper() for w in words[1:] for ch in w):
        words.pop(0)
    show = " ".join(words).strip(_EDGE_PUNCT)
    # A lead-in that other UIs put before the show ("由" in Chinese) glued in front of the name.
    for lead in sorted(lead_ins, key=len, reverse=True):
        rest = show[len(lead) :].strip(_EDGE_PUNCT)
        if show.startswith(lead) and len(rest) >= MIN_SHOW_CHARS and (show[len(lead)] == " " or not lead[-1].isascii()):
            show = rest
            break
    return show if len(show) >= MIN_SHOW_CHARS else None


def _is_particle(word: str) -> bool:
    return len(word) <= 4 and word.isalpha() and word.islower()


def _caseless(word: str) -> bool:
    """A word written only in letters that have no case (Hebrew, Arabic, Devanagari, CJK)."""
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and all(ch.lower() == ch.upper() for ch in letters)


def _name_like(piece: str) -> bool:
    return any(ch.isupper() or ch.isdigit() or (ch.isalpha() and not ch.islower()) for ch in piece)


def _longest_repeat(text: str, accept) -> str | None:
    """Longest accepted substring occurring twice without overlap (binary search on its length;
    `accept` must hold for some substring of every length below an accepted one, as it does for
    "contains a character of a kind")."""

    def repeated(length: int) -> str | None:
        first: dict[str, int] = {}
        for i in range(len(text) - length + 1):
            piece = text[i : i + length]
            at = first.setdefault(piece, i)
            if i - at >= length and accept(piece):
                return piece
        return None

    lo, hi, best = MIN_SHOW_CHARS, len(text) // 2, None
    while lo <= hi:
        mid = (lo + hi) // 2
        found = repeated(mid)
        if found:
            best, lo = found, mid + 1
        else:
            hi = mid - 1
    return best
