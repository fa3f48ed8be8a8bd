"""The window's writes other than the editor's, and the changes it hears of (issue 10, part two): a delete
that fails is said, naming what did not finish; "Remove demo entries" with Undo; another process's change
refreshes the list, the details and trends through the hub's one signal (also one made while the journal
was still opening), and the window's own saves are not reloaded twice; the rollover hour applies at once."""

from __future__ import annotations

import errno
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from healthviz_desktop.core.demo_data import generate_demo_entries
from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.query import JournalFilter
from healthviz_desktop.ui.journal_hub import Change
from tests.ui_helpers import OFFSCREEN_ONLY, entry_rows, make_entries, open_window, seed_journal

pytestmark = OFFSCREEN_ONLY


def _disk_full(*_a: Any, **_k: Any) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_delete_that_fails_says_what_did_not_finish_and_keeps_the_entry(qtbot: Any, tmp_path: Path) -> None:
    seed_journal(tmp_path / "j", make_entries(2))
    window = open_window(qtbot, tmp_path / "j")
    try:
        victim = window.selected_entry()
        window.journal.delete_many = _disk_full  # the write thread runs into a full disk
        window.delete_selected()
        qtbot.waitUntil(lambda: window.problem_box is not None, timeout=10_000)
        text = window.problem_box.text()
        assert text.startswith("Moving the entry to the trash did not finish.") and "The disk is full" in text
        assert window.problem_box.isVisible()
        assert window.model.row_of(victim.id) is not None and not window.act_undo.isEnabled()
    finally:
        window.close()


def test_remove_demo_entries_and_undo_bring_them_all_back(qtbot: Any, tmp_path: Path) -> None:
    root = tmp_path / "j"
    seed_journal(root, make_entries(2))
    journal = Journal.open(root)
    demo = journal.add_many(generate_demo_entries(10, 2))
    journal.close()
    window = open_window(qtbot, root)
    try:
        assert window.model.total == 4 + len(demo) and window.act_remove_demo.isEnabled()
        with qtbot.waitSignal(window.list_reloaded, timeout=10_000):
            window.act_remove_demo.trigger()
        assert window.model.total == 4 and not any(window.model.entry_at(r).demo for r in entry_rows(window))
        assert f"Moved {len(demo)} demo entries to the trash" in window.message.text()
        assert window.undo_button.isVisible() and window.undo_button.text() == "Undo remove demo entries (Ctrl+Z)"
        # a delete after it is undone first; then the removal, all of it
        with qtbot.waitSignal(window.list_reloaded, timeout=10_000):
            window.delete_selected()
        assert window.model.total == 3 and window.act_undo.text() == "&Undo delete"
        with qtbot.waitSignal(window.list_reloaded, timeout=10_000):
            window.act_undo.trigger()
        assert window.model.total == 4 and window.act_undo.text() == "&Undo remove demo entries"
        with qtbot.waitSignal(window.list_reloaded, timeout=10_000):
            window.act_undo.trigger()
        assert window.model.total == 4 + len(demo) and not window.act_undo.isEnabled()
        assert window.journal.count(JournalFilter(only_deleted=True)) == 0
        window.hub.watch.timer.setInterval(50)
        with qtbot.waitSignal(window.list_reloaded, timeout=10_000):  # another process trashes them all
            other = Journal.open(root)
            other.delete_many(other.demo_entry_ids())
            other.close()
        window.act_remove_demo.trigger()  # none left: the action says so
        qtbot.waitUntil(lambda: "There are no demo entries to remove." in window.message.text(), timeout=10_000)
    finally:
        window.close()


