"""Has someone else changed the journal's entries? Asked by an open window, about once a second.

Cheap enough for the GUI thread: a ``stat`` of the file and ``PRAGMA data_version`` on one idle read-only
connection (it changes only when another connection commits). Only then is the journal's change counter
read (``meta.entry_changes``, bumped by every committed entry write: core/journal.py), and the change is
reported unless every new count was committed by a writer this probe was told to ignore (the window's own
journal: it refreshes itself after its own saves). Writes that touch no entry (clip jobs) move
``data_version`` but not the counter, so they are not reported. A journal file replaced under the same
name is reported, and read from then on.

``since`` is the count the window's list was read at (``JournalReads.change_count``, read before its first
page): a write made between that read and the first poll is reported at the first poll, not lost.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Set

from healthviz_desktop.core.database import StorageError, connect
from healthviz_desktop.core.journal_reads import CHANGE_COUNTER
from healthviz_desktop.core.paths import DataPaths


class ChangeProbe:
    def __init__(self, paths: DataPaths, since: int | None = None) -> None:
        self.paths = paths
        self._conn: sqlite3.Connection | None = None
        self._file: tuple[int, int] | None = None  # (device, inode) of the file the connection reads
        self._version = 0
        self._count = 0
        self._since = since  # the count what is shown was read at; None: the first poll only looks
        self._ignored: list[Set[int]] = []

    def ignore_writes_of(self, own_changes: Set[int], *, only: bool = False) -> None:
        """Counts committed by this writer (``Journal.db.own_changes``, a live set) are not news. ``only``:
        instead of the writers given before (a journal reopened after a restore counts afresh)."""
        if only:
            self._ignored.clear()
        self._ignored.append(own_changes)

    def rebaseline(self) -> None:
        """What the journal holds now is known (the window itself replaced or reloaded it): the next poll
        only looks."""
        self.close()
        self._file, self._since = None, None

    def poll(self) -> bool:
        """True when the entries changed since the last poll (or since ``since``; else the first poll only looks)."""
        try:
            info = os.stat(self.paths.database)
        except OSError:
            had = self._conn is not None
            self.close()
            return had  # the journal went away (moved, or replaced in two steps): say so once
        file = (info.st_dev, info.st_ino)
        try:
            if file != self._file or self._conn is None:
                first = self._file is None
                self.close()
                self._conn = connect(self.paths, read_only=True)
                self._file = file
                self._version, self._count = self._data_version(), self._counter()
                if not first:
                    return True
                if self._since is None:
                    return False
                before, self._since = self._since, None  # the count the list was read at
            else:
                version = self._data_version()
                if version == self._version:
                    return False
                self._version = version
                before, self._count = self._count, self._counter()
        except (sqlite3.Error, StorageError):  # a journal being replaced or repaired: try again next time
            self.close()
            return False
        count = self._count
        if count == before:
            return False
        if count < before:  # another journal's counter (a restore copied a backup in)
            return True
        return any(not any(n in own for own in self._ignored) for n in range(before + 1, count + 1))

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None

    def _data_version(self) -> int:
        assert self._conn is not None
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _counter(self) -> int:
        assert self._conn is not None
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (CHANGE_COUNTER,)).fetchone()
        return int(row[0]) if row else 0
