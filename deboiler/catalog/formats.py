"""Locale-aware regexes and parsers for the dates, durations and counts that
podcast pages print in their UI language ("Dec 7, 2024", "7 дек. 2024 г.",
"3h 42m", "1시간 5분", "1 234").

Every month name, date pattern, unit word and group symbol comes from CLDR via
Babel; the only hand-written vocabulary is a tiny set of locale-independent
ASCII unit abbreviations (h, min, s, ...).

The ``*_regex`` functions return regex *source* meant to be embedded by other
code into larger patterns compiled with ``re.IGNORECASE``, e.g.
``^(?P<show>.+?)(?P<date>DATE)(?P<duration>DUR)$``.  So the sources contain no
capturing groups, only bounded repetitions, and escaped literal text.  The
``parse_*`` functions use private twins of those regexes with named groups,
built by the same code, so a string the public regex accepts is parsed the
same way.
"""

from __future__ import annotations

import datetime
import functools
import pickle
import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from babel import Locale, UnknownLocaleError, localedata
from babel.core import get_global
from babel.dates import tokenize_pattern

__all__ = [
    "babel_locale",
    "date_regex",
    "parse_date",
    "duration_regex",
    "parse_duration",
    "number_regex",
    "parse_number",
]

# Separators may be a regular space, NBSP or narrow NBSP (CLDR uses all three
# and pages normalise them inconsistently); Python's \s matches all of them.
_OPT_WS = r"\s{0,2}"
_REQ_WS = r"\s{1,2}"

_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
# Exactly four digits, so "December 7, 20243h 42m" ends the date at "2024".
_YEAR = r"\d{4}"
_ISO_MONTH = r"(?:1[0-2]|0[1-9])"
_ISO_DAY = r"(?:3[01]|[12]\d|0[1-9])"

# Locale-independent supplement: players print these regardless of UI language.
# The prime and double prime ("4′41″") are how Chinese and Japanese audio sites print a length in
# minutes and seconds; only the true marks (U+2032, U+2033), not the apostrophe and quote.
_ASCII_UNITS: dict[str, tuple[str, ...]] = {
    "h": ("h", "hr", "hrs"),
    "m": ("m", "min", "mins", "\u2032"),
    "s": ("s", "sec", "secs", "\u2033"),
}
# Spellings English pages print that CLDR's "en" lacks: AP style ("Jan. 5", "Sept. 21") and the
# day's ordinal suffix ("December 7th, 2024"). Hand-written, so kept to what English sites print.
_EXTRA_MONTH_SPELLINGS: dict[str, dict[int, tuple[str, ...]]] = {"en": {9: ("Sept",)}}
_DAY_SUFFIX: dict[str, str] = {"en": r"(?:st|nd|rd|th)?"}
# Two-digit years ("12/7/24") read as strptime's %y does: 00-68 -> 2000s, 69-99 -> 1900s.
_SHORT_YEAR = r"\d{2}(?!\d)"
_SHORT_YEAR_PIVOT = 69

_CLDR_UNITS = {"h": "duration-hour", "m": "duration-minute", "s": "duration-second"}

# Besides the four standard formats, these skeletons are common on pages
# ("Sat, Dec 7, 2024") and cost nothing when they duplicate a format.
_DATE_SKELETONS = ("yMMMEd", "yMMMd", "yMd")

# Group renderer: (name, source) -> "(?P<name>source)" or a non-capturing form.
_Group = Callable[[str, str], str]


def _capture(name: str, src: str) -> str:
    return f"(?P<{name}>{src})"


def _plain(name: str, src: str) -> str:
    # Every source handed to a group renderer is already an atom (\d{4},
    # [0-5]\d or a (?:...) alternation), so it concatenates safely as is.
    return src


# --------------------------------------------------------------------------
# Locales


@functools.lru_cache(maxsize=512)
def babel_locale(tag: str | None) -> Locale | None:
    """BCP 47 tag ('ko', 'zh-Hans', 'pt-BR') -> Babel Locale; None when unknown.

    Unknown trailing subtags are dropped one at a time (RFC 4647 lookup), so
    'en-XX' or 'en-US-u-ca-gregory' still give English.  'und' (undetermined)
    gives None rather than Babel's likely-subtag guess of en_US.
    """
    if not isinstance(tag, str):
        return None
    parts = [p for p in re.split(r"[-_]", tag.strip()) if p]
    if not parts or parts[0].lower() in ("und", "root"):
        return None
    for n in range(len(parts), 0, -1):
        try:
            return Locale.parse("_".join(parts[:n]))
        except (ValueError, TypeError, UnknownLocaleError):
            continue
    return None


