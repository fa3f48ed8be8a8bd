"""When light/dark switches while the window is open (the OS, or Settings), what the window drew in
colours of its own, the entry details and the charts, is drawn again in the new ones."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from healthviz_desktop.ui.journal_model import KindRole
from healthviz_desktop.ui.main_window import MainWindow
from healthviz_desktop.ui.theme import _BANDS, apply_appearance
from tests.ui_helpers import OFFSCREEN_ONLY, seeded_window

pytestmark = OFFSCREEN_ONLY


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[MainWindow]:
    with seeded_window(qtbot, tmp_path / "data", 10) as w:
        yield w
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_appearance(app, "system")


def test_switching_to_dark_redraws_details_and_charts(qtbot: Any, window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    m = window.model
    severe = next(r for r in range(m.rowCount()) if m.index(r, 0).data(KindRole) == "entry"
                  and max((o.severity for o in m.entry_at(r).observations), default=0) >= 7)
    window.list.setCurrentIndex(m.index(severe, 0))
    light_html = window.details.browser.toHtml()
    assert _BANDS[False]["severe"] in light_html
    from PySide6.QtCharts import QChart

    with qtbot.waitSignal(window.trends.updated, timeout=20_000):
        window.trends  # noqa: B018 - built now: its first drawing is done before the switch
    assert window.trends.severity_chart.theme() == QChart.ChartTheme.ChartThemeLight
    with qtbot.waitSignal(window.trends.updated, timeout=20_000):
        apply_appearance(app, "dark")  # what the OS colour-scheme handler does for "system"
    assert _BANDS[True]["severe"] in window.details.browser.toHtml()
    assert window.trends.severity_chart.theme() == QChart.ChartTheme.ChartThemeDark
