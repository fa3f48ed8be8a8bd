"""Opening the journal database safely: permissions, pragmas, migrations, and one writer at a time.

Pragmas, and why:
- ``journal_mode=WAL``: readers (the window) never block the writer and vice versa.
- ``synchronous=FULL``: every commit is fsynced, so a power cut loses no entry whose save returned.
  Journal writes are human-paced (a few a day), so the cost is invisible; imports are one transaction.
- ``foreign_keys=ON``: observations and doses cannot outlive their entry.
- ``busy_timeout``: a second process waits for the writer instead of failing at once.
Write transactions use ``BEGIN IMMEDIATE`` so two writers queue on the lock up front rather than
deadlocking when a reader tries to upgrade.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from healthviz_desktop.core.atomic import replacing
from healthviz_desktop.core.migrations import SCHEMA_VERSION, apply_step, pending_steps
from healthviz_desktop.core.paths import DataPaths, touch_private_file

BUSY_TIMEOUT_MS = 10_000


class StorageError(Exception):
    """A problem with the journal file that the person must act on; the message says what to do."""

    exit_code = 4


class DatabaseTooNew(StorageError):
    exit_code = 3

    def __init__(self, path: Path, found: int) -> None:
        self.found = found
        super().__init__(
            f"The journal at {path} was written by a newer version of HealthViz (schema {found}; this "
            f"version understands up to {SCHEMA_VERSION}). Update HealthViz to open it. Nothing was changed."
        )


class DatabaseUnreadable(StorageError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The file {path} is not a readable HealthViz journal ({reason}). Nothing was changed. "
            "If you have a backup, `healthviz restore BACKUP` puts it back."
        )


class NotAJournal(StorageError):
    def __init__(self, path: Path, names: list[str]) -> None:
        shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
        super().__init__(
            f"The file {path} is a SQLite database of some other program, not a HealthViz journal (it holds "
            f"{shown} and no HealthViz schema version). HealthViz left it untouched: move it out of the way, "
            "or choose another folder with --data-dir."
        )


def configure_connection(conn: sqlite3.Connection) -> None:
    conn.isolation_level = None  # we issue BEGIN/COMMIT ourselves
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


def read_schema(path: Path) -> tuple[int, list[str]]:
    """The schema version of an existing file and the names in its schema, read without changing it."""
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master ORDER BY name")]
            return version, names
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnreadable(path, str(exc)) from exc


def read_user_version(path: Path) -> int:
    """The schema version of an existing file, read without changing it."""
    return read_schema(path)[0]


def sqlite_copy(source: sqlite3.Connection, target_path: Path) -> Path:
    """A consistent copy through SQLite's online backup API (safe while others read or write).

    Written under a temporary name in the same folder and renamed when complete, so a crash or a full
    disk never leaves a half-copied file under a name that says it is a backup. The copy is switched
    from WAL to a rollback journal (header bytes 18/19 = 1) before the rename: a WAL file leaves -wal
    and -shm files beside it whenever it is opened, and cannot be opened at all on read-only media.
    """
    with replacing(target_path, ".partial") as tmp:
        touch_private_file(tmp)
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    return target_path


def migrate(paths: DataPaths) -> int:
    """Bring the journal to SCHEMA_VERSION, copying it to backups/ first. Returns the version found."""
    db = paths.database
    existed = db.exists() and db.stat().st_size > 0
    found, names = read_schema(db) if existed else (0, [])
    if found > SCHEMA_VERSION:
        raise DatabaseTooNew(db, found)
    if found == 0 and names:
        # Every step commits together with its version bump, so a HealthViz journal at version 0 has
        # no schema at all: anything in it belongs to another program. Refused rather than backed up
        # and migrated, because migrating would write our tables into someone else's database.
        raise NotAJournal(db, names)
    steps = pending_steps(found)
    if not steps:
        return found
    touch_private_file(db)
    conn = sqlite3.connect(db)
    try:
        configure_connection(conn)
        if found > 0:  # the only files with anything to lose (version 0 with a schema was refused above)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            sqlite_copy(conn, paths.backups / f"journal-{stamp}-pre-migration-v{found}.sqlite3")
        for step in steps:
            apply_step(conn, step)
    finally:
        conn.close()
    return found


class Database:
    """The open journal: a SQLAlchemy engine over one SQLite file, with read and write transactions."""

    def __init__(self, paths: DataPaths) -> None:
        from sqlalchemy import create_engine, event

        self.paths = paths
        self._write_lock = threading.Lock()
        self.engine = create_engine(
            f"sqlite:///{paths.database}",
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        )

        @event.listens_for(self.engine, "connect")
        def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
            configure_connection(dbapi_conn)

        @event.listens_for(self.engine, "begin")
        def _on_begin(conn: Any) -> None:
            mode = "IMMEDIATE" if conn.get_execution_options().get("healthviz_write") else "DEFERRED"
            conn.exec_driver_sql(f"BEGIN {mode}")

    @classmethod
    def open(cls, paths: DataPaths) -> Database:
        paths.ensure()
        migrate(paths)
        return cls(paths)

    @contextmanager
    def read(self) -> Iterator[Any]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self) -> Iterator[Any]:
        """One writer at a time: a lock within this process, BEGIN IMMEDIATE across processes."""
        with self._write_lock, self.engine.connect() as conn:
            conn = conn.execution_options(healthviz_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """The underlying sqlite3 connection, for hot paths measured against raw sqlite3."""
        with self.engine.connect() as conn:
            yield conn.connection.dbapi_connection  # type: ignore[misc]

    def schema_version(self) -> int:
        with self.raw() as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.engine.dispose()
