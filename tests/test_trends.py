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
