"""The player's transport bar: play/pause, elapsed / seek bar / total, frame step, loop, speed, mute, still,
full screen. No QtMultimedia here: the bar only emits what the person asked for; the player acts on it.

None of the controls takes keyboard focus, so Space, K, J, L, the arrows, comma and full stop always
reach the player (a focused button would swallow Space, a focused slider the arrows).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QToolButton,
    QWidget,
)

from healthviz_desktop.core.settings import PLAYER_SPEEDS


def clock(ms: int) -> str:
    """0:04.2 — tenths matter for clips a few seconds long."""
    ms = max(0, ms)
    minutes, rest = divmod(ms, 60_000)
    return f"{minutes}:{rest // 1000:02d}.{rest % 1000 // 100}"


class SeekSlider(QSlider):
    """A click on the groove jumps there (Qt's default steps a page towards it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt

        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        from PySide6.QtCore import Qt

        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > self.minimum():
            span = max(1, self.width())
            value = QStyle.sliderValueFromPosition(self.minimum(), self.maximum(), int(event.position().x()), span)
            self.setValue(value)
            self.sliderMoved.emit(value)
        super().mousePressEvent(event)


class TransportBar(QWidget):
    toggle_play = Signal()
    step = Signal(int)  # frames: -1 or +1
    seek_to = Signal(int)  # ms
    speed_chosen = Signal(float)
    loop_toggled = Signal(bool)
    mute_toggled = Signal(bool)
    still_wanted = Signal()
    full_screen_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.setObjectName("transportBar")
        style = self.style()
        icon = style.standardIcon
        pix = QStyle.StandardPixmap
        self._icons = {"play": icon(pix.SP_MediaPlay), "pause": icon(pix.SP_MediaPause),
                       "sound": icon(pix.SP_MediaVolume), "muted": icon(pix.SP_MediaVolumeMuted)}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)

        def button(name: str, tip: str, icon_name: QStyle.StandardPixmap | None = None, text: str = "",
                   checkable: bool = False) -> QToolButton:
            b = QToolButton(self)
            b.setObjectName(name)
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setCheckable(checkable)
            if icon_name is not None:
                b.setIcon(icon(icon_name))
            if text:
                b.setText(text)
            layout.addWidget(b)
            return b

        self.play_button = button("playPause", "Play / pause (Space, K)", pix.SP_MediaPlay)
        self.play_button.clicked.connect(self.toggle_play)
        self.back_button = button("stepBack", "Back one frame (,)", pix.SP_MediaSkipBackward)
        self.back_button.clicked.connect(lambda: self.step.emit(-1))
        self.forward_button = button("stepForward", "Forward one frame (.)", pix.SP_MediaSkipForward)
        self.forward_button.clicked.connect(lambda: self.step.emit(1))
        self.elapsed = QLabel(clock(0), self)
        self.elapsed.setObjectName("elapsed")
        layout.addWidget(self.elapsed)
        self.slider = SeekSlider(self)
        self.slider.setObjectName("seekBar")
        self.slider.setToolTip("Seek (← → or J L: one second)")
        self.slider.sliderMoved.connect(self.seek_to)
        layout.addWidget(self.slider, 1)
        self.total = QLabel(clock(0), self)
        self.total.setObjectName("total")
        layout.addWidget(self.total)
        self.loop_button = button("loop", "Loop without a gap", text="Loop", checkable=True)
        self.loop_button.toggled.connect(self.loop_toggled)
        self.speed = QComboBox(self)
        self.speed.setObjectName("speed")
        self.speed.setToolTip("Playback speed (remembered)")
        self.speed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for value in PLAYER_SPEEDS:
            self.speed.addItem(f"{value:g}×", value)
        self.speed.activated.connect(lambda i: self.speed_chosen.emit(float(self.speed.itemData(i))))
        layout.addWidget(self.speed)
        self.mute_button = button("mute", "Mute (M)", pix.SP_MediaVolume, checkable=True)
        self.mute_button.toggled.connect(self._mute_icon)
        self.mute_button.toggled.connect(self.mute_toggled)
        self.still_button = button("still", "Save this frame as a picture (S)", text="Still")
        self.still_button.clicked.connect(self.still_wanted)
        self.full_button = button("fullScreen", "Full screen (F; Esc leaves)", pix.SP_TitleBarMaxButton)
        self.full_button.clicked.connect(self.full_screen_wanted)

    def show_playing(self, playing: bool) -> None:
        self.play_button.setIcon(self._icons["pause" if playing else "play"])

    def show_position(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        self.elapsed.setText(clock(ms))

    def show_duration(self, ms: int) -> None:
        self.slider.setRange(0, max(0, ms))
        self.slider.setPageStep(1000)
        self.total.setText(clock(ms))

    def show_speed(self, speed: float) -> None:
        index = self.speed.findData(speed)
        if index >= 0:
            self.speed.setCurrentIndex(index)

    def show_loop(self, on: bool) -> None:
        self.loop_button.blockSignals(True)
        self.loop_button.setChecked(on)
        self.loop_button.blockSignals(False)

    def show_muted(self, muted: bool) -> None:
        self.mute_button.blockSignals(True)
        self.mute_button.setChecked(muted)
        self.mute_button.blockSignals(False)
        self._mute_icon(muted)

    def _mute_icon(self, muted: bool) -> None:
        self.mute_button.setIcon(self._icons["muted" if muted else "sound"])
