"""The journal service: add, read, edit, trash and undo, list and search entries.

Every method is a short transaction, safe to call from a worker thread; results are plain dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.database import Database
from healthviz_desktop.core.entry_rows import FTS_SQL, RowBatch, fts_columns, load_entries, search_key
from healthviz_desktop.core.model import Dose, Entry, ValidationFailed, normalise_entry, validate_entry
from healthviz_desktop.core.paths import DataPaths
from healthviz_desktop.core.query import JournalFilter, filter_sql
from healthviz_desktop.core.timefmt import from_iso, now_utc_iso


class EntryNotFound(LookupError):
    def __init__(self, entry_id: int) -> None:
        self.entry_id = entry_id
        super().__init__(f"There is no entry {entry_id} in this journal.")


@dataclass(frozen=True)
class SearchHit:
    """What a result list shows: enough to draw a row without loading the whole entry."""

    entry_id: int
    day: date
    occurred_at: datetime
    snippet: str
    symptoms: tuple[tuple[str, int], ...]  # (label, severity)

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> SearchHit:
        symptoms = []
        for part in (row[4] or "").split("\x1e") if row[4] else ():
            name, custom, severity = part.split("\x1f")
            label = name if custom == "1" else catalogue().symptom_label(name)
            symptoms.append((label, int(severity)))
        return cls(row[0], date.fromisoformat(row[1]), from_iso(row[2]), row[3] or "", tuple(symptoms))

    @property
    def summary(self) -> str:
        return ", ".join(f"{label} {severity}/10" for label, severity in self.symptoms)


class Journal:
    def __init__(self, db: Database) -> None:
        self.db = db

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
                 keep_timestamps: bool = False) -> list[Entry]:
        """Insert entries in one transaction: all of them or none. Returns them with ids.

        With ``prepared=True`` the caller hands over entries it got from ``prepare()`` (or equivalent
        normalisation and validation); they are given their ids in place.
        """
        ready = list(entries) if prepared else [self.prepare(e) for e in entries]
        now = now_utc_iso()
        batch = RowBatch()
        saved: list[Entry] = []
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            next_id = _next_entry_id(raw)
            for offset, entry in enumerate(ready):
                created = entry.created_at.isoformat() if keep_timestamps and entry.created_at else now
                updated = entry.updated_at.isoformat() if keep_timestamps and entry.updated_at else now
                entry.id, entry.day = next_id + offset, entry.effective_day()  # prepared entries are our copies
                batch.add(entry.id, entry, created, updated)
                saved.append(entry)
            batch.write(raw)
        return saved

    def update(self, entry: Entry) -> Entry:
        if entry.id is None:
            raise ValueError("update() needs an entry with an id")
        ready = self.prepare(entry)
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            row = raw.execute("SELECT created_at, deleted_at FROM entry WHERE id = ?", (entry.id,)).fetchone()
            if row is None or row[1] is not None:
                raise EntryNotFound(entry.id)
            _delete_rows(raw, [entry.id])
            batch = RowBatch()
            batch.add(entry.id, ready, row[0], now_utc_iso())
            batch.write(raw, replace=True)
        return self.get(entry.id)

    def delete(self, entry_id: int) -> None:
        """Move to the trash (undo with ``undelete``); nothing is erased."""
        self._set_deleted(entry_id, now_utc_iso())

    def undelete(self, entry_id: int) -> None:
        self._set_deleted(entry_id, None)

    def _set_deleted(self, entry_id: int, stamp: str | None) -> None:
        """Trash takes the entry out of the search index; undo puts it back."""
        entry = self.get(entry_id, include_deleted=True)
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            cur = raw.execute("UPDATE entry SET deleted_at = ? WHERE id = ?", (stamp, entry_id))
            if cur.rowcount == 0:
                raise EntryNotFound(entry_id)
            _delete_fts(raw, [entry_id])
            if stamp is None:
                raw.execute(FTS_SQL, (search_key(entry.occurred_at, entry_id), entry_id, *fts_columns(entry)))

    def purge(self, entry_ids: Iterable[int]) -> int:
        """Erase trashed entries for good."""
        ids = list(entry_ids)
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            trashed = [r[0] for r in raw.execute(
                f"SELECT id FROM entry WHERE deleted_at IS NOT NULL AND id IN ({_marks(ids)})", ids)]
            _delete_rows(raw, trashed)
            raw.executemany("DELETE FROM entry WHERE id = ?", [(i,) for i in trashed])
        return len(trashed)

    # ---- reading -------------------------------------------------------------------------------

    def get(self, entry_id: int, *, include_deleted: bool = False) -> Entry:
        found = self._load([entry_id], include_deleted=include_deleted)
        if not found:
            raise EntryNotFound(entry_id)
        return found[0]

    def count(self, flt: JournalFilter | None = None) -> int:
        where, params = filter_sql(flt or JournalFilter())
        with self.db.raw() as raw:
            return int(raw.execute(f"SELECT count(*) FROM entry e WHERE {where}", params).fetchone()[0])

    def list_ids(self, flt: JournalFilter | None = None, offset: int = 0, limit: int = -1) -> list[int]:
        """Entry ids, newest first; cheap enough for a lazily-fetching view over 100k entries."""
        where, params = filter_sql(flt or JournalFilter())
        sql = f"SELECT e.id FROM entry e WHERE {where} ORDER BY e.occurred_utc DESC, e.id DESC LIMIT ? OFFSET ?"
        with self.db.raw() as raw:
            return [r[0] for r in raw.execute(sql, [*params, limit, offset])]

    def list_entries(self, flt: JournalFilter | None = None, offset: int = 0, limit: int = -1) -> list[Entry]:
        return self._load(self.list_ids(flt, offset, limit), include_deleted=True)

    def all_entries(self) -> list[Entry]:
        """Every live entry, oldest first (export order)."""
        ids = self.list_ids()
        return sorted(self._load(ids), key=lambda e: (e.occurred_at.timestamp(), e.uid))

    def search(self, text: str, flt: JournalFilter | None = None, limit: int = 200) -> list[SearchHit]:
        """Newest matches first, as light hits (load the entries you show with ``get_many``).

        Driven from the full-text index in its rowid (= time) order with no sort step, so the cost is
        one page of matches and their snippets, not every match."""
        flt = replace(flt or JournalFilter(), text=text)
        sql, params = search_sql(flt, limit)
        with self.db.raw() as raw:
            rows = raw.execute(sql, params).fetchall()
        return [SearchHit.from_row(r) for r in rows]

    def get_many(self, ids: Sequence[int]) -> list[Entry]:
        """Live entries for these ids, in the same order (missing or trashed ones are left out)."""
        return self._load(ids)

    def last_dose(self, name: str) -> Dose | None:
        """The most recent dose of a medication, so the editor can offer it again."""
        sql = ("SELECT d.id FROM dose d JOIN entry e ON e.id = d.entry_id WHERE e.deleted_at IS NULL "
               "AND lower(d.name) = lower(?) ORDER BY e.occurred_utc DESC LIMIT 1")
        with self.db.raw() as raw:
            row = raw.execute(sql, (name,)).fetchone()
            if row is None:
                return None
            d = raw.execute("SELECT entry_id, position FROM dose WHERE id = ?", (row[0],)).fetchone()
        dose: Dose = self.get(d[0]).doses[d[1]]
        return dose

    def existing_uids(self, uids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        with self.db.raw() as raw:
            for start in range(0, len(uids), 500):
                chunk = list(uids[start:start + 500])
                found.update(r[0] for r in raw.execute(
                    f"SELECT uid FROM entry WHERE uid IN ({_marks(chunk)})", chunk))
        return found

    def known_labels(self, kind: str) -> list[str]:
        with self.db.raw() as raw:
            return [r[0] for r in raw.execute(
                "SELECT name FROM entry_label WHERE kind = ? GROUP BY lower(name) ORDER BY count(*) DESC", (kind,))]

    def known_medications(self) -> list[str]:
        with self.db.raw() as raw:
            return [r[0] for r in raw.execute("SELECT name FROM dose GROUP BY lower(name) ORDER BY count(*) DESC")]

    def days_between(self, first: date, last: date) -> list[Entry]:
        return self.list_entries(JournalFilter(date_from=first, date_to=last))

    def _load(self, ids: Sequence[int], *, include_deleted: bool = False) -> list[Entry]:
        if not ids:
            return []
        with self.db.raw() as raw:
            return load_entries(raw, ids, include_deleted=include_deleted)


_SYMPTOMS = ("(SELECT group_concat(o.symptom || char(31) || o.custom || char(31) || o.severity, char(30)) "
             "FROM observation o WHERE o.entry_id = e.id)")


def search_sql(flt: JournalFilter, limit: int) -> tuple[str, list[Any]]:
    """One page of hits, newest first: id, day, time, snippet and symptoms of each entry."""
    columns = "e.id, e.day, e.occurred_at, {snippet}, " + _SYMPTOMS
    if not flt.fts_query():
        where, params = filter_sql(flt)
        sql = (f"SELECT {columns.format(snippet='substr(e.notes, 1, 80)')} FROM entry e WHERE {where} "
               "ORDER BY e.occurred_utc DESC, e.id DESC LIMIT ?")
        return sql, [*params, limit]
    where, params = filter_sql(flt, with_text=False)
    sql = (f"SELECT {columns.format(snippet=_SNIPPET)} FROM entry_fts "
           f"JOIN entry e ON e.id = entry_fts.entry_id WHERE entry_fts MATCH ? AND {where} "
           "ORDER BY entry_fts.rowid DESC LIMIT ?")
    return sql, [flt.fts_query(), *params, limit]


_SNIPPET = "snippet(entry_fts, 1, '[', ']', '…', 12)"


def _marks(items: Sequence[object]) -> str:
    return ",".join("?" * len(items)) or "NULL"


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
