"""Schema migrations: an append-only list of idempotent steps, tracked by ``PRAGMA user_version``.

Rules (learned from Vorta's non-idempotent migrations): never edit a released step, only append;
every statement must be safe to run twice (IF NOT EXISTS, or a check before ALTER), because a crash
between a step and its version bump re-runs the step. Each step commits together with its version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    version: int
    description: str
    apply: Callable[[sqlite3.Connection], None]


def _run(conn: sqlite3.Connection, script: str) -> None:
    # Not executescript(): it COMMITs any open transaction first, which would split a step from
    # its version bump. Our DDL has no semicolons inside statements, so splitting is safe.
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _v1_journal(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        """
        CREATE TABLE IF NOT EXISTS entry (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uid TEXT NOT NULL UNIQUE,
            occurred_at TEXT NOT NULL,
            occurred_utc TEXT NOT NULL,
            utc_offset_minutes INTEGER NOT NULL,
            day TEXT NOT NULL,
            search_key INTEGER NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            mood INTEGER CHECK (mood BETWEEN 0 AND 10),
            energy INTEGER CHECK (energy BETWEEN 0 AND 10),
            sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24),
            sleep_quality INTEGER CHECK (sleep_quality BETWEEN 0 AND 10),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX IF NOT EXISTS entry_day ON entry(day, occurred_utc);
        CREATE INDEX IF NOT EXISTS entry_live_order ON entry(deleted_at, occurred_utc, id);
        CREATE UNIQUE INDEX IF NOT EXISTS entry_search_key ON entry(search_key);

        CREATE TABLE IF NOT EXISTS observation (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            symptom TEXT NOT NULL,
            custom INTEGER NOT NULL DEFAULT 0,
            severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 10),
            qualities TEXT NOT NULL DEFAULT '[]',
            body_area TEXT,
            onset_at TEXT,
            duration_minutes INTEGER
        );
        CREATE INDEX IF NOT EXISTS observation_entry ON observation(entry_id);
        CREATE INDEX IF NOT EXISTS observation_symptom ON observation(symptom, severity);

        CREATE TABLE IF NOT EXISTS dose (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            custom INTEGER NOT NULL DEFAULT 0,
            amount REAL,
            unit TEXT,
            taken_at TEXT,
            relief TEXT,
            drug_class TEXT
        );
        CREATE INDEX IF NOT EXISTS dose_entry ON dose(entry_id);
        CREATE INDEX IF NOT EXISTS dose_name ON dose(name);

        CREATE TABLE IF NOT EXISTS entry_label (
            entry_id INTEGER NOT NULL REFERENCES entry(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('tag', 'trigger')),
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (entry_id, kind, position)
        );
        CREATE INDEX IF NOT EXISTS entry_label_name ON entry_label(kind, name);

        CREATE VIRTUAL TABLE IF NOT EXISTS entry_fts USING fts5(
            entry_id UNINDEXED, notes, symptoms, labels, medications,
            tokenize = 'unicode61 remove_diacritics 2'
        );

        CREATE TABLE IF NOT EXISTS meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


