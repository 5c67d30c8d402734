"""Dates and lengths read off a line in any UI language, glued or not (stages/meta_lines.py)."""

from __future__ import annotations

import datetime

import pytest

from deboiler.stages.meta_lines import read_meta_line, yearless_date


@pytest.mark.parametrize(
    ("line", "published", "seconds"),
    [
        ("Jul 20, 202234 min", "2022-07-20", 34 * 60),  # year and length glued by the dump
        ("APR 29, 202448 MIN", "2024-04-29", 48 * 60),
        ("May 17, 202236 minEp. 76", "2022-05-17", 36 * 60),  # the next label glued to the unit
        ("63 min • 23 mars 2018", "2018-03-23", 63 * 60),  # Swedish
        ("16 min • 1 januari 2024", "2024-01-01", 16 * 60),
        ("August 22, 2024 21 mins", "2024-08-22", 21 * 60),
        ("Mar 14 2025 50 mins 81", "2025-03-14", 50 * 60),
        ("20/04/2021 54 min Temporada 1 Episodio 14", "2021-04-20", 54 * 60),
        ("9 de abril de 2025 · 1 h 2 min", "2025-04-09", 62 * 60),  # Portuguese "de"
        ("18. Februar 2025 · 38 Min.", "2025-02-18", 38 * 60),
        ("4 марта 2025 г. · 54 мин", "2025-03-04", 54 * 60),  # Russian, genitive month
        ("12 जून 2025 · 29 मिनट", "2025-06-12", 29 * 60),  # Hindi: a month name with a combining mark
        ("2024-05-22 33:46", "2024-05-22", 33 * 60 + 46),  # a length of more than 24 minutes after a date
        ("2023-11-25 1:28:43", "2023-11-25", 5323),
        ("1 Huhti 20238min", "2023-04-01", 8 * 60),  # Finnish, a month cut to its first letters
        ("29 Syys 20231h", "2023-09-29", 3600),
        ("22. 3. 2019", "2019-03-22", None),  # Czech, day first
        ("17/3/2026", "2026-03-17", None),
        ("7/15/2022", "2022-07-15", None),  # US order, the only reading where the day is over twelve
        ("Dec 5 | 2014", "2014-12-05", None),  # a theme's bar between the day and the year
        ("7/5/2022", "2022-05-07", None),  # either order: day first, as before
        ("23-04-2021", "2021-04-23", None),  # Dutch and Danish short dates, day first, with dashes
        ("Published 11/25/24", "2024-11-25", None),  # US order with a two-digit year
        ("from 2018-05-11T18:50:34", "2018-05-11", None),  # the time of an ISO stamp is no length
        ("28.01.2024 13:31", "2024-01-28", None),  # a time of day after a date is no length
        ("Published: 28.01.2024 13:31", "2024-01-28", None),  # nor after a label's colon
        ("Published: September 13, 2019 at 2:26 pm", "2019-09-13", None),
        ("22.12.2024 09:30 Uhr NDR Info", "2024-12-22", None),  # the air time is no length
        ("00:06:376.1 MB", None, 397),  # the file's size run into the seconds
        ("45min", None, 2700),  # a short unit runs into its number
        ("24.09.2016 13:09:00", "2016-09-24", None),  # a time of day with seconds after the date
        ("45 Minuten", None, 2700),
        ("58:44, 134 MB", None, 58 * 60 + 44),  # the file's size beside the length: no word
        ("October 20, 2022 1:32:13 66.43 MB", "2022-10-20", 5533),
        ("2024年5月22日", "2024-05-22", None),
        ("2026年2⽉12⽇(⽊)", "2026-02-12", None),  # Kangxi radicals printed for 月, 日 and 木
        ("2023年8月5日(土)22:00~22:30", "2023-08-05", None),  # an air time's span is no length
        ("4.097 lượt phát • Ngày 23/11/2025", "2025-11-23", None),  # a counter beside the date: its unit is no word
        ("1,204 plays · 3 Jan 2024", "2024-01-03", None),
        ("11m 51s", None, 11 * 60 + 51),  # "s" after the minutes is seconds
        ("53 Minuten", None, 53 * 60),
        ("29:13", None, 29 * 60 + 13),
        ("19. august 2023 - 1 time og 49 min", "2023-08-19", 109 * 60),  # Danish: hour "og" minutes
        ("Duração: Aprox. 1 h e 13 min.", None, 73 * 60),  # Portuguese "e": CLDR's list word for "and"
        ("1h13", None, 73 * 60),  # the minutes run into the hour
        ("03/02/2014 - 10h50", "2014-02-03", None),  # a clock as Portuguese pages write it, after the date
        ("Jan 3, 2020 1h13", "2020-01-03", 73 * 60),  # after a date, an hour and some minutes are still a length
        ("Duração: ~16m32", None, 16 * 60 + 32),  # the seconds run into the minutes
        ("سه‌شنبه 05 شهریور 1398", "2019-08-27", None),  # a Solar Hijri date (Persian sites), as its Gregorian date
        ("۰۸ بهمن ۱۳۹۲", "2014-01-28", None),  # in Persian digits
        ("• 2019年6月18日(火) 17時06分 農ガール♪", "2019-06-18", None),  # a time of day: its hour before the minutes
        ("21. studenog 2017. 11:00", "2017-11-21", None),  # a month name cut one letter short (studenoga)
        ("2018. november. 2.", "2018-11-02", None),  # Hungarian: year, month, day
        ("2025 m. balandžio 02 d.", "2025-04-02", None),  # Lithuanian: the year's "m." after it
        ("2025년 4월 2일", "2025-04-02", None),  # Korean
        ("2016.05.19", "2016-05-19", None),  # year first in digits, opening the line
        ("2020/2/18 45:12", "2020-02-18", 45 * 60 + 12),
        ("📅 2023.4.26", "2023-04-26", None),  # after a glyph
        ("12. listopada 2023.", "2023-10-12", None),  # Croatian October: the year's dot after it
        ("12 listopada 2023", "2023-11-12", None),  # Polish November
        ("1 Jam, 8 Menit", None, 68 * 60),  # Indonesian: a comma between the hour and the minutes
        ("1 hour, 8 minutes", None, 68 * 60),
        ("24 mins 51 secs", None, 24 * 60 + 51),
        ("4′41″", None, 4 * 60 + 41),  # prime marks after the minutes and the seconds
        ("2024-03-05 · 12′05″", "2024-03-05", 12 * 60 + 5),
        ("Season 1Episode 152Jul 10, 2020", "2020-07-10", None),  # the month run into the episode's number
        ("16 mrt. '22", "2022-03-16", None),  # the year cut to two digits behind an apostrophe
        ("10-Jun-25 17:00", "2025-06-10", None),  # or between dashes; the time of day after it is no length
        ("2022-01-24 09:13:21Z", "2022-01-24", None),  # a UTC time of day, no nine-hour length
        ("3 May ’99", "1999-05-03", None),
        ("2'7\"", None, 2 * 60 + 7),  # apostrophe and quote for the primes, as a broadcaster's page prints them
        ("10’41”", None, 10 * 60 + 41),
        ("日期:103年04月18日(五)", "2014-04-18", None),  # a Minguo year, as Taiwanese pages date: 103 is 2014
        ("Published on Monday, 27th October 2025", "2025-10-27", None),  # the date's weekday is no word of a title
        ("Episode released: 23rd June, 2020.", "2020-06-23", None),  # nor is the line's full stop
    ],
)
def test_dates_and_lengths(line: str, published: str | None, seconds: int | None) -> None:
    meta = read_meta_line(line)
    assert meta is not None, line
    assert meta.published == (datetime.date.fromisoformat(published) if published else None), line
    assert meta.duration == seconds, line


