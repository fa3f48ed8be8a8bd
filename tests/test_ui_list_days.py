"""The journal list: "Today" is the journal day it is now (before the 04:00 rollover, the evening's day),
and Home, arrows, Page Up or a click on a day header leave an entry selected, never nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

import healthviz_desktop.ui.journal_model as journal_model
from healthviz_desktop.ui.journal_model import EntryRole, KindRole, day_title, journal_today
from tests.ui_helpers import OFFSCREEN_ONLY, seeded_window

TZ = timezone(timedelta(hours=1))


def test_before_the_rollover_today_is_still_the_evenings_day(monkeypatch: pytest.MonkeyPatch) -> None:
    assert journal_today(now=datetime(2026, 12, 5, 1, 30, tzinfo=TZ)) == date(2026, 12, 4)
    assert journal_today(now=datetime(2026, 12, 5, 4, 0, tzinfo=TZ)) == date(2026, 12, 5)
    assert journal_today(0, now=datetime(2026, 12, 5, 1, 30, tzinfo=TZ)) == date(2026, 12, 5)
    monkeypatch.setattr(journal_model, "_now", lambda: datetime(2026, 12, 5, 1, 30, tzinfo=TZ))
    assert day_title(date(2026, 12, 4)) == "Today · Friday 4 December 2026"  # was "Yesterday" at 01:30
    assert day_title(date(2026, 12, 3)) == "Yesterday · Thursday 3 December 2026"
    assert day_title(date(2026, 12, 5)) == "Saturday 5 December 2026"  # tomorrow's journal day
    assert day_title(date(2026, 12, 5), rollover_hour=0) == "Today · Saturday 5 December 2026"


def _current(window: Any) -> tuple[str, list[int]]:
    index = window.list.currentIndex()
    return index.data(KindRole), sorted(i.row() for i in window.list.selectionModel().selectedIndexes())


@OFFSCREEN_ONLY
def test_keys_and_clicks_never_leave_a_day_header_current(qtbot: Any, tmp_path: Path) -> None:
    with seeded_window(qtbot, tmp_path / "journal", days=4) as window:
        view = window.list
        view.setFocus()
        for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End,
                    Qt.Key.Key_PageUp, Qt.Key.Key_Up, Qt.Key.Key_PageDown):
            qtbot.keyClick(view, key)
            qtbot.waitUntil(lambda: _current(window)[0] == "entry")
            _kind, selected = _current(window)
            assert selected == [view.currentIndex().row()], key
            assert window.details.entry is view.currentIndex().data(EntryRole), key
        qtbot.keyClick(view, Qt.Key.Key_Home)
        qtbot.waitUntil(lambda: _current(window)[1] == [1])  # the first entry, under the first header
        header = window.model.index(3, 0)
        assert header.data(KindRole) == "day"
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(header).center())
        qtbot.waitUntil(lambda: _current(window) == ("entry", [4]))  # the header's first entry
