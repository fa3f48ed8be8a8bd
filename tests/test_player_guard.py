"""The player's guard: without Qt Multimedia, or with it but no backend, the app works and the player area
says what is missing and offers the system player; safe video reaches Qt's FFmpeg backend before it loads.

Each broken system is made for real in a child process (the module made unimportable; Qt pointed at an
empty plugin folder, which gives Qt's own "No QtMultimedia backends found"), not by faking the check.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.support.clips import counter_clip
from tests.support.require import unavailable
from tests.ui_helpers import OFFSCREEN_ONLY, seed_journal

PROBE = r"""
import json, sys
from pathlib import Path
mode, data, clip = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
if mode == "no-module":
    sys.modules["PySide6.QtMultimedia"] = None  # "import PySide6.QtMultimedia" now raises ImportError
    sys.modules["PySide6.QtMultimediaWidgets"] = None
from PySide6.QtCore import QCoreApplication, QTimer
from healthviz_desktop.ui.launch import build_window, make_app
window = build_window(data)
app = make_app()
if mode == "no-backend":
    QCoreApplication.setLibraryPaths(["/nonexistent"])  # Qt finds no multimedia plugin, as on a broken install
out = {}

def ready():
    from healthviz_desktop.ui.player import create_player
    player = create_player()
    player.open(clip)
    player.show()
    app.processEvents()
    out.update(kind=type(player).__name__, state=player.state, problem=player.problem,
               title=player.message.title.text(), text=player.message.text.text(),
               button=player.message.open_button.isVisible(), label=player.side.label.text(),
               rows=window.model.rowCount(), window=window.windowTitle())
    QTimer.singleShot(0, app.quit)

window.journal_ready.connect(ready)
window.show()
window.open_journal()
QTimer.singleShot(30000, app.quit)
app.exec()
print(json.dumps(out))
"""


def _run_broken(mode: str, tmp_path: Path) -> dict[str, Any]:
    data = tmp_path / "data"
    from tests.ui_helpers import make_entries

    seed_journal(data, make_entries(3))
    clip = counter_clip(tmp_path / "clip.mp4", frames=12)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    proc = subprocess.run([sys.executable, "-c", PROBE, mode, str(data), str(clip)], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=90, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["stderr"] = proc.stderr
    return result


def test_without_qt_multimedia_the_app_works_and_the_player_says_what_is_missing(tmp_path: Path) -> None:
    got = _run_broken("no-module", tmp_path)
    assert got["rows"] > 0 and got["window"].startswith("HealthViz")  # the journal opened as usual
    assert got["kind"] == "UnavailablePlayer" and got["state"] == "unavailable"
    assert "Qt Multimedia" in got["problem"] and "could not be loaded" in got["problem"]
    assert got["title"] == "The built-in player is not available"
    assert got["button"] is True and "system's own video player" in got["text"]
    assert got["label"] == "AI-generated illustration — not a medical image"


def test_with_qt_multimedia_but_no_backend_the_player_says_so(tmp_path: Path) -> None:
    try:
        import PySide6.QtMultimedia  # noqa: F401
    except ImportError as exc:
        unavailable(f"could not import PySide6.QtMultimedia: {exc}")
    got = _run_broken("no-backend", tmp_path)
    assert "No QtMultimedia backends found" in got["stderr"]  # the real condition, in Qt's own words
    assert got["rows"] > 0
    assert got["kind"] == "UnavailablePlayer"
    assert "no video backend" in got["problem"] and "libxrandr2" in got["problem"]
    assert got["button"] is True


@OFFSCREEN_ONLY
def test_the_unavailable_panel_hands_the_clip_to_the_system_player(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtGui import QDesktopServices

    from healthviz_desktop.core.clip_media import ClipProvenance
    from healthviz_desktop.ui.player.unavailable import UnavailablePlayer

    panel = UnavailablePlayer("Qt Multimedia, which plays video, could not be loaded (test).")
    qtbot.addWidget(panel)
    assert not panel.message.open_button.isVisibleTo(panel)  # nothing to open yet
    clip = tmp_path / "made up.mp4"
    clip.write_bytes(b"x")
    panel.open(clip, ClipProvenance("Example service", "model-y"))
    panel.show()
    assert panel.side.rows()["Made by"] == "Example service" and panel.side.rows()["Model"] == "model-y"

    class Catcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[str] = []

        @Slot("QUrl")
        def take(self, url: Any) -> None:
            self.urls.append(url.toLocalFile())

    catcher = Catcher()
    QDesktopServices.setUrlHandler("file", catcher, "take")
    try:
        panel.message.open_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert catcher.urls == [str(clip)]


SAFE_PROBE = r"""
import json, os, sys
from pathlib import Path
from healthviz_desktop.ui.launch import build_window
build_window(Path(sys.argv[1]), safe_video=sys.argv[2] == "flag")
print(json.dumps({"env": {k: os.environ.get(k) for k in ("QT_FFMPEG_DECODING_HW_DEVICE_TYPES",
                  "QT_FFMPEG_ENCODING_HW_DEVICE_TYPES", "QT_DISABLE_HW_TEXTURES_CONVERSION")},
                  "multimedia_loaded": "PySide6.QtMultimedia" in sys.modules}))
