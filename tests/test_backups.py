"""Backups through the SQLite backup API: manual, automatic rotation, integrity-checked restore."""

from __future__ import annotations

import inspect
import re
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

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
from healthviz_desktop.core.settings import Settings, save_settings
from tests.conftest import REPO, sample_entry


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


def _old_autos(journal: Journal, days_ago: range) -> list[str]:
    """Real automatic backups as earlier days left them (a copy of the journal under each day's name)."""
    made = create_backup(journal.paths, backups.AUTO)
    names = []
    for n in days_ago:
        stamp = (datetime.now(UTC) - timedelta(days=n)).strftime("%Y%m%dT%H%M%SZ")
        name = f"journal-{stamp}-auto.sqlite3"
        shutil.copyfile(made, journal.paths.backups / name)
        names.append(name)
    made.unlink()
    return names


def test_the_automatic_backup_rotates_what_it_keeps(journal: Journal) -> None:
    journal.add(sample_entry())
    old = _old_autos(journal, range(2, 7))  # five autos, two to six days old: the newest first
    manual = create_backup(journal.paths, "manual")
    made = maybe_auto_backup(journal.paths, timedelta(days=1), keep=3)
    assert made is not None and _count(made) == 1
    autos = [b.path.name for b in list_backups(journal.paths) if b.reason == backups.AUTO]
    assert autos == [made.name, *old[:2]]  # the new one and the two newest before it; the oldest went
    assert manual.exists()  # never rotated away
    assert maybe_auto_backup(journal.paths, timedelta(days=1), keep=3) is None  # not due: nothing changes
    assert len([b for b in list_backups(journal.paths) if b.reason == backups.AUTO]) == 3


def test_a_command_that_saves_makes_the_daily_backup_and_keeps_what_settings_say(
        journal: Journal, cli: Callable[..., Any]) -> None:
    journal.add(sample_entry())
    save_settings(journal.paths.settings, Settings(backup_keep=2))
    old = _old_autos(journal, range(2, 6))
    result = cli("entry", "add", "--symptom", "migraine severity=4")
    assert result.code == 0, result.err
    autos = [b for b in list_backups(journal.paths) if b.reason == backups.AUTO]
    assert [b.path.name for b in autos][1:] == old[:1] and len(autos) == 2
    assert _count(autos[0].path) == 2  # the new backup holds what the command just saved


def test_restore_checks_the_file_and_keeps_the_replaced_journal(journal: Journal) -> None:
    journal.add(sample_entry())
    snapshot = create_backup(journal.paths)
    journal.add_many([sample_entry(hour=h) for h in range(12, 15)])
    assert journal.count() == 4
    kept = restore_backup(journal.paths, snapshot)
    assert journal.count() == 1  # the open journal sees the restored data
    assert _count(kept) == 4 and "pre-restore" in kept.name


@pytest.mark.parametrize("damage", ["garbage", "truncated", "not-a-journal", "unversioned", "too-new"])
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
    else:  # a journal's tables without a schema version (which no HealthViz writes), or a newer one
        bad.write_bytes(good.read_bytes())
        conn = sqlite3.connect(bad)
        conn.execute(f"PRAGMA user_version = {0 if damage == 'unversioned' else SCHEMA_VERSION + 1}")
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


def test_backups_are_rollback_journal_files_that_open_without_side_files(journal: Journal) -> None:
    journal.add(sample_entry())
    made = create_backup(journal.paths)
    # Header bytes 18/19 (file format write/read version): 2 = WAL, 1 = rollback journal.
    assert journal.paths.database.read_bytes()[18:20] == b"\x02\x02"  # the live journal stays WAL
    assert made.read_bytes()[18:20] == b"\x01\x01"
    conn = sqlite3.connect(f"{made.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM entry").fetchone()[0] == 1
        # A WAL file would have -wal and -shm beside it now (and could not be read on read-only media).
        assert [p.name for p in journal.paths.backups.iterdir()] == [made.name]
    finally:
        conn.close()


def test_restore_refuses_the_live_journal_itself(journal: Journal, tmp_path: Path) -> None:
    journal.add(sample_entry())
    alias = tmp_path / "alias.sqlite3"
    alias.symlink_to(journal.paths.database)
    for file in (journal.paths.database, alias):
        with pytest.raises(BackupRejected, match="is the live journal itself, not a backup"):
            restore_backup(journal.paths, file)
    assert list_backups(journal.paths) == []  # refused before the pre-restore copy
    assert journal.count() == 1


def test_the_readme_states_how_many_automatic_backups_are_kept() -> None:
    stated = re.search(r"also automatic: daily, keeping (\d+)", (REPO / "README.md").read_text(encoding="utf-8"))
    assert stated is not None
    default = inspect.signature(maybe_auto_backup).parameters["keep"].default
    assert int(stated.group(1)) == Settings().backup_keep == default
