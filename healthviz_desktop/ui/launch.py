"""Start the window: settings and theme first (cheap), paint, then open the journal in a worker.

``HEALTHVIZ_BENCH=1`` prints start-up marks as JSON (seconds since the epoch, same clock as the
benchmark that spawned us) and quits once the journal is visible: used by benchmarks/startup.py.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from healthviz_desktop.core.paths import DataPaths
from healthviz_desktop.core.settings import load_settings
from healthviz_desktop.ui.main_window import MainWindow
from healthviz_desktop.ui.player.guard import apply_safe_video, safe_video_wanted
from healthviz_desktop.ui.theme import STYLE, STYLE_ARGS, apply_appearance, follow_system


class _FirstPaint(QObject):
    """Calls ``then`` once, after the window's first paint has happened."""

    def __init__(self, then: Callable[[], None]) -> None:
        super().__init__()
        self._then = then
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            QTimer.singleShot(0, self._then)
        return False


def parse_args(argv: list[str]) -> Path | None:
    """``--data-dir DIR`` or ``--data-dir=DIR`` (and ``--safe-video``, see safe_video_flag): all
    app._wants_window lets through to the window. By hand: setting up argparse (gettext, locale) costs a few
    ms before the first paint."""
    data_dir, rest = None, list(argv)
    while rest:
        head = rest.pop(0)
        if head == "--safe-video":
            continue
        if head == "--data-dir" and rest:
            data_dir = Path(rest.pop(0))
        elif head.startswith("--data-dir="):
            data_dir = Path(head.partition("=")[2])
        else:
            sys.exit(f"healthviz: unexpected argument {head!r}; usage: healthviz [--data-dir DIR] [--safe-video]")
    return data_dir


def make_app() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # High-DPI scale factors pass through unrounded: Qt 6's default, so not set here (that would
    # build the Qt namespace's Python type before the first paint; see ui/theme.py).
    app = QApplication([*sys.argv[:1], *STYLE_ARGS])
    app.setProperty("healthviz_style", STYLE)
    app.setApplicationName("HealthViz")
    # No application display name: Qt would append it to every title ("HealthViz — Journal — HealthViz").
    app.setOrganizationName("HealthViz")
    app.setDesktopFileName("healthviz")
    return app


def build_window(data_dir: Path | None, *, safe_video: bool = False) -> MainWindow:
    paths = DataPaths.at(data_dir)
    settings = load_settings(paths.settings)
    # Before anything can load QtMultimedia: its FFmpeg backend reads these switches when it starts.
    apply_safe_video(safe_video_wanted(settings.safe_video, safe_video))
    app = make_app()
    apply_appearance(app, settings.appearance)
    follow_system(app)
    return MainWindow(paths, settings)


def run_gui(argv: list[str]) -> int:
    os.umask(0o077)  # backups, exports and settings are private by default
    bench = os.environ.get("HEALTHVIZ_BENCH") == "1"
    marks: dict[str, float] = {"main": time.time()}
    window = build_window(parse_args(argv), safe_video="--safe-video" in argv)
    app = make_app()

    def opened_paint() -> None:
        marks["first_paint"] = time.time()
        window.open_journal()

    painter = _FirstPaint(opened_paint)
    window.installEventFilter(painter)

    if bench:
        def ready() -> None:
            window.list.viewport().repaint()
            app.processEvents()
            marks["journal_visible"] = time.time()
            marks["rows"] = float(window.model.rowCount())
            marks["rss_kb"] = float(_rss_kb())
            QTimer.singleShot(0, window.close)

        def writable() -> None:
            marks["journal_writable"] = time.time()
            marks["rss_writable_kb"] = float(_rss_kb())

        window.list_shown.connect(ready)
        window.journal_ready.connect(writable)
        window.settings.first_run_done = True  # no welcome dialog in the way of the measurement
    window.show()
    code = int(app.exec())
    if bench:  # after close: the close waited for the journal to open, so all marks are in
        print(json.dumps(marks), flush=True)
    return code


def _rss_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
