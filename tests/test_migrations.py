"""Migrations on real files: a journal written by an older schema, upgraded by the app's own code, ends up with
exactly the schema a new journal gets and every row it held; each step run twice changes nothing; a schema
even one version newer is refused untouched.

Older journals are built by the app's own released steps (never edited, DEVELOPERS.md), and filled with
rows written as that release wrote them: the rows below are frozen to the v1 and v2 tables, which no later
step may change, so they stay valid however the schema grows.
"""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import healthviz_desktop.core.migrations as migrations
from healthviz_desktop.core.backups import list_backups
from healthviz_desktop.core.database import Database, DatabaseTooNew
from healthviz_desktop.core.entry_rows import search_key
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.paths import DataPaths
from tests.conftest import sample_entry

TZ = timezone(timedelta(hours=1))
WHEN = datetime(2026, 3, 2, 21, 40, tzinfo=TZ)
LATE = datetime(2026, 3, 4, 1, 30, tzinfo=TZ)  # after midnight: counts for the 3rd

# (table, {column: value}) as version 1 wrote them: a full entry, an after-midnight one in the trash.
V1_ROWS: list[tuple[str, dict[str, Any]]] = [
    ("entry", {"id": 1, "uid": "made-up-v1-1", "occurred_at": "2026-03-02T21:40:00+01:00",
               "occurred_utc": "2026-03-02T20:40:00Z", "utc_offset_minutes": 60, "day": "2026-03-02",
               "search_key": search_key(WHEN, 1), "notes": "Quiet evening; the dark room helped.", "mood": 4,
               "energy": 3, "sleep_hours": 6.5, "sleep_quality": 5, "created_at": "2026-03-02T20:41:00Z",
               "updated_at": "2026-03-02T20:41:00Z", "deleted_at": None}),
    ("entry", {"id": 2, "uid": "made-up-v1-2", "occurred_at": "2026-03-04T01:30:00+01:00",
               "occurred_utc": "2026-03-04T00:30:00Z", "utc_offset_minutes": 60, "day": "2026-03-03",
               "search_key": search_key(LATE, 2), "notes": "", "mood": None, "energy": None,
               "sleep_hours": None, "sleep_quality": None, "created_at": "2026-03-04T00:31:00Z",
               "updated_at": "2026-03-04T00:32:00Z", "deleted_at": "2026-03-04T00:32:00Z"}),
    ("observation", {"id": 1, "entry_id": 1, "position": 0, "symptom": "migraine", "custom": 0, "severity": 7,
                     "qualities": '["throbbing"]', "body_area": "temples", "onset_at": "2026-03-02T19:00:00+01:00",
                     "duration_minutes": 180}),
    ("observation", {"id": 2, "entry_id": 1, "position": 1, "symptom": "Jaw clicking", "custom": 1,
                     "severity": 3, "qualities": "[]", "body_area": None, "onset_at": None,
                     "duration_minutes": None}),
    ("observation", {"id": 3, "entry_id": 2, "position": 0, "symptom": "nausea", "custom": 0, "severity": 2,
                     "qualities": "[]", "body_area": None, "onset_at": None, "duration_minutes": None}),
    ("dose", {"id": 1, "entry_id": 1, "position": 0, "name": "ibuprofen", "custom": 0, "amount": 400.0,
              "unit": "mg", "taken_at": "2026-03-02T19:30:00+01:00", "relief": "some",
              "drug_class": "simple_analgesic"}),
    ("dose", {"id": 2, "entry_id": 1, "position": 1, "name": "Grandma's tea", "custom": 1, "amount": None,
              "unit": None, "taken_at": None, "relief": None, "drug_class": None}),
    ("entry_label", {"entry_id": 1, "kind": "tag", "position": 0, "name": "work"}),
    ("entry_label", {"entry_id": 1, "kind": "trigger", "position": 0, "name": "poor sleep"}),
    ("entry_fts", {"rowid": search_key(WHEN, 1), "entry_id": 1, "notes": "Quiet evening; the dark room helped.",
                   "symptoms": "Migraine Throbbing Temples Jaw clicking", "labels": "work poor sleep",
                   "medications": "Ibuprofen Grandma's tea advil nurofen"}),
    ("meta", {"key": "made-by", "value": "a frozen v1 fixture"}),
]