def test_a_name_run_into_the_months_name_is_kept_apart() -> None:
    for line, name in [("All Indians MatterJanuary 14, 2022", "All Indians Matter"), ("PolitikenApr 18, 2023", "Politiken")]:
        meta = read_meta_line(line)
        assert meta is not None and meta.glued_name == name and meta.published is not None


def test_a_name_run_into_the_date_is_kept_apart() -> None:
    meta = read_meta_line("Politiken18 Apr 2023")
    assert meta is not None and meta.glued_name == "Politiken" and meta.published == datetime.date(2023, 4, 18)
    # A show's name in quotes before its date, run into it or not ("«SHOW»25 января 2026"); words
    # around a quote are a sentence's, no name.
    for line, name in [
        ("«Что мы знаем»25 января 2026", "«Что мы знаем»"),
        ("«Что мы знаем» 25 января 2026", "«Что мы знаем»"),
        ("“Morning Edition” 3 May 2024", "“Morning Edition”"),
    ]:
        meta = read_meta_line(line)
        assert meta is not None and meta.glued_name == name and meta.published is not None, line
    assert read_meta_line("He told us “Good morning” 3 May 2024") is None


@pytest.mark.parametrize(
    "line",
    [
        "HJK-HIFK 0-2 | Veikkausliiga 22.9.2021",  # a title with a date in it
        "Episode 105",
        "Dnes",
        "7.15.2022",  # a day over twelve second, between dots: no date in any order a page writes
        "0:00",  # a player's start: no length
        "2:26 pm",  # a time of day
        "09:30 Uhr",  # a time of day in German: an air time
        "7:45 - Why pears last?",  # a chapter list's line
        "120minuten",  # a long unit word run into its number: a name (a football podcast's)
        "Stream m3u",  # a Latin letter runs into the number: a file's type, no three hours
        "Mon 9:00-10:00",  # an air time's span
        "Our guest has written about the 1998 final for twenty years, since May 3, 1999.",  # a sentence
        "Feb 30, 2024",  # no such day
        "10 Things I Learned • 23/11/2025",  # a title beside the date, not a counter
        "Version 2020.1.1.3",  # a version number
        "2020.01.013",  # no day of two digits
        "Live at the Old Barn on Monday 27 October 2025",  # a title beside the date and its weekday
        "We met on 27 October 2025.",  # a sentence, its stop after the date
        "我們在103年前",  # "103 years ago": no month or day after the year
    ],
)
def test_lines_that_are_no_date_or_length_line(line: str) -> None:
    assert read_meta_line(line) is None, line