def test_another_process_changes_the_list_details_and_trends_through_the_hub(qtbot: Any, tmp_path: Path) -> None:
    from healthviz_desktop.cli import run

    root = tmp_path / "j"
    seed_journal(root, make_entries(3))
    window = open_window(qtbot, root)
    try:
        window.hub.watch.timer.setInterval(50)
        window.tabs.setCurrentIndex(1)  # build the trends view
        with qtbot.waitSignal(window.trends.updated, timeout=20_000):
            pass
        window.tabs.setCurrentIndex(0)
        shown = window.selected_entry()
        changes: list[Change] = []
        window.hub.changed.connect(changes.append)
        with qtbot.waitSignal(window.trends.updated, timeout=20_000):
            assert run(["--data-dir", str(root), "entry", "edit", str(shown.id), "--mood", "9"]) == 0
            qtbot.waitUntil(lambda: window.details.entry.mood == 9, timeout=20_000)
        assert window.details.entry.id == shown.id and "9/10" in window.details.browser.toPlainText()
        assert changes == [Change("journal")] and window.selected_entry().mood == 9
        # the window's own save: one change, one reload, nothing reported back by the watch
        reloads: list[bool] = []
        window.list_reloaded.connect(lambda: reloads.append(True))
        editor = window.edit_entry()
        qtbot.addWidget(editor)
        editor.mood.setValue(3)
        with qtbot.waitSignal(editor.saved, timeout=10_000):
            editor.save()
        qtbot.wait(400)  # eight polls
        assert [c.what for c in changes] == ["journal", "entries"] and reloads == [True]
    finally:
        window.close()


def test_a_write_made_while_the_journal_opens_is_not_missed(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.core.settings import load_settings
    from healthviz_desktop.ui.main_window import MainWindow

    root = tmp_path / "j"
    seed_journal(root, make_entries(2))
    assert isinstance(QApplication.instance(), QApplication)
    window = MainWindow(DataPaths.at(root), load_settings(root / "settings.json"))
    qtbot.addWidget(window)

    def script_writes() -> None:  # after the list was read, before the window watches: a script's write
        other = Journal.open(root)
        other.add(make_entries(1, per_day=1, end=date.today() - timedelta(days=9))[0])
        other.close()

    window.list_shown.connect(script_writes)
    window.show()
    with qtbot.waitSignal(window.journal_ready, timeout=20_000):
        window.open_journal()
    assert window.model.total == 4
    qtbot.waitUntil(lambda: window.model.total == 5, timeout=10_000)  # the watch's first poll reports it
    window.close()


def test_the_rollover_hour_from_settings_applies_at_once(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from healthviz_desktop.ui import journal_model

    today = date.today()
    monkeypatch.setattr(journal_model, "_now", lambda: datetime(today.year, today.month, today.day, 2, 30))
    yesterday = today - timedelta(days=1)
    root = tmp_path / "j"
    seed_journal(root, make_entries(1, per_day=1, end=yesterday))  # last evening, 09:15 yesterday
    window = open_window(qtbot, root)
    try:
        header = window.model.index(0, 0)
        assert header.data().startswith("Today · ")  # 02:30 is still yesterday's journal day (04:00)
        assert window.details.browser.toPlainText().startswith("Today · ")
        dialog = window.open_settings()
        qtbot.addWidget(dialog)
        dialog.rollover.setValue(0)  # days start at midnight: 02:30 is today, and last evening is yesterday
        dialog.accept()
        assert window.model.index(0, 0).data().startswith("Yesterday · ")
        assert window.details.browser.toPlainText().startswith("Yesterday · ")
        assert window.settings.day_rollover_hour == 0
    finally:
        window.close()



def test_settings_that_a_full_disk_keeps_from_saving_say_so_and_stay_open(qtbot: Any, tmp_path: Path) -> None:
    from healthviz_desktop.core.settings import load_settings
    from tests.support.tiny_disk import fill_up, mounted_tmpfs

    with mounted_tmpfs(tmp_path / "tiny", size="2m") as disk:
        root = disk / "journal"
        seed_journal(root, make_entries(2))
        window = open_window(qtbot, root)
        try:
            dialog = window.open_settings()
            qtbot.addWidget(dialog)
            dialog.rollover.setValue(6)
            filler = fill_up(disk)
            dialog.accept()
            assert dialog.isVisible() and dialog.error.isVisible()
            assert dialog.error.text() == ("Settings were not saved: the disk is full. Free some space and press "
                                           "OK again; until then the settings you had stay in use.")
            assert dialog.rollover.value() == 6 and window.settings.day_rollover_hour != 6
            filler.unlink()
            dialog.accept()
            assert not dialog.isVisible() and window.settings.day_rollover_hour == 6
            assert load_settings(root / "settings.json").day_rollover_hour == 6
        finally:
            window.close()
