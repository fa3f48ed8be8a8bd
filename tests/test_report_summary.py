"""The report's numbers (core/report/summary.py) over real journal files: the Trends view's own numbers,
the previous period, medications and relief, the calendar, triggers past the minimum, notes on request."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import Dose, Entry, Observation
from healthviz_desktop.core.report.summary import (
    MIN_PATTERN_DAYS,
    EmptyPeriod,
    build_summary,
    parse_range,
    previous_period,
)
from healthviz_desktop.core.trends import DateRange, compute_trends
from tests.conftest import TZ, sample_entry
from tests.support.report_journals import END, demo_journal, two_years_twelve_medications


def entry(day: date, *obs: tuple[str, int], meds: tuple[str, ...] = (), hour: int = 12, **fields: object) -> Entry:
    from datetime import datetime

    return Entry(occurred_at=datetime(day.year, day.month, day.day, hour, tzinfo=TZ),
                 observations=[Observation(s, v, duration_minutes=fields.pop("minutes", None))  # type: ignore[arg-type]
                               for s, v in obs],
                 doses=[Dose(m, relief=fields.pop("relief", None)) for m in meds], **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("days", [30, 90, 365])
def test_the_numbers_are_the_trends_views_for_the_same_period(journal: Journal, days: int) -> None:
    two_years_twelve_medications(journal)
    period = DateRange.last_days(days, END)
    summary = build_summary(journal, period, today=END)
    trends = compute_trends(journal, period)
    assert summary.trends == trends
    assert summary.flags == trends.flags
    for sym in summary.symptoms:
        assert sym.by_month == trends.symptom_days.get(sym.key, {})
        felt = [v for _d, v in trends.severity[sym.key] if v >= 1]
        assert sym.days == len(felt)
        assert sym.highest == (max(felt) if felt else None)
    assert summary.months == trends.months


def test_previous_period_is_the_same_length_just_before() -> None:
    period = DateRange(date(2026, 8, 1), date(2026, 10, 29))
    prev = previous_period(period)
    assert prev.last == date(2026, 7, 31)
    assert (prev.last - prev.first) == (period.last - period.first)


def test_days_severity_and_duration_against_the_previous_period(journal: Journal) -> None:
    period = DateRange(date(2026, 3, 11), date(2026, 3, 20))  # 10 days; the previous are 1-10 March
    journal.add_many([
        entry(date(2026, 3, 2), ("migraine", 6), minutes=60),
        entry(date(2026, 3, 12), ("migraine", 4), minutes=120),
        entry(date(2026, 3, 12), ("migraine", 8), hour=20, minutes=240),  # same day: the highest counts
        entry(date(2026, 3, 15), ("migraine", 3), minutes=30),
        entry(date(2026, 3, 16), ("migraine", 0)),  # recorded, not felt
        entry(date(2026, 3, 25), ("migraine", 9)),  # after the period
    ])
    summary = build_summary(journal, period, today=date(2026, 3, 20))
    (migraine,) = summary.symptoms
    assert (migraine.days, migraine.previous_days) == (2, 1)
    assert migraine.change == pytest.approx(1.0)
    assert migraine.mean_severity == 5.5  # days' highest: 8 and 3
    assert migraine.highest == 8
    assert (migraine.timed, migraine.total_minutes, migraine.median_minutes) == (3, 390, 120.0)
    assert summary.entries == 4 and summary.recorded_days == 3


def test_medications_relief_and_acute_days(journal: Journal) -> None:
    d = date(2026, 5, 4)
    journal.add_many([
        entry(d, ("migraine", 7), meds=("sumatriptan",), relief="good"),
        entry(d + timedelta(days=1), ("migraine", 6), meds=("sumatriptan",), relief="none"),
        entry(d + timedelta(days=1), meds=("ibuprofen",), hour=20),
        entry(d, meds=("propranolol",), hour=8), entry(d + timedelta(days=2), meds=("propranolol",), hour=8),
        entry(d + timedelta(days=2), meds=("Ginger Tea",), hour=9),
        entry(d + timedelta(days=3), meds=("ginger tea",), hour=9),  # the same drink, another spelling
    ])
    s = build_summary(journal, DateRange(d, d + timedelta(days=3)), today=d + timedelta(days=3))
    meds = {m.label: m for m in s.medications}
    assert meds["Sumatriptan"].relief == {"good": 1, "none": 1}
    assert meds["Sumatriptan"].acute is True and meds["Sumatriptan"].days == 2
    assert meds["Propranolol"].acute is False and meds["Propranolol"].days == 2
    ginger = [m for m in s.medications if m.name.casefold() == "ginger tea"]
    assert len(ginger) == 1 and ginger[0].doses == 2 and ginger[0].acute is None
    assert s.acute_days == 2  # sumatriptan on the 4th and 5th, ibuprofen on the 5th
    days = {c.day: c for c in s.calendar}
    assert days[d].acute and days[d].preventives == ("Propranolol",) and days[d].highest == 7
    assert not days[d + timedelta(days=3)].acute and days[d + timedelta(days=3)].highest is None
    assert len(s.calendar) == 4


def test_unrecorded_days_are_not_symptom_free(journal: Journal) -> None:
    d = date(2026, 6, 1)
    journal.add(entry(d, ("fatigue", 3)))
    s = build_summary(journal, DateRange(d, d + timedelta(days=2)), today=d + timedelta(days=2))
    assert [(c.recorded, c.highest) for c in s.calendar] == [(True, 3), (False, None), (False, None)]


def test_triggers_and_qualities_only_past_the_minimum_days(journal: Journal) -> None:
    d = date(2026, 7, 1)
    days = MIN_PATTERN_DAYS * 2 + 2
    entries = []
    for i in range(days):
        triggers = (["Stress"] if i < MIN_PATTERN_DAYS else []) + (["loud noise"] if i < MIN_PATTERN_DAYS - 1 else [])
        entries.append(Entry(occurred_at=entry(d + timedelta(days=i)).occurred_at, triggers=triggers,
                             observations=[Observation("migraine", 5, ["throbbing"] if i % 2 else [])]))
    entries.append(Entry(occurred_at=entry(d, hour=20).occurred_at, triggers=["stress"]))  # same day, other case
    journal.add_many(entries)
    s = build_summary(journal, DateRange(d, d + timedelta(days=days - 1)), today=d + timedelta(days=days))
    assert [(t.name, t.days) for t in s.triggers] == [("Stress", MIN_PATTERN_DAYS)]
    assert [(q.name, q.days) for q in s.qualities] == [("Throbbing", days // 2)]


def test_a_period_without_entries_is_refused(journal: Journal) -> None:
    journal.add(sample_entry(date(2026, 3, 2)))
    with pytest.raises(EmptyPeriod, match="no journal entries from 01 Apr 2026 to 30 Apr 2026"):
        build_summary(journal, DateRange(date(2026, 4, 1), date(2026, 4, 30)))


def test_notes_are_read_only_when_asked(journal: Journal) -> None:
    journal.add(sample_entry(date(2026, 3, 2), notes="Walked by the river."))
    period = DateRange(date(2026, 3, 1), date(2026, 3, 31))
    assert build_summary(journal, period).notes is None
    notes = build_summary(journal, period, include_notes=True).notes
    assert notes is not None and [n.text for n in notes] == ["Walked by the river."]


def test_trashed_entries_do_not_count(journal: Journal) -> None:
    saved = journal.add(sample_entry(date(2026, 3, 2)))
    journal.add(sample_entry(date(2026, 3, 3), observations=[Observation("nausea", 2)]))
    journal.delete(saved.id or 0)
    s = build_summary(journal, DateRange(date(2026, 3, 1), date(2026, 3, 31)))
    assert [sym.key for sym in s.symptoms] == ["nausea"] and s.entries == 1
    assert [(m.label, m.doses) for m in s.medications] == [("Ibuprofen", 1)]


def test_demo_journal_summary_has_every_part(journal: Journal) -> None:
    demo_journal(journal)
    s = build_summary(journal, DateRange.last_days(90, END), today=END)
    assert s.symptoms and s.medications and s.triggers and s.qualities
    assert s.recorded_days == 90 and len(s.calendar) == 90


def test_parse_range() -> None:
    assert parse_range("2026-10-28..2026-08-01") == DateRange(date(2026, 8, 1), date(2026, 10, 28))
    with pytest.raises(ValueError, match=r"FROM\.\.TO"):
        parse_range("2026-08-01")
