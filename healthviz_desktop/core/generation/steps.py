"""The bounded steps a clip job goes through: send, settle an unanswered send, poll, download, deliver.

The order of writes is the whole design:
1. Before the create request goes out the row says ``sending`` (committed, fsynced) and the runner holds
   the job's lease. The service's id is stored the moment it answers (``running``).
2. A send without a clear answer (a kill, Ctrl-C, a timeout, a cut connection, a 5xx that a gateway may
   have given while the service went on) stays ``sending``. Whoever next holds the lease asks the service:
   its list of videos, newest first (``Provider.find_created``). One video this job could have made (same
   prompt, model, length, size, created within the send window on the service's clock, no other job's) is
   adopted: that is the job (identical requests cut off close together take one each, in the order they
   were sent). A list that reaches back past the send and shows none, once the provider's settle time has
   passed, proves nothing was made: the job goes back to ``pending`` and is sent (still one create). Only
   when the service cannot tell (no list; more candidates than jobs) does the job wait for the person.
3. Polling and downloading can repeat freely: they change nothing at the service. A download goes to
   clips/.partial/, is checked with PyAV, then renamed into clips/; completion and the ledger charge are
   one transaction, so a clip is made (and paid for in the ledger) exactly once. A clip the service made
   but no longer has (HTTP 410) is final: charged as spent, with a way to make it again.
   An Images job (a provider of media "image") has no list to ask: its picture is kept on this computer
   the moment it arrives, and found there; otherwise the job waits for the person. Its picture is then
   kept beside the clip and charged, and the clip drawn from it here (still_clip.py).
4. A finished clip is copied to the path the person asked for (``output_path``), and the row says when:
   a crash between the two is delivered by the next runner, so every clip reaches its path.
5. Every status change is conditional on the status it was read in (``expect=``): a cancel from another
   window or command lands between any two steps, and a runner that was mid-step never overwrites it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from healthviz_desktop.core.generation.clip_files import deliver, existing_thumb, image_ext, publish
from healthviz_desktop.core.generation.job_store import Job, JobStore
from healthviz_desktop.core.generation.still_clip import REMAKE, StillClipSteps
from healthviz_desktop.core.paths import make_private_dir
from healthviz_desktop.core.providers.base import (
    Ambiguous,
    CannotList,
    Expired,
    GenerationFailed,
    GenerationRequest,
    KeyMissing,
    ModerationBlocked,
    NotFound,
    Provider,
    ProviderError,
)
from healthviz_desktop.core.providers.sora import moderation_message

if TYPE_CHECKING:
    from healthviz_desktop.core.database import Database
    from healthviz_desktop.core.providers.registry import Providers

# Both end with the two commands the person chooses between, with the job's real id (``.format(id=)``).
DECIDE = ("Check your account with the service, then choose: `healthviz jobs resume {id} --resend` (checked "
          "against your budget again; both requests are then counted as spent) or `healthviz jobs cancel {id}`.")
STOPPED_WHILE_SENDING = (
    "HealthViz stopped while this request was going out, before the service's answer was saved. "
    "`healthviz jobs resume {id}` asks the service whether it made the clip and carries on; the request "
    "is sent again only if the service made nothing.")
CHECKING = " Checking whether it did before anything is sent again…"
CHECK_AGAIN_AT_MOST = 5.0  # seconds between looks at the service's list while a send settles
RIVAL_REACH = 5.0  # identical sends this far apart (beyond the settle time) may compete for the same videos
STOPPED_WHILE_SENDING_PICTURE = (
    "HealthViz stopped while this request was going out, before the service's answer was saved. An Images "
    "service keeps no list to ask, so `healthviz jobs resume {id}` looks for the picture on this computer and, "
    "if it never arrived, asks you before anything is sent again.")


def stopped_while_sending(media: str, job_id: int) -> str:
    """What is true of a send cut off by a stop or a crash, for what the provider makes."""
    return (STOPPED_WHILE_SENDING_PICTURE if media == "image" else STOPPED_WHILE_SENDING).format(id=job_id)


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


class JobSteps(StillClipSteps):
    """The phases of JobRunner (runner.py), which owns the state these use."""

    db: Database
    store: JobStore
    providers: Providers
    max_attempts: int
    poll_timeout: float
    base_delay: float
    max_delay: float
    default_poll: float
    _rand: Callable[[], float]
    _listeners: list[Listener]
    _listeners_lock: threading.Lock

    # ---- events -------------------------------------------------------------------------------------

    def _emit(self, job: Job, progress: float | None = None, message: str | None = None) -> None:
        event = JobEvent(job.id, job.status, job.progress / 100 if progress is None else progress,
                         job.message if message is None else message)
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(event)

    def _set(self, job: Job, event: str | None = None, **fields: Any) -> Job:
        """Change ``job`` only if it is still in the status it was read in; else return it as it now is."""
        updated = self.store.update(job.id, event=event, expect=(job.status,), **fields)
        self._emit(updated)
        return updated

    # ---- send, and settling a send without an answer ---------------------------------------------------

    def _send(self, job: Job, provider: Provider, request: GenerationRequest) -> Step:
        job = self._set(job, "sending request", status="sending", sent_at=_iso(_now()), next_attempt_at=None)
        if job.status != "sending":  # cancelled a moment ago: nothing goes out
            return Step(job, None)
        try:
            remote_id, status = provider.submit(request)
        except Ambiguous as exc:
            job = self._set(job, f"no clear answer ({exc.status or exc.code})", attempts=job.attempts + 1,
                            error_code=exc.code, unanswered_at=_iso(_now()),
                            message=f"{exc.message}{CHECKING}")
            return Step(job, 0.0)
        except KeyMissing as exc:  # nothing went out; resumable once the key is there (or unlocked)
            return self._stall(job, exc, sent_at=None)
        except Expired as exc:  # an answer made and billed that could not be kept (a full disk)
            return self._fail(job, exc, " " + REMAKE.format(id=job.id), charge=True, error_code="expired")
        except ProviderError as exc:  # the service refused: it made nothing
            if exc.retryable and job.attempts + 1 < self.max_attempts:
                return self._retry(job, exc, status="pending")
            note = " It refused every attempt, so nothing was made or charged." if exc.retryable else ""
            return self._fail(job, exc, note)
        except BaseException:  # Ctrl-C, or a bug, while the request was out: the row keeps saying sending
            self._set(job, "stopped while sending", message=stopped_while_sending(provider.capabilities().media,
                                                                                  job.id),
                      unanswered_at=_iso(_now()))
            raise
        job = self._set(job, "accepted by the service", status="running", remote_id=remote_id,
                        remote_state=status.state, progress=status.progress, submitted_at=_iso(_now()),
                        attempts=0, message="", error_code=None)
        if job.status == "cancelled":  # cancelled while the request was out: keep its id, stop it there
            return Step(self._keep_and_stop(job, remote_id), None)
        return Step(job, self._poll_wait(status.poll_after))

    def _reconcile(self, job: Job, provider: Provider, request: GenerationRequest) -> Step:
        """A send that got no answer: did the service make the clip? Its list of videos says."""
        label = provider.label
        settle = provider.capabilities().settle_seconds
        if not job.unanswered_at:  # found cut off by a crash: the wait for its video starts now at the latest
            job = self._set(job, None, unanswered_at=_iso(_now()))
        sent = datetime.fromisoformat(job.sent_at or job.updated_at)
        ended = datetime.fromisoformat(job.unanswered_at or job.updated_at)
        try:
            found = provider.find_created(request, sent.timestamp(), ended.timestamp() + settle,
                                          self.store.remote_ids(job.provider))
        except KeyMissing as exc:
            return self._stall(job, exc)
        except ProviderError as exc:
            if exc.retryable and job.attempts + 1 < self.max_attempts:
                return self._retry(job, exc, status="sending")
            if isinstance(exc, CannotList):
                return self._undecided(job, exc.message)
            return self._undecided(job, f"{label} could not say whether it made this clip: {exc.message}")
        if found.matches:
            # Identical requests cut off close together (the same entry sent twice, say) share the videos
            # they made, one each in the order they were sent: which of them gets which does not matter.
            group = [job, *self.store.cut_off_like(job, within=settle + RIVAL_REACH)]
            group.sort(key=lambda j: (j.sent_at or "", j.id))
            if len(found.matches) > len(group):
                ids = ", ".join(m.id for m in found.matches)
                return self._undecided(job, f"{label} has {len(found.matches)} videos this request could have "
                                            f"made ({ids}), so HealthViz cannot tell which is this job's")
            rank = [j.id for j in group].index(job.id)
            if rank < len(found.matches):
                return self._adopt(job, found.matches[rank].id)
        if not found.covered and found.why:  # the service cannot be asked at all: say what happened, and why
            cause = job.message.removesuffix(CHECKING) if job.message.endswith(CHECKING) else \
                "The request went out, but its answer never reached this computer."
            return self._undecided(job, f"{cause} {found.why}")
        if not found.covered:
            return self._undecided(job, f"{label}'s list of videos does not reach back to when this was sent")
        remaining = settle - (_now() - ended).total_seconds()
        if remaining > 0:  # a video can still appear: look again shortly
            wait = min(remaining, CHECK_AGAIN_AT_MOST)
            job = self._set(job, None, next_attempt_at=_iso(_now() + timedelta(seconds=wait)))
            return Step(job, wait)
        if job.attempts >= self.max_attempts:
            return Step(self._set(job, "nothing made; giving up", status="failed", finished_at=_iso(_now()),
                                  next_attempt_at=None, error_code=job.error_code or "unanswered",
                                  message=f"{label} gave no clear answer {job.attempts} times. Its list of "
                                          "videos shows none was made, so nothing was charged. Try again later."),
                        None)
        delay = self._backoff(job.attempts) if job.attempts else 0.0
        job = self._set(job, "the service made nothing: sending again", status="pending", unanswered_at=None,
                        next_attempt_at=_iso(_now() + timedelta(seconds=delay)) if delay else None,
                        message=f"{label}'s list of videos shows the earlier request made nothing; sending it "
                                "again." if job.attempts else "")
        return Step(job, delay)

    def _adopt(self, job: Job, remote_id: str) -> Step:
        job = self._set(job, f"found at the service as {remote_id}", status="running", remote_id=remote_id,
                        remote_state="queued", submitted_at=_iso(_now()), attempts=0, next_attempt_at=None,
                        message="", error_code=None)
        if job.status == "cancelled":
            return Step(self._keep_and_stop(job, remote_id), None)
        return Step(job, 0.0)

    def _undecided(self, job: Job, why: str) -> Step:
        return Step(self._set(job, "the service cannot tell", status="needs_decision", error_code="undecided",
                              next_attempt_at=None, message=f"{why.rstrip('.')}. {DECIDE.format(id=job.id)}"),
                    None)

    def _keep_and_stop(self, job: Job, remote_id: str) -> Job:
        """Cancelled while the service took it on: keep its id, and stop it there."""
        return self._tell_service(self.store.update(job.id, expect=("cancelled",), remote_id=remote_id))

    def _tell_service(self, job: Job) -> Job:
        try:
            if job.remote_id:
                self.providers.get(job.provider).cancel(job.remote_id)
        except (ProviderError, LookupError) as exc:
            return self.store.update(job.id, event="the service could not be told", expect=("cancelled",),
                                     message=f"cancelled here; the service could not be told ({exc})")
        return job

    # ---- poll, download, deliver ----------------------------------------------------------------------

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
        if provider.capabilities().media == "image":
            return self._still_clip(job, provider, request, cancelled)
        clips = make_private_dir(self.db.paths.clips)
        partial = make_private_dir(clips / ".partial")
        final = clips / f"{job.uid}.mp4"
        if final.exists():  # a crash came after the rename, before the database knew
            try:
                probe_clip(final, expect_seconds=request.seconds)
                return self._complete(job, final, existing_thumb(clips, job.uid))
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
        except (Expired, NotFound) as exc:  # made (and billed), then gone before we had it: final
            return self._fail(job, exc, " Its cost stays in the ledger as spent. " + REMAKE.format(id=job.id),
                              charge=True, error_code="expired")
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
        return self._complete(job, final, thumb)

    def _complete(self, job: Job, clip: Path, thumb: Path | None) -> Step:
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
        return self._deliver(done) if done.undelivered else Step(done, None)

    def _deliver(self, job: Job) -> Step:
        """Copy the finished clip to the path the person asked for; a failure says where the clip is."""
        assert job.clip_path and job.output_path
        out = Path(job.output_path)
        try:
            deliver(Path(job.clip_path), out)
        except OSError as exc:
            job = self.store.update(job.id, event="could not be delivered", expect=("completed",), message=(
                f"The clip is made, but it could not be saved as {out} ({exc.strerror or exc}). It is kept safe "
                f"at {job.clip_path}: copy it from there, or `healthviz jobs resume {job.id}` tries again."))
        else:
            job = self.store.update(job.id, event=f"delivered to {out}", expect=("completed",),
                                    delivered_at=_iso(_now()), message="")
        self._emit(job, 1.0)
        return Step(job, None)

    # ---- outcomes -------------------------------------------------------------------------------------

    def _backoff(self, attempts: int) -> float:
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** max(0, attempts - 1))
        return ceiling * (0.5 + 0.5 * self._rand())  # jitter: many clients do not retry in step

    def _retry(self, job: Job, exc: ProviderError, *, status: str, retryable: bool = False) -> Step:
        attempts = job.attempts + 1
        asked = exc.retry_after
        delay = asked * (1.0 + 0.1 * self._rand()) if asked is not None else self._backoff(attempts)
        message = (f"{exc.message} Trying again in {delay:.0f} s "
                   f"(attempt {attempts + 1} of {self.max_attempts}).")
        job = self._set(job, f"retry after {exc.code}", status=status, attempts=attempts,
                        next_attempt_at=_iso(_now() + timedelta(seconds=delay)), message=message,
                        error_code=exc.code)
        return Step(job, delay)

    def _fail(self, job: Job, exc: ProviderError, note: str = "", *, charge: bool = False,
              error_code: str | None = None) -> Step:
        job = self.store.update(job.id, event=error_code or exc.code, expect=(job.status,), charge=charge,
                                status="failed", error_code=error_code or exc.code, message=exc.message + note,
                                finished_at=_iso(_now()), next_attempt_at=None)
        self._emit(job)
        return Step(job, None)

    def _stall(self, job: Job, exc: ProviderError, **fields: Any) -> Step:
        return Step(self._set(job, exc.code, status="stalled", error_code=exc.code, next_attempt_at=None,
                              message=f"{exc.message} The job is kept: `healthviz jobs resume {job.id}` "
                                      "carries on once this is sorted out.", **fields), None)

    def _poll_wait(self, asked: float | None) -> float:
        return min(60.0, asked) if asked is not None else self.default_poll


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(value: datetime) -> str:
    return value.isoformat()
