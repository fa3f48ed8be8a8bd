"""The journal service: add, read, edit, trash and undo, list and search entries.

Every method is a short transaction, safe to call from a worker thread; results are plain dataclasses.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from healthviz_desktop.core.database import Database
from healthviz_desktop.core.entry_rows import FTS_SQL, RowBatch, fts_columns, load_entries, search_key
from healthviz_desktop.core.journal_reads import (
    CHANGE_COUNTER,
    EntryNotFound,
    JournalReads,
    SearchHit,
    search_sql,
    sql_marks,
)
from healthviz_desktop.core.model import Entry, ValidationFailed, normalise_entry, validate_entry
from healthviz_desktop.core.paths import DataPaths
from healthviz_desktop.core.timefmt import now_utc_iso

__all__ = ["CHANGE_COUNTER", "DuplicateEntry", "EditConflict", "EntryNotFound", "Journal", "SearchHit", "search_sql"]

# CHANGE_COUNTER (core/journal_reads.py) is bumped by every committed entry write (add, edit, trash, undo,
# purge, import), so a window can tell that another process changed the entries (core/journal_watch.py).


class DuplicateEntry(ValueError):
    """An entry's uid is taken (uids identify an entry across exports), so the whole save was refused."""

    def __init__(self, uid: str, *, in_journal: bool, in_trash: bool = False) -> None:
        self.uid = uid
        what = f"The uid {uid} is given to more than one of the entries being saved"
        if in_journal:
            where = "this journal's trash" if in_trash else "this journal"
            what = f"An entry with uid {uid} is already in {where}"
        super().__init__(f"{what}, so nothing was saved.")


class EditConflict(Exception):
    """A save made against a revision of the entry that is no longer the stored one: nothing was saved.

    ``mine`` is what the caller tried to save, ``theirs`` the entry as it is now; ``trashed`` when it was
    moved to the trash meanwhile. Nothing is ever written over silently: the window shows both versions
    (keep mine, take theirs, merge), the CLI refuses with this message and exit code 7."""

    exit_code = 7  # commands/exit_codes.EDIT_CONFLICT (core does not import commands)

    def __init__(self, mine: Entry, theirs: Entry, *, trashed: bool) -> None:
        self.entry_id, self.mine, self.theirs, self.trashed = mine.id, mine, theirs, trashed
        if trashed:
            what = f"Entry {mine.id} was moved to the trash by another window or command"
        else:
            what = (f"Entry {mine.id} was changed by another window or command since it was read "
                    f"(revision {mine.revision}, now {theirs.revision})")
        super().__init__(f"{what}, so this change was not saved. Nothing was overwritten: look at the entry "
                         f"again (healthviz entry show {mine.id}) and make the change to that version.")


