"""What the editor says, and where: a note over the limit is told in words about notes ("Notes are …"),
above the notes, in view; a mood-only check-in can be saved, an empty entry cannot (the CLI's rule too)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect

from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.model import MAX_NOTES_CHARS
from healthviz_desktop.ui.entry_editor import EntryEditor
from tests.ui_helpers import OFFSCREEN_ONLY

pytestmark = OFFSCREEN_ONLY


def _editor(qtbot: Any, journal: Journal) -> EntryEditor:
    editor = EntryEditor(journal)
    editor.confirm_discard = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _in_view(editor: EntryEditor, widget: Any) -> bool:
    viewport = editor.scroll_area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().intersects(QRect(top_left, widget.size())) and widget.isVisible()


def test_a_note_over_the_limit_is_said_above_the_notes_and_in_view(qtbot: Any, journal: Journal) -> None:
    editor = _editor(qtbot, journal)
    editor.obs_rows[0].symptom.setEditText("Migraine")
    editor.notes.setPlainText("x" * (MAX_NOTES_CHARS + 1))
    editor.save()
    assert journal.count() == 0 and editor.isVisible()
    assert editor.notes_error.text() == "Notes are 100,001 characters long; the limit is 100,000"
    assert editor.notes_error.geometry().bottom() < editor.notes.geometry().top()  # above the text box
    assert _in_view(editor, editor.notes_error)
    editor.notes.setPlainText("fine\x01")
    assert editor.notes_error.text() == "Notes contain control characters"


def test_an_empty_entry_is_refused_and_a_check_in_is_not(qtbot: Any, journal: Journal) -> None:
    editor = _editor(qtbot, journal)
    editor.save()
    assert "Add a symptom, a medication, a note or how you slept or felt" in editor.form_error.text()
    assert journal.count() == 0
    editor.mood.setValue(6)
    with qtbot.waitSignal(editor.saved):
        editor.save()
    assert journal.count() == 1
