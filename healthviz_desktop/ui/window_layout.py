"""The journal window's widgets and where they sit: filters over the list and the selected entry, Trends and
Clips tabs built on first visit. Only layout: what the widgets do is wired in ui/main_window.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QLabel, QListView, QSplitter, QTabWidget, QVBoxLayout, QWidget

from healthviz_desktop.ui.details_view import DetailsView
from healthviz_desktop.ui.filter_bar import FilterBar

if TYPE_CHECKING:
    from healthviz_desktop.ui.main_window import MainWindow


def build_layout(w: MainWindow) -> None:
    """Sets ``filters``, ``list``, ``details``, ``empty_hint``, ``trends_page``, ``clips_page``, ``tabs`` and
    ``read_only_banner`` on ``w``."""
    w.filters = FilterBar(w)
    w.list = QListView(w)
    w.list.setObjectName("journalList")
    w.list.setAccessibleName("Journal entries, newest first, grouped by day")
    w.list.setModel(w.model)  # its delegate is set in open_journal(): no rows to draw before
    w.list.setUniformItemSizes(True)
    # several entries can be selected (Shift/Ctrl) to compose a trend over them
    w.list.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
    w.list.setMouseTracking(True)
    w.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    w.details = DetailsView(w)
    w.details.show_entry(None, "Opening your journal…")
    w.empty_hint = QLabel(w)  # centred in open_journal(); hidden until then
    w.empty_hint.setWordWrap(True)
    w.empty_hint.hide()

    left = QWidget(w)
    ll = QVBoxLayout(left)
    ll.setContentsMargins(0, 0, 0, 0)
    ll.addWidget(w.list, 1)
    ll.addWidget(w.empty_hint)
    split = QSplitter(parent=w)  # by keyword: matching QSplitter(Qt.Orientation) builds Qt
    split.addWidget(left)
    split.addWidget(w.details)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 2)
    split.setSizes([720, 520])
    journal_page = QWidget(w)
    jl = QVBoxLayout(journal_page)
    jl.setContentsMargins(0, 0, 0, 0)
    jl.addWidget(w.filters)
    jl.addWidget(split, 1)
    w.trends_page = QWidget(w)
    QVBoxLayout(w.trends_page).setContentsMargins(0, 0, 0, 0)
    w.clips_page = QWidget(w)  # the Clips tab (ui/clips_tab.py) is built on its first visit
    QVBoxLayout(w.clips_page).setContentsMargins(0, 0, 0, 0)
    w.tabs = QTabWidget(w)
    w.tabs.setDocumentMode(True)
    w.tabs.addTab(journal_page, "&Journal")
    w.tabs.addTab(w.trends_page, "&Trends")
    w.tabs.addTab(w.clips_page, "&Clips")
    w.read_only_banner = QLabel(w)  # shown on a read-only journal (ui/read_only_mode.py)
    w.read_only_banner.setObjectName("readOnlyBanner")
    w.read_only_banner.setWordWrap(True)
    w.read_only_banner.hide()
    central = QWidget(w)
    cl = QVBoxLayout(central)
    cl.setContentsMargins(0, 0, 0, 0)
    cl.setSpacing(0)
    cl.addWidget(w.read_only_banner)
    cl.addWidget(w.tabs, 1)
    w.setCentralWidget(central)


def finish_layout(w: MainWindow) -> None:
    """Once the window has painted, while the first page is read: what needs the Qt namespace (~30 ms to
    build in Python; see ui/theme.py) or only matters once there are rows."""
    from PySide6.QtCore import Qt

    from healthviz_desktop.ui.icons import app_icon
    from healthviz_desktop.ui.journal_delegate import JournalDelegate

    QApplication.setWindowIcon(app_icon())  # this window and every dialog after it
    w.list.setItemDelegate(JournalDelegate(w.list))
    w.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    w.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
