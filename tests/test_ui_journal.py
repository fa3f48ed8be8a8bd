"""The journal window driven through its widgets (Qt offscreen): list, details, add/edit/delete/undo,
search and filters, lazy fetching, and the list model checked by QAbstractItemModelTester."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from healthviz_desktop.core.journal import Journal
from healthviz_desktop.core.query import JournalFilter
from healthviz_desktop.ui.entry_editor import EntryEditor
from healthviz_desktop.ui.journal_model import EntryRole, JournalModel, KindRole, journal_today, load_first_page
from healthviz_desktop.ui.main_window import MainWindow
from tests.ui_helpers import OFFSCREEN_ONLY, entry_rows, make_entries, open_window, seed_journal

pytestmark = OFFSCREEN_ONLY


def wait_reload(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    return qtbot.waitSignal(window.list_reloaded, timeout=10_000)


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    seed_journal(tmp_path / "data", make_entries(30))
    w = open_window(qtbot, tmp_path / "data")
    yield w
    w.close()


def select_row(qtbot, window: MainWindow, row: int) -> None:  # type: ignore[no-untyped-def]
    index = window.model.index(row, 0)
    rect = window.list.visualRect(index)
    qtbot.mouseClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.list.currentIndex().row() == row


def test_window_title_list_grouped_by_day_and_status_bar(window: MainWindow) -> None:
    assert window.windowTitle().startswith("HealthViz")
    m = window.model
    assert m.index(0, 0).data(KindRole) == "day"
    days = [m.index(r, 0).data() for r in range(m.rowCount()) if m.index(r, 0).data(KindRole) == "day"]
    assert len(days) == 30 and "Yesterday" in days[0]
    assert "60 entries" in window.count_label.text()
    assert str(window.paths.root) in window.location_label.text()
    # Day headers cannot be selected; entry rows can.
    assert not m.flags(m.index(0, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert m.flags(m.index(1, 0)) & Qt.ItemFlag.ItemIsSelectable


def test_window_has_the_app_icon_in_every_shipped_size(window: MainWindow) -> None:
    from healthviz_desktop.ui.icons import ICON_SIZES

    icon = window.windowIcon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)
    assert icon.pixmap(256, 256).toImage().pixelColor(128, 112).red() > 200  # the glowing knot, not blank


def test_selecting_shows_details(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    row = entry_rows(window)[0]
    select_row(qtbot, window, row)
    entry = window.model.index(row, 0).data(EntryRole)
    html = window.details.browser.toPlainText()
    assert entry.notes in html and "Severity" not in html
    assert entry.observations[0].label in html
    assert window.details.edit_button.isEnabled() and window.act_delete.isEnabled()


def test_add_through_the_editor_with_ctrl_n_and_ctrl_s(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.list.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = QApplication.activeModalWidget()
    assert isinstance(editor, EntryEditor) and editor.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    row = editor.obs_rows[0]
    row.symptom.setEditText("Nausea")
    row.severity.slider.setFocus()
    for _ in range(6):
        qtbot.keyClick(row.severity.slider, Qt.Key.Key_Right)
    assert row.severity.anchor_text() == "6 — hard to ignore, usual activities avoided"
    editor.notes.setPlainText("made-up: queasy after the bus")
    with wait_reload(qtbot, window):
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.isVisible()
    assert "61 entries" in window.count_label.text()
    selected = window.selected_entry()
    assert selected.notes == "made-up: queasy after the bus"
    assert [(o.symptom, o.severity) for o in selected.observations] == [("nausea", 6)]
    # It really is in the file.
    assert window.journal.get(selected.id).observations[0].severity == 6


def test_edit_existing_entry(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    row = entry_rows(window)[2]
    select_row(qtbot, window, row)
    original = window.selected_entry()
    editor = window.edit_entry()
    assert editor.notes.toPlainText() == original.notes
    assert editor.obs_rows[0].severity.value() == original.observations[0].severity
    editor.obs_rows[0].severity.setValue(9)
    editor.triggers.setText("stress, bright light")
    with wait_reload(qtbot, window):
        editor.save_button.click()
    stored = window.journal.get(original.id)
    assert stored.observations[0].severity == 9 and stored.triggers == ["stress", "bright light"]
    assert stored.created_at == original.created_at
    assert window.selected_entry().id == original.id
    assert "60 entries" in window.count_label.text()


def test_delete_key_trashes_and_ctrl_z_restores(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    row = entry_rows(window)[0]
    select_row(qtbot, window, row)
    victim = window.selected_entry()
    with wait_reload(qtbot, window):
        qtbot.keyClick(window.list, Qt.Key.Key_Delete)
    assert "59 entries" in window.count_label.text()
    assert window.model.row_of(victim.id) is None
    assert window.journal.count(JournalFilter(only_deleted=True)) == 1
    assert window.undo_button.isVisible() and window.act_undo.isEnabled()
    assert window.selected_entry() is not None and window.selected_entry().id != victim.id
    with wait_reload(qtbot, window):
        qtbot.keyClick(window.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "60 entries" in window.count_label.text()
    assert window.selected_entry().id == victim.id
    assert not window.act_undo.isEnabled()


def test_search_box_and_filters(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filters.search.hasFocus()
    with wait_reload(qtbot, window):
        qtbot.keyClicks(window.filters.search, "dog")
    # "walked the dog" is in the first entry of every 5th day: 6 days x 2 entries.
    assert window.model.total == 12
    assert all("dog" in window.model.entry_at(r).notes for r in entry_rows(window))
    assert "12 entries match" in window.count_label.text()
    bar = window.filters
    with wait_reload(qtbot, window):
        bar.symptom.setCurrentIndex(bar.symptom.findData("migraine"))
    assert 0 < window.model.total < 12
    with wait_reload(qtbot, window):
        bar.min_severity.setCurrentIndex(bar.min_severity.findData(9))
    for r in entry_rows(window):
        assert any(o.symptom == "migraine" and o.severity >= 9 for o in window.model.entry_at(r).observations)
    with wait_reload(qtbot, window):
        bar.clear()
    assert window.model.total == 60
    with wait_reload(qtbot, window):
        bar.medication.setCurrentIndex(bar.medication.findData("ibuprofen"))
    assert window.model.total == 20  # every third day, both entries
    with wait_reload(qtbot, window):
        bar.range.setCurrentIndex(bar.range.findData(7))
    assert all(window.model.entry_at(r).effective_day() >= date.today() - timedelta(days=6)
               for r in entry_rows(window))
    with wait_reload(qtbot, window):
        bar.clear()
    with wait_reload(qtbot, window):
        bar.range.setCurrentIndex(bar.range.findData(-1))
    with wait_reload(qtbot, window):
        bar.date_from.setDate(date.today() - timedelta(days=10))
    assert bar.date_from.isVisible()
    newest = journal_today() - timedelta(days=1)  # make_entries' last day (the journal's yesterday)
    assert window.model.total == 2 * ((newest - (date.today() - timedelta(days=10))).days + 1)  # 10 days back on


def test_search_with_no_match_says_so(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    with wait_reload(qtbot, window):
        window.filters.search.setText("zebra")
    assert window.model.rowCount() == 0
    assert window.empty_hint.isVisible() and "Nothing matches" in window.empty_hint.text()
    assert window.details.entry is None


def test_lazy_fetching_pages_as_the_list_scrolls(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed_journal(tmp_path / "big", make_entries(400, per_day=3))
    window = open_window(qtbot, tmp_path / "big")
    try:
        m = window.model
        assert m.total == 1200
        first = m.rowCount()
        assert first < 500 and m.canFetchMore(QModelIndex())
        for _ in range(5):
            window.list.scrollToBottom()
            QApplication.processEvents()
        assert m.rowCount() > first
        while m.canFetchMore(QModelIndex()):
            m.fetchMore(QModelIndex())
        assert len(entry_rows(window)) == 1200
        assert sum(1 for r in range(m.rowCount()) if m.index(r, 0).data(KindRole) == "day") == 400
    finally:
        window.close()


def test_list_model_passes_qabstractitemmodeltester(qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed_journal(tmp_path / "d", make_entries(150, per_day=2))
    journal = Journal.open(tmp_path / "d")
    try:
        model = JournalModel()
        model.page_size = 37  # pages that end mid-day
        # Qt's own C++ QAbstractItemModelTester: stays attached and reports through Qt warnings, which
        # fail the test (qt_log_level_fail = WARNING). It watches every reset and fetched page below.
        qtmodeltester.check(model)
        model.reset_with(journal, load_first_page(journal, JournalFilter(), limit=37))
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        assert sum(1 for r in range(model.rowCount()) if model.index(r, 0).data(KindRole) == "entry") == 300
        # Day headers appear once per day even when a page boundary splits a day.
        days = [model.index(r, 0).data() for r in range(model.rowCount())
                if model.index(r, 0).data(KindRole) == "day"]
        assert len(days) == len(set(days)) == 150
        model.reset_with(journal, load_first_page(journal, JournalFilter(text="dog"), limit=37))
        model.reset_with(journal, load_first_page(journal, JournalFilter(text="zebra"), limit=37))
        assert model.rowCount() == 0
    finally:
        journal.close()


def test_list_model_passes_the_python_model_tester_too(qtmodeltester, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed_journal(tmp_path / "d", make_entries(60, per_day=3))
    journal = Journal.open(tmp_path / "d")
    try:
        model = JournalModel()
        model.page_size = 25
        qtmodeltester.check(model, force_py=True)
        model.reset_with(journal, load_first_page(journal, JournalFilter(), limit=25))
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        assert model.rowCount() == 60 + 180
        model.reset_with(journal, load_first_page(journal, JournalFilter(min_severity=5), limit=25))
        model.clear()
    finally:
        journal.close()
