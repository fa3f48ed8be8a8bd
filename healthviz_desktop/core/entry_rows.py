"""Converting entries to table rows and back. One place, used by single saves and bulk imports alike."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.model import Dose, Entry, Observation
from healthviz_desktop.core.timefmt import from_iso, offset_minutes, to_iso, to_utc_key

ENTRY_SQL = (
    "INSERT INTO entry (id, uid, occurred_at, occurred_utc, utc_offset_minutes, day, search_key, notes, mood,"
    " energy, sleep_hours, sleep_quality, created_at, updated_at, deleted_at, revision, demo)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
OBSERVATION_SQL = (
    "INSERT INTO observation (entry_id, position, symptom, custom, severity, qualities, body_area, onset_at,"
    " duration_minutes) VALUES (?,?,?,?,?,?,?,?,?)"
)
DOSE_SQL = (
    "INSERT INTO dose (entry_id, position, name, custom, amount, unit, taken_at, relief, drug_class)"
    " VALUES (?,?,?,?,?,?,?,?,?)"
)
LABEL_SQL = "INSERT INTO entry_label (entry_id, kind, position, name) VALUES (?,?,?,?)"
FTS_SQL = "INSERT INTO entry_fts (rowid, entry_id, notes, symptoms, labels, medications) VALUES (?,?,?,?,?,?)"

_KEY_EPOCH = -5364662400  # 1800-01-01T00:00Z: keys stay positive for every allowed year
_ID_BITS = 20


def search_key(occurred_at: datetime, entry_id: int) -> int:
    """The entry's rowid in the full-text index: sorts by when it happened, so FTS5 can return the
    newest matches first by walking its own rowid order and stop after the first page, instead of
    sorting every match. Unique for any journal under 2**20 (a million) entries per second."""
    return (int(occurred_at.timestamp()) - _KEY_EPOCH) << _ID_BITS | (entry_id & ((1 << _ID_BITS) - 1))


@dataclass
class RowBatch:
    """Rows for any number of entries, ready for executemany in one transaction."""

    entries: list[tuple[Any, ...]] = field(default_factory=list)
    observations: list[tuple[Any, ...]] = field(default_factory=list)
    doses: list[tuple[Any, ...]] = field(default_factory=list)
    labels: list[tuple[Any, ...]] = field(default_factory=list)
    fts: list[tuple[Any, ...]] = field(default_factory=list)

    def add(self, entry_id: int, entry: Entry, created_at: str, updated_at: str, revision: int = 1) -> None:
        key = search_key(entry.occurred_at, entry_id)
        self.entries.append((
            entry_id, entry.uid, to_iso(entry.occurred_at), to_utc_key(entry.occurred_at),
            offset_minutes(entry.occurred_at), entry.effective_day().isoformat(), key, entry.notes, entry.mood,
            entry.energy, entry.sleep_hours, entry.sleep_quality, created_at, updated_at, None, revision,
            int(entry.demo),
        ))
        for pos, obs in enumerate(entry.observations):
            self.observations.append((
                entry_id, pos, obs.symptom, int(obs.custom), obs.severity,
                _json_keys(obs.qualities), obs.body_area, _iso_or_none(obs),
                obs.duration_minutes,
            ))
        for pos, dose in enumerate(entry.doses):
            self.doses.append((
                entry_id, pos, dose.name, int(dose.custom), dose.amount, dose.unit,
                to_iso(dose.taken_at) if dose.taken_at else None, dose.relief, dose.drug_class,
            ))
        for kind, names in (("tag", entry.tags), ("trigger", entry.triggers)):
            for pos, name in enumerate(names):
                self.labels.append((entry_id, kind, pos, name))
        self.fts.append((key, entry_id, *fts_columns(entry)))

    def write(self, conn: sqlite3.Connection, *, replace: bool = False) -> None:
        # REPLACE (for edits) deletes the old entry row first; ON DELETE CASCADE clears its children.
        conn.executemany(ENTRY_SQL.replace("INSERT", "INSERT OR REPLACE") if replace else ENTRY_SQL, self.entries)
        conn.executemany(OBSERVATION_SQL, self.observations)
        conn.executemany(DOSE_SQL, self.doses)
        conn.executemany(LABEL_SQL, self.labels)
        conn.executemany(FTS_SQL, self.fts)


def _json_keys(keys: list[str]) -> str:
    # Quality keys are validated catalogue identifiers ([a-z_]), so this equals json.dumps, faster.
    return '["' + '", "'.join(keys) + '"]' if keys else "[]"


def _iso_or_none(obs: Observation) -> str | None:
    return to_iso(obs.onset_at) if obs.onset_at else None


def fts_columns(entry: Entry) -> tuple[str, str, str, str]:
    """What search can find: notes, symptom words (label, qualities, area), tags and triggers, medications."""
    cat = catalogue()
    symptoms: list[str] = []
    for obs in entry.observations:
        symptoms.append(obs.label)
        symptoms.extend(cat.qualities[q].label for q in obs.qualities if q in cat.qualities)
        if obs.body_area in cat.areas:
            symptoms.append(cat.areas[obs.body_area].label)
    meds: list[str] = []
    for dose in entry.doses:
        meds.append(dose.label)
        if not dose.custom:
            meds.extend(cat.medications[dose.name].aliases)
    return entry.notes, " ".join(symptoms), " ".join([*entry.tags, *entry.triggers]), " ".join(meds)


Row = Mapping[str, Any]  # sqlite3.Row: columns by name


# Column lists as the tables declare them. Kept here, not read from core/tables.py, so that reading the
# journal never imports SQLModel (~550 ms); tests/test_storage.py checks they match the schema.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "entry": ("id", "uid", "occurred_at", "occurred_utc", "utc_offset_minutes", "day", "search_key", "notes",
              "mood", "energy", "sleep_hours", "sleep_quality", "created_at", "updated_at", "deleted_at", "revision",
              "demo"),
    "observation": ("id", "entry_id", "position", "symptom", "custom", "severity", "qualities", "body_area",
                    "onset_at", "duration_minutes"),
    "dose": ("id", "entry_id", "position", "name", "custom", "amount", "unit", "taken_at", "relief",
             "drug_class"),
    "entry_label": ("entry_id", "kind", "position", "name"),
}


def _columns(table: str) -> str:
    return ", ".join(TABLE_COLUMNS[table])


def entries_from_rows(
    entry_rows: Sequence[Row], observations: Iterable[Row], doses: Iterable[Row], labels: Iterable[Row],
) -> list[Entry]:
    by_id: dict[int, Entry] = {}
    ordered: list[Entry] = []
    for row in entry_rows:
        entry = Entry(
            id=row["id"], uid=row["uid"], occurred_at=from_iso(row["occurred_at"]),
            day=date.fromisoformat(row["day"]), notes=row["notes"], mood=row["mood"], energy=row["energy"],
            sleep_hours=row["sleep_hours"], sleep_quality=row["sleep_quality"],
            created_at=from_iso(row["created_at"]), updated_at=from_iso(row["updated_at"]),
            revision=row["revision"], demo=bool(row["demo"]),
        )
        by_id[row["id"]] = entry
        ordered.append(entry)
    for o in sorted(observations, key=lambda r: (r["entry_id"], r["position"])):
        by_id[o["entry_id"]].observations.append(Observation(
            symptom=o["symptom"], severity=o["severity"], qualities=list(json.loads(o["qualities"])),
            body_area=o["body_area"], onset_at=from_iso(o["onset_at"]) if o["onset_at"] else None,
            duration_minutes=o["duration_minutes"], custom=bool(o["custom"]),
        ))
    for d in sorted(doses, key=lambda r: (r["entry_id"], r["position"])):
        by_id[d["entry_id"]].doses.append(Dose(
            name=d["name"], amount=d["amount"], unit=d["unit"],
            taken_at=from_iso(d["taken_at"]) if d["taken_at"] else None, relief=d["relief"],
            drug_class=d["drug_class"], custom=bool(d["custom"]),
        ))
    for lab in sorted(labels, key=lambda r: (r["entry_id"], r["kind"], r["position"])):
        entry = by_id[lab["entry_id"]]
        (entry.tags if lab["kind"] == "tag" else entry.triggers).append(lab["name"])
    return ordered


def load_entries(raw: sqlite3.Connection, ids: Sequence[int], *, include_deleted: bool) -> list[Entry]:
    """Entries with their children in four queries a chunk, in the order of ``ids``."""
    found: dict[int, Entry] = {}
    cur = raw.cursor()
    cur.row_factory = sqlite3.Row
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        marks = ",".join("?" * len(chunk))
        live = "" if include_deleted else " AND deleted_at IS NULL"
        sql = f"SELECT {_columns('entry')} FROM entry WHERE id IN ({marks}){live}"
        rows = cur.execute(sql, chunk).fetchall()
        kept = [r["id"] for r in rows]
        marks = ",".join("?" * len(kept))
        children = [
            cur.execute(f"SELECT {_columns(t)} FROM {t} WHERE entry_id IN ({marks})", kept).fetchall()
            if kept else []
            for t in ("observation", "dose", "entry_label")
        ]
        for entry in entries_from_rows(rows, *children):
            assert entry.id is not None
            found[entry.id] = entry
    return [found[i] for i in ids if i in found]
