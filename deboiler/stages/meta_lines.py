"""Dates and durations in a line of any UI language, without knowing the language first.

A page of a site deboiler has no template for prints its episode's date and length in its own UI
language, often glued ("Jul 20, 202234 min", "63 min • 23 mars 2018", "Politiken18 Apr 2023").
Month names and duration units of every language the UI lexicon has a file for come from CLDR
(Babel), once per process, so a line is read the same whatever its language.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError, localedata

from deboiler.catalog.calendars import solar_hijri_to_gregorian
from deboiler.catalog.lexicon import lexicon_languages, read_lexicon, reading_time_words
from deboiler.catalog.phrases import has_digit

# Longer forms first, so that "minutes" is tried before "min".
_UNITS = ("hour", "minute", "second")


def _key(word: str) -> str:
    return word.casefold().rstrip(".")


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Month name or abbreviation (case-folded, no final dot) -> month; the first language that
    writes it wins. Sites also cut a long name to its first letters ("Marras" for marraskuu)."""
    names: dict[str, int] = {}
    for lang in lexicon_languages():
        months = Locale.parse(lang).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for month, name in months[context][width].items():
                    key = _key(name)
                    if len(key) >= 3 and not key.isdigit():
                        names.setdefault(key, month)
    for key, month in list(names.items()):
        for n in range(3, len(key)):  # "studenog" for studenoga, as well as "Marras" for marraskuu
            if key[:n].isalpha():
                names.setdefault(key[:n], month)
    return names


OTHER_MONTH_CHARS = 4


@lru_cache(maxsize=1)
def other_month_names() -> dict[str, int]:
    """The months of every other language CLDR knows (no lexicon file names it), by their full names
    only: their short forms and cut names could be any word of the lexicon's languages. Read only
    when a date's month word is none of month_names() (a Breton page's "16 Gouere 2025"): parsing
    some 270 locales costs half a second, which pages in the lexicon's languages never pay."""
    known, names = set(lexicon_languages()), {}
    for lang in sorted({ident.split("_")[0] for ident in localedata.locale_identifiers()} - known):
        try:
            months = Locale.parse(lang).months
        except (ValueError, UnknownLocaleError):
            continue
        for context in ("format", "stand-alone"):
            for month, name in months[context].get("wide", {}).items():
                key = _key(name)
                if len(key) >= OTHER_MONTH_CHARS and not any(ch.isdigit() for ch in key):
                    names.setdefault(key, month)
    return names


def _month_of(word: str) -> int | None:
    key = _key(word)
    return month_names().get(key) or other_month_names().get(key)


@lru_cache(maxsize=2)
def weekday_names(widths: tuple[str, ...] = ("wide", "abbreviated")) -> frozenset[str]:
    """Weekday names and abbreviations (case-folded, no final dot) of every lexicon language."""
    names = set()
    for lang in lexicon_languages():
        days = Locale.parse(lang).days
        for context in ("format", "stand-alone"):
            for width in widths:
                names.update(_key(name) for name in days[context][width].values())
    return frozenset(names)


YEARLESS_DATE_MAX_CHARS = 40
_DATE_PARTS = re.compile(r"[\s,.]+")
_DATE_JOINS = frozenset(["de", "del", "di", "of", "du"])  # "3 de marzo"


def yearless_date(text: str) -> bool:
    """A date printed without its year, maybe after its weekday ("Thursday, July 11", "11. Juli"):
    no name of a show or an episode, and no date to read either."""
    if len(text) > YEARLESS_DATE_MAX_CHARS or has_digit(text) is None:
        return False
    words = [w for w in _DATE_PARTS.split(text.casefold()) if w and w not in _DATE_JOINS and _key(w) not in weekday_names()]
    if len(words) != 2:
        return False
    day, month = (words[0], words[1]) if words[0].isdigit() else (words[1], words[0])
    return day.isdigit() and 1 <= int(day) <= 31 and _key(month) in month_names()


