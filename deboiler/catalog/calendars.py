"""Calendars other than the Gregorian that pages print dates in, converted to the Gregorian date.

The Solar Hijri (Persian) calendar of Iranian and Afghan sites ("05 شهریور 1398"): the month names
are data (`solar_hijri_months` in a lexicon file); the arithmetic is the astronomical calendar's
leap-year breaks as the jalaali reference implementation gives them (valid for years -61 to 3177).
"""

from __future__ import annotations

import datetime

# The years where the 33-year leap cycle shifts (jalaali-js, after Kazimierz Borkowski).
_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178)


def _march_day(year: int) -> tuple[int, int]:
    """The Gregorian year the Solar Hijri `year` starts in, and the day of March it starts on."""
    if not _BREAKS[0] <= year < _BREAKS[-1]:
        raise ValueError(f"Solar Hijri year out of range: {year}")
    leap_j = -14
    before = _BREAKS[0]
    for after in _BREAKS[1:]:
        jump = after - before
        if year < after:
            break
        leap_j += jump // 33 * 8 + (jump % 33) // 4
        before = after
    n = year - before
    leap_j += n // 33 * 8 + (n % 33 + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    gregorian = year + 621
    leap_g = gregorian // 4 - (gregorian // 100 + 1) * 3 // 4 - 150
    return gregorian, 20 + leap_j - leap_g


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """1398-06-05 (5 Shahrivar 1398) -> 2019-08-27. Raises ValueError for a day the calendar lacks."""
    if not 1 <= month <= 12 or not 1 <= day <= (31 if month <= 6 else 30):
        raise ValueError(f"no such Solar Hijri date: {year}-{month}-{day}")
    gregorian, march = _march_day(year)
    offset = (month - 1) * 31 - (month // 7) * (month - 7) + day - 1
    date = datetime.date(gregorian, 3, march) + datetime.timedelta(days=offset)
    if month == 12 and day == 30:
        next_gregorian, next_march = _march_day(year + 1)
        if date == datetime.date(next_gregorian, 3, next_march):
            raise ValueError(f"no such Solar Hijri date: {year}-12-30 (not a leap year)")
    return date
