"""Durable clip jobs: a job survives crashes, kills and outages, and delivers its clip exactly once.

``submit`` writes the job row (status pending) after the budget check; nothing is sent yet. Then the job
is driven in bounded steps (steps.py says what each does, and in which order its writes happen):
``advance(job_id)`` does one step (one HTTP request, or one render) and says how long to wait before the
next; ``run`` loops with a cancellable wait. A window calls either from a worker thread. Progress and
status changes go to ``subscribe``d listeners (called on the working thread).

One runner per open journal (``ClipStudio`` holds it): its in-process guard and the job's lease in the
database (for other processes) mean one job is never worked on twice at the same time.
"""

from __future__ import annotations

import random
import threading
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from healthviz_desktop.core.generation.costs import Costs
from healthviz_desktop.core.generation.job_store import UNFINISHED, Job, JobStore
from healthviz_desktop.core.generation.problems import JobBusy, JobRefused
from healthviz_desktop.core.generation.steps import (
    DECIDE,
    STOPPED_WHILE_SENDING,
    JobEvent,
    JobSteps,
    Listener,
    Step,
    _iso,
    _now,
    stopped_while_sending,
)
from healthviz_desktop.core.providers.base import GenerationRequest
from healthviz_desktop.core.providers.registry import Providers
from healthviz_desktop.core.scene import SceneSpec

if TYPE_CHECKING:
    from healthviz_desktop.core.database import Database

__all__ = ["DECIDE", "STOPPED_WHILE_SENDING", "JobBusy", "JobEvent", "JobRefused", "JobRunner", "Step",
           "wait_step"]


