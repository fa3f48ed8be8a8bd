"""The journal window: list grouped by day, the selected entry, search and filters, trends.

It paints at once with an "Opening your journal…" placeholder; the journal (SQLAlchemy, ~340 ms to
import) is opened in a worker and the first page handed to the model when ready. Work runs on the app's
pools (ui/app_pools.py); every write goes through the JournalHub (ui/journal_hub.py) on its single write
thread, and the list, trends and details refresh from its one ``changed`` signal, which also carries other
processes' changes. A journal the person made read-only opens for reading (ui/read_only_mode.py).
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QListView, QMainWindow, QTabWidget, QToolBar, QWidget

from healthviz_desktop.ui import window_tabs
from healthviz_desktop.ui.actions import build_actions
from healthviz_desktop.ui.app_pools import app_pools
from healthviz_desktop.ui.journal_hub import Change, JournalHub
from healthviz_desktop.ui.journal_model import EntryRole, FirstPage, JournalModel, load_first_page
from healthviz_desktop.ui.status_line import StatusLine
from healthviz_desktop.ui.trash_actions import TrashActions
from healthviz_desktop.ui.window_layout import build_layout, finish_layout

if TYPE_CHECKING:  # imported once the window has painted (tests/test_startup_imports.py)
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QCloseEvent

    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.core.query import JournalFilter
    from healthviz_desktop.core.settings import Settings
    from healthviz_desktop.ui.clip_jobs import ClipJobs
    from healthviz_desktop.ui.data_actions import DataActions
    from healthviz_desktop.ui.details_view import DetailsView
    from healthviz_desktop.ui.filter_bar import FilterBar
    from healthviz_desktop.ui.opening import Opened


class MainWindow(QMainWindow):
    list_shown = Signal()  # the first page is on screen (reads only)
    journal_ready = Signal()  # the journal is open for writing too
    # Set by ui/actions.py:build_actions.
    act_new: QAction
    act_import: QAction
    act_export_json: QAction
    act_export_csv: QAction
    act_backup: QAction
    act_settings: QAction
    act_edit: QAction
    act_delete: QAction
    act_undo: QAction
    act_remove_demo: QAction
    act_compose: QAction
    compose_available: bool
    toolbar: QToolBar
    # Set by ui/window_layout.py:build_layout.
    filters: FilterBar
    list: QListView
    details: DetailsView
    empty_hint: QLabel
    read_only_banner: QLabel
    trends_page: QWidget
    clips_page: QWidget
    tabs: QTabWidget
    list_reloaded = Signal()

    def __init__(self, paths: DataPaths, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths, self.settings = paths, settings
        self.pools = app_pools()
        self.hub = JournalHub(self)  # the open journal: every write goes through it, views hear of each
        self.hub.changed.connect(self._journal_changed)
        self.hub.write_failed.connect(lambda what, exc: self._task_failed(exc, what))
        self.reader: Any = None  # core.journal_reader.JournalReader: the list and trends read through it
        self.read_only_reason: str | None = None  # why the journal can only be read (ui/read_only_mode.py)
        self.problem_box: Any = None  # the last failure said (a QMessageBox), for tests and screenshots
        self._list_count: int | None = None  # the journal's change count the list was first read at
        self._pending_select: int | None = None
        self._reload_generation = 0
        self.setWindowTitle("HealthViz — Journal")
        self.setObjectName("mainWindow")
        self.resize(1280, 820)
        self.model = JournalModel(self)
        self.model.rollover_hour = settings.day_rollover_hour  # "Today" from 04:00 (or the person's hour)
        self._data: DataActions | None = None

        self._trends: Any = None  # built when first shown: QtCharts stays out of the first paint
        self._clips: Any = None  # the Clips tab, likewise (ui/clips_tab.py)
        build_layout(self)
        self.details.rollover_hour = settings.day_rollover_hour
        self.filters.changed.connect(self.apply_filter)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        # activated alone: a double-click emits it too, and answering both opened two editors
        self.list.activated.connect(lambda _i: self.edit_entry())
        self.details.edit_requested.connect(self.edit_entry)
        self.details.delete_requested.connect(self.delete_selected)
        self.details.compose_requested.connect(self.compose)
        self.tabs.currentChanged.connect(lambda index: window_tabs.tab_changed(self, index))
        self.status_line = StatusLine(self, paths.root)
        sl = self.status_line
        self.count_label, self.undo_button, self.message = sl.count_label, sl.undo_button, sl.message
        self.progress, self.location_label = sl.progress, sl.location_label
        self.trash = TrashActions(self)
        self.undo_button.clicked.connect(self.undo_delete)
        self.pools.activity.connect(sl.activity)
        self.pools.idle.connect(self.progress.hide)
        for pool in self.pools.all():  # work this window started without its own error handling
            pool.failed.connect(self._task_failed)
        self.model.modelReset.connect(self._update_counts)
        build_actions(self)
        self.setTabOrder(self.filters.search, self.list)
        self.setTabOrder(self.list, self.details.browser)
        self.set_ready(False)
        self.filters.setEnabled(False)

    # ---- actions -------------------------------------------------------------------------------

    @property
    def journal(self) -> Any:
        """core.journal.Journal while open for writes (through ``hub``), else None."""
        return self.hub.journal

    @property
    def clip_jobs(self) -> ClipJobs | None:
        return self.hub.clip_jobs

    def set_ready(self, ready: bool) -> None:
        """Writing actions on (the journal is open for writes) or off (opening, a restore, read-only)."""
        writable = ready and not self.read_only_reason
        for act in (self.act_new, self.act_import, self.act_backup, self.act_remove_demo):
            act.setEnabled(writable)
        for act in (self.act_export_json, self.act_export_csv):
            act.setEnabled(ready)
        self.refresh_selection_actions()
        self.trash.update_actions()

    def refresh_selection_actions(self) -> None:  # Delete/Undo are the Clips tab's own there (ui/clips_tab.py)
        has = self.selected_entry() is not None and self.journal is not None and self.tabs.currentIndex() != 2
        self.act_edit.setEnabled(has)
        self.act_delete.setEnabled(has and not self.read_only_reason)
        # Compose works from the current entry, a selection, the Trends period, or explainer notes alone
        self.act_compose.setEnabled(self.journal is not None and self.compose_available)

    # ---- opening and loading -------------------------------------------------------------------

    @property
    def data(self) -> DataActions:
        """Import, export, backups, first run: made on first use, which is after the first paint."""
        if self._data is None:
            from healthviz_desktop.ui.data_actions import DataActions

            self._data = DataActions(self)
        return self._data

    def open_journal(self) -> None:
        """Called once the window has painted: read the first page in a worker."""
        from healthviz_desktop.ui.opening import open_reader

        self.pools.reads.submit(open_reader, self.paths, self.filters.value(), owner=self,
                                on_result=self._reader_opened, on_error=self._open_failed)
        finish_layout(self)  # meanwhile, what only matters once there are rows

    def _reader_opened(self, opened: Opened) -> None:
        self.reader, self._list_count = opened.reader, opened.change_count
        if opened.reader.read_only:
            from healthviz_desktop.ui.read_only_mode import show_read_only

            show_read_only(self, opened.reader.read_only)
        self.filters.set_vocabulary(opened.custom_symptoms, opened.medications)
        self.filters.setEnabled(True)
        self.model.reset_with(opened.reader, opened.page)
        self.details.show_entry(None)
        first = next((r for r in range(self.model.rowCount()) if self.model.entry_at(r)), None)
        if first is not None:
            self.list.setCurrentIndex(self.model.index(first, 0))
            self.list.scrollToTop()
        if self._trends is not None:
            self._trends.set_journal(self.reader)
        self.list_shown.emit()
        if self.settings.unreadable:  # say it now, not first when a prompt is refused
            self.flash("Your settings file could not be read: see Settings before composing a clip.", 30_000)
        from healthviz_desktop.ui.opening import open_full_journal

        self.pools.reads.submit(open_full_journal, self.paths, on_result=self._journal_opened,
                                on_error=self._open_failed, owner=self)

    def _journal_opened(self, journal: Any) -> None:
        if not self.isVisible():  # closed while it opened: nothing may start on it
            journal.close()
            return
        self.attach_journal(journal)
        # Other processes' changes (the CLI, a script, a restore) refresh the views too; counted from the
        # list's first read, so a write made while the journal opened is not missed.
        self.hub.follow_others(self.paths, since=self._list_count)
        self.journal_ready.emit()
        self.data.after_open()

    def attach_journal(self, journal: Any) -> None:
        """Open for writes: clip jobs a crash or a close interrupted are carried on (nothing lost)."""
        self.hub.attach(journal)
        assert self.hub.clip_jobs is not None
        self.hub.clip_jobs.status.connect(lambda text: self.flash(text, 60_000))
        self.set_ready(True)
        from healthviz_desktop.ui.clips_links import attach_entry_clips

        attach_entry_clips(self)  # "Clips from this entry" in the details

    def _journal_changed(self, change: Change) -> None:
        """The one place views refresh after a write (ui/journal_hub.py)."""
        from healthviz_desktop.ui.clips_links import journal_changed

        journal_changed(self)  # the Clips tab and the entry's clips
        if change.what == "jobs":
            return
        self.reload(select_id=change.select_id)
        self.refresh_trends()

    def _open_failed(self, exc: BaseException) -> None:
        self.details.show_entry(None, f"The journal could not be opened. {exc}")
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self, "HealthViz", f"The journal could not be opened.\n\n{exc}")

    def apply_filter(self, flt: JournalFilter) -> None:
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Re-query the list with the current filter (in a worker); then select ``select_id``."""
        if self.reader is None:
            return
        self._reload_generation += 1
        generation = self._reload_generation
        self._pending_select = select_id if select_id is not None else self._selected_id()
        self.pools.reads.submit(load_first_page, self.reader, self.filters.value(), owner=self,
                                on_result=lambda page: self._reloaded(page, generation), on_error=self._task_failed)

    def _reloaded(self, page: FirstPage, generation: int) -> None:
        if generation != self._reload_generation:
            return
        self.model.reset_with(self.reader, page)
        target = self._pending_select
        row = None
        if target is not None and target >= 0:
            row = self.model.fetch_all_until(lambda e: e.id == target)
        if row is None:
            row = next((r for r in range(self.model.rowCount()) if self.model.entry_at(r)), None)
        if row is not None:
            index = self.model.index(row, 0)
            self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.scrollTo(index, QListView.ScrollHint.PositionAtCenter)
        else:
            self.details.show_entry(None)
        self.refresh_selection_actions()
        self.list_reloaded.emit()

    def flash(self, text: str, msecs: int = 6000) -> None:
        self.status_line.flash(text, msecs)

    def _update_counts(self) -> None:
        total = self.model.total
        noun = "entry" if total == 1 else "entries"
        self.count_label.setText(f"{total:,} {noun}" + (" match" if self.filters.is_filtered() else ""))
        empty = total == 0 and self.reader is not None
        self.empty_hint.setVisible(empty)
        self.empty_hint.setText("Nothing matches these filters." if self.filters.is_filtered()
                                else "Your journal is empty. Press Ctrl+N to write the first entry.")

    # ---- selection and editing -----------------------------------------------------------------

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.details.show_entry(current.data(EntryRole) if current.isValid() else None)
        self.refresh_selection_actions()

    def selected_entry(self) -> Any:
        index = self.list.currentIndex()
        return index.data(EntryRole) if index.isValid() else None

    def _selected_id(self) -> int | None:
        entry = self.selected_entry()
        return entry.id if entry is not None else None

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def open_editor(self, entry: Any = None) -> Any:
        from healthviz_desktop.ui.entry_editor import EntryEditor

        editor = EntryEditor(self.journal, entry, self, rollover_hour=self.settings.day_rollover_hour, hub=self.hub)
        editor.saved.connect(lambda _entry: self.flash("Saved."))
        editor.open()
        return editor

    def new_entry(self) -> Any:
        if self.read_only_reason:  # Ctrl+N with the action off: say why rather than nothing
            self.flash(f"No new entry: the journal is read-only ({self.read_only_reason}).", 15_000)
            return None
        return self.open_editor(None) if self.journal is not None else None

    def edit_entry(self) -> Any:
        entry = self.selected_entry()
        return self.open_editor(entry) if entry is not None else None

    def delete_selected(self) -> None:
        self.trash.delete_selected()

    def undo_delete(self) -> None:
        self.trash.undo()

    def apply_rollover(self, hour: int) -> None:
        """The hour a journal day starts, from Settings: "Today" in the list and the details follow at once."""
        self.model.set_rollover_hour(hour)
        self.details.rollover_hour = hour
        if self.details.entry is not None:
            self.details.show_entry(self.details.entry)

    # ---- other windows -------------------------------------------------------------------------

    def selected_ids(self) -> builtins.list[int]:  # `list` is the list view in this class
        """The selected entries' ids, newest first (the list allows Shift/Ctrl selection)."""
        rows = sorted(i.row() for i in self.list.selectionModel().selectedIndexes())
        return [e.id for e in (self.model.entry_at(r) for r in rows) if e is not None and e.id is not None]

    def compose(self) -> None:
        from healthviz_desktop.ui.compose_actions import compose

        compose(self)

    def open_settings(self) -> Any:
        from healthviz_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.paths, self, read_only=self.read_only_reason)
        dialog.applied.connect(self.data.settings_applied)
        dialog.backup_requested.connect(lambda: self.data.backup_now(dialog.refresh_backups))
        dialog.restore_requested.connect(lambda path: self.data.restore(path, dialog))
        dialog.open()
        return dialog

    @property
    def trends(self) -> Any:
        """The trends view, created on first use (ui/window_tabs.py)."""
        if self._trends is None:
            self._trends = window_tabs.build_trends(self)
        return self._trends

    def refresh_trends(self) -> None:
        if self._trends is not None:
            self._trends.refresh()

    def trends_range(self) -> tuple[Any, Any] | None:
        """The period the Trends tab shows, when it is the tab in front."""
        if self.tabs.currentIndex() != 1 or self._trends is None:
            return None
        shown = self._trends.date_range()
        return shown.first, shown.last

    @property
    def clips(self) -> Any:
        """The Clips tab, created on first use (ui/clips_links.py)."""
        if self._clips is None:
            self._clips = window_tabs.build_clips(self)
        return self._clips

    def _task_failed(self, exc: BaseException, what: str = "") -> None:
        """Every failure of the window's own work is said here (ui/failures.py)."""
        from healthviz_desktop.ui.failures import show_failure

        self.problem_box = show_failure(self, exc, what)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange and self.journal is not None:
            # light/dark switched, from Settings or by the OS: the details' and charts' colours follow
            if self.details.entry is not None:
                self.details.show_entry(self.details.entry)
            self.refresh_trends()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A clip being made stops between two steps, kept for next time; a save, backup or import finishes
        # before the journal closes.
        journal = self.hub.detach(wait_ms=60_000)
        self.pools.wait(60_000)
        if journal is not None:
            journal.close()
        super().closeEvent(event)