def _locale_key(tag: str | None) -> str | None:
    loc = babel_locale(tag)
    return str(loc) if loc is not None else None


# Month and day names are read straight from Babel's CLDR files rather than
# through Locale.months / Locale.days: Babel resolves CLDR aliases (e.g.
# stand-alone -> format) by writing the result back into data shared through
# its root cache, so after touching 'ja', Locale('fr').months['stand-alone']
# yields '1月'.  Results would then depend on which locales were used
# earlier in the process.  The other data we use (date formats, unit
# patterns, number symbols) contains no aliases and is read via the Locale.


_RAW_KINDS = ("months", "days", "eras")  # all _cldr_value reads; their aliases stay inside them


@functools.cache
def _raw_cldr(name: str) -> dict[Any, Any]:
    # Never mutated: our own unmerged copy of the parts of one locale file we read. The whole file
    # is ~1 MB of objects (time zones, currencies, unit names): kept for every locale a catalog and
    # the UI lexicon touch, it made each batch worker ~35 MB heavier.
    with open(localedata.resolve_locale_filename(name), "rb") as f:
        data = pickle.load(f)
    return {kind: data[kind] for kind in _RAW_KINDS if kind in data}


# Every locale inherits from root, and English is the default: reloading them for every spec cost
# ~1 s the first time the 36-language UI lexicon was compiled.
_KEPT_IN_BABEL_CACHE = frozenset({"root", "en"})


def _releasing_babel_data(build: Callable[..., Any]) -> Callable[..., Any]:
    """Babel keeps every locale it has loaded in a module-level cache, whole. Our specs are built once
    per locale and cached themselves, so the Babel data can go once a spec is built (Babel reloads
    it if anything asks again): it held ~15 MB per process after the 36-language lexicon was built."""

    @functools.wraps(build)
    def wrapper(key: str | None) -> Any:
        try:
            return build(key)
        finally:
            cache = getattr(localedata, "_cache", None)
            if isinstance(cache, dict):
                # The locale just read stays until another one is: its date, duration and number specs
                # are built one after the other (a phrase file is read locale by locale), and reloading
                # it for each was two thirds of compiling the 36-language lexicon.
                kept = _KEPT_IN_BABEL_CACHE | set(_chain(_babel_name(key)))
                for name in [n for n in cache if n not in kept]:
                    del cache[name]

    return wrapper


@functools.lru_cache(maxsize=512)
def _babel_name(key: str | None) -> str:
    try:
        return str(Locale.parse(key or "en"))
    except (ValueError, TypeError, UnknownLocaleError):
        return "root"


def _parent(name: str) -> str:
    # Mirrors babel.localedata.load's inheritance rules.
    parent = get_global("parent_exceptions").get(name)
    if parent:
        return parent
    non_likely = getattr(localedata, "_is_non_likely_script", None)
    if non_likely is not None and non_likely(name):
        return "root"
    parts = name.split("_")
    return "root" if len(parts) == 1 else "_".join(parts[:-1])


@functools.cache
def _chain(name: str) -> tuple[str, ...]:
    chain = [name]
    while chain[-1] != "root":
        chain.append(_parent(chain[-1]))
    return tuple(chain)


def _cldr_value(chain: tuple[str, ...], path: tuple[Any, ...]) -> Any:
    """Leaf value at `path`, inherited along `chain`, CLDR aliases resolved.

    Aliases are relative to the requesting locale, so resolving one restarts
    the lookup at the head of the chain.
    """
    for name in chain:
        node: Any = _raw_cldr(name)
        for i, key in enumerate(path):
            if isinstance(node, localedata.Alias):
                return _cldr_value(chain, tuple(node.keys) + path[i:])
            if not isinstance(node, dict) or key not in node:
                break
            node = node[key]
        else:
            if isinstance(node, localedata.Alias):
                return _cldr_value(chain, tuple(node.keys))
            return node
    return None