class Journal(JournalReads):
    """The journal for reading and writing; every write is one short transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def raw(self) -> AbstractContextManager[sqlite3.Connection]:
        return self.db.raw()

    @classmethod
    def open(cls, data_dir: Path | None = None) -> Journal:
        return cls(Database.open(DataPaths.at(data_dir)))

    @property
    def paths(self) -> DataPaths:
        return self.db.paths

    def close(self) -> None:
        self.db.close()

    # ---- writing -------------------------------------------------------------------------------

    def prepare(self, entry: Entry) -> Entry:
        """Normalise and validate a copy of ``entry``; raises ValidationFailed naming each bad field."""
        entry = normalise_entry(replace(entry, observations=[replace(o) for o in entry.observations],
                                        doses=[replace(d) for d in entry.doses],
                                        tags=list(entry.tags), triggers=list(entry.triggers)))
        errors = validate_entry(entry)
        if errors:
            raise ValidationFailed(errors)
        return entry

    def add(self, entry: Entry) -> Entry:
        return self.add_many([entry])[0]

    def add_many(self, entries: Sequence[Entry], *, prepared: bool = False,
                 keep_timestamps: bool = False, skip_existing: bool = False) -> list[Entry]:
        """Insert entries in one transaction: all of them or none. Returns the ones saved, with ids.

        With ``prepared=True`` the caller hands over entries it got from ``prepare()`` (or equivalent
        normalisation and validation); they are given their ids in place. A uid already in the journal
        raises DuplicateEntry, unless ``skip_existing``: then that entry is left out of the result.
        """
        ready = list(entries) if prepared else [self.prepare(e) for e in entries]
        now = now_utc_iso()
        batch = RowBatch()
        saved: list[Entry] = []
        with self._entry_write() as raw:
            if skip_existing:  # inside BEGIN IMMEDIATE: nobody can add one of these uids before we do
                present = _uids_present(raw, [e.uid for e in ready])
                ready = [e for e in ready if e.uid not in present]
            next_id = _next_entry_id(raw)
            for offset, entry in enumerate(ready):
                created = entry.created_at.isoformat() if keep_timestamps and entry.created_at else now
                updated = entry.updated_at.isoformat() if keep_timestamps and entry.updated_at else now
                # prepared entries are our copies
                entry.id, entry.day, entry.revision = next_id + offset, entry.effective_day(), 1
                batch.add(entry.id, entry, created, updated)
                saved.append(entry)
            try:
                batch.write(raw)
            except sqlite3.IntegrityError as exc:
                raise _duplicate_or(exc, raw, ready, next_id) from exc
        return saved

    def update(self, entry: Entry, *, revive: bool = False) -> Entry:
        """Save an edited entry; returns it as stored, with its new revision.

        An entry read from the journal carries the revision it was read at: if the stored entry has been
        saved since, or moved to the trash, this raises EditConflict and writes nothing. ``revive`` saves
        over a trashed entry (the person chose "restore it with my changes"). An entry with revision 0
        was not read from this journal, and is saved as given."""
        if entry.id is None:
            raise ValueError("update() needs an entry with an id")
        ready = self.prepare(entry)
        with self._entry_write() as raw:
            row = raw.execute("SELECT created_at, deleted_at, revision FROM entry WHERE id = ?",
                              (entry.id,)).fetchone()
            if row is None:
                raise EntryNotFound(entry.id)
            trashed = row[1] is not None and not revive
            if entry.revision and (row[2] != entry.revision or trashed):
                theirs = load_entries(raw, [entry.id], include_deleted=True)[0]
                raise EditConflict(ready, theirs, trashed=trashed)
            if trashed:
                raise EntryNotFound(entry.id)
            _delete_rows(raw, [entry.id])
            batch = RowBatch()
            batch.add(entry.id, ready, row[0], now_utc_iso(), revision=row[2] + 1)
            batch.write(raw, replace=True)
        return self.get(entry.id)

    def delete(self, entry_id: int) -> None:
        """Move to the trash (undo with ``undelete``); nothing is erased."""
        self.delete_many([entry_id])

    def undelete(self, entry_id: int) -> None:
        self.undelete_many([entry_id])

    def delete_many(self, entry_ids: Sequence[int]) -> str:
        """Move these entries to the trash in one transaction, all with one time stamp (returned), so that
        what went together can be brought back together. Raises EntryNotFound, moving none, if one is not
        in the journal."""
        stamp = now_utc_iso()
        self._set_deleted(entry_ids, stamp)
        return stamp

    def undelete_many(self, entry_ids: Sequence[int]) -> None:
        self._set_deleted(entry_ids, None)

    def _set_deleted(self, entry_ids: Sequence[int], stamp: str | None) -> None:
        """Trash takes entries out of the search index; undo puts them back."""
        ids = list(entry_ids)
        if not ids:
            return
        with self._entry_write() as raw:
            entries = {e.id: e for e in load_entries(raw, ids, include_deleted=True)}
            for entry_id in ids:
                if entry_id not in entries:
                    raise EntryNotFound(entry_id)
            raw.executemany("UPDATE entry SET deleted_at = ? WHERE id = ?", [(stamp, i) for i in ids])
            _delete_fts(raw, ids)
            if stamp is None:
                raw.executemany(FTS_SQL, [(search_key(e.occurred_at, i), i, *fts_columns(e))
                                          for i, e in entries.items() if i is not None])

    def purge(self, entry_ids: Iterable[int]) -> int:
        """Erase trashed entries for good."""
        ids = list(entry_ids)
        with self._entry_write() as raw:
            trashed = [r[0] for r in raw.execute(
                f"SELECT id FROM entry WHERE deleted_at IS NOT NULL AND id IN ({sql_marks(ids)})", ids)]
            _delete_rows(raw, trashed)
            raw.executemany("DELETE FROM entry WHERE id = ?", [(i,) for i in trashed])
        return len(trashed)

    @contextmanager
    def _entry_write(self) -> Iterator[Any]:
        """A write transaction that changes entries (``Database.write``), counted in the journal's change
        counter when it commits; the count is noted as this journal's own (``db.own_changes``), so that a
        window watching the file tells its own saves from another process's."""
        counted: list[int] = []
        try:
            with self.db.write() as conn:
                raw = conn.connection.dbapi_connection
                yield raw
                raw.execute("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE "
                            "SET value = CAST(value AS INTEGER) + 1", (CHANGE_COUNTER,))
                counted.append(int(raw.execute("SELECT value FROM meta WHERE key = ?",
                                               (CHANGE_COUNTER,)).fetchone()[0]))
                self.db.own_changes.add(counted[0])  # before COMMIT: a watcher must never see it unnoted
        except BaseException:
            for value in counted:  # noted, but the commit failed: it is not ours after all
                self.db.own_changes.discard(value)
            raise

