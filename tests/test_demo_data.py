"""The synthetic demo journal: what it contains, its weekly rhythm, and that a seed reproduces it."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from statistics import mean

import pytest

from healthviz_desktop.core.demo_data import generate_demo_entries
from healthviz_desktop.core.interchange_json import export_document
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import Entry

END = date(2026, 3, 29)  # a Sunday
DAYS = 364  # 52 whole weeks: 260 weekdays, 104 weekend days


@pytest.fixture(scope="module")
def year() -> list[Entry]:
    return generate_demo_entries(DAYS, seed=3, end=END)


def _weekend(entry: Entry) -> bool:
    return entry.effective_day().weekday() >= 5


def test_it_has_migraines_back_pain_fatigue_medications_and_sleep(year: list[Entry], journal: Journal) -> None:
    symptoms = Counter(o.symptom for e in year for o in e.observations)
    assert symptoms["migraine"] >= 10 and symptoms["lower_back_pain"] >= 40 and symptoms["fatigue"] >= 10, symptoms
    medications = Counter(d.name for e in year for d in e.doses)
    assert medications["propranolol"] >= DAYS // 2  # the preventive, daily from a third of the way in
    assert medications["sumatriptan"] > 0 and medications["ibuprofen"] > 0 and medications["paracetamol"] > 0
    sleep = [e.sleep_hours for e in year if e.sleep_hours is not None]
    assert len(sleep) == DAYS and all(3.5 <= h <= 9.5 for h in sleep)  # one morning check-in a night
    assert {e.effective_day() for e in year} == {END - timedelta(days=n) for n in range(DAYS)}
    # Everything it makes is a valid entry: the real journal (a file under tmp_path) takes all of it.
    assert len(journal.add_many(year)) == len(year) == journal.count()


def test_it_has_a_weekly_pattern(year: list[Entry]) -> None:
    sleep = {weekend: [e.sleep_hours for e in year if e.sleep_hours is not None and _weekend(e) == weekend]
             for weekend in (False, True)}
    assert (len(sleep[False]), len(sleep[True])) == (260, 104)
    assert mean(sleep[True]) - mean(sleep[False]) >= 0.2  # longer nights at the weekend (0.4 h by design)

    back = Counter(_weekend(e) for e in year for o in e.observations if o.symptom == "lower_back_pain")
    assert back[True] == 0 and back[False] >= 40  # long sitting at work, so weekdays only
    stress = Counter(_weekend(e) for e in year if "stress" in e.triggers)
    assert stress[True] == 0 and stress[False] >= 40


def test_the_same_seed_and_end_date_give_identical_output() -> None:
    first = export_document(generate_demo_entries(30, seed=9, end=END))
    assert export_document(generate_demo_entries(30, seed=9, end=END)) == first  # uids included
    assert export_document(generate_demo_entries(30, seed=10, end=END)) != first
    assert export_document(generate_demo_entries(30, seed=9, end=END - timedelta(days=1))) != first


def test_nothing_is_dated_later_than_now() -> None:
    from datetime import UTC, datetime

    noon = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)  # the demo's evening check-ins that day are still to come
    whole = generate_demo_entries(3, seed=5, end=noon.date(), now=datetime(2027, 1, 1, tzinfo=UTC))
    upto = generate_demo_entries(3, seed=5, end=noon.date(), now=noon)
    assert any(e.occurred_at > noon for e in whole)
    assert upto == [e for e in whole if e.occurred_at <= noon] and upto