def _names(chain: tuple[str, ...], kind: str, indexes: Iterable[int]) -> dict[int, list[str]]:
    """index -> spellings of month/day names: format and stand-alone, wide and
    abbreviated, each also without its abbreviation dot."""
    out: dict[int, list[str]] = {}
    for idx in indexes:
        spellings: list[str] = []
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                name = _cldr_value(chain, (kind, context, width, idx))
                if not isinstance(name, str) or not name.strip():
                    continue
                name = name.strip()
                # "Jan" is also printed "Jan." (and "déc." as "déc"): both ways for abbreviations.
                dotted = (name.rstrip(".") + ".",) if width == "abbreviated" else ()
                for variant in (name, name.rstrip("."), *dotted):
                    if variant and variant not in spellings:
                        spellings.append(variant)
        out[idx] = spellings
    return out


# --------------------------------------------------------------------------
# Small regex helpers


def _literal(text: str) -> str:
    """Escape text, letting its inner whitespace be any space-like run."""
    return _REQ_WS.join(re.escape(chunk) for chunk in text.split())


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so "December" wins over "Dec" and "mins" over "m".
    unique = {w for w in words if w}
    return "|".join(_literal(w) for w in sorted(unique, key=lambda w: (-len(w), w)))


def _first_char_guard(words: Iterable[str]) -> str:
    """A lookahead for the first characters of `words`, put in front of their alternation.

    It accepts nothing the alternation would not (each word starts with one of these characters,
    matched under the same flags), but a date regex is tried at every character of a line that a
    phrase like "{show}{date}" splits: without it, each of ~80 month and weekday spellings is tried
    at every character, one case-insensitive literal at a time."""
    chunks = [w.split() for w in words if w]  # as _literal splits them: inner spaces become \s runs
    if not chunks or not all(chunks):
        return ""  # a blank spelling would match the empty string: nothing to guard
    firsts = sorted({chunk[0][0] for chunk in chunks})
    if any(ord(c) > 0xFFFF for c in firsts):
        # A case-insensitive class of two or more characters can miss a non-BMP letter that the same
        # literal matches (CPython 3.11: re.match("[\U0001E900a]", "\U0001E900", re.I) is None; Adlam
        # month names): no guard there.
        return ""
    return f"(?=[{''.join(re.escape(c) for c in firsts)}])"


# --------------------------------------------------------------------------
# Dates


class _DateSpec(NamedTuple):
    source: str
    parsers: tuple[re.Pattern[str], ...]
    # Capture-group name -> month number, e.g. "mon12" -> 12.
    month_groups: dict[str, int]


def _fields(pattern: str) -> list[tuple[str, tuple[str, int]]]:
    return [(kind, value) for kind, value in tokenize_pattern(pattern) if kind == "field"]