@lru_cache(maxsize=1)
def unit_words() -> dict[str, list[str]]:
    """hour/minute/second -> the words every lexicon language writes after a number (CLDR's long,
    short and narrow forms, plus a file's own `duration_words` for what sites print beyond CLDR)."""
    words: dict[str, set[str]] = {unit: set() for unit in _UNITS}
    for lang in lexicon_languages():
        patterns = Locale.parse(lang)._data["unit_patterns"]
        for unit in _UNITS:
            for length in ("long", "short", "narrow"):
                for pattern in patterns.get(f"duration-{unit}", {}).get(length, {}).values():
                    if isinstance(pattern, str) and "{0}" in pattern:
                        word = pattern.replace("{0}", "").strip()
                        if word and "/" not in word and " " not in word:  # "/h", "per hour"
                            words[unit].add(word.rstrip("."))
    for table in read_lexicon().values():
        for unit, extra in table.get("duration_words", {}).items():
            words[unit].update(extra)
    # A word two units share ("s": Turkish hours, and seconds) reads as neither.
    shared = {w for unit in _UNITS for w in words[unit] if sum(w in words[other] for other in _UNITS) > 1}
    return {unit: sorted(found - shared, key=len, reverse=True) for unit, found in words.items()}


@lru_cache(maxsize=1)
def solar_hijri_months() -> dict[str, int]:
    """Solar Hijri month name (case-folded) -> month, from the lexicon files that list them in order."""
    return {name.casefold(): n for table in read_lexicon().values() for n, name in enumerate(table.get("solar_hijri_months", ()), 1)}


@lru_cache(maxsize=1)
def and_words() -> list[str]:
    """The word every lexicon language puts between the last two items of a list (CLDR's list
    pattern: "and", "e", "und", "и"), which may join an hour to its minutes ("1 h e 13 min")."""
    words = set()
    for lang in lexicon_languages():
        end = Locale.parse(lang).list_patterns["standard"]["end"]
        word = end.replace("{0}", "").replace("{1}", "").strip(" ,،\xa0")
        if word.isalpha():
            words.add(word)
    return sorted(words, key=len, reverse=True)


@dataclass(frozen=True)
class MetaMatch:
    start: int
    end: int
    kind: str  # "date" or "duration"
    value: datetime.date | int  # the date, or the length in seconds


