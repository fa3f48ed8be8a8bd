"""Durable clip generation: a job survives crashes, kills and outages, and delivers its clip exactly once.

The order of writes is the whole design:
1. ``submit`` writes the job row (status pending) after the budget check; nothing is sent yet.
2. Before the request goes out the row says ``sending`` (committed, fsynced). The service's id is
   stored the moment it returns (``running``). A job found in ``sending`` after a crash may be a paid
   job we know nothing about: it becomes ``needs_decision`` and is never resent without the person.
3. Polling and downloading can repeat freely: they change nothing at the service. A download goes to
   clips/.partial/, is checked with PyAV, then renamed into clips/; completion and the ledger charge
   are one transaction, so a clip is delivered (and paid for in the ledger) exactly once.
4. Every status change is conditional on the status it was read in (``expect=``): a cancel from another
   window or command lands between any two steps, and a runner that was mid-step never overwrites it.

Driving it: ``advance(job_id)`` does one bounded step (one HTTP request, or one render) and says how long
to wait before the next; a window calls it from a worker on a timer. ``run`` loops with a cancellable
wait for the CLI. Progress and status changes go to ``on_event`` callbacks (called on the working thread).
"""

from __future__ import annotations

import random
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from healthviz_desktop.core.clip_files import existing_thumb, image_ext, publish
from healthviz_desktop.core.costs import Costs
from healthviz_desktop.core.database import Database
from healthviz_desktop.core.jobs_store import FINISHED, UNFINISHED, Job, JobStore
from healthviz_desktop.core.paths import make_private_dir
from healthviz_desktop.core.providers.base import (
    Ambiguous,
    GenerationFailed,
    GenerationRequest,
    KeyMissing,
    ModerationBlocked,
    NotFound,
    Provider,
    ProviderError,
)
from healthviz_desktop.core.providers.registry import Providers
from healthviz_desktop.core.providers.sora import moderation_message
from healthviz_desktop.core.scene import SceneSpec

# Both end with the two commands the person chooses between, with the job's real id (``.format(id=)``).
DECIDE = ("Check your account with the service, then choose: `healthviz jobs resume {id} --resend` or "
          "`healthviz jobs cancel {id}`.")
CRASHED_WHILE_SENDING = (
    "HealthViz stopped while this request was being sent, before the service's answer was saved. The "
    "service may or may not have started a paid job. It was not sent again. " + DECIDE)


class JobRefused(Exception):
    """A request the provider cannot take (size, seconds, model); nothing was written or sent."""


class JobBusy(Exception):
    def __init__(self, job_id: int) -> None:
        super().__init__(f"Job {job_id} is being worked on by another HealthViz window or command.")


@dataclass(frozen=True)
class JobEvent:
    job_id: int
    status: str
    progress: float  # 0..1 within the current status (rendering/downloading, or the service's own %)
    message: str = ""


@dataclass(frozen=True)
class Step:
    job: Job
    wait: float | None  # seconds before advance() has more to do; None: nothing until the person acts


Listener = Callable[[JobEvent], None]


