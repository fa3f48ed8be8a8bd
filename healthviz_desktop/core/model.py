"""The journal's domain objects: plain dataclasses, detached from storage, safe to pass between threads.

A journal day is the day the person lived, in their own time zone: an entry written at 00:30 before
going to bed still belongs to the evening's day. We keep the aware timestamp with its UTC offset and a
``day`` computed with a rollover hour (04:00 by default), which the person can override.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from healthviz_desktop.core.catalogue import catalogue
from healthviz_desktop.core.limits import DAY_ROLLOVER_HOUR as DAY_ROLLOVER_HOUR  # re-exported: the settings
from healthviz_desktop.core.limits import MAX_NAME_CHARS as MAX_NAME_CHARS  # use them without this module

RELIEF_LEVELS = ("none", "some", "good", "complete")

MAX_NOTES_CHARS = 100_000
MAX_ITEMS = 50
MIN_YEAR, MAX_YEAR = 1900, 2200

Report = Callable[[str, str], None]

# Control characters (tab and newline allowed in notes only) and lone surrogates, which cannot be stored.
_BAD_LINE = re.compile(r"[\x00-\x1f\x7f]")
_BAD_MULTILINE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def journal_day(occurred_at: datetime, rollover_hour: int = DAY_ROLLOVER_HOUR) -> date:
    """The day the person lived this moment, in the time zone the timestamp carries."""
    if occurred_at.tzinfo is None:
        raise ValueError("occurred_at must carry its UTC offset")
    if occurred_at.hour < rollover_hour:
        return (occurred_at - timedelta(days=1)).date()
    return occurred_at.date()


def new_uid() -> str:
    return uuid.uuid4().hex


@dataclass
class Observation:
    """One symptom felt: a catalogue key (or the person's own name when ``custom``) and its severity."""

    symptom: str
    severity: int
    qualities: list[str] = field(default_factory=list)
    body_area: str | None = None
    onset_at: datetime | None = None
    duration_minutes: int | None = None
    custom: bool = False

    @property
    def label(self) -> str:
        return self.symptom if self.custom else catalogue().symptom_label(self.symptom)


@dataclass
class Dose:
    """One medication taken. ``drug_class`` feeds the medication-overuse counter."""

    name: str
    amount: float | None = None
    unit: str | None = None
    taken_at: datetime | None = None
    relief: str | None = None
    drug_class: str | None = None
    custom: bool = False

    @property
    def label(self) -> str:
        return self.name if self.custom else catalogue().medication_label(self.name)


@dataclass
class Entry:
    occurred_at: datetime
    day: date | None = None
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    triggers: list[str] = field(default_factory=list)
    mood: int | None = None
    energy: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    observations: list[Observation] = field(default_factory=list)
    doses: list[Dose] = field(default_factory=list)
    id: int | None = None
    uid: str = field(default_factory=new_uid)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    # The stored revision this copy was read at (0: not read from a journal). A save sends it back, and
    # the journal refuses the save if the entry has been saved since (core/journal.py: EditConflict).
    revision: int = 0
    demo: bool = False  # synthetic (``healthviz demo-data``), not something the person felt

    def effective_day(self) -> date:
        return self.day if self.day is not None else journal_day(self.occurred_at)

    @property
    def max_severity(self) -> int | None:
        return max((o.severity for o in self.observations), default=None)


@dataclass(frozen=True)
class FieldError:
    """A validation problem: ``path`` names the field (``observations[0].severity``)."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ValidationFailed(ValueError):
    def __init__(self, errors: list[FieldError], where: str = "") -> None:
        self.errors = errors
        self.where = where
        prefix = f"{where}: " if where else ""
        super().__init__(prefix + "; ".join(str(e) for e in errors))


def normalise_entry(entry: Entry) -> Entry:
    """Map typed names onto catalogue keys where they match exactly; mark the rest custom."""
    cat = catalogue()
    for obs in entry.observations:
        key = None if obs.custom else (obs.symptom if obs.symptom in cat.symptoms else cat.symptom_key(obs.symptom))
        if key is None:
            key = cat.symptom_key(obs.symptom) if obs.custom else None
        if key is not None:
            obs.symptom, obs.custom = key, False
        else:
            obs.symptom, obs.custom = obs.symptom.strip(), True
    for dose in entry.doses:
        med = dose.name if dose.name in cat.medications else cat.medication_key(dose.name)
        if med is not None:
            dose.name, dose.custom = med, False
            dose.drug_class = dose.drug_class or cat.medications[med].drug_class
            dose.unit = dose.unit or cat.medications[med].unit
        else:
            dose.name, dose.custom = dose.name.strip(), True
    entry.tags = _dedupe(t.strip() for t in entry.tags)
    entry.triggers = _dedupe(t.strip() for t in entry.triggers)
    if "\r" in entry.notes:  # pasted from Windows or an old Mac: line ends, not control characters
        entry.notes = entry.notes.replace("\r\n", "\n").replace("\r", "\n")
    return entry


def nothing_recorded(entry: Entry) -> bool:
    """True for an entry that holds nothing at all: no symptom, medication, note, tag, trigger, mood,
    energy or sleep. Such an entry is refused where a person writes one (the window, ``entry add``)."""
    return not (entry.observations or entry.doses or entry.notes.strip() or entry.tags or entry.triggers
                or any(v is not None for v in (entry.mood, entry.energy, entry.sleep_hours, entry.sleep_quality)))


def _dedupe(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        if item and item.casefold() not in seen:
            seen[item.casefold()] = item
    return list(seen.values())


def validate_entry(entry: Entry) -> list[FieldError]:
    """Every problem with an entry, each naming its field. An empty list means it can be saved."""
    errors: list[FieldError] = []
    cat = catalogue()

    def err(path: str, message: str) -> None:
        errors.append(FieldError(path, message))

    _check_time(entry.occurred_at, "occurred_at", err, required=True)
    _check_text(entry.notes, "notes", MAX_NOTES_CHARS, err, multiline=True)
    for name in ("mood", "energy", "sleep_quality"):
        _check_scale(getattr(entry, name), name, err)
    if entry.sleep_hours is not None and not 0 <= entry.sleep_hours <= 24:
        err("sleep_hours", "must be between 0 and 24 hours")
    for list_name in ("tags", "triggers"):
        items: list[str] = getattr(entry, list_name)
        if len(items) > MAX_ITEMS:
            err(list_name, f"at most {MAX_ITEMS} items")
        for i, item in enumerate(items):
            _check_text(item, f"{list_name}[{i}]", MAX_NAME_CHARS, err, required=True)
    if len(entry.observations) > MAX_ITEMS:
        err("observations", f"at most {MAX_ITEMS} symptoms in one entry")
    for i, obs in enumerate(entry.observations):
        p = f"observations[{i}]"
        _check_text(obs.symptom, f"{p}.symptom", MAX_NAME_CHARS, err, required=True)
        if not obs.custom and obs.symptom not in cat.symptoms:
            err(f"{p}.symptom", f"unknown catalogue symptom {obs.symptom!r}")
        if not (isinstance(obs.severity, int) and 0 <= obs.severity <= 10):
            err(f"{p}.severity", "must be a whole number from 0 to 10")
        for j, q in enumerate(obs.qualities):
            if q not in cat.qualities:
                err(f"{p}.qualities[{j}]", f"unknown quality {q!r}")
        if obs.body_area is not None and obs.body_area not in cat.areas:
            err(f"{p}.body_area", f"unknown body area {obs.body_area!r}")
        _check_time(obs.onset_at, f"{p}.onset_at", err)
        if obs.duration_minutes is not None and not 0 <= obs.duration_minutes <= 60 * 24 * 31:
            err(f"{p}.duration_minutes", "must be between 0 and 44640 minutes (31 days)")
    if len(entry.doses) > MAX_ITEMS:
        err("doses", f"at most {MAX_ITEMS} doses in one entry")
    for i, dose in enumerate(entry.doses):
        p = f"doses[{i}]"
        _check_text(dose.name, f"{p}.name", MAX_NAME_CHARS, err, required=True)
        if dose.amount is not None and not 0 < dose.amount <= 1_000_000:
            err(f"{p}.amount", "must be a positive number")
        if dose.unit is not None:
            _check_text(dose.unit, f"{p}.unit", 20, err, required=True)
        if dose.relief is not None and dose.relief not in RELIEF_LEVELS:
            err(f"{p}.relief", f"must be one of {', '.join(RELIEF_LEVELS)}")
        if dose.drug_class is not None and dose.drug_class not in cat.medication_classes:
            err(f"{p}.drug_class", f"unknown medication class {dose.drug_class!r}")
        _check_time(dose.taken_at, f"{p}.taken_at", err)
    return errors


def _check_scale(value: object, path: str, err: Report) -> None:
    if value is not None and not (isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10):
        err(path, "must be a whole number from 0 to 10")


def _check_time(value: datetime | None, path: str, err: Report, required: bool = False) -> None:
    if value is None:
        if required:
            err(path, "is required")
        return
    offset = value.utcoffset()
    if offset is None:
        err(path, "must include a UTC offset, e.g. 2026-03-01T08:30:00+01:00")
    elif offset.total_seconds() % 60 or abs(offset.total_seconds()) > 14 * 3600:
        err(path, "UTC offset must be whole minutes, at most ±14:00")
    elif not MIN_YEAR <= value.year <= MAX_YEAR:
        err(path, f"year must be between {MIN_YEAR} and {MAX_YEAR}")


def _check_text(value: str, path: str, limit: int, err: Report, *, required: bool = False,
                multiline: bool = False) -> None:
    if required and not value.strip():
        err(path, "must not be empty")
        return
    if len(value) > limit:
        err(path, f"is {len(value):,} characters long; the limit is {limit:,}")
        return
    if (_BAD_MULTILINE if multiline else _BAD_LINE).search(value):
        err(path, "contains control characters")
    if _SURROGATE.search(value):
        err(path, "is not valid Unicode text")
