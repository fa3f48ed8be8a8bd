"""The journal's schema, declared once: every table and column, in SQLModel.

This is the one description of the schema. The job store's column list is read from it
(``GenerationJobRow.__table__``); what cannot import SQLAlchemy is checked against it by
tests/test_storage.py, column for column, with order, nullability and primary keys: the migration steps
(released steps never change, so a change here is a new step appended to migrations.py) and the fast
readers' column lists in entry_rows.py (they run before the window's first paint, without SQLAlchemy).
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class EntryRow(SQLModel, table=True):
    __tablename__ = "entry"
    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    occurred_at: str
    occurred_utc: str
    utc_offset_minutes: int
    day: str
    search_key: int = Field(unique=True)
    notes: str = ""
    mood: int | None = None
    energy: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    created_at: str
    updated_at: str
    deleted_at: str | None = None
    revision: int = 1  # counts saves: an edit made against an older revision is refused, never silent
    demo: bool = False  # synthetic entries from `healthviz demo-data`, shown and removable as such


class ObservationRow(SQLModel, table=True):
    __tablename__ = "observation"
    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="entry.id")
    position: int
    symptom: str
    custom: bool = False
    severity: int
    qualities: str = "[]"
    body_area: str | None = None
    onset_at: str | None = None
    duration_minutes: int | None = None


class DoseRow(SQLModel, table=True):
    __tablename__ = "dose"
    id: int | None = Field(default=None, primary_key=True)
    entry_id: int = Field(foreign_key="entry.id")
    position: int
    name: str
    custom: bool = False
    amount: float | None = None
    unit: str | None = None
    taken_at: str | None = None
    relief: str | None = None
    drug_class: str | None = None


class EntryLabelRow(SQLModel, table=True):
    __tablename__ = "entry_label"
    entry_id: int = Field(foreign_key="entry.id", primary_key=True)
    kind: str = Field(primary_key=True)
    position: int = Field(primary_key=True)
    name: str


class MetaRow(SQLModel, table=True):
    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: str


class GenerationJobRow(SQLModel, table=True):
    __tablename__ = "generation_job"
    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    provider: str
    status: str
    request_json: str
    spec_json: str
    remix_of: str | None = None
    entry_ids: str = "[]"
    estimate: float = 0
    currency: str = "USD"
    remote_id: str | None = None
    remote_state: str | None = None
    progress: int = 0
    attempts: int = 0
    next_attempt_at: str | None = None
    error_code: str | None = None
    message: str = ""
    clip_path: str | None = None
    thumb_path: str | None = None
    lease_owner: str | None = None
    created_at: str
    updated_at: str
    sent_at: str | None = None
    submitted_at: str | None = None
    finished_at: str | None = None
    output_path: str | None = None  # where the person asked for the clip (render -o); delivered there
    delivered_at: str | None = None
    unanswered_at: str | None = None  # when a create without an answer was given up on (or found cut off)
    still_path: str | None = None  # an Images job's picture, kept beside the clip drawn from it
    title: str | None = None  # the person's own name for the clip (None: one made from its source)
    source_json: str | None = None  # what it was made from: kind, dates, explainer notes, style (Reuse prompt)
    trashed_at: str | None = None  # in the clip trash since; its file is kept until the trash is emptied
    emptied_at: str | None = None  # the trash was emptied of it: its files are deleted, the row kept (ledger)


class GenerationEventRow(SQLModel, table=True):
    __tablename__ = "generation_event"
    id: int | None = Field(default=None, primary_key=True)
    job_id: int = Field(foreign_key="generation_job.id")
    at: str
    status: str
    detail: str = ""


class CostLedgerRow(SQLModel, table=True):
    __tablename__ = "cost_ledger"
    id: int | None = Field(default=None, primary_key=True)
    job_id: int = Field(foreign_key="generation_job.id", unique=True)
    provider: str
    model: str
    seconds: int
    size: str
    amount: float
    currency: str
    month: str
    recorded_at: str


class ProviderSettingRow(SQLModel, table=True):
    __tablename__ = "provider_setting"
    name: str = Field(primary_key=True)
    kind: str
    settings: str
    updated_at: str
