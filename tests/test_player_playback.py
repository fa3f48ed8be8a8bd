"""Real clips through the real player (ui/player): frames counted at the video widget's QVideoSink.

Run on a real display (Xvfb + a D-Bus session in CI: scripts/run-tests.sh runs the ``player`` tests in their
own invocation). Each clip's frame i is a flat grey of ``level(i)`` (tests/support/clips.py), so what Qt
shows is checked by its content: which frame a seek, a step or a loop really put on screen.
Tolerances allow a loaded machine to drop the odd frame; each still fails on the bug it is about.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.core.clip_media import AI_LABEL, ClipProvenance
from healthviz_desktop.core.settings import Settings, load_settings, save_settings
from tests.support.clips import FPS, av1_clip, counter_clip, frame_index, level
from tests.support.player_env import QT_MEDIA_NOISE, SinkLog, require_player, wait_for

pytestmark = [pytest.mark.player, QT_MEDIA_NOISE]


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("clips")
    return {"landscape": counter_clip(root / "landscape.mp4"),
            "portrait": counter_clip(root / "portrait.mp4", size=(180, 320)),
            "av1": av1_clip(root / "av1.mp4")}


@pytest.fixture
def player(qtbot: Any, tmp_path: Path) -> Any:
    require_player()
    from healthviz_desktop.ui.player import create_player
    from healthviz_desktop.ui.player.prefs import PlayerPrefs
    from healthviz_desktop.ui.player.view import ClipPlayer

    settings_path = tmp_path / "settings.json"
    save_settings(settings_path, Settings(first_run_done=True))
    widget = create_player(None, PlayerPrefs(load_settings(settings_path), settings_path))
    assert isinstance(widget, ClipPlayer)
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _playing_to_end(qtbot: Any, player: Any, clip: Path) -> tuple[SinkLog, float]:
    log = SinkLog(player.video.videoSink())
    player.open(clip, ClipProvenance("Test service", "model-x"))
    wait_for(qtbot, lambda: player.state in ("ended", "unplayable"))
    assert player.state == "ended", player.problem
    valid = log.valid
    return log, valid[-1][0] - valid[0][0]


def test_a_clip_plays_every_frame_in_order_with_its_provenance_beside_it(qtbot: Any, player: Any,
                                                                        clips: dict[str, Path]) -> None:
    log, _wall = _playing_to_end(qtbot, player, clips["landscape"])
    shown = [frame_index(grey) for _t, _ok, grey, _us in log.valid]
    assert len(shown) >= 48 * 0.8  # real time: a loaded machine may drop a few, never most
    assert shown[0] == 0 and shown[-1] >= 46
    assert shown == sorted(shown)  # never backwards
    assert player.frames_shown == len(shown)
    assert player.bar.total.text() == "0:02.0"
    assert player.side.label.text() == AI_LABEL and player.side.label.isVisible()
    assert player.side.rows()["Made by"] == "Test service" and player.side.rows()["Model"] == "model-x"
    assert "320×180 (landscape), 2.0 s, H.264" in player.side.file_info.text()


def test_loop_delivers_frames_past_the_end_without_a_gap(qtbot: Any, player: Any, clips: dict[str, Path]) -> None:
    player.set_loop(True)
    log = SinkLog(player.video.videoSink())
    states: list[str] = []
    player.state_changed.connect(states.append)
    player.open(clips["landscape"])
    wait_for(qtbot, lambda: len(log.frames) >= 48 + 30)
    player.player.pause()
    frames = log.frames
    assert all(ok for _t, ok, _g, _us in frames), "an empty frame between two loops (the seek-to-0 gap)"
    shown = [frame_index(grey) for _t, _ok, grey, _us in frames]
    wraps = [i for i in range(1, len(shown)) if shown[i] < shown[i - 1]]
    assert wraps, "no frame from the start after the end"
    gaps = [frames[i][0] - frames[i - 1][0] for i in range(1, len(frames))]
    typical = statistics.median(gaps)
    for i in wraps:
        assert shown[i - 1] >= 45 and shown[i] <= 2  # the end, then the start again
        # Seeking back to 0 at EndOfMedia stops, shows an empty frame and restarts: far more than a frame.
        assert gaps[i - 1] < max(0.2, 4 * typical), f"{gaps[i - 1]:.3f} s gap at the loop (typical {typical:.3f})"
    assert "ended" not in states


def test_a_seek_lands_within_one_frame_even_when_asked_before_the_clip_has_loaded(
        qtbot: Any, player: Any, clips: dict[str, Path]) -> None:
    log = SinkLog(player.video.videoSink())
    player.open(clips["landscape"], autoplay=False)
    player.seek(1250)  # at once: Qt would ignore this before LoadedMedia; the player keeps it until then
    for target_ms in (1250, 400, 1900, 42, 1000):
        if target_ms != 1250:
            log.clear()
            player.seek(target_ms)
        wanted = int(target_ms * FPS / 1000)
        wait_for(qtbot, lambda w=wanted: any(abs(frame_index(g) - w) <= 1 for _t, ok, g, _us in log.frames if ok))
        qtbot.wait(150)  # let any later frame arrive: the last one shown is what counts
        last = frame_index(log.valid[-1][2])
        assert abs(last - wanted) <= 1, f"asked for {target_ms} ms (frame {wanted}), shown frame {last}"


def test_frame_step_and_one_second_jumps_from_the_keyboard(qtbot: Any, player: Any, clips: dict[str, Path]) -> None:
    from PySide6.QtCore import Qt

    log = SinkLog(player.video.videoSink())
    player.open(clips["landscape"], autoplay=False)
    player.seek(int(10.5 * 1000 / FPS))
    wait_for(qtbot, lambda: bool(log.valid) and frame_index(log.valid[-1][2]) == 10)
    player.setFocus()

    def press_and_see(key: Any, expected: int) -> None:
        qtbot.keyClick(player, key)
        wait_for(qtbot, lambda: frame_index(log.valid[-1][2]) == expected, 5000)

    press_and_see(Qt.Key.Key_Period, 11)  # exactly one frame, not the one before or after
    press_and_see(Qt.Key.Key_Period, 12)
    press_and_see(Qt.Key.Key_Comma, 11)
    press_and_see(Qt.Key.Key_L, 11 + FPS)
    press_and_see(Qt.Key.Key_Left, 11)
    press_and_see(Qt.Key.Key_Right, 11 + FPS)
    press_and_see(Qt.Key.Key_J, 11)
    assert player.state == "paused"
    qtbot.keyClick(player, Qt.Key.Key_Space)
    wait_for(qtbot, lambda: player.state == "playing", 5000)
    qtbot.keyClick(player, Qt.Key.Key_K)
    wait_for(qtbot, lambda: player.state == "paused", 5000)
    qtbot.keyClick(player, Qt.Key.Key_M)
    assert player.muted and player.bar.mute_button.isChecked()


def test_speed_two_halves_the_wall_time_and_is_remembered(qtbot: Any, player: Any, clips: dict[str, Path],
                                                          tmp_path: Path) -> None:
    _log, normal = _playing_to_end(qtbot, player, clips["landscape"])
    player.bar.speed.setCurrentIndex(player.bar.speed.findData(2.0))
    player.bar.speed.activated.emit(player.bar.speed.currentIndex())  # what choosing it in the list does
    log, fast = _playing_to_end(qtbot, player, clips["landscape"])
    assert 0.35 < fast / normal < 0.7, f"1x took {normal:.2f} s, 2x took {fast:.2f} s"
    assert len(log.valid) >= 48 * 0.5
    assert load_settings(tmp_path / "settings.json").player_speed == 2.0
    again = type(player)(None, player.prefs.__class__(load_settings(tmp_path / "settings.json"), None))
    qtbot.addWidget(again)
    assert again.player.playbackRate() == 2.0 and again.bar.speed.currentData() == 2.0


def test_sound_is_set_up_only_for_a_clip_with_sound_and_keeps_the_mute(qtbot: Any, player: Any,
                                                                        clips: dict[str, Path], tmp_path: Path) -> None:
    from tests.support.clips import clip_with_sound

    log = SinkLog(player.video.videoSink())
    player.open(clips["landscape"])
    wait_for(qtbot, lambda: len(log.valid) >= 3)
    assert player.audio is None and player.player.audioOutput() is None  # silent: no sound device opened
    player.set_muted(True)
    player.open(clip_with_sound(tmp_path / "sound.mp4"))
    wait_for(qtbot, lambda: player.audio is not None)
    assert player.player.audioOutput() is player.audio and player.audio.isMuted()
    log.clear()
    wait_for(qtbot, lambda: len(log.valid) >= 3)  # and the picture plays as before


def test_a_clip_the_player_cannot_decode_is_reported_never_a_black_rectangle(
        qtbot: Any, player: Any, clips: dict[str, Path]) -> None:
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtGui import QDesktopServices

    log = SinkLog(player.video.videoSink())
    player.open(clips["av1"], ClipProvenance("Other service"))
    wait_for(qtbot, lambda: player.state == "unplayable")
    qtbot.wait(300)
    assert log.valid == []
    assert "AV1" in player.problem and "cannot decode" in player.problem
    assert player.stage.currentWidget() is player.message and player.message.isVisible()
    assert not player.video.isVisible()
    assert "AV1" in player.message.title.text()
    assert player.side.label.text() == AI_LABEL  # the provenance stays beside the message

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
        assert player.message.open_button.isVisible()
        player.message.open_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert catcher.urls == [str(clips["av1"])]
    # The next clip plays again in the same player.
    log.clear()
    player.open(clips["landscape"])
    wait_for(qtbot, lambda: len(log.valid) >= 5)
    assert player.stage.currentWidget() is not player.message and player.state == "playing"


def test_a_codec_the_probe_lets_through_but_qt_shows_as_nothing_is_still_reported(
        qtbot: Any, player: Any, clips: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The safety net behind the probe: the end of a clip reached with no frame shown is reported too."""
    from dataclasses import replace

    import healthviz_desktop.ui.player.view as view
    from healthviz_desktop.core.clip_media import probe_playable

    monkeypatch.setattr(view, "probe_playable", lambda clip: replace(probe_playable(clip), playable=True, problem=""))
    log = SinkLog(player.video.videoSink())
    player.open(clips["av1"])
    wait_for(qtbot, lambda: player.state == "unplayable")
    assert "without showing a single frame" in player.problem and log.valid == []
    assert player.stage.currentWidget() is player.message


