"""Tests for deboiler.catalog.formats: CLDR-driven date, duration and number regexes."""

from __future__ import annotations

import datetime
import re

import pytest
from babel import Locale

from deboiler.catalog.formats import (
    babel_locale,
    date_regex,
    duration_regex,
    number_regex,
    parse_date,
    parse_duration,
    parse_number,
)

LOCALES = ["en", "ko", "de", "ru", "ja", "fr", "es", "pt", "zh-Hans", "pl", "tr", None]
DEC_7 = datetime.date(2024, 12, 7)
NBSP = "\u00a0"
NNBSP = "\u202f"


def fullmatch(source: str, text: str) -> re.Match[str] | None:
    # Callers compile with IGNORECASE; test the sources the same way.
    return re.fullmatch(source, text, re.IGNORECASE)


# --------------------------------------------------------------------------
# babel_locale


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", "en"),
        ("ko", "ko"),
        ("zh-Hans", "zh_Hans"),
        ("pt-BR", "pt_BR"),
        ("pt_BR", "pt_BR"),
        ("EN", "en"),
        ("en-XX", "en"),  # unknown region: fall back to the language
        ("en-US-u-ca-gregory", "en_US"),  # extensions dropped
    ],
)
def test_babel_locale_known(tag: str, expected: str) -> None:
    loc = babel_locale(tag)
    assert loc is not None
    assert str(loc) == expected


@pytest.mark.parametrize("tag", [None, "", "   ", "xx", "qqq", "123", "und", "not a tag!"])
def test_babel_locale_unknown_is_none(tag: str | None) -> None:
    assert babel_locale(tag) is None


# --------------------------------------------------------------------------
# Shape of the regex sources


@pytest.mark.parametrize("locale", LOCALES)
def test_sources_have_no_capturing_groups(locale: str | None) -> None:
    for source in (date_regex(locale), duration_regex(locale), number_regex(locale)):
        assert re.compile(source, re.IGNORECASE).groups == 0
        # Self-contained: safe to concatenate and wrap in a group.
        assert re.compile(f"^(?P<x>{source})$").groups == 1


def test_builders_are_deterministic() -> None:
    assert date_regex("de") == date_regex("de")
    assert duration_regex("ru") == duration_regex("ru")
    assert number_regex("fr") == number_regex("fr")
    assert date_regex(None) == date_regex("en")
    assert date_regex("xx") == date_regex(None)  # unknown locale -> English + ISO


def test_month_names_survive_babel_alias_cache_pollution() -> None:
    # Reading stand-alone months of 'ja' through Babel makes other locales
    # report Japanese stand-alone months (Babel writes resolved aliases into
    # shared data).  Our names are read independently of that cache.
    dict(Locale.parse("ja").months["stand-alone"]["abbreviated"])
    dict(Locale.parse("ja").months["stand-alone"]["wide"])
    source = date_regex("nl")
    assert fullmatch(source, "7 12月 2024") is None
    assert fullmatch(source, "7 december 2024")
    assert parse_date("7 december 2024", "nl") == DEC_7


# --------------------------------------------------------------------------
# Dates

DATE_CASES = [
    ("en", "December 7, 2024"),
    ("en", "Dec 7, 2024"),
    ("en", "Saturday, December 7, 2024"),
    ("en", "Sat, Dec 7, 2024"),
    ("en", "12/7/2024"),
    ("en", "DECEMBER 7, 2024"),
    ("ko", "2024년 12월 7일"),
    ("ko", "2024년 12월 7일 토요일"),
    ("ko", "2024. 12. 7."),
    ("de", "7. Dezember 2024"),
    ("de", "07.12.2024"),
    ("de", "7. Dez. 2024"),
    ("de", "Samstag, 7. Dezember 2024"),
    ("ru", "7 дек. 2024 г."),
    ("ru", f"7 дек. 2024{NNBSP}г."),  # CLDR's own narrow NBSP
    ("ru", "7 декабря 2024 г."),
    ("ru", "7 дек 2024"),  # no abbreviation dot, no trailing "г."
    ("ru", "07.12.2024"),
    ("ja", "2024年12月7日"),
    ("ja", "2024年12月7日土曜日"),
    ("ja", "2024/12/07"),
    ("fr", "7 déc. 2024"),
    ("fr", "7 décembre 2024"),
    ("fr", "samedi 7 décembre 2024"),
    ("fr", "07/12/2024"),
    ("es", "7 dic 2024"),
    ("es", "7 de diciembre de 2024"),
    ("es", "sábado, 7 de diciembre de 2024"),
    ("pt", "7 de dez. de 2024"),
    ("pt", "7 de dezembro de 2024"),
    ("pt", "07/12/2024"),
    ("pt-BR", "7 de dez. de 2024"),
    ("zh-Hans", "2024年12月7日"),
    ("zh-Hans", "2024年12月7日星期六"),
    ("zh-Hans", "2024/12/7"),
    ("pl", "7 grudnia 2024"),
    ("pl", "7 gru 2024"),
    ("pl", "7.12.2024"),
    ("tr", "7 Aralık 2024"),
    ("tr", "7 Ara 2024"),
    ("tr", "7 Aralık 2024 Cumartesi"),
    ("tr", "07.12.2024"),
    (None, "December 7, 2024"),
] + [(locale, "2024-12-07") for locale in LOCALES]


