"""The editor in a real window (issue 10, item 3): its save runs on the hub's write thread, never on the GUI
thread, and a save that fails says what happened in plain words and keeps the text, however it failed.

Other ways a save fails, each with real windows: changed in another window or by the CLI, trashed or purged
elsewhere (tests/test_ui_conflicts.py); a journal whose folder is read-only (tests/test_read_only.py,
tests/test_ui_read_only_window.py)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from healthviz_desktop.core.errors import DISK_FULL
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.ui.entry_editor import EntryEditor
from tests.support.tiny_disk import fill_up, mounted_tmpfs
from tests.ui_helpers import OFFSCREEN_ONLY, make_entries, open_window, seed_journal

pytestmark = OFFSCREEN_ONLY


def _editor(qtbot: Any, window: Any) -> EntryEditor:
    editor = window.edit_entry()
    assert isinstance(editor, EntryEditor) and editor.original is not None
    editor.confirm_discard = lambda: True  # type: ignore[method-assign]  # "Discard" whenever it asks
    qtbot.addWidget(editor)
    return editor


def _notes_of(root: Path, entry_id: int) -> str:
    journal = Journal.open(root)
    try:
        return journal.get(entry_id).notes
    finally:
        journal.close()


def test_the_save_runs_on_the_write_thread_and_the_editor_waits_for_it(qtbot: Any, tmp_path: Path) -> None:
    root = tmp_path / "journal"
    seed_journal(root, make_entries(2))
    window = open_window(qtbot, root)
    try:
        editor = _editor(qtbot, window)
        entry_id = editor.original.id  # type: ignore[union-attr]
        before = _notes_of(root, entry_id)
        release, ran_on = threading.Event(), []

        def full_disk_after_a_while(entry: Any, **_kw: Any) -> Any:
            ran_on.append(threading.current_thread())
            release.wait(10)
            raise sqlite3.OperationalError("database or disk is full")

        window.journal.update = full_disk_after_a_while
        editor.notes.setPlainText("typed while the disk filled up")
        editor.save()
        qtbot.waitUntil(lambda: bool(ran_on), timeout=5_000)  # the GUI thread goes on while the write waits
        assert ran_on[0] is not threading.main_thread() and not release.is_set()
        assert not editor.save_button.isEnabled() and editor.save_button.text() == "Saving…"
        editor.reject()  # Esc or the close button while the save is under way: the editor stays
        assert editor.isVisible() and not editor.cancel_button.isEnabled()
        with qtbot.waitSignal(editor.not_saved, timeout=10_000):
            release.set()
        assert editor.isVisible() and editor.notes.toPlainText() == "typed while the disk filled up"
        assert editor.form_error.isVisible()
        assert editor.form_error.text() == f"{DISK_FULL} What you wrote is still here."
        assert editor.save_button.isEnabled() and editor.save_button.text() == "Save"
        assert window.problem_box is None  # said once, where the text is
        assert _notes_of(root, entry_id) == before
    finally:
        window.close()


def test_a_full_disk_keeps_the_text_and_the_save_works_once_there_is_room(qtbot: Any, tmp_path: Path) -> None:
    with mounted_tmpfs(tmp_path / "tiny", size="2m") as disk:
        root = disk / "journal"
        seed_journal(root, make_entries(3))
        window = open_window(qtbot, root)
        try:
            editor = _editor(qtbot, window)
            entry_id = editor.original.id  # type: ignore[union-attr]
            before = _notes_of(root, entry_id)
            long_note = "A long evening's note, written for the doctor. " * 1500  # about 72 KB
            editor.notes.setPlainText(long_note)
            filler = fill_up(disk)
            with qtbot.waitSignal(editor.not_saved, timeout=10_000):
                editor.save()
            assert editor.isVisible() and editor.notes.toPlainText() == long_note
            assert editor.form_error.text() == f"{DISK_FULL} What you wrote is still here."
            assert editor.form_error.isVisible() and editor.save_button.isEnabled()
            filler.unlink()  # the person frees some space and saves again
            with qtbot.waitSignal(editor.saved, timeout=10_000):
                editor.save()
            assert not editor.isVisible()
            assert before != long_note
            qtbot.waitUntil(lambda: window.selected_entry().notes == long_note, timeout=10_000)  # the list too
        finally:
            window.close()
        assert _notes_of(root, entry_id) == long_note
        conn = sqlite3.connect(root / "journal.sqlite3")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()


def test_a_failure_nobody_foresaw_is_said_in_words_and_keeps_the_text(qtbot: Any, tmp_path: Path) -> None:
    root = tmp_path / "journal"
    seed_journal(root, make_entries(1))
    window = open_window(qtbot, root)
    try:
        editor = _editor(qtbot, window)

        def broken(*_a: Any, **_k: Any) -> Any:
            raise KeyError("revision")

        window.journal.update = broken
        editor.notes.setPlainText("after")
        with qtbot.waitSignal(editor.not_saved, timeout=10_000):
            editor.save()
        text = editor.form_error.text()
        assert text.startswith("Not saved: something went wrong that HealthViz did not expect")
        assert "(KeyError: 'revision')" in text and text.endswith("What you wrote is still here.")
        assert editor.isVisible() and editor.notes.toPlainText() == "after"
    finally:
        window.close()
