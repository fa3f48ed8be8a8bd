"""Issue 15, round eight: dates of other calendars and holidays that name a day (core/prompting/deid_calendars.py),
pinned in general terms. A holiday with its year is a date ("Christmas 2023"), alone it is not; a day of a Hijri
or Persian month, such a month with its year; Japan's era dates and the year of a "年 月 日" date. Every text is
made up."""

from __future__ import annotations

import pytest

from healthviz_desktop.core.prompting.composer import explainer_text
from healthviz_desktop.core.prompting.deidentify import deidentify
from tests.support import deid_reference as REF


@pytest.mark.parametrize("text, date", [
    ("Christmas 2023 was the worst flare yet.", "Christmas 2023"),
    ("since Christmas Eve 2022 the cough", "Christmas Eve 2022"),
    ("Thanksgiving '22 I ended up in urgent care", "Thanksgiving '22"),
    ("Thanksgiving ‘22 I ended up in urgent care", "Thanksgiving ‘22"),  # a left quote typed for the apostrophe
    ("Eid al-Fitr 2024 at my aunt's, ate too much", "Eid al-Fitr 2024"),
    ("Nowruz 1403 dinner, reflux after", "Nowruz 1403"),  # a year of the Persian calendar
    ("since Orthodox Easter 2023 the knee", "Orthodox Easter 2023"),
    ("Lunar New Year 2024 in the hospital", "Lunar New Year 2024"),
    ("Tết 2024 was quiet", "Tết 2024"),
    ("Diwali 2023, migraine from the smoke", "Diwali 2023"),
    ("St. Patrick's Day 2024 parade", "St. Patrick's Day 2024"),
    ("the 4th of July 2023 fireworks set the dog off", "4th of July 2023"),
    ("Ramadan 1445 fasting headaches", "Ramadan 1445"),
])
def test_a_holiday_with_its_year_is_a_date(text: str, date: str) -> None:
    for out in (deidentify(text).text, REF.deidentify(text).text, explainer_text(text)[0]):
        assert date not in out and "[DATE]" in out, out


@pytest.mark.parametrize("text", [
    "after Thanksgiving the sugar was all over the place",
    "Ramadan is hard, fasting 14 hours with the tablets",
    "Christmas Day was fine, no headache",
    "easter egg hunt with the kids, knee sore after",
    "Easter 2000 steps only, the hip",  # a count after it, not a year
])
def test_a_holiday_alone_or_before_a_count_stays(text: str) -> None:
    assert deidentify(text).text == text


@pytest.mark.parametrize("text, date", [
    ("fasting since 14 Ramadan 1445, dizzy", "14 Ramadan 1445"),
    ("appointment on 5 Shawwal 1445 AH", "5 Shawwal 1445 AH"),
    ("the 3rd of Ramadan the migraine", "3rd of Ramadan"),
    ("scan booked for 12 Farvardin 1403", "12 Farvardin 1403"),
    ("since Rajab 1445 the tremor", "Rajab 1445"),
    ("Mehr 1402 was when it started", "Mehr 1402"),
    ("on 3 Tir 1402 the first fit", "3 Tir 1402"),
])
def test_a_day_or_year_of_the_hijri_and_persian_calendars_is_a_date(text: str, date: str) -> None:
    for out in (deidentify(text).text, REF.deidentify(text).text):
        assert date not in out and "[DATE]" in out, out


@pytest.mark.parametrize("text", [
    "the mehr tea again, 2 cups",  # a Persian month word without a day or a year
    "took 2 tir of water",
    "my safar bag for 3 days",
])
def test_a_calendar_month_word_without_a_day_or_year_is_no_date(text: str) -> None:
    assert "[DATE]" not in deidentify(text).text


@pytest.mark.parametrize("text, gone", [
    ("born R6.3.14, checkup next week", "R6.3.14"),
    ("H31.4.1 was when the rash started", "H31.4.1"),
    ("S63/12/1 my mother's surgery", "S63/12/1"),
    ("checkup 令和6年3月14日 at the clinic", "令和6年3月14日"),
    ("平成31年 was the first attack", "平成31年"),
    ("seen 2024年3月14日", "2024"),  # the year the day-and-month rule left behind
])
def test_japanese_era_dates_and_a_kanji_year_are_dates(text: str, gone: str) -> None:
    for out in (deidentify(text).text, REF.deidentify(text).text):
        assert gone not in out and "[DATE]" in out, out


@pytest.mark.parametrize("text", [
    "T3 1.2, T4 14.5, TSH 2.1",  # thyroid results: a letter and numbers, not an era date
    "2024年 was a hard year",  # a year alone
    "H2 blocker 1.5 tabs",
])
def test_results_and_a_year_alone_are_no_era_date(text: str) -> None:
    assert "[DATE]" not in deidentify(text).text
