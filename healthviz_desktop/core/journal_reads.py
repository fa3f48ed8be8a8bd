"""Reading the journal: the one place that lists, loads and searches entries.

``JournalReads`` needs only a ``raw()`` context manager that yields a plain sqlite3 connection, so the
same code serves ``Journal`` (reads and writes) and ``JournalReader`` (the window's quick start,
which must not wait ~550 ms for SQLAlchemy to import before showing the list).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.entry_rows import load_entries
from healthviz_desktop.core.model import Dose, Entry
from healthviz_desktop.core.query import JournalFilter, filter_sql
from healthviz_desktop.core.timefmt import from_iso

# meta key: counts committed entry writes (core/journal.py bumps it; core/journal_watch.py reads it)
CHANGE_COUNTER = "entry_changes"


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


class JournalReads:
    """Read methods over any source of sqlite3 connections (see the module docstring)."""

    def raw(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def get(self, entry_id: int, *, include_deleted: bool = False) -> Entry:
        found = self._load([entry_id], include_deleted=include_deleted)
        if not found:
            raise EntryNotFound(entry_id)
        return found[0]

    def count(self, flt: JournalFilter | None = None) -> int:
        where, params = filter_sql(flt or JournalFilter())
        with self.raw() as raw:
            return int(raw.execute(f"SELECT count(*) FROM entry e WHERE {where}", params).fetchone()[0])

    def list_ids(self, flt: JournalFilter | None = None, offset: int = 0, limit: int = -1) -> list[int]:
        """Entry ids, newest first; cheap enough for a lazily-fetching view over 100k entries."""
        where, params = filter_sql(flt or JournalFilter())
        sql = f"SELECT e.id FROM entry e WHERE {where} ORDER BY e.occurred_utc DESC, e.id DESC LIMIT ? OFFSET ?"
        with self.raw() as raw:
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
        with self.raw() as raw:
            rows = raw.execute(sql, params).fetchall()
        return [SearchHit.from_row(r) for r in rows]

    def get_many(self, ids: Sequence[int]) -> list[Entry]:
        """Live entries for these ids, in the same order (missing or trashed ones are left out)."""
        return self._load(ids)

    def last_dose(self, name: str) -> Dose | None:
        """The most recent dose of a medication, so the editor can offer it again."""
        sql = ("SELECT d.id FROM dose d JOIN entry e ON e.id = d.entry_id WHERE e.deleted_at IS NULL "
               "AND lower(d.name) = lower(?) ORDER BY e.occurred_utc DESC LIMIT 1")
        with self.raw() as raw:
            row = raw.execute(sql, (name,)).fetchone()
            if row is None:
                return None
            d = raw.execute("SELECT entry_id, position FROM dose WHERE id = ?", (row[0],)).fetchone()
        dose: Dose = self.get(d[0]).doses[d[1]]
        return dose

    def existing_uids(self, uids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        with self.raw() as raw:
            for start in range(0, len(uids), 500):
                chunk = list(uids[start:start + 500])
                found.update(r[0] for r in raw.execute(
                    f"SELECT uid FROM entry WHERE uid IN ({sql_marks(chunk)})", chunk))
        return found

    def known_labels(self, kind: str) -> list[str]:
        with self.raw() as raw:
            return [r[0] for r in raw.execute(
                "SELECT name FROM entry_label WHERE kind = ? GROUP BY lower(name) ORDER BY count(*) DESC", (kind,))]

    def known_medications(self) -> list[str]:
        with self.raw() as raw:
            return [r[0] for r in raw.execute("SELECT name FROM dose GROUP BY lower(name) ORDER BY count(*) DESC")]

    def change_count(self) -> int:
        """How many entry writes the journal has committed (``meta.entry_changes``): read before a page is
        loaded, it is where a watch for other processes' changes starts counting (ui/journal_hub.py)."""
        with self.raw() as raw:
            row = raw.execute("SELECT value FROM meta WHERE key = ?", (CHANGE_COUNTER,)).fetchone()
        return int(row[0]) if row else 0

    def demo_entry_ids(self, *, last_removed: bool = False) -> list[int]:
        """The demo entries (``healthviz demo-data``) in the journal; with ``last_removed``, those in the trash
        that the latest removal put there (they share its time stamp), for undoing it."""
        if last_removed:
            sql = ("SELECT id FROM entry WHERE demo = 1 AND deleted_at = "
                   "(SELECT max(deleted_at) FROM entry WHERE demo = 1 AND deleted_at IS NOT NULL) ORDER BY id")
        else:
            sql = "SELECT id FROM entry WHERE demo = 1 AND deleted_at IS NULL ORDER BY id"
        with self.raw() as raw:
            return [r[0] for r in raw.execute(sql)]

    def days_between(self, first: date, last: date) -> list[Entry]:
        return self.list_entries(JournalFilter(date_from=first, date_to=last))

    def _load(self, ids: Sequence[int], *, include_deleted: bool = False) -> list[Entry]:
        if not ids:
            return []
        with self.raw() as raw:
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


def sql_marks(items: Sequence[object]) -> str:
    return ",".join("?" * len(items)) or "NULL"