_YEAR = r"(?P<y>(?:19|20)\d\d)"
MINGUO_YEAR_ZERO = 1911  # year 1 of the Minguo calendar Taiwan dates by is 1912
_MONTH_WORD = r"[^\s\d.,/:;·•|()\-]{3,12}"  # letters and the marks of scripts that combine them ("जून")
_OF = r"\s?(?:(?:de|del|di)\s)?"  # "9 de abril de 2025"
# Any word may be a month: it is looked up in month_names() (a regex of every language's month names
# would be tried on every line). The year may run straight into a duration: "Jul 20, 202234 min".
_FULL_YEAR = re.compile(r"(?:19|20)\d\d")
_SHORT_YEAR_FORM = 4  # the index in _DATES of the only form without a four-digit year
_YEAR_FIRST_FORM = -1  # the index in _DATES of the form read only where it opens the line
# A Solar Hijri date of Iranian and Afghan sites, day first ("05 شهریور 1398"), its year 13xx or 14xx
# in Western or Persian digits.
_SOLAR_HIJRI_YEAR = re.compile(r"(?<!\d)[1۱][34۳۴]\d\d(?!\d)")
_SOLAR_HIJRI_DATE = re.compile(rf"(?<![\d.])(?P<jd>[0-3۰-۳]?\d)\s?(?P<jmon>{_MONTH_WORD})\s?(?P<jy>[1۱][34۳۴]\d\d)(?!\d)")
# Forms that open with a digit say so first, `(?=\d)`: re then skips a line's other positions at
# once instead of trying each branch there (the durations' alternation took ~40% less time).
_DATES = (
    rf"(?=\d)(?<!\d){_YEAR}-(?P<m>[01]?\d)-(?P<d2>[0-3]?\d)(?:T[\d:.]+Z?)?(?!\d)",
    rf"(?=\d)(?<![\d.])(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.)?{_OF}(?P<mon>{_MONTH_WORD})\.?{_OF},?\s?{_YEAR}",
    # The month may run into a name or a number before it ("All Indians MatterJanuary 14, 2022",
    # "Season 1Episode 152Jul 10, 2020"); a theme may set the year apart by a bar ("Dec 5 | 2014").
    rf"(?:(?<![\w])|(?-i:(?<=[a-zà-ÿ\d])(?=[A-ZÀ-Þ])))(?P<mon>{_MONTH_WORD})\.?\s?(?P<d>[0-3]?\d)(?:st|nd|rd|th|\.)?\s?[,|]?\s?{_YEAR}",
    r"(?=\d)(?<![\d.])(?P<a>[0-3]?\d)(?P<sep>[./-])\s?(?P<b>[0-3]?\d)(?P=sep)\s?(?P<y>(?:19|20)\d\d)",
    r"(?=\d)(?<!\d)(?P<us_m>[01]?\d)/(?P<us_d>[0-3]?\d)/(?P<us_y>\d\d)(?!\d)",
    # The year cut to two digits behind an apostrophe: "16 mrt. '22" (Dutch aggregators), or between
    # dashes: "10-Jun-25" (a Malaysian radio's episode pages).
    rf"(?=\d)(?<![\d.])(?P<ay_d>[0-3]?\d)(?:(?P<ay_dash>-)|\.?\s)(?P<ay_mon>{_MONTH_WORD})(?(ay_dash)-|\.?\s['’])(?P<ay_y>\d\d)(?!\d)",
    # and Korean "2025년 4월 2일"; Taiwan's Minguo years count from 1912 ("103年04月18日" is 2014)
    rf"(?=\d)(?:{_YEAR}\s?[年년]|(?<!\d)(?P<roc>1[0-4]\d|[4-9]\d)年)\s?(?P<cjk_m>[01]?\d)\s?[月월]\s?(?P<cjk_d>[0-3]?\d)\s?[日일]",
    # Year first, then the month's name and the day: Hungarian "2025. április 2.", Lithuanian
    # "2025 m. balandžio 2 d." (the year's abbreviation after it).
    rf"(?=\d){_YEAR}\.?\s?(?:[^\W\d_]{{1,2}}\.\s?)?(?P<mon>{_MONTH_WORD})\.?\s(?P<d>[0-3]?\d)(?!\d)",
    # Year first in digits ("2025.04.02", "2020/02/18", common on CJK and Korean sites), only where it
    # opens the line: a note's labelled date ("播出日期:2022/11/27") is the creator's text.
    rf"^[^\w]{{0,3}}{_YEAR}(?P<ysep>[./])\s?(?P<ym>[01]?\d)(?P=ysep)\s?(?P<yd>[0-3]?\d)(?!\d|\.\d)",
)
_CJK_FORM = next(i for i, form in enumerate(_DATES) if "cjk_m" in form)  # "2025年4月2日", "103年04月18日"


