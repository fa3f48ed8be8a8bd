"""The window's Trends and Clips tabs, built on their first visit (QtCharts and the clip library stay out of
the first paint), and what switching tabs changes: the title, and which Delete/Undo the toolbar means."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from healthviz_desktop.ui.main_window import MainWindow

TITLES = ("Journal", "Trends", "Clips")


def build_trends(window: MainWindow) -> Any:
    from healthviz_desktop.ui.trends_view import TrendsView

    view = TrendsView(window.pools.reads, window.trends_page)
    layout = window.trends_page.layout()
    assert layout is not None
    layout.addWidget(view)
    view.set_journal(window.reader)
    return view


def build_clips(window: MainWindow) -> Any:
    from healthviz_desktop.ui.clips_links import build_clips_tab

    return build_clips_tab(window)


def tab_changed(window: MainWindow, index: int) -> None:
    if index in (1, 2):
        window.trends if index == 1 else window.clips  # noqa: B018 - builds the view on first visit
    window.setWindowTitle(f"HealthViz — {TITLES[index]}")
    window.refresh_selection_actions()
    window.trash.update_actions()  # the journal's Undo; the Clips tab has its own (ui/clips_tab.py)
    if index == 2:
        window.act_undo.setEnabled(False)
