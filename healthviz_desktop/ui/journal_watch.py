"""Tells the window when another process (the CLI, a script, another window, a restore) changed the journal.

The window's JournalHub owns one (``JournalHub.follow_others``) and turns ``changed_elsewhere`` into its one
``changed`` signal, so the list, the details and trends refresh as they do after the window's own writes.
The hub's journal is ignored (``ignore_writes_of``): its own saves refresh the window already and must not
come back as news. Polls ``core.journal_watch.ChangeProbe`` on the GUI thread about once a second: a stat
and one pragma, microseconds.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from healthviz_desktop.core.journal_watch import ChangeProbe
from healthviz_desktop.core.paths import DataPaths

POLL_MS = 1000


class JournalWatch(QObject):
    changed_elsewhere = Signal()  # on the GUI thread, after the other process's commit

    def __init__(self, paths: DataPaths, parent: QObject | None = None, *, interval_ms: int = POLL_MS,
                 since: int | None = None) -> None:
        super().__init__(parent)
        self.probe = ChangeProbe(paths, since)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.destroyed.connect(self.probe.close)  # not self.stop: a slot of a destroyed object

    def ignore_writes_of(self, journal: Any) -> None:
        """The window's own journal (core.journal.Journal): its commits are not reported. A journal opened
        again (after a restore) replaces the one before."""
        self.probe.ignore_writes_of(journal.db.own_changes, only=True)

    def poll(self) -> None:
        if self.probe.poll():
            self.changed_elsewhere.emit()

    def pause(self) -> None:
        """The window is replacing the journal itself (a restore): nothing to report meanwhile."""
        self.timer.stop()
        self.probe.close()

    def resume(self) -> None:
        """Watch again from what the journal holds now (the window has just reloaded it)."""
        self.probe.rebaseline()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.probe.close()
