"""Send from the Compose dialog: the window's side of ClipStudio's "what happens on Send" (confirm and show
progress; core/generation/studio.py does the rest, as for `healthviz render`).

The order (source, choices, provider) is quoted off the GUI thread. The local renderer needs no
confirmation (nothing leaves the computer); a remote service gets the exact outgoing request, the cost
estimate and the month's budget shown first, and its key comes from the keyring (or, with no keyring, a
key typed for this session only). The job is the engine's durable job: closing the window mid-way loses
nothing (it is carried on when the journal next opens, or by `healthviz jobs resume`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QProgressDialog, QWidget

from healthviz_desktop.core.errors import user_message
from healthviz_desktop.core.generation.phases import phase_label

if TYPE_CHECKING:
    from healthviz_desktop.core.generation.job_store import Job
    from healthviz_desktop.core.generation.studio import ClipOrder, Quote
    from healthviz_desktop.ui.clip_jobs import ClipJobs, Drive


class ClipSender(QObject):
    finished = Signal(object)  # the Job, when its drive ends

    def __init__(self, parent: QWidget, clip_jobs: ClipJobs) -> None:
        super().__init__(parent)
        self.parent_widget, self.jobs = parent, clip_jobs
        self.progress: QProgressDialog | None = None
        self.drive: Drive | None = None
        self.remote = False  # the job in progress goes to a service (else the local renderer draws it)
        self.folder_box: QMessageBox | None = None  # "no file manager": the clip's folder to copy
        clip_jobs.job_event.connect(self._on_event)

    def send(self, order: ClipOrder) -> None:
        self.jobs.quote(order, on_result=self._quoted, on_error=self._not_sent)

    def remake(self, job_id: int) -> None:
        self.jobs.remake(job_id, on_result=self._quoted, on_error=self._not_sent)

    def _quoted(self, quote: Quote) -> None:
        if quote.remote and not self._confirm_remote(quote):
            return
        self.jobs.send(quote, on_result=lambda job: self._sent(job, quote.label, quote.remote),
                       on_error=self._not_sent)

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

    def _sent(self, job: Job, label: str, remote: bool) -> None:
        self.remote = remote
        self.progress = QProgressDialog(f"Making the clip with {label}…", "Stop", 0, 100, self.parent_widget)
        self.progress.setWindowTitle("HealthViz — clip")
        self.progress.setMinimumDuration(0)
        drive = self.jobs.drive(job.id, on_result=self._done, on_error=self._failed)
        self.progress.canceled.connect(drive.stop)
        self.drive = drive

    def _on_event(self, event: Any) -> None:
        if self.progress is not None and self.drive is not None and event.job_id == self.drive.job_id:
            phase = phase_label(event.status, remote=self.remote)  # the local renderer draws; it downloads nothing
            self.progress.setLabelText(f"{phase}… {event.message}".strip())
            self.progress.setValue(int(max(0.0, min(1.0, event.progress)) * 100))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, job: Job) -> None:
        self._close_progress()
        self.finished.emit(job)
        if job.status in ("pending", "sending", "running", "downloading"):
            return  # halted (the window closing, a restore): kept, and carried on when the journal next opens
        if job.status != "completed" or not job.clip_path:
            self._not_made(job)
            return
        box = QMessageBox(QMessageBox.Icon.Information, "Clip ready",
                          f"The clip is saved at\n{job.clip_path}", parent=self.parent_widget)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        folder = box.addButton("Open folder", QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is folder:
            from pathlib import Path

            from healthviz_desktop.ui.open_folder import open_folder

            self.folder_box = open_folder(self.parent_widget, Path(job.clip_path).parent)  # or says it cannot

    def _not_made(self, job: Job) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "Clip not made", job.message or f"The job is {job.status}.",
                          parent=self.parent_widget)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        again = box.addButton("Make it again…", QMessageBox.ButtonRole.ActionRole) \
            if job.error_code == "expired" else None  # made, then lost at the service: offered anew
        box.exec()
        if again is not None and box.clickedButton() is again:
            self.remake(job.id)

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        known = user_message(exc)
        message = known[0] if known else f"Something went wrong ({type(exc).__name__}). The job is kept."
        QMessageBox.warning(self.parent_widget, "Clip not made", message)