SHORT_YEAR_PIVOT = 50  # "'22" is 2022, "'99" 1999
TIME_OF_DAY_HOURS = 10  # a clock after a date from this hour on is the time it was published
GLUED_UNIT_CHARS = 4  # "mins", "hrs", "Std."; longer unit words stand apart from their number
_SIZE_AFTER = r"(?=\d{1,4}(?:[.,]\d+)?\s?(?-i:[KMG]i?B)(?![^\W\d_]))"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    def unit(name: str, glued: bool = False) -> str:
        # A one-letter unit is followed by no letter at all ("12MB" is no 12 minutes; "1h" is an hour).
        # Run into the number, only a short form is a unit ("45min", "1h"): "120minuten" is a name.
        words = [w for w in unit_words()[name] if not glued or len(w) <= GLUED_UNIT_CHARS or not w.isascii()]
        long = "|".join(re.escape(w) for w in words if len(w) > 1)
        short = "|".join(re.escape(w) for w in words if len(w) == 1)
        return rf"(?:(?:{long})\.?|(?:{short})(?![^\W\d_]))" if short else rf"(?:{long})\.?"

    def spaced_or_glued(name: str) -> str:
        return rf"(?:\s{unit(name)}|{unit(name, glued=True)})"

    h, m, s = spaced_or_glued("hour"), spaced_or_glued("minute"), spaced_or_glued("second")
    ands = "|".join(re.escape(w) for w in and_words())
    # A unit is not followed by a lowercase letter ("45 minutes" yes, "5 steps" no); an uppercase one
    # may follow it, glued by the dump ("36 minEp. 76").
    end = r"(?!(?-i:[a-z]))"
    durations = (
        # Not where a range goes on from it: a verse's "1:12-30" (Philippians) is no length, nor a UTC
        # time ("2022-01-24 09:13:21Z").
        # A file's size may run into the seconds ("00:06:376.1 MB").
        rf"(?<![\d:])(?P<ch>\d{{1,2}}):(?P<cm>[0-5]\d):(?P<cs>[0-5]\d)(?:{_SIZE_AFTER}|(?![\d:Z]|[-–]\d))",
        rf"(?<![\d:])(?P<km>\d{{1,3}}):(?P<ks>[0-5]\d)(?:{_SIZE_AFTER}|(?![\d:]|[-–]\d))",
        # No Latin letter or digit runs into the number ("m3u", "mp3": a file's name, no three hours).
        # The minutes after the hour, maybe after a comma ("1 Jam, 8 Menit") or joined by "and" ("1 h e
        # 13 min"), or run into it ("1h13").
        rf"(?<![\dA-Za-z])(?P<uh>\d{{1,2}}){h}(?:,?\s?(?:(?:{ands})\s)?(?P<uhm>\d{{1,2}}){m}|(?P<uhg>[0-5]\d)(?![\d:]))?{end}",
        # "s" after the minutes is seconds ("11m 51s"), though alone it is also Turkish hours; the
        # seconds may run into the minutes ("16m32").
        rf"(?<![\dA-Za-z])(?P<um>\d{{1,3}}){m}(?:\s?(?P<ums>\d{{1,2}})(?:{s}|\s?s(?![^\W\d_]))|(?P<umg>[0-5]\d)(?![\d:]))?{end}",
        # Minutes and seconds in primes, as broadcasters print a clip's length ("10'41\"", "2′7″").
        r"(?<![\d'′’])(?P<pm>\d{1,3})['′’](?P<ps>[0-5]?\d)[\"″”](?![\w'′’])",
    )
    return (
        tuple(re.compile(d, re.I) for d in _DATES),
        re.compile("(?=\\d)(?:" + "|".join(f"(?:{d})" for d in durations) + ")", re.I),
    )


def _date_of(g: dict) -> datetime.date | None:
    try:
        if g.get("d2"):
            return datetime.date(int(g["y"]), int(g["m"]), int(g["d2"]))
        if g.get("mon"):
            month = _month_of(g["mon"])
            return datetime.date(int(g["y"]), month, int(g["d"])) if month else None
        if g.get("a"):
            a, b = int(g["a"]), int(g["b"])
            if b > 12 and g["sep"] == "/":
                return datetime.date(int(g["y"]), a, b)  # 7/15/2022: month first, as only a US page writes it
            return datetime.date(int(g["y"]), b, a)  # 22.3.2019, 17/3/2026: day first
        if g.get("ay_mon"):
            month = _month_of(g["ay_mon"])
            year = int(g["ay_y"])
            return datetime.date(year + (2000 if year <= SHORT_YEAR_PIVOT else 1900), month, int(g["ay_d"])) if month else None
        if g.get("us_m"):
            return datetime.date(2000 + int(g["us_y"]), int(g["us_m"]), int(g["us_d"]))  # 11/25/24
        if g.get("ym"):
            return datetime.date(int(g["y"]), int(g["ym"]), int(g["yd"]))
        if g.get("cjk_m"):
            year = int(g["y"]) if g.get("y") else int(g["roc"]) + MINGUO_YEAR_ZERO
            return datetime.date(year, int(g["cjk_m"]), int(g["cjk_d"]))
    except ValueError:  # Feb 30
        return None
    return None


