"""Backups through the SQLite backup API: manual, automatic rotation, integrity-checked restore."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from healthviz_desktop.core import backups
from healthviz_desktop.core.backups import (
    BackupRejected,
    create_backup,
    list_backups,
    maybe_auto_backup,
    restore_backup,
    rotate,
)
from healthviz_desktop.core.database import DatabaseTooNew
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.migrations import SCHEMA_VERSION
from tests.conftest import sample_entry


def _count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM entry").fetchone()[0])
    finally:
        conn.close()


def test_backup_is_a_consistent_private_copy(journal: Journal) -> None:
    journal.add_many([sample_entry(hour=h) for h in range(8, 12)])
    made = create_backup(journal.paths)
    assert made.stat().st_mode & 0o777 == 0o600
    assert _count(made) == 4
    conn = sqlite3.connect(made)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert [b.reason for b in list_backups(journal.paths)] == ["manual"]


def test_automatic_backups_run_daily_and_keep_n(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    journal.add(sample_entry())
    assert maybe_auto_backup(journal.paths) is not None
    assert maybe_auto_backup(journal.paths) is None  # not due yet
    stamps = iter(f"2026010{d}T000000Z" for d in range(1, 10))
    monkeypatch.setattr(backups, "_stamp", lambda now=None: next(stamps))
    for _ in range(5):
        create_backup(journal.paths, backups.AUTO)
    create_backup(journal.paths, "manual")
    removed = rotate(journal.paths, keep=3)
    kinds = [b.reason for b in list_backups(journal.paths)]
    assert len(removed) == 3 and kinds.count("auto") == 3 and kinds.count("manual") == 1


def test_restore_checks_the_file_and_keeps_the_replaced_journal(journal: Journal) -> None:
    journal.add(sample_entry())
    snapshot = create_backup(journal.paths)
    journal.add_many([sample_entry(hour=h) for h in range(12, 15)])
    assert journal.count() == 4
    kept = restore_backup(journal.paths, snapshot)
    assert journal.count() == 1  # the open journal sees the restored data
    assert _count(kept) == 4 and "pre-restore" in kept.name


@pytest.mark.parametrize("damage", ["garbage", "truncated", "not-a-journal", "too-new"])
def test_restore_refuses_bad_backups_and_changes_nothing(journal: Journal, tmp_path: Path, damage: str) -> None:
    journal.add(sample_entry())
    good = create_backup(journal.paths)
    bad = tmp_path / "bad.sqlite3"
    if damage == "garbage":
        bad.write_bytes(b"\x00garbage" * 1000)
    elif damage == "truncated":
        bad.write_bytes(good.read_bytes()[:6000])
    elif damage == "not-a-journal":
        sqlite3.connect(bad).execute("CREATE TABLE other (x)").connection.close()
    else:
        bad.write_bytes(good.read_bytes())
        conn = sqlite3.connect(bad)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
    before = journal.paths.database.read_bytes()
    with pytest.raises((BackupRejected, DatabaseTooNew)):
        restore_backup(journal.paths, bad)
    assert journal.paths.database.read_bytes() == before
    assert journal.count() == 1


def test_backup_of_a_missing_journal_is_a_clear_error(tmp_path: Path) -> None:
    from healthviz_desktop.core.paths import DataPaths

    with pytest.raises(BackupRejected, match="no journal"):
        create_backup(DataPaths.at(tmp_path / "nothing"))
    assert maybe_auto_backup(DataPaths.at(tmp_path / "nothing"), timedelta(0)) is None
