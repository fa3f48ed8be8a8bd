"""Backups through SQLite's online backup API: manual, automatic (rotating), and safe restores.

File names carry when and why: ``journal-20261123T101500Z-auto.sqlite3``. Automatic backups rotate
(keep N); manual, pre-migration and pre-restore copies are never deleted by rotation.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from healthviz_desktop.core.database import (
    DatabaseTooNew,
    DatabaseUnreadable,
    JournalReadOnly,
    configure_connection,
    migrate,
    sqlite_copy,
)
from healthviz_desktop.core.migrations import SCHEMA_VERSION
from healthviz_desktop.core.paths import DataPaths, touch_private_file, writable
from healthviz_desktop.core.settings import Settings

_NAME = re.compile(r"^journal-(\d{8}T\d{6}Z)(?:-(\d+))?-([a-z][a-z0-9-]*)\.sqlite3$")
AUTO = "auto"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int


class BackupRejected(ValueError):
    pass


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")


def list_backups(paths: DataPaths) -> list[BackupInfo]:
    """Backups in the backup folder, newest first."""
    found = []
    if paths.backups.is_dir():
        for item in paths.backups.iterdir():
            m = _NAME.match(item.name)
            if m:
                created = datetime.strptime(m.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
                found.append(BackupInfo(item, created, m.group(3), item.stat().st_size))
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def create_backup(paths: DataPaths, reason: str = "manual") -> Path:
    """A consistent copy of the live journal, written under a temporary name and then renamed."""
    if not paths.database.exists():
        raise BackupRejected(f"There is no journal at {paths.database} to back up yet.")
    paths.ensure()
    # The person made the journal's folder read-only: nothing is written in it, backups/ included.
    unwritable = next((p for p in (paths.root, paths.backups) if p.is_dir() and not writable(p)), None)
    if unwritable is not None:
        raise BackupRejected(f"Backups go into {paths.backups}, and {unwritable} is read-only, so no backup was "
                             "made. Make it writable, or copy the journal file elsewhere yourself.")
    stamp = _stamp()
    target = paths.backups / f"journal-{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = paths.backups / f"journal-{stamp}-{n}-{reason}.sqlite3"
    source = sqlite3.connect(paths.database)
    try:
        configure_connection(source)
        return sqlite_copy(source, target)  # under a temporary name, renamed when complete
    finally:
        source.close()


def rotate(paths: DataPaths, keep: int) -> list[Path]:
    """Delete automatic backups beyond the newest ``keep``; returns what was removed."""
    autos = [b for b in list_backups(paths) if b.reason == AUTO]
    removed = []
    for old in autos[max(keep, 1):]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def maybe_auto_backup(paths: DataPaths, interval: timedelta = timedelta(days=1),
                      keep: int = Settings.backup_keep) -> Path | None:
    """Take an automatic backup when the newest one is older than ``interval``; rotate afterwards."""
    if not paths.database.exists():
        return None
    autos = [b for b in list_backups(paths) if b.reason == AUTO]
    if autos and datetime.now(UTC) - autos[0].created < interval:
        return None
    made = create_backup(paths, AUTO)
    rotate(paths, keep)
    return made


def check_backup(file: Path) -> int:
    """Integrity-check a backup file without changing it; returns its schema version."""
    if not file.is_file():
        raise BackupRejected(f"{file} does not exist.")
    try:
        conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            has_entries = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'entry'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BackupRejected(f"{file} is not a readable SQLite database ({exc}). Nothing was changed.") from exc
    if result != ["ok"]:
        raise BackupRejected(f"{file} failed its integrity check ({'; '.join(result[:3])}). Nothing was changed.")
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(file, version)
    if not has_entries or version == 0:  # migrate() refuses a schema without a version: so do we, up front
        raise BackupRejected(f"{file} is a SQLite file but not a HealthViz journal. Nothing was changed.")
    return version


def restore_backup(paths: DataPaths, file: Path) -> Path:
    """Replace the live journal with ``file`` after checking it; returns the kept copy of the old one,
    or ``paths.database`` itself when there was no journal to replace (an empty data folder).

    The old journal is first copied to ``backups/journal-…-pre-restore.sqlite3``; the backup is then
    copied into the live file through the backup API (one transaction on the destination, so a
    crash leaves either the old or the new journal, never a mix), and migrated if it is older.
    """
    if paths.database.exists() and file.exists() and os.path.samefile(file, paths.database):
        # Copying the journal onto itself would "succeed" and change nothing, which reads as a restore.
        raise BackupRejected(
            f"{file} is the live journal itself, not a backup. Choose a file from {paths.backups} "
            "(`healthviz backup --list` shows them). Nothing was changed.")
    check_backup(file)
    paths.ensure()
    read_only = paths.read_only_reason()
    if read_only:
        raise JournalReadOnly(paths, read_only)
    kept = create_backup(paths, "pre-restore") if paths.database.exists() else None
    touch_private_file(paths.database)
    source = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(paths.database)
    try:
        configure_connection(target)
        source.backup(target)
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnreadable(paths.database, str(exc)) from exc
    finally:
        source.close()
        target.close()
    migrate(paths)
    return kept if kept is not None else paths.database