def _seconds_of(g: dict) -> int:
    if g.get("ch"):
        return int(g["ch"]) * 3600 + int(g["cm"]) * 60 + int(g["cs"])
    if g.get("km"):
        return int(g["km"]) * 60 + int(g["ks"])
    if g.get("pm"):
        return int(g["pm"]) * 60 + int(g["ps"])
    if g.get("uh"):
        return int(g["uh"]) * 3600 + int(g.get("uhm") or g.get("uhg") or 0) * 60
    return int(g.get("um") or 0) * 60 + int(g.get("ums") or g.get("umg") or 0)


# "listopad" is November in Polish and Czech, October in Croatian; a Croatian date puts a dot after
# its year ("12. listopada 2023."), a Polish or Czech one does not.
_LISTOPAD = frozenset(["listopad", "listopada"])


# Kangxi radicals a page may print for the ideographs they look like ("2⽉12⽇(⽊)" for 2月12日(木)).
_KANGXI = re.compile("[\u2f00-\u2fd5]")
_KANGXI_TO_HAN = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
# A span of two times of day ("22:00~22:30", "9:00-10:00"): an air time, never a length.
_CLOCK_RANGE = re.compile(r"(?<!\d)\d{1,2}:\d\d\s?[~〜～\-–—]\s?\d{1,2}:\d\d(?!\d)")


def _comparable(text: str) -> str:
    """The line as dates and lengths are read in it, of the same length (positions hold): radicals
    as the ideographs they stand for, an air time's span blanked."""
    if max(text, default="") >= "\u2f00" and _KANGXI.search(text):  # most lines hold no character that high
        text = text.translate(_KANGXI_TO_HAN)
    if ":" in text and _CLOCK_RANGE.search(text):
        text = _CLOCK_RANGE.sub(lambda m: " " * len(m.group()), text)
    return text


def find_meta(text: str) -> list[MetaMatch]:
    """The dates and durations in a line, in order, none overlapping another."""
    return _find_meta(_comparable(text))


def _overlaps(m: re.Match, found: list[MetaMatch]) -> bool:
    return any(f.start < m.end() and m.start() < f.end for f in found)


def _find_meta(text: str, opens_line: bool = True) -> list[MetaMatch]:
    date_res, duration_re = _patterns()
    found: list[MetaMatch] = []
    # Every date form but "11/25/24", "16 mrt. '22" and "10-Jun-25" holds a four-digit year: without one, only those are tried.
    tried = date_res if _FULL_YEAR.search(text) else date_res[_SHORT_YEAR_FORM:] if ("/" in text or "'" in text or "’" in text or "-" in text) else ()
    if "年" in text and not tried:
        tried = (date_res[_CJK_FORM],)  # a Minguo year ("103年04月18日")
    if not opens_line:  # the text is a label's value, not a line of its own
        tried = tried[:_YEAR_FIRST_FORM]
    for date_re in tried:
        at = 0
        while (m := date_re.search(text, at)) is not None:
            at = m.end()
            if _overlaps(m, found):
                continue
            value = _date_of(m.groupdict())
            if value is None and "mon" in date_re.groupindex and m.group("mon"):
                at = m.start() + 1  # a word no month ("PolitikenApr"): the month may start inside it
                continue
            if value is not None and value.month == 11 and text[m.end() : m.end() + 1] == "." and _key(m.groupdict().get("mon") or "") in _LISTOPAD:
                value = value.replace(month=10)  # "12. listopada 2023.": Croatian, the year's dot after it
            if value is not None:
                found.append(MetaMatch(m.start(), m.end(), "date", value))
    if _SOLAR_HIJRI_YEAR.search(text):
        for m in _SOLAR_HIJRI_DATE.finditer(text):
            month = solar_hijri_months().get(_key(m["jmon"]))
            if month and not _overlaps(m, found):
                try:
                    found.append(MetaMatch(m.start(), m.end(), "date", solar_hijri_to_gregorian(int(m["jy"]), month, int(m["jd"]))))
                except ValueError:
                    pass  # no such day
    masked = text
    for f in found:  # a duration may follow a year with no space between ("202234 min")
        masked = masked[: f.start] + " " * (f.end - f.start) + masked[f.end :]
    for m in duration_re.finditer(masked):
        seconds = _seconds_of(m.groupdict())
        if seconds:
            found.append(MetaMatch(m.start(), m.end(), "duration", seconds))
    return sorted(found, key=lambda f: f.start)


