"""Start the window: settings and theme first (cheap), paint, then open the journal in a worker.

One window per journal: a second `healthviz` on the same journal raises the first window and exits
(ui/single_instance.py), listening once the journal is open (the window's JournalHub then also starts
watching for other processes' changes: ui/journal_watch.py), never before the first paint.

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
from typing import Any

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


def raise_window(window: MainWindow) -> None:
    """Bring the window to the front (a second instance asked for it)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def build_window(data_dir: Path | None, *, safe_video: bool = False) -> MainWindow:
    paths = DataPaths.at(data_dir)
    settings = load_settings(paths.settings)
    # Before anything can load QtMultimedia: its FFmpeg backend reads these switches when it starts.
    apply_safe_video(safe_video_wanted(settings.safe_video, safe_video))
    app = make_app()
    apply_appearance(app, settings.appearance)
    follow_system(app)
    return MainWindow(paths, settings)


def no_dbus_autolaunch(env: dict[str, str] | os._Environ[str] = os.environ) -> None:
    """Leave no D-Bus daemon behind. With no session bus in the environment, libdbus (used by Qt's
    accessibility bridge on X11) starts one with ``dbus-launch --autolaunch``, and it outlives the app. A user
    bus that exists but is not in the environment is named; with none at all, D-Bus users are told there is
    none (``disabled:``), which is the truth: no screen reader or keyring can be reached without a bus."""
    if env.get("DBUS_SESSION_BUS_ADDRESS"):
        return
    runtime = env.get("XDG_RUNTIME_DIR")
    bus = Path(runtime, "bus") if runtime else None
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={bus}" if bus is not None and bus.is_socket() else "disabled:"


def run_gui(argv: list[str]) -> int:
    os.umask(0o077)  # backups, exports and settings are private by default
    no_dbus_autolaunch()
    bench = os.environ.get("HEALTHVIZ_BENCH") == "1"
    marks: dict[str, float] = {"main": time.time()}
    data_dir = parse_args(argv)
    instance = _one_window_per_journal(data_dir)
    if instance is None:
        return 0
    window = build_window(data_dir, safe_video="--safe-video" in argv)
    app = make_app()

    def opened_paint() -> None:
        marks["first_paint"] = time.time()
        window.open_journal()

    def journal_open() -> None:  # not before: QtNetwork's import would delay the list
        instance.listen()
        instance.raise_requested.connect(lambda: raise_window(window))

    window.journal_ready.connect(journal_open)

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


def _one_window_per_journal(data_dir: Path | None) -> Any:
    """The SingleInstance to keep, or None when the first instance on this journal raised its window."""
    from healthviz_desktop.ui.single_instance import SingleInstance

    try:
        instance = SingleInstance(DataPaths.at(data_dir))
    except OSError:  # no private runtime folder: cannot tell, so open (revisions keep edits safe)
        return _NoInstance()
    if instance.claim():
        return instance
    make_app()  # the socket wants an application object
    if instance.ask_first_to_raise():
        print("HealthViz is already open on this journal: its window was brought to the front.", flush=True)
        return None
    print("healthviz: warning: HealthViz seems to be open on this journal already but did not answer; "
          "opening another window (edits in either are kept apart).", file=sys.stderr, flush=True)
    return _NoInstance()


class _NoInstance:
    """Stands in for SingleInstance where there is none to keep."""

    class _Never:
        def connect(self, _slot: Any) -> None:
            pass

    raise_requested = _Never()

    def listen(self) -> None:
        pass


def _rss_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
