"""Moving entries to the trash from the window and bringing them back: Delete (the selected entry), Remove
demo entries (every one, in one transaction) and Undo for either, the latest first.

Each runs on the hub's write thread (ui/journal_hub.py), and the views refresh from its ``changed`` signal.
A write that fails changes no undo step and is said by the window (``hub.write_failed``, with what was being
done); on a read-only journal none of them starts (ui/read_only_mode.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject

from healthviz_desktop.ui.journal_hub import Change, restore_entries, trash_entry

if TYPE_CHECKING:
    from healthviz_desktop.ui.main_window import MainWindow


class UndoStep(NamedTuple):
    what: str  # "delete" | "remove demo entries": what Undo says it undoes
    ids: list[int]  # the entries it moved to the trash


def remove_demo(journal: Any) -> list[int]:
    """On the write thread: every demo entry to the trash, together (core.demo_data)."""
    from healthviz_desktop.core.demo_data import remove_demo_entries

    return remove_demo_entries(journal)


class TrashActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.steps: list[UndoStep] = []  # newest last

    def _writable(self) -> bool:
        return self.w.journal is not None and not self.w.read_only_reason

    def delete_selected(self) -> None:
        w = self.w
        entry = w.selected_entry()
        if entry is None or not self._writable():
            return
        row = w.list.currentIndex().row()
        nxt = next((w.model.entry_at(r) for r in (row + 1, row + 2, row - 1) if w.model.entry_at(r)), None)
        w.hub.write(trash_entry, entry.id, change=Change("entries", nxt.id if nxt is not None else -1),
                    what="Moving the entry to the trash",
                    on_result=lambda _r: self._done(UndoStep("delete", [entry.id]), "Moved to the trash."))

    def remove_demo_entries(self) -> None:
        if not self._writable():
            return

        def removed(ids: list[int]) -> None:
            if not ids:
                self.w.flash("There are no demo entries to remove.")
                return
            self._done(UndoStep("remove demo entries", ids),
                       f"Moved {len(ids):,} demo entries to the trash (Ctrl+Z brings them back).", 10_000)

        self.w.hub.write(remove_demo, change=Change("journal"), what="Removing the demo entries", on_result=removed)

    def undo(self) -> None:
        if not self.steps or not self._writable():
            return
        step = self.steps[-1]
        select = step.ids[0] if len(step.ids) == 1 else None
        message = "Entry restored." if step.what == "delete" else f"{len(step.ids):,} demo entries restored."
        self.w.hub.write(restore_entries, step.ids, change=Change("entries", select), what="Undoing " + step.what,
                         on_result=lambda _r: self._done(None, message, undone=step))

    def forget(self) -> None:
        """The ids mean nothing any more (another journal file was restored)."""
        self.steps.clear()
        self._done(None, "")

    def _done(self, step: UndoStep | None, message: str, msecs: int = 6000, *, undone: UndoStep | None = None) -> None:
        if step is not None:
            self.steps.append(step)
        if undone is not None and undone in self.steps:
            self.steps.remove(undone)
        self.update_actions()
        if message:
            self.w.flash(message, msecs)

    def update_actions(self) -> None:
        w = self.w
        can = bool(self.steps) and self._writable()
        label = f"Undo {self.steps[-1].what}" if self.steps else "Undo delete"
        w.act_undo.setText("&" + label)
        w.act_undo.setEnabled(can)
        w.undo_button.setText(f"{label} (Ctrl+Z)")
        w.undo_button.setVisible(can)
