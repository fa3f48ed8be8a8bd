"""Clip thumbnails off the GUI thread: decode (or read from the cache) on a small pool, post QImages back.

The library asks for what is on screen; newer requests go first (the person scrolled there), a clip
asked for twice is decoded once, and ``forget()`` drops requests that have not started when the view
moves on. The worker makes the QImage too (QImage, unlike QPixmap, may be built on any thread), so the
GUI thread only receives finished pictures. Results come back through one queued signal, as in
ui/workers.py.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage

from healthviz_desktop.core.clip_thumbnails import ThumbnailCache, ThumbnailError


class _Relay(QObject):
    done = Signal(str, object, str)  # clip path, QImage or None, why not


class _Job(QRunnable):
    def __init__(self, loader: ThumbnailLoader) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._loader = loader

    def run(self) -> None:
        loader = self._loader
        while (clip := loader._next()) is not None:
            image, why = None, ""
            try:
                image = QImage(str(loader.cache.get(Path(clip))))
                if image.isNull():
                    image, why = None, "the cached thumbnail could not be read"
            except ThumbnailError as exc:
                why = str(exc)
            except Exception as exc:  # a worker must never die silently: the card would wait forever
                why = f"the thumbnail could not be made ({type(exc).__name__})"
            loader._relay.done.emit(clip, image, why)


class ThumbnailLoader(QObject):
    """``request(paths)`` and receive ``ready(path, QImage)`` or ``failed(path, reason)`` on the GUI thread."""

    ready = Signal(str, QImage)
    failed = Signal(str, str)

    def __init__(self, cache: ThumbnailCache, parent: QObject | None = None, *, threads: int = 2,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.pool = pool or QThreadPool(self)
        if pool is None:
            self.pool.setMaxThreadCount(threads)
        self._threads = threads
        self._lock = threading.Lock()
        self._queue: list[str] = []  # a stack: the last asked for is made first
        self._queued: set[str] = set()
        self._running = 0
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)  # queued: emitted on pool threads, this object lives here

    def request(self, clips: Iterable[Path | str]) -> None:
        """Ask for these thumbnails, the first of ``clips`` first, ahead of anything asked for before."""
        fresh = [str(c) for c in clips]
        with self._lock:
            for clip in reversed(fresh):
                if clip in self._queued:
                    self._queue.remove(clip)  # asked again: move it to the front
                self._queue.append(clip)
                self._queued.add(clip)
            wanted = min(self._threads, len(self._queue)) - self._running
            self._running += max(0, wanted)
        for _ in range(max(0, wanted)):
            self.pool.start(_Job(self))

    def forget(self, clips: Iterable[Path | str] | None = None) -> None:
        """Drop requests that have not started (all of them without ``clips``)."""
        with self._lock:
            drop = set(self._queue) if clips is None else {str(c) for c in clips}
            self._queue = [c for c in self._queue if c not in drop]
            self._queued -= drop

    def pending(self) -> int:
        with self._lock:
            return len(self._queue)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)

    def _next(self) -> str | None:
        """Called on pool threads: the next clip to make, or None (and the worker ends)."""
        with self._lock:
            if not self._queue:
                self._running -= 1
                return None
            clip = self._queue.pop()
            self._queued.discard(clip)
            return clip

    @Slot(str, object, str)
    def _on_done(self, clip: str, image: QImage | None, why: str) -> None:
        if image is not None:
            self.ready.emit(clip, image)
        else:
            self.failed.emit(clip, why)
