"""Settings: where the data lives, backups, appearance, and the private-terms list.

Private terms are names the prompt firewall must never let out (the person's own name, family,
doctors, places, employer). They stay in settings.json on this computer, like the journal.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from healthviz_desktop.core.paths import DataPaths
from healthviz_desktop.core.settings import BACKUP_INTERVALS, Settings, clean_terms, save_settings
from healthviz_desktop.ui.editor_widgets import ErrorLabel

_INTERVAL_LABELS = {"off": "Off", "daily": "Every day", "weekly": "Every week"}


class SettingsDialog(QDialog):
    applied = Signal(object)  # Settings, after they were saved
    backup_requested = Signal()
    restore_requested = Signal(object)  # Path of the backup to restore

    def __init__(self, settings: Settings, paths: DataPaths, parent: QWidget | None = None, *,
                 read_only: str | None = None) -> None:
        super().__init__(parent)
        self.read_only = read_only  # the journal's folder or file is read-only: nothing is written there
        self.folder_box: QMessageBox | None = None  # "no file manager": the folder's path to copy
        self.setWindowTitle("Settings")
        self.setObjectName("settingsDialog")
        self.resize(640, 500)
        self.settings, self.paths = settings, paths
        tabs = QTabWidget(self)
        tabs.addTab(self._data_tab(), "&Data")
        tabs.addTab(self._backup_tab(), "&Backups")
        tabs.addTab(self._appearance_tab(), "A&ppearance")
        tabs.addTab(self._terms_tab(), "&Private terms")
        self.tabs = tabs
        self.error = ErrorLabel(self)  # readable on light and dark backgrounds
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(tabs, 1)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.refresh_backups()
        if read_only:  # said first: OK applies for this session and saves nothing
            from healthviz_desktop.ui.read_only_mode import why_not

            self.error.show_errors([f"The journal is read-only ({read_only}): changes here apply until you "
                                    "close HealthViz and are not saved."])
            for button in (self.backup_now, self.restore):
                button.setEnabled(False)
                button.setToolTip(why_not(read_only))
        elif settings.unreadable:  # why the private terms look empty, and what OK will do
            from healthviz_desktop.core.settings import unreadable_message

            self.error.show_errors([unreadable_message(paths.settings, settings.unreadable)])

    # ---- tabs ----------------------------------------------------------------------------------

    def _data_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.location = QLineEdit(str(self.paths.root), page)
        self.location.setReadOnly(True)
        self.location.setAccessibleName("Data location")
        self.open_folder = QPushButton("Open folder", page)
        self.open_folder.clicked.connect(self._open_folder)
        row = QHBoxLayout()
        row.addWidget(self.location, 1)
        row.addWidget(self.open_folder)
        form.addRow("Your journal lives in", row)
        note = QLabel("Everything stays in this folder on this computer. Nothing is sent anywhere unless "
                      "you send it yourself.", page)
        note.setWordWrap(True)
        form.addRow(note)
        self.rollover = QSpinBox(page)
        self.rollover.setRange(0, 12)
        self.rollover.setSuffix(":00")
        self.rollover.setValue(self.settings.day_rollover_hour)
        self.rollover.setAccessibleName("Day starts at")
        form.addRow("A new day starts at", self.rollover)
        hint = QLabel("Entries written before this hour count for the previous day (a late night stays "
                      "with the evening you lived).", page)
        hint.setWordWrap(True)
        form.addRow(hint)
        return page

    def _backup_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.interval = QComboBox(page)
        self.interval.setAccessibleName("Automatic backups")
        for key in BACKUP_INTERVALS:
            self.interval.addItem(_INTERVAL_LABELS[key], key)
        self.interval.setCurrentIndex(self.interval.findData(self.settings.backup_interval))
        self.keep = QSpinBox(page)
        self.keep.setRange(1, 1000)
        self.keep.setValue(self.settings.backup_keep)
        self.keep.setAccessibleName("Automatic backups to keep")
        form.addRow("Automatic backups", self.interval)
        form.addRow("Keep the newest", self.keep)
        self.backups = QListWidget(page)
        self.backups.setAccessibleName("Backups")
        form.addRow(QLabel(f"Backups in {self.paths.backups}", page))
        form.addRow(self.backups)
        self.backup_now = QPushButton("Back up now", page)
        self.restore = QPushButton("Restore selected…", page)
        self.restore.setEnabled(False)
        self.backups.currentItemChanged.connect(
            lambda cur, _prev: self.restore.setEnabled(cur is not None and bool(cur.data(0x0100))
                                                       and not self.read_only))
        self.backup_now.clicked.connect(self.backup_requested)
        self.restore.clicked.connect(self._restore_clicked)
        row = QHBoxLayout()
        row.addWidget(self.backup_now)
        row.addWidget(self.restore)
        row.addStretch(1)
        form.addRow(row)
        return page

    def _appearance_tab(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        self.appearance = QButtonGroup(page)
        self.appearance_buttons: dict[str, QRadioButton] = {}
        for key, text in (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark")):
            b = QRadioButton(text, page)
            b.setChecked(self.settings.appearance == key)
            self.appearance.addButton(b)
            self.appearance_buttons[key] = b
            lay.addWidget(b)
        lay.addSpacing(12)
        self.safe_video = QCheckBox("Safe video: play clips without hardware decoding", page)
        self.safe_video.setChecked(self.settings.safe_video)
        lay.addWidget(self.safe_video)
        hint = QLabel("Turn this on if clips crash or freeze the app (known with some graphics drivers). "
                      "It takes effect the next time HealthViz starts; “healthviz --safe-video” does the "
                      "same for one run.", page)
        hint.setWordWrap(True)
        lay.addWidget(hint)
        lay.addStretch(1)
        return page

    def _terms_tab(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        intro = QLabel("Names that must never leave this computer: yours, your family's, your doctors', "
                       "places you live or work, your employer. Clip prompts are checked against this list "
                       "before anything is sent.", page)
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.terms = QListWidget(page)
        self.terms.setAccessibleName("Private terms")
        for term in self.settings.private_terms:
            self.terms.addItem(term)
        lay.addWidget(self.terms, 1)
        self.new_term = QLineEdit(page)
        self.new_term.setPlaceholderText("Add a name or place, then press Enter")
        self.new_term.setAccessibleName("New private term")
        self.new_term.returnPressed.connect(self.add_term)
        add = QPushButton("Add", page)
        add.clicked.connect(self.add_term)
        self.remove_term = QPushButton("Remove", page)
        self.remove_term.clicked.connect(self._remove_term)
        row = QHBoxLayout()
        row.addWidget(self.new_term, 1)
        row.addWidget(add)
        row.addWidget(self.remove_term)
        lay.addLayout(row)
        return page

    # ---- behaviour -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The field says "then press Enter": there Enter adds the term (returnPressed did) and stops,
        # instead of reaching QDialog, which would press OK and save and close the whole dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() is self.new_term:
            event.accept()
            return
        super().keyPressEvent(event)

    def add_term(self) -> None:
        text = " ".join(self.new_term.text().split())
        if text and text.casefold() not in {t.casefold() for t in self.term_list()}:
            self.terms.addItem(QListWidgetItem(text))
        self.new_term.clear()

    def _remove_term(self) -> None:
        for item in self.terms.selectedItems():
            self.terms.takeItem(self.terms.row(item))

    def _open_folder(self) -> None:
        from healthviz_desktop.ui.open_folder import open_folder

        self.folder_box = open_folder(self, self.paths.root)  # with no file manager: says so, offers the path

    def term_list(self) -> list[str]:
        return [self.terms.item(i).text() for i in range(self.terms.count())]

    def refresh_backups(self) -> None:
        from healthviz_desktop.core.backups import list_backups

        self.backups.clear()
        found = list_backups(self.paths)
        if not found:
            empty = QListWidgetItem("No backups yet. “Back up now” makes one.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.backups.addItem(empty)
        for info in found:
            local = info.created.astimezone()
            item = QListWidgetItem(f"{local:%a %d %b %Y %H:%M} — {info.reason} — {info.size / 1024:,.0f} KB")
            item.setData(0x0100, str(info.path))
            self.backups.addItem(item)

    def confirm_restore(self, label: str) -> bool:
        answer = QMessageBox.question(
            self, "Restore this backup?",
            f"Replace your journal with the backup from {label}?\n\nYour current journal is saved as a "
            "backup first, so this can be undone by restoring that one.")
        return answer == QMessageBox.StandardButton.Yes

    def _restore_clicked(self) -> None:
        item = self.backups.currentItem()
        if item is None or not item.data(0x0100):
            return
        if self.confirm_restore(item.text().split(" — ")[0]):
            self.restore_requested.emit(Path(item.data(0x0100)))

    def value(self) -> Settings:
        appearance = next(k for k, b in self.appearance_buttons.items() if b.isChecked())
        return replace(self.settings, appearance=appearance, backup_interval=self.interval.currentData(),
                       backup_keep=self.keep.value(), private_terms=clean_terms(self.term_list()),
                       day_rollover_hour=self.rollover.value(), safe_video=self.safe_video.isChecked())

    def accept(self) -> None:
        value = self.value()
        if self.read_only:  # for this session only: the person's read-only folder is left as it is
            self.settings = value
            self.applied.emit(value)
            super().accept()
            return
        try:
            save_settings(self.paths.settings, value, over_unreadable=True)  # the person chose to save
        except (OSError, ValueError) as exc:
            self.error.show_errors([_not_saved(exc)])
            return
        self.settings = value
        self.applied.emit(value)
        super().accept()


def _not_saved(exc: BaseException) -> str:
    """Why the settings file could not be written, in the person's words; the dialog stays open."""
    import errno

    later = " Free some space and press OK again; until then the settings you had stay in use."
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return "Settings were not saved: the disk is full." + later
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"Settings were not saved: {exc.strerror or exc}{where}. Until then the settings you had stay in use."
    return f"Settings were not saved: {exc}"