class JobRunner(JobSteps):
    def __init__(self, db: Database, providers: Providers | None = None, *, max_attempts: int = 6,
                 poll_timeout: float = 30 * 60, base_delay: float = 1.0, max_delay: float = 60.0,
                 default_poll: float = 2.0, rand: Callable[[], float] = random.random) -> None:
        self.db = db
        self.store = JobStore(db)
        self.providers = providers or Providers(db)
        self.costs = Costs(self.store)
        self.max_attempts = max_attempts
        self.poll_timeout = poll_timeout
        self.base_delay, self.max_delay, self.default_poll = base_delay, max_delay, default_poll
        self._rand = rand
        self._listeners: list[Listener] = []
        self._listeners_lock = threading.Lock()
        self._active: set[int] = set()
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> None:
        with self._listeners_lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._listeners_lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    # ---- the person's actions --------------------------------------------------------------------

    def submit(self, provider_name: str, request: GenerationRequest, *, entry_ids: list[int] | None = None,
               output_path: str | None = None, source: dict[str, Any] | None = None) -> Job:
        """Write a new job (nothing is sent until it is advanced). Raises BudgetExceeded, JobRefused.
        ``source``: what it is made from (``ClipSource.record``), for the Clips library."""
        provider = self.providers.get(provider_name)
        problem = provider.capabilities().check(request.body)
        if problem:
            raise JobRefused(f"{provider.label} cannot make this clip: {problem}.")
        estimate = provider.estimate(request)
        self.costs.check(estimate)
        job = self.store.insert(uid=uuid.uuid4().hex, provider=provider_name, request=dict(request.body),
                                spec=request.spec.to_dict(), estimate=estimate.amount,
                                currency=estimate.currency, entry_ids=list(entry_ids or []),
                                remix_of=request.remix_of, output_path=output_path, source=source)
        self._emit(job)
        return job

    def remix(self, source_job_id: int, prompt: str, *, output_path: str | None = None) -> Job:
        """A new job asking the service to remix a finished clip with a changed prompt."""
        source = self.store.get(source_job_id)
        can = self.providers.get(source.provider).capabilities().remix
        if source.status != "completed" or not source.remote_id or not can:
            raise JobRefused("Only a finished clip from a remote service can be remixed.")
        body = {**source.request, "prompt": prompt}
        request = GenerationRequest(SceneSpec.from_dict(source.spec), body, remix_of=source.remote_id)
        return self.submit(source.provider, request, entry_ids=source.entry_ids, output_path=output_path,
                           source=source.source)

    def resume(self, job_id: int, *, resend: bool = False) -> Job:
        """Make a stalled job active again. ``resend``: the person's decision for a job the service could not
        account for; returns the new job that sends the request again."""
        job = self.store.get(job_id)
        if job.status == "needs_decision":
            return self._resend(job) if resend else job
        if job.status == "stalled":
            if job.remote_id:
                phase = "downloading" if job.remote_state == "completed" else "running"
            else:  # a request that went out without an answer is settled with the service, never just resent
                phase = "sending" if job.sent_at else "pending"
            return self._set(job, "resumed", status=phase, attempts=0, next_attempt_at=None,
                             submitted_at=_iso(_now()) if phase == "running" else job.submitted_at)
        return job

    def _resend(self, job: Job) -> Job:
        """The first request may have been charged: it is counted as spent, and the budget must still allow
        the second. One transaction closes the first and writes the second."""
        provider = self.providers.get(job.provider)
        request = GenerationRequest(SceneSpec.from_dict(job.spec), job.request, remix_of=job.remix_of)
        self.costs.check(provider.estimate(request))
        new = self.store.resend(job.id, uuid.uuid4().hex)
        self._emit(self.store.get(job.id))
        self._emit(new)
        return new

    def cancel(self, job_id: int) -> Job:
        """Stop a job for good; a job the service has is deleted there too (best effort). No lease: it must
        work while another window is mid-download; that runner's next conditional write finds it cancelled."""
        job = self.store.update(job_id, event="cancelled", expect=(*UNFINISHED, "needs_decision"),
                                status="cancelled", finished_at=_iso(_now()), message="cancelled",
                                lease_owner=None)
        if job.status == "cancelled":
            job = self._tell_service(job)
            self._emit(job)
        return job

    def recover(self, *, resume_stalled: bool = True) -> list[Job]:
        """Jobs an earlier run left open, oldest first, that can carry on (one query when there are none). A
        job caught mid-send by a crash keeps its status (the next step asks the service) and says so.
        ``resume_stalled=False``: stalled jobs keep saying why they wait (for commands not driving them)."""
        carry_on = []
        for job in self.store.open_jobs():
            if job.status == "sending":
                if job.id in self._active or not self.store.claim(job.id):
                    continue  # a live process is sending it right now
                if not job.message or not job.unanswered_at:
                    media = self.providers.get(job.provider).capabilities().media
                    job = self._set(job, "found after a crash while sending", unanswered_at=job.unanswered_at or
                                    _iso(_now()), message=job.message or stopped_while_sending(media, job.id))
                self.store.release(job.id)
            carry_on.append(self.resume(job.id) if job.status == "stalled" and resume_stalled else job)
        return carry_on

    # ---- driving ----------------------------------------------------------------------------------

    def run(self, job_id: int, cancel: threading.Event | None = None) -> Job:
        """Advance until the job is done or needs the person; returns early (job intact) on cancel."""
        cancel = cancel or threading.Event()
        while True:
            if cancel.is_set():  # before each step too: a job stopped before it went out is never sent
                return self.store.get(job_id)
            step = self.advance(job_id, cancelled=cancel.is_set)
            if step.wait is None or cancel.is_set():
                return step.job
            if step.wait > 0 and cancel.wait(step.wait):
                return self.store.get(job_id)

    def advance(self, job_id: int, cancelled: Callable[[], bool] | None = None) -> Step:
        """Do the job's next bounded piece of work."""
        job = self.store.get(job_id)
        if _waits(job):
            return Step(job, None)
        if job.next_attempt_at:
            due = (datetime.fromisoformat(job.next_attempt_at) - _now()).total_seconds()
            if due > 0:
                return Step(job, due)
        with self._lock:
            if job_id in self._active:
                raise JobBusy(job_id)
            self._active.add(job_id)
        try:
            if not self.store.claim(job_id):
                raise JobBusy(job_id)
            job = self.store.get(job_id)
            if job.undelivered:
                return self._deliver(job)
            if _waits(job):
                return Step(job, None)
            provider = self.providers.get(job.provider)
            request = GenerationRequest(SceneSpec.from_dict(job.spec), job.request, remix_of=job.remix_of)
            if job.status == "pending":
                return self._send(job, provider, request)
            if job.status == "sending":  # we hold the lease, so nobody is sending it: settle it with the service
                return self._reconcile(job, provider, request)
            if job.status == "running":
                return self._poll(job, provider)
            return self._download(job, provider, request, cancelled)
        finally:
            with self._lock:
                self._active.discard(job_id)
            self.store.release(job_id)

    def unfinished(self) -> list[Job]:
        return [j for j in self.store.list_jobs(limit=10_000) if not j.finished]


def _waits(job: Job) -> bool:
    """Nothing a runner can do: done, or waiting for the person."""
    return not job.undelivered and (job.finished or job.status in ("needs_decision", "stalled"))


def wait_step(step: Step) -> float:
    """For callers that schedule advance() on a timer (a QTimer): milliseconds to the next call."""
    return 0.0 if step.wait is None else max(0.0, step.wait) * 1000.0
