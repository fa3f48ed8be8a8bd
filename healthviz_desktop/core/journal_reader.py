"""Read-only journal access with the standard library's sqlite3 alone, for the window's first paint.

Importing SQLAlchemy + SQLModel (what ``Journal`` opens its engine with) costs ~550 ms, more than a bare
Qt window takes to appear. The reader shares every query with ``Journal`` (``JournalReads``) and
differs only in where its connections come from, so the list shows while ``Journal`` opens for writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from healthviz_desktop.core.database import connect, migrate, writable_again
from healthviz_desktop.core.journal_reads import JournalReads
from healthviz_desktop.core.paths import DataPaths


class JournalReader(JournalReads):
    def __init__(self, paths: DataPaths, read_only: str | None = None) -> None:
        self.paths = paths
        self.read_only = read_only  # why the journal can only be read (its folder or file), or None

    @classmethod
    def open(cls, data_dir: Path | None = None) -> JournalReader:
        """Create or migrate the journal file if needed (same steps as ``Journal.open``), then read."""
        paths = DataPaths.at(data_dir).ensure()
        writable_again(paths)
        migrate(paths)
        return cls(paths, paths.read_only_reason())

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """A fresh read-only connection per call: safe from any thread, cheap with SQLite. On a read-only
        journal it creates no file (see ``database.connect``)."""
        conn = connect(self.paths, read_only=self.read_only is not None)
        try:
            conn.execute("PRAGMA query_only = 1")
            yield conn
        finally:
            conn.close()
