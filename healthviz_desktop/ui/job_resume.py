"""When the journal opens, carry on the clip jobs an earlier run left unfinished (core/job_recovery.py) in a
worker, and say in the status bar what happened; closing the window stops it without losing the job."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from healthviz_desktop.core.job_recovery import Recovery
    from healthviz_desktop.ui.main_window import MainWindow


class JobResume(QObject):
    def __init__(self, window: MainWindow) -> None:
        from healthviz_desktop.ui.workers import Workers

        super().__init__(window)
        self.w = window
        self.cancel = threading.Event()
        self.result: Recovery | None = None  # the last run's, for the status line and tests
        # A thread of its own: polling a remote job can take many minutes, and the window's two workers
        # must stay free for the list, search, saves and backups.
        self.workers = Workers(self, max_threads=1)

    def start(self) -> None:
        from healthviz_desktop.core.job_recovery import carry_on

        if self.w.journal is None:
            return
        self.workers.submit(carry_on, self.w.journal.db, self.cancel, with_progress=True,
                              on_progress=lambda _d, _t, text: self.w.flash(text, 30_000),
                              on_result=self._done, on_error=self._failed)

    def stop(self, wait_ms: int = 0) -> None:
        """The window is closing (or the journal being replaced): a job being polled stops between two
        polls and carries on next time."""
        self.cancel.set()
        if wait_ms:
            self.workers.wait(wait_ms)

    def _done(self, recovery: Recovery) -> None:
        self.result = recovery
        if not recovery.anything:
            return
        made = [j for j in recovery.carried_on if j.status == "completed"]
        parts = []
        if made:
            parts.append(f"{len(made)} clip job(s) left unfinished last time are done: "
                         + ", ".join(str(j.clip_path) for j in made))
        if recovery.waiting:
            first = recovery.waiting[0]
            why = first.message or ("not sent yet" if first.status == "pending" else first.status)
            parts.append(f"{len(recovery.waiting)} clip job(s) wait for you. Job {first.id}: {why}")
        if parts:
            self.w.flash(" ".join(parts), 60_000)

    def _failed(self, exc: BaseException) -> None:
        from healthviz_desktop.core.errors import user_message

        known: Any = user_message(exc)
        self.w.flash(f"Unfinished clip jobs could not be carried on: {known[0] if known else exc}", 60_000)
