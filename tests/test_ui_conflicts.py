"""No lost edits in the window: two real windows on one journal, the CLI writing while a window is open,
an entry trashed or deleted elsewhere, a read-only journal. A save never overwrites another's silently and
a failed save keeps what was typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from healthviz_desktop.core.database import Database
from healthviz_desktop.core.entry_merge import OTHER_NOTES
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.ui import conflict_dialog as cd
from healthviz_desktop.ui.entry_editor import EntryEditor
from tests.ui_helpers import OFFSCREEN_ONLY, make_entries, open_window, seed_journal

pytestmark = OFFSCREEN_ONLY


def _editor(qtbot: Any, window: Any) -> EntryEditor:
    editor = window.edit_entry()
    assert isinstance(editor, EntryEditor) and editor.original is not None
    editor.confirm_discard = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(editor)
    return editor


def _stored(root: Path, entry_id: int) -> Any:
    journal = Journal.open(root)
    try:
        return journal.get(entry_id, include_deleted=True)
    finally:
        journal.close()


def _two_windows(qtbot: Any, tmp_path: Path) -> tuple[Path, Any, Any]:
    root = tmp_path / "journal"
    seed_journal(root, make_entries(3))
    return root, open_window(qtbot, root), open_window(qtbot, root)


def test_two_windows_editing_one_entry_never_overwrite_silently(qtbot: Any, tmp_path: Path) -> None:
    root, first, second = _two_windows(qtbot, tmp_path)
    a, b = _editor(qtbot, first), _editor(qtbot, second)
    assert a.original.id == b.original.id  # type: ignore[union-attr]
    entry_id = a.original.id  # type: ignore[union-attr]
    a.notes.setPlainText("written in the first window")
    b.notes.setPlainText("written in the second window")
    with qtbot.waitSignal(a.saved):
        a.save()
    with qtbot.waitSignal(b.not_saved):
        b.save()
    # the second save is not made: both versions are shown, the first save is still there
    dialog = b.conflict_dialog
    assert dialog is not None and dialog.isVisible() and b.isVisible()
    assert "written in the first window" in dialog.theirs_view.toPlainText()
    assert "written in the second window" in dialog.mine_view.toPlainText()
    assert set(dialog.choice_buttons) == {cd.KEEP_MINE, cd.TAKE_THEIRS, cd.MERGE, cd.KEEP_EDITING}
    assert _stored(root, entry_id).notes == "written in the first window"
    with qtbot.waitSignal(b.saved):
        dialog.choice_buttons[cd.KEEP_MINE].click()  # the person saw both, and chose theirs-over: saved
    kept = _stored(root, entry_id)
    assert kept.notes == "written in the second window" and kept.revision == 3
    for w in (first, second):
        w.close()


def test_take_theirs_drops_this_edit_and_merge_keeps_both(qtbot: Any, tmp_path: Path) -> None:
    root, first, second = _two_windows(qtbot, tmp_path)
    a, b = _editor(qtbot, first), _editor(qtbot, second)
    entry_id = a.original.id  # type: ignore[union-attr]
    a.mood.setValue(2)
    a.notes.setPlainText("first window's note")
    with qtbot.waitSignal(a.saved):
        a.save()
    b.tags.setText("travel")
    b.notes.setPlainText("second window's note")
    with qtbot.waitSignal(b.not_saved):
        b.save()
    b.conflict_dialog.choice_buttons[cd.MERGE].click()
    # merged in the editor, not saved yet: mood from the first window, the tag and both notes from here
    assert b.isVisible() and b.mood.value() == 2 and "travel" in b.tags.items()
    assert b.notes.toPlainText() == f"second window's note\n\n{OTHER_NOTES}\nfirst window's note"
    assert "Merged with the version saved elsewhere" in b.form_error.text() and "notes" in b.form_error.text()
    assert _stored(root, entry_id).notes == "first window's note"
    with qtbot.waitSignal(b.saved):
        b.save()
    merged = _stored(root, entry_id)
    assert (merged.mood, "travel" in merged.tags, merged.revision) == (2, True, 3)
    assert "first window's note" in merged.notes and "second window's note" in merged.notes

    for w in (first, second):  # what the journal watcher does when the other one saves (ui/journal_watch.py)
        with qtbot.waitSignal(w.list_reloaded):
            w.reload()
    c, d = _editor(qtbot, first), _editor(qtbot, second)
    c.notes.setPlainText("saved first")
    with qtbot.waitSignal(c.saved):
        c.save()
    d.notes.setPlainText("given up")
    with qtbot.waitSignal(d.not_saved):
        d.save()
    d.conflict_dialog.choice_buttons[cd.TAKE_THEIRS].click()
    assert not d.isVisible() and _stored(root, entry_id).notes == "saved first"
    for w in (first, second):
        w.close()


def test_the_cli_writing_while_a_window_edits_is_caught(qtbot: Any, tmp_path: Path) -> None:
    from healthviz_desktop.cli import run

    root = tmp_path / "journal"
    seed_journal(root, make_entries(2))
    window = open_window(qtbot, root)
    editor = _editor(qtbot, window)
    entry_id = editor.original.id  # type: ignore[union-attr]
    assert run(["--data-dir", str(root), "entry", "edit", str(entry_id), "--mood", "9"]) == 0
    editor.notes.setPlainText("typed in the window while a script ran")
    with qtbot.waitSignal(editor.not_saved):
        editor.save()
    assert editor.conflict_dialog is not None and "mood 9" in editor.conflict_dialog.theirs_view.toPlainText()
    editor.conflict_dialog.choice_buttons[cd.MERGE].click()
    with qtbot.waitSignal(editor.saved):
        editor.save()
    stored = _stored(root, entry_id)
    assert stored.mood == 9 and stored.notes == "typed in the window while a script ran"
    window.close()


def test_an_entry_trashed_or_deleted_elsewhere_keeps_the_text_and_offers_a_way(qtbot: Any, tmp_path: Path) -> None:
    root, first, second = _two_windows(qtbot, tmp_path)
    editor = _editor(qtbot, second)
    entry_id = editor.original.id  # type: ignore[union-attr]
    with qtbot.waitSignal(first.hub.changed):
        first.delete_selected()  # the first window moves the same entry to the trash
    editor.notes.setPlainText("still typing here")
    with qtbot.waitSignal(editor.not_saved):
        editor.save()
    dialog = editor.conflict_dialog
    assert dialog is not None and "moved this entry to the trash" in dialog.intro.text()
    assert set(dialog.choice_buttons) == {cd.RESTORE_WITH_MINE, cd.SAVE_AS_NEW, cd.KEEP_EDITING}
    dialog.choice_buttons[cd.KEEP_EDITING].click()
    assert editor.isVisible() and editor.notes.toPlainText() == "still typing here"
    with qtbot.waitSignal(editor.not_saved):
        editor.save()
    with qtbot.waitSignal(editor.saved):
        editor.conflict_dialog.choice_buttons[cd.RESTORE_WITH_MINE].click()
    restored = _stored(root, entry_id)
    assert restored.notes == "still typing here" and _live(root, entry_id)

    gone = _editor(qtbot, second)
    journal = Journal.open(root)
    journal.delete(entry_id)
    journal.purge([entry_id])
    journal.close()
    gone.notes.setPlainText("the entry was purged meanwhile")
    with qtbot.waitSignal(gone.not_saved):
        gone.save()
    assert set(gone.conflict_dialog.choice_buttons) == {cd.SAVE_AS_NEW, cd.KEEP_EDITING}
    with qtbot.waitSignal(gone.saved) as saved:
        gone.conflict_dialog.choice_buttons[cd.SAVE_AS_NEW].click()
    assert saved.args[0].id != entry_id and _stored(root, saved.args[0].id).notes == "the entry was purged meanwhile"
    for w in (first, second):
        w.close()


def _live(root: Path, entry_id: int) -> bool:
    journal = Journal.open(root)
    try:
        return bool(journal.get_many([entry_id]))
    finally:
        journal.close()


def test_a_read_only_journal_says_so_and_keeps_the_text(qtbot: Any, tmp_path: Path) -> None:
    root = tmp_path / "journal"
    seed_journal(root, make_entries(1))
    writable = Journal.open(root)
    entry = writable.list_entries()[0]
    writable.close()
    journal = Journal(Database(writable.paths, read_only=f"its folder {root} is read-only"))  # as open() decides
    editor = EntryEditor(journal, entry)
    editor.confirm_discard = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(editor)
    editor.show()
    editor.notes.setPlainText("words that must not be lost")
    with qtbot.waitSignal(editor.not_saved):
        editor.save()
    assert editor.isVisible() and editor.notes.toPlainText() == "words that must not be lost"
    assert editor.form_error.isVisible()
    assert "The journal is read-only (its folder" in editor.form_error.text()
    assert "What you wrote is still here." in editor.form_error.text()
    journal.close()
    assert _stored(root, entry.id).notes == entry.notes  # type: ignore[arg-type]