_GLUE = re.compile(r"[\s•·|,;:/()\[\]–—-]+")
_GLUED_HOUR = re.compile(r"\d{1,2}h[0-5]\d", re.I)
# After a clock, a time of day: "pm", German "Uhr" ("09:30 Uhr NDR Info": an air time, no length).
_TIME_OF_DAY = re.compile(r"\s?(?:[ap]\.?m\.?|uhr)(?!\w)", re.I)

# Every date or length has one of these: a year, d/m, a clock, a number with a unit or month after it
# (a word, or the prime marks of "4′41″").
_HINT = re.compile(r"(?:19|20)\d\d|\d[./]\s?\d|\d:\d\d|\d\s?[^\W\d_]|\d[′″]|\d['’]\d|年")
_COUNTER = re.compile(r"(?:^|(?<=[•·|]))\s*\d[\d.,\u00a0]*\s+[^\W\d_]+(?:\s[^\W\d_]+)?\s*(?=[•·|])")
_FILE_SIZE = re.compile(r"(?<!\w)\d+(?:[.,]\d+)?\s?(?:[KMG]i?B|[KMG]o)(?!\w)")
_CHAPTER_TITLE = re.compile(r"\s?[-–—]\s+[^\W\d_]")  # a dash and a word after a line's opening time
META_MAX_CHARS = 80
META_MAX_WORDS = 4  # beside a length: "20/04/2021 54 min Temporada 1 Episodio 14"
META_MAX_WORDS_DATE_ONLY = 2  # "Published on 5th Oct 2021"; "HJK-HIFK 0-2 | Liiga 22.9.2021" is a title


@lru_cache(maxsize=1)
def _reading_words() -> tuple[re.Pattern, re.Pattern]:
    """A reading-time word right after a length ("5 min read", "4 min de lecture"), and one as the
    length's label before it ("Reading time: 5 min")."""
    words = "|".join(re.escape(w) for w in sorted(set(reading_time_words()), key=len, reverse=True))
    return re.compile(rf"\s*(?:{words})(?!\w)", re.I), re.compile(rf"(?<!\w)(?:{words})\s*[:：]?\s*$", re.I)


def _reading_time(text: str, length: MetaMatch) -> bool:
    after, label = _reading_words()
    return after.match(text, length.end) is not None or label.search(text, 0, length.start) is not None


@dataclass(frozen=True)
class MetaLine:
    published: datetime.date | None
    duration: int | None
    glued_name: str | None = None  # "Politiken" of "Politiken18 Apr 2023": a name run into the date
    words: int = 0  # words beside the date and length ("Published", "from")


_QUOTED_NAME = re.compile(r"«[^«»]{1,60}»|“[^“”]{1,60}”|„[^„“]{1,60}“|\"[^\"]{1,60}\"")