def _date_pattern_source(
    pattern: str,
    months: dict[int, list[str]],
    weekdays: str,
    era: str,
    group: _Group,
    day_suffix: str = "",
) -> str | None:
    """Regex for one CLDR date pattern, or None when it has fields we skip
    (narrow or numeric names, times; two-digit years outside all-numeric patterns)."""
    pieces: list[tuple[str, str]] = []  # (kind, source): kind in num/name/lit/ws
    for kind, value in tokenize_pattern(pattern):
        if kind == "chars":
            for chunk in re.split(r"(\s+)", value):
                if not chunk:
                    continue
                pieces.append(("ws", "") if chunk.isspace() else ("lit", re.escape(chunk)))
            continue
        char, count = value
        if char in ("y", "u"):
            if count == 2:
                # "12/7/24": only in all-numeric patterns, where two digits cannot be part of a name.
                if any(c in ("M", "L") and n >= 3 for k, (c, n) in _fields(pattern)):
                    return None
                pieces.append(("num", group("y", _SHORT_YEAR)))
            else:
                pieces.append(("num", group("y", _YEAR)))
        elif char == "d":
            pieces.append(("num", group("d", _DAY) + day_suffix))
        elif char in ("M", "L") and count <= 2:
            pieces.append(("num", group("m", _MONTH_NUM)))
        elif char in ("M", "L") and count in (3, 4):
            # Accept every month spelling for MMM and MMMM alike: pages mix them.
            if group is _capture:
                alts = "|".join(
                    f"(?P<mon{m}>{_alternation(spellings)})" for m, spellings in months.items() if spellings
                )
            else:
                alts = _alternation(s for spellings in months.values() for s in spellings)
            guard = _first_char_guard(s for spellings in months.values() for s in spellings)
            pieces.append(("name", f"{guard}(?:{alts})"))
        elif (char == "E" and count <= 4 or char in "ce" and 3 <= count <= 4) and weekdays:
            pieces.append(("name", f"{weekdays}"))  # accepted, ignored (already guarded and grouped)
        elif char == "G" and era:
            pieces.append(("name", f"(?:{era})"))  # Thai "d MMMM G y": always AD here
        else:
            return None
    # Whitespace at either end of a pattern is noise.
    while pieces and pieces[0][0] == "ws":
        pieces.pop(0)
    while pieces and pieces[-1][0] == "ws":
        pieces.pop()
    if not any(kind == "num" for kind, _ in pieces):
        return None
    # The comma between two numbers ("Mar 14, 2025") is often left out ("Mar 14 2025"): a comma or
    # whitespace, never nothing, so the digits cannot run together.
    for i in range(len(pieces) - 3, 0, -1):
        if pieces[i - 1][0] == "num" and pieces[i] == ("lit", ",") and pieces[i + 1][0] == "ws" and pieces[i + 2][0] == "num":
            pieces[i : i + 2] = [("sep", r"(?:,\s{0,2}|\s{1,2})")]

    def render(i: int) -> str:
        kind, src = pieces[i]
        if kind != "ws":
            return src
        # Whitespace between two numbers must stay, or digits would run
        # together; next to names or punctuation pages sometimes drop it.
        return _REQ_WS if pieces[i - 1][0] == pieces[i + 1][0] == "num" else _OPT_WS

    # Trailing literals ("г.", "일", "日") are often dropped by pages: optional.
    last_field = max(i for i, (kind, _) in enumerate(pieces) if kind in ("num", "name"))
    head = "".join(render(i) for i in range(last_field + 1))
    tail = "".join(render(i) for i in range(last_field + 1, len(pieces)))
    return head + (f"(?:{tail})?" if tail else "")


@functools.lru_cache(maxsize=256)
@_releasing_babel_data
def _date_spec(key: str | None) -> _DateSpec:
    loc = Locale.parse(key or "en")
    chain = _chain(str(loc))
    months = _names(chain, "months", range(1, 13))
    for month, extra in _EXTRA_MONTH_SPELLINGS.get(loc.language, {}).items():
        months[month] += [v for word in extra for v in (word, word + ".") if v not in months[month]]
    day_suffix = _DAY_SUFFIX.get(loc.language, "")
    days = _names(chain, "days", range(7))
    day_names = [s for spellings in days.values() for s in spellings]
    weekdays = f"{_first_char_guard(day_names)}(?:{_alternation(day_names)})" if any(day_names) else ""
    # Only the common era: years are four digits and pages show current dates.
    era = _alternation(
        name.strip()
        for width in ("wide", "abbreviated", "narrow")
        if isinstance(name := _cldr_value(chain, ("eras", width, 1)), str)
    )
    patterns = [fmt.pattern for fmt in loc.date_formats.values()]
    skeletons = loc.datetime_skeletons
    patterns += [skeletons[s].pattern for s in _DATE_SKELETONS if s in skeletons]
    # English sites print day-first dates too ("15th May 2024"): take the named-month patterns of a
    # day-first variant, never its numeric ones (7/12 means July 12 on an en page).
    if loc.language == "en" and not loc.territory:
        gb = Locale.parse("en_GB")
        named = [f.pattern for f in gb.date_formats.values()] + [
            gb.datetime_skeletons[s].pattern for s in _DATE_SKELETONS if s in gb.datetime_skeletons
        ]
        patterns += [pat for pat in named if any(c in "ML" and n >= 3 for _, (c, n) in _fields(pat))]

    sources: list[str] = []
    parsers: list[re.Pattern[str]] = []
    for pattern in patterns:
        src = _date_pattern_source(pattern, months, weekdays, era, _plain, day_suffix)
        if src is None or src in sources:
            continue
        cap = _date_pattern_source(pattern, months, weekdays, era, _capture, day_suffix)
        assert cap is not None
        sources.append(src)
        parsers.append(re.compile(cap, re.IGNORECASE))
    # ISO is always accepted.
    sources.append(_iso_date_source(_plain))
    parsers.append(re.compile(_iso_date_source(_capture)))
    month_groups = {f"mon{m}": m for m in months}
    return _DateSpec("(?:" + "|".join(sources) + ")", tuple(parsers), month_groups)


