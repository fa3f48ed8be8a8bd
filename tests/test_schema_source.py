"""The schema is declared once, in core/tables.py (SQLModel). The job store reads its column lists from it;
the migrations (plain SQL, since released steps never change) and the fast readers' column lists (no
SQLAlchemy before the first paint) are checked against it here: names and order, nullability, keys."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from sqlmodel import SQLModel

import healthviz_desktop.core.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from healthviz_desktop.core import migrations
from healthviz_desktop.core.generation.job_store import COLUMNS, LEDGER_COLUMNS, Job
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.tables import CostLedgerRow, GenerationJobRow


def test_the_migrated_schema_is_the_declared_one_column_for_column(journal: Journal) -> None:
    with journal.db.raw() as raw:
        for table in SQLModel.metadata.sorted_tables:
            real = [(r[1], bool(r[3]), bool(r[5])) for r in raw.execute(f"PRAGMA table_info({table.name})")]
            declared = [(c.name, not c.nullable, bool(c.primary_key)) for c in table.columns]
            # SQLite reports NOT NULL as it was written; an INTEGER PRIMARY KEY is never null either way
            assert [(n, nn or pk, pk) for n, nn, pk in real] == [(n, nn or pk, pk) for n, nn, pk in declared], \
                table.name


def test_the_job_store_reads_its_columns_from_the_declaration() -> None:
    assert list(COLUMNS) == list(GenerationJobRow.__table__.columns.keys())  # type: ignore[attr-defined]
    held = {"request_json": "request", "spec_json": "spec", "source_json": "source"}
    assert [held.get(c, c) for c in COLUMNS] == [f.name for f in dataclasses.fields(Job)]
    assert ["id", *LEDGER_COLUMNS] == list(CostLedgerRow.__table__.columns.keys())  # type: ignore[attr-defined]


def test_a_journal_from_before_step_3_keeps_its_jobs_and_gains_the_new_columns(tmp_path: Path) -> None:
    data = tmp_path / "old"
    data.mkdir()
    conn = sqlite3.connect(data / "journal.sqlite3")
    conn.isolation_level = None
    for step in migrations.STEPS[:2]:  # a journal as the released version 2 left it
        migrations.apply_step(conn, step)
    conn.execute("INSERT INTO generation_job (uid, provider, status, request_json, spec_json, created_at, "
                 "updated_at) VALUES ('u1', 'local', 'completed', '{}', '{}', 'now', 'now')")
    conn.close()
    journal = Journal.open(data)
    try:
        with journal.db.raw() as raw:
            row = raw.execute("SELECT uid, output_path, delivered_at, unanswered_at, still_path "
                              "FROM generation_job").fetchone()
        assert tuple(row) == ("u1", None, None, None, None)
        assert journal.db.schema_version() == migrations.SCHEMA_VERSION >= 4
    finally:
        journal.close()
    assert any(p.name.endswith("pre-migration-v2.sqlite3") for p in (data / "backups").iterdir())


def test_a_journal_from_before_step_4_keeps_its_jobs_and_gains_the_still_column(tmp_path: Path) -> None:
    data = tmp_path / "v3"
    data.mkdir()
    conn = sqlite3.connect(data / "journal.sqlite3")
    conn.isolation_level = None
    for step in migrations.STEPS[:3]:  # a journal as the released version 3 left it
        migrations.apply_step(conn, step)
    conn.execute("INSERT INTO generation_job (uid, provider, status, request_json, spec_json, created_at, "
                 "updated_at, output_path) VALUES ('u3', 'local', 'completed', '{}', '{}', 'now', 'now', '/x.mp4')")
    conn.close()
    journal = Journal.open(data)
    try:
        with journal.db.raw() as raw:
            row = raw.execute("SELECT uid, output_path, still_path FROM generation_job").fetchone()
        assert tuple(row) == ("u3", "/x.mp4", None)
        assert journal.db.schema_version() == migrations.SCHEMA_VERSION
    finally:
        journal.close()
