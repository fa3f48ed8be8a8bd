"""The embedded clip player: QMediaPlayer + QVideoWidget, a transport bar, and the clip's provenance beside it.

Imported only when a player is opened (ui/player/__init__.py): QtMultimedia never loads before the window's
first paint, and on a system without it this module is never imported at all.

Facts of Qt's FFmpeg backend this follows (../shared/notes/stack-facts.md):
- ``setPosition`` before the media has loaded is ignored, so a seek asked for earlier waits for LoadedMedia;
- a seek lands on the frame showing at that instant, so a frame step aims at the middle of the next frame;
- ``setLoops(Infinite)`` loops without a gap (seeking back to 0 at the end leaves a black frame);
- some codecs (AV1) play as zero frames with no error, so every clip is probed with PyAV while it loads,
  and a clip the player cannot show is reported in words, never left as a black rectangle.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QImage, QKeyEvent, QMouseEvent
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from healthviz_desktop.core.clip_media import ClipProbe, ClipProvenance, codec_label, probe_playable
from healthviz_desktop.core.settings import PLAYER_SPEEDS
from healthviz_desktop.ui.player.controls import TransportBar
from healthviz_desktop.ui.player.fullscreen import FullScreen
from healthviz_desktop.ui.player.panels import MessagePanel, ProvenancePanel
from healthviz_desktop.ui.player.prefs import PlayerPrefs
from healthviz_desktop.ui.player.still import StillError, default_still_name, save_still

_Status = QMediaPlayer.MediaStatus
_LOADED = (_Status.LoadedMedia, _Status.BufferingMedia, _Status.BufferedMedia, _Status.EndOfMedia)
DEFAULT_FPS = 24.0


class _ProbeRelay(QObject):
    done = Signal(int, object)  # open token, ClipProbe


class _ProbeTask(QRunnable):
    def __init__(self, token: int, clip: Path, relay: _ProbeRelay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._token, self._clip, self._relay = token, clip, relay

    def run(self) -> None:
        try:
            probe = probe_playable(self._clip)
        except Exception as exc:  # never leave the player waiting for an answer
            probe = ClipProbe(self._clip, False, f"the file could not be examined ({type(exc).__name__})")
        self._relay.done.emit(self._token, probe)


class ClipPlayer(QWidget):
    """``open(path, provenance)`` shows a clip. ``state`` is one of: empty, loading, playing, paused, ended,
    unplayable; ``problem`` says why when unplayable."""

    state_changed = Signal(str)
    frame_shown = Signal()  # each frame the video sink receives (tests, the benchmark's first frame)

    def __init__(self, parent: QWidget | None = None, prefs: PlayerPrefs | None = None) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.setObjectName("clipPlayer")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.prefs = prefs
        self.clip: Path | None = None
        self.provenance: ClipProvenance | None = None
        self.probe: ClipProbe | None = None
        self.state, self.problem = "empty", ""
        self.frames_shown = 0
        self._frame_us = -1  # start time of the frame on screen
        self._pending_seek: int | None = None
        self._tokens = itertools.count(1)
        self._token = 0
        self._probed = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _ProbeRelay(self)
        self._relay.done.connect(self._on_probe)
        self.full_screen = FullScreen(self)

        self.player = QMediaPlayer(self)
        # The audio output is made when a clip has sound (hasAudioChanged, at load): most clips are silent,
        # and opening the sound system would delay the first frame for nothing.
        self.audio: QAudioOutput | None = None
        self.muted = False
        self.video = QVideoWidget(self)
        self.video.setObjectName("video")
        self.video.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)  # portrait clips letterboxed
        self.video.installEventFilter(self)
        self.bar = TransportBar(self)
        self.message = MessagePanel(self)
        self.side = ProvenancePanel(self)

        video_page = QWidget(self)
        column = QVBoxLayout(video_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.video, 1)
        column.addWidget(self.bar)
        self.stage = QStackedWidget(self)
        self.stage.addWidget(video_page)
        self.stage.addWidget(self.message)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.stage, 1)
        row.addWidget(self.side)

        self.video.videoSink().videoFrameChanged.connect(self._on_frame)
        self.player.mediaStatusChanged.connect(self._on_status)
        self.player.playbackStateChanged.connect(self._on_playback)
        self.player.positionChanged.connect(self.bar.show_position)
        self.player.durationChanged.connect(self.bar.show_duration)
        self.player.errorOccurred.connect(self._on_error)
        self.player.hasAudioChanged.connect(self._on_audio)
        self.bar.toggle_play.connect(self.toggle_play)
        self.bar.step.connect(self.step)
        self.bar.seek_to.connect(self.seek)
        self.bar.speed_chosen.connect(self.set_speed)
        self.bar.loop_toggled.connect(self.set_loop)
        self.bar.mute_toggled.connect(self.set_muted)
        self.bar.still_wanted.connect(self.export_still_dialog)
        self.bar.full_screen_wanted.connect(self.full_screen.toggle)
        self.set_speed(prefs.speed if prefs else 1.0, remember=False)
        self.bar.show_loop(False)
        self.side.show_clip(None)

    # ---- opening -------------------------------------------------------------------------------------
    def open(self, clip: Path, provenance: ClipProvenance | None = None, *, autoplay: bool = True) -> None:
        """Show ``clip``; it starts playing at once while PyAV checks it beside the player."""
        self.clip, self.provenance, self.probe = Path(clip), provenance, None
        self.frames_shown, self._frame_us, self._pending_seek = 0, -1, None
        self._token = next(self._tokens)
        self._probed = False
        self.stage.setCurrentIndex(0)
        self._set_state("loading")
        if self.player.videoOutput() is None:
            # Bound at the first open, once the widget is usually on screen: bound before its window exists,
            # Qt redoes the video path when it appears, and the first frame came ~10 ms later (measured).
            self.player.setVideoOutput(self.video)
        self.player.setSource(QUrl.fromLocalFile(str(self.clip.resolve())))
        if autoplay:
            self.player.play()
        else:
            self.player.pause()  # loads and shows the first frame
        self.side.show_clip(provenance)  # after: Qt's loading is under way while these labels are made
        # The probe waits for the first frame (or the end, an error, a quarter second) so that it never
        # competes with the player for the first frame on a busy machine.
        token = self._token
        QTimer.singleShot(250, lambda: self._start_probe() if token == self._token else None)

    def _start_probe(self) -> None:
        if not self._probed and self.clip is not None:
            self._probed = True
            self._pool.start(_ProbeTask(self._token, self.clip, self._relay))

    @Slot(int, object)
    def _on_probe(self, token: int, probe: ClipProbe) -> None:
        if token != self._token:
            return  # an answer about a clip no longer open
        self.probe = probe
        self.side.show_file(probe)
        if not probe.playable:
            self._refuse(f"This clip cannot be shown here: {probe.problem}.", codec=probe.codec)

    def _refuse(self, why: str, codec: str = "") -> None:
        self.player.stop()
        self.player.setSource(QUrl())
        title = "This clip cannot be played here"
        if codec and self.probe is not None and not self.probe.playable and self.probe.codec == codec:
            title = f"This {codec_label(codec)} clip cannot be played here"
        hint = ("Your system's own video player may be able to show it." if self.clip and self.clip.is_file()
                else "")
        self.problem = why
        self.message.say(title, f"{why} {hint}".strip(), self.clip if self.clip and self.clip.is_file() else None)
        self.stage.setCurrentIndex(1)
        self._set_state("unplayable")

    # ---- what the person can do ----------------------------------------------------------------------
    def toggle_play(self) -> None:
        if self.state == "unplayable" or self.clip is None:
            return
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def seek(self, ms: int) -> None:
        """Go to ``ms`` (clamped to the clip); waits for the media to load when it has not yet."""
        duration = self.player.duration()
        ms = max(0, min(int(ms), duration - 1 if duration > 0 else int(ms)))
        if self.player.mediaStatus() in _LOADED:
            self.player.setPosition(ms)
        else:
            self._pending_seek = ms

    def jump(self, ms: int) -> None:
        self.seek(self.player.position() + ms)

    def step(self, frames: int) -> None:
        """Pause, then show the frame ``frames`` away (aiming at its middle: a seek to a frame's exact start
        time may show the one before)."""
        self.player.pause()
        frame_ms = 1000.0 / self.fps
        current = round(self._frame_us / 1000 / frame_ms) if self._frame_us >= 0 else \
            int(self.player.position() / frame_ms)
        self.seek(int((current + frames + 0.5) * frame_ms))

    @property
    def fps(self) -> float:
        if self.probe is not None and self.probe.fps > 0:
            return self.probe.fps
        rate = self.player.metaData().value(self.player.metaData().Key.VideoFrameRate)
        return float(rate) if isinstance(rate, int | float) and rate > 0 else DEFAULT_FPS

    def set_speed(self, speed: float, *, remember: bool = True) -> None:
        speed = speed if speed in PLAYER_SPEEDS else 1.0
        self.player.setPlaybackRate(speed)
        self.bar.show_speed(speed)
        if remember and self.prefs is not None:
            self.prefs.remember_speed(speed)

    def set_loop(self, on: bool) -> None:
        # Infinite loops are gapless in the FFmpeg backend; restarting at EndOfMedia is not.
        self.player.setLoops(QMediaPlayer.Loops.Infinite if on else QMediaPlayer.Loops.Once)
        self.bar.show_loop(on)

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if self.audio is not None:
            self.audio.setMuted(muted)
        self.bar.show_muted(muted)

    def _on_audio(self, has_audio: bool) -> None:
        if has_audio and self.audio is None:
            self.audio = QAudioOutput(self)
            self.audio.setMuted(self.muted)
            self.player.setAudioOutput(self.audio)

    def current_frame(self) -> QImage:
        """The frame on screen at the clip's own size (QWidget.grab is blank for video)."""
        return self.video.videoSink().videoFrame().toImage()

    def export_still(self, path: Path) -> Path:
        position = self._frame_us // 1000 if self._frame_us >= 0 else self.player.position()
        return save_still(self.current_frame(), self.provenance, position, path)

    def export_still_dialog(self) -> None:
        from PySide6.QtCore import QStandardPaths

        if self.clip is None or self.state == "unplayable":
            return
        self.player.pause()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation) or str(Path.home())
        suggested = str(Path(folder) / default_still_name(self.clip, self.player.position()))
        path, _ = QFileDialog.getSaveFileName(self, "Save this frame", suggested, "PNG picture (*.png)")
        if not path:
            return
        try:
            saved = self.export_still(Path(path))
        except (StillError, OSError) as exc:
            QMessageBox.warning(self, "Frame not saved", str(exc))
            return
        self.side.note(f"Frame saved as {saved}")

    # ---- keys ----------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: object) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.video and isinstance(event, QMouseEvent):
            if event.type() == QEvent.Type.MouseButtonDblClick:
                self.full_screen.toggle()
                return True
            if event.type() == QEvent.Type.MouseButtonPress:
                self.setFocus()
                self.toggle_play()
                return True
        return False

    def _handle_key(self, event: QKeyEvent) -> bool:
        from PySide6.QtCore import Qt

        key = Qt.Key(event.key())
        actions = {
            Qt.Key.Key_Space: self.toggle_play, Qt.Key.Key_K: self.toggle_play,
            Qt.Key.Key_Comma: lambda: self.step(-1), Qt.Key.Key_Period: lambda: self.step(1),
            Qt.Key.Key_Left: lambda: self.jump(-1000), Qt.Key.Key_J: lambda: self.jump(-1000),
            Qt.Key.Key_Right: lambda: self.jump(1000), Qt.Key.Key_L: lambda: self.jump(1000),
            Qt.Key.Key_F: self.full_screen.toggle,
            Qt.Key.Key_M: lambda: self.set_muted(not self.muted),
            Qt.Key.Key_S: self.export_still_dialog,
        }
        if key == Qt.Key.Key_Escape and self.full_screen.on:
            self.full_screen.leave()
            return True
        action = actions.get(key)
        if action is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        action()
        return True

    # ---- what the player says ------------------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    @Slot(QVideoFrame)
    def _on_frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid() or self.state == "unplayable":
            return  # the last signal after stop carries an invalid frame
        self.frames_shown += 1
        self._frame_us = frame.startTime()
        self.frame_shown.emit()
        if self.frames_shown == 1:
            self._start_probe()

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status in _LOADED and self._pending_seek is not None:
            ms, self._pending_seek = self._pending_seek, None
            self.player.setPosition(ms)
        if status in (_Status.InvalidMedia, _Status.EndOfMedia):
            self._start_probe()
        if status == _Status.InvalidMedia:
            self._refuse(f"The player could not open it ({self.player.errorString() or 'not a video it knows'}).")
        elif status == _Status.EndOfMedia:
            if self.frames_shown == 0 and self.state != "unplayable":
                # The probe should have said so first; this catches a codec it let through.
                self._refuse("The player reached the end without showing a single frame.")
            else:
                self._set_state("ended")

    def _on_playback(self, state: QMediaPlayer.PlaybackState) -> None:
        self.bar.show_playing(state == QMediaPlayer.PlaybackState.PlayingState)
        if self.state in ("unplayable", "empty"):
            return
        if state == QMediaPlayer.PlaybackState.PlayingState:
            self._set_state("playing")
        elif state == QMediaPlayer.PlaybackState.PausedState:
            self._set_state("paused")

    def _on_error(self, _error: QMediaPlayer.Error, text: str) -> None:
        self._start_probe()
        if self.clip is not None and self.state != "unplayable":
            self._refuse(f"The player reported an error: {text or 'unknown'}.")

    def closeEvent(self, event: object) -> None:
        self.player.stop()
        self._pool.waitForDone(5000)
        super().closeEvent(event)  # type: ignore[arg-type]
