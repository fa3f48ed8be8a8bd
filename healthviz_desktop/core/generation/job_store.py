"""Durable generation jobs in the journal database (tables declared in core/tables.py).

Every change of a job is one short write transaction (BEGIN IMMEDIATE, synchronous=FULL) that also
appends a row to generation_event, so the job's history survives any crash. Completing a job and
charging the ledger happen in the same transaction; the ledger's UNIQUE(job_id) makes the charge
exactly-once even if completion is attempted twice. Status changes can be conditional (``expect``) on the
status the caller read, so a cancel made elsewhere is never overwritten by a runner mid-step.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass, field
from typing import Any

from healthviz_desktop.core.database import Database
from healthviz_desktop.core.tables import CostLedgerRow, GenerationJobRow
from healthviz_desktop.core.timefmt import now_utc_iso

# pending: written, not sent | sending: a create request went out and no id is stored: going out now (a live
# process holds the lease) or cut off (a kill, a timeout, a 5xx): the service's list of videos settles it
# | running: the service has it | downloading: finished remotely, fetching (or drawing, for the local
# renderer) | stalled: waiting for the person (a key, credit, or a service that took too long): resumable
# | needs_decision: the service cannot say whether it made the clip: never resent without the person.
UNFINISHED = ("pending", "sending", "running", "downloading", "stalled")
FINISHED = ("completed", "failed", "cancelled")
STATUSES = (*UNFINISHED, "needs_decision", *FINISHED)

COLUMNS: tuple[str, ...] = tuple(GenerationJobRow.__table__.columns.keys())  # type: ignore[attr-defined]
_JSON = {"request_json": "request", "spec_json": "spec"}  # stored as JSON text, held as dicts
# Unfinished, or finished but not yet copied where the person asked (a crash came between the two).
OPEN_WHERE = (f"status IN ({', '.join(repr(s) for s in UNFINISHED)}) OR (status = 'completed' AND "
              "output_path IS NOT NULL AND delivered_at IS NULL)")

_SELECT = f"SELECT {', '.join(COLUMNS)} FROM generation_job"
_EVENT = "INSERT INTO generation_event (job_id, at, status, detail) VALUES (?, ?, ?, ?)"


class JobNotFound(LookupError):
    def __init__(self, job_id: int) -> None:
        super().__init__(f"There is no generation job {job_id}.")


@dataclass(frozen=True)
class Job:
    id: int
    uid: str
    provider: str
    status: str
    request: dict[str, Any]
    spec: dict[str, Any]
    remix_of: str | None = None
    entry_ids: list[int] = field(default_factory=list)
    estimate: float = 0.0
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
    created_at: str = ""
    updated_at: str = ""
    sent_at: str | None = None
    submitted_at: str | None = None
    finished_at: str | None = None
    output_path: str | None = None
    delivered_at: str | None = None
    unanswered_at: str | None = None
    still_path: str | None = None
    title: str | None = None  # the person's own name for the clip
    source: dict[str, Any] | None = None  # what it was made from (studio.source_record); None: before step 4
    trashed_at: str | None = None  # in the clip trash (core/clip_trash.py)
    emptied_at: str | None = None  # and its files deleted when the trash was emptied

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def undelivered(self) -> bool:
        """Done, but not yet at the path the person asked for."""
        return self.status == "completed" and bool(self.output_path) and not self.delivered_at

    @property
    def picture(self) -> bool:
        """An Images job: it bought a picture (its request has a quality) and drew the clip from it here."""
        return "quality" in self.request

    @property
    def clip_seconds(self) -> int:
        return int(self.spec.get("seconds", 0) if self.picture else self.request.get("seconds", 0) or 0)

    @property
    def clip_size(self) -> str:
        if self.picture:
            return f"{self.spec.get('width')}x{self.spec.get('height')}"
        return str(self.request.get("size", ""))

    @property
    def done(self) -> bool:
        """Nothing left for a runner to do: finished and, when asked for, delivered."""
        return self.finished and not self.undelivered

    def summary(self) -> dict[str, Any]:
        """What `jobs list --json` and a window show: no prompt internals, never a key."""
        return {
            "id": self.id, "provider": self.provider, "status": self.status, "progress": self.progress,
            "seconds": self.clip_seconds, "size": self.clip_size,
            "picture": {k: self.request.get(k) for k in ("size", "quality")} if self.picture else None,
            "model": self.request.get("model"), "estimate": self.estimate, "currency": self.currency,
            "remote_id": self.remote_id, "message": self.message, "clip": self.clip_path,
            "thumbnail": self.thumb_path, "still": self.still_path, "created_at": self.created_at,
            "finished_at": self.finished_at,
            "output": self.output_path, "delivered_at": self.delivered_at,
        }


def _row_to_job(row: tuple[Any, ...]) -> Job:
    data = dict(zip(COLUMNS, row, strict=True))
    for column, name in _JSON.items():
        data[name] = json.loads(data.pop(column))
    data["entry_ids"] = json.loads(data["entry_ids"] or "[]")
    source = data.pop("source_json")
    data["source"] = json.loads(source) if source else None
    return Job(**data)


LEDGER_COLUMNS: tuple[str, ...] = tuple(
    c.name for c in CostLedgerRow.__table__.columns if c.name != "id")  # type: ignore[attr-defined]
_LEDGER = (f"INSERT INTO cost_ledger ({', '.join(LEDGER_COLUMNS)}) VALUES ({', '.join('?' * len(LEDGER_COLUMNS))}) "
           "ON CONFLICT(job_id) DO NOTHING")


def _read_job(raw: Any, job_id: int) -> Job:
    """The job as it stands on this connection (inside a write, the state the write will change)."""
    row = raw.execute(_SELECT + " WHERE id = ?", (job_id,)).fetchone()
    if row is None:
        raise JobNotFound(job_id)
    return _row_to_job(tuple(row))


def _charge(raw: Any, job: Job, now: str, amount: float | None = None) -> None:
    """The job's estimate (or ``amount``: what the service's answer said) into the ledger, once
    (UNIQUE(job_id)), in the caller's transaction."""
    row = {"job_id": job.id, "provider": job.provider, "model": str(job.request.get("model", "")),
           "seconds": int(job.request.get("seconds", 0) or 0), "size": str(job.request.get("size", "")),
           "amount": job.estimate if amount is None else amount, "currency": job.currency, "month": now[:7],
           "recorded_at": now}
    raw.execute(_LEDGER, tuple(row[c] for c in LEDGER_COLUMNS))


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _owner_alive(owner: str) -> bool:
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname():
        return True  # another machine (a synced folder): assume it is alive, be safe
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


class JobStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, *, uid: str, provider: str, request: dict[str, Any], spec: dict[str, Any],
               estimate: float, currency: str, entry_ids: list[int], remix_of: str | None = None,
               output_path: str | None = None, event: str = "created",
               source: dict[str, Any] | None = None) -> Job:
        now = now_utc_iso()
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            cur = raw.execute(
                "INSERT INTO generation_job (uid, provider, status, request_json, spec_json, remix_of, "
                "entry_ids, estimate, currency, output_path, source_json, created_at, updated_at) "
                "VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (uid, provider, json.dumps(request, sort_keys=True), json.dumps(spec, sort_keys=True),
                 remix_of, json.dumps(entry_ids), estimate, currency, output_path,
                 json.dumps(source, sort_keys=True) if source else None, now, now))
            job_id = int(cur.lastrowid or 0)
            raw.execute(_EVENT, (job_id, now, "pending", event))
        return self.get(job_id)

    def get(self, job_id: int) -> Job:
        with self.db.raw() as raw:
            return _read_job(raw, job_id)

    def open_jobs(self) -> list[Job]:
        """Jobs a runner still has work on (unfinished, or finished and not yet delivered), oldest first."""
        with self.db.raw() as raw:
            return [_row_to_job(tuple(r)) for r in raw.execute(f"{_SELECT} WHERE {OPEN_WHERE} ORDER BY id")]

    def cut_off_like(self, job: Job, within: float) -> list[Job]:
        """Other jobs with the very same request, also cut off while sending, sent within ``within`` seconds
        of ``job``: they may have made some of the same service's videos."""
        from datetime import datetime

        sent = datetime.fromisoformat(job.sent_at or job.updated_at)
        with self.db.raw() as raw:
            rows = raw.execute(f"{_SELECT} WHERE status = 'sending' AND provider = ? AND id != ? "
                               "AND request_json = ? AND remix_of IS ?",
                               (job.provider, job.id, json.dumps(job.request, sort_keys=True), job.remix_of))
            others = [_row_to_job(tuple(r)) for r in rows]
        return [o for o in others if o.sent_at and
                abs((datetime.fromisoformat(o.sent_at) - sent).total_seconds()) <= within]

    def remote_ids(self, provider: str) -> frozenset[str]:
        """The service's ids every job of ``provider`` holds: a video one job adopted is no other's."""
        with self.db.raw() as raw:
            return frozenset(str(r[0]) for r in raw.execute(
                "SELECT remote_id FROM generation_job WHERE provider = ? AND remote_id IS NOT NULL", (provider,)))

    def list_jobs(self, statuses: tuple[str, ...] | None = None, limit: int = 200) -> list[Job]:
        sql = _SELECT
        params: list[Any] = []
        if statuses:
            sql += f" WHERE status IN ({','.join('?' * len(statuses))})"
            params.extend(statuses)
        sql += " ORDER BY id DESC LIMIT ?"
        params.append(limit)
        with self.db.raw() as raw:
            return [_row_to_job(tuple(r)) for r in raw.execute(sql, params).fetchall()]

    def update(self, job_id: int, *, event: str | None = None, expect: tuple[str, ...] | None = None,
               charge: bool = False, **fields: Any) -> Job:
        """Change a job in one transaction, logging the change. With ``expect``, only when its status is
        one of those (returns the job unchanged otherwise: someone else moved it on). ``charge``: the
        job's estimate goes into the ledger in the same transaction (a clip made but lost, a resend)."""
        unknown = set(fields) - set(COLUMNS)
        if unknown:
            raise ValueError(f"unknown job fields {sorted(unknown)}")
        now = now_utc_iso()
        fields["updated_at"] = now
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            before = _read_job(raw, job_id)
            if expect is None or before.status in expect:
                sets = ", ".join(f"{k} = ?" for k in fields)
                raw.execute(f"UPDATE generation_job SET {sets} WHERE id = ?", (*fields.values(), job_id))
                status = fields.get("status", before.status)
                if event is not None or status != before.status:
                    raw.execute(_EVENT, (job_id, now, status, event or ""))
                if charge and before.estimate > 0:
                    _charge(raw, before, now)
        return self.get(job_id)

    def complete(self, job_id: int, *, clip_path: str, thumb_path: str | None, charge: bool) -> Job:
        """Mark delivered and charge the ledger, together. Only a job still ``downloading`` is completed:
        a second call, or a job cancelled meanwhile by another window or command, changes nothing."""
        now = now_utc_iso()
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            job = _read_job(raw, job_id)
            if job.status != "downloading":
                return job
            raw.execute(
                "UPDATE generation_job SET status = 'completed', progress = 100, clip_path = ?, "
                "thumb_path = ?, finished_at = ?, updated_at = ?, message = '', error_code = NULL, "
                "lease_owner = NULL "
                "WHERE id = ?", (clip_path, thumb_path, now, now, job_id))
            raw.execute(_EVENT, (job_id, now, "completed", "clip made"))
            if charge:
                _charge(raw, job, now)
        return self.get(job_id)

    def keep_still(self, job_id: int, *, still_path: str, amount: float | None, detail: str) -> Job:
        """An Images job's picture is kept beside its clip: its path recorded and its cost (``amount``, from
        the answer's usage; None: the estimate) charged to the ledger, together, once. The picture is paid
        for whatever becomes of the clip drawn from it. Only while the job is ``downloading``."""
        now = now_utc_iso()
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            job = _read_job(raw, job_id)
            if job.status != "downloading":
                return job
            raw.execute("UPDATE generation_job SET still_path = ?, updated_at = ? WHERE id = ?",
                        (still_path, now, job_id))
            raw.execute(_EVENT, (job_id, now, job.status, detail))
            _charge(raw, job, now, amount)
        return self.get(job_id)

    def resend(self, job_id: int, uid: str) -> Job:
        """At the person's word, for a job the service could not account for: in one transaction the job is
        closed, its estimate charged (the service may have billed it), and the same request written again
        as a new pending job, which is returned. Refused (JobNotFound aside) unless it still waits."""
        now = now_utc_iso()
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            old = _read_job(raw, job_id)
            if old.status != "needs_decision":
                raise ValueError(f"job {job_id} is {old.status}, not waiting for a decision")
            cur = raw.execute(
                "INSERT INTO generation_job (uid, provider, status, request_json, spec_json, remix_of, entry_ids, "
                "estimate, currency, output_path, source_json, created_at, updated_at) "
                "VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (uid, old.provider, json.dumps(old.request, sort_keys=True), json.dumps(old.spec, sort_keys=True),
                 old.remix_of, json.dumps(old.entry_ids), old.estimate, old.currency, old.output_path,
                 json.dumps(old.source, sort_keys=True) if old.source else None, now, now))
            new_id = int(cur.lastrowid or 0)
            raw.execute(_EVENT, (new_id, now, "pending", f"sent again for job {job_id}"))
            raw.execute("UPDATE generation_job SET status = 'failed', error_code = 'resent', finished_at = ?, "
                        "updated_at = ?, lease_owner = NULL, message = ? WHERE id = ?",
                        (now, now, f"Sent again as job {new_id} at your decision. The service could not say "
                                   "whether this request made a clip, so its cost is counted as spent.", job_id))
            raw.execute(_EVENT, (job_id, now, "failed", f"resent as job {new_id}"))
            _charge(raw, old, now)
        return self.get(new_id)

    def claim(self, job_id: int, owner: str | None = None) -> bool:
        """Take the job for this process unless a live process holds it (two windows; window and CLI)."""
        owner = owner or this_process()
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            row = raw.execute("SELECT lease_owner FROM generation_job WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                raise JobNotFound(job_id)
            held = row[0]
            if held and held != owner and _owner_alive(held):
                return False
            raw.execute("UPDATE generation_job SET lease_owner = ? WHERE id = ?", (owner, job_id))
        return True

    def release(self, job_id: int, owner: str | None = None) -> None:
        owner = owner or this_process()
        with self.db.write() as conn:
            conn.connection.dbapi_connection.execute(
                "UPDATE generation_job SET lease_owner = NULL WHERE id = ? AND lease_owner = ?",
                (job_id, owner))

    def events(self, job_id: int) -> list[tuple[str, str, str]]:
        with self.db.raw() as raw:
            return [(r[0], r[1], r[2]) for r in raw.execute(
                "SELECT at, status, detail FROM generation_event WHERE job_id = ? ORDER BY id", (job_id,))]

    # ---- ledger and budget ---------------------------------------------------------------

    def ledger(self, month: str | None = None) -> list[dict[str, Any]]:
        sql = f"SELECT {', '.join(LEDGER_COLUMNS)} FROM cost_ledger"
        params: tuple[Any, ...] = ()
        if month:
            sql += " WHERE month = ?"
            params = (month,)
        with self.db.raw() as raw:
            return [dict(zip(LEDGER_COLUMNS, r, strict=True)) for r in raw.execute(sql + " ORDER BY id", params)]

    def spent(self, month: str) -> float:
        with self.db.raw() as raw:
            return float(raw.execute("SELECT coalesce(sum(amount), 0) FROM cost_ledger WHERE month = ?",
                                     (month,)).fetchone()[0])

    def committed(self) -> float:
        """Estimates of jobs that may still be charged (sent or about to be, not yet in the ledger: an Images
        job is charged when its picture arrives, before its clip is drawn)."""
        marks = ",".join("?" * (len(UNFINISHED) + 1))
        with self.db.raw() as raw:
            return float(raw.execute(
                f"SELECT coalesce(sum(estimate), 0) FROM generation_job WHERE status IN ({marks}) "
                "AND id NOT IN (SELECT job_id FROM cost_ledger)", (*UNFINISHED, "needs_decision")).fetchone()[0])

    def get_meta(self, key: str) -> str | None:
        with self.db.raw() as raw:
            row = raw.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str | None) -> None:
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            if value is None:
                raw.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                raw.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