class JobRunner:
    def __init__(self, db: Database, providers: Providers | None = None, *, max_attempts: int = 6,
                 poll_timeout: float = 30 * 60, base_delay: float = 1.0, max_delay: float = 60.0,
                 default_poll: float = 2.0, rand: Callable[[], float] = random.random) -> None:
        self.db = db
        self.store = JobStore(db)
        self.providers = providers or Providers(self.store)
        self.costs = Costs(self.store)
        self.max_attempts = max_attempts
        self.poll_timeout = poll_timeout
        self.base_delay, self.max_delay, self.default_poll = base_delay, max_delay, default_poll
        self._rand = rand
        self._listeners: list[Listener] = []
        self._active: set[int] = set()
        self._lock = threading.Lock()

    # ---- events ----------------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _emit(self, job: Job, progress: float | None = None, message: str | None = None) -> None:
        event = JobEvent(job.id, job.status, job.progress / 100 if progress is None else progress,
                         job.message if message is None else message)
        for listener in list(self._listeners):
            listener(event)

    def _set(self, job: Job, event: str | None = None, **fields: Any) -> Job:
        """Change ``job`` only if it is still in the status it was read in; else return it as it now is."""
        updated = self.store.update(job.id, event=event, expect=(job.status,), **fields)
        self._emit(updated)
        return updated

    # ---- the person's actions --------------------------------------------------------------------

    def submit(self, provider_name: str, request: GenerationRequest, *,
               entry_ids: list[int] | None = None) -> Job:
        """Write a new job (nothing is sent until it is advanced). Raises BudgetExceeded, JobRefused."""
        provider = self.providers.get(provider_name)
        problem = provider.capabilities().check(request.body)
        if problem:
            raise JobRefused(f"{provider.label} cannot make this clip: {problem}.")
        estimate = provider.estimate(request)
        self.costs.check(estimate)
        job = self.store.insert(uid=uuid.uuid4().hex, provider=provider_name, request=dict(request.body),
                                spec=request.spec.to_dict(), estimate=estimate.amount,
                                currency=estimate.currency, entry_ids=list(entry_ids or []),
                                remix_of=request.remix_of)
        self._emit(job)
        return job

    def remix(self, source_job_id: int, prompt: str) -> Job:
        """A new job asking the service to remix a finished clip with a changed prompt."""
        source = self.store.get(source_job_id)
        if source.status != "completed" or not source.remote_id or source.provider == "local":
            raise JobRefused("Only a finished clip from a remote service can be remixed.")
        body = {**source.request, "prompt": prompt}
        request = GenerationRequest(SceneSpec.from_dict(source.spec), body, remix_of=source.remote_id)
        return self.submit(source.provider, request, entry_ids=source.entry_ids)

    def resume(self, job_id: int, *, resend: bool = False) -> Job:
        """Make a stalled job active again; ``resend`` is the person's decision for needs_decision."""
        job = self.store.get(job_id)
        if job.status == "needs_decision":
            if not resend:
                return job
            return self._set(job, "resent by the person's decision", status="pending", attempts=0,
                             next_attempt_at=None, message="", error_code=None, sent_at=None)
        if job.status == "stalled":
            phase = "pending" if not job.remote_id else (
                "downloading" if job.remote_state == "completed" else "running")
            return self._set(job, "resumed", status=phase, attempts=0, next_attempt_at=None,
                             submitted_at=_iso(_now()) if phase == "running" else job.submitted_at)
        return job

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

    def _tell_service(self, job: Job) -> Job:
        try:
            if job.remote_id and job.provider != "local":
                self.providers.get(job.provider).cancel(job.remote_id)
        except (ProviderError, LookupError) as exc:
            return self.store.update(job.id, event="the service could not be told", expect=("cancelled",),
                                     message=f"cancelled here; the service could not be told ({exc})")
        return job

    def recover(self, *, resume_stalled: bool = True) -> list[Job]:
        """Classify jobs a crash interrupted (one query when none is unfinished); returns those that can carry
        on. ``resume_stalled=False``: stalled jobs keep saying why they wait (for commands not driving them)."""
        carry_on = []
        for job in self.store.list_jobs(UNFINISHED, limit=10_000):
            if job.status == "sending":
                if job.id in self._active or not self.store.claim(job.id):
                    continue  # a live process is sending it right now
                self._crashed_while_sending(job)
                self.store.release(job.id)
                continue
            carry_on.append(self.resume(job.id) if job.status == "stalled" and resume_stalled else job)
        return carry_on

    def _crashed_while_sending(self, job: Job) -> Job:
        return self._set(job, "found after a crash while sending", status="needs_decision",
                         message=CRASHED_WHILE_SENDING.format(id=job.id), error_code="crashed_while_sending")

    # ---- driving ----------------------------------------------------------------------------------

    def run(self, job_id: int, cancel: threading.Event | None = None) -> Job:
        """Advance until the job finishes or needs the person; returns early (job intact) on cancel."""
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
        if job.finished or job.status in ("needs_decision", "stalled"):
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
            provider = self.providers.get(job.provider)
            request = GenerationRequest(SceneSpec.from_dict(job.spec), job.request, remix_of=job.remix_of)
            if job.status == "pending":
                return self._send(job, provider, request)
            if job.status == "sending":  # we hold the lease and are not sending: a crash left it
                return Step(self._crashed_while_sending(job), None)
            if job.status == "running":
                return self._poll(job, provider)
            return self._download(job, provider, request, cancelled)
        finally:
            with self._lock:
                self._active.discard(job_id)
            self.store.release(job_id)

    # ---- the three phases ---------------------------------------------------------------------------

    def _send(self, job: Job, provider: Provider, request: GenerationRequest) -> Step:
        job = self._set(job, "sending request", status="sending", sent_at=_iso(_now()), next_attempt_at=None)
        if job.status != "sending":  # cancelled a moment ago: nothing goes out
            return Step(job, None)
        try:
            remote_id, status = provider.submit(request)
        except Ambiguous as exc:
            return Step(self._set(job, exc.code, status="needs_decision", error_code=exc.code,
                                  message=f"{exc.message} {DECIDE.format(id=job.id)}"), None)
        except KeyMissing as exc:  # nothing went out; resumable once the key is there (or unlocked)
            return self._stall(job, exc)
        except ProviderError as exc:
            if exc.retryable and job.attempts + 1 < self.max_attempts:
                return self._retry(job, exc, status="pending")
            note = " Nothing was sent that could be charged." if exc.retryable else ""
            return self._fail(job, exc, note)
        except BaseException as exc:
            self._set(job, "unexpected error while sending", status="needs_decision", error_code="unexpected",
                      message=f"An unexpected error happened while sending ({type(exc).__name__}). "
                              + CRASHED_WHILE_SENDING.format(id=job.id))
            raise
        job = self._set(job, "accepted by the service", status="running", remote_id=remote_id,
                        remote_state=status.state, progress=status.progress, submitted_at=_iso(_now()),
                        attempts=0, message="")
        if job.status == "cancelled":  # cancelled while the request was out: keep its id, stop it there
            job = self._tell_service(self.store.update(job.id, expect=("cancelled",), remote_id=remote_id))
            return Step(job, None)
        return Step(job, 0.0 if provider.name == "local" else self._poll_wait(status.poll_after))

    def _poll(self, job: Job, provider: Provider) -> Step:
        assert job.remote_id is not None
        started = datetime.fromisoformat(job.submitted_at) if job.submitted_at else _now()
        if (_now() - started).total_seconds() > self.poll_timeout:
            minutes = round(self.poll_timeout / 60)
            return Step(self._set(job, "poll timeout", status="stalled", error_code="timeout", message=(
                f"The service has not finished after {minutes} minutes. `healthviz jobs resume {job.id}` "
                f"keeps waiting; `healthviz jobs cancel {job.id}` stops it.")), None)
        try:
            status = provider.poll(job.remote_id)
        except NotFound as exc:
            return self._fail(job, exc)
        except ProviderError as exc:
            if exc.retryable and job.attempts + 1 < self.max_attempts:
                return self._retry(job, exc, status="running")
            return self._stall(job, exc)
        if status.state == "completed":
            return Step(self._set(job, "finished at the service", status="downloading",
                                  remote_state="completed", progress=0, attempts=0, message=""), 0.0)
        if status.state == "failed":
            if status.error_code == "moderation_blocked":
                return self._fail(job, ModerationBlocked(moderation_message(provider.label)))
            detail = f": {status.error_message}" if status.error_message else ""
            return self._fail(job, GenerationFailed(f"{provider.label} could not make the clip{detail}."))
        if status.state != job.remote_state or status.progress != job.progress or job.attempts:
            job = self._set(job, None, remote_state=status.state, progress=status.progress, attempts=0,
                            message="")
        return Step(job, self._poll_wait(status.poll_after))

    def _download(self, job: Job, provider: Provider, request: GenerationRequest,
                  cancelled: Callable[[], bool] | None) -> Step:
        from healthviz_desktop.core.render import InvalidClip, RenderCancelled, probe_clip

        assert job.remote_id is not None
        clips = make_private_dir(self.db.paths.clips)
        partial = make_private_dir(clips / ".partial")
        final = clips / f"{job.uid}.mp4"
        if final.exists():  # a crash came after the rename, before the database knew
            try:
                probe_clip(final, expect_seconds=request.seconds)
                return Step(self._complete(job, final, existing_thumb(clips, job.uid)), None)
            except InvalidClip:
                final.unlink()
        part, thumb_part = partial / f"{job.uid}.mp4.part", partial / f"{job.uid}.thumb.part"
        last = [-1]

        def progress(fraction: float) -> None:
            percent = int(fraction * 100)
            if percent != last[0]:
                last[0] = percent
                self._emit(job, fraction, "")

        try:
            got = provider.download(job.remote_id, request, part, thumb_part, progress, cancelled)
            probe_clip(part, expect_seconds=request.seconds)
        except RenderCancelled:
            return Step(self.store.get(job.id), None)
        except InvalidClip as exc:
            part.unlink(missing_ok=True)
            err = ProviderError(f"The clip from {provider.label} could not be used ({exc}).")
            if job.attempts + 1 < self.max_attempts:
                return self._retry(job, err, status="downloading", retryable=True)
            return self._stall(job, err)
        except NotFound as exc:
            return self._fail(job, exc, " The clip expired at the service before it could be downloaded.")
        except ProviderError as exc:
            if cancelled is not None and cancelled():
                return Step(self.store.get(job.id), None)
            if exc.retryable and job.attempts + 1 < self.max_attempts:
                return self._retry(job, exc, status="downloading")
            return self._stall(job, exc)
        thumb = None
        if got.thumbnail is not None and got.thumbnail.exists():
            thumb = clips / f"{job.uid}.thumb{image_ext(got.thumbnail)}"
            publish(got.thumbnail, thumb)
        publish(part, final)
        return Step(self._complete(job, final, thumb), None)

    # ---- outcomes -------------------------------------------------------------------------------------

    def _complete(self, job: Job, clip: Path, thumb: Path | None) -> Job:
        thumb_path = str(thumb) if thumb else None
        done = self.store.complete(job.id, clip_path=str(clip), thumb_path=thumb_path, charge=job.estimate > 0)
        if done.status == "cancelled" and not done.clip_path:
            # Cancelled (elsewhere) while the clip was arriving. The person said stop, so the job stays
            # cancelled and is not put in the ledger, like any cancel; but deleting bytes that arrived
            # (and were most likely billed) would lose them, so the clip is kept and the job says where.
            done = self.store.update(job.id, event="the clip arrived after the cancel; kept",
                                     expect=("cancelled",), clip_path=str(clip), thumb_path=thumb_path,
                                     message=f"Cancelled while the clip was arriving; it is kept at {clip}.")
        self._emit(done, 1.0 if done.status == "completed" else None)
        return done

    def _retry(self, job: Job, exc: ProviderError, *, status: str, retryable: bool = False) -> Step:
        attempts = job.attempts + 1
        if exc.retry_after is not None:
            delay = exc.retry_after * (1.0 + 0.1 * self._rand())
        else:
            ceiling = min(self.max_delay, self.base_delay * 2 ** (attempts - 1))
            delay = ceiling * (0.5 + 0.5 * self._rand())  # jitter: many clients do not retry in step
        message = (f"{exc.message} Trying again in {delay:.0f} s "
                   f"(attempt {attempts + 1} of {self.max_attempts}).")
        job = self._set(job, f"retry after {exc.code}", status=status, attempts=attempts,
                        next_attempt_at=_iso(_now() + timedelta(seconds=delay)), message=message,
                        error_code=exc.code)
        return Step(job, delay)

    def _fail(self, job: Job, exc: ProviderError, note: str = "") -> Step:
        return Step(self._set(job, exc.code, status="failed", error_code=exc.code, message=exc.message + note,
                              finished_at=_iso(_now()), next_attempt_at=None), None)

    def _stall(self, job: Job, exc: ProviderError) -> Step:
        return Step(self._set(job, exc.code, status="stalled", error_code=exc.code, next_attempt_at=None,
                              message=f"{exc.message} The job is kept: `healthviz jobs resume {job.id}` "
                                      "carries on once this is sorted out."), None)

    def _poll_wait(self, asked: float | None) -> float:
        return min(60.0, asked) if asked is not None else self.default_poll

    def unfinished(self) -> list[Job]:
        return [j for j in self.store.list_jobs(limit=10_000) if j.status not in FINISHED]


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(value: datetime) -> str:
    return value.isoformat()


def wait_step(step: Step) -> float:
    """For callers that schedule advance() on a timer (a QTimer): milliseconds to the next call."""
    return 0.0 if step.wait is None else max(0.0, step.wait) * 1000.0

