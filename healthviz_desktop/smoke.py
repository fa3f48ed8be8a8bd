"""``healthviz --smoke-test``: does this installation work? Run on a throwaway journal, never the person's.

It is what CI runs on the installed binary (packaging/ci-test.sh), and what a person or a packager can run
after installing: the window opens (offscreen unless QT_QPA_PLATFORM says otherwise) on a demo journal, the
local renderer draws a 1 s clip, Qt's own player plays it with frames counted at a QVideoSink, the doctor
report is written when this build has one, and the keyring backend is reported. One line per check; the
exit code is 1 when any check failed. Imported only for ``--smoke-test``: nothing else pays for it.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import io
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# What Qt says when its media plugin is missing: the commonest failure of packaged PySide6 apps.
NO_BACKEND = "No QtMultimedia backends found"
CLIP_SECONDS = 1
CLIP_SIZE = (640, 360)
DEMO_DAYS = 30


class Skipped(Exception):
    """A check that does not apply to this build (its part is not built or not installed)."""


@dataclass
class SmokeRun:
    root: Path
    out: Callable[[str], None] = print
    failures: list[str] = field(default_factory=list)
    qt_messages: list[str] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def check(self, name: str, step: Callable[[], str]) -> None:
        try:
            detail = step()
        except Skipped as exc:
            self.out(f"skipped  {name}: {exc}")
            return
        except Exception as exc:
            self.failures.append(name)
            self.out(f"FAIL     {name}: {type(exc).__name__}: {exc}")
            if os.environ.get("HEALTHVIZ_SMOKE_TRACE"):  # also echoes what Qt says (see open_window)
                traceback.print_exc()
            return
        self.out(f"ok       {name}: {detail}")


def run_smoke_test(out: Callable[[str], None] = print) -> int:
    """Every check, in order; later checks that need an earlier one's result fail with a plain reason."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="healthviz-smoke-") as tmp:
        run = SmokeRun(Path(tmp), out)
        out(f"HealthViz smoke test: {describe_build()}")
        run.check("journal", lambda: make_demo_journal(run))
        run.check("window", lambda: open_window(run))
        run.check("render", lambda: render_local_clip(run))
        run.check("playback", lambda: play_clip(run))
        run.check("report", lambda: write_report(run))
        run.check("keyring", keyring_backend)
        run.check("c2pa", c2pa_library)
        close_window(run)
    if run.failures:
        out(f"smoke test FAILED: {', '.join(run.failures)}")
        return 1
    out("smoke test passed")
    return 0


def describe_build() -> str:
    from healthviz_desktop import __version__

    where = f"frozen at {Path(sys.executable).parent}" if getattr(sys, "frozen", False) else "from source"
    return f"HealthViz {__version__}, {where}, Python {sys.version.split()[0]}"


def make_demo_journal(run: SmokeRun) -> str:
    from datetime import date

    from healthviz_desktop.core.demo_data import generate_demo_entries
    from healthviz_desktop.core.journal import Journal

    journal = Journal.open(run.data_dir)
    try:
        saved = journal.add_many(generate_demo_entries(DEMO_DAYS, 1, date.today()))
        run.state["entry"] = journal.get(int(saved[0].id or 0))
        count = journal.count()
    finally:
        journal.close()
    if count != len(saved) or count == 0:
        raise RuntimeError(f"{len(saved)} demo entries saved but the journal counts {count}")
    return f"{count} demo entries in {run.data_dir}"


def open_window(run: SmokeRun) -> str:
    from PySide6.QtCore import qInstallMessageHandler

    from healthviz_desktop.ui.launch import build_window

    echo = bool(os.environ.get("HEALTHVIZ_SMOKE_TRACE"))

    def keep(_mode: Any, _context: Any, message: str) -> None:
        run.qt_messages.append(message)
        if echo:  # with QT_DEBUG_PLUGINS=1, says why a plugin did not load
            print(f"qt: {message}", file=sys.stderr)

    qInstallMessageHandler(keep)  # kept to the end: the playback check reads what Qt said
    window = build_window(run.data_dir)
    window.settings.first_run_done = True  # no welcome dialog: nobody is there to answer it
    run.state["window"] = window
    window.show()
    window.open_journal()
    if not wait_until(lambda: window.journal is not None, 60):
        raise RuntimeError("the journal did not open within 60 s")
    rows = window.model.rowCount()
    if rows == 0:
        raise RuntimeError("the window opened but its journal list is empty")
    image = window.grab().toImage()
    if image.isNull() or image.width() < 200:
        raise RuntimeError("the window drew nothing")
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return f"{rows} rows in the list, {image.width()}x{image.height()} window ({platform})"


def close_window(run: SmokeRun) -> None:
    window = run.state.pop("window", None)
    if window is not None:
        window.close()
        wait_until(lambda: False, 0.2)
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(None)


