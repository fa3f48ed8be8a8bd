"""Tells the window when another process (the CLI, a script, another window) changed the journal's entries.

One line hooks a window up: ``JournalWatch(paths, parent).changed_elsewhere.connect(refresh)``; and
``ignore_writes_of(journal)`` once the window's own journal is open, so its own saves (which refresh the
window already) do not come back as news. Polls ``core.journal_watch.ChangeProbe`` on the GUI thread
about once a second: a stat and one pragma, microseconds.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from healthviz_desktop.core.journal_watch import ChangeProbe
from healthviz_desktop.core.paths import DataPaths

POLL_MS = 1000


class JournalWatch(QObject):
    changed_elsewhere = Signal()  # on the GUI thread, after the other process's commit

    def __init__(self, paths: DataPaths, parent: QObject | None = None, *, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.probe = ChangeProbe(paths)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.destroyed.connect(self.probe.close)  # not self.stop: a slot of a destroyed object

    def ignore_writes_of(self, journal: Any) -> None:
        """The window's own journal (core.journal.Journal): its commits are not reported."""
        self.probe.ignore_writes_of(journal.db.own_changes)

    def poll(self) -> None:
        if self.probe.poll():
            self.changed_elsewhere.emit()

    def stop(self) -> None:
        self.timer.stop()
        self.probe.close()
