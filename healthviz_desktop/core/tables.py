"""SQLModel mappings of the journal tables created by migrations.py.

The migration SQL is the source of truth for the schema (released steps never change); these classes
mirror it for typed queries, and tests/test_storage.py checks the two agree column for column.
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
