"""Journal days, normalisation onto the catalogue, and validation messages that name the field."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.model import (
    Dose,
    Entry,
    Observation,
    journal_day,
    normalise_entry,
    validate_entry,
)

PLUS1 = timezone(timedelta(hours=1))
MINUS5 = timezone(timedelta(hours=-5))


def test_half_past_midnight_belongs_to_the_evening_it_continues() -> None:
    assert journal_day(datetime(2026, 3, 3, 0, 30, tzinfo=PLUS1)) == date(2026, 3, 2)


def test_the_day_is_the_local_one_not_utc() -> None:
    # 23:30 in New York is already the next day in UTC; the person lived it on the 2nd.
    late = datetime(2026, 3, 2, 23, 30, tzinfo=MINUS5)
    assert late.astimezone(UTC).date() == date(2026, 3, 3)
    assert journal_day(late) == date(2026, 3, 2)
    assert journal_day(datetime(2026, 3, 3, 4, 0, tzinfo=PLUS1)) == date(2026, 3, 3)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        journal_day(datetime(2026, 3, 3, 12, 0))


def test_typed_names_map_onto_catalogue_keys_and_the_rest_stay_custom() -> None:
    entry = normalise_entry(Entry(
        occurred_at=datetime(2026, 3, 2, 9, tzinfo=PLUS1),
        observations=[Observation("Lower back pain", 4), Observation("Jaw clicking", 2)],
        doses=[Dose("Tylenol", 500.0), Dose("Feverfew tea", 1.0, "cup")],
        tags=["work", "Work", " "],
    ))
    assert [(o.symptom, o.custom) for o in entry.observations] == [("lower_back_pain", False), ("Jaw clicking", True)]
    assert [(d.name, d.custom, d.drug_class, d.unit) for d in entry.doses] == [
        ("paracetamol", False, "simple_analgesic", "mg"), ("Feverfew tea", True, None, "cup")]
    assert entry.tags == ["work"]


def test_every_problem_is_reported_with_its_field_path() -> None:
    entry = Entry(
        occurred_at=datetime(2026, 3, 2, 9),
        mood=11,
        sleep_hours=25,
        notes="x" * 100_001,
        observations=[Observation("migraine", 12, ["sparkly"], "elbow")],
        doses=[Dose("ibuprofen", -1, relief="lots")],
        tags=["ok", "bad\x00tag"],
    )
    paths = {e.path for e in validate_entry(entry)}
    assert paths == {
        "occurred_at", "mood", "sleep_hours", "notes", "observations[0].severity", "observations[0].qualities[0]",
        "observations[0].body_area", "doses[0].amount", "doses[0].relief", "tags[1]",
    }


def test_emoji_and_right_to_left_text_are_welcome() -> None:
    entry = normalise_entry(Entry(occurred_at=datetime(2026, 3, 2, 9, tzinfo=PLUS1), notes="כאב ראש 🤕 صداع",
                                  observations=[Observation("כאב בלסת 🦷", 3)]))
    assert validate_entry(entry) == []
    assert entry.observations[0].custom


def test_lone_surrogates_and_odd_offsets_are_refused() -> None:
    bad = Entry(occurred_at=datetime(2026, 3, 2, 9, tzinfo=timezone(timedelta(seconds=30))), notes="\ud800")
    assert {e.path for e in validate_entry(bad)} == {"occurred_at", "notes"}


def test_severity_anchors_cover_the_whole_scale() -> None:
    cat = catalogue()
    assert sorted(cat.severity_anchors) == list(range(11))
    assert cat.severity_label(7).startswith("7 — ")
    assert [cat.severity_band(s) for s in (0, 3, 5, 8)] == ["none", "mild", "moderate", "severe"]


def test_windows_and_old_mac_line_ends_in_notes_become_newlines() -> None:
    entry = normalise_entry(Entry(occurred_at=datetime(2026, 3, 2, 9, tzinfo=UTC),
                                  notes="one\r\ntwo\rthree\n"))
    assert entry.notes == "one\ntwo\nthree\n" and not validate_entry(entry)
