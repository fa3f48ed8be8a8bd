"""The window's menus, toolbar and keyboard shortcuts (Ctrl+N new, Ctrl+F search, Del delete,
Ctrl+Z undo a delete or a removal of the demo entries, Ctrl+1/2/3 journal/trends/clips, Ctrl+P compose a clip
prompt). Delete and Undo act on the Clips tab's clip when that tab is in front."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from healthviz_desktop.ui.main_window import MainWindow

COMPOSE_MODULE = "healthviz_desktop.ui.compose_dialog"


def _action(self: MainWindow, text: str, slot: Any, shortcut: Any = None, *, menu: Any = None,
            tip: str = "") -> QAction:
    act = QAction(text, self)
    if shortcut is not None:
        act.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    act.triggered.connect(lambda _checked=False: slot())
    if tip:
        act.setToolTip(tip)
        act.setStatusTip(tip)
    if menu is not None:
        menu.addAction(act)
    self.addAction(act)
    return act


def _about(self: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox  # not before the first paint

    from healthviz_desktop import __version__

    QMessageBox.about(self, "About HealthViz", f"HealthViz {__version__}\nA private symptom journal. "
                      "Your data stays on this computer.")


def _export_for_doctor_action(self: MainWindow, menu: Any) -> QAction:
    """File → Export for doctor… (ui/doctor_export_dialog.py, imported when chosen: after the first paint).
    Enabled once the journal is open for reading and writing."""

    def open_dialog() -> None:
        from healthviz_desktop.ui.doctor_export_dialog import open_doctor_export

        open_doctor_export(self)

    act = _action(self, "Export for &doctor…", open_dialog, menu=menu,
                  tip="A one-page report, and a labelled clip if you choose one, to show your doctor")
    act.setObjectName("exportForDoctor")
    act.setEnabled(False)
    self.journal_ready.connect(lambda: act.setEnabled(True))
    return act


def build_actions(self: MainWindow) -> None:
    bar = self.menuBar()
    file_menu, edit_menu, view_menu = bar.addMenu("&File"), bar.addMenu("&Edit"), bar.addMenu("&View")
    tools_menu, help_menu = bar.addMenu("&Tools"), bar.addMenu("&Help")
    self.act_new = _action(self, "&New entry…", self.new_entry, QKeySequence.StandardKey.New, menu=file_menu)
    file_menu.addSeparator()
    self.act_import = _action(self, "&Import JSON…", lambda: self.data.import_json(), menu=file_menu)
    self.act_export_json = _action(self, "&Export JSON…", lambda: self.data.export_json(), menu=file_menu)
    self.act_export_csv = _action(self, "Export &CSV…", lambda: self.data.export_csv(), menu=file_menu)
    _export_for_doctor_action(self, file_menu)
    file_menu.addSeparator()
    self.act_backup = _action(self, "&Back up now", lambda: self.data.backup_now(), menu=file_menu)
    self.act_settings = _action(self, "&Settings…", self.open_settings, "Ctrl+,", menu=file_menu)
    file_menu.addSeparator()
    _action(self, "&Quit", self.close, QKeySequence.StandardKey.Quit, menu=file_menu)
    self.act_edit = _action(self, "&Edit entry…", self.edit_entry, "Ctrl+E", menu=edit_menu)
    self.act_delete = _action(self, "&Delete entry", self.delete_selected, QKeySequence.StandardKey.Delete,
                                   menu=edit_menu, tip="Move the selected entry to the trash")
    self.act_undo = _action(self, "&Undo delete", self.undo_delete, QKeySequence.StandardKey.Undo,
                                 menu=edit_menu)
    self.act_undo.setEnabled(False)
    self.act_remove_demo = _action(self, "Remove &demo entries", self.trash.remove_demo_entries, menu=edit_menu,
                                   tip="Move every made-up demo entry to the trash (Undo brings them back)")
    self.act_remove_demo.setEnabled(False)
    edit_menu.addSeparator()
    _action(self, "&Find…", self.focus_search, QKeySequence.StandardKey.Find, menu=edit_menu)
    _action(self, "&Journal", lambda: self.tabs.setCurrentIndex(0), "Ctrl+1", menu=view_menu)
    _action(self, "&Trends", lambda: self.tabs.setCurrentIndex(1), "Ctrl+2", menu=view_menu)
    _action(self, "&Clips", lambda: self.tabs.setCurrentIndex(2), "Ctrl+3", menu=view_menu)
    self.act_compose = _action(self, "Compose clip &prompt…", self.compose, "Ctrl+P", menu=tools_menu)
    self.compose_available = importlib.util.find_spec(COMPOSE_MODULE) is not None
    if not self.compose_available:
        tip = "Clip prompts are not part of this build yet."
        self.act_compose.setToolTip(tip)
        self.act_compose.setStatusTip(tip)
        self.details.compose_button.setToolTip(tip)
    self.details.compose_button.setProperty("available", self.compose_available)
    _action(self, "&Welcome…", lambda: self.data.show_welcome(first_run=False), menu=help_menu)
    _action(self, "&About HealthViz", lambda: _about(self), menu=help_menu)
    tools = self.addToolBar("Main")
    tools.setObjectName("mainToolbar")
    tools.setMovable(False)
    for act in (self.act_new, self.act_edit, self.act_delete, self.act_compose):
        tools.addAction(act)
    self.toolbar = tools

