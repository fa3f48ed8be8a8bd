"""Read-only journal access with the standard library's sqlite3 alone.

The window must show the journal fast: importing SQLAlchemy + SQLModel costs ~550 ms, more than a
bare Qt window takes to appear. This reader serves the list (count, pages of entries, vocabulary)
without them, so the first page shows while ``Journal`` (needed for writes) opens in the background.
Queries mirror ``Journal.count``/``list_ids``/``_load`` (same filter SQL, same order); a test checks
that both return the same entries.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from healthviz_desktop.core.database import BUSY_TIMEOUT_MS, migrate
from healthviz_desktop.core.model import Dose, Entry, Observation
from healthviz_desktop.core.paths import DataPaths
from healthviz_desktop.core.query import JournalFilter, filter_sql
from healthviz_desktop.core.timefmt import from_iso

_ENTRY_COLUMNS = "id, uid, occurred_at, day, notes, mood, energy, sleep_hours, sleep_quality, created_at, updated_at"


class JournalReader:
    def __init__(self, paths: DataPaths) -> None:
        self.paths = paths

    @classmethod
    def open(cls, data_dir: Path | None = None) -> JournalReader:
        """Create or migrate the journal file if needed (same steps as ``Journal.open``), then read."""
        paths = DataPaths.at(data_dir).ensure()
        migrate(paths)
        return cls(paths)

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """A fresh read-only connection per call: safe from any thread, cheap with SQLite."""
        conn = sqlite3.connect(self.paths.database, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("PRAGMA query_only = 1")
            yield conn
        finally:
            conn.close()

    def count(self, flt: JournalFilter | None = None) -> int:
        where, params = filter_sql(flt or JournalFilter())
        with self.raw() as raw:
            return int(raw.execute(f"SELECT count(*) FROM entry e WHERE {where}", params).fetchone()[0])

    def list_ids(self, flt: JournalFilter | None = None, offset: int = 0, limit: int = -1) -> list[int]:
        where, params = filter_sql(flt or JournalFilter())
        sql = f"SELECT e.id FROM entry e WHERE {where} ORDER BY e.occurred_utc DESC, e.id DESC LIMIT ? OFFSET ?"
        with self.raw() as raw:
            return [int(r[0]) for r in raw.execute(sql, [*params, limit, offset])]

    def list_entries(self, flt: JournalFilter | None = None, offset: int = 0, limit: int = -1) -> list[Entry]:
        ids = self.list_ids(flt, offset, limit)
        with self.raw() as raw:
            return _load(raw, ids)

    def known_medications(self) -> list[str]:
        with self.raw() as raw:
            return [str(r[0]) for r in raw.execute(
                "SELECT name FROM dose GROUP BY lower(name) ORDER BY count(*) DESC")]


def _load(raw: sqlite3.Connection, ids: Sequence[int]) -> list[Entry]:
    found: dict[int, Entry] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        marks = ",".join("?" * len(chunk))
        for r in raw.execute(f"SELECT {_ENTRY_COLUMNS} FROM entry WHERE id IN ({marks})", chunk):
            found[r[0]] = Entry(
                id=r[0], uid=r[1], occurred_at=from_iso(r[2]), day=date.fromisoformat(r[3]), notes=r[4],
                mood=r[5], energy=r[6], sleep_hours=r[7], sleep_quality=r[8], created_at=from_iso(r[9]),
                updated_at=from_iso(r[10]))
        for r in raw.execute("SELECT entry_id, symptom, severity, qualities, body_area, onset_at, duration_minutes,"
                             f" custom FROM observation WHERE entry_id IN ({marks}) ORDER BY entry_id, position",
                             chunk):
            found[r[0]].observations.append(Observation(
                symptom=r[1], severity=r[2], qualities=list(json.loads(r[3])), body_area=r[4],
                onset_at=from_iso(r[5]) if r[5] else None, duration_minutes=r[6], custom=bool(r[7])))
        for r in raw.execute("SELECT entry_id, name, amount, unit, taken_at, relief, drug_class, custom FROM dose"
                             f" WHERE entry_id IN ({marks}) ORDER BY entry_id, position", chunk):
            found[r[0]].doses.append(Dose(
                name=r[1], amount=r[2], unit=r[3], taken_at=from_iso(r[4]) if r[4] else None, relief=r[5],
                drug_class=r[6], custom=bool(r[7])))
        for r in raw.execute(f"SELECT entry_id, kind, name FROM entry_label WHERE entry_id IN ({marks})"
                             " ORDER BY entry_id, kind, position", chunk):
            (found[r[0]].tags if r[1] == "tag" else found[r[0]].triggers).append(r[2])
    return [found[i] for i in ids if i in found]
