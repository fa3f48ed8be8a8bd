"""The lossless JSON journal format (docs/journal-format.md): export, and all-or-nothing import.

Export is deterministic (sorted keys, entries by time then uid, no export timestamp) so that
export → import into an empty journal → export gives the same bytes.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from healthviz_desktop.core.atomic import write_atomic
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import Dose, Entry, FieldError, Observation, normalise_entry, validate_entry

FORMAT_NAME = "healthviz-journal"
FORMAT_VERSION = 1
# Said in every export (the README promises it): whoever reads the file learns what kind of data it is.
ABOUT = ("A symptom journal kept by the person it describes and exported from HealthViz: the data is "
         "self-reported, not a clinical record. Entries marked \"demo\": true are made-up demo data.")
MAX_REPORTED_ERRORS = 20


class ImportRejected(ValueError):
    """The file was not imported at all; ``errors`` name each record and field at fault."""

    def __init__(self, path: Path, errors: list[str]) -> None:
        self.errors = errors
        shown = "\n  ".join(errors[:MAX_REPORTED_ERRORS])
        more = f"\n  … and {len(errors) - MAX_REPORTED_ERRORS} more" if len(errors) > MAX_REPORTED_ERRORS else ""
        super().__init__(f"{path} was not imported; nothing was changed.\n  {shown}{more}")


@dataclass(frozen=True)
class ImportReport:
    added: int
    already_present: int


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    return {
        "uid": entry.uid,
        "occurred_at": entry.occurred_at.isoformat(),
        "day": entry.effective_day().isoformat(),
        "notes": entry.notes,
        "tags": list(entry.tags),
        "triggers": list(entry.triggers),
        "mood": entry.mood,
        "energy": entry.energy,
        "sleep_hours": entry.sleep_hours,
        "sleep_quality": entry.sleep_quality,
        "observations": [
            {"symptom": o.symptom, "custom": o.custom, "severity": o.severity, "qualities": list(o.qualities),
             "body_area": o.body_area, "onset_at": _time(o.onset_at), "duration_minutes": o.duration_minutes}
            for o in entry.observations
        ],
        "doses": [
            {"name": d.name, "custom": d.custom, "amount": d.amount, "unit": d.unit, "taken_at": _time(d.taken_at),
             "relief": d.relief, "drug_class": d.drug_class}
            for d in entry.doses
        ],
        "created_at": _time(entry.created_at),
        "updated_at": _time(entry.updated_at),
        **({"demo": True} if entry.demo else {}),  # only when set: a real entry's record is as it always was
    }


def export_document(entries: list[Entry]) -> bytes:
    doc = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "about": ABOUT,
           "entries": [entry_to_dict(e) for e in entries]}
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def export_json(journal: Journal, path: Path) -> int:
    entries = journal.all_entries()
    write_atomic(path, export_document(entries))
    return len(entries)


_KINDS: dict[str, type | tuple[type, ...]] = {
    "str": str, "int": int, "number": (int, float), "bool": bool, "list": list,
}


class _Reader:
    """Type-checked field access that records every problem with its path instead of raising."""

    def __init__(self, data: dict[str, Any], path: str, errors: list[FieldError]) -> None:
        self.data, self.path, self.errors = data, path, errors

    def _fail(self, key: str, message: str) -> None:
        self.errors.append(FieldError(f"{self.path}.{key}" if self.path else key, message))

    def get(self, key: str, kind: str, *, required: bool = False, default: Any = None) -> Any:
        if key not in self.data or self.data[key] is None:
            if required:
                self._fail(key, "is missing")
            return default
        value = self.data[key]
        ok = isinstance(value, _KINDS[kind]) and (kind == "bool" or not isinstance(value, bool))
        if not ok:
            self._fail(key, f"expected {kind}, got {type(value).__name__} {json.dumps(value)[:40]}")
            return default
        return float(value) if kind == "number" else value

    def strings(self, key: str) -> list[str]:
        items = self.get(key, "list", default=[])
        if not all(isinstance(i, str) for i in items):
            self._fail(key, "expected a list of strings")
            return []
        return list(items)

    def time(self, key: str, *, required: bool = False) -> datetime | None:
        text = self.get(key, "str", required=required)
        if text is None:
            return None
        try:
            value = datetime.fromisoformat(text)
        except ValueError:
            self._fail(key, f"not an ISO-8601 date-time: {text[:40]!r}")
            return None
        if value.tzinfo is None:
            self._fail(key, f"{text!r} has no UTC offset (write e.g. {text}+01:00)")
            return None
        return value

    def day(self, key: str) -> date | None:
        text = self.get(key, "str")
        if text is None:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self._fail(key, f"not a date (YYYY-MM-DD): {text[:40]!r}")
            return None

    def child(self, item: Any, path: str, keys: frozenset[str]) -> _Reader | None:
        if not isinstance(item, dict):
            self.errors.append(FieldError(path, "expected an object"))
            return None
        reader = _Reader(item, path, self.errors)
        reader.only(keys)
        return reader

    def only(self, keys: frozenset[str]) -> None:
        for key in sorted(set(self.data) - keys, key=str):
            self._fail(str(key), "is not a field of this format (misspelt?)")


# Every key a version-1 record may have. Another key is refused, naming it: in a file this version
# reads, an unknown key is a typo ("notse"), and dropping it silently would lose what the person meant.
ENTRY_KEYS = frozenset({"uid", "occurred_at", "day", "notes", "tags", "triggers", "mood", "energy",
                        "sleep_hours", "sleep_quality", "observations", "doses", "created_at", "updated_at", "demo"})
OBSERVATION_KEYS = frozenset({"symptom", "custom", "severity", "qualities", "body_area", "onset_at",
                              "duration_minutes"})
DOSE_KEYS = frozenset({"name", "custom", "amount", "unit", "taken_at", "relief", "drug_class"})


class _Irregular(Exception):
    """The fast path met something unusual; the careful reader will say exactly what."""


def _opt(value: Any, kind: type) -> Any:
    if value is None or (type(value) is kind):
        return value
    raise _Irregular


def _num(value: Any) -> float | None:
    if value is None:
        return None
    if type(value) in (int, float):
        return float(value)
    raise _Irregular


def _when(value: Any) -> datetime | None:
    if value is None:
        return None
    parsed = datetime.fromisoformat(_opt(value, str))
    if parsed.tzinfo is None:
        raise _Irregular
    return parsed


def _strs(value: Any) -> list[str]:
    if value is None:
        return []
    if type(value) is list and all(type(v) is str for v in value):
        return list(value)
    raise _Irregular


def _fast_entry(data: dict[str, Any]) -> Entry | None:
    """The common case (a well-formed export) without per-field bookkeeping: bulk imports spend most
    of their time here. Anything unusual returns None and the careful reader takes over, so both
    accept exactly the same records."""
    try:
        if not ENTRY_KEYS.issuperset(data):
            return None
        g = data.get
        observations = [
            Observation(symptom=_opt(o["symptom"], str), severity=_opt(o["severity"], int),
                        qualities=_strs(o.get("qualities")), body_area=_opt(o.get("body_area"), str),
                        onset_at=_when(o.get("onset_at")), duration_minutes=_opt(o.get("duration_minutes"), int),
                        custom=_opt(o.get("custom"), bool) or False)
            for o in _opt(g("observations"), list) or () if _known(o, OBSERVATION_KEYS)
        ]
        doses = [
            Dose(name=_opt(d["name"], str), amount=_num(d.get("amount")), unit=_opt(d.get("unit"), str),
                 taken_at=_when(d.get("taken_at")), relief=_opt(d.get("relief"), str),
                 drug_class=_opt(d.get("drug_class"), str), custom=_opt(d.get("custom"), bool) or False)
            for d in _opt(g("doses"), list) or () if _known(d, DOSE_KEYS)
        ]
        occurred = _when(data["occurred_at"])
        uid = _opt(g("uid"), str)
        if occurred is None or uid is None or not (0 < len(uid) <= 64 and uid.isprintable()):
            return None
        day = _opt(g("day"), str)
        entry = Entry(
            occurred_at=occurred,
            day=date.fromisoformat(day) if day is not None else None, notes=_opt(g("notes"), str) or "",
            tags=_strs(g("tags")), triggers=_strs(g("triggers")), mood=_opt(g("mood"), int),
            energy=_opt(g("energy"), int), sleep_hours=_num(g("sleep_hours")),
            sleep_quality=_opt(g("sleep_quality"), int), observations=observations, doses=doses,
            created_at=_when(g("created_at")), updated_at=_when(g("updated_at")),
            uid=uid,  # given, not assigned afterwards: the default would make a uuid4 for nothing
            demo=_opt(g("demo"), bool) or False,
        )
    except (_Irregular, KeyError, TypeError, ValueError, AttributeError):
        return None
    normalise_entry(entry)
    return None if validate_entry(entry) else entry


def _known(item: Any, keys: frozenset[str]) -> bool:
    if isinstance(item, dict) and not keys.issuperset(item):
        raise _Irregular
    return True


def entry_from_dict(data: Any, errors: list[FieldError]) -> Entry | None:
    """Parse one record; on any problem, append FieldErrors and return None."""
    if isinstance(data, dict):
        fast = _fast_entry(data)
        if fast is not None:
            return fast
    if not isinstance(data, dict):
        errors.append(FieldError("", "expected an object"))
        return None
    start = len(errors)
    r = _Reader(data, "", errors)
    r.only(ENTRY_KEYS)
    observations = []
    for i, item in enumerate(r.get("observations", "list", default=[])):
        o = r.child(item, f"observations[{i}]", OBSERVATION_KEYS)
        if o:
            observations.append(Observation(
                symptom=o.get("symptom", "str", required=True, default=""),
                severity=o.get("severity", "int", required=True, default=0),
                qualities=o.strings("qualities"), body_area=o.get("body_area", "str"),
                onset_at=o.time("onset_at"), duration_minutes=o.get("duration_minutes", "int"),
                custom=o.get("custom", "bool", default=False)))
    doses = []
    for i, item in enumerate(r.get("doses", "list", default=[])):
        d = r.child(item, f"doses[{i}]", DOSE_KEYS)
        if d:
            doses.append(Dose(
                name=d.get("name", "str", required=True, default=""), amount=d.get("amount", "number"),
                unit=d.get("unit", "str"), taken_at=d.time("taken_at"), relief=d.get("relief", "str"),
                drug_class=d.get("drug_class", "str"), custom=d.get("custom", "bool", default=False)))
    occurred = r.time("occurred_at", required=True)
    entry_kwargs: dict[str, Any] = {
        "day": r.day("day"), "notes": r.get("notes", "str", default=""), "tags": r.strings("tags"),
        "triggers": r.strings("triggers"), "mood": r.get("mood", "int"), "energy": r.get("energy", "int"),
        "sleep_hours": r.get("sleep_hours", "number"), "sleep_quality": r.get("sleep_quality", "int"),
        "observations": observations, "doses": doses,
        "created_at": r.time("created_at"), "updated_at": r.time("updated_at"),
        "demo": r.get("demo", "bool", default=False),
    }
    uid = r.get("uid", "str")
    if uid is not None and not (0 < len(uid) <= 64 and uid.isprintable()):
        errors.append(FieldError("uid", "must be 1-64 printable characters"))
    if len(errors) > start or occurred is None:
        return None
    entry = Entry(occurred_at=occurred, **entry_kwargs, **({"uid": uid} if uid else {}))
    normalise_entry(entry)
    problems = validate_entry(entry)
    errors.extend(problems)
    return None if problems else entry


def read_document(path: Path) -> list[Entry]:
    """Parse and validate a whole file; raises ImportRejected naming every bad record and field.

    The entries come back ready for ``import_entries`` (normalised and validated), so a caller that
    checks a file before touching the journal need not parse it a second time."""
    with collector_paused():
        return _read_document(path)


def _read_document(path: Path) -> list[Entry]:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportRejected(path, [f"the file is not UTF-8 text (byte {exc.start})"]) from exc
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRejected(path, [f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
                                    " (is the file complete?)"]) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise ImportRejected(path, [f'not a HealthViz journal export (expected "format": "{FORMAT_NAME}")'])
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportRejected(path, ["version: expected a whole number"])
    if version > FORMAT_VERSION:
        raise ImportRejected(path, [f"written by a newer HealthViz (format version {version}; this version "
                                    f"reads up to {FORMAT_VERSION}). Update HealthViz to import it."])
    records = doc.get("entries")
    if not isinstance(records, list):
        raise ImportRejected(path, ["entries: expected a list"])
    problems: list[str] = []
    entries: list[Entry] = []
    seen: set[str] = set()
    errors: list[FieldError] = []
    for index, record in enumerate(records):
        entry = entry_from_dict(record, errors)
        if entry is not None and entry.uid not in seen:  # the common case, kept lean: it runs per record
            seen.add(entry.uid)
            entries.append(entry)
            continue
        label = _label(index, record)
        problems.extend(f"{label}: {e.path or 'record'}: {e.message}" for e in errors)
        errors.clear()
        if entry is not None:
            problems.append(f"{label}: uid: appears twice in the file")
    if problems:
        raise ImportRejected(path, problems)
    return entries


def _label(index: int, record: Any) -> str:
    label = f"entry {index + 1}"
    if isinstance(record, dict) and isinstance(record.get("uid"), str):
        label += f" (uid {record['uid'][:32]})"
    return label


@contextmanager
def collector_paused() -> Iterator[None]:
    """Bulk loads create millions of short-lived objects and no reference cycles; the cyclic collector
    would rescan the growing heap again and again (a third of an import's time at 100k entries)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_entries(journal: Journal, entries: list[Entry]) -> ImportReport:
    """Add what ``read_document`` returned, all or nothing, in one transaction; uids already in the
    journal are skipped (importing the same export twice adds nothing)."""
    with collector_paused():
        saved = journal.add_many(entries, prepared=True, keep_timestamps=True, skip_existing=True)
    return ImportReport(added=len(saved), already_present=len(entries) - len(saved))


def import_json(journal: Journal, path: Path) -> ImportReport:
    """All or nothing: either every new entry is added in one transaction, or nothing changes."""
    with collector_paused():
        return import_entries(journal, read_document(path))
