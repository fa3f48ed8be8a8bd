"""The window's status bar: the entry count, Undo, a message that stays a while, background progress, and
where the data lives. Built before the first paint: only cheap widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton


class StatusLine(QObject):
    def __init__(self, window: QMainWindow, data_root: Path) -> None:
        super().__init__(window)
        self.count_label = QLabel(window)
        self.count_label.setObjectName("entryCount")
        self.location_label = QLabel(f"Data: {shown_path(data_root)}", window)
        self.location_label.setObjectName("dataLocation")
        self.location_label.setToolTip(str(data_root))
        self.progress = QProgressBar(window)
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName("Background work")
        self.progress.hide()
        self.undo_button = QPushButton("Undo delete (Ctrl+Z)", window)
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.message = QLabel(window)
        self.message.setObjectName("statusMessage")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.message.clear)
        bar = window.statusBar()
        bar.addWidget(self.count_label)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.message, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.location_label)

    def flash(self, text: str, msecs: int = 6000) -> None:
        """A message that, unlike QStatusBar.showMessage, leaves the count and Undo visible."""
        self.message.setText(text)
        self._timer.start(msecs)

    def activity(self, label: str, done: int, total: int) -> None:
        self.progress.setFormat(f"{label} %p%" if total else label)
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setToolTip(label)
        self.progress.show()


def shown_path(path: Path) -> str:
    """A path as people read it: under the home folder, "~/.local/share/healthviz" (the full path is the tooltip)."""
    try:
        return "~/" + path.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(path)