"""
SAFE_ON = {"QT_FFMPEG_DECODING_HW_DEVICE_TYPES": ",", "QT_FFMPEG_ENCODING_HW_DEVICE_TYPES": ",",
           "QT_DISABLE_HW_TEXTURES_CONVERSION": "1"}


@pytest.mark.parametrize("how", ["flag", "env", "setting", "none"])
def test_safe_video_is_set_before_qt_multimedia_loads(tmp_path: Path, how: str) -> None:
    from healthviz_desktop.core.settings import Settings, save_settings

    data = tmp_path / "data"
    save_settings(data / "settings.json", Settings(first_run_done=True, safe_video=how == "setting"))
    env = {k: v for k, v in os.environ.items() if k not in SAFE_ON and k != "HEALTHVIZ_SAFE_VIDEO"}
    env.update(QT_QPA_PLATFORM="offscreen", HEALTHVIZ_SAFE_VIDEO="1" if how == "env" else "0")
    proc = subprocess.run([sys.executable, "-c", SAFE_PROBE, str(data), how], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["multimedia_loaded"] is False  # set early enough: nothing has loaded the backend yet
    assert got["env"] == (SAFE_ON if how != "none" else dict.fromkeys(SAFE_ON))


def test_the_window_accepts_the_safe_video_flag() -> None:
    from healthviz_desktop.app import _wants_window
    from healthviz_desktop.ui.launch import parse_args

    assert _wants_window(["--safe-video"]) and _wants_window(["--data-dir", "x", "--safe-video"])
    assert parse_args(["--safe-video", "--data-dir", "/tmp/x"]) == Path("/tmp/x")
    assert not _wants_window(["--safe-video", "play", "clip.mp4"])


HW_PROBE = r"""
import sys, time
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
from healthviz_desktop.ui.player.guard import apply_safe_video
apply_safe_video(sys.argv[2] == "safe")
from PySide6.QtMultimedia import QMediaPlayer, QVideoSink
app = QApplication([])
player, sink = QMediaPlayer(), QVideoSink()
player.setVideoSink(sink)
player.setSource(QUrl.fromLocalFile(sys.argv[1]))
player.play()
end = time.time() + 3
while time.time() < end and player.mediaStatus() != QMediaPlayer.MediaStatus.EndOfMedia:
    app.processEvents()
    time.sleep(0.01)
"""


def _hw_decoding_checks(clip: Path, mode: str) -> list[str]:
    """The hardware decoders Qt's FFmpeg backend tried while listing its decoding frameworks."""
    env = {k: v for k, v in os.environ.items() if k not in SAFE_ON and k != "HEALTHVIZ_SAFE_VIDEO"}
    env.update(QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.multimedia.ffmpeg*=true")
    proc = subprocess.run([sys.executable, "-c", HW_PROBE, str(clip), mode], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    log = proc.stderr
    start = log.find("Available HW decoding frameworks:")
    end = log.find("Available HW encoding frameworks:", start)
    assert start >= 0 and end > start, "Qt no longer logs its hardware decoding frameworks: review this test"
    return [line for line in log[start:end].splitlines() if "Checking HW context" in line]


def test_safe_video_really_turns_hardware_decoding_off_in_qt(tmp_path: Path) -> None:
    try:
        import PySide6.QtMultimedia  # noqa: F401
    except ImportError as exc:
        unavailable(f"could not import PySide6.QtMultimedia: {exc}")
    clip = counter_clip(tmp_path / "clip.mp4", frames=6)
    assert _hw_decoding_checks(clip, "normal"), "normally Qt tries a hardware decoder (VAAPI here) first"
    assert _hw_decoding_checks(clip, "safe") == []


@OFFSCREEN_ONLY
def test_the_safe_video_switch_in_settings_is_saved_and_keeps_the_player_speed(qtbot: Any, tmp_path: Path) -> None:
    from healthviz_desktop.core.paths import DataPaths
    from healthviz_desktop.core.settings import Settings, load_settings, save_settings
    from healthviz_desktop.ui.settings_dialog import SettingsDialog

    paths = DataPaths.at(tmp_path / "data")
    save_settings(paths.settings, Settings(first_run_done=True, player_speed=1.5))
    dialog = SettingsDialog(load_settings(paths.settings), paths)
    qtbot.addWidget(dialog)
    assert not dialog.safe_video.isChecked()
    dialog.safe_video.setChecked(True)
    dialog.accept()
    saved = load_settings(paths.settings)
    assert saved.safe_video is True and saved.player_speed == 1.5