# As version 2 added them: a finished paid job with its history and ledger charge, a provider's settings.
V2_ROWS: list[tuple[str, dict[str, Any]]] = [
    ("generation_job", {"id": 1, "uid": "0f" * 16, "provider": "fake", "status": "completed",
                        "request_json": '{"model": "sora-2", "prompt": "A knot of light.", "seconds": "4", '
                                        '"size": "1280x720"}',
                        "spec_json": "{}", "remix_of": None, "entry_ids": "[1]", "estimate": 0.4,
                        "currency": "USD", "remote_id": "video_123", "remote_state": "completed", "progress": 100,
                        "attempts": 0, "next_attempt_at": None, "error_code": None, "message": "",
                        "clip_path": "/nowhere/clip.mp4", "thumb_path": None, "lease_owner": None,
                        "created_at": "2026-03-05T10:00:00Z", "updated_at": "2026-03-05T10:02:00Z",
                        "sent_at": "2026-03-05T10:00:01Z", "submitted_at": "2026-03-05T10:00:02Z",
                        "finished_at": "2026-03-05T10:02:00Z"}),
    ("generation_event", {"id": 1, "job_id": 1, "at": "2026-03-05T10:02:00Z", "status": "completed",
                          "detail": "clip delivered"}),
    ("cost_ledger", {"id": 1, "job_id": 1, "provider": "fake", "model": "sora-2", "seconds": 4,
                     "size": "1280x720", "amount": 0.4, "currency": "USD", "month": "2026-03",
                     "recorded_at": "2026-03-05T10:02:00Z"}),
    ("provider_setting", {"name": "fake", "kind": "openai-videos",
                          "settings": '{"base_url": "http://127.0.0.1:9/v1"}', "updated_at": "2026-03-05T09:00:00Z"}),
]

ROWS_BY_VERSION = {1: V1_ROWS, 2: V2_ROWS}
OLDER_VERSIONS = [s.version for s in migrations.STEPS[:-1]]


def _insert(conn: sqlite3.Connection, rows: list[tuple[str, dict[str, Any]]]) -> None:
    for table, row in rows:
        names = ", ".join(row)
        conn.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))


def _rows_up_to(version: int) -> list[tuple[str, dict[str, Any]]]:
    return [r for v, rows in sorted(ROWS_BY_VERSION.items()) if v <= version for r in rows]


def make_old_journal(path: Path, version: int) -> None:
    """A journal file as release ``version`` left it: its steps, its version, its rows."""
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        for step in migrations.STEPS:
            if step.version <= version:
                migrations.apply_step(conn, step)
        conn.execute("BEGIN")
        _insert(conn, _rows_up_to(version))
        conn.execute("COMMIT")
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    finally:
        conn.close()


def schema_of(conn: sqlite3.Connection) -> dict[str, Any]:
    """Everything about a schema that a query can depend on, independent of how a table was built (a column
    added by ALTER TABLE and one in the CREATE are the same here): columns, keys, indexes, virtual tables."""
    out: dict[str, Any] = {}
    objects = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                           "WHERE name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
    for kind, name, table, sql in objects:
        if kind == "table" and sql.upper().startswith("CREATE VIRTUAL TABLE"):
            out[name] = ("virtual", " ".join(sql.split()))
        elif kind == "table":
            out[name] = ("table", conn.execute(f"PRAGMA table_xinfo({name})").fetchall(),
                         sorted(conn.execute(f"PRAGMA foreign_key_list({name})").fetchall()))
        elif kind == "index":
            info = conn.execute(f"PRAGMA index_list({table})").fetchall()
            unique = next((row[2] for row in info if row[1] == name), None)
            out[name] = ("index", table, unique, conn.execute(f"PRAGMA index_xinfo({name})").fetchall())
        else:
            out[name] = (kind, table, " ".join((sql or "").split()))
    return out