def _uids_present(raw: Any, uids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(uids), 500):
        chunk = list(uids[start:start + 500])
        found.update(r[0] for r in raw.execute(f"SELECT uid FROM entry WHERE uid IN ({sql_marks(chunk)})", chunk))
    return found


def _duplicate_or(exc: sqlite3.IntegrityError, raw: Any, ready: Sequence[Entry], next_id: int) -> Exception:
    """Name the uid that broke ``entry.uid``'s UNIQUE constraint (anything else is a bug, re-raised as is).

    Found after the fact rather than checked up front, so the hot path (bulk imports) pays nothing:
    executemany stops at the first failing row, and the rows before it are still in this transaction
    (which rolls back when we raise), so their count is the failing entry's position in ``ready``.
    """
    if "entry.uid" not in str(exc):
        return exc
    inserted = raw.execute("SELECT count(*) FROM entry WHERE id >= ?", (next_id,)).fetchone()[0]
    uid = ready[inserted].uid
    before = raw.execute("SELECT deleted_at FROM entry WHERE uid = ? AND id < ?", (uid, next_id)).fetchone()
    return DuplicateEntry(uid, in_journal=before is not None, in_trash=bool(before and before[0]))


def _next_entry_id(raw: Any) -> int:
    # Inside BEGIN IMMEDIATE nobody else can insert, so pre-assigning ids is safe; AUTOINCREMENT's
    # sqlite_sequence keeps ids of purged entries from ever being reused.
    seq = raw.execute("SELECT seq FROM sqlite_sequence WHERE name = 'entry'").fetchone()
    top = raw.execute("SELECT max(id) FROM entry").fetchone()[0]
    return max(seq[0] if seq else 0, top or 0) + 1


def _delete_fts(raw: Any, entry_ids: Sequence[int]) -> None:
    raw.executemany("DELETE FROM entry_fts WHERE rowid = (SELECT search_key FROM entry WHERE id = ?)",
                    [(i,) for i in entry_ids])


def _delete_rows(raw: Any, entry_ids: Sequence[int]) -> None:
    """Remove an entry's children and search row (the entry row itself stays unless purged)."""
    params = [(i,) for i in entry_ids]
    for table in ("observation", "dose", "entry_label"):
        raw.executemany(f"DELETE FROM {table} WHERE entry_id = ?", params)
    _delete_fts(raw, entry_ids)
