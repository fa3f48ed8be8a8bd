"""Trend aggregations over a real journal file: daily severity, symptom days, medication-overuse flags."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import Dose, Entry, Observation
from healthviz_desktop.core.trends import (
    COMBINED,
    DateRange,
    compute_trends,
    medication_days_by_month,
    severity_by_day,
    symptom_days_by_month,
)

TZ = timezone(timedelta(hours=1))


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal.open(tmp_path / "data")
    yield j
    j.close()


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


def entry(day: date, *obs: tuple[str, int], meds: tuple[str, ...] = (), hour: int = 12) -> Entry:
    return Entry(occurred_at=at(day, hour), observations=[Observation(s, v) for s, v in obs],
                 doses=[Dose(m) for m in meds])


def test_date_range_months() -> None:
    rng = DateRange(date(2026, 11, 20), date(2027, 2, 3))
    assert rng.months() == ["2026-11", "2026-12", "2027-01", "2027-02"]
    assert rng.whole_months() == DateRange(date(2026, 11, 1), date(2027, 2, 28))
    assert DateRange.last_days(30, date(2026, 3, 30)).first == date(2026, 3, 1)


def test_severity_is_daily_maximum_per_symptom(journal: Journal) -> None:
    d = date(2026, 3, 2)
    journal.add_many([entry(d, ("migraine", 4), hour=9), entry(d, ("migraine", 7), ("nausea", 3), hour=18),
                      entry(d + timedelta(days=1), ("migraine", 2)),
                      entry(d, ("My odd symptom", 5)),
                      entry(d + timedelta(days=40), ("migraine", 9))])  # outside the range
    got = severity_by_day(journal, DateRange(d, d + timedelta(days=10)))
    assert got["migraine"] == [(d, 7), (d + timedelta(days=1), 2)]
    assert got["nausea"] == [(d, 3)]
    assert got["My odd symptom"] == [(d, 5)]


def test_late_night_entry_counts_for_the_evening_day(journal: Journal) -> None:
    d = date(2026, 3, 2)
    journal.add(entry(d + timedelta(days=1), ("migraine", 6), hour=1))  # 01:00 belongs to the 2nd
    assert severity_by_day(journal, DateRange(d, d))["migraine"] == [(d, 6)]


def test_symptom_days_count_distinct_days_and_ignore_zero_and_trash(journal: Journal) -> None:
    first = date(2026, 3, 1)
    saved = journal.add_many([entry(first, ("migraine", 5)), entry(first, ("migraine", 6), hour=20),
                              entry(first + timedelta(days=1), ("migraine", 0)),
                              entry(first + timedelta(days=2), ("migraine", 3)),
                              entry(first + timedelta(days=31), ("migraine", 3)),
                              entry(first + timedelta(days=3), ("migraine", 8))])
    journal.delete(saved[-1].id or 0)
    got = symptom_days_by_month(journal, DateRange(date(2026, 3, 15), date(2026, 4, 5)))
    # Whole months are counted even though the range starts mid-March.
    assert got == {"migraine": {"2026-03": 2, "2026-04": 1}}


def test_medication_days_by_class(journal: Journal) -> None:
    first = date(2026, 5, 1)
    journal.add_many([entry(first, meds=("ibuprofen", "paracetamol")),  # one simple-analgesic day
                      entry(first, meds=("sumatriptan",), hour=20),
                      entry(first + timedelta(days=1), meds=("Grandma's tea",))])
    got = medication_days_by_month(journal, DateRange(first, first + timedelta(days=5)))
    assert got == {"simple_analgesic": {"2026-05": 1}, "triptan": {"2026-05": 1}, "unclassified": {"2026-05": 1}}


def test_overuse_flag_thresholds_from_ichd3(journal: Journal) -> None:
    june, july = date(2026, 6, 1), date(2026, 7, 1)
    entries = [entry(june + timedelta(days=i), ("migraine", 5), meds=("sumatriptan",)) for i in range(10)]
    entries += [entry(june + timedelta(days=i), meds=("ibuprofen",), hour=20) for i in range(14)]
    entries += [entry(july + timedelta(days=i), meds=("ibuprofen",)) for i in range(15)]
    entries += [entry(july + timedelta(days=i), meds=("rizatriptan",), hour=20) for i in range(9)]
    journal.add_many(entries)
    t = compute_trends(journal, DateRange(june, date(2026, 7, 31)))
    flags = {(f.month, f.drug_class): f.days for f in t.flags}
    # Triptans: 10 days flags; simple analgesics: 14 days does not, 15 does; 9 triptan days does not.
    assert flags == {("2026-06", "triptan"): 10, ("2026-07", "simple_analgesic"): 15}
    assert all("not a diagnosis" in f.describe() for f in t.flags)
    assert t.months == ["2026-06", "2026-07"]


def test_several_classes_together_flag(journal: Journal) -> None:
    aug = date(2026, 8, 1)
    entries = [entry(aug + timedelta(days=i), meds=("sumatriptan",)) for i in range(6)]
    entries += [entry(aug + timedelta(days=6 + i), meds=("codeine",)) for i in range(5)]
    journal.add_many(entries)
    t = compute_trends(journal, DateRange(aug, date(2026, 8, 31)))
    assert [(f.drug_class, f.days, f.threshold) for f in t.flags] == [(COMBINED, 11, 10)]


# ICHD-3 8.2 boundaries, each side of each one. A day is a journal day with at least one dose of the class.
WATCHED = [("simple_analgesic", "ibuprofen", 15), ("triptan", "sumatriptan", 10), ("ergot", "ergotamine", 10),
           ("opioid", "codeine", 10), ("combination_analgesic", "co_codamol", 10)]


def _flags(journal: Journal, month: date) -> list[tuple[str, int, int]]:
    t = compute_trends(journal, DateRange(month, month + timedelta(days=27)))
    return [(f.drug_class, f.days, f.threshold) for f in t.flags]


@pytest.mark.parametrize(("drug_class", "medicine", "threshold"), WATCHED)
def test_each_class_flags_at_its_threshold_and_not_a_day_before(journal: Journal, drug_class: str, medicine: str,
                                                                 threshold: int) -> None:
    march, april = date(2026, 3, 1), date(2026, 4, 1)
    journal.add_many([entry(march + timedelta(days=i), meds=(medicine,)) for i in range(threshold - 1)]
                     + [entry(april + timedelta(days=i), meds=(medicine,)) for i in range(threshold)])
    assert _flags(journal, march) == []
    assert _flags(journal, april) == [(drug_class, threshold, threshold)]


def test_several_classes_flag_at_ten_days_together_and_not_at_nine(journal: Journal) -> None:
    march, april = date(2026, 3, 1), date(2026, 4, 1)
    journal.add_many([entry(march + timedelta(days=i), meds=("sumatriptan",)) for i in range(5)]
                     + [entry(march + timedelta(days=5 + i), meds=("codeine",)) for i in range(4)]
                     + [entry(april + timedelta(days=i), meds=("sumatriptan",)) for i in range(6)]
                     + [entry(april + timedelta(days=6 + i), meds=("codeine",)) for i in range(4)])
    assert _flags(journal, march) == []  # 9 days
    assert _flags(journal, april) == [(COMBINED, 10, 10)]


def test_several_classes_count_days_not_doses(journal: Journal) -> None:
    """Two classes on the same day is one day: 6 + 6 doses over 9 days is 9 days, not 12."""
    may = date(2026, 5, 1)
    journal.add_many([entry(may + timedelta(days=i), meds=("sumatriptan",)) for i in range(6)]
                     + [entry(may + timedelta(days=3 + i), meds=("codeine",), hour=20) for i in range(6)])
    assert _flags(journal, may) == []
    journal.add(entry(may + timedelta(days=20), meds=("ibuprofen",)))  # a third class on a tenth day
    assert _flags(journal, may) == [(COMBINED, 10, 10)]


def test_one_class_alone_or_with_unwatched_medicines_is_not_several_classes(journal: Journal) -> None:
    june = date(2026, 6, 1)
    journal.add_many([entry(june + timedelta(days=i), meds=("ibuprofen",)) for i in range(12)]  # below its 15
                     + [entry(june + timedelta(days=12 + i), meds=("rimegepant",)) for i in range(3)]
                     + [entry(june + timedelta(days=15 + i), meds=("Grandma's tea",)) for i in range(3)])
    assert _flags(journal, june) == []


def test_a_class_over_its_own_threshold_is_not_also_flagged_as_several(journal: Journal) -> None:
    july = date(2026, 7, 1)
    journal.add_many([entry(july + timedelta(days=i), meds=("sumatriptan",)) for i in range(10)]
                     + [entry(july + timedelta(days=10 + i), meds=("codeine",)) for i in range(3)])
    assert _flags(journal, july) == [("triptan", 10, 10)]


def test_days_are_counted_in_the_month_of_the_journal_day(journal: Journal) -> None:
    """A dose at 01:00 on the 1st belongs to the last day of the month before (the day the person lived)."""
    aug, sept = date(2026, 8, 1), date(2026, 9, 1)
    journal.add_many([entry(aug + timedelta(days=21 + i), meds=("sumatriptan",)) for i in range(9)]
                     + [entry(sept, meds=("sumatriptan",), hour=1)])
    assert _flags(journal, aug) == [("triptan", 10, 10)]
    assert _flags(journal, sept) == []