@pytest.mark.qt_log_ignore(r"^Could not open media")  # Qt says it too: the point is that the player says so
def test_a_file_that_is_not_a_video_is_reported(qtbot: Any, player: Any, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.mp4"
    bogus.write_bytes(b"these are not video frames" * 100)
    player.open(bogus)
    wait_for(qtbot, lambda: player.state == "unplayable")
    assert "not a readable video" in player.problem or "could not open" in player.problem
    assert player.stage.currentWidget() is player.message


def test_a_portrait_clip_is_letterboxed_not_stretched(qtbot: Any, player: Any, clips: dict[str, Path]) -> None:
    from PySide6.QtCore import QPoint

    log = SinkLog(player.video.videoSink())
    player.open(clips["portrait"], autoplay=False)
    player.seek(int(40.5 * 1000 / FPS))  # a bright frame (level 210) against the black bars
    wait_for(qtbot, lambda: bool(log.valid) and frame_index(log.valid[-1][2]) == 40)
    qtbot.wait(300)
    video = player.video
    top_left = video.mapToGlobal(QPoint(0, 0))
    shot = video.screen().grabWindow(0, top_left.x(), top_left.y(), video.width(), video.height()).toImage()
    row = [shot.pixelColor(x, shot.height() // 2).red() for x in range(shot.width())]
    bright = [x for x, v in enumerate(row) if v > 150]
    assert bright, "the frame is not on screen"
    assert row[2] < 30 and row[-3] < 30  # black bars left and right
    width = bright[-1] - bright[0] + 1
    expected = shot.height() * 180 / 320  # the clip's own aspect at the widget's height
    assert abs(width - expected) <= 0.05 * expected + 2, f"{width}px wide, expected about {expected:.0f}px"


def test_a_still_of_the_current_frame_is_the_decoded_frame_labelled(qtbot: Any, player: Any,
                                                                    clips: dict[str, Path], tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    log = SinkLog(player.video.videoSink())
    player.open(clips["landscape"], ClipProvenance("Test service", "model-x"), autoplay=False)
    player.seek(int(20.5 * 1000 / FPS))
    wait_for(qtbot, lambda: bool(log.valid) and frame_index(log.valid[-1][2]) == 20)
    saved = player.export_still(tmp_path / "still")
    assert saved.suffix == ".png" and saved.read_bytes()[:4] == b"\x89PNG"
    image = QImage(str(saved))
    assert image.width() == 320 and image.height() > 180  # the clip's own size, a label strip below
    assert abs(image.pixelColor(160, 90).red() - level(20)) <= 4
    assert image.pixelColor(160, image.height() - 3).name() == "#fff4d6"
    assert image.text("Description") == AI_LABEL
    assert image.text("Source") == "Test service" and image.text("Model") == "model-x"
    assert "not a medical image" in image.text("Comment")


def test_full_screen_takes_the_whole_player_and_esc_brings_it_back(qtbot: Any, player: Any,
                                                                   clips: dict[str, Path]) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    layout.addWidget(player)
    host.show()
    log = SinkLog(player.video.videoSink())
    player.set_loop(True)
    player.open(clips["landscape"])
    wait_for(qtbot, lambda: len(log.valid) >= 3)
    player.setFocus()
    qtbot.keyClick(player, Qt.Key.Key_F)
    wait_for(qtbot, lambda: player.window() is not host and player.window().isFullScreen(), 5000)
    assert player.side.isVisible() and player.bar.isVisible()  # the label and controls come along
    seen = len(log.valid)
    wait_for(qtbot, lambda: len(log.valid) > seen + 5, 5000)  # still playing in full screen
    qtbot.keyClick(player, Qt.Key.Key_Escape)
    wait_for(qtbot, lambda: player.window() is host, 5000)
    assert layout.indexOf(player) >= 0 and not player.full_screen.on
    seen = len(log.valid)
    wait_for(qtbot, lambda: len(log.valid) > seen + 5, 5000)
    player.setParent(None)  # the fixture owns the player; the host goes first


def test_the_standalone_window_plays_a_clip_from_the_command_line(tmp_path: Path, clips: dict[str, Path]) -> None:
    """`healthviz play CLIP` in a child process on the same display: opens, plays, closes by itself."""
    import os
    import subprocess
    import sys

    require_player()
    env = {**os.environ, "HEALTHVIZ_SAFE_VIDEO": "1"}
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "healthviz_desktop", "--data-dir", str(tmp_path / "data"), "play",
                           str(clips["landscape"]), "--quit-after", "1.5"], capture_output=True, text=True,
                          env=env, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert time.perf_counter() - started < 30
    assert not (tmp_path / "data").exists()  # playing a clip makes no journal folder