@pytest.mark.parametrize(("locale", "text"), DATE_CASES)
def test_date_matches_and_parses(locale: str | None, text: str) -> None:
    assert fullmatch(date_regex(locale), text), text
    assert parse_date(text, locale) == DEC_7


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("en", "March 1, 2023", datetime.date(2023, 3, 1)),
        ("de", "31. März 2025", datetime.date(2025, 3, 31)),
        ("ru", "5 мая 2024 г.", datetime.date(2024, 5, 5)),
        ("fr", "1 janv. 2025", datetime.date(2025, 1, 1)),
        ("tr", "29 Şubat 2024", datetime.date(2024, 2, 29)),
        ("en", "  Dec 7, 2024  ", DEC_7),  # surrounding whitespace is ignored
    ],
)
def test_date_other_months(locale: str, text: str, expected: datetime.date) -> None:
    assert parse_date(text, locale) == expected


def test_weekday_is_ignored() -> None:
    # 2024-12-07 was a Saturday; the weekday is accepted but not checked.
    assert parse_date("Monday, December 7, 2024", "en") == DEC_7


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "February 30, 2024"),
        ("en", "February 29, 2023"),
        ("de", "31.04.2024"),
        ("ko", "2024-02-30"),
    ],
)
def test_invalid_dates_are_none(locale: str, text: str) -> None:
    assert fullmatch(date_regex(locale), text)  # shaped like a date...
    assert parse_date(text, locale) is None  # ...but not a real one


@pytest.mark.parametrize("text", ["hello 2024", "2024", "December", "December 7", "12/7/245", "Sept. 2024", "7th", ""])
def test_date_rejects_non_dates(text: str) -> None:
    assert fullmatch(date_regex("en"), text) is None
    assert parse_date(text, "en") is None


def test_date_year_is_exactly_four_digits() -> None:
    assert fullmatch(date_regex("en"), "December 7, 20243") is None


# --------------------------------------------------------------------------
# Durations

DURATION_CASES = [
    (None, "4:10:00", 15000),
    ("en", "4:10:00", 15000),
    ("en", "1:05:03", 3903),
    ("en", "42:10", 2530),
    ("en", "3h 42m", 13320),
    ("en", "3h42m", 13320),
    ("en", "45m", 2700),
    ("en", "1h", 3600),
    ("en", "30s", 30),
    ("en", "1h 2m 3s", 3723),
    ("en", "2 hr 5 min", 7500),
    ("en", "1 hour 5 minutes", 3900),
    (None, "3h 42m", 13320),
    (None, "2 hours", 7200),
    ("ru", "3 ч 42 мин", 13320),
    ("ru", "1 час 5 минут", 3900),
    ("ru", "3h 42m", 13320),  # ASCII supplement works everywhere
    ("ko", "1시간 5분", 3900),
    ("ko", "45분", 2700),
    ("ko", "10초", 10),
    ("de", "3 Std. 42 Min.", 13320),
    ("de", "3 Std 42 Min", 13320),
    ("de", "1 Stunde 5 Minuten", 3900),
    ("de", "30 Sek.", 30),
    ("ja", "1 時間 5 分", 3900),
    ("ja", "1時間5分", 3900),
    ("ja", "45 分", 2700),
    ("ja", "30 秒", 30),
    ("fr", f"1{NNBSP}h 5{NBSP}min", 3900),
    ("fr", "2 heures", 7200),
    ("es", "1 h 5 min", 3900),
    ("pt", "1 hora 5 minutos", 3900),
    ("zh-Hans", "1小时5分钟", 3900),
    ("pl", "3 godz. 42 min", 13320),
    ("tr", "1 sa. 5 dk.", 3900),
    ("tr", "10 sn.", 10),
    ("zh", "4\u203241\u2033", 281),  # prime marks: minutes and seconds
    ("ja", "45\u2032", 2700),
    ("en", "12\u203205\u2033", 725),
]


@pytest.mark.parametrize(("locale", "text", "seconds"), DURATION_CASES)
def test_duration_matches_and_parses(locale: str | None, text: str, seconds: int) -> None:
    assert fullmatch(duration_regex(locale), text), text
    assert parse_duration(text, locale) == seconds


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("text", ["2024", "hello", "", " ", "h", "3m 4h", "1:2", "12:60"])
def test_duration_rejects_non_durations(locale: str | None, text: str) -> None:
    assert fullmatch(duration_regex(locale), text) is None
    assert parse_duration(text, locale) is None


