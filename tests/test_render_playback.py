"""A clip from the local renderer plays to the end in Qt's own player (offscreen QMediaPlayer + QVideoSink).

Frames are counted: Qt's FFmpeg backend reaches EndOfMedia with zero frames for codecs it cannot decode
(AV1), so reaching the end proves nothing by itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from healthviz_desktop.core.render import probe_clip, render_clip
from tests.fake_videos_server import scene
from tests.support.require import unavailable

try:
    import PySide6.QtMultimedia  # noqa: F401
    _MISSING: str | None = None
except ImportError as exc:
    _MISSING = f"could not import PySide6.QtMultimedia: {exc}"


@pytest.fixture(autouse=True)
def _qt_multimedia() -> None:
    """Skips without Qt Multimedia; fails instead under scripts/run-tests.sh (HEALTHVIZ_REQUIRE_ALL=1)."""
    if _MISSING is not None:
        unavailable(_MISSING)


# No GPU and no sound card on a test machine: Qt says so at WARNING level, then decodes in software.
@pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) va", r".*No RHI backend.*", r".*(audio|Audio|pulse|ALSA).*")
def test_a_rendered_clip_plays_to_the_end_in_qt_with_every_frame(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

    clip = tmp_path / "clip.mp4"
    render_clip(scene(motions=("pulse", "embers", "arcs")), clip, None, seconds=2, size=(1280, 720))
    decoded = probe_clip(clip, expect_seconds=2)

    player, sink = QMediaPlayer(), QVideoSink()
    player.setVideoSink(sink)
    frames: list[tuple[int, int]] = []
    middle: list[Any] = []

    def on_frame(frame: QVideoFrame) -> None:
        if not frame.isValid():
            return  # the last signal after stop carries an invalid frame
        frames.append((frame.width(), frame.height()))
        if len(frames) == decoded.frames // 2:
            middle.append(frame.toImage())

    sink.videoFrameChanged.connect(on_frame)
    errors: list[str] = []
    player.errorOccurred.connect(lambda _e, text: errors.append(text))
    player.setSource(QUrl.fromLocalFile(str(clip)))
    player.play()
    qtbot.waitUntil(lambda: player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia or bool(errors),
                    timeout=20_000)
    player.stop()
    assert errors == []
    assert len(frames) >= decoded.frames * 0.8  # real-time playback may drop a frame or two, never most
    assert set(frames) == {(1280, 720)}
    assert middle and not middle[0].isNull()
    image = middle[0]
    path = tmp_path / "middle.png"
    assert image.save(str(path))
    centre = image.pixelColor(image.width() // 2, int(image.height() * 0.29))  # the crown motif
    corner = image.pixelColor(8, 8)
    assert centre.lightness() > corner.lightness() + 80  # light in the middle, dark ground at the edge