def _v2_generation(conn: sqlite3.Connection) -> None:
    """Clip generation: durable jobs, their status history, the cost ledger, provider settings.
    No API key is ever stored here (keys live in the OS keyring)."""
    _run(
        conn,
        """
        CREATE TABLE IF NOT EXISTS generation_job (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uid TEXT NOT NULL UNIQUE,
            provider TEXT NOT NULL,
            status TEXT NOT NULL,
            request_json TEXT NOT NULL,
            spec_json TEXT NOT NULL,
            remix_of TEXT,
            entry_ids TEXT NOT NULL DEFAULT '[]',
            estimate REAL NOT NULL DEFAULT 0,
            currency TEXT NOT NULL DEFAULT 'USD',
            remote_id TEXT,
            remote_state TEXT,
            progress INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            error_code TEXT,
            message TEXT NOT NULL DEFAULT '',
            clip_path TEXT,
            thumb_path TEXT,
            lease_owner TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            sent_at TEXT,
            submitted_at TEXT,
            finished_at TEXT
        );
        CREATE INDEX IF NOT EXISTS generation_job_status ON generation_job(status);

        CREATE TABLE IF NOT EXISTS generation_event (
            id INTEGER PRIMARY KEY,
            job_id INTEGER NOT NULL REFERENCES generation_job(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            status TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX IF NOT EXISTS generation_event_job ON generation_event(job_id);

        CREATE TABLE IF NOT EXISTS cost_ledger (
            id INTEGER PRIMARY KEY,
            job_id INTEGER NOT NULL UNIQUE REFERENCES generation_job(id),
            provider TEXT NOT NULL,
            model TEXT NOT NULL,
            seconds INTEGER NOT NULL,
            size TEXT NOT NULL,
            amount REAL NOT NULL,
            currency TEXT NOT NULL,
            month TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS cost_ledger_month ON cost_ledger(month);

        CREATE TABLE IF NOT EXISTS provider_setting (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            settings TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


def _add_column(conn: sqlite3.Connection, table: str, column: str, decl: str) -> None:
    """ALTER TABLE ... ADD COLUMN, once: SQLite has no IF NOT EXISTS for columns."""
    if column not in {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {decl}")


def _v3_job_delivery(conn: sqlite3.Connection) -> None:
    """A job remembers where the person asked for its clip, and when it was put there, so a job carried on
    after a crash (`healthviz jobs resume`) still delivers it to that path; and when a create request that
    got no answer was given up on, which is when the wait for its video to show in the service's list starts."""
    _add_column(conn, "generation_job", "output_path", "TEXT")
    _add_column(conn, "generation_job", "delivered_at", "TEXT")
    _add_column(conn, "generation_job", "unanswered_at", "TEXT")


def _v4_job_still(conn: sqlite3.Connection) -> None:
    """An Images job keeps the picture it paid for beside the clip drawn from it; the job says where."""
    _add_column(conn, "generation_job", "still_path", "TEXT")


def _v5_entry_revision_and_demo(conn: sqlite3.Connection) -> None:
    """Each entry counts its saves (``revision``), so a save made against a version that another window or
    command has changed since is refused instead of overwriting it; and synthetic demo entries are marked
    (``demo``), so they can be shown as such and removed together. The journal's change counter (entry
    writes, for windows watching from other processes) lives in ``meta`` and needs no column."""
    _add_column(conn, "entry", "revision", "INTEGER NOT NULL DEFAULT 1")
    _add_column(conn, "entry", "demo", "INTEGER NOT NULL DEFAULT 0")
    conn.execute("CREATE INDEX IF NOT EXISTS entry_demo ON entry(demo) WHERE demo = 1")


def _v6_clip_library(conn: sqlite3.Connection) -> None:
    """The Clips library: a clip's own title, what it was made from (kind, dates, explainer notes, style: its
    source link and "Reuse prompt"), and the clip trash: the row marked, the file kept until the trash is
    emptied; then the files go and the row stays, marked emptied (the ledger and the job's history point at it)."""
    _add_column(conn, "generation_job", "title", "TEXT")
    _add_column(conn, "generation_job", "source_json", "TEXT")
    _add_column(conn, "generation_job", "trashed_at", "TEXT")
    _add_column(conn, "generation_job", "emptied_at", "TEXT")
    conn.execute("CREATE INDEX IF NOT EXISTS generation_job_trashed ON generation_job(trashed_at)")


def _v7_live_days_index(conn: sqlite3.Connection) -> None:
    """The day index also holds the entry's id and trash mark, so reading a period (the Trends view, the
    doctor's report) walks it alone, in the order days were lived and written, without opening each entry
    to see whether it is in the trash. It replaces entry_day (day, occurred_utc), which it begins with."""
    conn.execute("CREATE INDEX IF NOT EXISTS entry_live_day ON entry(day, occurred_utc, id, deleted_at)")
    conn.execute("DROP INDEX IF EXISTS entry_day")


STEPS: tuple[Step, ...] = (
    Step(1, "journal: entries, observations, doses, labels, full-text index", _v1_journal),
    Step(2, "generation: jobs, job events, cost ledger, provider settings", _v2_generation),
    Step(3, "generation: a job's requested output path, delivery time, unanswered send", _v3_job_delivery),
    Step(4, "generation: an Images job's still picture", _v4_job_still),
    Step(5, "journal: entry revisions and the demo-data mark", _v5_entry_revision_and_demo),
    Step(6, "clips: a clip's title, its source, the clip trash", _v6_clip_library),
    Step(7, "journal: the day index covers a period's walk (id, trash mark)", _v7_live_days_index),
)

SCHEMA_VERSION = STEPS[-1].version


def pending_steps(current: int) -> list[Step]:
    return [step for step in STEPS if step.version > current]


def apply_step(conn: sqlite3.Connection, step: Step) -> None:
    """Run one step and bump user_version in the same transaction (conn is in autocommit mode)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        step.apply(conn)
        conn.execute(f"PRAGMA user_version = {int(step.version)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
