"""What the Clips tab's buttons do, for the card chosen: play it here, follow it to its source, reuse or remix
its prompt, rename it, show its file, export it for the doctor, delete it (to the clip trash, with Undo);
and for a job on its way: Stop, Resume, decide, Retry / Make again, all through the journal's ClipStudio
(ui/clip_jobs.py: off the GUI thread, on the generation pool).

Writes go through the journal hub (its write thread); its ``changed`` signal makes the library read itself
again, so nothing here refreshes by hand.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from healthviz_desktop.core.clip_trash import empty_trash, rename_clip, restore_clip, trash_clip
from healthviz_desktop.ui.journal_hub import Change

if TYPE_CHECKING:
    from healthviz_desktop.core.clip_library import ClipCard
    from healthviz_desktop.core.clip_trash import Emptied
    from healthviz_desktop.ui.clips_tab import ClipsTab
    from healthviz_desktop.ui.main_window import MainWindow


class ClipActions(QObject):
    def __init__(self, tab: ClipsTab, window: MainWindow) -> None:
        super().__init__(tab)
        self.tab, self.window = tab, window
        self.deleted: list[tuple[int, str]] = []  # undo stack: (job id, the clip's name)
        self.folder_box: QMessageBox | None = None  # "no file manager": the clip's folder to copy

    def run(self, name: str, card: ClipCard | None = None) -> None:
        card = card or self.tab.pane.card or self.tab.current_card()
        if card is None or (name != "source" and name not in card.actions()):
            return
        getattr(self, f"do_{name}")(card)

    # ---- the clip ---------------------------------------------------------------------------------------

    def do_play(self, card: ClipCard) -> None:
        from healthviz_desktop.core.clip_media import ClipProvenance

        clip = Path(card.clip_path or "")
        if not clip.is_file():
            self._say("The clip's file is missing", f"HealthViz cannot find this clip's file:\n{clip}\n\n"
                      "It may have been moved or deleted outside HealthViz.")
            return
        player = self.tab.pane.ensure_player()
        player.open(clip, ClipProvenance(card.provider_label, card.model, card.made_at))
        player.setFocus()

    def do_source(self, card: ClipCard) -> None:
        from healthviz_desktop.ui import clips_links

        if card.kind == "moment" and card.entry_id is not None:
            clips_links.show_entry(self.window, card.entry_id)
        elif card.kind == "trend" and card.period is not None:
            clips_links.show_period(self.window, *card.period)
        elif card.kind == "trend" and card.entry_ids:
            clips_links.show_entry(self.window, card.entry_ids[0])
        else:
            self.window.flash(f"{card.source_words()}: there is nothing in the journal to show.")

    def do_reuse(self, card: ClipCard) -> None:
        from healthviz_desktop.ui.compose_actions import compose_again

        compose_again(self.window, card)

    def do_remix(self, card: ClipCard) -> None:
        from healthviz_desktop.ui.compose_actions import compose_again

        compose_again(self.window, card, remix=True)

    def do_rename(self, card: ClipCard) -> None:
        title, ok = QInputDialog.getText(self.tab, "Rename clip", "Title (leave empty for the one made from its "
                                         "source):", text=card.title or card.name)
        if ok:
            self.window.hub.write(rename_clip, card.job_id, title, change=Change("jobs"), what="Renaming the clip",
                                  on_error=lambda exc: self._failed("Renaming the clip", exc))

    def do_folder(self, card: ClipCard) -> None:
        from healthviz_desktop.ui.open_folder import open_folder

        clip = Path(card.clip_path or "")
        if not clip.is_file():
            self._say("The clip's file is missing", f"HealthViz cannot find this clip's file:\n{clip}")
            return
        self.folder_box = open_folder(self.tab, clip.parent)  # or it says it cannot, with the path to copy

    def do_export(self, card: ClipCard) -> None:
        from healthviz_desktop.ui.doctor_export_dialog import open_doctor_export

        open_doctor_export(self.window, job_id=card.job_id)

    # ---- the trash ----------------------------------------------------------------------------------------

    def do_delete(self, card: ClipCard) -> None:
        self.window.hub.write(trash_clip, card.job_id, change=Change("jobs"), what="Deleting the clip",
                              on_result=lambda _job: self._deleted(card), on_error=lambda exc: self._failed(
                                  "Deleting the clip", exc))

    def _deleted(self, card: ClipCard) -> None:
        self.deleted.append((card.job_id, card.name))
        self._show_undo()
        self.window.flash(f"“{card.name}” moved to the clip trash. Undo (Ctrl+Z) brings it back.")

    def undo_delete(self) -> None:
        if not self.deleted:
            return
        job_id, name = self.deleted[-1]
        self.window.hub.write(restore_clip, job_id, change=Change("jobs"), what="Restoring the clip",
                              on_result=lambda _job: self._restored(job_id, name),
                              on_error=lambda exc: self._failed("Restoring the clip", exc))

    def do_restore(self, card: ClipCard) -> None:
        self.window.hub.write(restore_clip, card.job_id, change=Change("jobs"), what="Restoring the clip",
                              on_result=lambda _job: self._restored(card.job_id, card.name),
                              on_error=lambda exc: self._failed("Restoring the clip", exc))

    def _restored(self, job_id: int, name: str) -> None:
        self.deleted = [d for d in self.deleted if d[0] != job_id]
        self._show_undo()
        self.tab.select_job(job_id)
        self.window.flash(f"“{name}” is back in the library.")

    def _show_undo(self) -> None:
        if self.deleted:
            self.tab.undo_label.setText(f"Deleted “{self.deleted[-1][1]}”.")
        for w in (self.tab.undo_label, self.tab.undo_button):
            w.setVisible(bool(self.deleted))

    def empty_trash(self) -> None:
        count = len(self.tab.model.all)
        if not count or QMessageBox.question(
                self.tab, "Empty the clip trash",
                f"Delete the {count} clip(s) in the trash for good? Their files are removed from this computer "
                "and cannot be brought back. (Copies you saved elsewhere are kept.)") \
                != QMessageBox.StandardButton.Yes:
            return
        self.window.hub.write(empty_trash, change=Change("jobs"), what="Emptying the clip trash",
                              on_result=self._emptied, on_error=lambda exc: self._failed("Emptying the trash", exc))

    def _emptied(self, result: Emptied) -> None:
        self.deleted.clear()
        self._show_undo()
        if result.kept:
            self._say("Some files were kept", "These could not be deleted:\n\n" + "\n".join(result.kept))
        else:
            self.window.flash(f"The clip trash is empty ({result.files} file(s) deleted).")

    # ---- jobs on their way ------------------------------------------------------------------------------

    def do_stop(self, card: ClipCard) -> None:
        jobs = self.window.clip_jobs
        if jobs is None:
            return
        if card.remote and card.status in ("sending", "running", "downloading") and QMessageBox.question(
                self.tab, "Stop this clip", f"Stop making this clip for good? {card.provider_label} is asked to "
                "stop too. What it has already done may still be charged.") != QMessageBox.StandardButton.Yes:
            return
        jobs.stop_job(card.job_id, on_result=self._job_moved, on_error=lambda e: self._failed("Stopping", e))

    def do_resume(self, card: ClipCard) -> None:
        jobs = self.window.clip_jobs
        if jobs is None:
            return
        if card.status == "pending" and card.remote and QMessageBox.question(
                self.tab, "Send now", f"Send this request to {card.provider_label} now? It costs about "
                f"{card.cost()}.") != QMessageBox.StandardButton.Yes:
            return
        jobs.resume_job(card.job_id, on_result=self._job_moved, on_error=lambda e: self._failed("Resuming", e))

    def do_decide(self, card: ClipCard) -> None:
        state = card.state()
        box = QMessageBox(QMessageBox.Icon.Question, "This clip needs your decision", state.detail, parent=self.tab)
        box.setInformativeText("\n\n".join(f"{button}: {words}" for button, words in card.decision_choices()))
        (again_text, _), (cancel_text, _) = card.decision_choices()
        again = box.addButton(again_text, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(cancel_text, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Decide later", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        jobs = self.window.clip_jobs
        if jobs is None:
            return
        if box.clickedButton() is again:
            jobs.resume_job(card.job_id, resend=True, on_result=self._job_moved,
                            on_error=lambda e: self._failed("Sending again", e))
        elif box.clickedButton() is cancel:
            jobs.stop_job(card.job_id, on_result=self._job_moved, on_error=lambda e: self._failed("Cancelling", e))

    def do_retry(self, card: ClipCard) -> None:
        from healthviz_desktop.ui.compose_actions import clip_sender

        clip_sender(self.window).remake(card.job_id)

    do_remake = do_retry  # a clip the service lost is made again the same way: a new job, quoted anew

    def _job_moved(self, job: Any) -> None:
        self.tab.refresh_soon()
        if job is not None and getattr(job, "id", None) is not None:
            self.tab.select_job(job.id)

    # ---- saying things ----------------------------------------------------------------------------------

    def _say(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.tab)
        box.setTextInteractionFlags(box.textInteractionFlags() | _selectable())
        box.exec()

    def _failed(self, what: str, exc: BaseException) -> None:
        from healthviz_desktop.core.errors import user_message

        known = user_message(exc)
        text = known[0] if known else str(exc) or type(exc).__name__
        self._say(f"{what} did not work", text)


def _selectable() -> Any:
    from PySide6.QtCore import Qt

    return Qt.TextInteractionFlag.TextSelectableByMouse