def _weekday_before(head: str, first: MetaMatch) -> bool:
    """Whether the words before the line's first date end in a weekday's full name ("Monday, ")."""
    before = [w for w in _GLUE.split(head) if w]
    return bool(before) and first.kind == "date" and _key(before[-1]) in weekday_names(("wide",))


def read_meta_line(text: str, opens_line: bool = True) -> MetaLine | None:
    """The line read as an episode's date and/or length line, or None when it is something else
    (a sentence that mentions a date, a title with a score in it). `opens_line` False: the text is
    what follows a label in a line, where a year-first date in digits is not read."""
    if len(text) > META_MAX_CHARS or not _HINT.search(text):
        return None  # a date printed with radicals holds its year all the same
    if "、" in text or "。" in text:
        return None  # a CJK sentence that mentions a date (its words hold no space to count them by)
    text = _comparable(text)
    found = _find_meta(text, opens_line)
    if not found:
        return None
    rest, at = [], 0
    for f in found:
        rest.append(text[at : f.start])
        at = f.end
    rest.append(text[at:] if text[at:].strip() != "." else "")  # the line's full stop after the date is no word
    head = rest[0]
    glued = None
    if found[0].kind == "date" and (head[-1:].isalpha() or _QUOTED_NAME.fullmatch(head.strip())):
        # letters straight against the date's first digit, or a name in quotes before it ("«SHOW»25 января 2026")
        glued = head.strip()
        rest[0] = ""
    # A counter beside the date ("4.097 lượt phát • Ngày 23/11/2025", "1,204 plays · 3 Jan 2024") or
    # the file's size beside the length ("58:44, 134 MB"): its number and unit are no words of a title.
    rest = [_FILE_SIZE.sub(" ", _COUNTER.sub(" ", part)) for part in rest]
    leftover = [w for w in _GLUE.split(" ".join(rest)) if w and not w.isdigit()]
    durations = [f for f in found if f.kind == "duration"]
    limit = META_MAX_WORDS if durations else META_MAX_WORDS_DATE_ONLY
    # The date's weekday right before it is no word of a title ("Published on Monday, 27th October 2025").
    if len(leftover) > limit and len(leftover) - _weekday_before(rest[0], found[0]) > limit:
        return None
    dates = [f for f in found if f.kind == "date"]
    if not dates and found[0].start == 0 and ":" in text[: found[0].end] and _CHAPTER_TITLE.match(text, found[0].end):
        return None  # "7:45 - Чем должен заниматься FrontOps?": a chapter list's line, no length
    duration = None
    for f in durations:
        # "10h50": the way Portuguese and French pages write a clock ("03/02/2014 - 10h50").
        clock = ":" in text[f.start : f.end] or _GLUED_HOUR.fullmatch(text, f.start, f.end) is not None
        # A time of day after a date ("28.01.2024 13:31", "Published: May 3, 2019 at 2:26") or before
        # "pm" is no length; "33:46" or "1:28:43" is.
        # With seconds too, a time of day where its hour is ten or more ("24.09.2016 13:09:00"): no
        # episode runs that long; "October 20, 2022 1:32:13" is a length.
        after_date = dates and f.start > dates[0].start and (
            (text.count(":", dates[0].start) == 1 and f.value < 24 * 60) or (clock and TIME_OF_DAY_HOURS * 3600 <= f.value < 24 * 3600)
        )
        if clock and (after_date or _TIME_OF_DAY.match(text, f.end)):
            continue
        if not clock and f.start >= 2 and text[f.start - 1] in "時点點" and text[f.start - 2].isdigit():
            continue  # the minutes of a time of day ("17時06分"), the hour before them
        if not clock and _reading_time(text, f):
            continue  # "1 min read", "Lesezeit: 3 Min.": how long the post takes to read
        duration = f.value
        break
    published = dates[0].value if dates else None
    if published is None and duration is None:
        return None
    return MetaLine(published, duration, glued, len(leftover))  # type: ignore[arg-type]
