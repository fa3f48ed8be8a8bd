"""Composing from the journal window: the current entry, a selection, the Trends period, or nothing selected;
and what the window does when the settings (and so the private terms) cannot be read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from healthviz_desktop.ui.compose_dialog import ComposeDialog
from healthviz_desktop.ui.entry_editor import EntryEditor
from healthviz_desktop.ui.main_window import MainWindow
from tests.ui_helpers import OFFSCREEN_ONLY, entry_rows, make_entries, open_window, seed_journal, seeded_window

pytestmark = OFFSCREEN_ONLY


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    with seeded_window(qtbot, tmp_path / "data", 20) as w:
        yield w


def opened_dialog(window: MainWindow) -> ComposeDialog:
    dialogs = [d for d in window.findChildren(ComposeDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_one_entry_composes_a_moment(qtbot: Any, window: MainWindow) -> None:
    window.list.setCurrentIndex(window.model.index(entry_rows(window)[0], 0))
    window.act_compose.trigger()
    dlg = opened_dialog(window)
    assert dlg.current_mode() == "moment" and dlg.entry.count() == 1
    assert dlg.studio is window.clip_jobs.studio  # one studio, one runner per open journal
    dlg.close()


def test_a_selection_composes_a_trend_over_its_days(qtbot: Any, window: MainWindow) -> None:
    rows = entry_rows(window)[:6]
    selection = window.list.selectionModel()
    for r in rows:
        selection.select(window.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select)
    assert len(window.selected_ids()) == 6
    window.act_compose.trigger()
    dlg = opened_dialog(window)
    days = sorted(window.model.entry_at(r).effective_day() for r in rows)
    assert dlg.current_mode() == "trend"
    assert (dlg.date_from.date().toPython(), dlg.date_to.date().toPython()) == (days[0], days[-1])
    dlg.close()


def test_the_trends_tab_composes_the_period_it_shows(qtbot: Any, window: MainWindow) -> None:
    with qtbot.waitSignal(window.trends.updated, timeout=20_000):
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    shown = window.trends.date_range()
    window.act_compose.trigger()
    dlg = opened_dialog(window)
    assert dlg.current_mode() == "trend" and dlg.composed is not None and dlg.composed.verdict.ok
    assert (dlg.date_from.date().toPython(), dlg.date_to.date().toPython()) == (shown.first, shown.last)
    dlg.close()


def test_nothing_selected_opens_for_explainer_notes(qtbot: Any, window: MainWindow) -> None:
    window.list.selectionModel().clear()
    window.list.setCurrentIndex(window.model.index(-1, 0))
    assert window.act_compose.isEnabled()
    window.act_compose.trigger()
    dlg = opened_dialog(window)
    assert dlg.current_mode() == "explainer" and not dlg.send.isEnabled()
    dlg.close()


def test_double_click_opens_one_editor(qtbot: Any, window: MainWindow) -> None:
    index = window.model.index(entry_rows(window)[0], 0)
    at = window.list.visualRect(index).center()
    qtbot.mouseClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=at)  # as a real double-click:
    qtbot.mouseDClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=at)  # press, release, double
    editors = [e for e in window.findChildren(EntryEditor) if e.isVisible()]
    assert len(editors) == 1
    editors[0].close()


def test_unreadable_settings_refuse_to_compose(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed_journal(tmp_path / "d", make_entries(3))
    (tmp_path / "d" / "settings.json").write_text('{"private_terms": ["Quenby"],', encoding="utf-8")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: warned.append(text))
    w = open_window(qtbot, tmp_path / "d")
    try:
        assert "settings file could not be read" in w.message.text()
        # no welcome (the file exists: this is no first run), so nothing saves over it on closing one
        from healthviz_desktop.ui.welcome import WelcomeDialog

        assert w.findChild(WelcomeDialog) is None
        w.list.setCurrentIndex(w.model.index(entry_rows(w)[0], 0))
        w.act_compose.trigger()
        assert len(warned) == 1 and "private terms" in warned[0]
        assert not [d for d in w.findChildren(ComposeDialog) if d.isVisible()]
    finally:
        w.close()
    assert (tmp_path / "d" / "settings.json").read_text(encoding="utf-8") == '{"private_terms": ["Quenby"],'


def test_settings_dialog_over_an_unreadable_file_says_so_and_keeps_it(qtbot: Any, tmp_path: Path) -> None:
    seed_journal(tmp_path / "e", make_entries(2))
    broken = '{"private_terms": ["Quenby"],'
    (tmp_path / "e" / "settings.json").write_text(broken, encoding="utf-8")
    w = open_window(qtbot, tmp_path / "e")
    try:
        dialog = w.open_settings()
        assert "could not be read" in dialog.error.text() and dialog.error.isVisible()
        dialog.accept()  # the person saves their settings: the unreadable file is kept beside the new one
        kept = list((tmp_path / "e").glob("settings.unreadable-*.json"))
        assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == broken
        assert not w.settings.unreadable
    finally:
        w.close()
