"""The application's thread pools (after Picard's ``_init_threads``): owned by the app, not by a window.

- ``writes``: one thread. Every journal write runs here, one after another, never on the GUI thread.
- ``generation``: clip jobs, which may wait minutes on a service; they never hold up a save or the list.
- ``reads``: opening the journal, the list's pages, search, trends, exports and backups.

Results come back on the GUI thread (ui/workers.py). ``activity``/``idle`` cover all three, for the
window's progress bar.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from healthviz_desktop.ui.workers import Workers

_POOLS: AppPools | None = None


class AppPools(QObject):
    activity = Signal(str, int, int)  # label, done, total (as Workers.activity), from any pool
    idle = Signal()  # no pool has long work left

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reads = Workers(self, max_threads=2)
        self.writes = Workers(self, max_threads=1)
        self.generation = Workers(self, max_threads=2)
        for pool in self.all():
            pool.activity.connect(self.activity)
            pool.idle.connect(self._maybe_idle)

    def all(self) -> tuple[Workers, Workers, Workers]:
        return self.reads, self.writes, self.generation

    def has_long_work(self) -> bool:
        return any(pool.has_long_work() for pool in self.all())

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every running task ends (shutdown, tests)."""
        return all([pool.wait(msecs) for pool in self.all()])

    def _maybe_idle(self) -> None:
        if not self.has_long_work():
            self.idle.emit()


def app_pools() -> AppPools:
    """The pools of this application (made on first use, owned by the QApplication)."""
    global _POOLS
    if _POOLS is None:
        _POOLS = AppPools(QCoreApplication.instance())
    return _POOLS
