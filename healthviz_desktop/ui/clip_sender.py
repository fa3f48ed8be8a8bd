"""Send from the Compose dialog: the window's side of ClipStudio's "what happens on Send" (confirm, then hand
the job to the Clips tab, whose card shows its progress and whose player opens the finished clip;
core/generation/studio.py does the rest, as for `healthviz render`).

The order (source, choices, provider) is quoted off the GUI thread. The local renderer needs no
confirmation (nothing leaves the computer); a remote service gets the exact outgoing request, the cost
estimate and the month's budget shown first, and its key comes from the keyring (or, with no keyring, a
key typed for this session only). The job is the engine's durable job: closing the window mid-way loses
nothing (it is carried on when the journal next opens, or by `healthviz jobs resume`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from healthviz_desktop.core.errors import user_message

if TYPE_CHECKING:
    from healthviz_desktop.core.generation.job_store import Job
    from healthviz_desktop.core.generation.studio import ClipOrder, Quote
    from healthviz_desktop.ui.clip_jobs import ClipJobs, Drive


class ClipSender(QObject):
    sent = Signal(object)  # the Job, written and being driven: its card shows the progress
    finished = Signal(object)  # the Job, when its drive ends

    def __init__(self, parent: QWidget, clip_jobs: ClipJobs) -> None:
        super().__init__(parent)
        self.parent_widget, self.jobs = parent, clip_jobs
        self.drive: Drive | None = None  # the last one started
        self._on_sent: Callable[[], object] | None = None

    def send(self, order: ClipOrder, on_sent: Callable[[], object] | None = None) -> None:
        """Quote, confirm, write and drive ``order``; ``on_sent`` once the job is written (Compose closes)."""
        self._on_sent = on_sent
        self.jobs.quote(order, on_result=self._quoted, on_error=self._not_sent)

    def remake(self, job_id: int) -> None:
        self._on_sent = None
        self.jobs.remake(job_id, on_result=self._quoted, on_error=self._not_sent)

    def _quoted(self, quote: Quote) -> None:
        if quote.remote and not self._confirm_remote(quote):
            return
        self.jobs.send(quote, on_result=self._sent, on_error=self._not_sent)

    def _not_sent(self, exc: BaseException) -> None:
        known = user_message(exc)  # refusals, budget, keyring and provider errors carry plain messages
        message = known[0] if known else f"Something went wrong ({type(exc).__name__}: {exc}). Nothing was sent."
        QMessageBox.warning(self.parent_widget, "Not sent", message)

    def _confirm_remote(self, quote: Quote) -> bool:
        if quote.over_budget:
            QMessageBox.warning(self.parent_widget, "Not sent", quote.over_budget)
            return False
        if not quote.key_ready:
            assert quote.key is not None
            if quote.key.state != "no_keyring":
                QMessageBox.warning(self.parent_widget, "No API key", quote.key.message)
                return False
            key, ok = QInputDialog.getText(self.parent_widget, "API key for this session",
                                           f"{quote.key.message}\n\nAPI key for {quote.label}:",
                                           QLineEdit.EchoMode.Password)
            if not ok or not key.strip():
                return False
            self.jobs.studio.use_session_key(quote.provider, key)
        warning = "" if quote.available else f"\n\nNote: {quote.unavailable_reason}; the request will most likely fail."
        box = QMessageBox(QMessageBox.Icon.Question, "Send to " + quote.label,
                          f"This request leaves your computer for {quote.label}.\n\nCost: {quote.estimate.describe()}."
                          f"\n{quote.budget.describe()}.{warning}", parent=self.parent_widget)
        box.setDetailedText(json.dumps(quote.outgoing(), indent=2, ensure_ascii=False))
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        send = box.addButton("Send", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is send

    def _sent(self, job: Job) -> None:
        """Written: from here its card in the Clips tab shows the progress (the window follows ``sent``)."""
        self.drive = self.jobs.drive(job.id, on_result=self._done, on_error=self._failed)
        on_sent, self._on_sent = self._on_sent, None
        if on_sent is not None:
            on_sent()
        self.sent.emit(job)

    def _done(self, job: Job) -> None:
        # Finished, waiting for the person, or halted (the window closing, a restore: kept and carried on
        # when the journal next opens): the window opens a finished clip in the player; the card says the rest.
        self.finished.emit(job)

    def _failed(self, exc: BaseException) -> None:
        known = user_message(exc)
        message = known[0] if known else f"Something went wrong ({type(exc).__name__}). The job is kept."
        QMessageBox.warning(self.parent_widget, "Clip not made", message)