def render_local_clip(run: SmokeRun) -> str:
    from healthviz_desktop.core.prompting.composer import compose_moment
    from healthviz_desktop.core.render import probe_clip, render_clip

    entry = run.state.get("entry")
    if entry is None:
        raise RuntimeError("no demo entry to draw (the journal check failed)")
    clip = run.root / "clip.mp4"
    spec = compose_moment(entry).spec
    started = time.monotonic()
    render_clip(spec, clip, None, seconds=CLIP_SECONDS, size=CLIP_SIZE)
    info = probe_clip(clip, expect_seconds=CLIP_SECONDS)
    run.state["clip"], run.state["frames"] = clip, info.frames
    return (f"{CLIP_SECONDS} s {CLIP_SIZE[0]}x{CLIP_SIZE[1]}, {info.frames} frames of {info.codec} "
            f"in {time.monotonic() - started:.1f} s")


def play_clip(run: SmokeRun) -> str:
    from PySide6.QtCore import QCoreApplication, QUrl
    from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

    clip, expected = run.state.get("clip"), int(run.state.get("frames", 0))
    if clip is None or expected == 0:
        raise RuntimeError("no clip to play (the render check failed)")
    if QCoreApplication.instance() is None:
        raise RuntimeError("no application to play in (the window check failed)")
    player, sink = QMediaPlayer(), QVideoSink()
    player.setVideoSink(sink)
    frames: list[tuple[int, int]] = []
    errors: list[str] = []

    def on_frame(frame: QVideoFrame) -> None:
        if frame.isValid():  # the last signal after stop carries an invalid frame
            frames.append((frame.width(), frame.height()))

    sink.videoFrameChanged.connect(on_frame)
    player.errorOccurred.connect(lambda _error, text: errors.append(text))
    player.setSource(QUrl.fromLocalFile(str(clip)))
    player.play()
    def no_backend() -> bool:
        return any(NO_BACKEND in m for m in run.qt_messages)

    ended = wait_until(lambda: player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia or bool(errors)
                       or no_backend(), 30)
    player.stop()
    if no_backend():
        raise RuntimeError(f"Qt said {NO_BACKEND!r}: the FFmpeg media plugin is missing or cannot load")
    if errors:
        raise RuntimeError(f"the player failed: {errors[0]}")
    if not ended:
        raise RuntimeError(f"the clip did not reach its end within 30 s ({len(frames)} frames shown)")
    # Real-time playback may drop a frame or two, never most; AV1 reaches the end with none at all.
    if len(frames) < expected * 0.8:
        raise RuntimeError(f"only {len(frames)} of {expected} frames reached the video sink")
    if set(frames) != {CLIP_SIZE}:
        raise RuntimeError(f"frames of sizes {sorted(set(frames))}, expected {CLIP_SIZE}")
    return f"{len(frames)} of {expected} frames at the video sink, {media_plugin()}"


def media_plugin() -> str:
    """The media plugin Qt has to load (Qt names no backend through its API; the file tells)."""
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "multimedia"
    found = sorted(p.name for p in folder.glob("*.so*")) + sorted(p.name for p in folder.glob("*.dll"))
    found += sorted(p.name for p in folder.glob("*.dylib"))
    return f"plugins: {', '.join(found) or 'none in ' + str(folder)}"


def write_report(run: SmokeRun) -> str:
    """The doctor report through its command (issue 13), when this build has one."""
    import argparse

    from healthviz_desktop.cli import build_parser
    from healthviz_desktop.cli import run as run_cli

    commands = [name for action in build_parser()._actions if isinstance(action, argparse._SubParsersAction)
                for name in action.choices]
    if "report" not in commands:
        raise Skipped("not built (this version has no `healthviz report`)")
    from datetime import date, timedelta

    pdf = run.root / "report.pdf"
    period = f"{date.today() - timedelta(days=DEMO_DAYS)}..{date.today()}"
    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        code = run_cli(["--data-dir", str(run.data_dir), "report", "--range", period, "-o", str(pdf)])
    if code != 0:
        raise RuntimeError(f"`healthviz report` exited {code}: {said.getvalue().strip()[-300:]}")
    head = pdf.read_bytes()[:5] if pdf.exists() else b""
    if head != b"%PDF-":
        raise RuntimeError(f"`healthviz report` wrote no PDF at {pdf}")
    return f"{pdf.stat().st_size:,} bytes of PDF for {period}"


def keyring_backend() -> str:
    """Reported, never written to: a smoke test must not leave anything in the person's keyring."""
    from healthviz_desktop.commands.data_cmds import keyring_backend_description

    return keyring_backend_description()


def c2pa_library() -> str:
    """Content credentials (issue 13): the c2pa native library must load in the frozen build when used."""
    if importlib.util.find_spec("c2pa") is None:
        raise Skipped("not installed (c2pa-python is not part of this build)")
    c2pa = importlib.import_module("c2pa")
    version = getattr(c2pa, "sdk_version", None)
    return f"c2pa loaded ({version() if callable(version) else getattr(c2pa, '__version__', 'version unknown')})"


def wait_until(done: Callable[[], bool], seconds: float) -> bool:
    """Run Qt's event loop until ``done()`` or the time is up."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QThread

    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() >= deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QThread.msleep(5)
    return True
