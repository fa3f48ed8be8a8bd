"""Opening the journal database safely: permissions, pragmas, migrations, and one writer at a time.

Pragmas, and why:
- ``journal_mode=WAL``: readers (the window) never block the writer and vice versa.
- ``synchronous=FULL``: every commit is fsynced, so a power cut loses no entry whose save returned.
  Journal writes are human-paced (a few a day), so the cost is invisible; imports are one transaction.
- ``foreign_keys=ON``: observations and doses cannot outlive their entry.
- ``busy_timeout``: a second process waits for the writer instead of failing at once.
Write transactions use ``BEGIN IMMEDIATE`` so two writers queue on the lock up front rather than
deadlocking when a reader tries to upgrade.

A journal whose folder or file the person made read-only is opened read-only (``connect``): reading,
search, trends and export work, and every write is refused with ``JournalReadOnly`` before it starts.
Permissions are never widened to get around it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from healthviz_desktop.core.atomic import replacing
from healthviz_desktop.core.migrations import SCHEMA_VERSION, apply_step, pending_steps
from healthviz_desktop.core.paths import DataPaths, touch_private_file, writable

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


class JournalReadOnly(StorageError):
    """A write to a journal the person made read-only: refused before anything was tried."""

    exit_code = 8  # commands/exit_codes.READ_ONLY (core does not import commands)

    def __init__(self, paths: DataPaths, reason: str) -> None:
        self.reason = reason
        if paths.database.exists():
            super().__init__(
                f"The journal is read-only ({reason}), so nothing was saved. HealthViz opens it for reading "
                "only: browsing, search, trends and export work. To write to it again, make it writable "
                f"(chmod u+w {paths.root if 'folder' in reason else paths.database}).")
        else:
            super().__init__(f"There is no journal in {paths.root} yet, and none can be made there: {reason}. "
                             "Nothing was changed; choose another folder with --data-dir.")


class JournalNeedsUpdate(StorageError):
    def __init__(self, paths: DataPaths, found: int, reason: str) -> None:
        super().__init__(
            f"The journal at {paths.database} was written by an older HealthViz (schema {found}) and needs a "
            f"small update before this version can read it, but it is read-only ({reason}). Nothing was "
            "changed. Make it writable once, open it with HealthViz, then make it read-only again if you like.")


class JournalNeedsRecovery(StorageError):
    def __init__(self, paths: DataPaths) -> None:
        super().__init__(
            f"The journal at {paths.database} holds changes it has not finished writing (in "
            f"{paths.database.name}-wal; HealthViz was stopped before it could), and its folder is read-only, "
            "so they cannot be read safely. Nothing was changed. Make the folder writable once and open "
            "HealthViz: the changes are completed, and the folder can be made read-only again.")


def configure_connection(conn: sqlite3.Connection, *, read_only: bool = False) -> None:
    conn.isolation_level = None  # we issue BEGIN/COMMIT ourselves
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if read_only:
        conn.execute("PRAGMA query_only = 1")
        return
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


def connect(paths: DataPaths, *, read_only: bool, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection to the journal file; read-only ones never create or change a file.

    A WAL journal is read through its ``-shm`` index, which a read-only folder does not let SQLite create;
    then the file is opened ``immutable`` (nobody can be writing to it: no writer could create the index
    either). Its ``-wal`` holding commits not yet copied into the file (a crash before the folder was made
    read-only) would be skipped that way, so that case is refused with a way out instead."""
    db = paths.database
    if not read_only:
        return sqlite3.connect(db, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=check_same_thread)
    try:
        return sqlite3.connect(read_only_uri(db), uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=check_same_thread)
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnreadable(db, str(exc)) from exc


def read_only_uri(db: Path) -> str:
    """The URI that reads ``db`` without creating or changing any file (see ``connect``)."""
    wal, shm = (db.with_name(db.name + suffix) for suffix in ("-wal", "-shm"))
    if not shm.exists() and not writable(db.parent):
        if wal.exists() and wal.stat().st_size > 0:
            raise JournalNeedsRecovery(DataPaths(db.parent))
        return f"{db.as_uri()}?immutable=1"
    return f"{db.as_uri()}?mode=ro"


def writable_again(paths: DataPaths) -> None:
    """Make SQLite's ``-wal``/``-shm`` files writable again when the journal is.

    A read-only run leaves them with the journal file's mode at the time (0400); once the person makes the
    journal writable again, SQLite would still open them read-only and refuse every write. They are ours
    (same owner) and only ever as open as the journal file itself, so they follow its mode now."""
    db = paths.database
    if not db.exists() or paths.read_only_reason():
        return
    wanted = db.stat().st_mode & 0o666
    for sidecar in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        try:
            info = sidecar.stat()
        except FileNotFoundError:
            continue
        if info.st_uid == os.geteuid() and not writable(sidecar):
            sidecar.chmod(wanted)


def read_schema(path: Path) -> tuple[int, list[str]]:
    """The schema version of an existing file and the names in its schema, read without changing it."""
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
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
    """Bring the journal to SCHEMA_VERSION, copying it to backups/ first. Returns the version found.

    A read-only journal is never changed: one that needs a step (or a folder without one) is refused."""
    db = paths.database
    existed = db.exists() and db.stat().st_size > 0
    read_only = paths.read_only_reason()
    if read_only and not existed:
        raise JournalReadOnly(paths, read_only)
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
    if read_only:
        raise JournalNeedsUpdate(paths, found, read_only)
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

    def __init__(self, paths: DataPaths, *, read_only: str | None = None) -> None:
        from sqlalchemy import create_engine, event

        self.paths = paths
        self.read_only = read_only  # why it can only be read, or None
        self._write_lock = threading.Lock()
        # Change-counter values this journal committed (Journal._entry_write), so that a watcher in this
        # process can tell these saves from another process's (core/journal_watch.py).
        self.own_changes: set[int] = set()
        self.engine = create_engine(
            f"sqlite:///{paths.database}",
            creator=lambda: connect(paths, read_only=read_only is not None, check_same_thread=False),
        )

        @event.listens_for(self.engine, "connect")
        def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
            configure_connection(dbapi_conn, read_only=read_only is not None)

        @event.listens_for(self.engine, "begin")
        def _on_begin(conn: Any) -> None:
            mode = "IMMEDIATE" if conn.get_execution_options().get("healthviz_write") else "DEFERRED"
            conn.exec_driver_sql(f"BEGIN {mode}")

    @classmethod
    def open(cls, paths: DataPaths) -> Database:
        paths.ensure()
        writable_again(paths)
        migrate(paths)
        return cls(paths, read_only=paths.read_only_reason())

    @contextmanager
    def read(self) -> Iterator[Any]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self) -> Iterator[Any]:
        """One writer at a time: a lock within this process, BEGIN IMMEDIATE across processes.
        A read-only journal refuses here, before anything is tried (JournalReadOnly)."""
        if self.read_only is not None:
            raise JournalReadOnly(self.paths, self.read_only)
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
