"""Demo entries are marked in the journal, shown as such, and removed together (undo from the trash);
exports say the data is self-reported and which entries are demo."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

from healthviz_desktop.core.demo_data import generate_demo_entries, remove_demo_entries, restore_demo_entries
from healthviz_desktop.core.interchange_csv import export_csv
from healthviz_desktop.core.interchange_json import export_json, import_json
from healthviz_desktop.core.journal import Journal
from tests.conftest import sample_entry

Cli = Any


def test_demo_entries_are_marked_and_real_ones_are_not(journal: Journal) -> None:
    journal.add_many(generate_demo_entries(10, seed=2, end=date(2026, 3, 10)))
    mine = journal.add(sample_entry(notes="my own entry"))
    entries = journal.all_entries()
    assert [e.demo for e in entries].count(False) == 1
    assert all(e.demo for e in entries if e.id != mine.id)
    assert journal.demo_entry_ids() == sorted(e.id for e in entries if e.demo)  # type: ignore[type-var]


def test_removing_demo_entries_trashes_them_all_at_once_and_undo_brings_them_back(journal: Journal) -> None:
    demo = journal.add_many(generate_demo_entries(10, seed=2, end=date(2026, 3, 10)))
    mine = journal.add(sample_entry(notes="my own entry"))
    removed = remove_demo_entries(journal)
    assert sorted(removed) == sorted(e.id for e in demo)  # type: ignore[type-var]
    assert [e.id for e in journal.all_entries()] == [mine.id]  # trends and clips see only the real entry now
    assert journal.search("") and {h.entry_id for h in journal.search("")} == {mine.id}
    assert remove_demo_entries(journal) == []
    restored = restore_demo_entries(journal)
    assert sorted(restored) == sorted(removed)
    assert len(journal.all_entries()) == len(demo) + 1
    assert restore_demo_entries(journal) == []


def test_the_cli_shows_the_mark_and_removes_with_undo(cli: Cli) -> None:
    assert cli("entry", "add", "--notes", "my own entry", "--at", "2026-03-05T20:00:00+01:00").code == 0
    assert cli("demo-data", "--days", "5", "--end", "2026-03-04").code == 0
    listed = cli("entry", "list", "--limit", "100").out.splitlines()
    assert sum("[demo]" in line for line in listed) == len(listed) - 1
    assert "demo entry (synthetic" in cli("entry", "show", "2").out
    assert "[demo" not in cli("entry", "show", "1").out
    removed = cli("demo-data", "--remove")
    assert removed.code == 0 and "Undo with: healthviz demo-data --restore" in removed.out
    assert [e["notes"] for e in json.loads(cli("entry", "list", "--json").out)] == ["my own entry"]
    assert cli("demo-data", "--restore").code == 0
    assert len(json.loads(cli("entry", "list", "--limit", "100", "--json").out)) == len(listed)


def test_exports_say_self_reported_and_keep_the_demo_mark(journal: Journal, tmp_path: Path) -> None:
    journal.add_many(generate_demo_entries(3, seed=4, end=date(2026, 3, 10)))
    journal.add(sample_entry(notes="my own entry"))
    out = tmp_path / "journal.json"
    export_json(journal, out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert "self-reported" in doc["about"] and "not a clinical record" in doc["about"]
    assert [r.get("demo", False) for r in doc["entries"]].count(False) == 1
    other = Journal.open(tmp_path / "other")
    try:
        import_json(other, out)
        again = tmp_path / "again.json"
        export_json(other, again)
        assert again.read_bytes() == out.read_bytes()  # lossless, mark included
    finally:
        other.close()
    sheet = tmp_path / "journal.csv"
    export_csv(journal, sheet)
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    assert {r["source"] for r in rows if r["notes"] == "my own entry"} == {"self-reported (HealthViz journal)"}
    assert {r["source"] for r in rows if r["notes"] != "my own entry"} == {"made-up demo data (HealthViz demo-data)"}


def test_the_window_shows_the_mark(qtbot: Any) -> None:
    from healthviz_desktop.ui.details_view import DEMO_NOTE, entry_html
    from healthviz_desktop.ui.journal_model import entry_summary

    demo = generate_demo_entries(1, seed=1, end=date(2026, 3, 10))[0]
    assert DEMO_NOTE in entry_html(demo) and entry_summary(demo).endswith("demo entry")
    real = sample_entry()
    assert DEMO_NOTE not in entry_html(real) and "demo" not in entry_summary(real)