def _iso_date_source(group: _Group) -> str:
    return group("y", _YEAR) + "-" + group("m", _ISO_MONTH) + "-" + group("d", _ISO_DAY)


def date_regex(locale: str | None) -> str:
    """Regex source (non-capturing) for one date in the locale's CLDR formats
    or ISO YYYY-MM-DD.  None or unknown locale -> English + ISO."""
    return _date_spec(_locale_key(locale)).source


def parse_date(text: str, locale: str | None) -> datetime.date | None:
    """Parse exactly one date as matched by date_regex(locale); weekday names
    are ignored; impossible dates (Feb 30) -> None."""
    spec = _date_spec(_locale_key(locale))
    text = text.strip()
    for parser in spec.parsers:
        match = parser.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        month_text = groups.get("m")
        month = int(month_text) if month_text else None
        if month is None:
            month = next((spec.month_groups[g] for g in spec.month_groups if groups.get(g)), None)
        if month is None:
            continue
        year = int(groups["y"])
        if len(groups["y"]) == 2:
            year += 2000 if year < _SHORT_YEAR_PIVOT else 1900
        try:
            return datetime.date(year, month, int(groups["d"]))
        except ValueError:  # Feb 30; another pattern may still read it validly
            continue
    return None


# --------------------------------------------------------------------------
# Durations


class _DurationSpec(NamedTuple):
    source: str
    parser: re.Pattern[str]


def _unit_words(loc: Locale) -> dict[str, tuple[list[str], list[str]]]:
    """unit ('h'/'m'/'s') -> (suffix words, prefix words).

    Words come from every width and plural form of the CLDR duration unit
    patterns ("{0} Std." -> suffix "Std."; Swahili "saa {0}" -> prefix).  A
    word claimed by one unit is never reused for another: CLDR wins over the
    ASCII supplement (Turkish narrow hour is "{0}s").
    """
    owner: dict[str, str] = {}
    words: dict[str, tuple[list[str], list[str]]] = {u: ([], []) for u in _CLDR_UNITS}

    def add(unit: str, word: str, prefix: bool) -> None:
        word = word.strip()
        for variant in (word, word.rstrip(".")):
            if not variant or owner.setdefault(variant.casefold(), unit) != unit:
                continue
            bucket = words[unit][1 if prefix else 0]
            if variant not in bucket:
                bucket.append(variant)

    # Babel exposes unit patterns only through the private _data mapping.
    unit_patterns = loc._data["unit_patterns"]
    for unit, cldr_key in _CLDR_UNITS.items():
        widths = unit_patterns.get(cldr_key) or {}
        for width in ("long", "short", "narrow"):
            for plural, pattern in sorted((widths.get(width) or {}).items()):
                if plural == "per" or "{0}" not in pattern:
                    continue  # "per hour" forms; Arabic dual words without a number
                before, _, after = pattern.partition("{0}")
                if before.strip() and after.strip():
                    continue  # rare circumfix forms
                add(unit, before or after, prefix=bool(before.strip()))
    for unit, ascii_words in _ASCII_UNITS.items():
        for word in ascii_words:
            add(unit, word, prefix=False)
    return words


