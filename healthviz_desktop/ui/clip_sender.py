"""Send from the Compose dialog: choose who makes the clip, confirm what leaves, run the job off the GUI thread.

The local renderer is the default and needs no confirmation (nothing leaves the computer). A remote
service gets the exact request body, the cost estimate and the month's budget shown first, and its key
comes from the keyring (or, with no keyring, a key typed for this session only). The job itself is the
engine's durable job: closing the window mid-way loses nothing (`healthviz jobs resume` carries on).
"""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QProgressDialog, QWidget

from healthviz_desktop.core.errors import user_message

if TYPE_CHECKING:
    from healthviz_desktop.core.journal import Journal
    from healthviz_desktop.core.prompting.composer import ComposedPrompt
    from healthviz_desktop.ui.workers import Workers


class ClipSender(QObject):
    job_event = Signal(object)  # JobEvent, re-emitted on the GUI thread
    finished = Signal(object)  # the finished Job

    def __init__(self, parent: QWidget, journal: Journal, workers: Workers) -> None:
        super().__init__(parent)
        self.parent_widget, self.journal, self.workers = parent, journal, workers
        self.progress: QProgressDialog | None = None
        self.cancel = threading.Event()
        self.job_event.connect(self._on_event, Qt.ConnectionType.QueuedConnection)

    def send(self, composed: ComposedPrompt) -> None:
        from healthviz_desktop.core.jobs import JobRunner
        from healthviz_desktop.core.sending import prepare_request

        runner = JobRunner(self.journal.db)
        infos = runner.providers.infos()
        labels = [info.label for info in infos]
        choice, ok = QInputDialog.getItem(self.parent_widget, "Make the clip", "Who makes the clip?", labels, 0,
                                          False)
        if not ok:
            return
        name = infos[labels.index(choice)].name
        provider = runner.providers.get(name)
        try:
            request = prepare_request(composed, provider)
            if provider.capabilities().remote and not self._confirm_remote(runner, provider, request):
                return
        except Exception as exc:  # refusals, budget, keyring and provider errors carry plain messages
            if user_message(exc) is None:
                raise
            QMessageBox.warning(self.parent_widget, "Not sent", user_message(exc)[0])  # type: ignore[index]
            return
        job = runner.submit(name, request)
        runner.subscribe(self.job_event.emit)  # called on the worker thread; the signal hops to this one
        self.cancel, stop = threading.Event(), threading.Event()
        self.progress = QProgressDialog(f"Making the clip with {provider.label}…", "Stop", 0, 100,
                                        self.parent_widget)
        self.progress.setWindowTitle("HealthViz — clip")
        self.progress.setMinimumDuration(0)
        self.progress.canceled.connect(stop.set)
        self.progress.canceled.connect(self.cancel.set)
        self.workers.submit(_drive, runner, job.id, self.cancel, stop, on_result=self._done, on_error=self._failed,
                            label="Making the clip")

    def _confirm_remote(self, runner: Any, provider: Any, request: Any) -> bool:
        from healthviz_desktop.core.keys import KeyStore

        estimate = provider.estimate(request)
        runner.costs.check(estimate)  # raises BudgetExceeded with the month's figures
        avail = provider.availability()
        store = KeyStore()
        if store.get(provider.name) is None:
            status = store.status(provider.name)
            if status.state != "no_keyring":
                QMessageBox.warning(self.parent_widget, "No API key", status.message)
                return False
            key, ok = QInputDialog.getText(self.parent_widget, "API key for this session",
                                           f"{status.message}\n\nAPI key for {provider.label}:",
                                           QLineEdit.EchoMode.Password)
            if not ok or not key.strip():
                return False
            store.set_session(provider.name, key)
        warning = "" if avail.available else f"\n\nNote: {avail.reason}; the request will most likely fail."
        body = json.dumps(request.body, indent=2, ensure_ascii=False)
        box = QMessageBox(QMessageBox.Icon.Question, "Send to " + provider.label,
                          f"This request leaves your computer for {provider.label}.\n\nCost: {estimate.describe()}.\n"
                          f"{runner.costs.state().describe()}.{warning}", parent=self.parent_widget)
        box.setDetailedText(body)
        box.setStandardButtons(QMessageBox.StandardButton.Cancel)
        send = box.addButton("Send", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is send

    def _on_event(self, event: Any) -> None:
        if self.progress is not None:
            self.progress.setLabelText(f"{event.status.replace('_', ' ').capitalize()}… {event.message}".strip())
            self.progress.setValue(int(max(0.0, min(1.0, event.progress)) * 100))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, job: Any) -> None:
        self._close_progress()
        self.finished.emit(job)
        if job.status != "completed" or not job.clip_path:
            QMessageBox.information(self.parent_widget, "Clip not made", job.message or f"The job is {job.status}.")
            return
        box = QMessageBox(QMessageBox.Icon.Information, "Clip ready",
                          f"The clip is saved at\n{job.clip_path}", parent=self.parent_widget)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        folder = box.addButton("Open folder", QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is folder:
            from pathlib import Path

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(job.clip_path).parent)))

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        known = user_message(exc)
        message = known[0] if known else f"Something went wrong ({type(exc).__name__}). The job is kept."
        QMessageBox.warning(self.parent_widget, "Clip not made", message)


def _drive(runner: Any, job_id: int, cancel: threading.Event, stop: threading.Event) -> Any:
    """Run the job; "Stop" (``stop``) cancels it for good, at the service too, so it is never sent or paid
    for behind the person's back later. The window closing only sets ``cancel``: the job is kept and is
    carried on when the journal next opens."""
    job = runner.run(job_id, cancel)
    if stop.is_set() and not job.finished:
        job = runner.cancel(job_id)
    return job