# --------------------------------------------------------------------------
# Numbers

NUMBER_CASES = [
    ("en", "149", 149),
    ("en", "1,234", 1234),
    ("en", "1,234,567", 1234567),
    ("de", "1.234", 1234),
    ("fr", f"1{NBSP}234", 1234),
    ("fr", f"1{NNBSP}234", 1234),  # CLDR's French group symbol
    ("ru", f"1{NBSP}234", 1234),
    ("ru", "1 234", 1234),
    (None, "149", 149),
]


@pytest.mark.parametrize(("locale", "text", "value"), NUMBER_CASES)
def test_number_matches_and_parses(locale: str | None, text: str, value: int) -> None:
    assert fullmatch(number_regex(locale), text), text
    assert parse_number(text, locale) == value


@pytest.mark.parametrize("text", ["", "abc", "12,34", "1,234.567", "1,23", "-5", "1 2"])
def test_number_rejects_non_integers(text: str) -> None:
    assert fullmatch(number_regex("en"), text) is None
    assert parse_number(text, "en") is None


# --------------------------------------------------------------------------
# Embedding in bigger patterns


def glued(locale: str) -> str:
    return r"(.+?)(" + date_regex(locale) + r")(" + duration_regex(locale) + r")"


@pytest.mark.parametrize(
    ("locale", "line", "groups"),
    [
        (
            "en",
            "Machine Learning Street TalkDecember 7, 20243h 42m",
            ("Machine Learning Street Talk", "December 7, 2024", "3h 42m"),
        ),
        ("en", "Some ShowDecember 7, 202445m", ("Some Show", "December 7, 2024", "45m")),
        ("en", "Some ShowSat, Dec 7, 20244:10:00", ("Some Show", "Sat, Dec 7, 2024", "4:10:00")),
        ("ru", "Шоу7 дек. 2024 г.3 ч 42 мин", ("Шоу", "7 дек. 2024 г.", "3 ч 42 мин")),
        ("ko", "쇼2024년 12월 7일1시간 5분", ("쇼", "2024년 12월 7일", "1시간 5분")),
        (
            "de",
            "Podcast7. Dezember 20243 Std. 42 Min.",
            ("Podcast", "7. Dezember 2024", "3 Std. 42 Min."),
        ),
    ],
)
def test_glued_line(locale: str, line: str, groups: tuple[str, str, str]) -> None:
    match = re.fullmatch(glued(locale), line, re.IGNORECASE)
    assert match is not None
    assert match.groups() == groups


def test_long_digit_runs_complete() -> None:
    # No timing assertion: just make sure nothing explodes on junk input.
    junk = ("12:3 4" * 1000)[:5000]
    for locale in ("en", "ru", "ja"):
        for source in (date_regex(locale), duration_regex(locale), number_regex(locale)):
            assert fullmatch(source, junk) is None
        assert re.fullmatch(glued(locale), junk, re.IGNORECASE) is None


@pytest.mark.parametrize(
    "locale, text, expected",
    [
        ("en", "Jan. 5, 2024", datetime.date(2024, 1, 5)),  # AP style (Listen Notes)
        ("en", "Sept. 21, 2023", datetime.date(2023, 9, 21)),
        ("en", "Sept 21, 2023", datetime.date(2023, 9, 21)),
        ("en", "December 7th, 2024", datetime.date(2024, 12, 7)),  # ordinal day
        ("en", "Dec 1st, 2024", datetime.date(2024, 12, 1)),
        ("en", "Wednesday, 15th May 2024", datetime.date(2024, 5, 15)),  # day-first, ordinal (Podchaser)
        ("en", "15 May 2024", datetime.date(2024, 5, 15)),
        ("en", "10/23/24", datetime.date(2024, 10, 23)),  # two-digit year (Goodpods): %y pivot
        ("en", "1/2/99", datetime.date(1999, 1, 2)),
        ("de", "07.12.24", datetime.date(2024, 12, 7)),
        ("fr", "7 déc 2024", datetime.date(2024, 12, 7)),  # abbreviation without its dot
        ("en", "Mar 14 2025", datetime.date(2025, 3, 14)),  # the comma left out (Podcast Addict)
        ("en", "March 14  2025", datetime.date(2025, 3, 14)),
    ],
)
def test_dates_pages_print_beyond_cldr(locale: str, text: str, expected: datetime.date) -> None:
    assert fullmatch(date_regex(locale), text)
    assert parse_date(text, locale) == expected


def test_a_left_out_comma_never_lets_day_and_year_run_together() -> None:
    assert not fullmatch(date_regex("en"), "Mar 142025")
    assert not fullmatch(date_regex("en"), "Mar 14 ,2025")


def test_day_first_numeric_dates_stay_month_first_in_english() -> None:
    """Only named-month patterns are borrowed from en_GB: 7/12/2024 stays July 12 on an English page."""
    assert parse_date("7/12/2024", "en") == datetime.date(2024, 7, 12)
