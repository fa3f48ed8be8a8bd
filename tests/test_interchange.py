"""JSON export/import (lossless, all-or-nothing) and CSV export."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.demo_data import generate_demo_entries
from healthviz_desktop.core.interchange_csv import COLUMNS, export_csv
from healthviz_desktop.core.interchange_json import ImportRejected, export_json, import_json
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import Dose, Entry, Observation
from tests.conftest import sample_entry

CAT = catalogue()


def _dump(journal: Journal) -> str:
    with journal.db.raw() as raw:
        return "\n".join(raw.iterdump())


def test_export_import_export_is_byte_identical(tmp_path: Path, journal: Journal) -> None:
    journal.add_many(generate_demo_entries(60, seed=7, end=date(2026, 3, 31)))
    journal.add(sample_entry(notes="Line one\nline two — ☕ שלום", observations=[Observation("Jaw clicking", 2)]))
    first = tmp_path / "first.json"
    export_json(journal, first)
    other = Journal.open(tmp_path / "other")
    assert import_json(other, first).added == journal.count()
    second = tmp_path / "second.json"
    export_json(other, second)
    assert first.read_bytes() == second.read_bytes()
    assert import_json(other, first).already_present == journal.count()  # importing twice adds nothing


_zones = [timezone(timedelta(minutes=m)) for m in (-600, -300, 0, 60, 345, 570)]
_times = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.sampled_from(_zones))
_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
_name = _text.filter(lambda s: s.strip() != "")
_observations = st.builds(
    Observation, symptom=st.one_of(st.sampled_from(sorted(CAT.symptoms)), _name),
    severity=st.integers(0, 10), qualities=st.lists(st.sampled_from(sorted(CAT.qualities)), max_size=3, unique=True),
    body_area=st.none() | st.sampled_from(sorted(CAT.areas)), onset_at=st.none() | _times,
    duration_minutes=st.none() | st.integers(0, 3000))
_doses = st.builds(
    Dose, name=st.one_of(st.sampled_from(sorted(CAT.medications)), _name),
    amount=st.none() | st.floats(0.001, 10_000, allow_nan=False), unit=st.none() | st.sampled_from(CAT.units),
    taken_at=st.none() | _times, relief=st.none() | st.sampled_from(["none", "some", "good", "complete"]))
_entries = st.builds(
    Entry, occurred_at=_times,
    notes=st.text(st.characters(blacklist_categories=("Cs",)), max_size=200).map(
        lambda s: "".join(c for c in s if (ord(c) >= 32 and c != "\x7f") or c in "\n\t")),
    tags=st.lists(_name, max_size=3), triggers=st.lists(_name, max_size=3),
    mood=st.none() | st.integers(0, 10), energy=st.none() | st.integers(0, 10),
    sleep_hours=st.none() | st.floats(0, 24, allow_nan=False), sleep_quality=st.none() | st.integers(0, 10),
    observations=st.lists(_observations, max_size=3), doses=st.lists(_doses, max_size=3))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(_entries, min_size=1, max_size=5))
def test_round_trip_preserves_any_valid_journal(tmp_path_factory: pytest.TempPathFactory, entries: list[Entry]) -> None:
    base = tmp_path_factory.mktemp("rt")
    source = Journal.open(base / "a")
    saved = source.add_many(entries)
    export_json(source, base / "a.json")
    target = Journal.open(base / "b")
    import_json(target, base / "a.json")
    export_json(target, base / "b.json")
    assert (base / "a.json").read_bytes() == (base / "b.json").read_bytes()
    by_uid = {e.uid: e for e in target.all_entries()}
    for original in saved:
        copy = by_uid[original.uid]
        assert (copy.occurred_at, copy.day, copy.notes, copy.observations, copy.doses, copy.tags, copy.triggers) == (
            original.occurred_at, original.day, original.notes, original.observations, original.doses,
            original.tags, original.triggers)
    source.close()
    target.close()


def _doc(*entries: object) -> str:
    return json.dumps({"format": "healthviz-journal", "version": 1, "entries": list(entries)})


GOOD = {"uid": "good-1", "occurred_at": "2026-03-02T09:00:00+01:00",
        "observations": [{"symptom": "migraine", "severity": 6}]}

MALFORMED = {
    "wrong type": (_doc(GOOD, {**GOOD, "uid": "x", "mood": "happy"}), "entry 2 (uid x): mood: expected int"),
    "missing field": (_doc(GOOD, {"uid": "y", "observations": []}), "entry 2 (uid y): occurred_at: is missing"),
    "bad date": (_doc({**GOOD, "occurred_at": "2026-02-30T10:00:00+01:00"}), "occurred_at: not an ISO-8601"),
    "no offset": (_doc({**GOOD, "occurred_at": "2026-03-02T09:00:00"}), "has no UTC offset"),
    "bad day": (_doc({**GOOD, "day": "yesterday"}), "day: not a date"),
    "truncated": (_doc(GOOD, GOOD)[:-30], "not valid JSON at line 1"),
    "huge notes": (_doc({**GOOD, "notes": "ä" * 1_000_000}), "notes: is 1,000,000 characters long"),
    "severity out of range": (_doc({**GOOD, "observations": [{"symptom": "migraine", "severity": 42}]}),
                              "observations[0].severity: must be a whole number"),
    "duplicate uid": (_doc(GOOD, GOOD), "uid: appears twice"),
    "not an object": (_doc(GOOD, [1, 2]), "entry 2: record: expected an object"),
    "newer format": (json.dumps({"format": "healthviz-journal", "version": 99, "entries": []}), "newer HealthViz"),
    "other json": (json.dumps({"hello": "world"}), "not a HealthViz journal export"),
    "bool as number": (_doc({**GOOD, "sleep_hours": True}), "sleep_hours: expected number"),
    "misspelt field": (_doc(GOOD, {**GOOD, "uid": "z", "notse": "typo"}),
                       "entry 2 (uid z): notse: is not a field of this format"),
    "misspelt nested field": (_doc({**GOOD, "observations": [{"symptom": "migraine", "severty": 6}]}),
                              "observations[0].severty: is not a field of this format"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_imports_are_rejected_and_change_nothing(tmp_path: Path, journal: Journal, case: str) -> None:
    journal.add(sample_entry())
    before = _dump(journal)
    text, expected = MALFORMED[case]
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRejected) as info:
        import_json(journal, bad)
    assert expected in str(info.value)
    assert "nothing was changed" in str(info.value)
    assert _dump(journal) == before


def test_bytes_that_are_not_utf8_are_rejected(tmp_path: Path, journal: Journal) -> None:
    bad = tmp_path / "latin1.json"
    bad.write_bytes(json.dumps({"format": "healthviz-journal", "version": 1, "entries": [{**GOOD, "notes": "café"}]},
                               ensure_ascii=False).encode("latin-1"))
    with pytest.raises(ImportRejected, match="not UTF-8"):
        import_json(journal, bad)
    assert journal.count() == 0


def test_emoji_and_rtl_text_import_intact(tmp_path: Path, journal: Journal) -> None:
    notes = "ראש כואב 🤕\u200f مرحبا — 𝄞 👩🏽‍⚕️"
    path = tmp_path / "odd.json"
    path.write_text(_doc({**GOOD, "notes": notes, "tags": ["🏃 run"]}), encoding="utf-8")
    import_json(journal, path)
    (entry,) = journal.all_entries()
    assert entry.notes == notes and entry.tags == ["🏃 run"]


def test_csv_has_one_row_per_observation_with_offsets(tmp_path: Path, journal: Journal) -> None:
    journal.add(sample_entry(observations=[Observation("migraine", 7), Observation("nausea", 3)],
                             notes="=HYPERLINK(\"http://x\")"))
    journal.add(sample_entry(hour=20, observations=[]))
    path = tmp_path / "journal.csv"
    assert export_csv(journal, path) == 3
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert list(rows[0]) == list(COLUMNS)
    assert [r["symptom"] for r in rows] == ["Migraine", "Nausea", ""]
    assert rows[0]["occurred_at"] == "2026-03-02T09:15:00+01:00" and rows[0]["severity_anchor"]
    assert rows[0]["notes"].startswith("'=")  # a spreadsheet will not run it as a formula