@pytest.mark.parametrize(
    "line, published",
    [
        ("alex 2022-05-20 1 min read", "2022-05-20"),  # a blog theme's byline with its reading time
        ("1 min Lesezeit", None),
        ("Lesezeit: 3 Min.", None),
        ("Temps de lecture : 4 min", None),
        ("5分で読めます", None),
        ("Oct 16, 2020 · 2 min leitura ·", "2020-10-16"),
    ],
)
def test_a_reading_time_is_no_length(line: str, published: str | None) -> None:
    meta = read_meta_line(line)
    assert meta is None or (meta.duration is None and str(meta.published) == published)


def test_a_length_beside_other_words_is_still_a_length() -> None:
    # "read" must stand right after the length or as its label: "Read by the author" is no reading time.
    assert read_meta_line("45 min · Read by the author").duration == 45 * 60
    assert read_meta_line("Mar 3, 2024 · 1 h 5 min").duration == 65 * 60


def test_a_cjk_sentence_that_mentions_a_date_is_no_date_line() -> None:
    # No space to count its words by: its comma or full stop says it is a sentence.
    assert read_meta_line("2022年7月31日放送の各コーナーでは、こんな話題を紹介します!") is None
    assert read_meta_line("2024年9月12日(木)放送「栗東市」").published.isoformat() == "2024-09-12"


def test_a_verse_range_is_no_length() -> None:
    # "Philippians 1:12-30": chapter 1, verses 12 to 30 (a sermon's reading), not 1 min 12 s.
    assert read_meta_line("Philippians 1:12-30") is None
    assert read_meta_line("John 8:12–30") is None
    assert read_meta_line("Length 1:12").duration == 72


def test_a_year_first_date_in_digits_is_read_only_where_it_opens_the_line() -> None:
    assert read_meta_line("2022/11/27").published == datetime.date(2022, 11, 27)
    # After a label it is a note's own date ("Aired: 2022/11/27" inside the text), not read here.
    assert read_meta_line("2022/11/27", opens_line=False) is None
    assert read_meta_line("News 2022/11/27") is None


@pytest.mark.parametrize("line", ["Thursday, July 11", "11. Juli", "Mardi 3 mars", "Martes, 3 de marzo"])
def test_a_date_without_its_year_is_known_as_one(line: str) -> None:
    assert yearless_date(line)


@pytest.mark.parametrize("line", ["Episode 11", "Top 5", "May 5 Podcast", "Thursday, July 11, 2024 recap"])
def test_a_name_with_a_number_is_no_yearless_date(line: str) -> None:
    assert not yearless_date(line)


def test_a_date_in_a_language_no_lexicon_file_names_is_read_from_cldr() -> None:
    # Breton has no lexicon file; CLDR names its months: "Gouere" is July. "mn" cuts minutes (French).
    line = read_meta_line("53 mn 19 sec 16 Gouere 2025")
    assert line is not None and line.published == datetime.date(2025, 7, 16) and line.duration == 53 * 60 + 19
    # Those languages' months count by their full names only: a short word between a day and a year
    # is no date.
    assert read_meta_line("5 episodes 2024") is None
