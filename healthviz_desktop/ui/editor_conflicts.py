"""The entry editor's part when a save fails: it says why above the form, in the person's terms, and the
form keeps what was typed; a save that found the entry changed, trashed or deleted elsewhere opens the
conflict dialog.

The editor (ui/entry_editor.py) hands the two versions to ``_show_conflict``; the person's choice in the
conflict dialog (ui/conflict_dialog.py) is carried out here: keep mine is saved against the revision the
person has now seen (if it moved on again, the dialog comes back), a merge is loaded into the form to check
and save, take theirs closes the editor without saving.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from healthviz_desktop.core.journal import EditConflict, EntryNotFound
from healthviz_desktop.core.model import Entry, ValidationFailed, new_uid
from healthviz_desktop.ui.editor_rows import to_qdatetime

log = logging.getLogger("healthviz_desktop.ui.entry_editor")


class ConflictResolution:
    """Mixed into EntryEditor, whose form, ``original``, ``value()`` and ``_submit()`` it uses."""

    conflict_dialog: Any
    original: Entry | None
    form_error: Any
    scroll_area: Any
    when: Any
    obs_rows: list[Any]
    dose_rows: list[Any]
    _loaded_when: Any

    def value(self) -> Entry:
        raise NotImplementedError

    def _submit(self, entry: Entry, *, revive: bool = False) -> None:
        raise NotImplementedError

    def _load(self, entry: Entry) -> None:
        raise NotImplementedError

    def _remove_row(self, row: Any) -> None:
        raise NotImplementedError

    def add_observation(self, *, focus: bool = False) -> Any:
        raise NotImplementedError

    def revalidate(self) -> Any:
        raise NotImplementedError

    def _explain_not_stored(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationFailed):  # core is the last word; show what it said inline
            self.form_error.show_errors([str(e) for e in exc.errors])
        elif isinstance(exc, EditConflict):
            self._show_conflict(exc.mine, exc.theirs, trashed=exc.trashed)
            return
        elif isinstance(exc, EntryNotFound):  # deleted for good (purged) by another window meanwhile
            self._show_conflict(self.value(), None)
            return
        else:
            from healthviz_desktop.core.errors import user_message

            known = user_message(exc)
            if known is None:
                log.error("saving an entry failed:\n%s", getattr(exc, "__healthviz_traceback__", exc))
            reason = known[0] if known else ("Not saved: something went wrong that HealthViz did not expect "
                                             f"({type(exc).__name__}: {exc}).")
            self.form_error.show_errors([f"{reason} What you wrote is still here."])
        self.scroll_area.ensureWidgetVisible(self.form_error)

    def _show_conflict(self, mine: Entry, theirs: Entry | None, *, trashed: bool = False) -> None:
        from healthviz_desktop.ui.conflict_dialog import ConflictDialog

        dialog = ConflictDialog(mine, theirs, trashed=trashed, parent=self)  # type: ignore[arg-type]
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda _result: self._conflict_answered(dialog, mine, theirs))
        dialog.open()

    def _conflict_answered(self, dialog: Any, mine: Entry, theirs: Entry | None) -> None:
        from PySide6.QtWidgets import QDialog

        from healthviz_desktop.ui import conflict_dialog as cd

        self.conflict_dialog = None
        dialog.deleteLater()
        choice = dialog.choice
        if choice == cd.KEEP_MINE and theirs is not None:  # saved over the version the person has now seen
            self._submit(replace(self.value(), revision=theirs.revision))
        elif choice == cd.RESTORE_WITH_MINE and theirs is not None:
            self._submit(replace(self.value(), revision=theirs.revision), revive=True)
        elif choice == cd.SAVE_AS_NEW:
            self._submit(replace(self.value(), id=None, uid=new_uid(), revision=0, created_at=None,
                                 updated_at=None))
        elif choice == cd.TAKE_THEIRS:
            QDialog.reject(self)  # type: ignore[arg-type]  # this edit is dropped; the other version stays
        elif choice == cd.MERGE and theirs is not None and self.original is not None:
            from healthviz_desktop.core.entry_merge import merge_entries

            merged = merge_entries(self.original, self.value(), theirs)
            self._reload(merged.entry)
            note = ["Merged with the version saved elsewhere: check it, then save."]
            if merged.both_changed:
                note.append("Both versions changed " + ", ".join(merged.both_changed)
                            + ": yours is kept" + (", and the notes hold both texts." if "notes" in
                                                   merged.both_changed else "."))
            self.form_error.show_errors([" ".join(note)])
            self.scroll_area.ensureWidgetVisible(self.form_error)

    def _reload(self, entry: Entry) -> None:
        """Show ``entry`` in the form, as if the editor had been opened on it (a merge to check)."""
        for row in [*self.obs_rows, *self.dose_rows]:
            self._remove_row(row)
        self.original = entry
        self.when.setDateTime(to_qdatetime(entry.occurred_at))
        self._loaded_when = self.when.dateTime()
        self._load(entry)
        if not self.obs_rows:
            self.add_observation()
        self.revalidate()

