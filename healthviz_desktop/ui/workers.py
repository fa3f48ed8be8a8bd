"""Run core calls off the GUI thread and post results back to it (the Picard pattern).

A task is a plain callable run on a QThreadPool. Its outcome travels back through one queued signal
into this object, which lives on the GUI thread, so callbacks always run there and may touch widgets.
Callbacks are looked up by task id, so nothing Python-side is shared with the worker thread except
the callable and its arguments.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


class _Relay(QObject):
    done = Signal(int, bool, object)
    progress = Signal(int, int, int, str)


class _Callbacks(NamedTuple):  # not a dataclass: ~1 ms less before the first paint
    on_result: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int, str], None] | None
    label: str | None
    owner: QObject | None  # callbacks are dropped once it is gone (a closed window's answers)


class _Task(QRunnable):
    def __init__(self, task_id: int, relay: _Relay, fn: Callable[..., Any], args: tuple[Any, ...],
                 kwargs: dict[str, Any], with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._id, self._relay, self._fn, self._args, self._kwargs = task_id, relay, fn, args, kwargs
        self._with_progress = with_progress

    def run(self) -> None:
        kwargs = dict(self._kwargs)
        if self._with_progress:
            kwargs["progress"] = lambda done, total, text="": self._relay.progress.emit(self._id, done, total, text)
        try:
            value = self._fn(*self._args, **kwargs)
        except BaseException as exc:  # delivered to the GUI thread; nothing may escape a pool thread
            exc.__healthviz_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._relay.done.emit(self._id, False, exc)
        else:
            self._relay.done.emit(self._id, True, value)


class Workers(QObject):
    """A small pool (the machine may have 2 cores; SQLite allows one writer anyway)."""

    activity = Signal(str, int, int)  # label, done, total (total 0: busy without a known end)
    idle = Signal()
    failed = Signal(object)  # an exception nobody asked to handle

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        # Queued: tasks emit from pool threads and this object lives on the GUI thread, so the automatic
        # connection type queues (naming Qt.ConnectionType here would cost ~30 ms before the first paint).
        self._relay.done.connect(self._on_done)
        self._relay.progress.connect(self._on_progress)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}

    def submit(self, fn: Callable[..., Any], *args: Any,
               on_result: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None,
               on_progress: Callable[[int, int, str], None] | None = None,
               label: str | None = None, with_progress: bool = False, owner: QObject | None = None,
               **kwargs: Any) -> int:
        """Run ``fn(*args, **kwargs)`` on the pool. With ``label`` the window shows a progress bar.
        With ``with_progress`` ``fn`` receives ``progress(done, total, text)``. With ``owner``, the callbacks
        are dropped if it was deleted meanwhile (the pools outlive windows: they belong to the app)."""
        task_id = next(self._ids)
        self._pending[task_id] = _Callbacks(on_result, on_error, on_progress, label, owner)
        if label:
            self.activity.emit(label, 0, 0)
        self.pool.start(_Task(task_id, self._relay, fn, args, kwargs, with_progress))
        return task_id

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def has_long_work(self) -> bool:
        return any(cb.label for cb in self._pending.values())

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every running task ends (tests, shutdown); callbacks arrive with the next events."""
        return self.pool.waitForDone(msecs)

    @Slot(int, int, int, str)
    def _on_progress(self, task_id: int, done: int, total: int, text: str) -> None:
        cb = self._pending.get(task_id)
        if cb is None:
            return
        if cb.on_progress and _alive(cb.owner):
            cb.on_progress(done, total, text)
        if cb.label:
            self.activity.emit(text or cb.label, done, total)

    @Slot(int, bool, object)
    def _on_done(self, task_id: int, ok: bool, value: object) -> None:
        cb = self._pending.pop(task_id, None)
        if cb is None:
            return
        try:
            if not _alive(cb.owner):
                return
            if ok:
                if cb.on_result:
                    cb.on_result(value)
            else:
                assert isinstance(value, BaseException)
                if cb.on_error:
                    cb.on_error(value)
                else:
                    log.error("background task failed:\n%s", getattr(value, "__healthviz_traceback__", value))
                    self.failed.emit(value)
        finally:
            if not self.has_long_work():
                self.idle.emit()


def _alive(owner: QObject | None) -> bool:
    if owner is None:
        return True
    from shiboken6 import isValid

    return bool(isValid(owner))
