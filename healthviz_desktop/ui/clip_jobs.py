"""The window's clip work, on the app's pools: the journal's one ClipStudio (core/generation/studio.py) asked
for quotes (reads), jobs written (the write thread) and driven (the generation pool), and the jobs an earlier
run left open carried on when the journal opens. Results and job events come back on the GUI thread.

Two ways to stop: ``stop()`` (the window closing, a restore replacing the journal) halts every drive
between two steps and keeps each job for next time; ``stop_job(id)`` (the person's Stop: a drive's own
``Drive.stop()``, or ClipStudio's cancel for a job nobody drives) ends that job for good, at the service
too, so it is never sent or paid for behind their back later. ``resume_job``, ``decide`` (a job the service
could not account for), ``remake`` and remixes (``quote`` of an order with ``remix_of``) go through the same
ClipStudio. Every job event of the journal's runner (drives, carrying on, cancels) comes out of ``job_event``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from healthviz_desktop.ui.app_pools import app_pools

if TYPE_CHECKING:
    from healthviz_desktop.core.generation.job_store import Job
    from healthviz_desktop.core.generation.recovery import Recovery
    from healthviz_desktop.core.generation.studio import ClipOrder, ClipStudio

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Drive:
    """One job being driven: ``halt`` stops it between steps; ``stopped`` says the person ended it."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.halt = threading.Event()
        self.stopped = threading.Event()

    def stop(self) -> None:
        self.stopped.set()
        self.halt.set()


def drive_job(studio: ClipStudio, drive: Drive, emit: Callable[[Any], None] | None = None) -> Job:
    """Runs on the generation pool: the job until done, waiting for the person, or halted."""
    job = studio.drive(drive.job_id, drive.halt, emit)
    if drive.stopped.is_set() and not job.done:
        job = studio.cancel(drive.job_id)
    return job


class ClipJobs(QObject):
    job_event = Signal(object)  # JobEvent, re-emitted on the GUI thread
    job_done = Signal(object)  # Job, when a drive ends (done, waiting for the person, or halted)
    recovered = Signal(object)  # Recovery, when the jobs an earlier run left were carried on
    status = Signal(str)  # a line for the status bar

    def __init__(self, studio: ClipStudio, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.studio = studio
        self.pools = app_pools()
        self.cancel = threading.Event()  # set by stop(): nothing of this journal is driven any more
        self.drives: dict[int, Drive] = {}
        self.recovery: Recovery | None = None  # the last carry_on's, for the status line and tests
        # Every event of this journal's runner, from whichever thread, re-emitted here (queued to the GUI thread).
        studio.runner.subscribe(self.job_event.emit)

    def carry_on(self) -> None:
        self.pools.generation.submit(self.studio.carry_on, self.cancel, with_progress=True, owner=self,
                                     on_progress=lambda _d, _t, text: self.status.emit(text),
                                     on_result=self._recovered, on_error=self._recovery_failed)

    def report_waiting(self, read_only: str) -> None:
        """The journal is read-only, so jobs an earlier run left are not carried on (that writes): say so."""
        from healthviz_desktop.core.generation.job_store import UNFINISHED

        def said(jobs: list[Job]) -> None:
            if jobs:
                self.status.emit(f"{len(jobs)} clip job(s) left unfinished wait: the journal is read-only "
                                 f"({read_only}), so they are carried on once it is writable again.")

        self.pools.reads.submit(self.studio.store.list_jobs, (*UNFINISHED, "needs_decision"), 10_000, owner=self,
                                on_result=said, on_error=self._recovery_failed)

    def quote(self, order: ClipOrder, on_result: Done, on_error: Failed) -> None:
        self.pools.reads.submit(self.studio.quote, order.source, order.choices, order.provider, owner=self,
                                remix_of=order.remix_of, on_result=on_result, on_error=on_error)

    def remake(self, job_id: int, on_result: Done, on_error: Failed) -> None:
        self.pools.reads.submit(self.studio.remake, job_id, owner=self, on_result=on_result, on_error=on_error)

    def send(self, quote: Any, on_result: Done, on_error: Failed) -> None:
        self.pools.writes.submit(self.studio.send, quote, owner=self, on_result=on_result, on_error=on_error)

    def drive(self, job_id: int, on_result: Done, on_error: Failed) -> Drive:
        drive = Drive(job_id)
        if self.cancel.is_set():
            drive.halt.set()
        self.drives[job_id] = drive

        def done(job: Job) -> None:
            self.drives.pop(job_id, None)
            self.job_done.emit(job)
            on_result(job)

        def failed(exc: BaseException) -> None:
            self.drives.pop(job_id, None)
            on_error(exc)

        self.pools.generation.submit(drive_job, self.studio, drive, owner=self,
                                     on_result=done, on_error=failed, label="Making the clip")
        return drive

    def driving(self, job_id: int) -> bool:
        return job_id in self.drives

    def stop_job(self, job_id: int, on_result: Done, on_error: Failed) -> None:
        """The person's Stop: the job ends for good (at the service too), whoever was driving it."""
        drive = self.drives.get(job_id)
        if drive is not None:
            drive.stop()  # its drive cancels it between two steps, on the generation pool, and reports
            return
        self.pools.generation.submit(self.studio.cancel, job_id, owner=self, on_result=self._ended(on_result),
                                     on_error=on_error)

    def resume_job(self, job_id: int, on_result: Done, on_error: Failed, *, resend: bool = False) -> None:
        """Carry a paused (or never sent) job on; ``resend``: the person's decision for a job the service could
        not account for (a new job sends the request again). Then it is driven here."""
        def resumed(job: Job) -> None:
            if job.status in ("pending", "sending", "running", "downloading") and not self.driving(job.id):
                self.drive(job.id, on_result=on_result, on_error=on_error)
            else:
                on_result(job)

        self.pools.generation.submit(self.studio.resume, job_id, resend=resend, owner=self, on_result=resumed,
                                     on_error=on_error)

    def _ended(self, on_result: Done) -> Done:
        def ended(job: Job) -> None:
            self.job_done.emit(job)
            on_result(job)
        return ended

    def stop(self, wait_ms: int = 0) -> None:
        """Halt every drive between two steps (each job is kept and carried on next time)."""
        self.studio.runner.unsubscribe(self.job_event.emit)
        self.cancel.set()
        for drive in list(self.drives.values()):
            drive.halt.set()
        if wait_ms:
            self.pools.generation.wait(wait_ms)

    def _recovered(self, recovery: Recovery) -> None:
        self.recovery = recovery
        self.recovered.emit(recovery)
        if not recovery.anything:
            return
        made = [j for j in recovery.carried_on if j.status == "completed"]
        parts = []
        if made:
            parts.append(f"{len(made)} clip job(s) left unfinished last time are done: "
                         + ", ".join(str(j.output_path or j.clip_path) for j in made))
        if recovery.waiting:
            first = recovery.waiting[0]
            why = first.message or ("not sent yet" if first.status == "pending" else first.status)
            parts.append(f"{len(recovery.waiting)} clip job(s) wait for you. Job {first.id}: {why}")
        if parts:
            self.status.emit(" ".join(parts))

    def _recovery_failed(self, exc: BaseException) -> None:
        from healthviz_desktop.core.errors import user_message

        known: Any = user_message(exc)
        self.status.emit(f"Unfinished clip jobs could not be carried on: {known[0] if known else exc}")
