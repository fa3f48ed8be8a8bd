"""The sqlite3-only reader the window starts with: same queries as the journal service, its own connections."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from healthviz_desktop.core.demo_data import generate_demo_entries
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.journal_reader import JournalReader
from healthviz_desktop.core.query import JournalFilter


def test_reader_returns_what_the_journal_returns(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "d")
    try:
        saved = journal.add_many(generate_demo_entries(60, seed=5, end=date(2026, 3, 31)))
        journal.delete(saved[3].id or 0)
        reader = JournalReader.open(tmp_path / "d")
        for flt in (JournalFilter(), JournalFilter(text="dark room"), JournalFilter(symptom="migraine", min_severity=5),
                    JournalFilter(medication="ibuprofen", date_from=date(2026, 3, 1)),
                    JournalFilter(only_deleted=True)):
            assert reader.count(flt) == journal.count(flt)
            assert reader.list_ids(flt, 5, 40) == journal.list_ids(flt, 5, 40)
            assert reader.list_entries(flt, 0, 80) == journal.list_entries(flt, 0, 80)
        assert reader.known_medications() == journal.known_medications()
    finally:
        journal.close()


def test_reader_creates_a_new_journal_and_never_imports_sqlalchemy(tmp_path: Path) -> None:
    code = ("import sys; from healthviz_desktop.core.journal_reader import JournalReader; "
            f"r = JournalReader.open({str(tmp_path / 'new')!r}); print(r.count(), r.list_entries()); "
            "print('sqlalchemy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "[]", "False"]
    assert (tmp_path / "new" / "journal.sqlite3").exists()