def rows_of(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (FTS shadow tables included), in a stable order."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {name: sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr) for name in names}


def _read(path: Path, read: Any) -> Any:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return read(conn)
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fresh_schema(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The schema a journal created today has, made by the app (Journal.open on an empty folder)."""
    folder = tmp_path_factory.mktemp("fresh")
    Journal.open(folder).close()
    return _read(DataPaths.at(folder).database, schema_of)  # type: ignore[no-any-return]


@pytest.mark.parametrize("version", OLDER_VERSIONS)
def test_an_older_journal_is_upgraded_by_the_app_to_the_current_schema_keeping_every_row(
        tmp_path: Path, version: int, fresh_schema: dict[str, Any]) -> None:
    paths = DataPaths.at(tmp_path / "data").ensure()
    make_old_journal(paths.database, version)
    before = _read(paths.database, rows_of)

    journal = Journal.open(paths.root)  # the app's own upgrade: Database.open -> migrate -> pending steps
    journal.close()

    upgraded = _read(paths.database, schema_of)
    assert _read(paths.database, lambda c: c.execute("PRAGMA user_version").fetchone()[0]) == \
        migrations.SCHEMA_VERSION
    missing = sorted(set(fresh_schema) - set(upgraded))
    assert not missing, f"upgrading from v{version} left out {missing}"
    assert upgraded == fresh_schema
    after = _read(paths.database, rows_of)
    for table, rows in before.items():
        width = len(rows[0]) if rows else 0  # columns a later step adds come after the old ones
        kept = [row[:width] for row in after[table]]
        assert [row for row in rows if row not in kept] == [], f"{table}: rows lost or changed"
    copies = [b for b in list_backups(paths) if b.reason == f"pre-migration-v{version}"]
    assert len(copies) == 1 and _read(copies[0].path, rows_of) == before  # the untouched original, kept


@pytest.mark.parametrize("version", OLDER_VERSIONS)
def test_an_upgraded_journal_reads_searches_and_takes_new_entries(tmp_path: Path, version: int) -> None:
    paths = DataPaths.at(tmp_path / "data").ensure()
    make_old_journal(paths.database, version)
    journal = Journal.open(paths.root)
    try:
        assert journal.count() == 1
        entry = journal.get(1)
        assert (entry.uid, entry.occurred_at, entry.day, entry.notes) == (
            "made-up-v1-1", WHEN, WHEN.date(), "Quiet evening; the dark room helped.")
        assert [(o.symptom, o.severity, o.qualities, o.custom) for o in entry.observations] == [
            ("migraine", 7, ["throbbing"], False), ("Jaw clicking", 3, [], True)]
        assert [(d.name, d.amount, d.drug_class) for d in entry.doses] == [
            ("ibuprofen", 400.0, "simple_analgesic"), ("Grandma's tea", None, None)]
        assert (entry.tags, entry.triggers) == (["work"], ["poor sleep"])
        trashed = journal.get(2, include_deleted=True)
        assert trashed.day == LATE.date() - timedelta(days=1)
        assert [hit.entry_id for hit in journal.search("dark room")] == [1]
        added = journal.add(sample_entry(notes="after the upgrade"))
        assert added.id == 3  # AUTOINCREMENT carried on from the old rows: no id is ever reused
        assert [hit.entry_id for hit in journal.search("upgrade")] == [3]
    finally:
        journal.close()


def test_every_migration_step_run_twice_changes_no_schema_and_no_row(tmp_path: Path) -> None:
    """A crash between a step and its version bump re-runs the step on the next start: that must be harmless,
    with the rows written in between (a step's own tables filled) still there, unchanged."""
    conn = sqlite3.connect(tmp_path / "twice.sqlite3")
    conn.isolation_level = None
    try:
        for step in migrations.STEPS:
            step.apply(conn)
            _insert(conn, ROWS_BY_VERSION.get(step.version, []))
            schema, rows = schema_of(conn), rows_of(conn)
            step.apply(conn)
            assert schema_of(conn) == schema, f"step {step.version} changed the schema when run again"
            assert rows_of(conn) == rows, f"step {step.version} changed rows when run again"
    finally:
        conn.close()


def test_a_step_interrupted_before_its_version_bump_is_finished_by_the_next_start(tmp_path: Path,
                                                                                  fresh_schema: dict[str, Any]) -> None:
    """The crash the idempotency rule is for: the last step's tables exist, the version still says the one
    before. The app's next open runs the step again and the journal ends up whole."""
    paths = DataPaths.at(tmp_path / "data").ensure()
    make_old_journal(paths.database, migrations.SCHEMA_VERSION - 1)
    conn = sqlite3.connect(paths.database)
    conn.isolation_level = None
    migrations.STEPS[-1].apply(conn)  # applied, then the power went before the version bump was committed
    conn.close()
    before = _read(paths.database, rows_of)
    Journal.open(paths.root).close()
    assert _read(paths.database, schema_of) == fresh_schema
    after = _read(paths.database, rows_of)
    assert {t: r for t, r in after.items() if r} == {t: r for t, r in before.items() if r}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("ahead", [1, 5])
def test_a_journal_even_one_schema_newer_is_refused_untouched(data_dir: Path, ahead: int) -> None:
    Journal.open(data_dir).close()
    db = DataPaths.at(data_dir).database
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + ahead}")
    conn.close()
    before = _sha(db)
    with pytest.raises(DatabaseTooNew, match=f"schema {migrations.SCHEMA_VERSION + ahead}"):
        Database.open(DataPaths.at(data_dir))
    assert _sha(db) == before and list(DataPaths.at(data_dir).backups.iterdir()) == []


def test_a_step_that_fails_halfway_leaves_the_journal_as_it_was(data_dir: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A step and its version bump are one transaction: a step that fails part-way (a full disk, a bug) leaves
    neither its first statements nor a new version behind, and the journal opens as before."""
    import healthviz_desktop.core.database as database

    journal = Journal.open(data_dir)
    journal.add(sample_entry())
    journal.close()
    db = DataPaths.at(data_dir).database
    schema, rows = _read(db, schema_of), _read(db, rows_of)

    def fails_halfway(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x INTEGER)")
        conn.execute("INSERT INTO half_done VALUES (1)")
        raise sqlite3.OperationalError("database or disk is full")

    extra = migrations.Step(migrations.SCHEMA_VERSION + 1, "test: fails halfway", fails_halfway)
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, extra))
    monkeypatch.setattr(database, "SCHEMA_VERSION", extra.version)
    with pytest.raises(sqlite3.OperationalError, match="disk is full"):
        Journal.open(data_dir)
    assert _read(db, lambda c: c.execute("PRAGMA user_version").fetchone()[0]) == extra.version - 1
    assert _read(db, schema_of) == schema and _read(db, rows_of) == rows
    monkeypatch.undo()
    reopened = Journal.open(data_dir)
    assert reopened.count() == 1
    reopened.close()
