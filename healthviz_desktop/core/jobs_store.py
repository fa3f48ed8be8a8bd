"""Durable generation jobs in the journal database (tables from migration step 2).

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
from healthviz_desktop.core.timefmt import now_utc_iso

# pending: written, not sent | sending: the request is going out now | running: the service has it
# downloading: finished remotely, fetching (or drawing, for the local renderer) | stalled: waiting for
# the person (a key, credit, or a service that took too long): resumable | needs_decision: sent but no
# id came back: may be a paid job, never resent without the person.
UNFINISHED = ("pending", "sending", "running", "downloading", "stalled")
FINISHED = ("completed", "failed", "cancelled")
STATUSES = (*UNFINISHED, "needs_decision", *FINISHED)

COLUMNS = ("id", "uid", "provider", "status", "request_json", "spec_json", "remix_of", "entry_ids",
           "estimate", "currency", "remote_id", "remote_state", "progress", "attempts", "next_attempt_at",
           "error_code", "message", "clip_path", "thumb_path", "lease_owner", "created_at", "updated_at",
           "sent_at", "submitted_at", "finished_at")

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

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    def summary(self) -> dict[str, Any]:
        """What `jobs list --json` and a window show: no prompt internals, never a key."""
        return {
            "id": self.id, "provider": self.provider, "status": self.status, "progress": self.progress,
            "seconds": self.request.get("seconds"), "size": self.request.get("size"),
            "model": self.request.get("model"), "estimate": self.estimate, "currency": self.currency,
            "remote_id": self.remote_id, "message": self.message, "clip": self.clip_path,
            "thumbnail": self.thumb_path, "created_at": self.created_at, "finished_at": self.finished_at,
        }


def _row_to_job(row: tuple[Any, ...]) -> Job:
    data = dict(zip(COLUMNS, row, strict=True))
    data["request"] = json.loads(data.pop("request_json"))
    data["spec"] = json.loads(data.pop("spec_json"))
    data["entry_ids"] = json.loads(data["entry_ids"] or "[]")
    return Job(**data)


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
               estimate: float, currency: str, entry_ids: list[int], remix_of: str | None = None) -> Job:
        now = now_utc_iso()
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            cur = raw.execute(
                "INSERT INTO generation_job (uid, provider, status, request_json, spec_json, remix_of, "
                "entry_ids, estimate, currency, created_at, updated_at) "
                "VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?)",
                (uid, provider, json.dumps(request, sort_keys=True), json.dumps(spec, sort_keys=True),
                 remix_of, json.dumps(entry_ids), estimate, currency, now, now))
            job_id = int(cur.lastrowid or 0)
            raw.execute(_EVENT, (job_id, now, "pending", "created"))
        return self.get(job_id)

    def get(self, job_id: int) -> Job:
        with self.db.raw() as raw:
            row = raw.execute(_SELECT + " WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise JobNotFound(job_id)
        return _row_to_job(tuple(row))

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
               **fields: Any) -> Job:
        """Change a job in one transaction, logging the change. With ``expect``, only when its status is
        one of those (returns the job unchanged otherwise: someone else moved it on)."""
        unknown = set(fields) - set(COLUMNS)
        if unknown:
            raise ValueError(f"unknown job fields {sorted(unknown)}")
        now = now_utc_iso()
        fields["updated_at"] = now
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            row = raw.execute("SELECT status FROM generation_job WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                raise JobNotFound(job_id)
            if expect is None or row[0] in expect:
                sets = ", ".join(f"{k} = ?" for k in fields)
                raw.execute(f"UPDATE generation_job SET {sets} WHERE id = ?", (*fields.values(), job_id))
                status = fields.get("status", row[0])
                if event is not None or status != row[0]:
                    raw.execute(_EVENT, (job_id, now, status, event or ""))
        return self.get(job_id)

    def complete(self, job_id: int, *, clip_path: str, thumb_path: str | None, charge: bool) -> Job:
        """Mark delivered and charge the ledger, together. Only a job still ``downloading`` is completed:
        a second call, or a job cancelled meanwhile by another window or command, changes nothing."""
        now = now_utc_iso()
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            row = raw.execute(_SELECT + " WHERE id = ?", (job_id,)).fetchone()
            if row is None:
                raise JobNotFound(job_id)
            job = _row_to_job(tuple(row))
            if job.status != "downloading":
                return job
            raw.execute(
                "UPDATE generation_job SET status = 'completed', progress = 100, clip_path = ?, "
                "thumb_path = ?, finished_at = ?, updated_at = ?, message = '', error_code = NULL, "
                "lease_owner = NULL "
                "WHERE id = ?", (clip_path, thumb_path, now, now, job_id))
            raw.execute(_EVENT, (job_id, now, "completed", "clip delivered"))
            if charge:
                raw.execute(
                    "INSERT INTO cost_ledger (job_id, provider, model, seconds, size, amount, currency, "
                    "month, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(job_id) DO NOTHING",
                    (job_id, job.provider, str(job.request.get("model", "")),
                     int(job.request.get("seconds", 0)), str(job.request.get("size", "")), job.estimate,
                     job.currency, now[:7], now))
        return self.get(job_id)

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

    # ---- ledger and provider settings ---------------------------------------------------------------

    def ledger(self, month: str | None = None) -> list[dict[str, Any]]:
        sql = ("SELECT job_id, provider, model, seconds, size, amount, currency, month, recorded_at "
               "FROM cost_ledger")
        params: tuple[Any, ...] = ()
        if month:
            sql += " WHERE month = ?"
            params = (month,)
        keys = ("job_id", "provider", "model", "seconds", "size", "amount", "currency", "month",
                "recorded_at")
        with self.db.raw() as raw:
            return [dict(zip(keys, r, strict=True)) for r in raw.execute(sql + " ORDER BY id", params)]

    def spent(self, month: str) -> float:
        with self.db.raw() as raw:
            return float(raw.execute("SELECT coalesce(sum(amount), 0) FROM cost_ledger WHERE month = ?",
                                     (month,)).fetchone()[0])

    def committed(self) -> float:
        """Estimates of jobs that may still be charged (sent or about to be, not yet in the ledger)."""
        marks = ",".join("?" * (len(UNFINISHED) + 1))
        with self.db.raw() as raw:
            return float(raw.execute(
                f"SELECT coalesce(sum(estimate), 0) FROM generation_job WHERE status IN ({marks})",
                (*UNFINISHED, "needs_decision")).fetchone()[0])

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

    def provider_settings(self) -> dict[str, tuple[str, dict[str, Any]]]:
        with self.db.raw() as raw:
            return {r[0]: (r[1], json.loads(r[2])) for r in raw.execute(
                "SELECT name, kind, settings FROM provider_setting ORDER BY name")}

    def save_provider(self, name: str, kind: str, settings: dict[str, Any]) -> None:
        with self.db.write() as conn:
            conn.connection.dbapi_connection.execute(
                "INSERT INTO provider_setting (name, kind, settings, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, settings = excluded.settings, "
                "updated_at = excluded.updated_at",
                (name, kind, json.dumps(settings, sort_keys=True), now_utc_iso()))

    def remove_provider(self, name: str) -> bool:
        with self.db.write() as conn:
            raw = conn.connection.dbapi_connection
            cur = raw.execute("DELETE FROM provider_setting WHERE name = ?", (name,))
            return bool(cur.rowcount)