def _duration_source(units: dict[str, tuple[list[str], list[str]]], group: _Group) -> str:
    def part(unit: str, branch: int) -> str | None:
        # Capture names must be unique across the whole regex, so they carry
        # the branch number and form: "m1" = minutes of branch 1, "m1p" = the
        # same with a prefix word ("dakika 5").  parse_duration reads the
        # unit from the first letter.
        suffixes, prefixes = units[unit]
        forms = []
        if suffixes:
            number = group(f"{unit}{branch}", r"\d{1,3}")
            forms.append(number + _OPT_WS + f"(?:{_alternation(suffixes)})")
        if prefixes:
            number = group(f"{unit}{branch}p", r"\d{1,3}")
            forms.append(f"(?:{_alternation(prefixes)})" + _OPT_WS + number)
        return "(?:" + "|".join(forms) + ")" if forms else None

    def optional(unit: str, branch: int) -> str:
        src = part(unit, branch)
        return f"(?:{_OPT_WS}{src})?" if src else ""

    # Hours, minutes, seconds in that order, any non-empty subset.  Each
    # branch starts with a different unit, so branches never compete for
    # the same text.
    branches = []
    for branch, (first, *rest) in enumerate((("h", "m", "s"), ("m", "s"), ("s",))):
        head = part(first, branch)
        if head:
            branches.append(head + "".join(optional(u, branch) for u in rest))
    clock = [
        group("ch", r"\d{1,2}") + ":" + group("cm", r"[0-5]\d") + ":" + group("cs", r"[0-5]\d"),
        group("km", r"\d{1,3}") + ":" + group("ks", r"[0-5]\d"),
    ]
    return "(?:" + "|".join(clock + branches) + ")"


@functools.lru_cache(maxsize=256)
@_releasing_babel_data
def _duration_spec(key: str | None) -> _DurationSpec:
    units = _unit_words(Locale.parse(key or "en"))
    return _DurationSpec(
        _duration_source(units, _plain),
        re.compile(_duration_source(units, _capture), re.IGNORECASE),
    )


def duration_regex(locale: str | None) -> str:
    """Regex source (non-capturing) for one duration: "4:10:00", "42:10",
    "3h 42m", "3 Std. 42 Min.", "1시간 5분"...  Never matches a bare number."""
    return _duration_spec(_locale_key(locale)).source


def parse_duration(text: str, locale: str | None) -> int | None:
    """One duration (as matched by duration_regex) -> whole seconds."""
    match = _duration_spec(_locale_key(locale)).parser.fullmatch(text.strip())
    if match is None:
        return None
    g = {k: int(v) for k, v in match.groupdict().items() if v is not None}
    if "ch" in g:
        return g["ch"] * 3600 + g["cm"] * 60 + g["cs"]
    if "km" in g:
        return g["km"] * 60 + g["ks"]
    scale = {"h": 3600, "m": 60, "s": 1}
    return sum(value * scale[name[0]] for name, value in g.items())


# --------------------------------------------------------------------------
# Numbers

# Grouping separators accepted in every locale besides the CLDR one: pages
# and scrapers often mix conventions.
_COMMON_GROUP_SEPARATORS = (",", ".", " \u00a0\u202f")


@functools.lru_cache(maxsize=256)
@_releasing_babel_data
def _number_source(key: str | None) -> str:
    loc = Locale.parse(key or "en")
    separators: list[str] = list(_COMMON_GROUP_SEPARATORS)
    # default_numbering_system is missing from older Babel releases.
    for system in dict.fromkeys(("latn", getattr(loc, "default_numbering_system", "latn"))):
        symbols = loc.number_symbols.get(system) or {}
        group_symbol = symbols.get("group", "")
        if group_symbol and not any(group_symbol in s for s in separators):
            separators.append(group_symbol)
    # One separator per alternative: "1,234.567" is not an integer.  \d also
    # matches non-Latin digits (Arabic-Indic etc.), which int() understands.
    classes = [re.escape(sep) if len(sep) == 1 else f"[{re.escape(sep)}]" for sep in separators]
    grouped = [rf"\d{{1,3}}(?:{sep}\d{{3}}){{1,6}}" for sep in classes]
    return "(?:" + "|".join(grouped + [r"\d{1,12}"]) + ")"


def number_regex(locale: str | None) -> str:
    """Regex source (non-capturing) for a non-negative integer: "149",
    "1,234", "1.234", "1 234" (space, NBSP, narrow NBSP or CLDR group)."""
    return _number_source(_locale_key(locale))


@functools.lru_cache(maxsize=256)
def _number_parser(key: str | None) -> re.Pattern[str]:
    return re.compile(_number_source(key))


def parse_number(text: str, locale: str | None) -> int | None:
    """One integer as matched by number_regex ("1 234" -> 1234), else None."""
    text = text.strip()
    if _number_parser(_locale_key(locale)).fullmatch(text) is None:
        return None
    return int("".join(ch for ch in text if ch.isdigit()))
