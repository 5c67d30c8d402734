"""catalog.calendars: Solar Hijri dates as the Gregorian dates they are (checked against published
conversion tables: Nowruz falls on 20 or 21 March)."""

from __future__ import annotations

import datetime

import pytest

from deboiler.catalog.calendars import solar_hijri_to_gregorian


@pytest.mark.parametrize(
    ("solar", "gregorian"),
    [
        ((1398, 6, 5), (2019, 8, 27)),  # 5 Shahrivar 1398, a Tuesday
        ((1392, 11, 8), (2014, 1, 28)),
        ((1403, 1, 1), (2024, 3, 20)),  # Nowruz 1403
        ((1404, 1, 1), (2025, 3, 21)),  # Nowruz 1404
        ((1399, 12, 30), (2021, 3, 20)),  # the last day of a leap year
        ((1403, 12, 30), (2025, 3, 20)),
        ((1357, 11, 22), (1979, 2, 11)),
    ],
)
def test_solar_hijri_dates(solar, gregorian) -> None:
    assert solar_hijri_to_gregorian(*solar) == datetime.date(*gregorian)


@pytest.mark.parametrize("solar", [(1402, 12, 30), (1400, 7, 31), (1400, 13, 1), (1400, 1, 0)])
def test_days_the_calendar_lacks_are_refused(solar) -> None:
    with pytest.raises(ValueError):
        solar_hijri_to_gregorian(*solar)
