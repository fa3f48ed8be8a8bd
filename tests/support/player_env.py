"""What the real-player tests need: Qt Multimedia with a backend, and a real display (Xvfb in CI).

They are marked ``player`` and run in their own pytest invocation under ``xvfb-run`` + ``dbus-run-session``
(scripts/run-tests.sh); the offscreen platform never shows video. Without Qt Multimedia, a backend or a
display they skip when run by hand and fail under run-tests.sh (tests/support/require.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from tests.support.require import unavailable

# Said at WARNING level by Qt on a machine with no GPU and no sound card, then it decodes in software and
# plays silently. Nothing else is ignored: any other Qt warning fails the test.
QT_MEDIA_NOISE = pytest.mark.qt_log_ignore(
    r"^Couldn't (load|resolve) va", r"No HW decoder found", r".*No RHI backend.*",
    r".*(audio|Audio|pulse|Pulse|ALSA).*", r"^This plugin does not support propagateSizeHints\(\)$")


def require_player() -> None:
    """Fail/skip unless the real player can show video here."""
    from PySide6.QtGui import QGuiApplication

    from healthviz_desktop.ui.player.guard import multimedia_problem

    problem = multimedia_problem()
    if problem is not None:
        unavailable(problem)
    platform = QGuiApplication.platformName()
    if platform in ("offscreen", "minimal"):
        unavailable(f"the {platform} Qt platform shows no video: run under xvfb-run (scripts/run-tests.sh)")


class SinkLog:
    """Every frame arriving at a video sink: (wall time, valid, grey level at the centre, start time µs)."""

    def __init__(self, sink: Any) -> None:
        self.frames: list[tuple[float, bool, int, int]] = []
        sink.videoFrameChanged.connect(self._on_frame)

    def _on_frame(self, frame: Any) -> None:
        if not frame.isValid():
            self.frames.append((time.perf_counter(), False, -1, -1))
            return
        image = frame.toImage()
        grey = image.pixelColor(image.width() // 2, image.height() // 2).red()
        self.frames.append((time.perf_counter(), True, grey, frame.startTime()))

    @property
    def valid(self) -> list[tuple[float, bool, int, int]]:
        return [f for f in self.frames if f[1]]

    def clear(self) -> None:
        self.frames.clear()


def wait_for(qtbot: Any, condition: Callable[[], bool], timeout_ms: int = 15_000) -> None:
    qtbot.waitUntil(condition, timeout=timeout_ms)
