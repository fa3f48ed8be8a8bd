"""The parts of the player that are not video: the provenance beside it, and the message shown instead of it.

Both are plain widgets (no QtMultimedia), so the player area can still say what it is showing, or why it
cannot, on a system where Qt Multimedia is missing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from healthviz_desktop.core.clip_media import AI_LABEL, ClipProbe, ClipProvenance, codec_label

LABEL_BACKGROUND, LABEL_TEXT = "#fff4d6", "#5a4100"


def _bold(font: QFont) -> QFont:
    font.setBold(True)
    return font


def open_in_system_player(clip: Path) -> bool:
    """Hand the clip to the desktop's own player; False when nothing could open it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(clip)))


class ProvenancePanel(QFrame):
    """Beside the video: the fixed label, who made the clip, with which model, when; then what the file is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provenancePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(220)
        self.setMaximumWidth(300)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        heading = QLabel("About this clip")
        heading.setFont(_bold(heading.font()))
        layout.addWidget(heading)
        # Fonts and palettes, not style sheets: a style sheet's polish and paint cost milliseconds before the
        # first frame (benchmarks/bench_clips.py). The label keeps its colours in the dark appearance too.
        self.label = QLabel(AI_LABEL)
        self.label.setObjectName("aiLabel")
        self.label.setWordWrap(True)
        self.label.setFont(_bold(self.label.font()))
        self.label.setMargin(8)
        self.label.setFrameShape(QFrame.Shape.Box)
        self.label.setAutoFillBackground(True)
        palette = self.label.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(LABEL_BACKGROUND))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(LABEL_TEXT))
        self.label.setPalette(palette)
        layout.addWidget(self.label)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.file_info = QLabel()
        self.file_info.setObjectName("clipFileInfo")
        self.file_info.setWordWrap(True)
        layout.addWidget(self.file_info)
        self.notice = QLabel()
        self.notice.setObjectName("playerNotice")
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        layout.addStretch(1)

    def show_clip(self, provenance: ClipProvenance | None, probe: ClipProbe | None = None) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.notice.setText("")
        for name, value in (provenance or ClipProvenance("unknown")).lines():
            value_label = QLabel(value)
            value_label.setWordWrap(True)
            self.form.addRow(f"{name}:", value_label)
        self.show_file(probe)

    def show_file(self, probe: ClipProbe | None) -> None:
        if probe is None or not probe.width:
            self.file_info.setText("")
            return
        shape = "portrait" if probe.portrait else "landscape"
        self.file_info.setText(f"{probe.width}×{probe.height} ({shape}), {probe.seconds:.1f} s, "
                               f"{codec_label(probe.codec)}")

    def note(self, text: str) -> None:
        self.notice.setText(text)

    def rows(self) -> dict[str, str]:
        """What the panel says, for tests and screen readers: {"Made by": ..., ...}."""
        out = {}
        for row in range(self.form.rowCount()):
            name = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            value = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if name is not None and value is not None:
                name_label, value_label = name.widget(), value.widget()
                if isinstance(name_label, QLabel) and isinstance(value_label, QLabel):
                    out[name_label.text().rstrip(":")] = value_label.text()
        return out


class MessagePanel(QFrame):
    """Shown instead of the video: what went wrong in words, and the system player as a way out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerMessage")
        self.clip: Path | None = None
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel()
        self.title.setObjectName("playerMessageTitle")
        font = _bold(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.open_button = QPushButton("Open in the system player")
        self.open_button.setObjectName("openInSystemPlayer")
        self.open_button.clicked.connect(self._open_outside)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.outcome)
        layout.addStretch(2)

    def say(self, title: str, text: str, clip: Path | None) -> None:
        self.clip = clip
        self.title.setText(title)
        self.text.setText(text)
        self.outcome.setText("")
        self.open_button.setVisible(clip is not None)

    def _open_outside(self) -> None:
        if self.clip is not None and not open_in_system_player(self.clip):
            self.outcome.setText(f"No program on this computer offered to play it. The file is {self.clip}.")
